"""The FastAPI app: factory, lifespan (opens the stores once), one JSON error shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import FaktakollError, PayloadTooLarge, RateLimited, StoreError, UnknownName
from core.settings import Settings
from service.models import pattern_problem
from service.operations import AccessLog, HeadAsGet
from service.routes import ask, chat, coverage, docs, facts, health, projects, review, sources, web
from service.security import RateLimit, SecurityHeaders, SizeLimit, TrailingSlash, rate_storage
from service.serving import Serving
from stores.sql import database_error

log = logging.getLogger("faktakoll.api")

DESCRIPTION = """
Faktakoll answers questions about Malmö stad's reports on international work
("Redovisning av internationellt arbete") with figures that trace to the reports.

* **Answers** (`/api/ask`, `/api/chat`): every number is a stored fact or stands in the
  quoted text of a cited passage; `not_reported` is an answer, never a guess or a 0.
* **Facts** (`/api/facts`, JSON or CSV) and **checks** (`/api/checks`): every figure the
  reports state, with document, page, verbatim quote, and the reports' inconsistencies.
* **Sources** (`/api/sources/{id}`, `/api/documents`): the exact text behind a citation.

Errors always have the shape `{"error": {"status", "code", "message", "hint"}}`; a filter that names no
organisation, fund or metric (422) adds `"field"`, `"value"` and `"nearest"` (the nearest allowed names).
When API keys are on, send `X-API-Key`.
"""


CORS_METHODS, CORS_HEADERS = ("GET", "POST"), ("Content-Type", "X-API-Key")
HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 408: "timeout", 413: "too_large", 429: "rate_limited"}


def error_response(status: int, code: str, message: str, hint: str | None = None,
                   headers: Mapping[str, str] | None = None, named: Mapping[str, Any] | None = None) -> JSONResponse:
    """The one error shape; `named` adds structured parts (an unknown name's field, value and nearest names)."""
    body = {"status": status, "code": code, "message": message, "hint": hint, **(named or {})}
    return JSONResponse({"error": body}, status_code=status, headers=headers)


class ShapedCORS(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered in the one error shape (Starlette's is plain text)."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        refused = bytes(response.body).decode().removeprefix("Disallowed CORS ")  # "origin, method"
        headers = {k: v for k, v in response.headers.items() if k not in ("content-type", "content-length")}
        return error_response(400, "bad_request", f"CORS preflight refused: {refused} not allowed",
                              f"allowed: the origins of FAKTAKOLL_CORS_ORIGINS, methods {', '.join(CORS_METHODS)}, "
                              f"headers {', '.join(CORS_HEADERS)}", headers=headers)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(FaktakollError)
    async def faktakoll_error(_: Request, exc: FaktakollError) -> JSONResponse:
        status = getattr(exc, "status", 503 if isinstance(exc, StoreError) else 500)
        if status >= 500:  # a store away: the operator reads it in the log, one line per request
            log.warning("%s", exc.message)
        named = {"field": exc.field, "value": exc.value, "nearest": exc.nearest} if isinstance(exc, UnknownName) else {}
        return error_response(status, getattr(exc, "code", "unavailable"), exc.message, exc.hint, named=named)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {_problem(e)}" for e in exc.errors())
        return error_response(422, "bad_request", problems or "invalid request", "see /docs for the request shape")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, "bad_request")
        return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)  # keeps Allow on 405

    @app.exception_handler(SQLAlchemyError)
    async def database(request: Request, exc: SQLAlchemyError) -> JSONResponse:
        # the database away: a 503 and one log line per request, no traceback (an outage must not flood the
        # log); a value it refuses (out of range, NUL): the request's 400, not logged
        return await faktakoll_error(request, database_error(exc))

    @app.exception_handler(Exception)
    async def crashed(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return error_response(500, "internal", "internal error", "the error was logged")


def _problem(error: Any) -> str:
    """A validation error's message; a value with a control character, or blank, says so readably."""
    pattern = (error.get("ctx") or {}).get("pattern") if error.get("type") == "string_pattern_mismatch" else None
    return (pattern and pattern_problem(pattern, error.get("input"))) or str(error["msg"])


def create_app(settings: Settings | None = None, *, serving: Serving | None = None) -> FastAPI:
    """The app; `serving` (the build being served) is opened by the lifespan unless given."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = getattr(app.state, "serving", None) is None
        if opened:
            app.state.serving = Serving(settings)
        yield
        if opened:  # a serving given by the caller is closed by the caller
            app.state.serving.close()

    app = FastAPI(title="Faktakoll", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # served by routes/docs.py with their own CSP
                  # no redirect to the other slash form: Starlette builds its Location from the Host header
                  # (TrailingSlash serves '/api/facts/' as '/api/facts' instead)
                  redirect_slashes=False,
                  responses={500: {"description": "internal error, in the error shape"}})
    app.state.settings = settings
    app.state.serving = serving
    _install_errors(app)
    _install_middleware(app, settings)
    for module in (ask, chat, coverage, facts, projects, review, sources, health, web, docs):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=web.WEB), name="static")
    _document_limits(app, settings)
    return app


def _document_limits(app: FastAPI, settings: Settings) -> None:
    """The OpenAPI description states this deployment's question length limit (a setting)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            question = generate()["components"]["schemas"]["AskRequest"]["properties"]["question"]
            question["maxLength"] = settings.max_question_chars
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]


def _install_middleware(app: FastAPI, settings: Settings) -> None:
    """CORS (when set), size limit, rate limit, security headers, trailing slash, HEAD as GET, access log (when
    set): the last added runs first."""
    if settings.cors_origins:
        app.add_middleware(ShapedCORS, allow_origins=settings.cors_origins, allow_methods=list(CORS_METHODS),
                           allow_headers=list(CORS_HEADERS))

    limits = review.body_limits(settings)  # a draft may be larger than a question

    async def too_large(scope: Any, receive: Any, send: Any) -> None:
        limit = limits.get(scope.get("path", ""), settings.max_request_bytes)
        hint = review.TOO_LARGE_HINT if scope.get("path") in limits else "send a shorter request"
        exc = PayloadTooLarge(f"request body over {limit} bytes", hint=hint)
        await error_response(413, exc.code, exc.message, exc.hint)(scope, receive, send)

    async def limited(scope: Any, receive: Any, send: Any) -> None:
        exc = RateLimited(f"too many requests: the limit is {settings.rate_limit}", hint="wait a moment and retry")
        await error_response(429, exc.code, exc.message, exc.hint, headers={"Retry-After": "60"})(scope, receive, send)

    def known_key(key_hash: str) -> bool:
        serving: Serving | None = app.state.serving
        try:
            return serving is not None and serving.store.api_key_name(key_hash) is not None
        except Exception:  # database away: the request counts against its address
            log.warning("cannot look up an API key", exc_info=True)
            return False

    app.add_middleware(SizeLimit, limit=settings.max_request_bytes, on_reject=too_large,
                       seconds=settings.request_body_seconds, paths=limits)
    app.add_middleware(RateLimit, rate=settings.rate_limit, on_reject=limited, known_key=known_key,
                       storage=rate_storage(settings.redis_url))  # Redis when set: shared by every worker
    app.add_middleware(SecurityHeaders)
    app.add_middleware(TrailingSlash)
    app.add_middleware(HeadAsGet)  # an uptime monitor's HEAD / and HEAD /api/health: the GET without its body
    if settings.access_log:  # outermost: a request refused by the limits above is logged too
        app.add_middleware(AccessLog, build=lambda: _served_build(app))


def _served_build(app: FastAPI) -> str | None:
    """The build being served, for a log line of a response that does not name it (a page, a 404)."""
    serving: Serving | None = app.state.serving
    return serving.served.build_id if serving is not None else None

"""What an operator and an uptime monitor see: HEAD answered like GET, one access log line per request,
and a port already in use said in one line before uvicorn starts.

- `HeadAsGet`: a HEAD request is answered by the GET route of its path, with the GET's status and headers
  (Content-Length included) and no body (RFC 9110 9.3.2); FastAPI's routes take only the methods they name.
- `AccessLog`: `GET /api/health 200 3.1 ms build=6c1f0e2a9b7d` on the logger `faktakoll.access` (stdout
  under `faktakoll serve`), after the response's last byte; FAKTAKOLL_ACCESS_LOG=false turns it off. The
  path is logged without its query string (a filter value is the reader's business).
- `bind_error`: why `faktakoll serve` cannot listen on its address, checked before uvicorn starts (uvicorn
  itself logs the error and exits 1, or with several workers prints a traceback).
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable
from typing import Any

from service.security import ASGIApp, Message, Receive, Scope, Send

ACCESS_LOGGER = "faktakoll.access"
BUILD_HEADER = b"x-build-id"
MS = 1000.0

log = logging.getLogger(ACCESS_LOGGER)


class HeadAsGet:
    """HEAD answered by the GET route: same status and headers, no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)  # a copy: the server still sees HEAD


class AccessLog:
    """One INFO line per HTTP request: method, path, status, milliseconds to the last byte, build served."""

    def __init__(self, app: ASGIApp, build: Callable[[], str | None]) -> None:
        self.app, self.build = app, build

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status, build = time.perf_counter(), 0, None

        async def noted(message: Message) -> None:
            nonlocal status, build
            if message["type"] == "http.response.start":
                status = message["status"]
                build = dict(message.get("headers") or []).get(BUILD_HEADER)
            await send(message)

        try:
            await self.app(scope, receive, noted)
        finally:
            served = build.decode("latin-1") if build else self.build()
            log.info("%s %s %d %.1f ms build=%s", scope["method"], scope["path"], status or 500,
                     (time.perf_counter() - started) * MS, served or "-")


def access_log_config() -> dict[str, Any]:
    """uvicorn's logging configuration plus the access logger on stdout (each worker applies it)."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {**LOGGING_CONFIG, "handlers": {**LOGGING_CONFIG["handlers"]},
                              "formatters": {**LOGGING_CONFIG["formatters"]}, "loggers": {**LOGGING_CONFIG["loggers"]}}
    config["formatters"]["faktakoll_access"] = {"format": "%(asctime)s %(message)s"}
    config["handlers"]["faktakoll_access"] = {"class": "logging.StreamHandler", "formatter": "faktakoll_access",
                                              "stream": "ext://sys.stdout"}
    config["loggers"][ACCESS_LOGGER] = {"handlers": ["faktakoll_access"], "level": "INFO", "propagate": False}
    return config


def bind_error(host: str, port: int) -> OSError | None:
    """Why `faktakoll serve` could not listen on host:port (in use: errno EADDRINUSE; not an address of this
    machine; a privileged port), or None. Bound as uvicorn binds, with SO_REUSEADDR: a port left in TIME_WAIT
    by a stopped server is free."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.create_server((host, port), family=family):
            return None
    except OSError as exc:
        return exc

"""API keys (stored hashed), rate limiting (the `limits` library), the request size limit
and the headers every response carries (security headers, the answering worker)."""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

import anyio
from limits import parse
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage, Storage
from limits.strategies import MovingWindowRateLimiter
from starlette.exceptions import HTTPException

from service.conversations import REDIS_TIMEOUT_SECONDS

API_KEY_HEADER = "X-API-Key"
# Sent by the service's own pages (service/web/page.js): their requests count in a budget of their own, so that a
# script on the same address or with the same key cannot use up the budget of the person reading the page. It is a
# claim, not a credential: a script that sends it gets one more budget (the page's), never an unlimited one.
CLIENT_HEADER = "X-Faktakoll-Client"
PAGE_CLIENT = b"page"
WORKER_HEADER = "x-faktakoll-worker"  # the process id of the worker that answered
RATE_KEY_PREFIX = "faktakoll:limits"  # rate-limit counters in a shared Redis

log = logging.getLogger("faktakoll.security")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Reject = Callable[[Scope, Receive, Send], Awaitable[None]]

# Pages and API: scripts and styles from our own files only (no inline script or style),
# nothing may frame us. /docs and /redoc set their own policy (service/routes/docs.py).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return "fk_" + secrets.token_urlsafe(32)


def _header(scope: Scope, name: str) -> bytes | None:
    return dict(scope.get("headers") or []).get(name.lower().encode())


def client_address(scope: Scope) -> str:
    client = scope.get("client") or ("unknown", 0)
    return f"ip:{client[0]}"


def rate_storage(redis_url: str | None) -> Storage:
    """Where the rate-limit counters live: Redis (FAKTAKOLL_REDIS_URL), shared by every worker,
    or this process's memory."""
    if redis_url is None:
        return MemoryStorage()
    return RedisStorage(redis_url, key_prefix=RATE_KEY_PREFIX, wrap_exceptions=True,
                        socket_connect_timeout=REDIS_TIMEOUT_SECONDS, socket_timeout=REDIS_TIMEOUT_SECONDS)


class RateLimit:
    """Moving-window limit on /api/* (health exempt), using the `limits` library, with the
    counters in memory (one process) or in Redis (every worker). A bucket is whose the request is
    (a valid API key's own; any other request, with a made-up key or none, its client address)
    and which client sent it (the service's own pages or anything else), so that a page and a
    script never share a budget. When Redis is away the request is let through (fail open) and a
    warning logged."""

    def __init__(self, app: ASGIApp, rate: str, on_reject: Reject, known_key: Callable[[str], bool],
                 storage: Storage | None = None) -> None:
        self.app, self.on_reject, self.known_key = app, on_reject, known_key
        self.item = parse(rate)
        self.storage = storage if storage is not None else MemoryStorage()
        self.remote = not isinstance(self.storage, MemoryStorage)  # network calls go to a thread
        self.limiter = MovingWindowRateLimiter(self.storage)

    async def bucket(self, scope: Scope) -> str:
        owner = await self.owner(scope)
        return f"{owner}:page" if _header(scope, CLIENT_HEADER) == PAGE_CLIENT else owner

    async def owner(self, scope: Scope) -> str:
        """A valid API key's bucket, else the client address's."""
        key = _header(scope, API_KEY_HEADER)
        if key:
            digest = hash_key(key.decode("latin-1"))
            if await anyio.to_thread.run_sync(self.known_key, digest):
                return f"key:{digest[:16]}"
        return client_address(scope)

    async def allowed(self, scope: Scope) -> bool:
        bucket = await self.bucket(scope)
        try:
            if self.remote:
                return await anyio.to_thread.run_sync(self.limiter.hit, self.item, bucket)
            return self.limiter.hit(self.item, bucket)
        except StorageError as exc:
            log.warning("rate limit not applied, its store is away: %s", exc)
            return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        limited = scope["type"] == "http" and path.startswith("/api/") and path != "/api/health"
        if limited and not await self.allowed(scope):
            await self.on_reject(scope, receive, send)
            return
        await self.app(scope, receive, send)


class BodyTooLarge(HTTPException):
    """Raised while the body is read; an HTTPException, so that FastAPI's body parsing
    passes it on (any other error there becomes a 400) and it is answered as a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=f"request body over {limit} bytes")


class BodyTooSlow(HTTPException):
    """Raised while the body is read, when it has not all come by its deadline: answered as a 408."""

    def __init__(self, seconds: float) -> None:
        super().__init__(status_code=408, detail=f"the request body did not arrive within {seconds:g} seconds")


class SizeLimit:
    """Refuses request bodies over `limit` bytes (or the limit of their path in `paths`): by
    Content-Length before reading, or by counting the bytes of a chunked body as they come; and
    bodies that have not all come `seconds` after the request's head (a client that sends a body
    slowly holds a worker's connection for as long as it likes otherwise)."""

    def __init__(self, app: ASGIApp, limit: int, on_reject: Reject, seconds: float,
                 paths: Mapping[str, int] | None = None) -> None:
        self.app, self.limit, self.on_reject, self.seconds = app, limit, on_reject, seconds
        self.paths = dict(paths or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.paths.get(scope.get("path", ""), self.limit)
        length = _header(scope, "content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self.on_reject(scope, receive, send)
            return
        seen, deadline = 0, anyio.current_time() + self.seconds
        complete = length in (None, b"0") and _header(scope, "transfer-encoding") is None  # no body to wait for

        async def counted() -> Message:
            nonlocal seen, complete
            if complete:  # no body, or all of it read: a wait for the disconnect lasts as long as a stream
                return await receive()
            with anyio.move_on_after(deadline - anyio.current_time()):
                message = await receive()
                seen += len(message.get("body", b""))
                complete = not message.get("more_body", False)
                if seen > limit:
                    raise BodyTooLarge(limit)
                return message
            raise BodyTooSlow(self.seconds)

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge:  # the body was read outside FastAPI's handlers: answer here
            await self.on_reject(scope, receive, send)


class SecurityHeaders:
    """Adds the security headers to every HTTP response that does not set its own, and the
    process id of the worker that answered (several workers may serve one port)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                headers.append((WORKER_HEADER.encode(), str(os.getpid()).encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class TrailingSlash:
    """Serves '/api/facts/' as '/api/facts' (any path but '/'), so that no redirect is needed: Starlette's own
    redirect to the other form builds an absolute URL from the Host header, which a client chooses."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and len(path) > 1 and path.endswith("/"):
            raw = scope.get("raw_path") or path.encode()
            scope = {**scope, "path": path.rstrip("/") or "/", "raw_path": raw.rstrip(b"/") or b"/"}
        await self.app(scope, receive, send)

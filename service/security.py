"""API keys (stored hashed), rate limiting (slowapi) and the request size limit."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

API_KEY_HEADER = "X-API-Key"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return "fk_" + secrets.token_urlsafe(32)


def client_key(scope: Scope) -> str:
    """Rate-limit bucket: the API key when one is given, else the client address."""
    headers = dict(scope.get("headers") or [])
    key = headers.get(API_KEY_HEADER.lower().encode())
    if key:
        return f"key:{hash_key(key.decode('latin-1'))[:16]}"
    client = scope.get("client") or ("unknown", 0)
    return f"ip:{client[0]}"


class RateLimit:
    """Moving-window limit per API key or client address on /api/* (health exempt),
    using the `limits` library (in memory: one process)."""

    def __init__(self, app: ASGIApp, rate: str, on_reject: Callable[[Scope, Receive, Send], Awaitable[None]]):
        self.app, self.on_reject = app, on_reject
        self.item = parse(rate)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        limited = scope["type"] == "http" and path.startswith("/api/") and path != "/api/health"
        if limited and not self.limiter.hit(self.item, client_key(scope)):
            await self.on_reject(scope, receive, send)
            return
        await self.app(scope, receive, send)


class BodyTooLarge(Exception):
    pass


class SizeLimit:
    """Refuses request bodies over `limit` bytes, by Content-Length or by counting."""

    def __init__(self, app: ASGIApp, limit: int, on_reject: Callable[[Scope, Receive, Send], Awaitable[None]]):
        self.app, self.limit, self.on_reject = app, limit, on_reject

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self.on_reject(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge:
            await self.on_reject(scope, receive, send)

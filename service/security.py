"""API keys (stored hashed), rate limiting (slowapi) and the request size limit."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from slowapi import Limiter
from slowapi.util import get_remote_address
from starlette.requests import Request

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


def client_key(request: Request) -> str:
    """Rate-limit bucket: the API key when one is given, else the client address."""
    key = request.headers.get(API_KEY_HEADER)
    return f"key:{hash_key(key)[:16]}" if key else f"ip:{get_remote_address(request)}"


def make_limiter(rate: str) -> Limiter:
    return Limiter(key_func=client_key, default_limits=[rate], headers_enabled=True)


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

"""How `faktakoll serve` runs uvicorn: which proxies it believes, and the bounds on slow and many clients.

Bounded here, per worker:
- a request's head (request line and headers) must be complete `HEAD_SECONDS` after the connection opens or
  its first byte arrives, and hold at most `HEAD_BYTES`; else the connection is closed (`BoundedHead`; uvicorn
  itself has no such deadline: a client that sends half a head holds its connection for ever);
- an idle kept-alive connection is closed after `KEEP_ALIVE_SECONDS`;
- at most `MAX_CONNECTIONS` open connections: beyond them uvicorn answers 503 (plain text, before our app).
The body's deadline (FAKTAKOLL_REQUEST_BODY_SECONDS, 408) and size (FAKTAKOLL_MAX_REQUEST_BYTES, 413) are
the app's (service/security.py). Not bounded: how slowly a client reads a response (a large export, a long
chat stream); put a reverse proxy in front for that, and set FAKTAKOLL_FORWARDED_ALLOW_IPS to it.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from core.settings import Settings
from service.operations import access_log_config

HEAD_SECONDS = 10.0  # generous for a head of a few hundred bytes on a slow link; nginx allows 60, Apache 20-40
HEAD_BYTES = 65_536  # a request line and headers; browsers send under 8 KB
KEEP_ALIVE_SECONDS = 5  # uvicorn's default, named
MAX_CONNECTIONS = 512  # per worker, under the usual limit of 1024 open files


class BoundedHead(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline and a size limit on each request's head. The clock starts
    when the connection opens and at the first byte of each later request, and stops when the head is
    complete. At the deadline a connection with no request in progress is closed; one still answering a
    request is closed when its response ends (uvicorn's own `shutdown`)."""

    head_timer: asyncio.TimerHandle | None = None
    head_bytes = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_head_clock()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_clock()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        heading = self.head_timer is not None
        if heading:
            self.head_bytes += len(data)
        super().data_received(data)  # the head may end in this data (with body bytes after it)
        if heading and self.head_timer is not None and self.head_bytes > HEAD_BYTES and self.parser is not None:
            self._stop_head_clock()
            self.send_400_response(f"Request head over {HEAD_BYTES} bytes.")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self.head_timer is None:
            self._start_head_clock()

    def on_headers_complete(self) -> None:
        self._stop_head_clock()
        super().on_headers_complete()

    def _start_head_clock(self) -> None:
        self.head_bytes = 0
        self.head_timer = self.loop.call_later(HEAD_SECONDS, self._head_too_slow)

    def _stop_head_clock(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def _head_too_slow(self) -> None:
        self.head_timer = None
        if not self.transport.is_closing():
            self.shutdown()  # closes now, or after the response in progress


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments of `uvicorn.run` for every worker: X-Forwarded-* believed only from the proxies of
    FAKTAKOLL_FORWARDED_ALLOW_IPS (uvicorn alone would believe 127.0.0.1), and the bounds above."""
    proxies = ",".join(settings.forwarded_allow_ips)
    return {"proxy_headers": bool(proxies), "forwarded_allow_ips": proxies,
            "http": f"{__name__}:BoundedHead",  # by name: each worker process imports it
            "timeout_keep_alive": KEEP_ALIVE_SECONDS, "limit_concurrency": MAX_CONNECTIONS,
            "log_level": "warning", "log_config": access_log_config()}

"""`faktakoll serve` under abuse, through a live uvicorn: an X-Forwarded-For header buys no fresh rate-limit
budget unless FAKTAKOLL_FORWARDED_ALLOW_IPS names the proxy it comes from (uvicorn alone believes 127.0.0.1),
and a client that sends a request's head slowly, or a huge one, loses its connection (uvicorn alone holds it
for ever)."""

from __future__ import annotations

import socket
import time
from urllib.parse import urlsplit

import httpx

from service.server import HEAD_BYTES, HEAD_SECONDS
from tests.live import live_server

LIMIT = 3
CLIENTS = ("203.0.113.7", "203.0.113.8")  # addresses a client makes up, or a trusted proxy reports


def _statuses(base: str, forwarded_for: list[str]) -> list[int]:
    return [httpx.get(f"{base}/api/checks", headers={"X-Forwarded-For": ip}, timeout=30).status_code
            for ip in forwarded_for]


def test_x_forwarded_for_is_believed_only_from_a_trusted_proxy(ingested):
    settings = ingested[0]
    with live_server(settings.corpus_dir, settings.data_dir, RATE_LIMIT=f"{LIMIT}/minute") as base:
        made_up = [f"198.51.100.{i}" for i in range(LIMIT + 2)]  # a fresh address per request, from 127.0.0.1
        assert _statuses(base, made_up) == [200] * LIMIT + [429] * 2
    with live_server(settings.corpus_dir, settings.data_dir, RATE_LIMIT=f"{LIMIT}/minute",
                     FORWARDED_ALLOW_IPS="127.0.0.1") as base:  # behind a proxy: each client it names counts alone
        assert _statuses(base, [CLIENTS[0]] * (LIMIT + 1)) == [200] * LIMIT + [429]
        assert _statuses(base, [CLIENTS[1]]) == [200]


def _closed_after(connection: socket.socket, started: float, trickle: bytes = b"") -> float:
    """Seconds from `started` until the server closes `connection` (sending `trickle` every half second
    meanwhile); fails when it is still open HEAD_SECONDS + 5 s later."""
    connection.settimeout(0.5)
    while time.monotonic() - started < HEAD_SECONDS + 5:
        try:
            if trickle:
                connection.sendall(trickle)
            if connection.recv(4096) == b"":
                return time.monotonic() - started
        except TimeoutError:
            continue
        except (BrokenPipeError, ConnectionResetError):
            return time.monotonic() - started
    raise AssertionError(f"the connection is still open after {HEAD_SECONDS + 5:.0f} s")


def test_a_slow_or_huge_request_head_loses_its_connection(ingested):
    settings = ingested[0]
    with live_server(settings.corpus_dir, settings.data_dir) as base:
        address = urlsplit(base)
        started = time.monotonic()
        silent = [socket.create_connection((address.hostname, address.port)) for _ in range(40)]
        trickling = socket.create_connection((address.hostname, address.port))
        trickling.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        huge = socket.create_connection((address.hostname, address.port))
        huge.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"a" * (HEAD_BYTES + 1024))
        huge.settimeout(5)
        refused = b"".join(iter(lambda: huge.recv(4096), b""))  # at once, not at the deadline, then closed
        assert refused.startswith(b"HTTP/1.1 400 ") and f"Request head over {HEAD_BYTES} bytes".encode() in refused
        with httpx.Client(base_url=base, timeout=30) as client:  # others are served meanwhile, kept alive
            assert [client.get("/api/health").status_code for _ in range(2)] == [200, 200]
        held = _closed_after(trickling, started, trickle=b"X-Slow: 1\r\n")  # bytes keep coming: no reprieve
        assert HEAD_SECONDS - 1 <= held <= HEAD_SECONDS + 3, held
        for connection in silent:
            assert _closed_after(connection, started) <= HEAD_SECONDS + 3
        for connection in (*silent, trickling, huge):
            connection.close()

"""Hostile requests through the app (real engine and stores; SQLite here, the same requests on PostgreSQL in
tests/test_postgres.py): values that reached the database and came back as a 500 (SQLite) or as "the database
does not answer" (PostgreSQL: a 503 and a warning for the operator, per request) are refused in the one error
shape, naming the field, and log nothing. Also: no redirect built from the Host header, a refused CORS
preflight in the error shape, and a deadline on a slowly sent body."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from core.settings import Settings
from service.app import create_app
from service.serving import Serving

# (method, path, request keywords, the field the error names)
HOSTILE: list[tuple[str, str, dict[str, Any], str]] = [
    ("GET", "/api/facts", {"params": {"year": "9223372036854775808"}}, "query.year"),  # SQLite: OverflowError
    ("GET", "/api/facts", {"params": {"year": "2147483648"}}, "query.year"),  # PostgreSQL: integer out of range
    ("GET", "/api/facts", {"params": {"year": "-2024"}}, "query.year"),
    ("GET", "/api/facts", {"params": {"metric": "\x00"}}, "query.metric"),
    ("GET", "/api/facts", {"params": {"org": "asf\x00"}}, "query.org"),
    ("GET", "/api/facts", {"params": {"fund": "esf\x1b[2J"}}, "query.fund"),
    ("GET", "/api/facts", {"params": {"metric": "eu_funds_paid\x7f", "format": "csv"}}, "query.metric"),
    ("GET", "/api/projects", {"params": {"q": "Care\x00"}}, "query.q"),
    ("GET", "/api/projects", {"params": {"org": "\x00"}}, "query.org"),
    ("GET", "/api/projects", {"params": {"fund": "\x85"}}, "query.fund"),
    ("GET", "/api/projects", {"params": {"year": "2147483648"}}, "query.year"),
    ("GET", "/api/sources/a%00b", {}, "path.source_id"),  # PostgreSQL: NUL in text
    ("GET", "/api/sources/a%0Ab", {}, "path.source_id"),
    ("GET", "/api/sources/x", {"params": {"start": "-1", "end": "5"}}, "query.start"),
    ("POST", "/api/ask", {"json": {"question": "Hur mycket fick ASF\x00 2022?"}}, "body.question"),
    ("POST", "/api/chat", {"json": {"question": "\x00"}}, "body.question"),
    ("POST", "/api/review", {"json": {"text": "Miljönämnden fick 10 miljoner\x00 2024."}}, "body.text"),
]


async def refuses_every_hostile_request(client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture) -> None:
    """Each request of HOSTILE gets a 4xx in the error shape naming its field, and no warning is logged."""
    caplog.set_level(logging.WARNING)
    for method, path, keywords, field in HOSTILE:
        response = await client.request(method, path, **keywords)
        assert response.status_code in (400, 422), (path, keywords, response.status_code, response.text[:300])
        error = response.json()["error"]
        assert error["code"] == "bad_request" and error["message"].startswith(f"{field}: "), (path, error)
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert not warned, warned


@pytest.fixture(scope="module")
def serving(ingested) -> Serving:  # type: ignore[no-untyped-def]
    return Serving(ingested[0], store=ingested[1])


def _client(settings: Settings, serving: Serving) -> httpx.AsyncClient:
    app = create_app(settings, serving=serving)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_hostile_values_are_refused_naming_the_field_on_sqlite(ingested, serving, caplog):
    async with _client(ingested[0], serving) as client:
        await refuses_every_hostile_request(client, caplog)


async def test_a_control_character_is_named_and_free_text_keeps_its_line_breaks(ingested, serving):
    async with _client(ingested[0], serving) as client:
        refused = (await client.get("/api/facts", params={"org": "asf\x00"})).json()["error"]
        assert refused["message"] == ("query.org: contains the control character U+0000, which is not allowed "
                                      "here: remove it")
        asked = await client.post("/api/ask", json={"question": "Hur mycket EU-medel\nfick ASF 2022?\t"})
        assert asked.status_code == 200 and "8,3 miljoner" in asked.json()["text"]
        reviewed = await client.post("/api/review", json={"text": "Rubrik\r\n\r\nASF fick 8,3 miljoner kr 2022."})
        assert reviewed.status_code == 200 and reviewed.json()["claims"]


async def test_a_trailing_slash_is_served_without_a_redirect_from_the_host_header(ingested, serving):
    """Starlette redirected '/api/facts/' to 'http://<Host header>/api/facts': a link to our server could send
    a reader to any host a proxy passes on."""
    async with _client(ingested[0], serving) as client:
        for path in ("/api/facts/", "/api/health/", "/fakta/", "/api/facts/?year=2022"):
            response = await client.get(path, headers={"Host": "evil.example"})
            assert response.status_code == 200, (path, response.status_code)
            assert "location" not in response.headers
            assert not any("evil.example" in value for value in response.headers.values())
        same = await client.get("/api/facts/", params={"year": 2022, "metric": "eu_funds_paid"})
        plain = await client.get("/api/facts", params={"year": 2022, "metric": "eu_funds_paid"})
        assert same.json() == plain.json() and plain.json()


async def test_a_refused_cors_preflight_is_in_the_error_shape(ingested, serving):
    settings = ingested[0].model_copy(update={"cors_origins": ["https://redaktion.example"]})
    async with _client(settings, serving) as client:
        allowed = await client.options("/api/ask", headers={"Origin": "https://redaktion.example",
                                                            "Access-Control-Request-Method": "POST"})
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://redaktion.example"
        for origin, method, refused in (("https://evil.example", "POST", "origin"),
                                        ("https://redaktion.example", "DELETE", "method")):
            response = await client.options("/api/ask", headers={"Origin": origin,
                                                                 "Access-Control-Request-Method": method})
            assert response.status_code == 400 and response.headers["content-type"] == "application/json"
            error = response.json()["error"]
            assert set(error) == {"status", "code", "message", "hint"} and error["code"] == "bad_request"
            assert error["message"] == f"CORS preflight refused: {refused} not allowed"
            assert "FAKTAKOLL_CORS_ORIGINS" in error["hint"]
            assert ("access-control-allow-origin" in response.headers) == (refused != "origin")


async def test_a_body_sent_too_slowly_gets_408(ingested, serving):
    settings = ingested[0].model_copy(update={"request_body_seconds": 1.0})

    async def slowly() -> AsyncIterator[bytes]:
        yield b'{"question": "Hur mycket EU-medel fick ASF'
        await asyncio.sleep(5)
        yield b' 2022?"}'

    async with _client(settings, serving) as client:
        started = time.monotonic()
        response = await client.post("/api/ask", content=slowly(), headers={"content-type": "application/json"})
        assert response.status_code == 408 and time.monotonic() - started < 4
        error = response.json()["error"]
        assert error["code"] == "timeout" and error["message"] == "the request body did not arrive within 1 seconds"

        async def briskly() -> AsyncIterator[bytes]:
            yield b'{"question": "Hur mycket EU-medel fick ASF'
            await asyncio.sleep(0.2)
            yield b' 2022?"}'

        answered = await client.post("/api/ask", content=briskly(), headers={"content-type": "application/json"})
        assert answered.status_code == 200 and "8,3 miljoner" in answered.json()["text"]

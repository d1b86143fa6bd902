"""Every route and error through the ASGI app (real engine, real stores)."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from core.settings import Settings
from service.app import create_app
from service.security import hash_key


@pytest.fixture(scope="module")
def engine(ingested):  # type: ignore[no-untyped-def]
    from service.answer.engine import Engine

    return Engine(ingested[0], store=ingested[1])


def _client(settings: Settings, engine) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    app = create_app(settings, engine=engine)
    app.state.engine = engine  # the lifespan would set it; the ASGI transport does not run it
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


@pytest.fixture
async def client(ingested, engine):  # type: ignore[no-untyped-def]
    async with _client(ingested[0], engine) as c:
        yield c


def _is_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message", "hint"}
    assert body["error"]["status"] == status and body["error"]["code"] == code and body["error"]["message"]


async def test_ask_and_follow_up(client):
    first = (await client.post("/api/ask", json={"question": "Hur mycket EU-medel fick miljönämnden 2024?"})).json()
    assert first["figures"][0]["value"] == 10_404_000 and first["citations"][0]["page"] == 3
    follow = await client.post("/api/ask", json={"question": "och 2022?", "conversation_id": first["conversation_id"]})
    assert follow.json()["figures"][0]["year"] == 2022


async def test_ask_english(client):
    body = (await client.post("/api/ask", json={"question": "How many EU projects were there in 2024?"})).json()
    assert body["lang"] == "en" and 60 in [f["value"] for f in body["figures"]]


async def test_facts_json_and_csv(client):
    rows = (await client.get("/api/facts", params={"year": 2024, "org": "miljönämnden"})).json()
    assert {r["value"] for r in rows} >= {10_404_000, 25}
    csv_text = (await client.get("/api/facts", params={"year": 2022, "format": "csv"})).text
    table = list(csv.DictReader(io.StringIO(csv_text)))
    asf = [r for r in table if r["org"] == "asf" and r["metric"] == "eu_funds_paid"]
    assert asf and asf[0]["display"] == "ca 8,3 miljoner kr" and asf[0]["page"] == "7"
    approx = (await client.get("/api/facts", params={"approximate": "false", "year": 2019})).json()
    assert approx and not any(r["approximate"] for r in approx)


async def test_checks_documents_health(client):
    checks = (await client.get("/api/checks", params={"failing": "true"})).json()
    assert checks["failing"] == len(checks["checks"]) >= 3
    docs = (await client.get("/api/documents")).json()
    assert len(docs) == 5 and {"title", "year", "kind", "pages", "ingested_at", "content_hash"} <= set(docs[0])
    health = (await client.get("/api/health")).json()
    assert health["status"] == "ok" and health["documents"] == 5 and health["corpus_version"]


async def test_source_with_highlight(client):
    answer = (await client.post("/api/ask", json={"question": "Vad gjorde kulturförvaltningen 2022?"})).json()
    cite = next(c for c in answer["citations"] if c["chunk_id"])
    src = (await client.get(f"/api/sources/{cite['chunk_id']}",
                            params={"start": cite["span_start"], "end": cite["span_end"]})).json()
    assert src["context"][src["highlight_start"]:src["highlight_end"]] == cite["quote"]
    fact_cite = (await client.post("/api/ask", json={"question": "Hur mycket fick TAMU 2019?"})).json()["citations"][0]
    src = (await client.get(f"/api/sources/{fact_cite['fact_id']}")).json()
    assert src["context"][src["highlight_start"]:src["highlight_end"]] == fact_cite["quote"] == "TAMU ESF 257 345 SEK 2"


async def test_errors_have_one_shape(client):
    _is_error(await client.get("/api/sources/no-such-id"), 404, "not_found")
    _is_error(await client.post("/api/ask", json={"question": ""}), 422, "bad_request")
    _is_error(await client.post("/api/ask", json={"question": "x", "extra": 1}), 422, "bad_request")
    _is_error(await client.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"}),
              422, "bad_request")
    _is_error(await client.post("/api/ask", json={"question": "   "}), 400, "bad_request")
    _is_error(await client.post("/api/ask", json={"question": "a" * 600}), 400, "bad_request")
    _is_error(await client.get("/api/facts", params={"year": "tjugo"}), 422, "bad_request")
    _is_error(await client.get("/api/facts", params={"format": "xml"}), 422, "bad_request")
    _is_error(await client.get("/api/nothing-here"), 404, "not_found")
    _is_error(await client.get("/api/ask"), 405, "method_not_allowed")
    big = {"question": "x" * 20_000}
    _is_error(await client.post("/api/ask", json=big), 413, "too_large")
    chunk = await client.get("/api/sources/" + "x", params={"start": 5})
    _is_error(chunk, 404, "not_found")


async def test_api_keys_and_rate_limit(ingested, engine, tmp_path):
    settings = Settings(corpus_dir=ingested[0].corpus_dir, data_dir=ingested[0].data_dir, require_api_key=True,
                        rate_limit="3/minute")
    engine.store.add_api_key(f"test-{tmp_path.name}", hash_key("secret-key"))
    async with _client(settings, engine) as c:
        _is_error(await c.get("/api/facts"), 401, "unauthorized")
        _is_error(await c.get("/api/facts", headers={"X-API-Key": "wrong"}), 401, "unauthorized")
        assert (await c.get("/api/facts", headers={"X-API-Key": "secret-key"})).status_code == 200
        assert (await c.get("/api/health")).status_code == 200  # health needs no key
        statuses = [(await c.get("/api/checks", headers={"X-API-Key": "secret-key"})).status_code for _ in range(3)]
        assert statuses[-1] == 429
        _is_error(await c.get("/api/checks", headers={"X-API-Key": "secret-key"}), 429, "rate_limited")
    assert engine.store.remove_api_key(f"test-{tmp_path.name}")


async def test_cors_by_settings(ingested, engine):
    settings = Settings(corpus_dir=ingested[0].corpus_dir, data_dir=ingested[0].data_dir,
                        cors_origins=["https://redaktion.example"])
    async with _client(settings, engine) as c:
        r = await c.get("/api/health", headers={"Origin": "https://redaktion.example"})
        assert r.headers["access-control-allow-origin"] == "https://redaktion.example"
        r = await c.get("/api/health", headers={"Origin": "https://other.example"})
        assert "access-control-allow-origin" not in r.headers


async def test_openapi_documents_every_route(client):
    spec = (await client.get("/openapi.json")).json()
    assert spec["info"]["description"]
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            assert op.get("description"), (path, method)
            examples = [c for r in op["responses"].values() for c in r.get("content", {}).values() if "example" in c]
            assert examples, (path, method)
    assert (await client.get("/docs")).status_code == 200


async def test_pages_are_served_with_local_assets(client):
    page = (await client.get("/")).text
    assert 'lang="sv"' in page and "http" not in page.replace("http-equiv", "")
    assert (await client.get("/fakta")).status_code == 200
    assert (await client.get("/static/app.js")).status_code == 200

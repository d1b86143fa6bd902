"""Every route and error through the ASGI app (real engine, real stores)."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest

from core.settings import Settings
from service.app import create_app
from service.routes.web import WEB
from service.security import hash_key
from service.serving import Serving
from stores.sql import Store
from tests.unlisted import UNLISTED, unlisted_build


@pytest.fixture(scope="module")
def serving(ingested) -> Serving:  # type: ignore[no-untyped-def]
    return Serving(ingested[0], store=ingested[1])


def _client(settings: Settings, serving: Serving) -> httpx.AsyncClient:
    app = create_app(settings, serving=serving)  # given: the ASGI transport does not run the lifespan
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


@pytest.fixture
async def client(ingested, serving):  # type: ignore[no-untyped-def]
    async with _client(ingested[0], serving) as c:
        yield c


def _is_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status
    body = response.json()
    named = {"field", "value", "nearest"}  # an unknown filter name's structured parts (tests/test_names.py)
    assert set(body) == {"error"} and set(body["error"]) - named == {"status", "code", "message", "hint"}
    assert set(body["error"]) & named in (set(), named)
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


async def test_a_citation_of_several_quotes_of_one_page_highlights_them_all(client):
    """The programme rows of 2024 (one page) are one source: its span covers them, verbatim, and the sources
    route highlights it from the id of its first quote; a span on another page is refused."""
    answer = (await client.post("/api/ask", json={"question": "Vilka program fick EU-medel 2024?"})).json()
    pages = [(c["doc_id"], c["page"]) for c in answer["citations"]]
    assert len(pages) == len(set(pages))
    cite = next(c for c in answer["citations"] if "ESF-projekt" in c["quote"] and "Erasmus-projekt" in c["quote"])
    span = {"start": cite["span_start"], "end": cite["span_end"]}
    src = (await client.get(f"/api/sources/{cite['chunk_id'] or cite['fact_id']}", params=span)).json()
    assert src["context"][src["highlight_start"]:src["highlight_end"]] == cite["quote"]
    elsewhere = {"start": 0, "end": 10}
    _is_error(await client.get(f"/api/sources/{cite['chunk_id'] or cite['fact_id']}", params=elsewhere), 400,
              "bad_request")


async def test_errors_have_one_shape(client):
    _is_error(await client.get("/api/sources/no-such-id"), 404, "not_found")
    _is_error(await client.post("/api/ask", json={"question": ""}), 422, "bad_request")
    _is_error(await client.post("/api/ask", json={"question": "x", "extra": 1}), 422, "bad_request")
    _is_error(await client.post("/api/ask", content=b"{not json", headers={"content-type": "application/json"}),
              422, "bad_request")
    _is_error(await client.post("/api/ask", json={"question": "   "}), 422, "bad_request")
    _is_error(await client.post("/api/ask", json={"question": "a" * 600}), 400, "bad_request")
    _is_error(await client.get("/api/facts", params={"year": "tjugo"}), 422, "bad_request")
    _is_error(await client.get("/api/facts", params={"format": "xml"}), 422, "bad_request")
    _is_error(await client.get("/api/nothing-here"), 404, "not_found")
    not_allowed = await client.get("/api/ask")
    _is_error(not_allowed, 405, "method_not_allowed")
    assert not_allowed.headers["allow"] == "POST"
    big = {"question": "x" * 20_000}
    _is_error(await client.post("/api/ask", json=big), 413, "too_large")
    chunk = await client.get("/api/sources/" + "x", params={"start": 5})
    _is_error(chunk, 404, "not_found")


async def test_api_keys_and_rate_limit(ingested, serving, tmp_path):
    settings = Settings(corpus_dir=ingested[0].corpus_dir, data_dir=ingested[0].data_dir, require_api_key=True,
                        rate_limit="3/minute")
    serving.store.add_api_key(f"test-{tmp_path.name}", hash_key("secret-key"))
    async with _client(settings, serving) as c:
        _is_error(await c.get("/api/facts"), 401, "unauthorized")
        _is_error(await c.get("/api/facts", headers={"X-API-Key": "wrong"}), 401, "unauthorized")
        assert (await c.get("/api/facts", headers={"X-API-Key": "secret-key"})).status_code == 200
        assert (await c.get("/api/health")).status_code == 200  # health needs no key
        statuses = [(await c.get("/api/checks", headers={"X-API-Key": "secret-key"})).status_code for _ in range(3)]
        assert statuses[-1] == 429
        _is_error(await c.get("/api/checks", headers={"X-API-Key": "secret-key"}), 429, "rate_limited")
    assert serving.store.remove_api_key(f"test-{tmp_path.name}")


async def test_cors_by_settings(ingested, serving):
    settings = Settings(corpus_dir=ingested[0].corpus_dir, data_dir=ingested[0].data_dir,
                        cors_origins=["https://redaktion.example"])
    async with _client(settings, serving) as c:
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
    assert (await client.get("/projekt")).status_code == 200
    assert (await client.get("/static/app.js")).status_code == 200


async def test_chunked_body_over_the_limit_is_413(client):
    async def chunks():  # no Content-Length: the size is only known by counting
        for _ in range(40):
            yield b" " * 1000

    response = await client.post("/api/ask", content=chunks(), headers={"content-type": "application/json"})
    _is_error(response, 413, "too_large")


async def test_made_up_api_keys_share_the_address_bucket(ingested, serving, tmp_path):
    settings = Settings(corpus_dir=ingested[0].corpus_dir, data_dir=ingested[0].data_dir, rate_limit="5/minute")
    serving.store.add_api_key(f"bucket-{tmp_path.name}", hash_key("real-key"))
    try:
        async with _client(settings, serving) as c:
            statuses = [(await c.get("/api/checks", headers={"X-API-Key": f"made-up-{i}"})).status_code
                        for i in range(8)]
            assert statuses == [200] * 5 + [429] * 3
            assert (await c.get("/api/checks")).status_code == 429  # the same address, no key
            assert (await c.get("/api/checks", headers={"X-API-Key": "real-key"})).status_code == 200  # own bucket
    finally:
        serving.store.remove_api_key(f"bucket-{tmp_path.name}")


async def test_pages_and_scripts_with_one_key_have_budgets_of_their_own(ingested, serving, tmp_path):
    """A person with a key on the page and a script with the same key (or none) from the same address: the
    script using up its budget leaves the page's alone, and the other way round."""
    settings = Settings(corpus_dir=ingested[0].corpus_dir, data_dir=ingested[0].data_dir, rate_limit="3/minute")
    serving.store.add_api_key(f"pages-{tmp_path.name}", hash_key("shared-key"))
    key, page = {"X-API-Key": "shared-key"}, {"X-Faktakoll-Client": "page"}
    try:
        async with _client(settings, serving) as c:
            script = [(await c.get("/api/checks", headers=key)).status_code for _ in range(4)]
            assert script == [200, 200, 200, 429]
            on_page = [(await c.get("/api/checks", headers={**key, **page})).status_code for _ in range(4)]
            assert on_page == [200, 200, 200, 429]
            anonymous = [(await c.get("/api/checks")).status_code for _ in range(3)]  # the address's own budgets
            assert anonymous == [200, 200, 200] and (await c.get("/api/checks", headers=page)).status_code == 200
    finally:
        serving.store.remove_api_key(f"pages-{tmp_path.name}")


SECURITY_HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}


def _script_sources(response: httpx.Response) -> str:
    policy = dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))
    assert policy["frame-ancestors"] == "'none'"
    return policy["script-src"]


async def test_security_headers_on_pages_and_api(client):
    for path in ("/", "/fakta", "/projekt", "/static/app.js", "/api/health", "/api/facts?year=2024",
                 "/api/nothing-here"):
        response = await client.get(path)
        assert {k: response.headers.get(k) for k in SECURITY_HEADERS} == SECURITY_HEADERS, path
        assert _script_sources(response) == "'self'", path  # no inline script, no other host
    for page in ("index.html", "facts.html", "projects.html"):
        html = (WEB / page).read_text(encoding="utf-8")
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert not re.search(r"\son[a-z]+=", html), page
    for path in ("/docs", "/redoc"):  # the documentation pages: only this server's files, no inline script
        docs = await client.get(path)
        assert docs.headers["x-frame-options"] == "DENY" and _script_sources(docs) == "'self'", path
        assert "<script>" not in docs.text and "http" not in docs.text, path
        for asset in re.findall(r'(?:src|href)="([^"]+)"', docs.text):
            assert (await client.get(asset)).status_code == 200, asset
    assert "'unsafe-inline'" not in (await client.get("/docs")).headers["content-security-policy"]
    assert (await client.get("/docs/assets/not-an-asset.js")).status_code == 404


@pytest.fixture(scope="module")
def unlisted_serving(ingested, serving, tmp_path_factory) -> Serving:  # type: ignore[no-untyped-def]
    settings = unlisted_build(tmp_path_factory.mktemp("unlisted"), ingested[0])
    return Serving(settings, store=Store(settings), embeddings=serving.embeddings)


async def test_unlisted_documents_are_marked(unlisted_serving):
    settings = unlisted_serving.settings
    async with _client(settings, unlisted_serving) as c:
        docs = {d["doc_id"]: d for d in (await c.get("/api/documents")).json()}
        assert docs["falsk"]["official"] is False and docs["falsk"]["title"] == UNLISTED
        assert all(d["official"] for doc_id, d in docs.items() if doc_id != "falsk")
        rows = (await c.get("/api/facts")).json()
        assert {r["official"] for r in rows if r["doc_id"] == "falsk"} == {False}
        assert {r["official"] for r in rows if r["doc_id"] != "falsk"} == {True}
        table = list(csv.DictReader(io.StringIO((await c.get("/api/facts", params={"format": "csv"})).text)))
        fake = [r for r in table if float(r["value"]) == 99_000_000]
        assert fake and {r["official"] for r in fake} == {"False"}


async def test_coverage_lists_documents_figures_and_examples_that_work(client):
    body = (await client.get("/api/coverage")).json()
    facts = (await client.get("/api/facts")).json()
    docs = {d["doc_id"]: d for d in body["documents"]}
    assert set(docs) == {d["doc_id"] for d in (await client.get("/api/documents")).json()}
    assert body["years"] == [2018, 2019, 2022, 2024] and body["facts"] == len(facts) > 300
    assert body["text_figures"] == sum(1 for f in facts if f["source"] == "text") > 0
    assert sum(d["facts"] for d in docs.values()) == body["facts"]
    assert docs["2019_malmo_stad_redovisning_internationellt_arbete"]["pages"] == 0  # Markdown: cited by section
    assert docs["2024_stk_redovisning_internationellt_arbete"]["pages"] == 6
    assert "Miljönämnden" in {o["name"] for o in body["organisations"]}
    assert body["checking"]["sv"] and body["checking"]["en"] and 4 <= len(body["examples"]) <= 6
    for example in body["examples"]:
        for lang in ("sv", "en"):
            answer = (await client.post("/api/ask", json={"question": example[lang]})).json()
            assert answer["lang"] == lang and answer["status"] in ("answered", "partial"), example[lang]
            assert answer["figures"] and answer["text"], example[lang]


async def test_facts_csv_for_tools_and_for_excel(client):
    plain = await client.get("/api/facts", params={"year": 2024, "format": "csv"})
    assert plain.content.startswith(b"year,org,org_name,metric,") and ",10404000," in plain.text
    excel = await client.get("/api/facts", params={"year": 2022, "format": "excel-csv"})
    assert excel.content.startswith("\ufeffyear;org;".encode())  # BOM: Excel reads å/ä/ö as UTF-8
    assert 'filename="faktakoll-fakta-excel.csv"' in excel.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(excel.content.decode("utf-8-sig")), delimiter=";"))
    asf = next(r for r in table if r["org"] == "asf" and r["metric"] == "eu_funds_paid")
    assert asf["value"] == "8300000" and asf["org_name"] == "Arbetsmarknads- och socialförvaltningen"
    assert next(r for r in table if r["display"] == "5,1%")["value"] == "5,1"  # decimal comma
    assert {r["title"] for r in table} >= {"Redovisning av internationellt arbete 2022 (KS § 270, "
                                            "tjänsteskrivelse STK-2023-627 och rapport)"}
    spec = (await client.get("/openapi.json")).json()
    docs = spec["paths"]["/api/facts"]["get"]["description"]
    assert "format=csv" in docs and "format=excel-csv" in docs and "BOM" in docs and "format=xlsx" in docs


async def test_facts_by_source_table_or_running_text(client):
    text = (await client.get("/api/facts", params={"source": "text"})).json()
    table = (await client.get("/api/facts", params={"source": "table"})).json()
    assert text and {r["metric"] for r in text} == {"figure"} and "figure" not in {r["metric"] for r in table}
    _is_error(await client.get("/api/facts", params={"source": "prose"}), 422, "bad_request")


async def test_markdown_source_has_its_section_path_and_clean_text(client):
    question = "Hur många samverkansparter hade Malmö stad 2019?"
    answer = (await client.post("/api/ask", json={"question": question})).json()
    cite = answer["citations"][0]
    assert cite["doc_id"] == "2019_malmo_stad_redovisning_internationellt_arbete" and cite["page"] is None
    span = {"start": cite["span_start"], "end": cite["span_end"]} if cite["chunk_id"] else {}
    src = (await client.get(f"/api/sources/{cite['chunk_id'] or cite['fact_id']}", params=span)).json()
    assert src["section_path"] == ["1 Malmö stad", "1.1 Del 2; Internationellt arbete i Malmö stads förvaltningar "
                                   "2019", "1.1.1 Sammanfattning"]
    assert src["context"][src["highlight_start"]:src["highlight_end"]] == cite["quote"]  # verbatim for the API
    assert "<b>" in src["context"] and "....." in src["context"]  # the table of contents stands before it
    assert "<b>" not in src["text"] and "....." not in src["text"] and not re.search(r"(?m)^#", src["text"])
    assert src["text"][src["text_highlight_start"]:src["text_highlight_end"]] == cite["quote"]


async def test_favicon_is_served_locally(client):
    for path in ("/favicon.ico", "/static/favicon.svg"):
        response = await client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml"), path
    for page in ("index.html", "facts.html", "projects.html"):
        assert '<link rel="icon" href="/static/favicon.svg"' in (WEB / page).read_text(encoding="utf-8")


async def test_a_follow_up_in_an_unknown_conversation_says_it_lost_its_context(client):
    """An expired (or made-up) conversation id: the follow-up is answered on its own, and says so first."""
    lost = (await client.post("/api/ask", json={"question": "och hur många projekt hade de?",
                                                "conversation_id": "expired-0123"})).json()
    assert lost["caveats"][0].startswith("Samtalet finns inte längre")
    first = (await client.post("/api/ask", json={"question": "och hur många projekt hade de?"})).json()
    assert not any(c.startswith("Samtalet") for c in first["caveats"])  # a new conversation lost nothing
    own = (await client.post("/api/ask", json={"question": "Hur sprids projektresultaten?",
                                               "conversation_id": "expired-4567"})).json()
    assert not any(c.startswith("Samtalet") for c in own["caveats"])  # a question of its own needs no context


def _project_names(rows: list[dict]) -> set[str]:  # type: ignore[type-arg]
    return {r["name"] for r in rows}


async def test_projects_by_name_as_typed_organisation_fund_and_year(client):
    found = (await client.get("/api/projects", params={"q": "malmokraften"})).json()
    assert [p["name"] for p in found] == ["Malmökraften"]
    project = found[0]
    assert project["owner"] is None and project["owner_name"] == "Arbetsförmedlingen"  # not a city organisation
    assert project["owner_quote"].startswith("Arbetsförmedlingen är projektägare") and project["owner_page"] == 23
    assert project["partner_role_names"] == ["Arbetsmarknads- och socialförvaltningen"]
    assert {s["year"] for s in project["sources"]} == {2022, 2024} and all(s["official"] for s in project["sources"])
    assert any(f["value"] == 4000 and f["page"] == 24 for f in project["facts"])

    asf = _project_names((await client.get("/api/projects", params={"org": "ASF"})).json())
    assert {"Malmökraften", "Care for Ukraine"} <= asf and "ACCESS" not in asf  # ACCESS: miljönämnden's
    erasmus = _project_names((await client.get("/api/projects", params={"fund": "Erasmus+"})).json())
    assert {"TEN", "UNITY"} <= erasmus and "Malmökraften" not in erasmus
    in_2024 = _project_names((await client.get("/api/projects", params={"year": 2024})).json())
    assert {"Malmökraften", "STRIVE"} <= in_2024 and "Bostad Först" not in in_2024
    assert (await client.get("/api/projects", params={"q": "malmokraften", "year": 2019})).json() == []
    both = await client.get("/api/projects", params={"q": "malmökraften", "org": "arbetsmarknads- och "
                                                     "socialförvaltningen", "fund": "ESF", "year": 2022})
    assert _project_names(both.json()) == {"Malmökraften"}


async def test_projects_unknown_filter_is_a_422_naming_the_field(client):
    for field in ("org", "fund"):
        response = await client.get("/api/projects", params={field: "Hittepå"})
        _is_error(response, 422, "bad_request")
        error = response.json()["error"]
        assert error["message"].startswith(f"{field}: ") and "Hittepå" in error["message"] and error["hint"]
    _is_error(await client.get("/api/projects", params={"year": "tjugo"}), 422, "bad_request")

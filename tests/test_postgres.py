"""The facts store on a real PostgreSQL server (Debian's, started by the session): the same
builds, look-ups, answers and API as on SQLite; migrations keep user data; look-ups filter in SQL."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import event, inspect, text

from core.settings import Settings
from ingest.pipeline import run_ingest
from service.answer.engine import Engine
from service.answer.lookup import lookup
from service.answer.understand import understand
from service.app import create_app
from service.security import hash_key
from service.serving import Serving
from stores.protocol import FactFilter
from stores.sql import SCHEMA_ID, Store
from stores.sql import facts as facts_table
from tests.conftest import CORPUS, small_corpus
from tests.eval.grade import QUESTIONS
from tests.servers import fresh_database
from tests.test_hostile_requests import refuses_every_hostile_request
from tests.test_store_upgrade import KEY, PREVIOUS_SCHEMA


@pytest.fixture(scope="module")
def pg_ingested(ingested, pg_url, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The real corpus ingested into PostgreSQL; the vectors are a copy of the session's (nothing re-embedded)."""
    data = tmp_path_factory.mktemp("pg-data")
    shutil.copytree(ingested[0].chroma_dir, data / "chroma")
    settings = Settings(corpus_dir=CORPUS, data_dir=data, database_url=fresh_database(pg_url, "ingested"))
    report = run_ingest(settings)
    return settings, Store(settings), report


@pytest.fixture(scope="module")
def pg_engine(pg_ingested):  # type: ignore[no-untyped-def]
    settings, store, _ = pg_ingested
    return Engine(settings, store=store)


def test_ingest_writes_the_same_build_to_postgres(ingested, pg_ingested):
    sqlite, pg = ingested[1], pg_ingested[1]
    assert pg.engine.dialect.name == "postgresql" and sqlite.engine.dialect.name == "sqlite"
    assert pg_ingested[2].embedded == 0  # the vectors were there: only the facts store is new
    assert pg.current_build()["corpus_version"] == sqlite.current_build()["corpus_version"]
    assert [f.model_dump() for f in pg.load_facts()] == [f.model_dump() for f in sqlite.load_facts()]
    assert [c.model_dump() for c in pg.load_checks()] == [c.model_dump() for c in sqlite.load_checks()]
    assert [d.doc_id for d in pg.load_documents()] == [d.doc_id for d in sqlite.load_documents()]
    assert len(pg.load_chunks()) == len(sqlite.load_chunks())


def test_every_evaluation_question_looks_up_the_same_facts_on_both(engine, pg_engine):
    """What the store decides (exact facts, nearest offers, listings) is the same on both dialects for every
    question of the evaluation set; table questions, answered from the store alone, get the same answer."""
    items = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    assert len(items) > 300
    for item in items:
        question = item["question"]
        asked = [understand(question, e.registry, latest_year=e.latest_year) for e in (engine, pg_engine)]
        assert asked[0] == asked[1], question
        a, b = lookup(asked[0], engine.facts), lookup(asked[1], pg_engine.facts)
        assert [f.fact_id for f in b.exact] == [f.fact_id for f in a.exact], question
        assert [(n.fact.fact_id, n.reason) for n in b.nearest] == [(n.fact.fact_id, n.reason) for n in a.nearest]
        assert [f.fact_id for f in b.listing] == [f.fact_id for f in a.listing], question
        if item.get("kind") == "table_figure":
            x, y = engine.ask(question), pg_engine.ask(question)
            assert (y.status, y.text, y.table) == (x.status, x.text, x.table), question


def test_lookups_filter_in_sql_and_never_read_every_fact(pg_ingested):
    settings, store, _ = pg_ingested
    fresh = Engine(settings, store=store)
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        answer = fresh.ask("Hur mycket EU-medel betalades ut till Malmö stad 2022?")
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert answer.status == "answered" and answer.figures
    on_facts = [s for s in statements if "FROM facts" in s]
    assert on_facts, "the look-up reads the facts table"
    for statement in on_facts:  # every read of facts is filtered by more than the build
        where = statement.split("WHERE", 1)[1]
        filtered = where.count("IN") + where.count("IS NOT NULL") >= 1
        assert f"{facts_table.name}.build_id" in where and filtered, statement
    rows = store.at_build().select_facts(FactFilter.of(metric="eu_funds_paid", org="asf", year=[2022]))
    assert rows and all(f.metric == "eu_funds_paid" and f.org == "asf" and f.year == 2022 for f in rows)
    assert f"facts_by_metric_{SCHEMA_ID}" in {i["name"] for i in inspect(store.engine).get_indexes(facts_table.name)}


def test_migrations_keep_api_keys_on_postgres(pg_url):
    url = fresh_database(pg_url, "previous")
    settings = Settings(database_url=url)
    old = Store.__new__(Store)  # only for its engine: write the previous version's tables by hand
    from sqlalchemy import create_engine

    old.engine = create_engine(url)
    with old.engine.begin() as conn:
        for statement in PREVIOUS_SCHEMA.split(";"):
            if statement.strip():
                conn.execute(text(statement))
        conn.execute(text("INSERT INTO api_keys VALUES (:n, :h, :t)"),
                     {"n": "redaktion", "h": hash_key(KEY), "t": "2026-01-01T00:00:00+00:00"})
    old.engine.dispose()
    store = Store(settings, upgrade=True)
    assert store.api_key_name(hash_key(KEY)) == "redaktion"
    assert store.current_build() is None  # the build tables were rebuilt: the next ingest fills them
    assert "seq" in {c["name"] for c in inspect(store.engine).get_columns(facts_table.name)}
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM user_schema_version")).scalar()
    again = Store(settings, upgrade=True)  # opening again changes nothing
    assert again.api_key_names()[0][0] == "redaktion"


async def test_api_on_postgres(pg_ingested):
    settings, store, _ = pg_ingested
    store.add_api_key("pg-test", hash_key("fk_pg-test"))
    app = create_app(settings, serving=Serving(settings, store=store))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        asked = await client.post("/api/ask", json={"question": "Hur mycket ESF-pengar fick ASF 2022?"},
                                  headers={"X-API-Key": "fk_pg-test"})
        assert asked.status_code == 200
        body = asked.json()
        assert body["status"] == "partial" and "8,3 miljoner" in body["text"] and body["citations"]
        listed = await client.get("/api/facts", params={"year": 2022, "metric": "eu_funds_paid"})
        assert listed.status_code == 200
        rows = listed.json()
        assert rows and all(r["year"] == 2022 and r["metric"] == "eu_funds_paid" for r in rows)
        health = (await client.get("/api/health")).json()
        assert health["facts"] == store.count_facts() > 300


def test_a_new_build_written_to_postgres_is_served(ingested, pg_url, tmp_path):
    """Ingest once, serve many: a running service picks up the build an ingest wrote to the shared database."""
    shutil.copytree(ingested[0].chroma_dir, tmp_path / "data" / "chroma")
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    first = small_corpus(tmp_path / "a", "2024_stk_redovisning_internationellt_arbete.txt")
    settings = Settings(corpus_dir=first, data_dir=tmp_path / "data", build_check_seconds=0.2,
                        database_url=fresh_database(pg_url, "rebuild"))
    run_ingest(settings)
    serving = Serving(settings)
    before = serving.served.build_id
    second = small_corpus(tmp_path / "b", "2022_ks_protokoll_redovisning_internationellt_arbete.txt")
    run_ingest(settings.model_copy(update={"corpus_dir": second}))
    deadline = time.monotonic() + 30
    while serving.served.build_id == before and time.monotonic() < deadline:
        time.sleep(0.25)
        serving.current()
    assert serving.served.build_id != before
    assert [Path(d.path).name for d in serving.served.engine.docs.values()] == [
        "2022_ks_protokoll_redovisning_internationellt_arbete.txt"]


async def test_the_database_going_away_is_a_503_naming_the_setting(ingested, tmp_path, caplog):
    """PostgreSQL stops under a running service: the API says so in its error shape (and in the chat
    stream, and in health), one log line per request, no traceback; never a bare 500."""
    import logging

    from tests.servers import postgres

    caplog.set_level(logging.WARNING)
    shutil.copytree(ingested[0].chroma_dir, tmp_path / "data" / "chroma")
    (tmp_path / "c").mkdir()
    with postgres(tmp_path / "pg") as url:
        settings = Settings(corpus_dir=small_corpus(tmp_path / "c", "2024_stk_redovisning_internationellt_arbete.txt"),
                            data_dir=tmp_path / "data", database_url=url)
        run_ingest(settings)
        app = create_app(settings, serving=Serving(settings))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        asked = await client.post("/api/ask", json={"question": "Hur mycket EU-medel fick kulturnämnden 2024?"})
        chat = await client.post("/api/chat", json={"question": "Hur många EU-projekt hade tekniska nämnden 2024?"})
        health = await client.get("/api/health")
    error = asked.json()["error"]
    assert asked.status_code == 503 and error["code"] == "unavailable"
    assert "FAKTAKOLL_DATABASE_URL" in error["message"] and "SELECT" not in error["message"]
    assert chat.status_code == 200 and chat.text.rstrip().split("\n")[-2] == "event: error"
    assert '"code": "unavailable"' in chat.text and "event: done" not in chat.text
    assert health.status_code == 200 and health.json()["status"] == "degraded"
    assert health.json()["stores"]["database"].startswith("error:")
    assert "Traceback" not in caplog.text and "the database does not answer" in caplog.text


async def test_hostile_values_are_refused_naming_the_field_on_postgres(pg_ingested, caplog):
    """The requests that came back as "the database does not answer" (503, and a warning for the operator per
    request: year=2147483648, NUL in a name or a source id) are 4xx in the error shape, with no log line."""
    settings, store, _ = pg_ingested
    app = create_app(settings, serving=Serving(settings, store=store))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        await refuses_every_hostile_request(client, caplog)


def test_a_value_postgres_refuses_is_the_requests_fault_not_an_outage(pg_ingested, caplog):
    """Should a value still reach PostgreSQL that it refuses (a DataError), the answer is a 400, in the API and
    in the chat stream, never "the database does not answer", and the operator is not alerted."""
    import logging

    from sqlalchemy.exc import DataError

    from core.errors import BadRequest
    from service.routes.chat import unavailable
    from stores.sql import database_error

    caplog.set_level(logging.WARNING)
    store = pg_ingested[1].at_build()
    for where in (FactFilter.of(year=[2147483648]), FactFilter.of(metric="eu_funds_paid\x00"),
                  FactFilter.of(fact_id="a\x00b")):
        with pytest.raises(DataError) as caught:
            store.select_facts(where)
        error = database_error(caught.value)
        assert isinstance(error, BadRequest) and error.status == 400
        assert "does not answer" not in error.message and "SELECT" not in error.message
        assert unavailable(caught.value)["error"]["status"] == 400
    assert not caplog.records


def test_a_password_is_never_shown(pg_url):
    from core.errors import StoreError
    from core.settings import describe

    host = pg_url.split("@", 1)[1].split("/", 1)[0]
    wrong = Settings(database_url=f"postgresql+psycopg://faktakoll:hemligt@{host}/no_such_database")
    with pytest.raises(StoreError) as caught:
        Store(wrong)
    assert "hemligt" not in str(caught.value) and "***" in str(caught.value)
    assert "FAKTAKOLL_DATABASE_URL" in str(caught.value.hint) and "\n" not in str(caught.value)
    shown = dict((name, value) for name, value, _ in describe(wrong))
    assert shown["FAKTAKOLL_DATABASE_URL"] == f"postgresql+psycopg://faktakoll:***@{host}/no_such_database"


def test_first_opens_at_once_on_a_fresh_postgres_do_not_race(pg_url):
    """Two first ingests (or an ingest and a server) on an empty PostgreSQL create the tables at the same
    moment; without a lock one of them fails with 'duplicate key … pg_type_typname_nsp_index'."""
    import multiprocessing

    url = fresh_database(pg_url, "race")
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        results = pool.map(_open_store, [url] * 4)
    assert results == ["ok"] * 4, results


def _open_store(url: str) -> str:
    try:
        Store(Settings(database_url=url), upgrade=True)
    except Exception as exc:  # the failure is the result
        return f"{type(exc).__name__}: {exc}"
    return "ok"

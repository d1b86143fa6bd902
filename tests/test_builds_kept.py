"""What users already rely on survives ingests: an upgrade of the build schema keeps the older
build until the new one is complete, a prune keeps the build a live server answers from, and
health says so when the build served has no facts."""

from __future__ import annotations

import shutil
import sqlite3

import httpx
import pytest

from core.errors import IngestError, StoreError
from core.settings import Settings
from ingest.pipeline import run_ingest
from service.app import create_app
from service.serving import Serving
from stores.sql import SCHEMA_ID, Store
from stores.sql import facts as facts_table
from tests.conftest import ASN_2019, small_corpus
from tests.live import live_server
from tests.test_store_upgrade import PREVIOUS_SCHEMA

QUESTION = "Hur mycket fick TAMU 2019?"


def _older_database_with_a_build(data) -> Settings:  # type: ignore[no-untyped-def]
    data.mkdir()
    with sqlite3.connect(data / "faktakoll.sqlite") as db:
        db.executescript(PREVIOUS_SCHEMA)
        db.execute("INSERT INTO builds VALUES ('old', 'fp', 'v1', 'c', 'complete', '2026-01-01', '[]', '[]')")
        db.execute("INSERT INTO facts (build_id, fact_id, org, year, metric, value) "
                   "VALUES ('old', 'f1', 'ASF', 2019, 'eu_funds_paid', 100.0)")
    return Settings(data_dir=data)


def _older_builds(settings: Settings) -> list[str]:
    with sqlite3.connect(settings.data_dir / "faktakoll.sqlite") as db:
        return [r[0] for r in db.execute("SELECT build_id FROM builds WHERE status = 'complete'")]


def test_a_failed_upgrade_leaves_the_older_build_whole(tmp_path):
    settings = _older_database_with_a_build(tmp_path / "data")
    empty = tmp_path / "corpus"
    empty.mkdir()
    with pytest.raises(IngestError, match="no document could be ingested"):  # fails after opening the store
        run_ingest(settings.model_copy(update={"corpus_dir": empty}))
    assert _older_builds(settings) == ["old"]  # the older version still serves it
    with pytest.raises(StoreError, match="older version"):  # this version has nothing to serve yet
        Store(settings)


def test_a_complete_upgrade_replaces_the_older_tables(tmp_path, ingested):
    settings = _older_database_with_a_build(tmp_path / "data")
    shutil.copytree(ingested[0].chroma_dir, settings.data_dir / "chroma")  # its passages are embedded already
    settings = settings.model_copy(update={"corpus_dir": small_corpus(tmp_path, ASN_2019)})
    report = run_ingest(settings)
    assert report.facts > 0
    with sqlite3.connect(settings.data_dir / "faktakoll.sqlite") as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "builds" not in tables and "facts" not in tables and f"builds_{SCHEMA_ID}" in tables
    assert Store(settings).count_facts() == report.facts


def test_a_prune_keeps_the_build_a_live_server_answers_from(tmp_path, ingested):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(ingested[0].chroma_dir, data / "chroma")
    corpus = small_corpus(tmp_path, ASN_2019)
    settings = Settings(corpus_dir=corpus, data_dir=data, keep_builds=2)
    served = run_ingest(settings)
    first = Store(settings).latest_build_id()
    # the server never looks for a newer build here: it goes on answering from the first one
    with live_server(corpus, data, BUILD_CHECK_SECONDS="3600", RATE_LIMIT="1000/minute") as base:
        run_ingest(settings, force=True)
        run_ingest(settings, force=True)  # two newer builds: the first is beyond keep_builds
        health = httpx.get(f"{base}/api/health", timeout=10).json()
        answer = httpx.post(f"{base}/api/ask", json={"question": QUESTION}, timeout=30).json()
        assert health["build_id"] == first and health["facts"] == served.facts and health["status"] == "ok"
        assert answer["status"] != "not_reported" and answer["figures"], answer
    run_ingest(settings, force=True)  # the server is gone (its record removed at shutdown): pruned now
    with pytest.raises(StoreError, match="no complete ingest"):
        Store(settings).at_build(first)


async def test_health_is_degraded_when_the_build_served_has_no_facts(tmp_path, ingested):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2023_anteckning.txt").write_text(
        "Redovisning av internationellt arbete\n\nNämnden har deltagit i nätverk och tagit emot besök.\n",
        encoding="utf-8")
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data")
    assert run_ingest(settings).facts == 0
    serving = Serving(settings)
    try:
        app = create_app(settings, serving=serving)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            health = (await client.get("/api/health")).json()
    finally:
        serving.close()
    assert health["status"] == "degraded" and "no facts" in health["stores"]["database"]


def test_a_failed_write_is_one_line_without_sql_and_keeps_the_build(tmp_path, ingested):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(ingested[0].chroma_dir, data / "chroma")
    settings = Settings(corpus_dir=small_corpus(tmp_path, ASN_2019), data_dir=data)
    run_ingest(settings)
    kept = Store(settings).latest_build_id()
    with sqlite3.connect(data / "faktakoll.sqlite") as db:  # fails the way a full disk does, mid-write
        db.execute(f"CREATE TRIGGER full BEFORE INSERT ON {facts_table.name} "
                   "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    with pytest.raises(IngestError) as failed:
        run_ingest(settings, force=True)
    message = str(failed.value)
    assert "database or disk is full" in message and "INSERT" not in message and "\n" not in message
    assert len(message) < 400 and Store(settings).latest_build_id() == kept

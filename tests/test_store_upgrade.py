"""Upgrading the database of an older version: build tables are rebuilt, user data (API
keys) is kept and migrated by explicit steps."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from core.errors import StoreError
from core.settings import Settings
from service.security import hash_key
from stores.sql import Store, builds, chunks, facts

KEY = "fk_redaktionens-nyckel"

# The tables of the previous version (HEAD~1 ingest/store.py, as SQLite wrote them), with
# one build-schema change: its chunks table lacks `sentences` (as before commit 24d3583).
# Any change of a build model makes the build tables outdated in the same way.
PREVIOUS_SCHEMA = """
CREATE TABLE builds (build_id VARCHAR(64) NOT NULL, fingerprint VARCHAR(64) NOT NULL,
  corpus_version VARCHAR(80) NOT NULL, collection VARCHAR(80) NOT NULL, status VARCHAR(16) NOT NULL,
  created_at VARCHAR(40) NOT NULL, skipped JSON NOT NULL, rejected JSON NOT NULL, PRIMARY KEY (build_id));
CREATE TABLE documents (build_id VARCHAR(64) NOT NULL, doc_id VARCHAR(200) NOT NULL, path TEXT,
  source_format VARCHAR(16), content_hash VARCHAR(64), text TEXT, pages JSON, meta JSON, ingested_at VARCHAR(40),
  PRIMARY KEY (build_id, doc_id));
CREATE TABLE api_keys (name VARCHAR(100) NOT NULL, key_hash VARCHAR(64) NOT NULL, created_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (name), UNIQUE (key_hash));
CREATE TABLE chunks (build_id VARCHAR(64) NOT NULL, chunk_id TEXT NOT NULL, doc_id TEXT, ordinal INTEGER, text TEXT,
  original TEXT, start INTEGER, "end" INTEGER, pages JSON, section TEXT, orgs JSON, year INTEGER, citation TEXT,
  PRIMARY KEY (build_id, chunk_id));
CREATE TABLE facts (build_id VARCHAR(64) NOT NULL, fact_id TEXT NOT NULL, doc_id TEXT, org TEXT, unit_org TEXT,
  year INTEGER, metric TEXT, value FLOAT, unit TEXT, approximate BOOLEAN, qualifier TEXT, precision FLOAT, fund TEXT,
  goal TEXT, goal_label TEXT, project TEXT, category TEXT, role TEXT, "group" TEXT, dimension TEXT, label TEXT,
  display TEXT, page INTEGER, quote TEXT, span_start INTEGER, span_end INTEGER, source TEXT, quantity TEXT,
  stated_role TEXT, section TEXT, PRIMARY KEY (build_id, fact_id));
CREATE TABLE checks (build_id VARCHAR(64) NOT NULL, check_id TEXT NOT NULL, kind TEXT, description TEXT,
  year INTEGER, metric TEXT, status TEXT, expected FLOAT, actual FLOAT, difference FLOAT, tolerance FLOAT,
  figures JSON, PRIMARY KEY (build_id, check_id));
"""


def _previous_database(data: Path) -> Settings:
    data.mkdir()
    with sqlite3.connect(data / "faktakoll.sqlite") as db:
        db.executescript(PREVIOUS_SCHEMA)
        db.execute("INSERT INTO api_keys VALUES (?, ?, ?)", ("redaktion", hash_key(KEY), "2026-01-01T00:00:00+00:00"))
        db.execute("INSERT INTO builds VALUES ('b1', 'fp', 'v1', 'c', 'complete', '2026-01-01', '[]', '[]')")
    return Settings(data_dir=data)


def test_upgrade_from_previous_schema_keeps_api_keys(tmp_path):
    settings = _previous_database(tmp_path / "data")
    store = Store(settings, upgrade=True)
    assert store.api_key_name(hash_key(KEY)) == "redaktion"
    assert store.current_build() is None  # the build tables were rebuilt empty: the next ingest fills them
    assert "sentences" in {c["name"] for c in inspect(store.engine).get_columns(chunks.name)}
    again = Store(settings, upgrade=True)  # migrations ran once; opening again changes nothing
    assert again.api_key_name(hash_key(KEY)) == "redaktion" and again.api_key_names()[0][0] == "redaktion"


def test_outdated_build_tables_without_upgrade_touch_nothing(tmp_path):
    settings = _previous_database(tmp_path / "data")
    with pytest.raises(StoreError, match="older version"):
        Store(settings)
    store = Store(settings, upgrade=True)
    assert store.api_key_name(hash_key(KEY)) == "redaktion"


def test_new_database_gets_user_tables_by_migration(tmp_path):
    store = Store(Settings(data_dir=tmp_path / "data"))
    tables = set(inspect(store.engine).get_table_names())
    assert {"api_keys", "user_schema_version", builds.name, facts.name} <= tables
    store.add_api_key("a", hash_key("k"))
    assert store.api_key_name(hash_key("k")) == "a"


def test_kept_values_survive_a_rebuild_of_the_build_tables(tmp_path):
    settings = _previous_database(tmp_path / "data")
    store = Store(settings, upgrade=True)
    assert store.remember("chroma_namespace", "fk-0a1b2c3d4e5f") == "fk-0a1b2c3d4e5f"
    assert store.remember("chroma_namespace", "fk-ffffffffffff") == "fk-0a1b2c3d4e5f"  # the first one is kept
    with sqlite3.connect(settings.data_dir / "faktakoll.sqlite") as db:
        db.execute("CREATE TABLE facts_0000abcd (build_id TEXT)")  # another version's build table
    assert Store(settings, upgrade=True).remembered("chroma_namespace") == "fk-0a1b2c3d4e5f"

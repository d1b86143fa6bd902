"""A running server moves to a new build by itself: ingest a changed corpus while it
serves, and every route reports the new corpus version within a bounded wait."""

from __future__ import annotations

import shutil
import time

import httpx

from core.settings import Settings
from ingest.pipeline import run_ingest
from tests.conftest import ASN_2018, ASN_2019, small_corpus
from tests.live import live_server

SWITCH_SECONDS = 60  # the server checks every second here; loading a small build takes a few seconds


def _versions(base: str) -> dict[str, object]:
    health = httpx.get(f"{base}/api/health", timeout=10).raise_for_status().json()
    docs = httpx.get(f"{base}/api/documents", timeout=10).raise_for_status()
    ask = httpx.post(f"{base}/api/ask", json={"question": "Hur mycket fick TAMU 2019?"},
                     timeout=30).raise_for_status().json()
    return {"health": health["corpus_version"], "documents": docs.headers["x-corpus-version"],
            "ask": ask["corpus_version"], "doc_count": len(docs.json()), "build": health["build_id"],
            "newer": health["newer_build"]}


def test_server_switches_to_a_new_build(ingested, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # the session's vectors: every chunk of the small corpus is embedded already
    shutil.copytree(ingested[0].chroma_dir, data / "chroma")
    corpus = small_corpus(tmp_path, ASN_2019, ASN_2018)
    settings = Settings(corpus_dir=corpus, data_dir=data)
    first = run_ingest(settings)
    with live_server(corpus, data, BUILD_CHECK_SECONDS="1", RATE_LIMIT="1000/minute") as base:
        before = _versions(base)
        assert before["health"] == before["documents"] == before["ask"] == first.corpus_version
        assert before["doc_count"] == 2 and before["newer"] is False

        (corpus / ASN_2018).unlink()
        second = run_ingest(settings)
        assert second.corpus_version != first.corpus_version

        deadline = time.monotonic() + SWITCH_SECONDS
        now = _versions(base)
        while time.monotonic() < deadline and {now["health"], now["documents"], now["ask"]} != {second.corpus_version}:
            time.sleep(1)
            now = _versions(base)
        assert now["health"] == now["documents"] == now["ask"] == second.corpus_version, now
        assert now["doc_count"] == 1 and now["build"] != before["build"] and now["newer"] is False

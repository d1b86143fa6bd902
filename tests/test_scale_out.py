"""The whole scale-out, chosen by settings alone: facts in PostgreSQL, vectors in a Chroma server,
conversations and rate limits in Redis, two workers behind one port. Ingest once (the CLI writes
to the shared stores), serve many (both workers answer from it and move to a new build by
themselves). Every server is real and started here."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import small_corpus
from tests.live import stop
from tests.servers import chroma, free_port, fresh_database, redis
from tests.test_workers import FAKTAKOLL, WORKER_HEADER, _from, _pids_until, paused

REPORT_2024 = "2024_stk_redovisning_internationellt_arbete.txt"
REPORT_2019 = "2019_asn_tjansteskrivelse_internationell_redovisning.txt"
QUESTION, FOLLOW_UP = "Hur mycket EU-medel fick miljönämnden 2024?", "och hur många projekt hade de?"
MN_PROJECTS_2024 = 25  # only the conversation says "miljönämnden" and 2024
LIMIT = 8


def _faktakoll(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([FAKTAKOLL, *args], env=env, capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def stack(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str], Path]]:
    """The stores on their servers, one report ingested by the CLI, `serve --workers 2` on top."""
    tmp = tmp_path_factory.mktemp("stack")
    (tmp / "first").mkdir()
    with redis(tmp / "redis") as redis_url, chroma(tmp / "chroma") as chroma_url:
        env = {**os.environ, "OMP_NUM_THREADS": "1",
               "FAKTAKOLL_DATABASE_URL": fresh_database(pg_url, "stack"), "FAKTAKOLL_CHROMA_URL": chroma_url,
               "FAKTAKOLL_REDIS_URL": redis_url, "FAKTAKOLL_DATA_DIR": str(tmp / "data"),
               "FAKTAKOLL_CORPUS_DIR": str(small_corpus(tmp / "first", REPORT_2024)),
               "FAKTAKOLL_RATE_LIMIT": f"{LIMIT}/minute", "FAKTAKOLL_BUILD_CHECK_SECONDS": "0.5"}
        _faktakoll(env, "ingest")
        port = free_port()
        proc = subprocess.Popen([FAKTAKOLL, "serve", "--workers", "2", "--port", str(port)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            _pids_until(base, 2, proc)
            yield base, env, tmp
        finally:
            stop(proc)


def test_nothing_is_kept_on_local_disk(stack):
    base, _, tmp = stack
    stores = httpx.get(f"{base}/api/health").json()["stores"]
    assert stores["database"] == "ok" and stores["vectors"].startswith("ok") and stores["conversations"] == "ok (redis)"
    assert not (tmp / "data" / "faktakoll.sqlite").exists()  # facts: PostgreSQL
    assert not (tmp / "data" / "chroma").exists()  # vectors: the Chroma server


def test_a_follow_up_answered_by_the_other_worker_from_the_shared_stores(stack):
    base, _, _ = stack
    with _from("127.0.0.3") as client:
        first = client.post(f"{base}/api/ask", json={"question": QUESTION})
        assert first.status_code == 200, first.text
        asked_by = first.headers[WORKER_HEADER]
        with paused(asked_by):
            follow = client.post(f"{base}/api/ask",
                                 json={"question": FOLLOW_UP, "conversation_id": first.json()["conversation_id"]})
            told = client.post(f"{base}/api/ask", json={"question": "Vad gjorde miljöförvaltningen inom EU-projekt?"})
    assert follow.status_code == 200 and follow.headers[WORKER_HEADER] != asked_by
    figure = follow.json()["figures"][0]
    assert (figure["org"], figure["year"], figure["metric"], figure["value"]) == ("mn", 2024, "project_count",
                                                                             MN_PROJECTS_2024)
    assert told.status_code == 200 and told.json()["citations"]  # a narrative: passages from the Chroma server


def test_a_rate_limit_shared_by_the_workers(stack):
    base, _, _ = stack
    pids = sorted({httpx.get(f"{base}/api/health", headers={"Connection": "close"}).headers[WORKER_HEADER]
                   for _ in range(40)})
    assert len(pids) == 2
    with _from("127.0.0.4") as client:
        answered = []
        for idle in pids:
            with paused(idle):
                answered += [client.get(f"{base}/api/documents").status_code for _ in range(LIMIT // 2)]
        with paused(pids[0]):
            refused = client.get(f"{base}/api/documents")
    assert answered == [200] * LIMIT
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"


def test_ingest_once_and_every_worker_serves_the_new_build(stack):
    base, env, tmp = stack
    before = httpx.get(f"{base}/api/health").json()["build_id"]
    (tmp / "second").mkdir()
    _faktakoll({**env, "FAKTAKOLL_CORPUS_DIR": str(small_corpus(tmp / "second", REPORT_2024, REPORT_2019))},
               "ingest")
    seen: dict[str, str] = {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (len(seen) < 2 or before in seen.values()):
        health = httpx.get(f"{base}/api/health", headers={"Connection": "close"})
        seen[health.headers[WORKER_HEADER]] = health.json()["build_id"]
        time.sleep(0.1)
    assert len(seen) == 2 and before not in seen.values() and len(set(seen.values())) == 1, seen
    documents = httpx.get(f"{base}/api/documents").json()
    assert len(documents) == 2

"""Several workers behind one port, sharing Redis: conversation memory and rate limits hold
across them. A real Redis (Debian's redis-server), a real `faktakoll serve --workers 2`."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from core.schemas import Query
from core.settings import Settings
from service.app import create_app
from service.conversations import (
    CONVERSATION_TTL_SECONDS,
    KEY_PREFIX,
    Conversation,
    Conversations,
    MemoryConversations,
    RedisConversations,
    next_turn,
    redis_client,
)
from service.security import WORKER_HEADER
from service.serving import Serving
from tests.live import stop
from tests.servers import free_port, redis

FAKTAKOLL = str(Path(sys.executable).with_name("faktakoll"))
QUESTION, FOLLOW_UP = "Hur mycket EU-medel fick miljönämnden 2024?", "och 2022?"
MN_2022 = 1_600_000  # miljönämnden's EU funds 2022: only the conversation says "miljönämnden"
LIMIT = 6  # requests per minute and client address on the two-worker server (even: half on each)
START_SECONDS = 180


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis(tmp_path_factory.mktemp("redis")) as url:
        yield url


# --- the conversation stores -------------------------------------------------------------

@pytest.fixture(params=["memory", "redis"])
def conversations(request: pytest.FixtureRequest, redis_url: str) -> Conversations:
    if request.param == "memory":
        return MemoryConversations()
    return RedisConversations(redis_url)


def _record(question: str, figures: list[str], names: list[str]) -> Conversation:
    query = Query(question=question, lang="sv", intent="figure", years=[2024], orgs=["mn"], metric="eu_funds_paid",
                  claimed=1.5e6, inherited=["orgs"])
    return Conversation(query=query, figures=figures, names=names)


def test_stores_keep_a_conversation_whole(conversations: Conversations):
    record = _record(QUESTION, ["f1", "f2"], ["Sluta skjut"])
    conversations.put("c1", record)
    conversations.put("c2", _record("annan", [], []))
    assert conversations.get("c1") == record
    assert conversations.get("c2") != record
    assert conversations.get("okänd") is None
    conversations.put("c1", later := next_turn(record, record.query, ["f3"], []))
    assert conversations.get("c1") == later and later.names == ["Sluta skjut"]


def test_next_turn_keeps_what_a_follow_up_points_back_to():
    before = _record(QUESTION, ["f1"], ["Sluta skjut"])
    assert next_turn(before, before.query, [], []).figures == ["f1"]  # no new figures: the old ones stand
    assert next_turn(before, before.query, [], ["HÅPP"]).figures == []  # a new name without figures: forgotten
    assert next_turn(None, before.query, ["f2"], []).model_dump() == {
        "query": before.query.model_dump(), "figures": ["f2"], "names": [], "earlier": []}


def test_memory_forgets_the_least_recently_used():
    memory = MemoryConversations(limit=2)
    for cid in ("a", "b"):
        memory.put(cid, _record(cid, [], []))
    assert memory.get("a") is not None  # a is now the most recent
    memory.put("c", _record("c", [], []))
    assert memory.get("b") is None and memory.get("a") is not None and memory.get("c") is not None


def test_redis_conversations_expire(redis_url: str):
    RedisConversations(redis_url).put("ttl", _record(QUESTION, [], []))
    ttl = redis_client(redis_url).ttl(KEY_PREFIX + "ttl")
    assert CONVERSATION_TTL_SECONDS - 60 < ttl <= CONVERSATION_TTL_SECONDS


# --- Redis goes away while serving -------------------------------------------------------

@pytest.fixture(scope="module")
def embeddings(ingested):  # type: ignore[no-untyped-def]
    from core.embeddings import make_embeddings

    return make_embeddings(ingested[0])


async def test_redis_going_away_answers_without_the_conversation(ingested, embeddings, tmp_path, caplog):
    """Rate limits fail open and a follow-up is answered on its own (logged), never a 500."""
    caplog.set_level(logging.WARNING)
    with redis(tmp_path / "redis") as url:
        settings = ingested[0].model_copy(update={"redis_url": url, "rate_limit": "3/minute"})
        app = create_app(settings, serving=Serving(settings, store=ingested[1], embeddings=embeddings))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            first = (await client.post("/api/ask", json={"question": QUESTION})).json()
            conversation = {"question": FOLLOW_UP, "conversation_id": first["conversation_id"]}
            follow = (await client.post("/api/ask", json=conversation)).json()
            assert follow["figures"][0]["value"] == MN_2022
            assert (await client.get("/api/documents")).status_code == 200
            assert (await client.get("/api/documents")).status_code == 429  # the limit is counted in Redis
            assert (await client.get("/api/health")).json()["stores"]["conversations"] == "ok (redis)"
    # Redis is stopped now
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        alone = await client.post("/api/ask", json=conversation)
        fresh = await client.post("/api/ask", json={"question": QUESTION})  # a new conversation: nothing to read
        health = (await client.get("/api/health")).json()
    assert fresh.status_code == 200 and not any(c.startswith("Samtalets") for c in fresh.json()["caveats"])
    assert health["status"] == "degraded" and health["stores"]["conversations"].startswith("error:")
    assert alone.status_code == 200, alone.text
    assert alone.json()["query"]["orgs"] != ["mn"] and MN_2022 not in [f["value"] for f in alone.json()["figures"]]
    assert alone.json()["caveats"][0].startswith("Samtalets tidigare frågor kunde inte läsas")  # said, not silent
    logged = caplog.text
    assert "rate limit not applied" in logged and "cannot read conversation" in logged


def test_serve_refuses_to_start_without_its_redis(ingested):
    env = {**os.environ, "FAKTAKOLL_REDIS_URL": f"redis://:hemligt@127.0.0.1:{free_port()}/0"}
    done = subprocess.run([FAKTAKOLL, "serve", "--workers", "2", "--port", str(free_port()),
                           "--data-dir", str(ingested[0].data_dir)], env=env, capture_output=True, text=True,
                          timeout=60)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1, done.stderr
    assert lines[0].startswith("fel: cannot reach Redis at redis://:***@127.0.0.1:"), lines[0]
    assert "FAKTAKOLL_REDIS_URL" in lines[0]
    assert "hemligt" not in done.stderr  # the password is never printed


def test_several_workers_without_redis_are_warned_about(ingested):
    env = {k: v for k, v in os.environ.items() if k != "FAKTAKOLL_REDIS_URL"}
    proc = subprocess.Popen([FAKTAKOLL, "serve", "--workers", "2", "--port", str(free_port()),
                             "--data-dir", str(ingested[0].data_dir)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stderr.readline() if proc.stderr else ""
    finally:
        proc.terminate()
        proc.wait(30)
    assert first.startswith("varning: 2 workers utan FAKTAKOLL_REDIS_URL") and "egna följdfrågor" in first


# --- two workers behind one port ---------------------------------------------------------

def _pids_until(base: str, want: int, proc: subprocess.Popen[str]) -> set[str]:
    """Health checks on new connections until `want` different workers have answered."""
    deadline, pids = time.monotonic() + START_SECONDS, set[str]()
    while time.monotonic() < deadline and len(pids) < want:
        try:
            pids.add(httpx.get(f"{base}/api/health", timeout=5).headers[WORKER_HEADER])
        except httpx.HTTPError:
            time.sleep(0.3)
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {proc.stdout.read() if proc.stdout else ''}")
    assert len(pids) == want, f"only workers {pids} answered within {START_SECONDS} s"
    return pids


@pytest.fixture(scope="module")
def two_workers(ingested, redis_url: str) -> Iterator[tuple[str, set[str]]]:
    """`faktakoll serve --workers 2` on a free port; yields its URL and the workers' pids."""
    settings: Settings = ingested[0]
    port = free_port()
    env = {**os.environ, "FAKTAKOLL_CORPUS_DIR": str(settings.corpus_dir), "FAKTAKOLL_REDIS_URL": redis_url,
           "FAKTAKOLL_RATE_LIMIT": f"{LIMIT}/minute", "OMP_NUM_THREADS": "1"}
    started = time.monotonic()
    proc = subprocess.Popen([FAKTAKOLL, "serve", "--workers", "2", "--port", str(port),
                             "--data-dir", str(settings.data_dir)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        pids = _pids_until(base, 2, proc)
        print(f"two workers up in {time.monotonic() - started:.1f} s")
        yield base, pids
    finally:
        stop(proc)


def _from(address: str) -> httpx.Client:
    """A client whose every request opens a new connection from `address` (its own rate-limit bucket)."""
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), headers={"Connection": "close"},
                        timeout=60)


@contextmanager
def paused(pid: str) -> Iterator[None]:
    """Stops one worker (SIGSTOP) for a moment: it accepts nothing, so the other worker answers
    every new connection. Kept well under uvicorn's 5 s worker health check."""
    os.kill(int(pid), signal.SIGSTOP)
    try:
        stat = Path(f"/proc/{pid}/stat")
        while stat.read_text().rpartition(")")[2].split()[0] != "T":
            time.sleep(0.01)
        yield
    finally:
        os.kill(int(pid), signal.SIGCONT)


def test_a_follow_up_answered_by_the_other_worker(two_workers):
    base, _ = two_workers
    with _from("127.0.0.1") as client:
        first = client.post(f"{base}/api/ask", json={"question": QUESTION})
        asked_by = first.headers[WORKER_HEADER]
        with paused(asked_by):
            follow = client.post(f"{base}/api/ask",
                                 json={"question": FOLLOW_UP, "conversation_id": first.json()["conversation_id"]})
    assert follow.status_code == 200, follow.text
    assert follow.headers[WORKER_HEADER] != asked_by
    assert follow.json()["figures"][0]["year"] == 2022 and follow.json()["figures"][0]["value"] == MN_2022


def test_a_rate_limit_shared_by_the_workers(two_workers):
    """Half the limit on each worker; then both refuse."""
    base, pids = two_workers
    one, other = sorted(pids)
    answered: list[str] = []
    refused: list[httpx.Response] = []
    with _from("127.0.0.2") as client:  # a bucket of its own
        for idle in (other, one):
            with paused(idle):
                answered += [client.get(f"{base}/api/documents") for _ in range(LIMIT // 2)]
        for idle in (other, one):
            with paused(idle):
                refused.append(client.get(f"{base}/api/documents"))
    assert [(r.status_code, r.headers[WORKER_HEADER]) for r in answered] == \
        [(200, one)] * (LIMIT // 2) + [(200, other)] * (LIMIT // 2)
    assert [(r.status_code, r.headers[WORKER_HEADER]) for r in refused] == [(429, one), (429, other)]
    assert refused[0].json()["error"]["code"] == "rate_limited"

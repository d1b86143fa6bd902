"""Vectors on a Chroma server (FAKTAKOLL_CHROMA_URL), chosen by settings alone: a real `chroma run`
shared by two deployments (two databases), its clean-up safe for the other one and for a worker
still serving an older build, and a clear error when the server is away."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import chromadb
import httpx
import pytest
from chromadb.config import Settings as ChromaSettings
from pydantic import ValidationError
from typer.testing import CliRunner

from core.embeddings import collection_name, make_embeddings
from core.errors import StoreError
from core.settings import Settings
from ingest.pipeline import IngestReport, run_ingest
from service.answer.engine import Engine
from service.answer.retrieve import Retriever
from service.app import create_app
from service.cli import app as cli
from service.serving import Serving
from stores.index import UNUSED_GRACE_SECONDS, UNUSED_SINCE, collection_for, open_collection, remove_except
from stores.sql import Store
from tests.conftest import ASN_2018, ASN_2019, small_corpus
from tests.servers import chroma, free_port

QUESTION = "Hur sprids projektresultaten?"  # narrative: answered from passages the dense search finds
PROJECT_RESULTS = "plan för implementering och spridning av projektresultaten"  # ASN 2019 says it


@dataclass
class Deployment:
    settings: Settings
    corpus: Path

    @property
    def store(self) -> Store:
        return Store(self.settings)

    def collection(self, url: str) -> chromadb.Collection:
        """This deployment's collection, read straight from the server (not through our code)."""
        host, port = url.removeprefix("http://").split(":")
        client = chromadb.HttpClient(host=host, port=int(port), settings=ChromaSettings(anonymized_telemetry=False))
        return client.get_collection(str(self.store.current_build()["collection"]))  # type: ignore[index]


def _deployment(tmp: Path, url: str, *names: str, **settings: object) -> Deployment:
    corpus = small_corpus(tmp, *names)
    return Deployment(Settings(corpus_dir=corpus, data_dir=tmp / "data", chroma_url=url, **settings), corpus)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    with chroma(tmp_path_factory.mktemp("chroma")) as url:
        yield url


@pytest.fixture(scope="module")
def deployments(server, tmp_path_factory):  # type: ignore[no-untyped-def]
    """Two services on one Chroma server, each with its own database: A (keeps one build) and B."""
    a = _deployment(tmp_path_factory.mktemp("a"), server, ASN_2019, ASN_2018, keep_builds=1)
    b = _deployment(tmp_path_factory.mktemp("b"), server, ASN_2019)
    for one in (a, b):
        run_ingest(one.settings)
    return a, b


def test_answers_come_from_the_chroma_server(server, deployments):
    _, b = deployments
    engine = Engine(b.settings)
    answer = engine.ask(QUESTION)
    cited = list(dict.fromkeys(c.chunk_id for c in answer.citations if c.chunk_id))
    assert answer.status == "answered" and PROJECT_RESULTS in answer.text and cited
    dense = [c.chunk_id for c in engine.retriever.dense(QUESTION, 5)]
    assert cited[0] in dense  # found by the dense search ...
    assert not b.settings.chroma_dir.exists()  # ... which has no embedded Chroma to read
    assert b.collection(server).count() == len(b.store.load_chunks())
    assert set(b.collection(server).get(ids=cited)["ids"]) == set(cited)


def test_deployments_sharing_a_server_have_their_own_collections(deployments):
    a, b = deployments
    names = {d.store.current_build()["collection"] for d in (a, b)}  # type: ignore[index]
    base = collection_name(b.settings)  # named after the model and chunking, as embedded
    assert len(names) == 2 and all(n.endswith(f"-{base}") for n in names)
    assert run_ingest(b.settings).up_to_date  # the namespace is kept: an unchanged corpus is up to date


def test_a_prefix_names_the_collections_of_a_deployment():
    base = "chunks-0123456789ab"
    named = Settings(chroma_url="http://chroma:8000", chroma_collection_prefix="malmo-prod")
    assert collection_for(named, base, None) == collection_for(named, base, f"fk-0a1b2c3d4e5f-{base}")
    assert collection_for(named, base, None) == f"malmo-prod-{base}"  # kept when the builds are lost
    unnamed = named.model_copy(update={"chroma_collection_prefix": None})
    assert collection_for(unnamed, base, None) != collection_for(unnamed, base, None)  # one per new database
    assert collection_for(unnamed, base, "fk-0a1b2c3d4e5f-chunks-ba9876543210") == f"fk-0a1b2c3d4e5f-{base}"
    assert collection_for(Settings(), base, None) == base  # embedded: the folder is the deployment's own
    with pytest.raises(ValidationError, match="not a collection prefix"):
        Settings(chroma_collection_prefix="-prod")


def _ingest_again(settings: Settings) -> IngestReport:
    """A later ingest: builds are ordered by their time in whole seconds (stores/sql.py), so two
    within one second would not be told apart."""
    time.sleep(1.1)
    return run_ingest(settings)


def _marked(collection: chromadb.Collection) -> set[str]:
    got = collection.get(include=["metadatas"])
    return {i for i, m in zip(got["ids"], got["metadatas"] or [], strict=True) if m and UNUSED_SINCE in m}


def test_clean_up_spares_other_deployments_and_older_builds(server, deployments):
    a, b = deployments
    b_ids = set(b.collection(server).get()["ids"])
    serving_old = Engine(a.settings)  # a worker that still serves A's first build
    asn_2019 = {c.chunk_id for c in serving_old.retriever.chunks if c.doc_id == Path(ASN_2019).stem}

    (a.corpus / ASN_2019).unlink()
    _ingest_again(a.settings)  # A drops the report B uses; A keeps one build, so the old one is gone
    assert asn_2019 and not asn_2019 & a.store.kept_chunk_ids()
    assert _marked(a.collection(server)) == asn_2019  # unused, marked, but kept for the grace period
    old = serving_old.retriever.dense(QUESTION, 5)
    assert any(c.chunk_id in asn_2019 for c in old)  # the older build still finds its passages

    new = Retriever(a.settings, a.store)  # the new build: the server returns ids it does not know
    assert {d.id for d in new.vectors.similarity_search(QUESTION, k=5)} & asn_2019
    assert all(p.chunk.doc_id == Path(ASN_2018).stem for p in new.search(QUESTION, k=5))  # ignored, no crash

    name = str(a.store.current_build()["collection"])  # type: ignore[index]
    vectors = open_collection(a.settings, name, make_embeddings(a.settings))
    later = time.time() + UNUSED_GRACE_SECONDS + 1
    assert remove_except(vectors, a.store.kept_chunk_ids(), now=later) == len(asn_2019)
    assert set(a.collection(server).get()["ids"]) == a.store.kept_chunk_ids()
    assert set(b.collection(server).get()["ids"]) == b_ids  # B's collection is untouched
    assert any(c.chunk_id in asn_2019 for c in Engine(b.settings).retriever.dense(QUESTION, 5))


def test_a_marked_vector_used_again_is_kept(server, tmp_path):
    c = _deployment(tmp_path, server, ASN_2019, ASN_2018, keep_builds=1)
    first = run_ingest(c.settings)
    (c.corpus / ASN_2018).rename(tmp_path / ASN_2018)
    _ingest_again(c.settings)  # the first build is pruned: ASN 2018's vectors are unused
    assert _marked(c.collection(server))
    (tmp_path / ASN_2018).rename(c.corpus / ASN_2018)
    back = _ingest_again(c.settings)
    assert back.embedded == 0 and back.chunks == first.chunks  # back within the grace period: nothing embedded
    assert not _marked(c.collection(server))  # and nothing marked: the next clean-up keeps them


def _away(settings: Settings) -> Settings:
    return settings.model_copy(update={"chroma_url": f"http://127.0.0.1:{free_port()}"})  # nobody listens


def _serve(data_dir: Path, chroma_url: str | None) -> subprocess.CompletedProcess[str]:
    """`faktakoll serve` expected to refuse (a timeout, not a hang, if it starts instead)."""
    return subprocess.run([str(Path(sys.executable).with_name("faktakoll")), "serve", "--port", str(free_port()),
                           "--data-dir", str(data_dir)], env={**os.environ, "FAKTAKOLL_CHROMA_URL": str(chroma_url)},
                          capture_output=True, text=True, timeout=120)


def _names_the_setting(message: str, url: str) -> None:
    assert "\n" not in message and url in message and "FAKTAKOLL_CHROMA_URL" in message


def test_ingest_with_the_server_away_is_a_clear_error(tmp_path):
    settings = _away(Settings(corpus_dir=small_corpus(tmp_path, ASN_2019), data_dir=tmp_path / "data"))
    with pytest.raises(StoreError) as caught:
        run_ingest(settings)
    _names_the_setting(str(caught.value), str(settings.chroma_url))
    assert caught.value.hint and "start it" in caught.value.hint
    result = CliRunner().invoke(cli, ["ingest", "--corpus", str(settings.corpus_dir), "--data-dir",
                                      str(settings.data_dir)], env={"FAKTAKOLL_CHROMA_URL": settings.chroma_url})
    assert result.exit_code == 1 and result.output.startswith("fel: cannot reach the Chroma server")  # before reading
    _names_the_setting(result.output.strip(), str(settings.chroma_url))


async def test_serving_with_the_server_away_is_a_clear_error(deployments):
    settings = _away(deployments[1].settings)
    app = create_app(settings, serving=Serving(settings))  # starts: the vectors open on first use
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        figure = await client.post("/api/ask", json={"question": "Hur mycket EU-medel fick ASF 2019?"})
        narrative = await client.post("/api/ask", json={"question": QUESTION})
        chat = await client.post("/api/chat", json={"question": QUESTION})
    assert figure.status_code == 200  # figures come from the database
    error = narrative.json()["error"]
    assert narrative.status_code == 503 and error["code"] == "unavailable"
    _names_the_setting(error["message"], str(settings.chroma_url))
    assert "FAKTAKOLL_CHROMA_URL" in error["hint"]
    assert chat.status_code == 200 and "event: error" in chat.text and "event: done" not in chat.text  # said
    assert "FAKTAKOLL_CHROMA_URL" in chat.text
    served = _serve(settings.data_dir, settings.chroma_url)
    assert served.returncode == 1 and served.stderr.startswith("fel: cannot reach the Chroma server")  # not silent
    asked = CliRunner().invoke(cli, ["ask", QUESTION, "--data-dir", str(settings.data_dir)],
                               env={"FAKTAKOLL_CHROMA_URL": settings.chroma_url})
    assert asked.exit_code == 1 and asked.output.startswith("fel: cannot reach the Chroma server")  # no traceback


def test_the_namespace_survives_a_rebuild_of_the_build_tables(deployments):
    """A schema change rebuilds the build tables; the deployment's namespace is kept in a user table, so
    the next ingest writes to the same collection and embeds nothing again."""
    from stores.sql import build_metadata

    _, b = deployments
    before = b.store.current_build()["collection"]  # type: ignore[index]
    build_metadata.drop_all(b.store.engine)  # what an upgrade to a new build schema does
    report = run_ingest(b.settings)
    assert b.store.current_build()["collection"] == before  # type: ignore[index]
    assert report.embedded == 0


def test_an_emptied_server_is_noticed_by_serve_and_refilled_by_ingest(deployments, tmp_path):
    """A lost volume or another server under the same database: `serve` refuses with one line, and the
    next ingest of the unchanged corpus embeds the passages again instead of saying 'up to date'."""
    _, b = deployments
    with chroma(tmp_path / "empty") as url:
        moved = b.settings.model_copy(update={"chroma_url": url})
        served = _serve(moved.data_dir, url)
        assert served.returncode == 1 and "lacks" in served.stderr and "FAKTAKOLL_CHROMA_URL" in served.stderr
        report = run_ingest(moved)
        assert not report.up_to_date and report.embedded == len(b.store.load_chunks())
        assert run_ingest(moved).up_to_date  # now it is whole

"""Shared fixtures: the real corpus ingested once per session into a temp data dir,
with real Chroma and real SQLite."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # no test may reach the network

from core.settings import PROJECT_ROOT, Settings  # noqa: E402
from ingest.pipeline import IngestReport, run_ingest  # noqa: E402
from stores.sql import Store  # noqa: E402

CORPUS = PROJECT_ROOT / "corpus"


@pytest.fixture(scope="session")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Store, IngestReport]:
    data = tmp_path_factory.mktemp("data")
    settings = Settings(corpus_dir=CORPUS, data_dir=data)
    report = run_ingest(settings)
    return settings, Store(settings), report


@pytest.fixture(scope="session")
def engine(ingested):  # type: ignore[no-untyped-def]
    """The answer engine over the session's build (questions are asked of it in several modules)."""
    from service.answer.engine import Engine

    settings, store, _ = ingested
    return Engine(settings, store=store)


@pytest.fixture(scope="session")
def facts(ingested):  # type: ignore[no-untyped-def]
    return ingested[1].load_facts()


@pytest.fixture(scope="session")
def documents(ingested):  # type: ignore[no-untyped-def]
    return {d.doc_id: d for d in ingested[1].load_documents()}


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A real PostgreSQL server for the session (Debian's, started here); its URL."""
    from tests.servers import postgres

    with postgres(tmp_path_factory.mktemp("postgres")) as url:
        yield url


def small_corpus(tmp: Path, *names: str) -> Path:
    """A corpus folder with some of the real reports (and the manifest)."""
    folder = tmp / "corpus"
    folder.mkdir()
    for name in names:
        shutil.copy(CORPUS / name, folder / name)
    head, *entries = re.split(r"(?m)^\[\[document\]\]$", (CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    kept = [e for e in entries if any(f'file = "{name}"' in e for name in names)]  # lists only what is there
    (folder / "manifest.toml").write_text(head + "".join("[[document]]" + e for e in kept), encoding="utf-8")
    return folder


ASN_2019 = "2019_asn_tjansteskrivelse_internationell_redovisning.txt"
ASN_2018 = "2018_asn_redovisning_internationellt_arbete.md"

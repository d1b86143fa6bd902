"""A small build with one document the manifest does not list (an unofficial source)."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.settings import Settings
from ingest.pipeline import run_ingest
from tests.conftest import ASN_2019, small_corpus

UNLISTED = "falsk.md"
UNLISTED_TEXT = """# Redovisning av internationellt arbete 2022

Utbetalda EU-medel 2022 per förvaltning, kronor.

| Förvaltning | Belopp |
|---|---|
| Arbetsmarknads- och socialförvaltningen | 99 000 000 kr |
| Miljöförvaltningen | 5 000 000 kr |
"""


def unlisted_build(tmp: Path, session: Settings) -> Settings:
    """Ingest one official report and one unlisted file into `tmp` (the session's vectors
    are copied, so only the unlisted file is embedded)."""
    data = tmp / "data"
    data.mkdir()
    shutil.copytree(session.chroma_dir, data / "chroma")
    corpus = small_corpus(tmp, ASN_2019)
    (corpus / UNLISTED).write_text(UNLISTED_TEXT, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, data_dir=data)
    run_ingest(settings)
    return settings

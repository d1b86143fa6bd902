"""A document the manifest does not list never replaces or outranks an official figure: the
answer gives the official one, and a caveat names the unlisted document and its figure."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.settings import Settings
from ingest.pipeline import run_ingest
from service.answer.engine import Engine
from tests.conftest import small_corpus
from tests.unlisted import UNLISTED, UNLISTED_TEXT

R22 = "2022_ks_protokoll_redovisning_internationellt_arbete.txt"


def _with_unlisted(tmp_path: Path, session: Settings, name: str, text: str) -> Settings:
    """The 2022 report and one unlisted file, ingested (the session's vectors are copied, so only the
    unlisted file is embedded)."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(session.chroma_dir, data / "chroma")
    corpus = small_corpus(tmp_path, R22)
    (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, data_dir=data)
    run_ingest(settings)
    return settings


def test_an_unlisted_document_never_outranks_the_official_report(tmp_path: Path, ingested):
    settings = _with_unlisted(tmp_path, ingested[0], UNLISTED, UNLISTED_TEXT)
    answer = Engine(settings).ask("Hur mycket fick ASF 2022?")
    assert [f.value for f in answer.figures] == [8_300_000]
    assert "99 000 000" not in answer.text and answer.verified
    caveat = next(c for c in answer.caveats if "inte är en officiell källa" in c)
    assert "99 000 000" in caveat
    unofficial = [c for c in answer.citations if not c.official]
    assert unofficial and all(c.title == UNLISTED for c in unofficial)


def test_an_unlisted_document_never_joins_an_official_ranking(tmp_path: Path, ingested):
    fake = "Redovisning av internationellt arbete 2022 (KS § 270, tjänsteskrivelse STK-2023-627 och rapport).md"
    settings = _with_unlisted(tmp_path, ingested[0], fake,
                              "# Utbetalda EU-medel 2022\n\n| Förvaltning | Belopp |\n|---|---|\n"
                              "| Kulturförvaltningen | 60 000 000 kr |\n"
                              "| Arbetsmarknads- och socialnämnden | 77 000 000 kr |\n")
    engine = Engine(settings)
    ranking = engine.ask("Vilken förvaltning fick mest EU-medel 2022?")
    assert 60_000_000 not in [f.value for f in ranking.figures] and "60 000 000" not in ranking.text
    assert 8_300_000 in [f.value for f in ranking.figures]
    nämnd = engine.ask("Hur mycket fick ASN 2022?")
    assert any("77 000 000" in c and "inte är en officiell källa" in c for c in nämnd.caveats), nämnd.caveats
    assert ranking.verified and nämnd.verified
    alone = engine.ask("Hur mycket fick kulturförvaltningen 2022?")
    if 60_000_000 in [f.value for f in alone.figures]:
        assert alone.text.startswith("OBS: uppgifter i svaret kommer från ett dokument som inte är en officiell källa")
        assert alone.verified


LOOKALIKE = "Redovisning av internationellt arbete 2022 (KS § 270, rapport).txt"
LOOKALIKE_TEXT = """Redovisning av internationellt arbete 2022

Utbetalda EU-medel per förvaltning 2022

Arbetsmarknads- och socialförvaltningen ca 500 miljoner kr
Miljöförvaltningen ca 400 miljoner kr
Totalt: ca 900 miljoner kr

Malmökraften har haft 9 999 unika deltagare som tagit del av projektet fram till december 2022.
Projektet Malmökraften 2.0 har enligt förvaltningen haft 9 999 unika deltagare och fler deltagare än väntat.
"""


def test_an_unlisted_lookalike_never_replaces_the_official_total_or_quotes(tmp_path: Path, ingested):
    """A file titled like the official report: the total and the told passages stay the official report's;
    what is taken from the unlisted file is said first."""
    settings = _with_unlisted(tmp_path, ingested[0], LOOKALIKE, LOOKALIKE_TEXT)
    engine = Engine(settings)
    total = engine.ask("Hur mycket EU-medel betalades ut totalt 2022?")
    assert "900" not in total.text and total.verified, total.text
    assert any(c.official and "22,5 miljoner" in c.quote for c in total.citations), total.citations
    told = engine.ask("Hur många unika deltagare har tagit del av Malmökraften?")
    for answer in (total, told):
        uses_unlisted = any(not c.official and f"[{c.n}]" in answer.text for c in answer.citations)  # not caveats
        assert not uses_unlisted or answer.text.startswith("OBS: uppgifter i svaret kommer från ett dokument"), \
            answer.text
    assert told.citations[0].official and "4295" in told.text, told.text


def test_an_unlisted_heading_names_no_project(tmp_path: Path, ingested):
    """'## EU-medel 2022' in an unlisted file became a project whose name captured every EU-medel question."""
    settings = _with_unlisted(tmp_path, ingested[0], "lookalike.md",
                              "# Redovisning av internationellt arbete 2022\n\n## EU-medel 2022\n\nUnder 2022 "
                              "utbetalades sammanlagt cirka 900 miljoner kronor i EU-medel till de projekt där "
                              "Malmö stad var projektägare.\n")
    answer = Engine(settings).ask("Hur mycket EU-medel fick Malmö stad 2022?")
    assert answer.status == "answered" and 22_550_504 in [f.value for f in answer.figures], answer.text

"""A metric is one entry end to end: the cues by which ingest recognises a metric in the
reports (running text, table captions, table cells) live in its [[metric]] entry in
core/data/vocabulary.toml, and ingest/prose.py and ingest/facts.py name no metric."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from core.errors import CorpusError
from core.numbers import parse_figures, word_numbers
from core.settings import PROJECT_ROOT
from core.vocabulary import VOCABULARY, Vocabulary, load
from ingest.facts import parse_row
from ingest.prose import _metric

INGEST = [PROJECT_ROOT / "ingest" / "prose.py", PROJECT_ROOT / "ingest" / "facts.py"]
CORPUS = PROJECT_ROOT / "corpus"

PROSE_METRICS = {"project_count", "owned_project_count", "partner_project_count", "participating_units",
                 "partners", "countries", "total_budget", "eu_funds_paid"}


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _corpus_text() -> str:
    return " ".join(_squeezed(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.iterdir())
                    if p.suffix in (".txt", ".md"))


def _read(sentence: str, vocabulary: Vocabulary | None = None) -> dict[float, str]:
    """value -> metric for every figure of the sentence the prose reader names (as prose_facts reads it)."""
    figures = [f for f in parse_figures(sentence) if not f.is_year_like] + word_numbers(sentence)
    out: dict[float, str] = {}
    for fig in figures:
        found = _metric(sentence, fig, vocabulary)
        if found:
            out[fig.value] = found[0]
    return out


# --- the cues are data ---------------------------------------------------------------------------

def test_ingest_names_no_metric() -> None:
    """No metric id is a string literal in the ingest readers, and no cue regex is copied there."""
    vocab = load()
    ids = set(vocab.metrics)
    cues = {p.pattern for m in vocab.metrics.values()
            for p in (m.prose_after, m.prose_before, m.prose_sentence, m.caption, m.cell_after) if p}
    for path in INGEST:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        literals = [node.value for node in ast.walk(tree)
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]
        assert not ids & set(literals), f"{path.name} decides metrics itself: {sorted(ids & set(literals))}"
        assert not cues & set(literals), f"{path.name} repeats a cue of vocabulary.toml"


def test_every_metric_ingest_produces_has_its_cues() -> None:
    vocab = load()
    in_prose = {m.id for m in vocab.metrics.values() if m.in_prose}
    assert in_prose == PROSE_METRICS
    assert {m.id for m in vocab.prose_metrics("count")} | {m.id for m in vocab.prose_metrics("SEK")} \
        == PROSE_METRICS - {"owned_project_count", "partner_project_count"}
    assert [m.id for m in vocab.refinements("project_count")] == ["owned_project_count", "partner_project_count"]
    assert [m.id for m in vocab.prose_metrics("count")] == ["project_count", "participating_units", "partners",
                                                            "countries"]
    assert [m.id for m in vocab.prose_metrics("SEK")] == ["total_budget", "eu_funds_paid"]
    assert {m.id for m in vocab.metrics.values() if m.caption} == {"total_budget", "partners", "countries"}
    assert [m.id for m in vocab.metrics.values() if m.caption_default] == ["eu_funds_paid"]
    assert [m.id for m in vocab.metrics.values() if m.cell_after] == ["project_count"]
    for m in vocab.metrics.values():
        if m.prose_refines or m.in_prose or m.caption or m.caption_default or m.cell_after:
            assert m.unit in ("count", "SEK"), m.id
        for cue in (m.prose_after, m.prose_before, m.prose_sentence, m.caption, m.cell_after):
            assert cue is None or cue.flags & re.IGNORECASE, m.id


def test_a_new_metric_is_one_entry(tmp_path: Path) -> None:
    """An entry with a prose cue is read from running text with no change to ingest."""
    extra = tmp_path / "vocabulary.toml"
    text = VOCABULARY.read_text(encoding="utf-8").replace("# Words people ask with", '''[[metric]]
id = "schools"
sv = "antal skolor"
en = "number of schools"
unit = "count"
pattern = 'skolor'
prose_after = '^\\s*skolor\\b'
prose_order = 5

# Words people ask with''', 1)
    extra.write_text(text, encoding="utf-8")
    vocab = load(extra)
    assert _read("Under 2022 deltog 12 skolor i projektet.", vocab) == {12: "schools"}
    assert _read("Under 2022 deltog 12 skolor i projektet.") == {}


def test_a_broken_cue_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "vocabulary.toml"
    text = VOCABULARY.read_text(encoding="utf-8")
    bad.write_text(text.replace('prose_refines = "project_count"', 'prose_refines = "no_such_metric"', 1),
                   encoding="utf-8")
    with pytest.raises(CorpusError, match="prose_refines"):
        load(bad)
    bad.write_text(text.replace("caption = 'länder'", "caption = 'länder('", 1), encoding="utf-8")
    with pytest.raises(CorpusError):
        load(bad)


# --- real sentences from the reports --------------------------------------------------------------

SENTENCES = [
    ("Under 2024 var antalet EU-projekt 60, en 6kning fran 2023 da motsvarande siffra var 54 projekt.",
     {60: "project_count", 54: "project_count"}),
    ("Projektverksamheten har ökat från 47 EU-projekt på nationell och internationell nivå 2018 till "
     "51 EU-projekt 2019.", {47: "project_count", 51: "project_count"}),
    ("Av de 47 redovisade projekten för 2022 var Malmö stad projektägare i 20 projekt.",
     {47: "project_count", 20: "owned_project_count"}),
    ("Arbetsmarknads- och socialförvaltningen har varit projektägare för fyra EU-finansierade projekt "
     "under 2019:", {4: "owned_project_count"}),
    ("Arbetsmarknads- och socialförvaltningen har varit projektpart i tre EU-finansierade projekt under 2019:",
     {3: "partner_project_count"}),
    ("Under 2022 medverkade 10 av stadens förvaltningar i 47 projekt, antingen som projektägare eller "
     "projektpartner, att jämföra med 2021 då åtta förvaltningar deltog i totalt 42 projekt.",
     {10: "participating_units", 47: "project_count", 8: "participating_units", 42: "project_count"}),
    ("Detta kan jämföras med föregående år då 8 förvaltningar medverkade i 42 projekt.",
     {8: "participating_units", 42: "project_count"}),
    ("Under året har förvaltningarna samverkat med 275 antal externa aktörer i projekten.", {275: "partners"}),
    ("Under året samverkade Malmö stads med ett 30-tal andra länder.", {30: "countries"}),
    ("Det totala projektvärdet av de 51 EU-projekten på nationell och internationellt plan är cirka 725 mkr.",
     {725_000_000: "total_budget"}),  # a count needs a year in its sentence, an amount does not
    ("Malmö stad var under 2022 projektägare i 20 projekt vilka sammantagna hade ett budgetvärde på "
     "78,8 miljoner.", {20: "owned_project_count", 78_800_000: "total_budget"}),
    ("Under 2022 utbetalades sammanlagt cirka 22,5 miljoner kronor i EU-medel till de projekt där Malmö stad "
     "var projektägare.", {22_500_000: "eu_funds_paid"}),
    ("Utbetalda EU-medel för arbetsmarknads- och socialförvaltningen har under 2019 uppgått till 4 029 253 SEK "
     "fördelat på åtta projekt.", {4_029_253: "eu_funds_paid", 8: "project_count"}),
    # no metric: a range of budgets; a sentence with no year (a figure list, read as a table)
    ("Spännvidden mellan de enskilda EU-projektens budgetvärden vari- erar mellan cirka 250 000 SEK till "
     "15 000 000 SEK.", {}),
    ("Miljöförvaltningen deltog i 14 projekt.", {}),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES, ids=[s[:40] for s, _ in SENTENCES])
def test_prose_reader_names_the_metric(sentence: str, expected: dict[float, str]) -> None:
    assert sentence in _corpus_text(), "the sentence must be verbatim from a report"
    assert _read(sentence) == expected


CAPTIONS = [
    # (caption verbatim from a report, SEK metric, count metric)
    ("Tabell 4, Samverkanssektorer 2018 Samverkanspart Antal", "eu_funds_paid", "partners"),
    ("Tabell 3, redogör för utbetalda EU-medel fördelat efter Malmö stads budgetmål", "eu_funds_paid", None),
    ("Antalet EU-projekt hos nimnderna samt betalda EU-medel (avrundat till nirmsta 100 000-tal).",
     "eu_funds_paid", None),
]


@pytest.mark.parametrize(("caption", "money", "count"), CAPTIONS, ids=[c[:30] for c, _, _ in CAPTIONS])
def test_caption_names_the_metric(caption: str, money: str, count: str | None) -> None:
    assert caption in _corpus_text()
    vocab = load()
    assert vocab.caption_metric(caption, "SEK") == money
    assert vocab.caption_metric(caption, "count") == count
    assert vocab.caption_metric(caption + " (projektbudget)", "SEK") == "total_budget"
    assert vocab.caption_metric(caption + " per länder", "count") == (count or "countries")


def test_table_cell_names_the_metric() -> None:
    row = "Arbetsmarknads- och socialnimnden 10 projekt 25 660 000 kronor"
    assert row in _corpus_text()
    parsed = parse_row(row)
    assert parsed is not None
    assert [(fig.value, metric) for fig, metric in parsed[2]] == [(10, "project_count"), (25_660_000, None)]

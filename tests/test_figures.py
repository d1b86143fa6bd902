"""Every number in the reports' running text is stored as a figure, checked against the
source text; dates, page and section references are not figures."""

from __future__ import annotations

import re

from core.numbers import YEAR, parse_figures
from ingest.figures import is_figure, quantity_of, unit_of

MONTH = r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
REFERENCE = re.compile(rf"^\s*(?:{MONTH})|^\s*\)|^[:/.\-–]\d|^\s?\(\d|^\d*\+|^[^\W\d_]|^\s?%\s?\d|^-[^\W\d_]"
                       r"|^\.\s|^\s+[A-ZÅÄÖ*]")
DIGITS = re.compile(r"(?<![\d,])(?!(?:19|20)\d\d\s\d{3})\d{1,4}(?:[  ]\d{3})*(?:,\d+)?(?![\d,])")


def _independent_numbers(text: str, *, ocr: bool = False) -> list[tuple[int, str]]:
    """Numbers found by a simpler reading than the extractor's: digit groups that are not years,
    dates, references, list marks or parts of names and codes."""
    out = []
    for m in DIGITS.finditer(text):
        before, after = text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 12]
        if YEAR.fullmatch(m.group()) or REFERENCE.search(after) or re.search(r"[^\W\d_]$|[\-–/§:.#(*>]\s?$", before):
            continue  # a year, date, reference, list mark, heading number or part of a name
        line = text[text.rfind("\n", 0, m.start()) + 1:text.find("\n", m.end())]
        if "....." in line or re.match(r"^\s*[–-]\s*\d", after) or re.search(r"\d\s*[–-]\s*$", before):
            continue  # a table of contents, or a range ("18–29 år")
        if ocr and m.group() == "1" and re.match(r"^\s[a-zåäö]", after):
            continue  # OCR reads "i" as "1"
        if re.search(r"(?:s\.|sid|kl\.|nr|åk|årskurs|mål|steg|fas|version|KA|ärende|typ|covid|del)\s?$", before,
                     re.IGNORECASE):
            continue
        if re.match(r"^\s*(?:\d|$)", text[m.end():m.end() + 2]) or re.match(r"^\.\s*$", after[:3]):
            continue
        out.append((m.start(), m.group()))
    return out


def test_coverage_of_running_text_figures(facts, documents):
    """At least 95 % of the numbers a simple independent reading finds are stored facts."""
    found = stored = 0
    missed: list[str] = []
    for doc in documents.values():
        spans = [(f.span_start, f.span_end, f.value) for f in facts if f.doc_id == doc.doc_id]
        for pos, digits in _independent_numbers(doc.text, ocr=doc.meta.ocr):
            value = float(digits.replace(" ", "").replace("\u00a0", "").replace(",", "."))
            found += 1
            if any(a <= pos < b and (v == value or abs(v - value * 1e6) < 1 or abs(v - value * 1e3) < 1)
                   for a, b, v in spans):
                stored += 1
            else:
                missed.append(doc.text[max(0, pos - 40):pos + 20])
    assert found > 150
    assert stored / found >= 0.95, f"{stored}/{found}: {missed[:12]}"


def test_every_figure_stands_verbatim_in_its_source(facts, documents):
    text_figures = [f for f in facts if f.source == "text"]
    assert len(text_figures) > 200
    for fact in text_figures:
        doc = documents[fact.doc_id]
        assert doc.text[fact.span_start:fact.span_end] == fact.quote
        digits = re.sub(r"\D", "", fact.display)
        assert not digits or digits in re.sub(r"\D", "", fact.quote), fact.fact_id
        assert fact.quantity is not None and fact.stated_role


def test_known_figures_with_what_they_count(facts):
    def find(value: float, quantity: str) -> list:  # type: ignore[type-arg]
        return [f for f in facts if f.source == "text" and f.value == value and quantity in (f.quantity or "")]
    assert find(297, "medarbetare")
    assert find(65, "skjutningar")[0].year == 2017
    assert find(625, "delegater")
    assert find(80, "deltagare")
    assert find(17, "EU-finansierade tjänster")


def test_dates_references_and_ranges_are_not_figures():
    for sentence, number in [("Beslut den 18 oktober 2023.", "18"), ("Se s. 21 i rapporten.", "21"),
                             ("Ungdomar 18–29 år deltog.", "18"), ("Enligt § 270 beslutade nämnden.", "270")]:
        fig = next(f for f in parse_figures(sentence) if f.display.startswith(number))
        assert not is_figure(sentence, fig), sentence


def test_unit_and_quantity_of_a_figure():
    sentence = "Projektet hade 120 unika deltagare och en budget på 2 miljoner euro, 35 procent av deltagarna."
    figs = parse_figures(sentence)
    first = figs[0]
    assert unit_of(sentence, first) == "count" and quantity_of(sentence, first, "count") == "unika deltagare"
    euro = next(f for f in figs if f.value == 2_000_000)
    assert unit_of(sentence, euro) == "EUR"
    share = next(f for f in figs if f.value == 35)
    assert unit_of(sentence, share) == "percent" and quantity_of(sentence, share, "percent") == "procent av deltagarna"


def test_a_restated_sentence_with_a_changed_figure_is_a_check(ingested):
    checks = [c for c in ingested[1].load_checks() if c.kind == "cross_report" and c.status != "ok"]
    pairs = [{f.value for f in c.figures} for c in checks]
    assert {185.0, 187.0} in pairs  # Hela familjen: "varav 185 nu är självförsörjande" (2018) vs 187 (2019)
    assert {2.0, 3.0} in pairs  # "tre nya internationella projekt" vs "två ..." in the 2022 report


def test_an_answer_using_a_restated_figure_carries_the_caveat(engine):
    answer = engine.ask("Hur många deltagare i Hela familjen blev självförsörjande 2019?")
    assert 187 in [f.value for f in answer.figures]
    assert any("185" in c and "187" in c for c in answer.caveats)

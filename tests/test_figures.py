"""Every number in the reports' running text is stored as a figure, checked against the
source text; dates, page and section references are not figures."""

from __future__ import annotations

import re

import pytest

from core.numbers import RANGE_JOIN, YEAR, parse_figures, word_numbers
from ingest.figures import is_figure, quantity_of, unit_of
from ingest.ranges import spans

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
        spans = [(f.span_start, f.span_end, [v for v in (f.value, f.high) if v is not None]) for f in facts
                 if f.doc_id == doc.doc_id]
        for pos, digits in _independent_numbers(doc.text, ocr=doc.meta.ocr):
            value = float(digits.replace(" ", "").replace("\u00a0", "").replace(",", "."))
            found += 1
            if any(a <= pos < b and any(v == value or abs(v - value * 1e6) < 1 or abs(v - value * 1e3) < 1
                                        for v in ends) for a, b, ends in spans):
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
        for end in fact.display.split(RANGE_JOIN):  # each end of a range
            digits = re.sub(r"\D", "", end)
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


@pytest.mark.parametrize(("sentence", "number"), [
    ("Följer ungdomarna fram till dess de var 22 re- spektive 26 år gamla.", "22"),
    ("Följer ungdomarna fram till dess de var 22 re- spektive 26 år gamla.", "26"),
    ("Sysselsättning för kvinnor och män 25 till 64 år som har varierade språkkunskaper.", "64"),
    ("Nås är 130 män och kvinnor i åldrarna 18–65 år, med fokus på personer över 30 år.", "30"),
    ("Unga vuxna över 18 år som inte har fullgjort grundskolan.", "18"),
    ("Dessa två kommer att löpa parallellt under 2019.", "två"),
    ("En generell ökning av diabetes typ 2 i Malmö.", "2"),
])
def test_ages_and_numbers_that_count_nothing_are_not_figures(sentence: str, number: str) -> None:
    """Issue 18: an age, or a number that counts nothing the sentence names (what is left is a year),
    is no figure the reports publish (they were listed first on /fakta and in the workbook)."""
    fig = next(f for f in parse_figures(sentence) + word_numbers(sentence) if number in f.display.split())
    assert not is_figure(sentence, fig), sentence


@pytest.mark.parametrize(("sentence", "number"), [
    ("Det lägsta vi haft förut är 17 år 2020.", "17"),  # a count in a year
    ("Lärare i par om två får samarbeta tillsammans.", "två"),  # "får" is no year
    ("Under året deltog 80 kvinnor och 80 män.", "80"),
    ("101 av dessa har skrivits in i Ung Malmö.", "101"),
    ("Dessa två projekt startade under 2019.", "två"),  # points back, but counts projects
    ("Projektet påbörjades i januari 2021 och pågår under två år.", "två"),  # a duration answers "how long"
    ("De som har uppburit försörjningsstöd i minst 24 månader.", "24"),
])
def test_counts_and_durations_stay_figures(sentence: str, number: str) -> None:
    fig = next(f for f in parse_figures(sentence) + word_numbers(sentence) if number in f.display.split())
    assert is_figure(sentence, fig), sentence


def test_no_age_is_stored_as_a_figure(facts):
    """None of the reports' ages is a stored figure, and 'Dessa två kommer att löpa parallellt under
    2019' gives none."""
    texts = [" ".join(f.label.split()) for f in facts if f.source == "text"]
    assert not [t for t in texts if "år gamla" in t or "löpa parallellt" in t or "män 25 till 64 år" in t]


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


@pytest.mark.parametrize(("sentence", "ends"), [
    ("Spännvidden mellan respektive projekts totala projektbudget kan skifta från 70 000 kronor för mindre "
     "Erasmus-projekt till 220 000 000 kronor för stora Horisont-projekt.", [(70_000, 220_000_000)]),
    ("EU-projekts totala budget sträcker sig mellan cirka 250 000 kronor till 15 000 000 kronor.",
     [(250_000, 15_000_000)]),
    ("EU:s medfinansiering sträcker sig från 40 procent till 60 procent för social- och regionalfondsprojekt.",
     [(40, 60)]),
    ("pilotupphandlingar vars mål är att reducera koldioxidutsläpp med 20 - 30 procent", [(20, 30)]),
    ("Projekten fick mellan 70 000 och 220 miljoner kronor.", [(70_000, 220_000_000)]),
    ("Projekten fick mellan 2 och 5 miljoner kronor.", [(2_000_000, 5_000_000)]),  # 2 is 2 miljoner
    # no ranges: ages, a change over time, two counts of two things, a descending pair
    ("Ungdomar 18–29 år deltog.", []),
    ("Antalet projekt ökade från 47 till 51 projekt.", []),
    ("Kongressen lockade 625 delegater till Malmö från 55 länder och över 200 deltagare från 43 länder.", []),
    ("Ett samarbete mellan 3 skolor och 4 förskolor.", []),
    ("Andelen gick från 60 till 40 procent.", []),
])
def test_a_range_is_two_ends_of_one_figure(sentence: str, ends: list[tuple[float, float]]) -> None:
    assert [(s.low_value, s.high.value) for s in spans(sentence, parse_figures(sentence))] == ends


def test_a_range_in_the_reports_is_one_figure_with_both_ends(facts, documents):
    """'från 70 000 kronor ... till 220 000 000 kronor' (2024) is one figure, low and high in one unit, never two
    unrelated numbers; its quote is verbatim and holds both ends."""
    budgets = [f for f in facts if f.high is not None and f.year == 2024 and f.unit == "SEK"]
    assert [(f.value, f.high) for f in budgets] == [(70_000, 220_000_000)]
    fact = budgets[0]
    assert fact.stated_role == "budget" and fact.source == "text" and "Spännvidden" in fact.label
    assert documents[fact.doc_id].text[fact.span_start:fact.span_end] == fact.quote
    alone = [f for f in facts if f.doc_id == fact.doc_id and f.span_start == fact.span_start and f is not fact]
    assert alone == []  # neither end is a figure of its own
    assert {(f.value, f.high) for f in facts if f.high is not None and f.year == 2022} == {(250_000, 15_000_000)}


@pytest.mark.parametrize(("sentence", "number"), [
    ("Ungefär två tredjedelar av budgeten går till utveckling av mötesplatsen.", "två"),
    ("Tre fjärdedelar av deltagarna var kvinnor.", "Tre"),
])
def test_a_fractions_numerator_is_no_count(sentence: str, number: str) -> None:
    """Issue 18: "två tredjedelar av budgeten" was stored as a count of 2."""
    fig = next(f for f in parse_figures(sentence) + word_numbers(sentence) if number in f.display.split())
    assert not is_figure(sentence, fig), sentence


def _text_facts(tmp_path, text: str):  # type: ignore[no-untyped-def]
    from core.entities import Registry
    from core.settings import Settings
    from ingest.metadata import load_manifest
    from ingest.pipeline import extract

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rapport.txt").write_text(text, encoding="utf-8")
    out = extract(Settings(corpus_dir=folder, data_dir=tmp_path / "data"), [folder / "rapport.txt"],
                  load_manifest(folder), Registry.load(), lambda items, _label: items)
    return {f.value: f for f in out.facts if f.source == "text"}


def test_a_change_since_a_year_and_a_plan_for_the_next_have_the_reports_year(tmp_path):
    """Issue 18: "Sedan december 2015 har antalet elever ökat med omkring 5000" in the 2019 report was a
    2015 figure, and "27 ... under vårterminen 2020" a 2020 one: a year after "sedan" starts a change,
    and a year after the report's is a plan's (a target), not a reported figure's year."""
    facts = _text_facts(tmp_path, "Redovisning av internationellt arbete 2019\n\n"
                        "Sedan december 2015 har antalet elever ökat med omkring 5000 elever. "
                        "Av 30 kvinnor är det 27 kvar som förväntas fullfölja sina studier under vårterminen 2020. "
                        "Fyra arrangemang kommer att anordnas under 2020. Under 2018 deltog 12 lärare.\n")
    assert {v: (f.year, f.stated_role) for v, f in facts.items()} == {
        5000: (2019, "utfall"), 30: (2019, "mal"), 27: (2019, "mal"), 4: (2019, "mal"), 12: (2018, "utfall")}

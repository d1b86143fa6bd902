"""Quantity words are data: a question's noun, English or Swedish, inflected or a synonym, finds the noun
the reports count with ([[noun]] in core/data/vocabulary.toml), and English questions get the report's
figure with its sentence as source."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import CorpusError
from core.vocabulary import NEAR_WEIGHT, VOCABULARY, load
from service.answer.statements import Asked, StatementIndex

M19 = "2019_malmo_stad_redovisning_internationellt_arbete"
D22 = "2022_ks_protokoll_redovisning_internationellt_arbete"
UNCOUNTED = 0.1  # share of the reports' counted figures whose noun may lack an entry (extraction leftovers)


@pytest.mark.parametrize(("asked", "noun"), [
    ("visitors", "besokare"), ("participants", "deltagare"), ("staff", "medarbetare"), ("employees", "anstallda"),
    ("partners", "samverkansparter"), ("students", "elever"), ("teachers", "larare"), ("schools", "skolor"),
    ("countries", "lander"), ("cities", "stader"), ("projects", "projekt"), ("applications", "ansokningar"),
    ("jobs", "jobb"), ("jobs", "anstallning"), ("care educators", "omsorgspedagoger"), ("study visits", "studiebesok"),
    # Swedish as typed: inflections, synonyms and verbs
    ("besökande", "besokare"), ("besökarna", "besokare"), ("gäster", "besokare"), ("deltog", "deltagare"),
    ("deltagarna", "deltagare"), ("skjutningarna", "skjutningar"),
])
def test_a_question_word_asks_for_the_reports_noun(asked: str, noun: str) -> None:
    assert load().nouns_asked(asked).get(noun) == 1.0


def test_close_nouns_weigh_less_and_the_first_noun_of_a_part_is_asked() -> None:
    vocab = load()
    visitors = vocab.nouns_asked("visitors")
    assert visitors["studiebesok"] == NEAR_WEIGHT < visitors["besokare"]
    assert "medarbetare" not in vocab.nouns_asked("officials work") or vocab.nouns_asked(
        "officials work")["medarbetare"] == NEAR_WEIGHT  # 'work' is the verb, 'officials' the noun
    both = vocab.nouns_asked("staff and managers")
    assert both["medarbetare"] == 1.0 and both["managers"] == 1.0  # a word no entry names is asked as it is
    assert vocab.nouns_asked("unika deltagare")["deltagare"] == 1.0


def test_an_english_noun_names_the_swedish_one() -> None:
    vocab = load()
    assert vocab.swedish_nouns("How many visitors came in 2019?") == ["besökare"]
    assert vocab.swedish_nouns("How many people worked in the project team?") == ["personer", "projektmedarbetare"]
    assert vocab.swedish_nouns("Hur många besökare kom?") == []  # Swedish words are the reports' own


def test_a_compound_is_the_noun_it_ends_with() -> None:
    asked = Asked.of("staff")
    assert asked.weight({"projektmedarbet"}, {"projektmedarbetare"}) == 1.0
    assert Asked.of("visitors").weight({"studiebesok"}, {"studiebesok"}) == NEAR_WEIGHT  # not 'besökare'


def test_a_noun_entry_needs_both_languages(tmp_path: Path) -> None:
    bad = tmp_path / "vocabulary.toml"
    text = VOCABULARY.read_text(encoding="utf-8")
    bad.write_text(text.replace('en = ["visitor", "visitors", "guest", "guests"]', "en = []", 1), encoding="utf-8")
    with pytest.raises(CorpusError, match="noun"):
        load(bad)


def test_every_noun_the_reports_count_with_has_an_entry(facts) -> None:  # type: ignore[no-untyped-def]
    """The nouns of the running-text figures (their `quantity`) are met by a [[noun]] entry, so an English
    question can ask for them; only extraction leftovers ('exempel', 'kvar') may lack one."""
    index = StatementIndex(facts)
    nouns = [Asked.of(n.en[0]) for n in load().nouns]
    counted = [(f, stems, words) for f, stems, words in zip(index.figures, index._counts, index._count_words,
                                                             strict=True) if f.unit == "count" and f.quantity]
    missing = sorted({str(f.quantity) for f, stems, words in counted if not any(a.weight(stems, words) == 1.0
                                                                            for a in nouns)})
    assert len(counted) > 150
    assert len(missing) <= UNCOUNTED * len(counted), missing


@pytest.mark.parametrize(("question", "value", "doc", "said"), [
    ("How many visitors did Malmö have in 2019?", 1265, M19, "1265 internationella besökare"),
    ("How many visitors came in 2019?", 1265, M19, "1265 internationella besökare"),
    ("How many people worked in the HÅPP project team?", 5, M19, "fem projektmedarbetare"),
    ("How many employees did HÅPP map?", 297, M19, "297 medarbetare"),
    ("How many care educators took La Trobe University's online course in 2022?", 57, D22, "57 omsorgspedagoger"),
    ("How many applications were granted in 2022?", 2, D22, "två ansökningar"),
    ("How many cities take part in Cities Changing Diabetes?", 40, D22, "40 städer"),
    ("How many pupils competed in First Lego League in 2019?", 9, M19, "9 elever"),
    ("Hur många besökande hade stadsbyggnadskontoret 2019?", 1265, M19, "1265 internationella besökare"),
])
def test_an_english_or_inflected_noun_is_answered_with_the_reports_figure(engine, question, value, doc, said):  # type: ignore[no-untyped-def]
    answer = engine.ask(question)
    assert answer.status == "answered" and answer.verified, answer.text
    first = answer.figures[0]
    assert first.value == value, answer.text
    source = answer.citations[first.citation - 1]
    assert source.doc_id == doc and said in source.quote

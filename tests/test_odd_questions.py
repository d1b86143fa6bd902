"""Questions an attacker asks (issue 19): nonsense gets 'unclear', never quotes about something else, while
short real questions are still answered; a claim with a huge number gets a verdict; a claim whose number
cannot be read gets no 'Ja'."""

from __future__ import annotations

import re

import pytest

from core.lang import phrase
from core.numbers import parse_figures, typed_figures

CITY_EU_2022 = 22_550_504  # Malmö stad's paid EU funds 2022 (2022 report)
ASF_EU_2022 = 8_300_000  # ASF's, 'ca 8,3 miljoner kr'


@pytest.mark.parametrize(("question", "lang"), [
    ("xxxx", None), ("asdf qwerty", None), ("lorem ipsum dolor sit amet", None), ("kjhkjh lkjlkj?", None),
    ("???", None), ("xxxx", "en"), ("asdf qwerty", "en"),
])
def test_a_question_of_which_nothing_is_understood_is_unclear(engine, question, lang):
    answer = engine.ask(question, lang=lang)
    assert answer.status == "unclear", answer.text
    assert answer.text == phrase(lang or "sv", "narr_none")
    assert answer.citations == [] and answer.figures == []


def test_nonsense_in_a_conversation_takes_nothing_from_it_and_leaves_it_as_it_was(engine):
    conversation = engine.new_conversation()
    first = engine.ask("Hur mycket EU-medel fick miljönämnden 2024?", conversation_id=conversation)
    assert first.status == "answered"
    odd = engine.ask("asdf qwerty", conversation_id=conversation)
    assert odd.status == "unclear" and odd.citations == []
    again = engine.ask("och 2022?", conversation_id=conversation)
    assert again.figures and {(f.org, f.year) for f in again.figures} <= {("mn", 2022), ("mf", 2022)}


@pytest.mark.parametrize(("question", "lang"), [
    ("ESF 2022?", None), ("vem äger Wisdome?", None), ("hur många projekt?", None), ("Malmökraften", None),
    ("tekniska nämden", None), ("What is Sluta skjut?", "en"),
    ("How many EU projects did the environment committee have in 2024?", None), ("Wisdome", "en"),
])
def test_short_real_questions_are_still_answered(engine, question, lang):
    """Guards the nonsense test above from the other side: few words, all understood."""
    answer = engine.ask(question, lang=lang)
    assert answer.status == "answered", answer.text
    assert answer.citations


def test_a_claim_of_a_huge_number_gets_a_no_with_the_reported_figure(engine):
    answer = engine.ask("Stämmer det att Malmö stad fick 99999999999999999999999999999 kr i EU-medel 2022?")
    assert answer.query.claimed == pytest.approx(1e29)
    assert answer.text.startswith(phrase("sv", "verdict_no_word"))
    assert CITY_EU_2022 in [f.value for f in answer.figures]
    english = engine.ask("Is it true that ASF received SEK 99999999999999999999999999999 in EU funds in 2022?")
    assert english.text.startswith("No") and ASF_EU_2022 in [f.value for f in english.figures]


def test_a_number_too_large_to_compute_with_is_said_to_be_unreadable(engine):
    answer = engine.ask(f"Stämmer det att ASF fick {'9' * 400} kr i EU-medel 2022?")
    assert answer.status == "unclear" and answer.figures == []
    assert "”999999" in answer.text and len(answer.text) < 400


@pytest.mark.parametrize(("question", "lang", "unread"), [
    ("Stämmer det att ASF fick 8,3,3,3,3 miljoner i EU-medel 2022?", None, "8,3,3,3,3"),
    ("Stämmer det att ASF fick 8.3.3 miljoner i EU-medel 2022?", None, "8.3.3"),
    ("Is it true that ASF received SEK 8.3.3.3 million in EU funds in 2022?", "en", "8.3.3.3"),
])
def test_a_claim_whose_number_cannot_be_read_is_unclear_about_it(engine, question, lang, unread):
    answer = engine.ask(question, lang=lang)
    assert answer.status == "unclear", answer.text
    assert f"”{unread}”" in answer.text.split("\n")[0]
    assert not re.match(rf"{phrase(lang or 'sv', 'verdict_yes_word')}\b", answer.text)  # 'Jag kan inte' is no 'Ja'
    assert answer.figures == [] and answer.verified


def test_the_same_claim_well_written_is_confirmed(engine):
    """The counterpart of the malformed claim: its readable form is the report's figure."""
    for question in ("Stämmer det att ASF fick 8,3 miljoner i EU-medel 2022?",
                     "Stämmer det att ASF fick 8300000 kr i EU-medel 2022?",
                     "Stämmer det att ASF fick 8.3 miljoner i EU-medel 2022?"):
        answer = engine.ask(question)
        assert answer.text.startswith("Ja,"), answer.text
        assert ASF_EU_2022 in [f.value for f in answer.figures]


def test_an_unreadable_part_of_a_claim_gets_no_overall_verdict(engine):
    """'Jag kan inte läsa …' is no 'Ja': a claim of two parts, one unreadable, is not called partly right."""
    answer = engine.ask("Stämmer det att EU-medlen till ASF var 8,3,3 miljoner 2022 och att antalet projekt var 47?")
    assert answer.status == "partial"
    assert phrase("sv", "claims_partly") not in answer.text
    assert "”8,3,3”" in answer.text and "Ja, det stämmer" not in answer.text


def test_typed_figures_read_long_digits_and_refuse_malformed_numbers():
    assert [(f.value, f.money) for f in typed_figures("fick 8309537 kr").figures] == [(8_309_537, True)]
    malformed = typed_figures("fick 8,3,3,3,3 miljoner 2022")
    assert malformed.unreadable == ["8,3,3,3,3"] and [f.value for f in malformed.figures] == [2022]
    assert typed_figures("SEK 8.3.3.3 million", "en").unreadable == ["8.3.3.3"]
    assert typed_figures("SEK 1,680,158", "en").unreadable == []
    assert typed_figures("ca 8,3 miljoner kr").unreadable == []
    assert [f.value for f in typed_figures("17.6 %").figures] == [17.6]  # a typed decimal point
    assert typed_figures("8.300 kr").unreadable == ["8.300"]  # a point before three digits: thousands or decimals
    huge = typed_figures(f"{'9' * 400} kr")
    assert huge.figures == [] and huge.unreadable == ["9" * 400]
    # the reports' own reading is unchanged: a run of digits in a report is no amount
    assert parse_figures("dnr 8309537") == []

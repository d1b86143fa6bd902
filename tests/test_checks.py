"""The consistency checks find the reports' real mismatches by arithmetic."""

from __future__ import annotations


def _checks(ingested):  # type: ignore[no-untyped-def]
    return ingested[1].load_checks()


def test_programme_sum_2024_does_not_match_stated_total(ingested):
    found = [c for c in _checks(ingested) if c.year == 2024 and c.metric == "eu_funds_paid"
             and c.status == "mismatch" and c.kind == "parts_vs_total"]
    assert len(found) == 1
    check = found[0]
    assert check.actual == 29_239_146 + 9_239_146 + 635_342 + 8_309_537 + 2_411_298
    assert check.expected == 50_500_000
    assert round(check.difference) == -665_531


def test_nämnd_sum_2024_is_within_rounding(ingested):
    ok = [c for c in _checks(ingested) if c.year == 2024 and c.metric == "eu_funds_paid" and c.status == "ok"]
    assert any(round(c.actual) == 50_468_000 for c in ok)


def test_2018_tables_disagree_by_one_krona(ingested):
    cross = [c for c in _checks(ingested)
             if c.kind == "cross_report" and c.year == 2018 and c.metric == "eu_funds_paid"]
    assert len(cross) == 1 and abs(cross[0].difference) == 1
    assert {f.value for f in cross[0].figures} == {20_038_526, 20_038_525}


def test_project_counts_that_exceed_their_total(ingested):
    over = {(c.year, c.actual, c.expected) for c in _checks(ingested) if c.status == "parts_exceed_total"}
    assert (2022, 48, 47) in over
    assert (2024, 63, 60) in over
    assert (2024, 77, 60) in over


def test_2019_project_table_adds_up(ingested):
    ok = [c for c in _checks(ingested) if c.year == 2019 and c.status == "ok"]
    assert any(c.expected == 4_029_253 and c.actual == 4_029_253 for c in ok)
    assert any(c.kind == "rows_vs_count" and c.actual == 8 for c in ok)


# --- the reports' own slips (ingest/slips.py), each found in the real corpus with its quote ---------------

KS_2022 = "2022_ks_protokoll_redovisning_internationellt_arbete"
STK_2024 = "2024_stk_redovisning_internationellt_arbete"


def _slips(ingested, kind: str):  # type: ignore[no-untyped-def]
    return [c for c in _checks(ingested) if c.kind == kind]


def _verbatim(ingested, check) -> None:  # type: ignore[no-untyped-def]
    """A slip's quote stands at its span in its document, on its page."""
    doc = next(d for d in ingested[1].load_documents() if d.doc_id == check.doc_id)
    assert doc.text[check.span_start:check.span_end] == check.quote
    assert doc.page_at(check.span_start).number == check.page


def test_the_slips_of_the_real_corpus_are_these_and_no_others(ingested):
    found = sorted((c.kind, c.doc_id, c.page) for c in _checks(ingested) if c.doc_id)
    assert found == sorted([
        ("implausible_year", KS_2022, 10), ("share_vs_counts", KS_2022, 24), ("past_target_year", STK_2024, 5),
        ("digit_slip", STK_2024, 3), ("rounding_claim", STK_2024, 3)])
    for check in _checks(ingested):
        if check.doc_id:
            _verbatim(ingested, check)
            assert check.status == "mismatch" and check.quote and f"s. {check.page}" in check.description


def test_a_figure_stated_for_the_year_1017(ingested):
    (slip,) = _slips(ingested, "implausible_year")
    assert "62 år 1017" in slip.quote and (slip.actual, slip.expected) == (1017, 2017)
    assert {f.value for f in slip.figures} == {62, 1017}
    assert slip.description.startswith("Orimligt årtal: 62 anges för år 1017") and "troligen 2017" in slip.description


def test_a_goal_for_a_year_already_passed(ingested):
    (slip,) = _slips(ingested, "past_target_year")
    assert "klimatneutralitet 2023" in slip.quote and (slip.actual, slip.expected) == (2023, 2025)
    # the same page's "bli klimatneutrala 2030" is a goal ahead; "ska ha blivit arbetslösa ... 2020" is history
    assert "2030" not in slip.quote and "arbetslösa" not in slip.quote


def test_two_rows_of_one_table_with_the_same_digits_but_one(ingested):
    (slip,) = _slips(ingested, "digit_slip")
    assert (slip.expected, slip.actual) == (29_239_146, 9_239_146)
    assert slip.quote == "Horisont-projekt 9 239 146 kronor" and "ESF-projekt 29 239 146 kronor" in slip.description


def test_a_percentage_the_counts_contradict(ingested):
    (slip,) = _slips(ingested, "share_vs_counts")
    assert "4,7% av kvinnorna och 5,1% av männen" in " ".join(slip.quote.split())
    assert {f.value for f in slip.figures} == {4.7, 5.1, 1870, 4295} and round(slip.expected, 1) == 43.5
    assert "1870 av 4295 deltagare är 43,5 %" in slip.description
    # "160 individer (80 kvinnor och 80 män) ... (50% män och 50% kvinnor)": counts and shares agree
    assert not any("50% män" in " ".join((c.quote or "").split()) for c in _checks(ingested))


def test_a_table_said_rounded_to_100_000_whose_amounts_are_not(ingested):
    (slip,) = _slips(ingested, "rounding_claim")
    assert "avrundat till nirmsta" in slip.quote and "100 000-tal" in slip.quote
    assert (slip.expected, slip.actual) == (100_000, 8)
    flagged = {f.value for f in slip.figures}
    assert 10_404_000 in flagged and 25_660_000 in flagged
    assert 5_900_000 not in flagged  # the one amount that is rounded to 100 000 is clean


def test_an_answer_that_uses_a_slipped_figure_says_so(engine):
    answer = engine.ask("Hur mycket EU-medel fick miljönämnden 2024?")
    assert answer.figures[0].value == 10_404_000
    assert any("avrundad till närmsta 100 000-tal" in c and "10 404 000" in c for c in answer.caveats), answer.caveats
    esf = engine.ask("Hur mycket ESF-pengar fick Malmö stad 2024?")
    assert esf.figures[0].value == 29_239_146
    assert any("har samma siffror som 9 239 146 kronor" in c for c in esf.caveats), esf.caveats
    english = engine.ask("How much EU funding did the environment committee get in 2024?")
    assert any("rounded to the nearest 100,000" in c for c in english.caveats), english.caveats

"""The consistency checks find the reports' real mismatches by arithmetic."""

from __future__ import annotations


def _checks(ingested):  # type: ignore[no-untyped-def]
    return ingested[1].load_checks()


def test_programme_sum_2024_does_not_match_stated_total(ingested):
    found = [c for c in _checks(ingested) if c.year == 2024 and c.metric == "eu_funds_paid"
             and c.status == "mismatch"]
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

"""Every figure the reports state in tables and figure lists, checked against the source."""

from __future__ import annotations

import re

import pytest

from core.schemas import Fact

D24 = "2024_stk_redovisning_internationellt_arbete"
D22 = "2022_ks_protokoll_redovisning_internationellt_arbete"
D19 = "2019_malmo_stad_redovisning_internationellt_arbete"
A19 = "2019_asn_tjansteskrivelse_internationell_redovisning"
A18 = "2018_asn_redovisning_internationellt_arbete"

# (doc, year, org, metric, dims, value, approximate, verbatim text that must be in the quote)
EXPECTED = [
    # 2024: projects and paid funds per nämnd (OCR text)
    (D24, 2024, "asn", "project_count", {}, 10, False, "Arbetsmarknads- och socialnimnden 10 projekt"),
    (D24, 2024, "asn", "eu_funds_paid", {}, 25_660_000, True, "25 660 000 kronor"),
    (D24, 2024, "fskn", "eu_funds_paid", {}, 917_000, True, "Forskolenimnden 2 projekt 917 000 kronor"),
    (D24, 2024, "grn", "eu_funds_paid", {}, 5_900_000, True, "Grundskolenimnden 9 projekt 5900 000 kronor"),
    (D24, 2024, "gvn", "eu_funds_paid", {}, 3_813_000, True, "3813 000 kronor"),
    (D24, 2024, "ks", "eu_funds_paid", {}, 1_246_000, True, "Kommunstyrelsen 4 projekt 1246 000 kronor"),
    (D24, 2024, "kn", "eu_funds_paid", {}, 424_000, True, "Kulturnimnden 3 projekt 424 000 kronor"),
    (D24, 2024, "mn", "eu_funds_paid", {}, 10_404_000, True, "Miljonamnden 25 projekt 10 404 000 kronor"),
    (D24, 2024, "mn", "project_count", {}, 25, False, "Miljonamnden 25 projekt"),
    (D24, 2024, "sbn", "project_count", {}, 1, False, "Stadsbyggnadsnimnden 1 projekt 444 000 kronor"),
    (D24, 2024, "sbn", "eu_funds_paid", {}, 444_000, True, "Stadsbyggnadsnimnden 1 projekt 444 000 kronor"),
    (D24, 2024, "tn", "eu_funds_paid", {}, 1_660_000, True, "Tekniska namnden 4 projekt 1 660 000"),
    # 2024: paid funds per programme
    (D24, 2024, "malmo_stad", "eu_funds_paid", {"fund": "esf"}, 29_239_146, False, "ESF-projekt 29 239 146 kronor"),
    (D24, 2024, "malmo_stad", "eu_funds_paid", {"fund": "horisont"}, 9_239_146, False, "Horisont-projekt 9 239 146"),
    (D24, 2024, "malmo_stad", "eu_funds_paid", {"fund": "interreg"}, 635_342, False, "Interreg-projekt 635 342"),
    (D24, 2024, "malmo_stad", "eu_funds_paid", {"fund": "erasmus"}, 8_309_537, False, "Erasmus-projekt 8 309 537"),
    (D24, 2024, "malmo_stad", "eu_funds_paid", {"fund": "other"}, 2_411_298, False, "Ovriga projekt 2 411 298"),
    # 2024: projects per KF goal; totals 2024 and 2023
    (D24, 2024, "malmo_stad", "project_count", {"goal": "1"}, 19, False, "barn och unga 19 projekt"),
    (D24, 2024, "malmo_stad", "project_count", {"goal": "3"}, 34, False, "klimatomstallningen. 34 projekt"),
    (D24, 2024, "malmo_stad", "project_count", {"goal": "5"}, 7, False, "En god organisation 7 projekt"),
    (D24, 2024, "malmo_stad", "project_count", {"role": "value"}, 60, False, "antalet EU-projekt 60"),
    (D24, 2023, "malmo_stad", "project_count", {"role": "value"}, 54, False, "54 projekt"),
    (D24, 2024, "malmo_stad", "eu_funds_paid", {"role": "value"}, 50_500_000, True, "cirka 50,5 miljoner kronor"),
    (D24, 2023, "malmo_stad", "eu_funds_paid", {"role": "value"}, 43_000_000, True, "cirka 43 miljoner kronor"),
    # 2022: per förvaltning (approximate), per goal (exact), projects, totals, owner projects, 2021
    (D22, 2022, "asf", "eu_funds_paid", {}, 8_300_000, True, "socialförvaltningen ca 8,3 miljoner kr"),
    (D22, 2022, "gvf", "eu_funds_paid", {}, 3_900_000, True, "ca 3,9 miljoner kr"),
    (D22, 2022, "fgk", "eu_funds_paid", {}, 3_400_000, True, "Fastighets- och gatukontoret ca 3,4 miljoner kr"),
    (D22, 2022, "stk", "eu_funds_paid", {}, 1_300_000, True, "Stadskontoret ca 1,3 miljoner kr"),
    (D22, 2022, "malmo_stad", "eu_funds_paid", {"role": "total"}, 22_500_000, True, "Totalt: ca 22,5 miljoner kr"),
    (D22, 2022, "malmo_stad", "eu_funds_paid", {"goal": "1"}, 16_881_967, False, "1. Utbildning och arbete 16 881 967"),
    (D22, 2022, "malmo_stad", "eu_funds_paid", {"goal": "2"}, 5_668_537, False, "Stadsutveckling och klimat 5 668 537"),
    (D22, 2022, "malmo_stad", "eu_funds_paid", {"role": "total"}, 22_550_504, False, "Summa 22 550 504"),
    (D22, 2022, "mf", "project_count", {}, 14, False, "Miljöförvaltningen deltog i 14 projekt"),
    (D22, 2022, "asf", "project_count", {}, 8, False, "socialförvaltningen deltog i 8 projekt"),
    (D22, 2022, "stk", "project_count", {}, 2, False, "Stadskontoret i deltog i 2 projekt"),
    (D22, 2022, "malmo_stad", "project_count", {"role": "value"}, 47, False, "47"),
    (D22, 2022, "malmo_stad", "owned_project_count", {}, 20, False, "projektägare i 20 projekt"),
    (D22, 2022, "malmo_stad", "total_budget", {}, 78_800_000, True, "budgetvärde på 78,8 miljoner"),
    (D22, 2021, "malmo_stad", "project_count", {}, 42, False, "42"),
    (D22, 2021, "malmo_stad", "participating_units", {}, 8, False, "förvaltningar"),
    # 2019 city totals and 2018 comparison
    (D19, 2019, "malmo_stad", "project_count", {}, 51, False, "till 51 EU-projekt 2019"),
    (D19, 2018, "malmo_stad", "project_count", {}, 47, False, "från 47 EU-projekt"),
    (D19, 2019, "malmo_stad", "total_budget", {}, 725_000_000, True, "cirka 725 mkr"),
    (D19, 2019, "malmo_stad", "eu_funds_paid", {}, 25_000_000, True, "uppgår till 25 mkr"),
    (D19, 2019, "malmo_stad", "partners", {}, 275, False, "275 antal externa aktörer"),
    # 2019 ASF project table
    (A19, 2019, "asf", "eu_funds_paid", {"project": "Hela familjen", "fund": "esf", "goal": "2"}, 1_680_158, False,
     "Hela familjen ESF 1 680 158 SEK 2"),
    (A19, 2019, "asf", "eu_funds_paid", {"project": "Malmö Innovationsarena", "fund": "eruf", "goal": "8"}, 214_598,
     False, "Malmö Innovationsarena ERUF 214 598 SEK 8"),
    (A19, 2019, "asf", "eu_funds_paid", {"project": "Sluta skjut/GVI", "fund": "ifs", "goal": "6"}, 0, False,
     "Sluta skjut/GVI IFS 0 SEK 6"),
    (A19, 2019, "asf", "eu_funds_paid", {"project": "Konsekvenspedagogisk vägledning/KRAMI", "fund": "erasmus"},
     172_286, False, "vägledning/KRAMI Erasmus+ 172 286 SEK 2"),
    (A19, 2019, "asf", "eu_funds_paid", {"role": "total"}, 4_029_253, False, "TOTALT:  4 029 253 SEK"),
    # 2018 ASF: paid funds, per budget goal, partners per sector
    (A18, 2018, "asf", "eu_funds_paid", {}, 20_038_526, False, "socialförvaltningen\t20 038 526"),
    (A18, 2018, "asn", "eu_funds_paid", {"goal": "2"}, 19_328_949, False, "näringsliv och arbete\t19 328 949"),
    (A18, 2018, "asn", "eu_funds_paid", {"goal": "6"}, 402_264, False, "6. En trygg stad\t402 264"),
    (A18, 2018, "asn", "eu_funds_paid", {"goal": "8"}, 307_312, False, "8. En ekologiskt hållbar stad\t307 312"),
    (A18, 2018, "asn", "eu_funds_paid", {"role": "total"}, 20_038_525, False, "Summa\t20 038 525"),
    (A18, 2018, "asn", "partners", {"category": "Offentlig"}, 13, False, "Offentlig\t13"),
    (A18, 2018, "asn", "partners", {"category": "Ideell sektor"}, 9, False, "Ideell sektor\t9"),
    (A18, 2018, "asn", "partners", {"role": "total"}, 30, False, "Summa\t30"),
]


def _find(facts: list[Fact], doc: str, year: int, org: str, metric: str, dims: dict[str, str], value: float) -> Fact:
    found = [
        f for f in facts
        if f.doc_id == doc and f.year == year and f.org == org and f.metric == metric
        and all(getattr(f, k) == v for k, v in dims.items()) and abs(f.value - value) < 0.5
    ]
    assert found, f"no fact {doc} {year} {org} {metric} {dims} = {value}"
    return found[0]


@pytest.mark.parametrize(("doc", "year", "org", "metric", "dims", "value", "approx", "text"), EXPECTED)
def test_expected_fact_matches_its_source_line(facts, documents, doc, year, org, metric, dims, value, approx, text):
    fact = _find(facts, doc, year, org, metric, dims, value)
    assert fact.approximate is approx
    assert text in fact.quote
    source = documents[doc].text
    assert source[fact.span_start : fact.span_end] == fact.quote
    # the figure itself, as the report writes it, is in the source line
    digits = re.sub(r"\D", "", fact.quote)
    assert re.sub(r"\D", "", fact.display) in digits or not re.search(r"\d", fact.display)


def test_every_stored_fact_is_verbatim_at_its_place(facts, documents):
    assert len(facts) > 80
    for fact in facts:
        doc = documents[fact.doc_id]
        assert doc.text[fact.span_start : fact.span_end] == fact.quote, fact
        page = doc.page_at(fact.span_start)
        assert page.number == fact.page


def test_no_figure_is_invented_for_empty_cells(facts):
    # 2018 goal table: goals 1, 3, 4, 5, 7, 9 have no amount; 2022 goals 3 and 4 neither
    assert not [f for f in facts if f.doc_id == A18 and f.goal in {"1", "3", "4", "5", "7", "9"}]
    assert not [f for f in facts if f.doc_id == D22 and f.metric == "eu_funds_paid" and f.goal in {"3", "4"}]


def test_no_esf_only_amount_for_asf_2022(facts):
    """The 2022 report names ASF's ESF projects but gives no ESF-only amount for ASF."""
    assert not [f for f in facts if f.year == 2022 and f.unit_org == "asn" and f.fund == "esf"]


def test_page_numbers_follow_the_text_page_breaks(facts):
    row = _find(facts, D22, 2022, "asf", "eu_funds_paid", {}, 8_300_000)
    assert row.page == 7
    row24 = _find(facts, D24, 2024, "mn", "eu_funds_paid", {}, 10_404_000)
    assert row24.page == 3

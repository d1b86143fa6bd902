"""The facts as an Excel workbook (GET /api/facts?format=xlsx, the facts page's "Ladda ner för Excel").

Two sheets: "Fakta" (one row per figure, Swedish headers, numbers as numbers with thousands separators,
Ja/Nej) and "Källor" (one row per figure: document, page and verbatim quote, by the same Fakta-id).
Both have a bold, frozen header row and an autofilter. The machine names of CSV and JSON map to the
headers through service.facts_export.COLUMNS (the `columns` note).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.vocabulary import load as load_vocabulary
from service.facts_export import COLUMNS, Column

METRIC_LABEL = Column("metric_label", "Mått", "Metric", "What is measured, in words (the workbook only).")
HEADERS = {c.name: c.sv for c in (*COLUMNS, METRIC_LABEL)}
FACT_SHEET = ("year", "org_name", "metric_label", "value", "high", "unit", "approximate", "display", "fund", "goal",
              "project", "category", "role", "source", "quantity", "stated_role", "section", "title", "page",
              "official", "org", "unit_org", "metric", "fact_id")
SOURCE_SHEET = ("fact_id", "title", "doc_id", "page", "quote", "span_start", "span_end")
# Values said in words, as a Swedish reader says them (the machine values stay in CSV and JSON).
WORDS: dict[str, dict[Any, str]] = {
    "unit": {"SEK": "kr", "EUR": "euro", "count": "antal", "percent": "procent"},
    "role": {"value": "värde", "part": "del", "total": "summa"},
    "source": {"table": "tabell", "text": "löptext"},
}
YES_NO = {True: "Ja", False: "Nej"}
THOUSANDS = "#,##0"  # Excel shows the locale's thousands separator: 10 404 000 in Swedish
DECIMALS = "#,##0.0##"
PLAIN_NUMBER = "0"  # years, pages and offsets: no thousands separator (2 024 is no year)
NUMBER_FORMATS = {"value": "amount", "high": "amount", "year": PLAIN_NUMBER, "page": PLAIN_NUMBER,
                  "span_start": PLAIN_NUMBER, "span_end": PLAIN_NUMBER}
WIDTHS = {"org_name": 34, "metric_label": 28, "display": 20, "quantity": 18, "section": 30, "title": 40,
          "quote": 90, "fact_id": 18, "doc_id": 30}
WIDTH = 12  # characters, any other column


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    """The workbook of fact rows (service.facts_export.fact_rows) as .xlsx bytes."""
    vocabulary = load_vocabulary()
    book = Workbook()
    facts = book.active
    facts.title = "Fakta"
    readable = [{**r, "metric_label": _capital(vocabulary.metric_label(r["metric"], "sv"))} for r in rows]
    _fill(facts, FACT_SHEET, readable)
    _fill(book.create_sheet("Källor"), SOURCE_SHEET, rows)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _fill(sheet: Worksheet, names: Sequence[str], rows: list[dict[str, Any]]) -> None:
    sheet.append([HEADERS[n] for n in names])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(n, row[n]) for n in names])
    for i, name in enumerate(names, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, WIDTH)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
            if cell.data_type == "f":  # text that starts with '=' is the report's text, never a formula
                cell.data_type = "s"
            if isinstance(cell.value, int | float) and name in NUMBER_FORMATS:
                cell.number_format = _number_format(name, cell.value)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _number_format(name: str, value: float) -> str:
    kind = NUMBER_FORMATS[name]
    if kind != "amount":
        return kind
    return THOUSANDS if isinstance(value, int) else DECIMALS


def _cell(name: str, value: Any) -> Any:
    if isinstance(value, bool):
        return YES_NO[value]
    if isinstance(value, str):
        return WORDS.get(name, {}).get(value, ILLEGAL_CHARACTERS_RE.sub("", value))  # control characters: no XML
    return value


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

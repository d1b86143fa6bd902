"""Listing and exporting stored facts: shared by the CLI and the API."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from core.entities import Registry
from core.names import Filters
from core.schemas import Fact

FACT_COLUMNS = ["year", "org", "org_name", "metric", "fund", "goal", "project", "category", "value", "high", "unit",
                "approximate", "display", "role", "doc_id", "official", "page", "quote", "span_start", "span_end",
                "fact_id", "source", "quantity", "stated_role", "section", "unit_org", "title"]
# Swedish Excel opens a file by double-click only in this form: ';' between fields (',' is the
# decimal sign), a byte order mark so å/ä/ö read as UTF-8, numbers written with a decimal comma.
EXCEL_DELIMITER = ";"
BOM = "\ufeff"


def filter_facts(facts: list[Fact], registry: Registry, *, year: int | None = None, org: str | None = None,
                 fund: str | None = None, metric: str | None = None,
                 approximate: bool | None = None, source: str | None = None) -> list[Fact]:
    """Facts matching the filters: `org`, `fund` and `metric` are ids (core.names.resolve_filters reads them
    from names as people type them); an organisation matches with its nämnd/förvaltning pair; `source` is
    'table' or 'text' (running-text figures)."""
    org_ids: set[str] = set()
    if org:
        org_ids = {org, registry.unit_of(org)} | {o.id for o in registry.organisations.values() if o.pair == org}
    return [
        f for f in facts
        if (year is None or f.year == year) and (not org or f.org in org_ids or f.unit_org in org_ids)
        and (fund is None or f.fund == fund) and (metric is None or f.metric == metric)
        and (approximate is None or f.approximate == approximate) and (source is None or f.source == source)
    ]


INTERPRETED_HEADER = "X-Faktakoll-Interpreted"


def interpreted(filters: Filters) -> dict[str, str]:
    """The response header that says which filter values were read from a misspelled name, as
    field=id pairs ('org=mn'): the rows are those of the id, and the reader is told so."""
    said = ", ".join(f"{name}={found}" for name, found in filters.interpreted.items())
    return {INTERPRETED_HEADER: said} if said else {}


def official_docs(document_rows: Iterable[Mapping[str, Any]]) -> dict[str, bool]:
    """doc_id -> listed in the manifest (an official source), from stored document rows."""
    return {r["doc_id"]: bool(r["meta"].get("official", False)) for r in document_rows}


def doc_titles(document_rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """doc_id -> the document's title, from stored document rows."""
    return {r["doc_id"]: str(r["meta"]["title"]) for r in document_rows}


def fact_rows(facts: list[Fact], registry: Registry, official: Mapping[str, bool],
              titles: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Facts as flat rows; `official` (doc_id -> bool, see `official_docs`) marks facts
    from documents the manifest does not list; `titles` (see `doc_titles`) names the documents."""
    rows = []
    for f in sorted(facts, key=lambda f: (f.year, f.doc_id, f.span_start, f.metric)):
        row = f.model_dump()
        row["org_name"] = registry.display(f.org)
        row["official"] = official.get(f.doc_id, False)
        row["title"] = (titles or {}).get(f.doc_id, f.doc_id)
        rows.append({k: row[k] for k in FACT_COLUMNS})
    return rows


FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs a cell that starts with these


def safe_text(value: Any) -> Any:
    """Text from a document (quotes, labels, titles) can start like a formula ("=HYPERLINK(...)"):
    a leading apostrophe makes a spreadsheet show it as text (OWASP CSV injection)."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA) else value


def to_csv(rows: list[dict[str, Any]]) -> str:
    """The plain form, for tools: ',' between fields, UTF-8 without BOM, '.' decimals."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FACT_COLUMNS)
    writer.writeheader()
    writer.writerows({k: safe_text(v) for k, v in row.items()} for row in rows)
    return buf.getvalue()


def _excel_cell(value: Any) -> Any:
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, bool) or not isinstance(value, float):
        return value
    return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")


def to_excel_csv(rows: list[dict[str, Any]]) -> str:
    """The form Swedish Excel opens: ';' between fields, UTF-8 with BOM, decimal comma,
    whole numbers without decimals."""
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.DictWriter(buf, fieldnames=FACT_COLUMNS, delimiter=EXCEL_DELIMITER, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: _excel_cell(v) for k, v in row.items()} for row in rows)
    return buf.getvalue()


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    """An Excel workbook: one sheet, a header row, numbers as numbers (whole numbers as integers)."""
    from openpyxl import Workbook  # imported here: only this export needs it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Fakta"
    sheet.append(FACT_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([_xlsx_cell(row[k]) for k in FACT_COLUMNS])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _xlsx_cell(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else safe_text(value)

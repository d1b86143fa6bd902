"""Listing and exporting stored facts: shared by the CLI and the API."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from core.entities import Registry
from core.names import Filters
from core.schemas import Fact


@dataclass(frozen=True)
class Column:
    """A column of the facts listing: its machine name (JSON key, CSV header), the Swedish header of the
    Excel workbook, an English label and what it holds (the `columns` note, /docs and docs/exports.md)."""

    name: str
    sv: str
    en: str
    description: str


COLUMNS = (
    Column("year", "År", "Year", "The year the figure is about."),
    Column("org", "Organisation (id)", "Organisation (id)", "Id of the organisation the figure is about."),
    Column("org_name", "Organisation", "Organisation", "The organisation's name."),
    Column("metric", "Mått (id)", "Metric (id)", "What is measured: eu_funds_paid, project_count, ..., "
           "'figure' for other numbers in running text."),
    Column("fund", "Fond/program (id)", "Fund (id)", "Id of the fund or programme, when the figure is about one."),
    Column("goal", "Mål", "Goal", "The city council goal number, when the table is per goal."),
    Column("project", "Projekt", "Project", "The project, when the figure is about one."),
    Column("category", "Kategori", "Category", "Another row label, e.g. a partner sector."),
    Column("value", "Värde", "Value", "The figure (whole numbers as integers); of a range, its low end."),
    Column("high", "Övre värde", "High", "The high end of a range; empty for a single figure."),
    Column("unit", "Enhet", "Unit", "SEK, EUR, count or percent."),
    Column("approximate", "Ungefärligt", "Approximate", "Whether the report rounds ('ca', 'cirka', 'över')."),
    Column("display", "Som i rapporten", "As written", "The figure as the report writes it."),
    Column("role", "Roll", "Role", "value, part (a row of a table) or total."),
    Column("doc_id", "Dokument (id)", "Document (id)", "Id of the report the figure is quoted from."),
    Column("official", "Officiell källa", "Official", "Whether the report is listed in the corpus manifest."),
    Column("page", "Sida", "Page", "The page of the report; empty for a text without pages."),
    Column("quote", "Citat", "Quote", "The report's text the figure stands in, verbatim."),
    Column("span_start", "Tecken från", "Span start", "Where the quote starts in the document's text."),
    Column("span_end", "Tecken till", "Span end", "Where the quote ends in the document's text."),
    Column("fact_id", "Fakta-id", "Fact id", "Stable id of the figure (GET /api/sources/{fact_id})."),
    Column("source", "Källtyp", "Source", "table (a table row or a known metric) or text (running text)."),
    Column("quantity", "Storhet", "Quantity", "What a running-text figure counts, as written."),
    Column("stated_role", "Angiven roll", "Stated role", "utfall, mal, budget, beviljat, rekvirera, utbetalt "
           "or andel (running-text figures)."),
    Column("section", "Avsnitt", "Section", "The heading of the section the figure stands in."),
    Column("unit_org", "Nämnd (id)", "Committee (id)", "The nämnd the organisation belongs to."),
    Column("title", "Dokument", "Document", "The report's title."),
)
FACT_COLUMNS = [c.name for c in COLUMNS]
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


def whole(value: Any) -> Any:
    """A whole number as an integer (22, not 22.0): counts and amounts read as the report writes them."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def fact_rows(facts: list[Fact], registry: Registry, official: Mapping[str, bool],
              titles: Mapping[str, str]) -> list[dict[str, Any]]:
    """Facts as flat rows, whole numbers as integers; `official` (doc_id -> bool, see `official_docs`)
    marks facts from documents the manifest does not list; `titles` (see `doc_titles`) names them."""
    rows = []
    for f in sorted(facts, key=lambda f: (f.year, f.doc_id, f.span_start, f.metric)):
        row = f.model_dump()
        row["org_name"] = registry.display(f.org)
        row["official"] = official.get(f.doc_id, False)
        row["title"] = titles.get(f.doc_id, f.doc_id)
        rows.append({k: whole(row[k]) for k in FACT_COLUMNS})
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

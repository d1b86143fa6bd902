"""Listing and exporting stored facts: shared by the CLI and the API."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from core.entities import Registry
from core.schemas import Fact

FACT_COLUMNS = ["year", "org", "org_name", "metric", "fund", "goal", "project", "category", "value", "unit",
                "approximate", "display", "role", "doc_id", "official", "page", "quote", "span_start", "span_end",
                "fact_id"]


def filter_facts(facts: list[Fact], registry: Registry, *, year: int | None = None, org: str | None = None,
                 fund: str | None = None, metric: str | None = None,
                 approximate: bool | None = None) -> list[Fact]:
    """Facts matching the filters; an organisation matches with its nämnd/förvaltning pair."""
    org_ids: set[str] = set()
    if org:
        found = registry.resolve_org(org) or org.lower()
        org_ids = {found, registry.unit_of(found)}
        org_ids |= {o.id for o in registry.organisations.values() if o.pair == found}
    fund_id = (registry.resolve_fund(fund) or fund.lower()) if fund else None
    return [
        f for f in facts
        if (year is None or f.year == year) and (not org or f.org in org_ids or f.unit_org in org_ids)
        and (fund_id is None or f.fund == fund_id) and (metric is None or f.metric == metric)
        and (approximate is None or f.approximate == approximate)
    ]


def official_docs(document_rows: Iterable[Mapping[str, Any]]) -> dict[str, bool]:
    """doc_id -> listed in the manifest (an official source), from stored document rows."""
    return {r["doc_id"]: bool(r["meta"].get("official", False)) for r in document_rows}


def fact_rows(facts: list[Fact], registry: Registry, official: Mapping[str, bool]) -> list[dict[str, Any]]:
    """Facts as flat rows; `official` (doc_id -> bool, see `official_docs`) marks facts
    from documents the manifest does not list."""
    rows = []
    for f in sorted(facts, key=lambda f: (f.year, f.doc_id, f.span_start, f.metric)):
        row = f.model_dump()
        row["org_name"] = registry.display(f.org)
        row["official"] = official.get(f.doc_id, False)
        rows.append({k: row[k] for k in FACT_COLUMNS})
    return rows


def to_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FACT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()

"""GET /api/facts and GET /api/checks: the stored figures and the consistency checks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from service.deps import BUILD_HEADER, CORPUS_VERSION_HEADER, KeyDep, ServedDep
from service.facts_export import fact_rows, filter_facts, official_docs, to_csv
from service.models import ChecksOut
from service.routes import KEYED, errors

router = APIRouter(prefix="/api", tags=["facts"])

FACT_EXAMPLE = [{
    "year": 2022, "org": "asf", "org_name": "Arbetsmarknads- och socialförvaltningen", "metric": "eu_funds_paid",
    "fund": None, "goal": None, "project": None, "category": None, "value": 8300000.0, "unit": "SEK",
    "approximate": True, "display": "ca 8,3 miljoner kr", "role": "part",
    "doc_id": "2022_ks_protokoll_redovisning_internationellt_arbete", "official": True, "page": 7,
    "quote": "Arbetsmarknads och socialförvaltningen ca 8,3 miljoner kr", "span_start": 11234, "span_end": 11290,
    "fact_id": "…",
}]


@router.get("/facts", responses={
    200: {"content": {"application/json": {"example": FACT_EXAMPLE},
                      "text/csv": {"example": "year,org,org_name,metric,...\n2022,asf,..."}}},
    **errors(*KEYED, 422),
})
def facts(
    _key: KeyDep, served: ServedDep,
    year: Annotated[int | None, Query(description="Year the figure is about.", examples=[2024])] = None,
    org: Annotated[str | None, Query(description="Organisation name or alias (ASF, miljönämnden, FGK).")] = None,
    fund: Annotated[str | None, Query(description="Fund or programme (ESF, Erasmus+, Horizon).")] = None,
    metric: Annotated[str | None, Query(description="eu_funds_paid, project_count, partners, …")] = None,
    approximate: Annotated[bool | None, Query(description="Only approximate (true) or exact (false).")] = None,
    format: Annotated[str, Query(pattern="^(json|csv)$", description="json or csv.")] = "json",
) -> Any:
    """Stored facts with their source: document (and whether it is official, i.e. listed in
    the manifest), page, verbatim quote and character span.
    An organisation matches together with its nämnd/förvaltning pair."""
    engine = served.engine
    rows = fact_rows(filter_facts(engine.facts.facts, engine.registry, year=year, org=org, fund=fund,
                                  metric=metric, approximate=approximate), engine.registry,
                     official_docs(served.documents))
    if format == "csv":
        return Response(to_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="faktakoll-fakta.csv"',
                                 CORPUS_VERSION_HEADER: served.corpus_version, BUILD_HEADER: served.build_id})
    return rows


CHECKS_EXAMPLE = {"failing": 1, "checks": [{
    "check_id": "…", "kind": "parts_vs_total", "year": 2024, "metric": "eu_funds_paid", "status": "mismatch",
    "description": "Utbetalda EU-medel 2024: summan av 5 program (49 834 469 kr) mot angiven total cirka 50,5 "
                   "miljoner kronor (2024_stk_redovisning_internationellt_arbete, s. 2)",
    "expected": 50500000.0, "actual": 49834469.0, "difference": -665531.0, "tolerance": 50000.0, "figures": []}]}


@router.get("/checks", response_model=ChecksOut,
            responses={200: {"content": {"application/json": {"example": CHECKS_EXAMPLE}}}, **errors(*KEYED, 422)})
def checks(_key: KeyDep, served: ServedDep,
           failing: Annotated[bool, Query(description="Only checks that found a gap.")] = False) -> ChecksOut:
    """Consistency checks computed at ingest: table parts against their totals, the same
    figure in two places, counts whose parts exceed the total."""
    items = [c for c in served.engine.facts.checks if c.status != "ok" or not failing]
    return ChecksOut(checks=items, failing=sum(1 for c in items if c.status != "ok"))

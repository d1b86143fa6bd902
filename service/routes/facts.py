"""GET /api/facts and GET /api/checks: the stored figures and the consistency checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from core.names import resolve_filters
from service.deps import BUILD_HEADER, CORPUS_VERSION_HEADER, KeyDep, ServedDep
from service.facts_export import (
    COLUMNS,
    INTERPRETED_HEADER,
    doc_titles,
    fact_rows,
    filter_facts,
    interpreted,
    official_docs,
    to_csv,
    to_excel_csv,
)
from service.facts_xlsx import to_xlsx
from service.models import FIRST_YEAR, LAST_YEAR, PLAIN, ChecksOut, ColumnOut, ColumnsOut, error_example
from service.routes import KEYED, errors
from stores.protocol import FactFilter

router = APIRouter(prefix="/api", tags=["facts"])

FACT_EXAMPLE = [{
    "year": 2022, "org": "asf", "org_name": "Arbetsmarknads- och socialförvaltningen", "metric": "eu_funds_paid",
    "fund": None, "goal": None, "project": None, "category": None, "value": 8300000, "high": None, "unit": "SEK",
    "approximate": True, "display": "ca 8,3 miljoner kr", "role": "part",
    "doc_id": "2022_ks_protokoll_redovisning_internationellt_arbete", "official": True, "page": 7,
    "quote": "Arbetsmarknads och socialförvaltningen ca 8,3 miljoner kr", "span_start": 11234, "span_end": 11290,
    "fact_id": "…", "source": "table", "quantity": None, "stated_role": None, "section": "EU-medel 2022",
    "unit_org": "asn",
    "title": "Redovisning av internationellt arbete 2022 (KS § 270, tjänsteskrivelse STK-2023-627 och rapport)",
}]
CSV_EXAMPLE = "year,org,org_name,metric,...,value,...\n2022,asf,Arbetsmarknads- och ...,8300000,..."
EXCEL_CSV_EXAMPLE = "\ufeffyear;org;org_name;metric;...;value;...\r\n2022;asf;Arbetsmarknads- och ...;8300000;..."
UNKNOWN_NAME_EXAMPLE = ("fund: no fund or programme is named 'xyzfonden'; nearest: Europeiska regionala "
                        "utvecklingsfonden (ERUF) (eruf); Europeiska socialfonden (ESF/ESF+) (esf); …")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS_LINK = '</api/facts/columns>; rel="describedby"'
FILE_FORMS: dict[str, tuple[Callable[[list[dict[str, Any]]], str | bytes], str, str]] = {
    "csv": (to_csv, "text/csv; charset=utf-8", "faktakoll-fakta.csv"),
    "excel-csv": (to_excel_csv, "text/csv; charset=utf-8", "faktakoll-fakta-excel.csv"),
    "xlsx": (to_xlsx, XLSX, "faktakoll-fakta.xlsx"),
}


@router.get("/facts", responses={
    200: {"headers": {INTERPRETED_HEADER: {"description": (
              "Filters read from a misspelled name, as field=id pairs ('org=mn' for org=miljönämden); "
              "absent when every filter named its value exactly."), "schema": {"type": "string"}}},
          "content": {"application/json": {"example": FACT_EXAMPLE},
                      "text/csv": {"examples": {
                          "csv": {"summary": "format=csv (plain, for tools)", "value": CSV_EXAMPLE},
                          "excel-csv": {"summary": "format=excel-csv (Swedish Excel)", "value": EXCEL_CSV_EXAMPLE}}},
                      XLSX: {"example": "(format=xlsx: an Excel workbook, sheets 'Fakta' and 'Källor')"}}},
    **errors(*KEYED), 422: error_example(422, "bad_request", UNKNOWN_NAME_EXAMPLE),
})
def facts(
    _key: KeyDep, served: ServedDep, response: Response,
    year: Annotated[int | None, Query(ge=FIRST_YEAR, le=LAST_YEAR, description="Year the figure is about.",
                                      examples=[2024])] = None,
    org: Annotated[str | None, Query(pattern=PLAIN, description="Organisation name, alias or id (ASF, miljönämnden, "
                                     "FGK).")] = None,
    fund: Annotated[str | None, Query(pattern=PLAIN, description="Fund or programme name, alias or id (ESF, Erasmus+, "
                                      "Horizon).")] = None,
    metric: Annotated[str | None, Query(pattern=PLAIN, description="eu_funds_paid, project_count, partners, …")] = None,
    approximate: Annotated[bool | None, Query(description="Only approximate (true) or exact (false).")] = None,
    source: Annotated[str | None, Query(pattern="^(table|text)$", description=(
        "table: table rows and known metrics; text: other numbers in running text (metric 'figure')."))] = None,
    format: Annotated[str, Query(pattern="^(json|csv|excel-csv|xlsx)$", description=(
        "json; csv: the plain form for tools (',' separated, UTF-8 without BOM, '.' decimals); "
        "excel-csv: the form Swedish Excel opens by double-click (';' separated, UTF-8 with BOM, decimal "
        "comma); xlsx: an Excel workbook with Swedish headers (the facts page's download). Whole numbers "
        "are integers in every form (22, not 22.0).")
    )] = "json",
) -> Any:
    """Stored facts with their source: document (and whether it is official, i.e. listed in
    the manifest), page, verbatim quote and character span.
    An organisation matches together with its nämnd/förvaltning pair.

    `org`, `fund` and `metric` take names as people type them: any alias or id, and a near miss
    that can only be one name ("miljönämden" is Miljönämnden), said in the `X-Faktakoll-Interpreted`
    header ("org=mn"). A value that names nothing known, or could be several, is a 422 naming the
    field, the value and the nearest allowed values.

    `source` is 'table' for table rows and known metrics, 'text' for other numbers in running
    text (metric 'figure', with `quantity`, `stated_role` and `section`).

    Four forms. JSON and both CSV forms have the same columns under their machine names (`year`,
    `org`, `value`, ...); `GET /api/facts/columns` gives each one's Swedish header and meaning, and
    every response links to it (`Link: </api/facts/columns>; rel="describedby"`). Whole numbers are
    integers everywhere (22, 8300000), other values keep their decimals (5.1).

    * `format=csv`, the plain form for tools (pandas, R, csvkit): comma-separated, UTF-8 without BOM,
      '.' as decimal sign, booleans `True`/`False`.
    * `format=excel-csv`, for Swedish Excel by double-click: semicolon-separated, UTF-8 with BOM
      (å/ä/ö read right), decimal comma.
    * `format=xlsx`, the Excel workbook (the facts page's "Ladda ner för Excel"): sheet "Fakta" with
      Swedish headers, numbers as numbers with thousands separators, "Ja"/"Nej", units and roles in
      words, a frozen header row and an autofilter; sheet "Källor" with each figure's document, page
      and verbatim quote under the same Fakta-id."""
    engine = served.engine
    named = resolve_filters(engine.registry, org=org, fund=fund, metric=metric)  # UnknownName: a 422
    stored = engine.facts.store.select_facts(FactFilter.of(year=year, metric=named.metric, source=source))  # SQL first
    rows = fact_rows(filter_facts(stored, engine.registry, year=year, org=named.org, fund=named.fund,
                                  metric=named.metric, approximate=approximate, source=source), engine.registry,
                     official_docs(served.documents), doc_titles(served.documents))
    if format in FILE_FORMS:
        write, media_type, filename = FILE_FORMS[format]
        return Response(write(rows), media_type=media_type,
                        headers={"Content-Disposition": f'attachment; filename="{filename}"',
                                 CORPUS_VERSION_HEADER: served.corpus_version, BUILD_HEADER: served.build_id,
                                 "Link": COLUMNS_LINK, **interpreted(named)})
    response.headers.update({"Link": COLUMNS_LINK, **interpreted(named)})
    return rows


@router.get("/facts/columns", response_model=ColumnsOut, responses=errors(*KEYED))
def columns(_key: KeyDep) -> ColumnsOut:
    """The columns of `GET /api/facts` (JSON keys, CSV headers) in order: each one's machine name, its
    Swedish header in the Excel workbook (`sv`), an English label (`en`) and what it holds."""
    return ColumnsOut(columns=[ColumnOut(name=c.name, sv=c.sv, en=c.en, description=c.description)
                               for c in COLUMNS])


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
    figure in two places, counts whose parts exceed the total, and the reports' own slips
    (kinds implausible_year, past_target_year, digit_slip, share_vs_counts, rounding_claim),
    each with its document, page and verbatim quote (`doc_id`, `page`, `quote`, `span_start`,
    `span_end`)."""
    items = [c for c in served.engine.facts.checks if c.status != "ok" or not failing]
    return ChecksOut(checks=items, failing=sum(1 for c in items if c.status != "ok"))

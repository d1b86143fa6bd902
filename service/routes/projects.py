"""GET /api/projects: the projects the reports name, found at ingest (ingest/projects.py), with owner,
partners, funds, years, figures and the places the reports tell of them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from rapidfuzz import fuzz

from core.entities import CITY, Registry, fold
from core.names import resolve_filters
from core.schemas import Project
from service.deps import KeyDep, ServedDep
from service.facts_export import doc_titles, fact_rows, official_docs
from service.models import FIRST_YEAR, LAST_YEAR, PLAIN
from service.routes import KEYED, errors

router = APIRouter(prefix="/api", tags=["projects"])
NEAR = 85  # a typed name this close to a project's name or alias finds it ('malmokraften', 'care for ukriane')

PROJECT_EXAMPLE = [{
    "project_id": "care-for-ukraine-1a2b3c", "name": "Care for Ukraine", "aliases": [],
    "owner": None, "owner_name": "Stiftelsen Botildenborg",
    "owner_quote": "Care for Ukraine är ett EU-finansierat projekt som drivs av Stiftelsen Botildenborg.",
    "owner_doc": "2022_ks_protokoll_redovisning_internationellt_arbete", "owner_page": 25,
    "reported_by": ["asf"], "reported_by_names": ["Arbetsmarknads- och socialförvaltningen"],
    "partner_role": ["asf"], "partner_role_names": ["Arbetsmarknads- och socialförvaltningen"],
    "partners": ["Pingstkyrkan"], "funds": ["esf"],
    "fund_names": ["Europeiska socialfonden (ESF/ESF+)"], "years": [2022],
    "sources": [{"doc_id": "2022_ks_protokoll_redovisning_internationellt_arbete", "year": 2022, "page": 25,
                 "quote": "Care for Ukraine är ett EU-finansierat projekt som drivs av Stiftelsen Botildenborg.",
                 "heading": True, "title": "Redovisning av internationellt arbete 2022 …", "official": True}],
    "facts": [{"year": 2022, "value": 2184964.0, "unit": "SEK", "display": "2 184 964 kr",
               "quote": "ESF-medlen uppgår till 2 184 964 kr.", "page": 26}],
}]


def matches(project: Project, q: str, registry: Registry) -> bool:
    """A project found by a typed name: any of its forms in the text, or nearly one of them."""
    if any(m.entity_id == project.project_id for m in registry.find_projects(q)):
        return True
    folded = fold(q).strip()
    return any(fuzz.ratio(folded, fold(form)) >= NEAR or (len(folded) >= 4 and folded in fold(form))
               for form in (project.name, *project.aliases))


def project_row(project: Project, registry: Registry, official: dict[str, bool], titles: dict[str, str],
                facts: list[dict[str, Any]]) -> dict[str, Any]:
    row = project.model_dump(exclude={"text", "fact_ids", "sources"})
    row["reported_by_names"] = [registry.display(o) for o in project.reported_by]
    row["partner_role_names"] = [registry.display(o) for o in project.partner_role]
    row["fund_names"] = [registry.display(f) for f in project.funds]
    row["sources"] = [{**s.model_dump(exclude={"span_start", "span_end", "org"}),
                       "title": titles.get(s.doc_id, s.doc_id), "official": official.get(s.doc_id, False)}
                      for s in project.sources]
    row["facts"] = facts
    return row


@router.get("/projects", responses={200: {"content": {"application/json": {"example": PROJECT_EXAMPLE}}},
                                    **errors(*KEYED, 422)})
def projects(
    _key: KeyDep, served: ServedDep,
    q: Annotated[str | None, Query(max_length=200, pattern=PLAIN, description="A project's name, short name or "
                                   "acronym, as typed (near spellings match: 'malmokraften', 'happ').")] = None,
    org: Annotated[str | None, Query(max_length=200, pattern=PLAIN, description="Organisation that owns, reports "
                                     "or is a partner in the project (name or alias: ASF, miljönämnden).")] = None,
    fund: Annotated[str | None, Query(max_length=200, pattern=PLAIN,
                                      description="Fund or programme (ESF, Erasmus+, Interreg).")] = None,
    year: Annotated[int | None, Query(ge=FIRST_YEAR, le=LAST_YEAR,
                                      description="Year of a report that tells of it.")] = None,
) -> Any:
    """Projects the reports name (tables, headings, "projektet X", "X är ett …-projekt"), each with the owner
    as a report states it (with its sentence), the organisations that report it or are projektpart (ids and
    names), the partners named in its text, its funds, the years of the reports, every place the reports tell
    of it (document, page, quote) and the figures of its own text and table rows."""
    engine = served.engine
    registry = engine.registry
    org_ids = set(resolve_filter(registry, "org", org)) if org else set()
    fund_id = resolve_filter(registry, "fund", fund)[0] if fund else None
    official, titles = official_docs(served.documents), doc_titles(served.documents)
    out = []
    for project in registry.projects.values():
        if q and not matches(project, q, registry):
            continue
        if org_ids and not org_ids & {project.owner or "", *project.reported_by, *project.partner_role}:
            continue
        if fund_id and fund_id not in project.funds:
            continue
        if year and year not in project.years:
            continue
        own = [engine.facts.by_id[i] for i in project.fact_ids if i in engine.facts.by_id]
        out.append(project_row(project, registry, official, titles, fact_rows(own, registry, official, titles)))
    return out


def resolve_filter(registry: Registry, field: str, value: str) -> list[str]:
    """Organisation ids (with the nämnd/förvaltning pair) or a fund id for a filter value, read as the facts
    filters read it (core.names: aliases, ids, sure near misses; an unknown name is a 422 naming the nearest)."""
    named = resolve_filters(registry, **{field: value})
    found = str(getattr(named, field))
    if field == "fund":
        return [found]
    ids = {found, registry.unit_of(found)} | {o.id for o in registry.organisations.values() if o.pair == found}
    return sorted(i for i in ids if i != CITY or found == CITY)

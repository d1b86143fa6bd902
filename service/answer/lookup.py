"""Lookup: Query -> verified facts from the facts store.

Exact first; when the exact figure is not reported, the nearest verified facts, each with
the reason it is offered: the organisation's total when a per-fund split is missing, the
nämnd when the förvaltning is asked (and vice versa), the same organisation in other
years, the whole city in the same year. Never a 0 for something missing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ingest.entities import CITY, Registry
from ingest.schemas import Check, Fact, Query

AMOUNT_METRICS = {"eu_funds_paid", "total_budget"}


@dataclass
class Nearest:
    fact: Fact
    reason: str  # other_year, city, pair, org_total, other_fund


@dataclass
class Evidence:
    exact: list[Fact] = field(default_factory=list)
    nearest: list[Nearest] = field(default_factory=list)
    listing: list[Fact] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    metric: str = "eu_funds_paid"
    orgs: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    pair_used: dict[str, str] = field(default_factory=dict)  # asked org -> org the facts are about


def _rank(fact: Fact) -> tuple[int, int, int, int]:
    """Primary statement of a figure: exact before approximate, tables before prose, early pages first."""
    return (int(fact.approximate), int(fact.role == "value"), fact.page or 0, fact.span_start)


class Facts:
    """All facts and checks of the current build, indexed for lookups."""

    def __init__(self, facts: list[Fact], checks: list[Check], registry: Registry) -> None:
        self.facts = facts
        self.checks = checks
        self.registry = registry
        self.by_id = {f.fact_id: f for f in facts}
        self._checks_by_fact: dict[str, list[Check]] = defaultdict(list)
        for check in checks:
            for fig in check.figures:
                self._checks_by_fact[fig.fact_id].append(check)
        self.years = sorted({f.year for f in facts})

    def checks_for(self, facts: list[Fact]) -> list[Check]:
        out: dict[str, Check] = {}
        for fact in facts:
            for check in self._checks_by_fact.get(fact.fact_id, []):
                if check.status != "ok":
                    out[check.check_id] = check
        return list(out.values())

    def pair(self, org: str) -> str | None:
        entity = self.registry.organisations.get(org)
        return entity.pair if entity else None

    def select(self, *, org: str, metric: str, years: list[int] | None = None, fund: str | None = None,
               goal: str | None = None, any_dimension: bool = False) -> list[Fact]:
        """Facts about exactly this organisation, one (primary) per year and dimension."""
        hits = [
            f for f in self.facts
            if f.org == org and f.metric == metric and (not years or f.year in years)
            and (any_dimension or (f.fund == fund and f.goal == goal and f.project is None and f.category is None))
        ]
        if org == CITY and not any_dimension:
            hits = [f for f in hits if f.dimension in (None, "fund", "goal") and (fund or goal or f.dimension is None)]
        return primary(hits)


def primary(facts: list[Fact]) -> list[Fact]:
    groups: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
    for f in facts:
        groups[(f.org, f.year, f.metric, f.fund, f.goal, f.project, f.category)].append(f)
    return sorted((min(g, key=_rank) for g in groups.values()), key=lambda f: (f.year, f.org, str(f.fund), str(f.goal)))


def lookup(query: Query, facts: Facts) -> Evidence:
    metric = query.metric or "eu_funds_paid"
    orgs = query.orgs or [CITY]
    years = query.years
    ev = Evidence(metric=metric, orgs=orgs, years=years)
    fund = query.funds[0] if query.funds else None
    if query.intent == "list":
        ev.listing = _listing(query, facts, metric, orgs, years, fund)
    for org in orgs:
        found = facts.select(org=org, metric=metric, years=years, fund=fund, goal=query.goal)
        if not found and (pair := facts.pair(org)):
            found = facts.select(org=pair, metric=metric, years=years, fund=fund, goal=query.goal)
            if found:
                ev.pair_used[org] = pair
        ev.exact.extend(found)
    if not ev.exact:
        ev.nearest = _nearest(query, facts, metric, orgs, years, fund)
    ev.checks = facts.checks_for(ev.exact + ev.listing + [n.fact for n in ev.nearest])
    return ev


def _listing(
    query: Query, facts: Facts, metric: str, orgs: list[str], years: list[int], fund: str | None
) -> list[Fact]:
    family = set(orgs)
    for org in orgs:
        if p := facts.pair(org):
            family.add(p)
    rows = [
        f for f in facts.facts
        if f.metric == metric and (not years or f.year in years) and f.role == "part"
        and f.dimension in ((query.dimension,) if query.dimension else ("fund", "project", "org", "goal"))
        and (fund is None or f.fund == fund)
        and (f.org in family or (CITY in orgs and f.dimension == "org") or f.unit_org in family)
    ]
    return primary(rows)


def _nearest(query: Query, facts: Facts, metric: str, orgs: list[str], years: list[int],
             fund: str | None) -> list[Nearest]:
    out: list[Nearest] = []
    for org in orgs:
        family = [org] + ([p] if (p := facts.pair(org)) else [])
        if fund or query.goal:  # the split is not reported: offer the organisation's total
            for member in family:
                out.extend(Nearest(f, "org_total") for f in facts.select(org=member, metric=metric, years=years))
                if out:
                    break
        if not out and years:  # same organisation, other years
            for member in family:
                out.extend(Nearest(f, "other_year") for f in facts.select(org=member, metric=metric, fund=fund,
                                                                          goal=query.goal))
                if out:
                    break
    if not out and years and orgs != [CITY]:  # the whole city, same year
        out.extend(Nearest(f, "city") for f in facts.select(org=CITY, metric=metric, years=years, fund=fund))
    if not out and years:  # the whole city, any year
        out.extend(Nearest(f, "other_year") for f in facts.select(org=CITY, metric=metric, fund=fund))
    return out[:8]

"""Lookup: Query -> verified facts from the facts store.

Exact first; when the exact figure is not reported, the nearest verified facts, each with
the reason it is offered: the organisation's total when a per-fund split is missing, the
nämnd when the förvaltning is asked (and vice versa), the same organisation in other
years, the whole city in the same year. Never a 0 for something missing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from core.entities import CITY, Registry
from core.schemas import Check, Fact, Query
from stores.protocol import FactFilter, FactStore

AMOUNT_METRICS = {"eu_funds_paid", "total_budget"}
CACHED_LOOKUPS = 4096  # look-ups remembered per build (a build never changes)


@dataclass
class Nearest:
    fact: Fact
    reason: str  # other_year, city, pair, org_total, other_fund


@dataclass
class Found:
    exact: list[Fact] = field(default_factory=list)
    nearest: list[Nearest] = field(default_factory=list)
    listing: list[Fact] = field(default_factory=list)
    metric: str = "eu_funds_paid"
    orgs: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    pair_used: dict[str, str] = field(default_factory=dict)  # asked org -> org the facts are about


def _rank(fact: Fact) -> tuple[int, int, int, int]:
    """Primary statement of a figure: exact before approximate, tables before prose, early pages first."""
    return (int(fact.approximate), int(fact.role == "value"), fact.page or 0, fact.span_start)


class FactsById:
    """Facts by id, read from the store when first asked (a follow-up, a verification, a citation)."""

    def __init__(self, facts: Facts) -> None:
        self._facts = facts

    def get(self, fact_id: str, default: Fact | None = None) -> Fact | None:
        found = self._facts.where(fact_id=fact_id)
        return found[0] if found else default

    def __getitem__(self, fact_id: str) -> Fact:
        found = self.get(fact_id)
        if found is None:
            raise KeyError(fact_id)
        return found

    def __contains__(self, fact_id: object) -> bool:
        return isinstance(fact_id, str) and self.get(fact_id) is not None


class Facts:
    """The facts and checks of one build as the answer engine reads them. The facts stay in the
    store: every look-up is a `FactFilter` the store answers in SQL (indexed), cached per filter
    (a complete build never changes). Checks are few and held here."""

    def __init__(self, store: FactStore, checks: list[Check], registry: Registry,
                 unofficial: set[str] | None = None) -> None:
        self.store = store
        self.unofficial = unofficial or set()  # documents not in the manifest: never outrank an official one
        self.checks = checks
        self.registry = registry
        self.by_id = FactsById(self)
        self._select = lru_cache(maxsize=CACHED_LOOKUPS)(store.select_facts)
        self._distinct = lru_cache(maxsize=CACHED_LOOKUPS)(store.distinct_facts)
        self._checks_by_fact: dict[str, list[Check]] = defaultdict(list)
        for check in checks:
            for fig in check.figures:
                self._checks_by_fact[fig.fact_id].append(check)

    def where(self, *, has: Collection[str] = (), **values: object) -> list[Fact]:
        """Facts whose columns equal the values given (a list: any of them; an empty list: any value) and
        whose `has` columns are set, in the reports' order: `where(metric="eu_funds_paid", year=[2022])`."""
        return list(self._select(FactFilter.of(has=has, **values)))

    def distinct(self, column: str, *, has: Collection[str] = (), **values: object) -> list[Any]:
        """The distinct values of one column among the facts `where` would give."""
        return list(self._distinct(column, FactFilter.of(has=has, **values)))

    def all(self) -> list[Fact]:
        """Every fact of the build (exports and listings; not cached)."""
        return self.store.load_facts()

    def count(self) -> int:
        return self.store.count_facts()

    def primary_rows(self, rows: list[Fact]) -> list[Fact]:
        return primary(self.official_first(rows), self.unofficial)

    def official_first(self, rows: list[Fact]) -> list[Fact]:
        """Rows of the official reports when there are any: an unlisted document never joins their tables."""
        official = [f for f in rows if f.doc_id not in self.unofficial]
        return official or rows

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
               goal: str | None = None, project: str | None = None, any_dimension: bool = False) -> list[Fact]:
        """Facts about exactly this organisation, one (primary) per year and dimension."""
        hits = [
            f for f in self.where(org=org, metric=metric, year=years or [])
            if (any_dimension or (f.project == project and f.category is None
                                   and (f.fund == fund or (project and fund is None))
                                   and (f.goal == goal or (project and goal is None))))
        ]
        if org == CITY and not any_dimension:
            hits = [f for f in hits if f.dimension in (None, "fund", "goal") and (fund or goal or f.dimension is None)]
        return primary(hits, self.unofficial)


def primary(facts: list[Fact], unofficial: set[str] | frozenset[str] = frozenset()) -> list[Fact]:
    """One statement per subject, year and quantity: official before unofficial, then _rank."""
    groups: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
    for f in facts:
        groups[subject_key(f)].append(f)
    best = (min(g, key=lambda f: (f.doc_id in unofficial, *_rank(f))) for g in groups.values())
    return sorted(best, key=lambda f: (f.year, f.org, str(f.fund), str(f.goal)))


def same_unit(fact: Fact) -> tuple[object, ...]:
    """The subject up to nämnd/förvaltning: ASN's and ASF's figure for a year are the same unit's."""
    return (fact.unit_org, fact.year, fact.metric, fact.fund, fact.goal, fact.project, fact.category)


def subject_key(fact: Fact) -> tuple[object, ...]:
    return (fact.org, fact.year, fact.metric, fact.fund, fact.goal, fact.project, fact.category)


def lookup(query: Query, facts: Facts) -> Found:
    metric = query.metric or "eu_funds_paid"
    projects = query.projects
    years = query.years
    goals = query.goals or query.goals_named
    orgs = query.orgs or ([] if projects or query.goals != goals else [CITY])
    fund = query.funds[0] if query.funds else None
    ev = Found(metric=metric, orgs=orgs or [CITY], years=years)
    if query.intent == "list" or query.ranked:
        ev.listing = _listing(query, facts, metric, orgs or [CITY], years, fund)
        if query.ranked:
            ev.listing.sort(key=lambda f: f.value, reverse=not query.fewest)
        groups = {f.group for f in ev.listing if f.group}
        if fund is None:  # a table's total is the total of every fund, never one fund's
            ev.listing += facts.where(group=sorted(groups), role="total", metric=metric) if groups else []
    none: list[str | None] = [None]
    for name in [metric, *query.also_metrics]:
        for fnd in [*query.funds] or none:
            for goal in [*goals] or none:
                for project in [*projects] or none:
                    owners = orgs or sorted({f.org for f in facts.where(metric=name, year=years)
                                             if (project is None or f.project == project)
                                             and (goal is None or f.goal == goal)})
                    ev.exact.extend(_exact(facts, ev, owners, metric=name, years=years, fund=fnd, goal=goal,
                                           project=project))
    if not ev.exact:
        ev.nearest = _nearest(facts, metric, orgs or [CITY], years, fund, goals)
    return ev


def _exact(facts: Facts, ev: Found, orgs: list[str], *, metric: str, years: list[int], fund: str | None,
           goal: str | None, project: str | None) -> list[Fact]:
    """The organisation's facts; years it does not report come from its nämnd/förvaltning pair."""
    out: list[Fact] = []
    for org in orgs:
        found = facts.select(org=org, metric=metric, years=years, fund=fund, goal=goal, project=project)
        pair = facts.pair(org)
        if pair:  # a year stated only by an unlisted document: the pair's official figure comes first
            official = {f.year for f in facts.select(org=pair, metric=metric, years=years, fund=fund, goal=goal,
                                                     project=project) if f.doc_id not in facts.unofficial}
            found = [f for f in found if f.doc_id not in facts.unofficial or f.year not in official]
        if pair and (not found or not years or len(years) > 1):
            have = {f.year for f in found}
            extra = [f for f in facts.select(org=pair, metric=metric, years=years, fund=fund, goal=goal,
                                             project=project) if f.year not in have]
            if extra:
                ev.pair_used[org] = pair
            found = sorted(found + extra, key=lambda f: f.year)
        out.extend(found)
    return out


def _listing(
    query: Query, facts: Facts, metric: str, orgs: list[str], years: list[int], fund: str | None
) -> list[Fact]:
    family = set(orgs)
    for org in orgs:
        if p := facts.pair(org):
            family.add(p)
    dimensions = [query.dimension] if query.dimension else ["fund", "project", "org", "goal"]
    rows = [
        f for f in facts.where(metric=metric, year=years, role="part", dimension=dimensions, fund=fund)
        if (f.org in family or (CITY in orgs and f.dimension == "org") or f.unit_org in family)
    ]
    return primary(facts.official_first(rows), facts.unofficial)


def _nearest(facts: Facts, metric: str, orgs: list[str], years: list[int], fund: str | None,
             goals: list[str]) -> list[Nearest]:
    out: list[Nearest] = []
    for org in orgs:
        family = [org] + ([p] if (p := facts.pair(org)) else [])
        if fund:  # a split by fund that lists other funds: this one is not among them
            for member in family:
                split = facts.select(org=member, metric=metric, years=years, any_dimension=True)
                out.extend(Nearest(f, "other_fund") for f in split if f.fund and f.fund != fund)
                if out:
                    return out[:8]
        if fund or goals:  # the split is not reported: offer the organisation's total
            for member in family:
                out.extend(Nearest(f, "org_total") for f in facts.select(org=member, metric=metric, years=years))
                if out:
                    break
        if not out and years:  # same organisation (nämnd and förvaltning), other years
            for member in family:
                out.extend(Nearest(f, "other_year") for f in facts.select(org=member, metric=metric, fund=fund,
                                                                          goal=goals[0] if goals else None))
    if years and orgs != [CITY] and not any(n.reason in ("other_fund", "org_total") for n in out):
        out.extend(Nearest(f, "city") for f in facts.select(org=CITY, metric=metric, years=years, fund=fund))
    if not out and years:  # the whole city, any year
        out.extend(Nearest(f, "other_year") for f in facts.select(org=CITY, metric=metric, fund=fund))
    return out[:8]

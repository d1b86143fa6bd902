"""Checks: consistency of the reports, found by arithmetic over the stored facts.

- parts_vs_total: the rows of a table against the table's own total row, or against the
  total the same report states in its text (same metric, year and organisation);
- count_parts_vs_total: the same for counts, where parts above the total are flagged
  (a project may belong to several nämnder or goals, so this is a note, not an error);
- rows_vs_count: the number of project rows of a table against the stated project count;
- cross_report: the same figure (organisation, year, metric, fund, goal, project) stated
  differently in two places.
Tolerance follows the precision of the figures: exact figures must match to the krona,
"ca 8,3 miljoner" allows 100 000 (one step of its last digit: rounded or truncated).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from core.numbers import format_value
from core.schemas import Check, CheckFigure, Fact
from core.words import tokenize

DIMENSIONS = ("org", "fund", "goal", "project", "category")


def _figure(fact: Fact) -> CheckFigure:
    return CheckFigure(fact_id=fact.fact_id, label=fact.label, value=fact.value, doc_id=fact.doc_id, page=fact.page)


def _tolerance(facts: Iterable[Fact]) -> float:
    """A figure given as "ca 22,5 miljoner" stands for anything within one step of its last digit
    (reports truncate as often as they round): that is not a discrepancy."""
    return sum(f.precision for f in facts if f.approximate)


def _check(kind: str, total: Fact, parts: list[Fact], description: str, actual: float | None = None) -> Check:
    actual = sum(p.value for p in parts) if actual is None else actual
    tolerance = _tolerance([total, *parts])
    difference = actual - total.value
    if abs(difference) <= tolerance:
        status = "ok"
    elif kind == "count_parts_vs_total" and difference > 0:
        status = "parts_exceed_total"
    else:
        status = "mismatch"
    key = f"{kind}:{total.fact_id}:{','.join(sorted(p.fact_id for p in parts))}"
    return Check(
        check_id=hashlib.sha1(key.encode()).hexdigest()[:16], kind=kind, description=description,
        year=total.year, metric=total.metric, status=status, expected=total.value, actual=actual,
        difference=difference, tolerance=tolerance, figures=[_figure(total), *(_figure(p) for p in parts)],
    )


def _describe(parts: list[Fact], total: Fact, what: str) -> str:
    dim = parts[0].dimension or "rad"
    names = {"org": "organisationer", "fund": "program", "goal": "mål", "project": "projekt"}
    return (
        f"{what} {total.year}: summan av {len(parts)} {names.get(dim, 'rader')} "
        f"({format_value(sum(p.value for p in parts), parts[0].unit, approximate=any(p.approximate for p in parts))}) "
        f"mot angiven total {total.display} ({total.doc_id}, s. {total.page or '–'})"
    )


_WHAT = {
    "eu_funds_paid": "Utbetalda EU-medel", "project_count": "Antal projekt", "partners": "Samverkansparter",
    "total_budget": "Budget", "count": "Antal",
}


def compute_checks(facts: list[Fact]) -> list[Check]:
    checks: list[Check] = []
    by_group: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.group:
            by_group[fact.group].append(fact)
    stated = [f for f in facts if f.role == "value" and f.org == f.unit_org]
    for group in by_group.values():
        for metric in sorted({f.metric for f in group}):
            parts = [f for f in group if f.metric == metric and f.role == "part"]
            totals = [f for f in group if f.metric == metric and f.role == "total"]
            if len(parts) < 2:
                continue
            ref = parts[0]
            scope_org = next((t.org for t in totals), None) or (ref.org if ref.dimension != "org" else None)
            candidates = totals + [
                s for s in stated
                if s.doc_id == ref.doc_id and s.metric == metric and s.year == ref.year
                and (scope_org is None or s.unit_org == scope_org or ref.dimension == "org")
                and (ref.dimension != "org" or s.org == "malmo_stad" or s.org == s.unit_org and not totals)
            ]
            kind = "count_parts_vs_total" if ref.unit == "count" else "parts_vs_total"
            seen: set[float] = set()
            for total in candidates:
                if total.value in seen:
                    continue
                seen.add(total.value)
                checks.append(_check(kind, total, parts, _describe(parts, total, _WHAT.get(metric, metric))))
            if ref.dimension == "project":
                checks.extend(_rows_vs_count(parts, [f for f in facts if f.role == "value"]))
    checks.extend(_cross_report(facts))
    return checks


def _rows_vs_count(rows: list[Fact], stated: list[Fact]) -> list[Check]:
    out = []
    ref = rows[0]
    for count in stated:
        if (count.doc_id == ref.doc_id and count.metric == "project_count" and count.year == ref.year
                and count.unit_org == ref.unit_org):
            description = (
                f"Antal projekt {ref.year}: {len(rows)} projektrader i tabellen mot angivet "
                f"{count.display} projekt ({count.doc_id}, s. {count.page or '–'})"
            )
            out.append(_check("rows_vs_count", count, rows, description, actual=float(len(rows))))
    return out


def _cross_report(facts: list[Fact]) -> list[Check]:
    """The same figure stated in several places with different values."""
    keyed: dict[tuple[object, ...], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.role == "part" and f.dimension not in ("org", "fund", "project", "goal"):
            continue
        org = f.unit_org
        key = (org, f.year, f.metric, f.fund, f.goal, f.project, f.category)
        keyed[key].append(f)
    out = []
    for same in keyed.values():
        first = same[0]
        for other in same[1:]:
            if other.group is not None and other.group == first.group:
                continue
            tolerance = _tolerance([first, other])
            if abs(other.value - first.value) > tolerance and other.value != first.value:
                where = "två rapporter" if other.doc_id != first.doc_id else "två ställen i samma rapport"
                description = (
                    f"{_WHAT.get(first.metric, first.metric)} {first.year} ({first.unit_org}) anges olika på {where}: "
                    f"{first.display} ({first.doc_id}, s. {first.page or '–'}) och "
                    f"{other.display} ({other.doc_id}, s. {other.page or '–'})"
                )
                out.append(_check("cross_report", first, [other], description, actual=other.value))
    return out


RESTATED = 0.5  # share of shared word stems above which two sentences restate the same thing


def restated_checks(figures: list[Fact]) -> list[Check]:
    """A sentence restated in another report (or elsewhere in the same one) with a figure of the
    same quantity changed: "varav 185 nu är självförsörjande" against "varav 187 ...". Rounding
    within the stated precision is not a discrepancy. Each figure is compared with the first
    statements of its quantity (one per restated sentence), not with every other figure: the checks
    and the work grow with the reports, not with their square."""
    groups: dict[tuple[str, str], list[tuple[Fact, set[str]]]] = defaultdict(list)  # first statements
    out: list[Check] = []
    for b in figures:
        if not b.quantity:
            continue
        words_b = set(tokenize(b.label))
        firsts = groups[(b.quantity, b.unit)]
        restates = False
        for a, words_a in firsts:
            if a.span_start == b.span_start and a.doc_id == b.doc_id:
                continue  # two figures of one sentence
            if len(words_a & words_b) / max(1, len(words_a | words_b)) < RESTATED:
                continue
            restates = True
            if a.value == b.value or abs(a.value - b.value) <= max(a.precision, b.precision) / 2:
                continue
            where = "två rapporter" if a.doc_id != b.doc_id else "två ställen i samma rapport"
            description = (f"Samma uppgift ({a.quantity}) anges olika på {where}: {a.display} ({a.doc_id}, "
                           f"s. {a.page or '–'}) och {b.display} ({b.doc_id}, s. {b.page or '–'})")
            out.append(_check("cross_report", a, [b], description, actual=b.value))
        if not restates:
            firsts.append((b, words_b))
    return out

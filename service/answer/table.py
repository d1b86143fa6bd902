"""Answerers over the table facts, returning evidence: the facts a question asks for (lists, series,
comparisons, a claim's figure), what is not reported with the nearest verified figures, names that
resolve to nothing, and questions about the previous answer ('vilken fond var det?')."""

from __future__ import annotations

import re
from collections.abc import Callable

from core.entities import Registry
from core.schemas import Evidence, Fact, Item, Note, Query, TableRow
from service.answer import followups
from service.answer.lookup import Facts, Found, Nearest

Verdict = Callable[[Query, Fact], Note]


def fact(f: Fact, *, bullet: bool = False, use: str = "answer") -> Item:
    return Item(kind="fact", fact_id=f.fact_id, bullet=bullet, use=use)


def unresolved(query: Query) -> Evidence:
    names = ", ".join(f"”{n}”" for n in query.unresolved)
    return Evidence(answerer="unresolved", status="unclear", lines=[Note(key="tab_unresolved",
                                                                         args={"names": f"text:{names}"})])


def did_you_mean(query: Query) -> Evidence:
    """A name nearly like several organisations: asked back, no figures."""
    return Evidence(answerer="did_you_mean", status="unclear", lines=[
        Note(key="tab_did_you_mean", args={"names": f"orgs_or:{','.join(query.did_you_mean)}"})])


def about_previous(query: Query, previous: list[Fact], registry: Registry) -> Evidence | None:
    """'vilken fond var det?', 'vilket år?': from the previous answer's first figure."""
    if not previous:
        return None
    first = previous[0]
    about = f"text:{first.project}" if first.project else f"org:{first.org}"
    if query.about_previous == "fund":
        fund = followups.fund_of(first, registry)
        if fund is None:
            return Evidence(answerer="previous", status="not_reported", lines=[
                Note(key="tab_no_fund", args={"about": about, "cite": f"cite:{first.fact_id}"})])
        return Evidence(answerer="previous", status="answered", lines=[
            Note(key="tab_fund_of", args={"fund": f"fund:{fund}", "about": about, "cite": f"cite:{first.fact_id}"})])
    if query.about_previous == "year":
        return Evidence(answerer="previous", status="answered", lines=[
            Note(key="tab_year_of", args={"year": f"year:{first.year}", "cite": f"cite:{first.fact_id}"})])
    return None


def no_goal(query: Query, facts: Facts) -> Evidence:
    """A kommunfullmäktige goal whose row the reports leave empty (or do not have): the goals they report."""
    year = query.years[0] if query.years else None
    rows = facts.where(metric=query.metric or "eu_funds_paid", role="part", year=year, has=["goal"])
    when = f"text: {year}" if year else "text:"
    if not rows:
        return Evidence(answerer="goal", status="not_reported", lines=[Note(key="tab_no_goal",
                                                                            args={"when": when})])
    lines: list[Note | Item] = [Note(key="tab_no_goal_listed", args={"when": when})]
    lines += [fact(f, bullet=True, use="nearest") for f in facts.primary_rows(rows)[:8]]
    return Evidence(answerer="goal", status="not_reported", lines=lines)


def _nearest(items: list[Nearest]) -> list[Note | Item]:
    return [fact(n.fact, bullet=True, use="nearest") for n in items]


def missing(query: Query, found: Found, mentions: Callable[[Query, str], list[Note | Item]]) -> Evidence:
    """The asked figure is not reported: said first, then the nearest verified figures and why they are offered."""
    who = f"names:{','.join(found.orgs)}"
    when = f"text:{', '.join(str(y) for y in found.years)}"
    metric = f"metric:{found.metric}"
    fund = query.funds[0] if query.funds else None
    others = [n for n in found.nearest if n.reason == "other_fund"]
    if fund and others:
        lines: list[Note | Item] = [
            Note(key="tab_not_from_fund", args={"metric": metric, "fund": f"fund:{fund}", "who": who, "when": when}),
            Note(key="split_lists")]
        return Evidence(answerer="table", status="not_reported", lines=lines + _nearest(others))
    totals = [n for n in found.nearest if n.reason == "org_total"]
    if fund and totals:
        key = "tab_split" if found.years else "tab_split_no_year"
        lines = [Note(key=key, args={"fund": f"fund:{fund}", "who": who, "when": when}), Note(key="tab_total_instead")]
        return Evidence(answerer="table", status="partial", lines=lines + _nearest(totals) + mentions(query, fund))
    key = "tab_not_reported" if found.years else "tab_not_reported_no_year"
    lines = [Note(key=key, args={"metric": metric, "who": who, "when": when})]
    if found.nearest:
        lines.append(Note(key="nearest"))
        lines += _nearest(found.nearest)
    return Evidence(answerer="table", status="not_reported", lines=lines)


OWNED = re.compile(r"projektägare", re.IGNORECASE)
PARTNERED = re.compile(r"projektpart", re.IGNORECASE)


def owned_scope(rows: list[Fact], facts: Facts) -> list[Fact]:
    """Sentences that say a year's paid EU funds are those of projects the city owned ('… till de projekt där
    Malmö stad var projektägare'), for the rows they concern: the same document and year, the same amount or the
    total of the row's table."""
    out: list[Fact] = []
    for row in rows:
        if row.metric != "eu_funds_paid":
            continue
        totals = [row.value] + [f.value for f in facts.where(metric=row.metric, year=row.year, role="total")
                                if row.group and f.group == row.group]
        said = [f for f in facts.where(metric=row.metric, year=row.year) if f.doc_id == row.doc_id
                and OWNED.search(f.quote) and not PARTNERED.search(f.quote)
                and any(abs(f.value - t) <= max(f.precision, row.precision) for t in totals)]
        if said and said[0] not in out:
            out.append(said[0])
    return out


def series(found: Found, key: str, facts: Facts | None = None) -> Evidence:
    """Rows (year or organisation -> value), every value stated, the years without a figure named first, and the
    change from the first to the last; one group per measure when the question asks for several ('projekt och
    pengar')."""
    metrics = list(dict.fromkeys(f.metric for f in found.exact))
    groups = [_series_of([f for f in found.exact if f.metric == m], found, key) for m in metrics]
    lines: list[Note | Item] = []
    rows: list[TableRow] = []
    gaps = False
    for metric, (group_lines, group_rows, group_gaps) in zip(metrics, groups, strict=True):
        if len(metrics) > 1:
            lines.append(Note(key="tab_metric_head", args={"metric": f"Metric:{metric}"}))
        lines += group_lines
        rows += group_rows if not rows else []  # the table holds the first measure's rows
        gaps = gaps or group_gaps
    if found.pair_used:  # the reports changed scope between years (per förvaltning in 2022, per nämnd in 2024)
        lines.insert(0, Note(key="tab_scope_change", args={
            "asked": f"names:{','.join(found.pair_used)}", "used": f"names:{','.join(found.pair_used.values())}"}))
    if facts is not None and len({f.year for f in found.exact}) > 1:
        for said in owned_scope(found.exact, facts):  # 2022 counts only the projects the city owned
            lines.append(Note(key="tab_scope_owned", args={"year": f"year:{said.year}",
                                                           "cite": f"cite:{said.fact_id}"}))
    if gaps and len(metrics) > 1:  # what is missing is said first
        lines.insert(0, Note(key="tab_gaps_some"))
    return Evidence(answerer="table", status="partial" if gaps else "answered", lines=lines, table=rows)


def _series_of(exact: list[Fact], found: Found, key: str) -> tuple[list[Note | Item], list[TableRow], bool]:
    facts = sorted(exact, key=lambda f: (f.year, f.org))
    heads: list[int] | list[str] = sorted(found.years) if key == "year" else found.orgs
    rows: list[TableRow] = []
    stated: list[Fact] = []
    for label in heads:
        match = [f for f in facts
                 if (f.year == label if key == "year" else f.org in (label, found.pair_used.get(str(label))))]
        head = str(label) if key == "year" else f"org:{label}"
        if match:
            rows.append(TableRow(label=head, value=match[0].value, display="", unit=match[0].unit,
                                 fact_id=match[0].fact_id))
            stated.append(match[0])
        else:
            rows.append(TableRow(label=head, value=None, display=""))
    lines: list[Note | Item] = [Note(key="tab_row", args={"label": _label(r.label), "value": f"fact:{r.fact_id}"})
                                for r in rows if r.fact_id is not None]
    gaps = [r.label for r in rows if r.value is None]
    if key == "year":
        gaps.sort()  # "Ej redovisat: 2015, 2016, 2019", as the years come
    if gaps:  # what is missing is said first
        named = "names:" + ",".join(g[4:] for g in gaps) if key == "org" else "text:" + ", ".join(gaps)
        lines.insert(0, Note(key="tab_gaps", args={"labels": named}))
    present = [f for f in facts if f in stated]
    if len(present) >= 2 and present[0].unit == present[-1].unit:
        a, b = present[0], present[-1]
        ends = {"a": f"year:{a.year}", "b": f"year:{b.year}"} if key == "year" else {"a": f"org:{a.org}",
                                                                                  "b": f"org:{b.org}"}
        lines.append(Note(key=f"tab_change_{key}s", args={**ends, "amount": f"change:{a.fact_id}:{b.fact_id}"}))
    return lines, rows, bool(gaps)


def _label(label: str) -> str:
    return label if ":" in label else f"text:{label}"


def listing(found: Found) -> Evidence:
    return Evidence(answerer="table", status="answered", lines=[fact(f, bullet=True) for f in found.listing[:15]])


def exact(query: Query, found: Found, verdict: Verdict) -> Evidence:
    """The facts that answer: the nämnd/förvaltning note first when the other one's figure is used, and a
    claim's verdict before its figure."""
    lines: list[Note | Item] = [Note(key="pair", args={"asked": f"org:{a}", "used": f"org:{u}"})
                                for a, u in found.pair_used.items()]
    lines += [fact(f) for f in found.exact[:8]]
    if query.intent == "check" and query.claimed is not None:
        asked = [f for f in found.exact if not query.years or f.year in query.years]
        lines.insert(0, verdict(query, (asked or found.exact)[0]))
    return Evidence(answerer="table", status="answered", lines=lines)

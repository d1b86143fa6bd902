"""Arithmetic with its work shown: rankings, thresholds, sums, shares and % change over the
table facts. Every computed figure lists its operands (each a cited fact) and is marked
"beräknat"; verify recomputes it from the used facts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.entities import CITY
from core.numbers import format_value, group_thousands
from core.schemas import Answer, Computation, Fact, Query, TableRow
from core.vocabulary import load as load_vocabulary
from service.answer.compose import Draft, row_of, show
from service.answer.lookup import Facts, primary

Finish = Callable[..., Answer]
PERCENT_DECIMALS = 1


def percent(value: float, lang: str) -> str:
    text = f"{value:.{PERCENT_DECIMALS}f}"
    return (text.replace(".", ",") + " %") if lang == "sv" else text + " %"


def money(value: float, facts: list[Fact], lang: str = "sv") -> str:
    approx = any(f.approximate for f in facts)
    precision = max((f.precision for f in facts), default=1.0)
    unit = facts[0].unit if facts else "SEK"
    return format_value(value, unit, approximate=approx, precision=precision, lang=lang)


def one_form(rows: list[Fact]) -> float | None:
    """One display for a list: the finest precision of its rows, so no row loses the digits the report
    gives ("ca 5 900 000 kr" beside "ca 3 813 000 kr", not "ca 5,9 miljoner kr")."""
    rounded = [f.precision for f in rows if f.approximate]
    return min(rounded) if rounded and all(f.approximate for f in rows) else None


def compute(op: str, operands: list[Fact]) -> float:
    """The computations verify can redo: from the operands' stored values only."""
    values = [f.value for f in operands]
    if op == "sum":
        return round(sum(values), 2)
    if op == "difference":
        return round(values[1] - values[0], 2)
    if op == "pct_change":
        return round((values[1] - values[0]) / values[0] * 100, PERCENT_DECIMALS)
    if op == "share":  # sum of all but the last over the last
        return round(sum(values[:-1]) / values[-1] * 100, PERCENT_DECIMALS)
    raise ValueError(op)


def parts(facts: Facts, metric: str, dimension: str, years: list[int],
          orgs: list[str] | None = None) -> tuple[int | None, list[Fact]]:
    """Rows of a table by `dimension` for the asked year (else the latest year that has them), of the
    asked organisations (with their nämnd/förvaltning) when a project table is ranked."""
    family = set(orgs or []) | {p for o in orgs or [] if (p := facts.pair(o))}
    rows = [f for f in facts.where(metric=metric, role="part", dimension=dimension)
            if (dimension != "project" or not family or f.org in family or f.unit_org in family)]
    have = sorted({f.year for f in rows})
    year = next((y for y in years if y in have), None) if years else (have[-1] if have else None)
    return year, primary(facts.official_first([f for f in rows if f.year == year]), facts.unofficial)


def total_of(facts: Facts, rows: list[Fact], metric: str, year: int) -> Fact | None:
    groups = {f.group for f in rows}
    stated = [f for f in facts.where(metric=metric, year=year, role="total") if f.group in groups]
    stated = stated or [f for f in facts.where(metric=metric, year=year, org=CITY, role=["total", "value"])
                        if not f.fund and not f.goal and not f.project]
    return min(stated, key=lambda f: (f.approximate, f.page or 0)) if stated else None


class Work:
    """Lines and computations of one arithmetic answer."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.lines: list[str] = []
        self.computations: list[Computation] = []
        self.table: list[TableRow] = []

    def cite(self, fact: Fact, precision: float | None = None) -> str:
        self.draft.state(fact)  # records the figure and its citation
        return f"{show(fact, self.draft.lang, precision)} [{self.draft.cite_fact(fact)}]"

    def computed(self, op: str, operands: list[Fact], text: str, unit: str) -> Computation:
        value = compute(op, operands)
        sign = "−" if value < 0 else ("+" if op in ("difference", "pct_change") and value > 0 else "")
        shown = percent(abs(value), self.draft.lang) if unit == "percent" else money(abs(value), operands,
                                                                                      self.draft.lang)
        about = next((a for a in ("ca ", "about ") if shown.startswith(a)), "")
        display = f"{about}{sign}{shown[len(about):]}"
        comp = Computation(op=op, value=value, display=display, unit=unit, operands=[f.fact_id for f in operands],
                           text=text.format(result=display))
        self.computations.append(comp)
        return comp


def answer(query: Query, facts: Facts, draft: Draft, finish: Finish) -> Answer | None:
    metric = query.metric or "eu_funds_paid"
    over_years = query.operation in ("pct_change", "difference") or (query.operation == "sum" and len(query.years) > 1)
    if over_years and len(query.years) > 1 and len(query.orgs) <= 1 and len(query.funds) <= 1:
        return _over_years(query, facts, draft, finish, metric)
    if query.operation == "share" and (query.orgs or query.funds) and query.threshold is None:
        return _share_of(query, facts, draft, finish, metric)
    if query.operation == "sum" and len(query.orgs) + len(query.funds) > 1:
        return _sum_of(query, facts, draft, finish, metric)
    if query.operation == "sum" and not query.orgs and not query.funds:
        return _sum_table(query, facts, draft, finish, metric)
    if query.operation in ("rank", "threshold") or query.threshold is not None or query.ranked:
        return _table(query, facts, draft, finish, metric)
    return None


def label_of(draft: Draft, fact: Fact) -> str:
    """What a table row is about: the fund, the goal, the project or the organisation."""
    return _label(draft, fact)


def finish_work(query: Query, draft: Draft, finish: Finish, work: Work) -> Answer:
    return _done(query, draft, finish, work)


def _label(draft: Draft, fact: Fact) -> str:
    if fact.dimension == "fund" and fact.fund:
        return draft.registry.display(fact.fund, draft.lang)
    if fact.dimension == "goal":
        return fact.goal_label or f"mål {fact.goal}"
    if fact.dimension == "project" and fact.project:
        return fact.project
    return draft.name(fact.org)


def _table(query: Query, facts: Facts, draft: Draft, finish: Finish, metric: str) -> Answer | None:
    sv = draft.lang == "sv"
    dimension = query.rank_by or "org"
    year, rows = parts(facts, metric, dimension, query.years, [o for o in query.orgs if o != CITY])
    if not rows or year is None:
        return None
    what = load_vocabulary().metric_label(metric, draft.lang)
    work = Work(draft)
    if query.years and year not in query.years:
        work.lines.append((f"Rapporterna har ingen sådan tabell för {', '.join(map(str, query.years))}; "
                           f"det som finns gäller {year}:") if sv else
                          f"The reports have no such table for {', '.join(map(str, query.years))}; "
                          f"this is for {year}:")
    ranked = sorted(rows, key=lambda f: f.value, reverse=not query.fewest)
    chosen = ranked
    if query.threshold is not None:
        keep = [f for f in ranked if (f.value > query.threshold if query.above else f.value < query.threshold)]
        limit = format_value(query.threshold, rows[0].unit, lang=draft.lang)
        word = ("mer än" if query.above else "mindre än") if sv else ("more than" if query.above else "less than")
        head = f"{what[:1].upper()}{what[1:]} {year}, {word} {limit}:"
        work.lines.append(head if keep else (f"Ingen hade {word} {limit} {year}." if sv else
                                             f"None had {word} {limit} in {year}."))
        chosen = keep
    elif (query.operation == "rank" or query.ranked) and query.both_ends:
        high, low = max(rows, key=lambda f: f.value), min(rows, key=lambda f: f.value)
        work.lines.append(f"{'Högst' if sv else 'Highest'} {what} {year}: {_label(draft, high)}, {work.cite(high)}.")
        work.lines.append(f"{'Lägst' if sv else 'Lowest'}: {_label(draft, low)}, {work.cite(low)}.")
        work.lines.append("Hela listan:" if sv else "The full list:")
        chosen = sorted(rows, key=lambda f: f.value, reverse=True)
    elif query.operation == "rank" or query.ranked:
        top = [f for f in ranked if f.value == ranked[0].value]
        best = ("Lägst" if query.fewest else "Högst") if sv else ("Lowest" if query.fewest else "Highest")
        names = " och ".join(_label(draft, f) for f in top) if sv else " and ".join(_label(draft, f) for f in top)
        work.lines.append(f"{best} {what} {year}: {names}, {work.cite(top[0])}.")
        work.lines.append("Hela listan:" if sv else "The full list:")
    common = one_form(chosen)
    work.lines += [f"- {_label(draft, f)}: {work.cite(f, common)}" for f in chosen]
    if query.threshold is not None and chosen:
        _sum_and_share(query, facts, work, chosen, rows, metric, year)
    note = _scope_note(rows, draft)
    if note:
        work.lines.append(note)
    return _done(query, draft, finish, work)


def _sum_and_share(query: Query, facts: Facts, work: Work, chosen: list[Fact], rows: list[Fact], metric: str,
                   year: int) -> None:
    sv = work.draft.lang == "sv"
    if len(chosen) > 1:
        terms = " + ".join(show(f, work.draft.lang) for f in chosen)
        comp = work.computed("sum", chosen, f"{terms} = {{result}}", chosen[0].unit)
        work.lines.append(f"{'Sammanlagt' if sv else 'Together'}: {comp.text} ({'beräknat' if sv else 'computed'}).")
    if query.operation != "share":
        return
    total = total_of(facts, rows, metric, year)
    if total is None:
        work.lines.append("Rapporten anger ingen total att räkna andelen mot." if sv else
                          "The report gives no total to compute the share against.")
        return
    part = " + ".join(show(f, work.draft.lang) for f in chosen)
    whole = show(total, work.draft.lang)
    comp = work.computed("share", [*chosen, total], f"({part}) / {whole} = {{result}}", "percent")
    work.lines.append(f"{'Andel av totalen' if sv else 'Share of the total'} {work.cite(total)}: {comp.text} "
                      f"({'beräknat' if sv else 'computed'}).")


def _scope_note(rows: list[Fact], draft: Draft) -> str:
    approx = any(f.approximate for f in rows)
    if not approx:
        return ""
    return ("Beloppen är avrundade i rapporten; jämförelser nära gränsen är osäkra." if draft.lang == "sv" else
            "The report rounds these amounts; comparisons close to the limit are uncertain.")


def _subject_facts(facts: Facts, query: Query, metric: str, org: str, years: list[int],
                   fund: str | None = None) -> list[Fact]:
    if fund:
        rows = facts.where(metric=metric, fund=fund, dimension="fund", year=years)
        return primary(rows, facts.unofficial)
    found = facts.select(org=org, metric=metric, years=years)
    if not found and (pair := facts.pair(org)):
        found = facts.select(org=pair, metric=metric, years=years)
    return found


def _over_years(query: Query, facts: Facts, draft: Draft, finish: Finish, metric: str) -> Answer | None:
    sv = draft.lang == "sv"
    org = query.orgs[0] if query.orgs else CITY
    found = _subject_facts(facts, query, metric, org, query.years, query.funds[0] if query.funds else None)
    years = sorted({f.year for f in found})
    if len(years) < 2:
        return None
    work = Work(draft)
    series = [next(f for f in found if f.year == y) for y in years]
    missing = [y for y in query.years if y not in years]
    work.lines += [f"- {y}: {work.cite(f)}" for y, f in zip(years, series, strict=True)]
    work.table = [row_of(draft, f, str(f.year)) for f in series]
    first, last = series[0], series[-1]
    if query.operation in ("pct_change", "difference"):
        a, b = show(first, draft.lang), show(last, draft.lang)
        diff = work.computed("difference", [first, last], f"{b} − {a} = {{result}}", first.unit)
        work.lines.insert(0, (f"Skillnad {first.year}–{last.year}: {diff.display} (beräknat: {diff.text})." if sv
                              else f"Difference {first.year}–{last.year}: {diff.display} (computed: {diff.text})."))
    if query.operation in ("pct_change", "difference"):
        a, b = show(first, draft.lang), show(last, draft.lang)
        comp = work.computed("pct_change", [first, last], f"({b} − {a}) / {a} = {{result}}", "percent")
        work.lines.insert(0, (f"Förändring {first.year}–{last.year}: {comp.display} (beräknat: {comp.text})." if sv
                              else f"Change {first.year}–{last.year}: {comp.display} (computed: {comp.text})."))
    else:
        comp = work.computed("sum", series, " + ".join(show(f, draft.lang) for f in series) + " = {result}", first.unit)
        work.lines.insert(0, (f"Sammanlagt {years[0]}–{years[-1]}: {comp.display} (beräknat: {comp.text})." if sv
                              else f"Total {years[0]}–{years[-1]}: {comp.display} (computed: {comp.text})."))
    if missing:  # what is missing is said first
        work.lines.insert(0, ("Ej redovisat: " if sv else "Not reported: ") + ", ".join(map(str, missing)) + ".")
    return _done(query, draft, finish, work, partial=bool(missing))


def _share_of(query: Query, facts: Facts, draft: Draft, finish: Finish, metric: str) -> Answer | None:
    sv = draft.lang == "sv"
    org = query.orgs[0] if query.orgs else CITY
    found = _subject_facts(facts, query, metric, org, query.years, query.funds[0] if query.funds else None)
    if not found:
        return None
    part = found[-1]
    name = draft.registry.display(part.fund, draft.lang) if query.funds and part.fund else draft.name(part.org)
    _, rows = parts(facts, metric, "fund" if query.funds else "org", [part.year])
    total = total_of(facts, rows or [part], metric, part.year)
    if total is None or total.fact_id == part.fact_id:
        return None
    return _share(query, draft, finish, part, total, name,
                  lambda shown: f"{name} {part.year}: {shown} av totalen (beräknat)." if sv else
                  f"{name} {part.year}: {shown} of the total (computed).")


def share_of_fact(query: Query, part: Fact, facts: Facts, draft: Draft, finish: Finish) -> Answer | None:
    """The share a looked-up figure (a goal's, a fund's, an organisation's) is of its table's total."""
    sv = draft.lang == "sv"
    rows = facts.where(group=part.group, role="part") if part.group else [part]
    total = total_of(facts, rows, part.metric, part.year)
    if total is None or total.fact_id == part.fact_id:
        return None
    return _share(query, draft, finish, part, total, draft.describe(part),
                  lambda shown: f"{'Andel av totalen' if sv else 'Share of the total'}: {shown} "
                  f"({'beräknat' if sv else 'computed'}).")


def _share(query: Query, draft: Draft, finish: Finish, part: Fact, total: Fact, name: str,
           heading: Callable[[str], str]) -> Answer:
    """A share with its work shown: the heading, the part, the total and the division."""
    sv = draft.lang == "sv"
    work = Work(draft)
    comp = work.computed("share", [part, total],
                         f"{show(part, draft.lang)} / {show(total, draft.lang)} = {{result}}", "percent")
    work.lines.append(heading(comp.display))
    work.lines.append(f"- {name}: {work.cite(part)}")
    work.lines.append(f"- {'Totalt' if sv else 'Total'}: {work.cite(total)}")
    work.lines.append(f"{'Beräkning' if sv else 'Computation'}: {comp.text}.")
    return _done(query, draft, finish, work)


def _sum_of(query: Query, facts: Facts, draft: Draft, finish: Finish, metric: str) -> Answer | None:
    sv = draft.lang == "sv"
    found = [f for org in query.orgs for f in _subject_facts(facts, query, metric, org, query.years)[-1:]]
    found += [f for fund in query.funds for f in _subject_facts(facts, query, metric, CITY, query.years, fund)[-1:]]
    if len(found) < 2:
        return None
    work = Work(draft)
    comp = work.computed("sum", found, " + ".join(show(f, draft.lang) for f in found) + " = {result}", found[0].unit)
    work.lines.append(f"{'Sammanlagt' if sv else 'Together'}: {comp.display} ({'beräknat' if sv else 'computed'}).")
    work.lines += [f"- {_label(draft, f)} {f.year}: {work.cite(f)}" for f in found]
    work.lines.append(f"{'Beräkning' if sv else 'Computation'}: {comp.text}.")
    missing = [o for o in query.orgs if o not in {f.org for f in found} and facts.pair(o) not in {f.org for f in found}]
    if missing:  # what is missing is said first
        work.lines.insert(0, ("Ej redovisat: " if sv else "Not reported: ") + ", ".join(map(str, missing)) + ".")
    return _done(query, draft, finish, work, partial=bool(missing))


def _sum_table(query: Query, facts: Facts, draft: Draft, finish: Finish, metric: str) -> Answer | None:
    """The sum of a table's rows, compared with the total the report states."""
    sv = draft.lang == "sv"
    year, rows = parts(facts, metric, query.rank_by or "org", query.years)
    if len(rows) < 2 or year is None:
        return None
    work = Work(draft)
    comp = work.computed("sum", rows, " + ".join(show(f, draft.lang) for f in rows) + " = {result}", rows[0].unit)
    work.lines.append(f"{'Summan av raderna' if sv else 'The rows add up to'} {year}: {comp.display} "
                      f"({'beräknat' if sv else 'computed'}).")
    work.lines += [f"- {_label(draft, f)}: {work.cite(f)}" for f in rows]
    total = total_of(facts, rows, metric, year)
    if total is not None:
        gap = abs(comp.value - total.value)
        fits = gap <= max(total.precision / 2, 0.5) + sum(f.precision / 2 for f in rows)
        verdict = ("vilket stämmer med" if fits else "vilket inte stämmer med") if sv else (
            "which matches" if fits else "which does not match")
        work.lines.append(f"{'Summan' if sv else 'The sum'} {verdict} {'totalen' if sv else 'the total'} "
                          f"{work.cite(total)}.")
    work.lines.append(f"{'Beräkning' if sv else 'Computation'}: {comp.text}.")
    return _done(query, draft, finish, work)


def split_sum(query: Query, facts: Facts, draft: Draft, finish: Finish) -> Answer | None:
    """A fund's or goal's share of an organisation that the report gives per project only:
    the project rows of that fund or goal, summed with their operands shown."""
    sv = draft.lang == "sv"
    metric = query.metric or "eu_funds_paid"
    family = set(query.orgs) | {p for o in query.orgs if (p := facts.pair(o))}
    fund = query.funds[0] if query.funds else None
    goal = query.goals[0] if query.goals else None
    rows = primary([f for f in facts.where(metric=metric, role="part", has=["project"])
                    if (f.org in family or f.unit_org in family) and (not query.years or f.year in query.years)
                    and (fund is None or f.fund == fund) and (goal is None or f.goal == goal)], facts.unofficial)
    if not rows or (fund is None and goal is None):
        return None
    work = Work(draft)
    what = draft.registry.display(fund, draft.lang) if fund else (f"kommunfullmäktigemål {goal}" if sv else
                                                                 f"council goal {goal}")
    comp = work.computed("sum", rows, " + ".join(show(f, draft.lang) for f in rows) + " = {result}", rows[0].unit)
    who = draft.name(rows[0].org)
    work.lines.append(f"Rapporten redovisar beloppen per projekt. Projekten med {what} för {who} {rows[0].year}: "
                       f"sammanlagt {comp.display} (beräknat)." if sv else
                       f"The report gives the amounts per project. The {what} projects of {who} {rows[0].year}: "
                       f"{comp.display} in total (computed).")
    work.lines += [f"- {f.project}: {work.cite(f)}" for f in rows]
    work.lines.append(f"{'Beräkning' if sv else 'Computation'}: {comp.text}.")
    return _done(query, draft, finish, work)


def _done(query: Query, draft: Draft, finish: Finish, work: Work, *, partial: bool = False) -> Answer:
    extra: dict[str, Any] = {"computations": work.computations}
    answer: Answer = finish(query, draft, "partial" if partial else "answered", "\n".join(work.lines), work.table,
                            [])
    return answer.model_copy(update=extra)


__all__ = ["answer", "compute", "group_thousands"]

"""Arithmetic with its work shown: rankings, thresholds, sums, shares and % change over the
table facts. Every computed figure lists its operands (each a cited fact) and is marked
"beräknat"; verify recomputes it from the used facts.
"""

from __future__ import annotations

import math

from core.entities import CITY
from core.numbers import format_value, group_thousands
from core.schemas import Computation, Evidence, Fact, Item, Note, Query, TableRow
from service.answer.compose import show
from service.answer.lookup import Facts, primary
from service.answer.notes import percent

PERCENT_DECIMALS = 1


MEAN_ROWS = 2  # rows a mean or a sum of a previous list needs


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
    if op == "average":  # the first over the second: an amount per project
        return round(values[0] / values[1], 0)
    if op == "mean":  # the rows of a list, each counted once
        return round(sum(values) / len(values), 0)
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

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[Note] = []
        self.computations: list[Computation] = []
        self.table: list[TableRow] = []

    def say(self, key: str, **args: str) -> None:
        self.lines.append(Note(key=key, args=args))

    def cite(self, fact: Fact, precision: float | None = None) -> str:
        """The figure with its citation, as a reference compose writes (and records as used)."""
        return f"fact:{fact.fact_id}" + (f":{precision!r}" if precision else "")

    def computed(self, op: str, operands: list[Fact], text: str, unit: str) -> Computation:
        value = compute(op, operands)
        sign = "−" if value < 0 else ("+" if op in ("difference", "pct_change") and value > 0 else "")
        if unit == "percent":
            shown = percent(abs(value), self.lang)
        elif op == "mean":
            spread = max(f.precision for f in operands)  # a mean of rounded amounts is no finer than they are
            shown = format_value(abs(value), operands[0].unit, approximate=any(f.approximate for f in operands),
                                 precision=10 ** max(0, math.floor(math.log10(max(spread, 1.0)))), lang=self.lang)
        elif op == "average":  # the amount's own rounding spread over the count: 'ca 8,3 miljoner' / 8
            spread = operands[0].precision / max(operands[1].value, 1.0)
            shown = format_value(abs(value), operands[0].unit, approximate=operands[0].approximate,
                                 precision=10 ** max(0, math.floor(math.log10(max(spread, 1.0)))), lang=self.lang)
        else:
            shown = money(abs(value), operands, self.lang)
        about = next((a for a in ("ca ", "about ") if shown.startswith(a)), "")
        display = f"{about}{sign}{shown[len(about):]}"
        comp = Computation(op=op, value=value, display=display, unit=unit, operands=[f.fact_id for f in operands],
                           text=text.format(result=display))
        self.computations.append(comp)
        return comp

    def comp(self, comp: Computation) -> str:
        """'comp:I' of a computation of this work."""
        return f"comp:{self.computations.index(comp)}"

    def work(self, comp: Computation) -> str:
        """'work:I' of a computation of this work."""
        return f"work:{self.computations.index(comp)}"


def answer(query: Query, facts: Facts) -> Evidence | None:
    metric = query.metric or "eu_funds_paid"
    if query.operation == "average":
        return _average(query, facts)
    over_years = query.operation in ("pct_change", "difference") or (query.operation == "sum" and len(query.years) > 1)
    if over_years and len(query.years) > 1 and len(query.orgs) <= 1 and len(query.funds) <= 1:
        return _over_years(query, facts, metric)
    if query.operation == "share" and (query.orgs or query.funds) and query.threshold is None:
        return _share_of(query, facts, metric)
    if query.operation == "sum" and len(query.orgs) + len(query.funds) > 1:
        return _sum_of(query, facts, metric)
    if query.operation == "sum" and not query.orgs and not query.funds:
        return _sum_table(query, facts, metric)
    if query.operation in ("rank", "threshold") or query.threshold is not None or query.ranked:
        return _table(query, facts, metric)
    return None


MAX_TIED = 6  # the tied rows a ranking's head names by phrase (arith_top_*_N); organisations by 'orgs:'


def names_of(rows: list[Fact]) -> tuple[str, dict[str, str]]:
    """What the rows are about, joined ('A och B'): the phrase suffix and its arguments."""
    if len(rows) == 1:
        return "", {"names": f"label:{rows[0].fact_id}"}
    if all(not ((f.dimension == "fund" and f.fund) or f.dimension == "goal" or (f.dimension == "project" and f.project))
           for f in rows):  # each labelled by its organisation
        return "", {"names": "orgs:" + ",".join(f.org for f in rows)}
    if len(rows) > MAX_TIED:
        raise ValueError(f"more than {MAX_TIED} tied rows to name")
    return f"_{len(rows)}", {f"n{i}": f"label:{f.fact_id}" for i, f in enumerate(rows)}


def _table(query: Query, facts: Facts, metric: str) -> Evidence | None:
    dimension = query.rank_by or "org"
    year, rows = parts(facts, metric, dimension, query.years, [o for o in query.orgs if o != CITY])
    if not rows or year is None:
        return None
    what = f"metric:{metric}"
    work = Work(query.lang)
    if query.years and year not in query.years:
        work.say("arith_no_table_for", asked="text:" + ", ".join(map(str, query.years)), year=f"year:{year}")
    ranked = sorted(rows, key=lambda f: f.value, reverse=not query.fewest)
    chosen = ranked
    if query.threshold is not None:
        keep = [f for f in ranked if (f.value > query.threshold if query.above else f.value < query.threshold)]
        limit = f"value:{query.threshold!r}:{rows[0].unit}"
        side = "above" if query.above else "below"
        if keep:
            work.say(f"arith_threshold_head_{side}", what=f"Metric:{metric}", year=f"year:{year}", limit=limit)
        else:
            work.say(f"arith_threshold_none_{side}", year=f"year:{year}", limit=limit)
        chosen = keep
    elif (query.operation == "rank" or query.ranked) and query.both_ends:
        high, low = max(rows, key=lambda f: f.value), min(rows, key=lambda f: f.value)
        work.say("arith_both_high", what=what, year=f"year:{year}", label=f"label:{high.fact_id}",
                 fig=work.cite(high))
        work.say("arith_both_low", label=f"label:{low.fact_id}", fig=work.cite(low))
        work.say("arith_full_list")
        chosen = sorted(rows, key=lambda f: f.value, reverse=True)
    elif query.operation == "rank" or query.ranked:
        top = [f for f in ranked if f.value == ranked[0].value]
        suffix, names = names_of(top)
        work.say(f"arith_top_{'low' if query.fewest else 'high'}{suffix}", what=what, year=f"year:{year}",
                 fig=work.cite(top[0]), **names)
        work.say("arith_full_list")
    common = one_form(chosen)
    for f in chosen:
        work.say("arith_row", label=f"label:{f.fact_id}", fig=work.cite(f, common))
    if query.threshold is not None and chosen:
        _sum_and_share(query, facts, work, chosen, rows, metric, year)
    note = _scope_note(rows)
    if note:
        work.lines.append(note)
    return _done(work)


def _sum_and_share(query: Query, facts: Facts, work: Work, chosen: list[Fact], rows: list[Fact], metric: str,
                   year: int) -> None:
    if len(chosen) > 1:
        terms = " + ".join(show(f, work.lang) for f in chosen)
        comp = work.computed("sum", chosen, f"{terms} = {{result}}", chosen[0].unit)
        work.say("arith_together_work", work=work.work(comp))
    if query.operation != "share":
        return
    total = total_of(facts, rows, metric, year)
    if total is None:
        work.say("arith_no_total")
        return
    part = " + ".join(show(f, work.lang) for f in chosen)
    whole = show(total, work.lang)
    comp = work.computed("share", [*chosen, total], f"({part}) / {whole} = {{result}}", "percent")
    work.say("arith_share_of_total_work", total=work.cite(total), work=work.work(comp))


def _scope_note(rows: list[Fact]) -> Note | None:
    approx = any(f.approximate for f in rows)
    if not approx:
        return None
    return Note(key="arith_rounded_limit")


def _subject_facts(facts: Facts, query: Query, metric: str, org: str, years: list[int],
                   fund: str | None = None) -> list[Fact]:
    if fund:
        rows = facts.where(metric=metric, fund=fund, dimension="fund", year=years)
        return primary(rows, facts.unofficial)
    found = facts.select(org=org, metric=metric, years=years)
    if not found and (pair := facts.pair(org)):
        found = facts.select(org=pair, metric=metric, years=years)
    return found


def _row(fact: Fact, label: str) -> TableRow:
    """A table row by fact: compose writes its display and citation."""
    return TableRow(label=label, value=fact.value, display="", unit=fact.unit, fact_id=fact.fact_id)


def _over_years(query: Query, facts: Facts, metric: str) -> Evidence | None:
    org = query.orgs[0] if query.orgs else CITY
    found = _subject_facts(facts, query, metric, org, query.years, query.funds[0] if query.funds else None)
    years = sorted({f.year for f in found})
    if len(years) < 2:
        return None
    work = Work(query.lang)
    series = [next(f for f in found if f.year == y) for y in years]
    missing = [y for y in query.years if y not in years]
    for y, f in zip(years, series, strict=True):
        work.say("arith_year_row", year=f"year:{y}", fig=work.cite(f))
    work.table = [_row(f, str(f.year)) for f in series]
    first, last = series[0], series[-1]
    span = {"first": f"year:{first.year}", "last": f"year:{last.year}"}
    if query.operation in ("pct_change", "difference"):
        a, b = show(first, query.lang), show(last, query.lang)
        diff = work.computed("difference", [first, last], f"{b} − {a} = {{result}}", first.unit)
        work.lines.insert(0, Note(key="arith_difference", args={**span, "comp": work.comp(diff),
                                                                 "work": work.work(diff)}))
    if query.operation in ("pct_change", "difference"):
        a, b = show(first, query.lang), show(last, query.lang)
        comp = work.computed("pct_change", [first, last], f"({b} − {a}) / {a} = {{result}}", "percent")
        work.lines.insert(0, Note(key="arith_change", args={**span, "comp": work.comp(comp),
                                                             "work": work.work(comp)}))
    else:
        comp = work.computed("sum", series, " + ".join(show(f, query.lang) for f in series) + " = {result}",
                             first.unit)
        work.lines.insert(0, Note(key="arith_total_years", args={"first": f"year:{years[0]}",
                                                                  "last": f"year:{years[-1]}",
                                                                  "comp": work.comp(comp), "work": work.work(comp)}))
    if missing:  # what is missing is said first
        work.lines.insert(0, Note(key="arith_not_reported", args={"what": "text:" + ", ".join(map(str, missing))}))
    return _done(work, partial=bool(missing))


def _share_of(query: Query, facts: Facts, metric: str) -> Evidence | None:
    org = query.orgs[0] if query.orgs else CITY
    found = _subject_facts(facts, query, metric, org, query.years, query.funds[0] if query.funds else None)
    if not found:
        return None
    part = found[-1]
    if (whole := whole_of(part, facts)) is not None:
        return _share(query, part, whole, f"describe:{part.fact_id}", Note(key="arith_share_of_total"))
    name = f"fund:{part.fund}" if query.funds and part.fund else f"org:{part.org}"
    _, rows = parts(facts, metric, "fund" if query.funds else "org", [part.year])
    total = total_of(facts, rows or [part], metric, part.year)
    if total is None or total.fact_id == part.fact_id:
        return None
    return _share(query, part, total, name, Note(key="arith_share_of_subject",
                                                 args={"name": name, "year": f"year:{part.year}"}))


WHOLE_OF = {"owned_project_count": "project_count", "partner_project_count": "project_count"}


def whole_of(part: Fact, facts: Facts) -> Fact | None:
    """What a part counts out of: the projects owned or partnered out of all projects of the subject and year."""
    metric = WHOLE_OF.get(part.metric)
    if metric is None:
        return None
    same = [f for f in facts.where(metric=metric, year=part.year, org=part.org) if not f.fund and not f.goal]
    return min(same, key=lambda f: (f.approximate, f.page or 0)) if same else None


def share_of_fact(query: Query, part: Fact, facts: Facts) -> Evidence | None:
    """The share a looked-up figure (a goal's, a fund's, an organisation's) is of its table's total."""
    if (whole := whole_of(part, facts)) is not None:  # "hur stor andel av projekten ägde staden?"
        return _share(query, part, whole, f"describe:{part.fact_id}", Note(key="arith_share_of_total"))
    rows = facts.where(group=part.group, role="part") if part.group else [part]
    total = total_of(facts, rows, part.metric, part.year)
    if total is None or total.fact_id == part.fact_id:
        return None
    return _share(query, part, total, f"describe:{part.fact_id}", Note(key="arith_share_of_total"))


def _share(query: Query, part: Fact, total: Fact, name: str, heading: Note) -> Evidence:
    """A share with its work shown: the heading (its 'comp' the share), the part, the total and the division."""
    work = Work(query.lang)
    comp = work.computed("share", [part, total],
                         f"{show(part, query.lang)} / {show(total, query.lang)} = {{result}}", "percent")
    work.lines.append(heading.model_copy(update={"args": {**heading.args, "comp": work.comp(comp)}}))
    work.say("arith_named_row", name=name, fig=work.cite(part))
    work.say("arith_total_row", fig=work.cite(total))
    work.say("arith_computation", work=work.work(comp))
    return _done(work)


def _sum_of(query: Query, facts: Facts, metric: str) -> Evidence | None:
    found = [f for org in query.orgs for f in _subject_facts(facts, query, metric, org, query.years)[-1:]]
    found += [f for fund in query.funds for f in _subject_facts(facts, query, metric, CITY, query.years, fund)[-1:]]
    if len(found) < 2:
        return None
    work = Work(query.lang)
    comp = work.computed("sum", found, " + ".join(show(f, query.lang) for f in found) + " = {result}", found[0].unit)
    work.say("arith_together", comp=work.comp(comp))
    for f in found:
        work.say("arith_row_of_year", label=f"label:{f.fact_id}", year=f"year:{f.year}", fig=work.cite(f))
    work.say("arith_computation", work=work.work(comp))
    missing = [o for o in query.orgs if o not in {f.org for f in found} and facts.pair(o) not in {f.org for f in found}]
    if missing:  # what is missing is said first
        work.lines.insert(0, Note(key="arith_not_reported", args={"what": "text:" + ", ".join(map(str, missing))}))
    return _done(work, partial=bool(missing))


def _sum_table(query: Query, facts: Facts, metric: str) -> Evidence | None:
    """The sum of a table's rows, compared with the total the report states."""
    year, rows = parts(facts, metric, query.rank_by or "org", query.years)
    if len(rows) < 2 or year is None:
        return None
    work = Work(query.lang)
    comp = work.computed("sum", rows, " + ".join(show(f, query.lang) for f in rows) + " = {result}", rows[0].unit)
    work.say("arith_rows_add_up", year=f"year:{year}", comp=work.comp(comp))
    for f in rows:
        work.say("arith_row", label=f"label:{f.fact_id}", fig=work.cite(f))
    total = total_of(facts, rows, metric, year)
    if total is not None:
        gap = abs(comp.value - total.value)
        fits = gap <= max(total.precision / 2, 0.5) + sum(f.precision / 2 for f in rows)
        work.say("arith_sum_matches" if fits else "arith_sum_differs", total=work.cite(total))
    work.say("arith_computation", work=work.work(comp))
    return _done(work)


def split_sum(query: Query, facts: Facts) -> Evidence | None:
    """A fund's or goal's share of an organisation that the report gives per project only:
    the project rows of that fund or goal, summed with their operands shown."""
    metric = query.metric or "eu_funds_paid"
    family = set(query.orgs) | {p for o in query.orgs if (p := facts.pair(o))}
    fund = query.funds[0] if query.funds else None
    goal = query.goals[0] if query.goals else None
    rows = primary([f for f in facts.where(metric=metric, role="part", has=["project"])
                    if (f.org in family or f.unit_org in family) and (not query.years or f.year in query.years)
                    and (fund is None or f.fund == fund) and (goal is None or f.goal == goal)], facts.unofficial)
    if not rows or (fund is None and goal is None):
        return None
    work = Work(query.lang)
    comp = work.computed("sum", rows, " + ".join(show(f, query.lang) for f in rows) + " = {result}", rows[0].unit)
    args = {"who": f"org:{rows[0].org}", "year": f"year:{rows[0].year}", "comp": work.comp(comp)}
    if fund:
        work.say("arith_split_fund", fund=f"fund:{fund}", **args)
    else:
        work.say("arith_split_goal", goal=f"text:{goal}", **args)
    for f in rows:
        work.say("arith_project_row", project=f"text:{f.project}", fig=work.cite(f))
    work.say("arith_computation", work=work.work(comp))
    return _done(work)


def _average(query: Query, facts: Facts) -> Evidence | None:
    """'Hur mycket fick ASF per projekt i snitt 2022?': the paid EU funds over the number of projects of the same
    organisation and year, both stated in the reports, with the work shown. 'Vad fick förvaltningarna i
    genomsnitt 2022?': the mean of the table's rows per organisation."""
    if query.names or query.quantity:
        return None  # a project's or an event's average is not the organisation's
    if query.per_unit and not [o for o in query.orgs if o != CITY]:
        amount = query.metric if query.metric in ("eu_funds_paid", "project_count") else "eu_funds_paid"
        _, rows = parts(facts, amount, "org", query.years)
        if len(rows) >= MEAN_ROWS:
            work = Work(query.lang)
            shown = " + ".join(show(f, query.lang) for f in rows)
            comp = work.computed("mean", rows, f"({shown}) / {len(rows)} = {{result}}", rows[0].unit)
            work.say("arith_mean_units", comp=work.comp(comp), n=f"text:{len(rows)}", year=f"year:{rows[0].year}",
                     work=work.work(comp))
            return _with_rows(work, rows)
    org = next((o for o in query.orgs), CITY)
    amount = query.metric if query.metric in ("eu_funds_paid", "total_budget") else "eu_funds_paid"
    money = _subject_facts(facts, query, amount, org, query.years)
    counts = {f.year: f for f in _subject_facts(facts, query, "project_count", org, query.years)}
    pairs = [(m, counts[m.year]) for m in money if m.year in counts and counts[m.year].value > 0]
    if not pairs:
        return None
    work = Work(query.lang)
    for paid, count in pairs[-1:] if not query.years else pairs:
        comp = work.computed("average", [paid, count], f"{show(paid, query.lang)} / {show(count, query.lang)} = "
                             "{result}", paid.unit)
        work.say("arith_average", who=f"org:{paid.org}", year=f"year:{paid.year}", comp=work.comp(comp),
                 paid=work.cite(paid), count=work.cite(count))
    return _done(work)


def on_previous(query: Query, previous: list[Fact], earlier: list[Fact], facts: Facts) -> Evidence | None:
    """An operation a follow-up asks of the answer before ('vad blir det i snitt per förvaltning?', 'och
    sammanlagt?', 'hur mycket ökade det?'): over that answer's rows, or between its figure and the one before."""
    rows = [f for f in previous if f.role != "total" and f.unit == (previous[0].unit if previous else "")]
    rows = list({f.fact_id: f for f in rows}.values())
    work = Work(query.lang)
    if query.operation == "average" and len(rows) >= MEAN_ROWS:
        shown = " + ".join(show(f, query.lang) for f in rows)
        comp = work.computed("mean", rows, f"({shown}) / {len(rows)} = {{result}}", rows[0].unit)
        work.say("arith_mean", comp=work.comp(comp), n=f"text:{len(rows)}", work=work.work(comp))
        return _with_rows(work, rows)
    if query.operation == "average" and len(rows) == 1:
        first = rows[0]
        return _average(query.model_copy(update={"orgs": [first.org], "years": [first.year]}), facts)
    if query.operation == "sum" and len(rows) >= MEAN_ROWS:
        shown = " + ".join(show(f, query.lang) for f in rows)
        comp = work.computed("sum", rows, f"{shown} = {{result}}", rows[0].unit)
        work.say("arith_sum_previous", comp=work.comp(comp), n=f"text:{len(rows)}", work=work.work(comp))
        return _with_rows(work, rows)
    if query.operation in ("difference", "pct_change") and rows:
        now = rows[0]
        before = next((f for f in earlier if f.metric == now.metric and f.unit == now.unit and f.year != now.year
                       and f.unit_org == now.unit_org and f.fund == now.fund), None)
        if before is None and now.source != "text":  # "hur mycket ökade det?": against the year before it
            older = [f for f in facts.where(metric=now.metric, org=now.org) if f.year < now.year
                     and f.fund == now.fund and f.goal == now.goal and f.project == now.project and f.unit == now.unit]
            before = max(older, key=lambda f: (f.year, -f.approximate)) if older else None
        if before is None:
            return None
        first, last = sorted([before, now], key=lambda f: f.year)
        diff = work.computed("difference", [first, last], f"{show(last, query.lang)} − {show(first, query.lang)} = "
                             "{result}", last.unit)
        pct = work.computed("pct_change", [first, last], f"({show(last, query.lang)} − {show(first, query.lang)}) / "
                            f"{show(first, query.lang)} = {{result}}", "percent")
        work.say("arith_change_previous", diff=work.comp(diff), pct=work.comp(pct), first=work.cite(first),
                 last=work.cite(last), y0=f"year:{first.year}", y1=f"year:{last.year}", work=work.work(diff))
        return _done(work)
    return None


def _with_rows(work: Work, rows: list[Fact]) -> Evidence:
    """The work, then each row it used, cited."""
    done = _done(work)
    return done.model_copy(update={"lines": [*done.lines, *(Item(kind="fact", fact_id=f.fact_id, bullet=True)
                                                           for f in rows)]})


def finish_work(work: Work, answerer: str) -> Evidence:
    """The evidence of a work another answerer did with this module's tools."""
    return _done(work, answerer=answerer)


def _done(work: Work, *, partial: bool = False, answerer: str = "arithmetic") -> Evidence:
    return Evidence(answerer=answerer, status="partial" if partial else "answered", lines=list(work.lines),
                    table=work.table, computations=work.computations)


__all__ = ["answer", "compute", "group_thousands"]

"""Claims that are not a figure: "Stämmer det att miljöförvaltningen fick mest EU-medel 2022?",
"... främst kom från Erasmus+", "Stämmer det att Sluta skjut är ett ESF-projekt?".

A ranking claim is checked against the same table a ranking question would use (Ja when the
named organisation or fund is first, else Nej with the one that is); a fund claim about a project
against the funds its own sentences name. Both show the figures or the sentence they rest on.
"""

from __future__ import annotations

from collections.abc import Callable

from core.schemas import Answer, Query
from service.answer import arithmetic, projects
from service.answer.compose import Draft, clean
from service.answer.lookup import Facts
from service.answer.retrieve import Passage

Finish = Callable[..., Answer]


def is_rank_claim(query: Query) -> bool:
    return query.intent == "check" and query.claimed is None and ((query.ranked and not query.fewest) or query.mainly)


def rank_verdict(query: Query, facts: Facts, draft: Draft, finish: Finish) -> Answer | None:
    sv = draft.lang == "sv"
    subjects = query.funds or [o for o in query.orgs if o != "malmo_stad"]
    if not subjects:
        return None
    dimension = "fund" if query.funds else "org"
    year, rows = arithmetic.parts(facts, query.metric or "eu_funds_paid", dimension, query.years)
    if not rows or year is None or (query.years and year not in query.years):
        return None
    top = max(rows, key=lambda f: f.value)
    asked = [f for f in rows if (f.fund if query.funds else f.org) in subjects
             or (not query.funds and facts.pair(subjects[0]) == f.org)]
    holds = any(f.fact_id == top.fact_id for f in asked)
    work = arithmetic.Work(draft)
    label = arithmetic.label_of(draft, top)
    if holds:
        work.lines.append(f"Ja: {label} ligger högst {year}, {work.cite(top)}." if sv else
                          f"Yes: {label} is highest in {year}, {work.cite(top)}.")
    else:
        work.lines.append(f"Nej: högst {year} ligger {label}, {work.cite(top)}." if sv else
                          f"No: the highest in {year} is {label}, {work.cite(top)}.")
        for f in asked[:1]:
            work.lines.append(f"- {arithmetic.label_of(draft, f)}: {work.cite(f)}")
    return arithmetic.finish_work(query, draft, finish, work)


def fund_verdict(query: Query, name: str, card: projects.Card, draft: Draft, finish: Finish,
                 display: Callable[[str, str], str]) -> Answer | None:
    """'Är X ett ESF-projekt?': the funds X's own sentences name."""
    if not query.funds or not card.funds or not card.intro:
        return None
    sv = draft.lang == "sv"
    mention = next(((c, s) for c, s in card.intro if any(display(f, "sv").split(" (")[0].lower() in s.text.lower()
                                                          or f.upper() in s.text for f in card.funds)), card.intro[0])
    n = draft.cite_sentence(Passage(mention[0], 0.0, None, None), mention[1])
    actual = ", ".join(display(f, draft.lang) for f in card.funds)
    holds = bool(set(query.funds) & set(card.funds))
    head = ("Ja" if holds else "Nej") if sv else ("Yes" if holds else "No")
    text = (f"{head}: {name} finansieras enligt rapporten av {actual} [{n}]." if sv else
            f"{head}: according to the report, {name} is financed by {actual} [{n}].")
    return finish(query, draft, "answered", f"{text}\n”{clean(mention[1].text)}” [{n}]", [], [])

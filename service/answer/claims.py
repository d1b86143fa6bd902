"""Claims that are not a figure: "Stämmer det att miljöförvaltningen fick mest EU-medel 2022?",
"... främst kom från Erasmus+", "Stämmer det att Sluta skjut är ett ESF-projekt?".

A ranking claim is checked against the same table a ranking question would use (Ja when the
named organisation or fund is first, else Nej with the one that is); a fund claim about a project
against the funds its own sentences name. Both show the figures or the sentence they rest on.
"""

from __future__ import annotations

from core.entities import Registry
from core.schemas import Evidence, Fact, Item, Note, Query
from service.answer import arithmetic, projects
from service.answer.lookup import Facts, Found

SHOWN = 24  # characters of an unreadable number that the answer repeats


def unreadable(numbers: list[str]) -> Evidence:
    """A claim whose figure cannot be read ('8,3,3,3,3 miljoner'): said, with what could not be read, no verdict."""
    shown = ", ".join(f"”{n if len(n) <= SHOWN else n[:SHOWN] + '…'}”" for n in numbers)
    return Evidence(answerer="claims", status="unclear", lines=[Note(key="claim_unreadable",
                                                                      args={"numbers": f"text:{shown}"})])


def is_rank_claim(query: Query) -> bool:
    return query.intent == "check" and query.claimed is None and ((query.ranked and not query.fewest) or query.mainly)


def rank_verdict(query: Query, facts: Facts) -> Evidence | None:
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
    work = arithmetic.Work(query.lang)
    label = f"label:{top.fact_id}"
    work.say("claim_rank_yes" if holds else "claim_rank_no", label=label, year=f"year:{year}", fig=work.cite(top))
    if not holds:
        for f in asked[:1]:
            work.say("arith_row", label=f"label:{f.fact_id}", fig=work.cite(f))
    return arithmetic.finish_work(work, "claims")


def fund_verdict(query: Query, name: str, card: projects.Card, registry: Registry) -> Evidence | None:
    """'Är X ett ESF-projekt?': the funds X's own sentences name."""
    if not query.funds or not card.funds or not card.intro:
        return None
    mention = next(((c, s) for c, s in card.intro if any(registry.display(f, "sv").split(" (")[0].lower()
                                                          in s.text.lower() or f.upper() in s.text
                                                          for f in card.funds)), card.intro[0])
    chunk, sentence = mention
    holds = bool(set(query.funds) & set(card.funds))
    funds = {f"f{i}": f"fund:{f}" for i, f in enumerate(card.funds)}
    # the sentence below is the answer's first citation: nothing before it cites
    head = Note(key=f"claim_fund_{'yes' if holds else 'no'}_{len(card.funds)}",
                args={"name": f"text:{name}", "n": "text:1", **funds})
    quote = Item(kind="sentence", doc_id=chunk.doc_id, start=sentence.start, end=sentence.end,
                 chunk_id=chunk.chunk_id, section=chunk.section)
    return Evidence(answerer="claims", status="answered", lines=[head, quote])


SHARE_SLACK = 2.5  # percentage points within which a share is 'about' the claimed one ('hälften': 47,5–52,5 %)


def share_verdict(query: Query, found: Found, facts: Facts) -> Evidence | None:
    """'Hade miljönämnden hälften av alla EU-projekt 2024?', 'Stod ESF för mer än hälften?', '20 av 47 projekt
    hade staden som projektägare': the figure's share of its total, computed and shown, against the claimed share
    (more than, less than, or about it); 'N av M' also checks both figures."""
    if query.claimed_share is None or not found.exact:
        return None
    part = found.exact[0]
    if query.claimed_whole is not None and query.claimed is not None:
        return _n_of_m(query, part, facts)
    shared = arithmetic.share_of_fact(query.model_copy(update={"operation": "share"}), part, facts)
    if shared is None or not shared.computations:
        return None
    share = shared.computations[0].value
    claimed = query.claimed_share
    holds = (share > claimed if query.share_cmp == "more" else share < claimed if query.share_cmp == "less"
             else abs(share - claimed) <= SHARE_SLACK)
    head = Note(key="claim_share_yes" if holds else "claim_share_no",
                args={"share": "comp:0", "claimed": f"pct:{claimed}"})
    return shared.model_copy(update={"answerer": "claims", "lines": [head, *shared.lines]})


def _n_of_m(query: Query, part: Fact, facts: Facts) -> Evidence | None:
    """'20 av 47 projekt hade staden som projektägare': the part and the whole, each against the report."""
    wholes = [f for f in facts.where(metric="project_count", year=part.year, org=part.org)
              if part.metric in ("owned_project_count", "partner_project_count")] or [
        f for f in facts.where(metric=part.metric, year=part.year, role="total") if f.group == part.group]
    if not wholes:
        return None
    whole = wholes[0]
    part_holds = abs(part.value - (query.claimed or 0)) <= max(0.5, part.precision / 2)
    whole_holds = abs(whole.value - (query.claimed_whole or 0)) <= max(0.5, whole.precision / 2)
    key = "claim_n_of_m_yes" if part_holds and whole_holds else "claim_n_of_m_no" if not (
        part_holds or whole_holds) else "claim_n_of_m_partly"
    lines: list[Note | Item] = [Note(key=key, args={"part": f"fact:{part.fact_id}", "whole": f"fact:{whole.fact_id}"})]
    return Evidence(answerer="claims", status="answered", lines=lines)

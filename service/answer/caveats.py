"""Caveats: the checks of the reports that concern a figure an answer uses, in the answer's words and its
form of amounts; and an unlisted document that states another value for a used figure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.numbers import format_value, in_millions
from core.schemas import SLIP_KINDS, Check, Fact, Query
from service.answer.lookup import FactsById, same_unit
from service.answer.notes import percent

if TYPE_CHECKING:
    from service.answer.compose import Context, Draft


def caveat(check: Check, draft: Draft, facts_by_id: FactsById) -> str:
    """A check of the reports that touches a used figure, in words; the reports' own statements of a figure
    as they write them, sums in the answer's form."""
    if check.kind in SLIP_KINDS:
        return slip_caveat(check, draft, facts_by_id)
    if check.kind == "cross_report":
        parts = []
        for fig in check.figures:
            fact = facts_by_id.get(fig.fact_id)
            if fact is None:
                continue
            doc = draft.docs[fact.doc_id].meta.short_name
            page = draft.w("cav_page").format(page=fact.page) if fact.page else ""
            parts.append(draft.w("cav_figure").format(display=fact.display, doc=doc, page=page))
        return draft.w("cav_cross").format(parts=draft.w("and").join(parts))
    unit = "SEK" if check.metric in ("eu_funds_paid", "total_budget") else "count"
    total = facts_by_id.get(check.figures[0].fact_id)
    exact_sum = not in_millions(check.actual, approximate=False, precision=None)
    scale = "kronor" if unit == "SEK" and (draft.scale == "kronor" or exact_sum) else draft.scale
    sum_text = format_value(check.actual, unit, lang=draft.lang, scale=scale)
    total_text = format_value(total.value, total.unit, approximate=total.approximate, precision=total.precision,
                              lang=draft.lang, scale=scale) if total else format_value(check.expected, "count",
                                                                                       lang=draft.lang)
    key = "cav_overlap" if check.status == "parts_exceed_total" else "cav_mismatch"  # counted twice: no error
    return draft.w(key).format(sum=sum_text, total=total_text)


def slip_caveat(check: Check, draft: Draft, facts_by_id: FactsById) -> str:
    """A report's own slip (ingest/slips.py) that touches a used figure: the figure it is about (the used
    one when the slip names several amounts alike), where it stands, and what the slip is."""
    figures = [facts_by_id[f.fact_id] for f in check.figures if f.fact_id in facts_by_id]
    used = {f.fact_id for f in draft.used}
    alike = check.kind in ("digit_slip", "rounding_claim")  # the used amount is the one to name
    shown = next((f for f in figures if f.fact_id in used and alike), figures[0] if figures else None)
    other = next((f for f in figures if f is not shown), shown)

    def cited(fact: Fact | None) -> str:
        if fact is None:
            return ""
        page = draft.w("cav_page").format(page=fact.page) if fact.page else ""
        return draft.w("cav_figure").format(display=fact.display, doc=draft.docs[fact.doc_id].meta.short_name,
                                            page=page)

    doc = draft.docs.get(check.doc_id or "")
    page = draft.w("cav_page").format(page=check.page) if check.page else ""
    expected = (percent(check.expected, draft.lang) if check.kind == "share_vs_counts"
                else str(round(check.expected)) if check.kind == "past_target_year"  # a year
                else format_value(check.expected, "count", lang=draft.lang))
    return draft.w(f"cav_{check.kind}").format(
        figure=cited(shown), other=draft.w("cav_report_display").format(display=other.display) if other else "",
        actual=str(round(check.actual)),  # a year ('1017', '2023') or how many amounts: no thousands separator
        expected=expected, where=f"{doc.meta.short_name}{page}" if doc else "")


PARTS_USED = 2  # a table's parts-vs-total check concerns an answer that states at least this many of its parts


def concerns(check: Check, shown: set[str], answered: list[Fact], query: Query) -> bool:
    """A check concerns an answer when it compares a figure the answer shows with another report's
    (cross_report); a table's parts against its total when the answer states several of its parts (a list, a
    sum, a ranking of the table), or states the total without rows of another table: a single row is not
    affected by how the rows add up, nor is a share of the total computed from another table's rows. Parts
    that exceed their total (a project counted under several nämnder or goals, no error) concern the total
    alone only when it is checked or added up."""
    if check.kind == "cross_report" or check.kind in SLIP_KINDS:  # about the figure itself
        return any(f.fact_id in shown for f in check.figures)
    ids = {f.fact_id for f in answered}
    parts = {f.fact_id for f in check.figures[1:]}
    if len(parts & ids) >= PARTS_USED:
        return True
    other_rows = [f for f in answered if f.role == "part" and f.fact_id not in parts]
    total_alone = check.figures[0].fact_id in ids and not other_rows
    if check.status == "parts_exceed_total":
        return total_alone and (query.intent == "check" or query.operation == "sum")
    return total_alone


LABEL_PREFIX = re.compile(r"^\s*(?:obs|note|nb)\s*:\s*", re.IGNORECASE)  # the page and CLI add their own label


def unlabelled(text: str) -> str:
    text = LABEL_PREFIX.sub("", text)
    return text[:1].upper() + text[1:]



def unofficial_caveats(ctx: Context, draft: Draft) -> list[str]:
    """An unlisted document that states another value for a figure the answer uses is named."""
    out: list[str] = []
    keys = {same_unit(f): f for f in draft.used if f.doc_id not in ctx.facts.unofficial}
    if not keys or not ctx.facts.unofficial:
        return out
    for other in ctx.facts.where(doc_id=sorted(ctx.facts.unofficial), year=[f.year for f in draft.used]):
        used = keys.get(same_unit(other))
        if other.doc_id in ctx.facts.unofficial and used is not None and abs(other.value - used.value) > max(
                used.precision, other.precision) / 2:
            n = draft.cite_fact(other)  # its title can be anything: named by its citation, not in the text
            out.append(draft.w("unofficial_value").format(n=n, display=other.display))
    return out

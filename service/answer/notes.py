"""Notes written out: each argument of a note (core.schemas.Note) rendered in the answer's language and its
form of amounts, and the note as a sentence of the language pack."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.lang import phrases
from core.numbers import format_value
from core.schemas import Computation, Fact, Item, Note
from core.vocabulary import load as load_vocabulary
from service.answer.lookup import Facts

if TYPE_CHECKING:
    from service.answer.compose import Draft


def label_of(draft: Draft, fact: Fact) -> str:
    """What a table row is about: the fund, the goal, the project or the organisation."""
    if fact.dimension == "fund" and fact.fund:
        return draft.registry.display(fact.fund, draft.lang)
    if fact.dimension == "goal":
        return fact.goal_label or f"mål {fact.goal}"
    if fact.dimension == "project" and fact.project:
        return fact.project
    return draft.name(fact.org)


REF = re.compile(r"^[A-Za-z]+:")  # a table row's label may be a reference ('org:mn'); a year stays as it is


def percent(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", phrases(lang)["decimal"]) + " %"


def _relaxed(draft: Draft, rest: str) -> str:
    """How shown figures differ from the question: 'year:2021;subject:malmo_stad'."""
    out = []
    for slot in rest.split(";"):
        name, _, value = slot.partition(":")
        if name == "subject" and value in draft.registry.organisations:
            value = draft.name(value)
        elif name == "fund" and value in draft.registry.funds:
            value = draft.registry.display(value, draft.lang)
        out.append(draft.w(f"relaxed_{name}").format(value=value))
    return ", ".join(dict.fromkeys(out))


def _change(draft: Draft, facts: Facts, rest: str) -> str:
    """The signed difference of two facts: 'ca +27,9 miljoner kr'."""
    first, last = (facts.by_id[i] for i in rest.split(":"))
    diff = last.value - first.value
    sign = "+" if diff > 0 else "−" if diff < 0 else "±"
    amount = format_value(abs(diff), first.unit, approximate=first.approximate or last.approximate,
                          precision=max(first.precision, last.precision), lang=draft.lang, scale=draft.scale)
    prefix = next((p for p in ("ca ", "about ") if amount.startswith(p)), "")
    return f"{prefix}{sign}{amount.removeprefix(prefix)}"


def _names(draft: Draft, kind: str, rest: str) -> str:
    ids = [o for o in rest.split(",") if o]
    joiner = {"orgs": draft.w("and"), "orgs_or": draft.w("or")}.get(kind, ", ")
    return joiner.join(draft.name(o) for o in ids)


def _of_fact(draft: Draft, kind: str, rest: str, facts: Facts) -> str:
    fact_id, _, precision = rest.partition(":")
    fact = facts.by_id[fact_id]
    if kind == "fact":  # the figure and its citation, recorded as used
        draft.state(fact)
        return f"{draft.show(fact, float(precision) if precision else None)} [{draft.cite_fact(fact)}]"
    if kind == "show":
        return draft.show(fact)
    if kind == "showfig":
        return draft.show_figure(fact)
    if kind in ("low", "high"):  # an end of a range: the note states the range, a line of it is not repeated
        draft.written.add(fact.fact_id)
        return draft.range_ends(fact)[kind == "high"]
    if kind == "describe":
        return draft.describe(fact)
    if kind == "label":
        return label_of(draft, fact)
    if kind == "cite":
        return f"[{draft.cite_fact(fact)}]"
    raise ValueError(f"unknown reference {kind}:{rest!r}")


def render(draft: Draft, ref: str, facts: Facts, computations: list[Computation]) -> str:
    """One argument of a note in the answer's language (see core.schemas.Note)."""
    kind, _, rest = ref.partition(":")
    if kind[:1].isupper():  # 'Metric:eu_funds_paid': the same, with a capital first letter
        text = render(draft, f"{kind.lower()}:{rest}", facts, computations)
        return text[:1].upper() + text[1:]
    if kind in ("text", "year"):
        return rest
    if kind == "org":
        return draft.name(rest)
    if kind in ("orgs", "names", "orgs_or"):
        return _names(draft, kind, rest)
    if kind == "list":  # names as written in the reports: 'list:Malmö stad|Försäkringskassan'
        items = [x for x in rest.split("|") if x]
        return ", ".join(items[:-1]) + draft.w("and") + items[-1] if len(items) > 1 else "".join(items)
    if kind == "quote":  # the citation of a sentence of a document: 'quote:DOC:START:END[:CHUNK]'
        doc_id, start, end, *chunk = rest.split(":")
        item = Item(kind="sentence", doc_id=doc_id, start=int(start), end=int(end),
                    chunk_id=chunk[0] if chunk else None)
        return f"[{draft.cite_span(item)}]"
    if kind == "relaxed":
        return _relaxed(draft, rest)
    if kind == "fund":
        return draft.registry.display(rest, draft.lang)
    if kind == "metric":
        return load_vocabulary().metric_label(rest, draft.lang)
    if kind == "pct":
        return percent(float(rest), draft.lang)
    if kind == "value":
        value, _, unit = rest.partition(":")
        return format_value(float(value), unit or "SEK", lang=draft.lang)
    if kind in ("comp", "work"):
        comp = computations[int(rest)]
        return comp.display if kind == "comp" else comp.text
    if kind == "change":
        return _change(draft, facts, rest)
    return _of_fact(draft, kind, rest, facts)


def say(draft: Draft, note: Note, facts: Facts, computations: list[Computation]) -> str:
    args = {name: render(draft, ref, facts, computations) for name, ref in note.args.items()}
    text = draft.w(note.key).format(**args)
    return text[:1].upper() + text[1:] if text[:1].isalpha() else text

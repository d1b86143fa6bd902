"""What an answer shows: the facts whose figures it writes, the one form of its amounts (kronor or millions),
and its computations' work written in that form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.numbers import format_value, in_millions
from core.schemas import Computation, Evidence, Item, Note
from service.answer.lookup import Facts

if TYPE_CHECKING:
    from service.answer.compose import Draft

SHOWN_REFS = ("fact", "show", "showfig", "change", "low", "high")  # references that write a figure


def shown_ids(evidence: Evidence) -> list[str]:
    """The facts whose figures the answer writes: items, notes' figure references and table rows."""
    ids: list[str] = []
    for line in evidence.lines:
        if isinstance(line, Item) and line.kind in ("fact", "figure") and line.fact_id:
            ids.append(line.fact_id)
        elif isinstance(line, Note):
            for ref in line.args.values():
                kind, _, rest = ref.partition(":")
                if kind.lower() in SHOWN_REFS:
                    ids += rest.split(":")[:2] if kind.lower() == "change" else [rest.split(":")[0]]
    ids += [r.fact_id for r in evidence.table if r.fact_id]
    return list(dict.fromkeys(ids))


def amounts_scale(evidence: Evidence, facts: Facts) -> str | None:
    """One form for every amount of an answer: millions when each is a rounded million figure ('ca 8,3
    miljoner kr'), else kronor for all ('ca 5 900 000 kr' beside 'ca 25 660 000 kr'); None without amounts."""
    amounts = [(f.value, f.approximate, f.precision) for i in shown_ids(evidence)
               if (f := facts.by_id.get(i)) is not None and f.unit == "SEK"]
    for comp in evidence.computations:
        operands = [f for i in comp.operands if (f := facts.by_id.get(i)) is not None]
        if comp.unit == "SEK" and comp.op != "average" and operands:
            amounts.append((abs(comp.value), any(f.approximate for f in operands), max(f.precision for f in operands)))
    if not amounts:
        return None
    every_million = all(in_millions(v, approximate=a, precision=p) for v, a, p in amounts)
    return "millions" if every_million else "kronor"


WORK = {  # a computation written out from its operands' displays (d) and its result (r)
    "sum": lambda d, r: f"{' + '.join(d)} = {r}",
    "difference": lambda d, r: f"{d[1]} − {d[0]} = {r}",
    "pct_change": lambda d, r: f"({d[1]} − {d[0]}) / {d[0]} = {r}",
    "share": lambda d, r: f"{d[0] if len(d) == 2 else '(' + ' + '.join(d[:-1]) + ')'} / {d[-1]} = {r}",
    "average": lambda d, r: f"{d[0]} / {d[1]} = {r}",
}


def rewritten(comp: Computation, draft: Draft, facts: Facts) -> Computation:
    """A computation's display and work in the answer's one form of amounts (the value is the answerer's)."""
    operands = [f for i in comp.operands if (f := facts.by_id.get(i)) is not None]
    if comp.op not in WORK or len(operands) != len(comp.operands):
        return comp
    display = comp.display
    if comp.unit not in ("percent",) and comp.op != "average":
        amount = format_value(abs(comp.value), comp.unit, approximate=any(f.approximate for f in operands),
                              precision=max(f.precision for f in operands), lang=draft.lang, scale=draft.scale)
        sign = "−" if comp.value < 0 else ("+" if comp.op in ("difference", "pct_change") and comp.value > 0 else "")
        about = next((a for a in ("ca ", "about ") if amount.startswith(a)), "")
        display = f"{about}{sign}{amount[len(about):]}"
    shown = [draft.show_figure(f) if f.source == "text" else draft.show(f) for f in operands]
    return comp.model_copy(update={"display": display, "text": WORK[comp.op](shown, display)})

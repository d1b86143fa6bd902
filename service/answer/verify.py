"""Verify: every number an answer shows must equal a used fact, a figure in the quoted
text of a cited passage, a stored check's figure, or a difference of two used facts
(the change in a comparison). Years and citation markers aside. Then the match contract
(service/answer/contract.py): `check` gives both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from core.entities import Registry
from core.numbers import Figure, parse_english_figures, parse_figures, word_numbers
from core.schemas import Answer, Check, Fact
from service.answer import contract

MARKER = re.compile(r"\[\d+\]|\bs\. ?\d+(?:[–-]\d+)?|\bp\. ?\d+|\d+\(\d+\)")  # citations, page references
ORDINAL = re.compile(r"(?m)^\s*\d{1,2}\.\s")


@dataclass
class Allowed:
    values: set[float] = field(default_factory=set)

    def add(self, value: float) -> None:
        self.values.add(round(value, 2))

    def admits(self, value: float, precision: float) -> bool:
        slack = max(0.5, precision / 2)
        return any(abs(value - v) <= slack for v in self.values)


def allowed_numbers(answer: Answer, facts: list[Fact], checks: list[Check]) -> Allowed:
    allowed = Allowed()
    for fact in facts:
        allowed.add(fact.value)
        if fact.high is not None:  # a range: both its ends
            allowed.add(fact.high)
        if fact.goal and fact.goal.isdigit():
            allowed.add(float(fact.goal))
    for a in facts:
        for b in facts:
            if a.unit == b.unit and a.metric == b.metric:
                allowed.add(abs(a.value - b.value))
    for citation in answer.citations:
        for fig in parse_figures(citation.quote) + word_numbers(citation.quote):
            allowed.add(fig.value)
    for check in checks:
        for v in (check.expected, check.actual, abs(check.difference)):
            allowed.add(v)
    for value in answer.query.asked_numbers:  # the asker's own numbers, as understand read them
        allowed.add(value)
    if answer.query.claimed_share is not None:  # the share a claim states ('hälften': 50 %)
        allowed.add(answer.query.claimed_share)
    for comp in answer.computations:  # a mean or sum of n rows names n, the count of its operands
        if comp.op in ("mean", "sum"):
            allowed.add(float(len(comp.operands)))
    return allowed


QUOTED = re.compile(r"”[^”]*”")


def figures_in(text: str, lang: str) -> list[Figure]:
    """Numbers as written: Swedish style everywhere in a Swedish answer; in an English answer
    English style outside the quotes and Swedish style inside them (quotes are verbatim)."""
    if lang != "en":
        return parse_figures(text)
    quotes = " ".join(QUOTED.findall(text))
    return parse_english_figures(QUOTED.sub(" ", text)) + parse_figures(quotes)


def untraceable(text: str, allowed: Allowed, lang: str = "sv") -> list[str]:
    """Numbers in `text` that trace to nothing allowed."""
    cleaned = ORDINAL.sub(" ", MARKER.sub(" ", text))
    bad = []
    for fig in figures_in(cleaned, lang):
        if fig.is_year_like:
            continue
        if not allowed.admits(fig.value, fig.precision):
            bad.append(fig.display)
    return bad


def recomputed(answer: Answer, facts: list[Fact]) -> tuple[list[float], list[str]]:
    """Each computation redone from its operands' stored values; a mismatch is reported."""
    from service.answer.arithmetic import compute

    by_id = {f.fact_id: f for f in facts}
    values, bad = [], []
    for comp in answer.computations:
        operands = [by_id.get(i) for i in comp.operands]
        if any(o is None for o in operands):
            bad.append(f"computation {comp.op} uses a fact the answer does not cite")
            continue
        value = compute(comp.op, [o for o in operands if o is not None])
        if abs(value - comp.value) > 0.01:
            bad.append(f"computation {comp.op} gives {value}, not {comp.value}")
        values.append(value)
    return values, bad


def verify(answer: Answer, facts: list[Fact], checks: list[Check], names: Iterable[str] = ()) -> list[str]:
    """The numbers the answer shows that trace to nothing; `names` are the documents' titles and short
    names ("Redovisning 2015 nr 3"), whose digits name a document and are no figure."""
    allowed = allowed_numbers(answer, facts, checks)
    values, bad_computations = recomputed(answer, facts)
    for value in values:  # shown with a sign in front ("−79,9 %"), read back as positive
        allowed.add(value)
        allowed.add(abs(value))
    named = [n for n in sorted(set(names), key=len, reverse=True) if any(c.isdigit() for c in n)]

    def shown(text: str) -> str:
        for name in named:
            text = text.replace(name, " ")
        return text

    bad = bad_computations + untraceable(shown(answer.text), allowed, answer.lang)
    for caveat in answer.caveats:
        bad.extend(untraceable(shown(caveat), allowed, answer.lang))  # the reports' own displays stand in quotes
    for row in answer.table:
        bad.extend(untraceable(shown(row.display), allowed, answer.lang))
    return bad


@dataclass
class Report:
    """What verify found wrong with an answer: numbers that trace to nothing, and breaches of the match
    contract (an answered answer on a figure of another subject, year or fund; a partial or not-reported
    answer that does not say first what is missing)."""

    numbers: list[str]
    contract: list[str]

    def __bool__(self) -> bool:
        return bool(self.numbers or self.contract)


def check(answer: Answer, facts: list[Fact], checks: list[Check], names: Iterable[str], registry: Registry,
          texts: dict[str, str]) -> Report:
    """Numbers first; the contract only for an answer whose numbers hold (`texts`: the documents, folded)."""
    numbers = verify(answer, facts, checks, names)
    return Report(numbers, [] if numbers else contract.violations(answer, facts, registry, texts))

"""A draft's computed figure: a change between two years ('en ökning med sex projekt', 'nästan 20 miljoner
kronor mer än året innan', 'an increase of more than 30 percent') or a multiple ('mer än en fördubbling',
'tripled'), checked against the reports' own figures for the two figures the draft compares.

The operands are the draft's figures of the same unit in the sentence (and the one before) that were
found in the reports: their reported values, never the draft's, are computed with, and the computation is
shown with its operands. Without two such figures of two different years the claim is unclear, never a
guess (a change is no figure the reports state)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.numbers import Figure, format_value
from core.schemas import Fact

CHANGE_BEFORE = re.compile(r"(?:ökning|ökningen|ökade|ökat|ökar|minskning|minskningen|minskade|minskat|minskar|steg|"
                           r"sjönk|increase|increased|rose|fell|decrease|decreased|grew|dropped|up|down)\s+"
                           r"(?:med|by|of)\s+(?:(?:mer än|drygt|nästan|knappt|över|ungefär|cirka|ca|more than|"
                           r"almost|nearly|about|around|over)\s+)?$", re.IGNORECASE)
CHANGE_AFTER = re.compile(r"^\s*(?:[\wåäö\-]+\s+){0,2}(?:fler|mer|färre|mindre|more|fewer|less|higher|lower)\s+"
                          r"(?:än|than)\s+(?:året innan|året före|förra året|i fjol|(?:år\s+|in\s+)?(?:19|20)\d\d|"
                          r"the year before|the previous year|last year)", re.IGNORECASE)  # not 'än planerat'
CHANGE_LABEL = re.compile(r"\b(?:ökning|minskning|förändring|increase|decrease|change)\b[^.\n\d]{0,6}(?:(?:19|20)\d\d"
                          r"\s*[–-]\s*(?:19|20)\d\d)?\s*:?\s*[+−-]?\s*$", re.IGNORECASE)  # 'Ökning 2022–2024: +35 %'
DOWN = re.compile(r"−\s*\d|minsk|sjönk|färre|mindre|decreas|fell|fewer|less|lower|down|dropped", re.IGNORECASE)
MULTIPLE = re.compile(r"\b(?:(för|tre|fyr|fem|sex|sju|åtta|nio|tio)dubb[a-zåäö]*|(doubl|tripl|quadrupl)[a-z]*)",
                      re.IGNORECASE)
MULTIPLES = {"för": 2, "tre": 3, "fyr": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
             "doubl": 2, "tripl": 3, "quadrupl": 4}
ABOVE = re.compile(r"(?:mer än|fler än|över|drygt|more than|over|above|well over)\s+(?:en\s+|an?\s+)?$",
                   re.IGNORECASE)
BELOW = re.compile(r"(?:nästan|knappt|närmare|mindre än|almost|nearly|just under|less than)\s+(?:en\s+|an?\s+)?$",
                   re.IGNORECASE)
SLACK = 0.1  # a multiple or a percentage change stated without 'mer än'/'nästan' is right within this share


@dataclass
class Operand:
    """A figure of the draft found in the reports: the reported value it is computed with, and its fact."""

    value: float
    display: str
    year: int | None
    unit: str
    citations: list[dict[str, Any]]
    fact: Fact | None = None
    here: bool = True  # in the change's own sentence (else the sentence before)


@dataclass
class Computed:
    verdict: str  # correct, rounded, deviates; "unclear" when the operands are not there
    value: float | None = None
    display: str | None = None
    operation: str = ""  # '60 (2024) − 54 (2023) = 6'
    citations: list[dict[str, Any]] | None = None


def series(fact: Fact) -> tuple[Any, ...] | None:
    """What a fact is a value of, whatever its year (None for a figure of running text: no series)."""
    if fact.metric == "figure":
        return None
    return (fact.unit_org, fact.metric, fact.unit, fact.fund, fact.goal, fact.project, fact.category,
            fact.stated_role)


def multiples(sentence: str) -> list[Figure]:
    """'fördubbling', 'sexdubblats', 'tripled' as figures (2, 6, 3) of a sentence."""
    out = []
    for m in MULTIPLE.finditer(sentence):
        value = MULTIPLES[(m.group(1) or m.group(2)).lower()]
        out.append(Figure(value=float(value), money=False, approximate=False, qualifier=None, precision=1.0,
                          start=m.start(), end=m.end(), display=m.group(), bare=False))
    return out


def kind(sentence: str, fig: Figure) -> str | None:
    """'multiple', 'percent' (a change in per cent), 'difference', or None for a figure that is no change."""
    if MULTIPLE.fullmatch(fig.display):
        return "multiple"
    before, after = sentence[max(0, fig.start - 60):fig.start], sentence[fig.end:]
    if CHANGE_BEFORE.search(before) or CHANGE_LABEL.search(before):
        return "percent" if re.match(r"^\s*(?:%|procent|percent|per cent)", after, re.IGNORECASE) else "difference"
    if CHANGE_AFTER.match(after):
        return "difference"
    return None


def _bound(sentence: str, fig: Figure) -> str:
    before = sentence[max(0, fig.start - 30):fig.start]
    return "above" if ABOVE.search(before) or fig.qualifier in ("drygt", "över") else (
        "below" if BELOW.search(before) or fig.qualifier in ("nästan", "knappt") else "about")


def _within(claimed: float, computed: float, bound: str, step: float) -> str | None:
    """correct/rounded when the computed value bears out the claim said with its bound, else None."""
    if bound == "above":
        return "correct" if computed > claimed else None
    if bound == "below":
        return "correct" if claimed * (1 - SLACK) <= computed < claimed else None
    if abs(computed - claimed) <= 0.5:
        return "correct"
    return "rounded" if abs(computed - claimed) <= max(step / 2, SLACK * abs(claimed)) else None


def compute(sentence: str, fig: Figure, how: str, unit: str, operands: list[Operand], lang: str,
            counterpart: Callable[[Fact, int], Operand | None]) -> Computed:
    """The claim of a change figure against the reports' values of the two figures the draft compares:
    the figure nearest before it (of the unit a difference is in) and the same series' value of the year
    it is compared with (the draft's figure of that year when it is of the same series, else the reports')."""
    usable = [o for o in operands if o.year is not None and (how != "difference" or o.unit == unit)]
    if not usable:
        return Computed("unclear")
    then = _compared_year(sentence, fig, max(o.year or 0 for o in usable))
    here = [o for o in usable if o.here and o.year != then]  # the sentence's own figures come first
    pool = here or [o for o in usable if not o.here]  # 'Since 2019, when … SEK 25 million, … tripled'
    if not pool:
        return Computed("unclear")
    latest = [o for o in pool if o.year == max(p.year or 0 for p in pool)]
    if how != "difference" and len({o.unit for o in latest}) > 1:
        latest = [o for o in latest if o.unit in ("SEK", "EUR")] or latest  # '25,7 mkr i elva projekt – mer än
        # tredubbling': money grows by multiples in these reports, counts are said with their noun
    new = latest[-1]
    if not here and len({series(o.fact) if o.fact else o.display for o in latest}) > 1:
        return Computed("unclear")  # 'Ökning: +35 %' after '63 projekt, 9 nämnder': a change of which?
    usable = [o for o in usable if o.unit == new.unit]
    then = _compared_year(sentence, fig, new.year or 0)
    older = [o for o in usable if o.year is not None and o.year < (new.year or 0) and (then is None or o.year == then)
             and (o.fact is None or new.fact is None or series(o.fact) == series(new.fact))]
    old = older[-1] if older else (counterpart(new.fact, then) if new.fact is not None and then is not None else None)
    span = SPAN.search(sentence)
    if old is None and span is not None and new.fact is not None and new.year is not None:
        # 'in 2019 … SEK 25 million …, so payments have tripled in five years': 2019 is the start
        later = counterpart(new.fact, new.year + (SPANS.get(span.group(1).lower()) or int(span.group(1))))
        old, new = (new, later) if later is not None else (None, new)
    if old is None:
        return Computed("unclear")
    if how == "multiple":
        value, operation = (new.value / old.value if old.value else 0.0), "{n} ({ny}) / {o} ({oy}) = {v}"
    elif how == "percent":
        value = (new.value - old.value) / old.value * 100 if old.value else 0.0
        operation = "({n} ({ny}) − {o} ({oy})) / {o} = {v}"
    else:
        value, operation = new.value - old.value, "{n} ({ny}) − {o} ({oy}) = {v}"
    down = bool(DOWN.search(sentence[max(0, fig.start - 60):fig.end + 30]))
    signed = -value if down and how != "multiple" else value
    ok = _within(fig.value, signed, _bound(sentence, fig), fig.precision) if signed >= 0 or how == "multiple" else None
    shown = _shown(value, how, new.unit, lang)
    return Computed(ok or "deviates", value, shown,
                    operation.format(n=_said(new, lang), ny=new.year, o=_said(old, lang), oy=old.year, v=shown),
                    [*new.citations[:1], *old.citations[:1]])


THEN = re.compile(r"(?:sedan|jämfört med|än|från|since|compared with|compared to|than|from|in)\s+(?:år\s+|in\s+)?"
                  r"((?:19|20)\d\d)\b", re.IGNORECASE)
YEAR_BEFORE = re.compile(r"\b(?:året innan|året före|förra året|i fjol|föregående år|the year before|the previous year|"
                         r"last year)\b", re.IGNORECASE)


SPAN = re.compile(r"\b(?:på|under|in|over|within)\s+(två|tre|fyra|fem|sex|two|three|four|five|six|\d)\s+(?:år|years)\b",
                  re.IGNORECASE)
SPANS = {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _compared_year(sentence: str, fig: Figure, year: int) -> int | None:
    """The year a change compares with: 'sedan 2019', 'än året innan' (the year before), else the one
    other year the sentence names; None when the sentence does not say."""
    if then := [int(m.group(1)) for m in THEN.finditer(sentence) if int(m.group(1)) != year]:
        return then[0]
    if m := SPAN.search(sentence):  # 'mer än fördubblats på två år'
        return year - (SPANS.get(m.group(1).lower()) or int(m.group(1)))
    if YEAR_BEFORE.search(sentence):
        return year - 1
    others = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", sentence)} - {year}
    return others.pop() if len(others) == 1 else None


def _said(o: Operand, lang: str) -> str:
    """An operand as the report writes it; in English, its value in English form."""
    if lang != "en":
        return o.display
    return format_value(o.value, o.unit, approximate=bool(o.fact and o.fact.approximate),
                        precision=o.fact.precision if o.fact else None, lang=lang)


def _shown(value: float, how: str, unit: str, lang: str) -> str:
    if how == "multiple":
        return f"{value:.1f}".replace(".", "," if lang == "sv" else ".")
    if how == "percent":
        return format_value(round(value, 1), "percent", lang=lang) + " %"
    return format_value(value, unit, lang=lang)


__all__ = ["Computed", "Operand", "compute", "kind", "multiples", "series"]

"""Ranges: two figures of running text that state one span ("från 70 000 kronor för mindre
Erasmus-projekt till 220 000 000 kronor", "mellan cirka 250 000 SEK till 15 000 000 SEK",
"20 - 30 procent") -> one pair (low, high) in one unit, stored as one figure with both ends.

An age or a class ("18–29 år", "åk 7–9") is no range of a figure: a dash joins two ends only
when a unit of amount follows the second (kronor, procent, euro, miljoner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.numbers import Figure

# right before the low end ("cirka" is in it)
OPEN = re.compile(r"\b(från|fran|mellan|between|from)\s+$", re.IGNORECASE)
CHANGE = re.compile(r"\b(?:ökat|ökade|ökar|minskat|minskade|minskar|gått|gick|steg|stigit|sjönk|sjunkit|höjts|"
                    r"sänkts|förändrats)\b", re.IGNORECASE)  # "ökat från 47 till 51": a change, no range
GAP = re.compile(r"^[^.;:()\d]{0,60}?\s(till|och|to|and)\s+(?:uppemot\s+|upp\s+till\s+)?$", re.IGNORECASE)
UNIT_ONLY = re.compile(r"^\s*(?:(?:kronor|kr|sek|mkr|miljoner|procent|per cent|percent|%|euro|eur)\s+)?"
                       r"(?:och|till|and|to)\s+$", re.IGNORECASE)
DASH = re.compile(r"^\s*[–-]\s*$")
AMOUNT_AFTER = re.compile(r"^\s*(?:%|procent|euro|eur\b|€|kronor|kr\b|sek\b)", re.IGNORECASE)
GAP_WORDS = 8  # words between the two ends ("kronor för mindre Erasmus-projekt till")


@dataclass(frozen=True)
class Span:
    """Two figures of one sentence that are the ends of one range; `scale` is the multiplier the low end takes
    from the high one ("mellan 2 och 5 miljoner": 2 is 2 miljoner)."""

    low: Figure
    high: Figure
    scale: float = 1.0

    @property
    def low_value(self) -> float:
        return self.low.value * self.scale


def _multiplier(fig: Figure) -> float:
    """The multiplier a figure was written with (5 for '5 miljoner' gives 1 000 000)."""
    digits = re.match(r"(?:\D*?)(\d[\d \u00a0]*(?:,\d+)?)", fig.display)
    if not digits:
        return 1.0
    written = float(digits.group(1).replace(" ", "").replace("\u00a0", "").replace(",", "."))
    return fig.value / written if written else 1.0


def _joined(sentence: str, low: Figure, high: Figure) -> bool:
    between = sentence[low.end:high.start]
    if DASH.match(between):
        return bool(AMOUNT_AFTER.match(sentence[high.end:]) or high.money)
    before = sentence[:low.start]
    opened, gap = OPEN.search(before), GAP.match(between)
    if opened is None or gap is None or len(between.split()) > GAP_WORDS:
        return False
    if opened.group(1).lower() in ("mellan", "between"):  # "mellan X och Y"; not "mellan 3 skolor och"
        return bool(UNIT_ONLY.match(between))
    return gap.group(1).lower() in ("till", "to") and not CHANGE.search(before)  # "från X till Y", not "ökat från X"


def spans(sentence: str, figures: list[Figure]) -> list[Span]:
    """The ranges a sentence states among its figures (in order, none of them a year)."""
    ordered = sorted((f for f in figures if not f.is_year_like), key=lambda f: f.start)
    out: list[Span] = []
    used: set[int] = set()
    for low, high in zip(ordered, ordered[1:], strict=False):
        if low.start in used or not _joined(sentence, low, high):
            continue
        scale = _multiplier(high) if low.bare and low.value * _multiplier(high) <= high.value else 1.0
        if low.value * scale >= high.value:
            continue  # "från 60 till 40": no range
        out.append(Span(low, high, scale))
        used.update((low.start, high.start))
    return out


__all__ = ["Span", "spans"]

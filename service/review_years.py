"""Granska text: the year each figure of a draft speaks of (its own, one bound to a figure before it, the
sentence's, the draft's running year, moved by 'året innan' or set by 'i dag'), and the year a draft is about."""

from __future__ import annotations

import re
from collections import Counter

from core.entities import fold
from core.numbers import Figure, years_in
from service.answer.understand import STEP
from service.review_figures import CLAUSE_BREAK, STEPS, YEARS_STEP, clause_of

BOUND_WORDS = 3  # a year this few words after a figure is that figure's ('54 projekt 2023')


def _bound_years(sentence: str, figs: list[Figure]) -> tuple[dict[int, int], list[tuple[int, int]]]:
    """Each figure's own year (written right after it) and the sentence's other years (year, position)."""
    years = [(y, at) for y, at in _free_years(sentence) if not any(f.start <= at < f.end for f in figs)]
    bound: dict[int, int] = {}
    taken: set[int] = set()
    for i, fig in enumerate(figs):
        for year, at in years:
            gap = sentence[fig.end:at]
            label = sentence[at + 4:at + 5] == ":"  # '2024: 5,9 mkr': the year of what follows
            compared = COMPARED_BEFORE.search(sentence[max(0, at - 20):at])  # 'sexdubbling jämfört med 2022 då …'
            if (at >= fig.end and at not in taken and len(gap.split()) <= BOUND_WORDS and not label and not compared
                    and not re.search(r"[,.;:|–—•]", gap)):
                bound[i] = year
                taken.add(at)
                break
    return bound, [(y, at) for y, at in years if at not in taken]


def figure_years(sentence: str, figs: list[Figure], running: int | None,
                  latest: int | None = None) -> tuple[list[int | None], int | None]:
    """The year each figure of a sentence speaks of, and the sentence's topic year for the ones after.
    A figure's own year; else the nearest free year before it in the sentence; else the running year of
    the draft; a clause saying 'året innan/efter' moves that one year."""
    bound, free = _bound_years(sentence, figs)
    if latest is not None and (m := LAST_YEAR.search(sentence)):
        free = sorted([*free, (latest, m.start())], key=lambda ya: ya[1])  # a speech's 'förra året': the last report
    topical = [(y, at) for y, at in free if not COMPARED_BEFORE.search(sentence[max(0, at - 20):at])
               and sentence[at + 4:at + 5] != ":"]  # '60 (2023: 54)': a label's year is what follows it
    topic = topical[0][0] if topical else None  # 'Jämfört med 2019, då …' speaks of 2019 only there
    opening = CLAUSE_BREAK.split(sentence, maxsplit=1)[0]
    lead = step_of(opening) if not free else 0  # 'Året efter sjönk beloppet …, fördelat på åtta projekt'
    if lead and running is not None:
        topic = running + lead  # and 'Förvaltningen var då …' after it
    out: list[int | None] = []
    for i, fig in enumerate(figs):
        if i in bound:
            out.append(bound[i])
            continue
        clause = clause_of(sentence, fig)
        at = sentence.find(clause)
        own = [y for y, pos in free if at <= pos < at + len(clause)]  # a year of the figure's own clause
        before = [y for y, pos in sorted([*free, *((bound[j], figs[j].end) for j in bound if j < i
                                                    and not FRAME_SHIFT.search(sentence[figs[j].end:fig.start]))],
                                         key=lambda yp: yp[1]) if pos < fig.start]  # '14 projekt under 2022 och
        # fick 2,7 miljoner': the year of a figure before it, unless a change or comparison lies between
        base = before[-1] if before else (topic if topic is not None and not _stepped(sentence, fig) else running)
        if base is not None and not own:
            base += step_of(clause) or (lead if not before and base == running else 0)  # 'up from 54 the year before'
        if not own and latest is not None and TODAY.search(clause):
            base = latest  # 'och i dag är det bara nio nämnder': the latest report's
        out.append(base)
    return out, topic


TODAY = re.compile(r"\b(?:i dag|idag|numera|för närvarande|today|currently|at present)\b", re.IGNORECASE)


NOW = re.compile(r"^\W*(?:nu|numera|i år|idag|i dag|now|this year|today)\b", re.IGNORECASE)


FRAME_SHIFT = re.compile(r"\b(?:till|to|jämfört|compared|än|than|mot|versus|medan|while|whereas|up from|från|from|"
                         r"sedan|since)\b", re.IGNORECASE)


def _stepped(sentence: str, fig: Figure) -> bool:
    return step_of(clause_of(sentence, fig)) != 0


COMPARED_WITH = re.compile(r"\b(?:an|than|jamfort med|compared (?:with|to)|mot)\s+$")  # folded text


def step_of(clause: str) -> int:
    """Years a clause moves from the year before it: 'året innan' -1, 'två år senare' +2, else 0. A year
    compared with ('sex fler än året innan') is no move: the clause speaks of the year it is in."""
    if (m := YEARS_STEP.search(clause)) and COMPARED_WITH.search(fold(clause[:m.start()])):
        return 0
    if (shift := STEP.search(fold(clause))) and COMPARED_WITH.search(fold(clause)[:shift.start()]):
        return 0
    if m := YEARS_STEP.search(clause):
        n, way = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        size = STEPS.get(n.lower()) or int(n)
        return -size if way.lower() in ("tidigare", "innan", "före", "earlier", "before") else size
    if shift := STEP.search(fold(clause)):
        return -1 if re.search(r"innan|fore|before|previous", shift.group()) else 1
    if re.search(r"\b(?:året därpå|året därefter|följande år|nästa år|the following year)\b", clause, re.IGNORECASE):
        return 1
    return 0


MONTH_BEFORE = re.compile(r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
                          r"december|january|february|march|may|june|july|august|october)\s*$", re.IGNORECASE)


COMPARED_BEFORE = re.compile(r"(?:sedan|jämfört med|jämfört med år|än|since|compared with|compared to|than|"
                             r"from|från|mot)\s+(?:år\s+)?$", re.IGNORECASE)


LAST_YEAR = re.compile(r"\b(?:förra året|i fjol|fjolårets|last year)\b", re.IGNORECASE)


def _free_years(text: str) -> list[tuple[int, int]]:
    """Years written in a text that are no dates ('den 18 oktober 2023')."""
    return [(y, at) for y, at in years_in(text) if not MONTH_BEFORE.search(text[max(0, at - 12):at])]


def dominant_year(text: str, latest: int | None = None) -> int | None:
    """The year a draft is mostly about: its most written year (not dates; a speech's 'förra året' the last
    report's), the first of equals."""
    written = sorted(_free_years(text) + ([(latest, m.start()) for m in LAST_YEAR.finditer(text)] if latest else []),
                     key=lambda ya: ya[1])
    years = Counter(y for y, _ in written)
    first = {y: -i for i, (y, _) in reversed(list(enumerate(written)))}
    return max(years, key=lambda y: (years[y], first[y])) if years else None

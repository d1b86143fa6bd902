"""Granska text: the figure claims of a draft's sentences (amounts, counts, shares, written-out numbers,
'ett fyrtiotal'), not dates, pages, phone or case numbers, and the clause each stands in."""

from __future__ import annotations

import re

from core.entities import fold
from core.lang import cue
from core.numbers import MULTIPLIERS, NUMBER_RUN, Figure, typed_figures, word_numbers
from service.answer.understand import FRACTIONS

# or abbreviation ('ca. 20', 'kr per år'; 'kr. Malmö …' ends the sentence)
NOT_A_CLAIM = re.compile(r"(?:\b(?:stk|dnr|diarienummer|s|sid|sidan|page|p|tel|tfn|telefon|bild|slide|kapitel|"
                         r"avsnitt|punkt|nr|steg|fråga|bilaga|appendix|chapter|section)\.?|§)[\s\-:]*$",
                         re.IGNORECASE)  # what comes right before a number that is no figure


DATE_AFTER = re.compile(r"^\s*(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
                        r"december|january|february|march|june|july|august|october)\b", re.IGNORECASE)


PHONE = re.compile(r"(?:\+46\s?|\b0)\d{1,3}[-–\s]\d{2,3}(?:\s?\d{2}){2,3}\b")  # "040-34 10 00"


EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "eleven": 11, "twelve": 12, "fifteen": 15}


EN_NUMBER = re.compile(r"\b(" + "|".join(EN_NUMBERS) + r")\b", re.IGNORECASE)


SHARES = ("share_half", "share_third", "share_quarter", "share_two_thirds", "share_three_quarters")


def english_word_numbers(text: str) -> list[Figure]:
    return [Figure(value=float(EN_NUMBERS[m.group().lower()]), money=False, approximate=False, qualifier=None,
                   precision=1.0, start=m.start(), end=m.end(), display=m.group(), bare=True)
            for m in EN_NUMBER.finditer(text)]


TENS = {"tio": 10, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
        "nittio": 90, "hundra": 100, "tusen": 1000}


TAL = re.compile(r"\b(?:ett\s+)?(" + "|".join(TENS) + r")tal(?:et|s)?\b", re.IGNORECASE)  # 'ett fyrtiotal'


SV_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
           "nittio": 90}


SV_UNITS = {"ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}


SV_TEENS = {"sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19}


EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
           "ninety": 90}


EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


EN_TEENS = {"thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}


COMPOUND = {
    "sv": re.compile(r"\b(?:(" + "|".join(SV_TENS) + r")(" + "|".join(SV_UNITS) + r")?|(" + "|".join(SV_TEENS)
                     + r"))\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:(" + "|".join(EN_TENS) + r")(?:[-\s](" + "|".join(EN_UNITS) + r"))?|(" + "|".join(EN_TEENS)
                     + r"))\b", re.IGNORECASE)}


def compound_numbers(sentence: str, lang: str) -> list[Figure]:
    """'sextio', 'femtiofyra', 'tjugosex', 'Thirty-four', 'nineteen': numbers written out beyond the twelve
    the reports use ('tjugo' alone is read with those)."""
    tens, units, teens = (EN_TENS, EN_UNITS, EN_TEENS) if lang == "en" else (SV_TENS, SV_UNITS, SV_TEENS)
    out = []
    for m in COMPOUND["en" if lang == "en" else "sv"].finditer(sentence):
        ten, unit, teen = (g.lower() if g else None for g in m.groups())
        if ten == "tjugo" and unit is None and lang != "en":
            continue
        value = teens[teen] if teen else tens[ten or ""] + (units[unit] if unit else 0)
        out.append(Figure(value=float(value), money=False, approximate=False, qualifier=None, precision=1.0,
                          start=m.start(), end=m.end(), display=m.group(), bare=True))
    return out


def about_numbers(sentence: str) -> list[Figure]:
    """'ett fyrtiotal ungdomar', 'tjugotalet', 'ett hundratal elever': about so many, to the nearest ten."""
    return [Figure(value=float(TENS[m.group(1).lower()]), money=False, approximate=True, qualifier="ca",
                   precision=float(TENS[m.group(1).lower()]) if TENS[m.group(1).lower()] >= 100 else 10.0,
                   start=m.start(), end=m.end(), display=m.group(), bare=False)
            for m in TAL.finditer(sentence)]


def share_figures(sentence: str) -> list[Figure]:
    """'drygt hälften', 'mindre än en tredjedel', 'more than half': a share a draft states, in percent."""
    folded = fold(sentence)
    out = []
    for name in SHARES:
        for m in cue(name).finditer(folded):
            start = m.start()
            for mod in (*cue("share_more").finditer(folded[:start]), *cue("share_less").finditer(folded[:start])):
                if not folded[mod.end():start].strip(" ") or folded[mod.end():start].strip() in ("en", "a"):
                    start = min(start, mod.start())
            out.append(Figure(value=FRACTIONS[name], money=False, approximate=True, qualifier=None, precision=1.0,
                              start=start, end=m.end(), display=sentence[start:m.end()], bare=False))
    return out


def is_share(fig: Figure) -> bool:
    return not any(ch.isdigit() for ch in fig.display) and any(cue(n).search(fold(fig.display)) for n in SHARES)


NEAR = 40  # characters around a number that tell whether it is a claim (a page, a date, a list's number)


def unreadable_of(sentence: str, lang: str) -> list[tuple[int, int]]:
    """Numbers a draft writes that cannot be read as one ('8,3,3,3,3 miljoner'): never judged as the figure
    they start with."""
    figures = typed_figures(sentence, lang).figures
    return [(m.start(), m.end()) for m in NUMBER_RUN.finditer(sentence)
            if not any(f.start <= m.start() and m.end() <= f.end for f in figures)
            and not NOT_A_CLAIM.search(sentence[max(0, m.start() - NEAR):m.start()])
            and not re.match(r"^[-/]\d", sentence[m.end():m.end() + 2])]


def figures_of(sentence: str, lang: str, names: list[tuple[int, int]] | None = None) -> list[Figure]:
    """The figure claims of a sentence: no year that is a date, no diarienummer, page, phone or day of a month,
    no number inside a name (`names`: spans of project names, 'Malmökraften 2.0')."""
    words = english_word_numbers(sentence) if lang == "en" else word_numbers(sentence)
    found = sorted(typed_figures(sentence, lang).figures + words + share_figures(sentence) + about_numbers(sentence)
                   + compound_numbers(sentence, lang), key=lambda f: (f.start, -f.end))  # the longest reading
    out: list[Figure] = []
    phones = [(m.start(), m.end()) for m in PHONE.finditer(sentence)] + list(names or [])
    phones += [(m.start(), m.end()) for m in YEARS_STEP.finditer(sentence)]  # 'två år tidigare' counts no thing
    for fig in found:
        if any(a <= fig.start < b for a, b in phones):
            continue
        before, after = sentence[max(0, fig.start - NEAR):fig.start], sentence[fig.end:fig.end + NEAR]
        numbered = fig.start < NEAR and not before.strip(" •-*") and re.match(r"^[.)]\s", after)  # '1. Inledning'
        if (fig.is_year_like or NOT_A_CLAIM.search(before) or DATE_AFTER.match(after) or re.match(r"^[-/]\d", after)
                or numbered):
            continue
        if out and fig.start < out[-1].end:  # sorted by start: only the last kept one can overlap
            continue
        out.append(fig)
    return out


CLAUSE_BREAK = re.compile(r",\s+|;\s*|\s+[–—|]\s+|(?<!-)\s+(?:och|samt|men|medan|jämfört med|mot|varav|and|but|"
                          r"while|compared with|compared to|against|of which)\s+", re.IGNORECASE)  # not after a hyphen


WORD_MULTIPLIER = re.compile(r"^\s+(miljoner|miljon|miljarder|tusen)\b(\s*(?:kronor|kr\b))?", re.IGNORECASE)


MONEY_WORDS = {"miljoner", "miljon", "miljarder"}  # counts in millions are not in these reports


def clause_of(sentence: str, fig: Figure) -> str:
    """The clause of a sentence that holds a figure: between the breaks around it."""
    cuts = [0, *(m.end() for m in CLAUSE_BREAK.finditer(sentence) if m.end() <= fig.start), len(sentence)]
    start = max(c for c in cuts if c <= fig.start)
    end = next((m.start() for m in CLAUSE_BREAK.finditer(sentence) if m.start() >= fig.end), len(sentence))
    return sentence[start:end]


def with_multipliers(sentence: str, figs: list[Figure]) -> list[Figure]:
    """'sex miljoner kronor': a written-out number with a multiplier is one amount."""
    out = []
    for fig in figs:
        m = WORD_MULTIPLIER.match(sentence[fig.end:])
        if fig.bare and fig.display.isalpha() and m:
            scale = MULTIPLIERS[m.group(1).lower()]
            fig = Figure(value=fig.value * scale, money=bool(m.group(2)) or m.group(1).lower() in MONEY_WORDS,
                         approximate=True, qualifier=fig.qualifier, precision=scale, start=fig.start,
                         end=fig.end + m.end(), display=sentence[fig.start:fig.end + m.end()], bare=False)
        out.append(fig)
    return out


YEARS_STEP = re.compile(r"\b(två|tre|fyra|2|3|4|two|three|four)\s+år\s+(tidigare|senare|innan|efter|före)\b|"
                        r"\b(two|three|four|2|3|4)\s+years\s+(earlier|later|before|after)\b", re.IGNORECASE)


STEPS = {"två": 2, "tre": 3, "fyra": 4, "two": 2, "three": 3, "four": 4}

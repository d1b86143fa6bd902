"""Swedish figures as the reports write them: "1 680 158 SEK", "ca 8,3 miljoner kr",
"25 mkr", "cirka 22,5 miljoner kronor", "ett 30-tal", "nio".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

QUALIFIERS = r"ca\.?|cirka|drygt|knappt|omkring|ungefär|närmare|över|nästan|runt"
REPORT_NUMBER = r"\d{1,4}(?:[ \u00a0]\d{3})*(?:,\d+)?"  # '1 680 158', '8,3': digits as the reports group them
# a question may also write '8309537' without spaces, and a decimal point ('17.6 %'; '8.300' stays unread)
TYPED_NUMBER = rf"\d{{5,}}(?:,\d+)?|\d+\.\d{{1,2}}(?!\d)|{REPORT_NUMBER}"


def _figure_pattern(number: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?P<qual>\b(?:{QUALIFIERS}))\s+(?:[+−±]\s?)?)?"  # 'ca +27 900 000 kr': a rounded change
        rf"(?<![\d,.\-/])(?!(?:19|20)\d\d[ \u00a0]\d{{3}}(?!\d))(?P<num>{number})"
        r"(?![\d/]|-(?!tal)|\.\d)"
        r"(?P<tal>-tal)?"
        r"(?:\s*(?P<mult>miljoner|miljon|mnkr|mkr|msek|mdkr|miljarder|tkr|tusen)\b)?"
        r"(?:\s*(?P<cur>kronor|kr\b\.?|SEK\b))?",
        re.IGNORECASE,
    )


FIGURE = _figure_pattern(REPORT_NUMBER)
TYPED_FIGURE = _figure_pattern(TYPED_NUMBER)
# digits joined by commas or points ('8,3', '1,680,158', '8,3,3,3,3'), or a long run of digits: a number as typed
NUMBER_RUN = re.compile(r"(?<![\w,.])(?:\d+(?:[,.]\d+)+|\d{5,})(?!\w)")
WORD_NUMBERS = {
    "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
    "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "tjugo": 20,
}
WORD_NUMBER = re.compile(r"\b(" + "|".join(WORD_NUMBERS) + r")\b", re.IGNORECASE)
MULTIPLIERS = {
    "miljoner": 1e6, "miljon": 1e6, "mnkr": 1e6, "mkr": 1e6, "msek": 1e6,
    "mdkr": 1e9, "miljarder": 1e9, "tkr": 1e3, "tusen": 1e3,
}
MONEY_MULTIPLIERS = {"mnkr", "mkr", "msek", "mdkr", "tkr"}
YEAR = re.compile(r"(?<![\d\-])((?:19|20)\d{2})(?![\d\-])")
RANGE_JOIN = " – "  # between the two ends of a range as shown: "70 000 kronor – 220 000 000 kronor"


@dataclass(frozen=True)
class Figure:
    value: float
    money: bool  # written with a currency or a money unit
    approximate: bool
    qualifier: str | None
    precision: float
    start: int
    end: int
    display: str
    bare: bool  # a plain integer without unit, multiplier or qualifier

    @property
    def is_year_like(self) -> bool:
        return self.bare and 1900 <= self.value <= 2100 and float(self.value).is_integer()


def parse_figures(text: str) -> list[Figure]:
    """The figures of a text written the way the reports write them."""
    return _read(FIGURE, text)


def _read(pattern: re.Pattern[str], text: str) -> list[Figure]:
    out = []
    for m in pattern.finditer(text):
        num = m.group("num")
        digits = num.replace(" ", "").replace("\u00a0", "").replace(".", ",")  # a typed decimal point
        value = float(digits.replace(",", "."))
        mult_word = (m.group("mult") or "").lower()
        multiplier = MULTIPLIERS.get(mult_word, 1.0)
        qual = m.group("qual")
        decimals = len(digits.split(",")[1]) if "," in digits else 0
        approximate = bool(qual or m.group("tal") or multiplier > 1)
        if decimals:
            precision = 10.0 ** (-decimals) * multiplier
        elif approximate:
            integer = digits.rstrip("0")
            precision = 10.0 ** (len(digits) - len(integer)) * multiplier if integer else multiplier
        else:
            precision = 1.0
        money = bool(m.group("cur")) or mult_word in MONEY_MULTIPLIERS
        bare = not (qual or m.group("tal") or mult_word or m.group("cur"))
        out.append(
            Figure(
                value=round(value * multiplier, 2), money=money, approximate=approximate,
                qualifier=(qual or "").lower().rstrip(".") or None, precision=precision,
                start=m.start(), end=m.end(), display=m.group().strip(), bare=bare,
            )
        )
    return out


def word_numbers(text: str) -> list[Figure]:
    return [
        Figure(
            value=float(WORD_NUMBERS[m.group().lower()]), money=False, approximate=False, qualifier=None,
            precision=1.0, start=m.start(), end=m.end(), display=m.group(), bare=True,
        )
        for m in WORD_NUMBER.finditer(text)
    ]


def years_in(text: str) -> list[tuple[int, int]]:
    """(year, position) for each four-digit year, skipping dates and case numbers."""
    return [(int(m.group(1)), m.start()) for m in YEAR.finditer(text)]


def group_thousands(value: float) -> str:
    """1680158 -> '1 680 158' (Swedish: space as thousands separator, comma for decimals)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.1f}".replace(",", " ").replace(".", ",")


MILLION = 1e6
MILLIONS_PRECISION = 100_000  # a figure given to the hundred thousand (or coarser) is written in millions
SCALES = ("kronor", "millions")


def in_millions(value: float, *, approximate: bool, precision: float | None) -> bool:
    """Whether an amount is written in millions ('ca 8,3 miljoner kr'): rounded, at least a million, and
    given to the hundred thousand or coarser (None: any precision)."""
    return approximate and value >= MILLION and (precision is None or precision >= MILLIONS_PRECISION)


def _to_precision(value: float, precision: float | None) -> float:
    """A rounded amount at its stated precision, when it is written in kronor beside amounts that need every
    krona: 27 949 496 given to the hundred thousand is 27 900 000."""
    if not precision or precision <= 1:
        return float(round(value))
    step = min(precision, MILLIONS_PRECISION)  # as 'ca 25,5 miljoner' would say it: one decimal of millions
    return float(round(value / step) * step)


def format_value(value: float, unit: str, *, approximate: bool = False, precision: float | None = None,
                 lang: str = "sv", scale: str | None = None) -> str:
    """Swedish display: '1 680 158 kr', 'ca 8,3 miljoner kr', '47'. A figure the report
    gives to the krona or thousand keeps all its digits; one given in millions stays so.
    English: 'SEK 1,680,158', 'about SEK 8.3 million', '47'. `scale` ('kronor' or 'millions') puts
    every amount of one answer in one form; None decides per figure."""
    if lang == "en":
        return _format_en(value, unit, approximate=approximate, precision=precision, scale=scale)
    if unit != "SEK":
        text = group_thousands(value)
        return f"ca {text}" if approximate else text
    millions = in_millions(value, approximate=approximate, precision=precision) if scale is None else (
        scale == "millions")
    if millions:
        shown = f"{value / MILLION:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        return f"ca {shown} miljoner kr" if approximate else f"{shown} miljoner kr"
    amount = _to_precision(value, precision) if approximate and scale == "kronor" else round(value)
    text = f"{group_thousands(amount)} kr"
    return f"ca {text}" if approximate else text


def _format_en(value: float, unit: str, *, approximate: bool, precision: float | None,
               scale: str | None = None) -> str:
    about = "about " if approximate else ""
    if unit != "SEK":
        text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"
        return about + text
    millions = in_millions(value, approximate=approximate, precision=precision) if scale is None else (
        scale == "millions")
    if millions:
        shown = f"{value / MILLION:.1f}".rstrip("0").rstrip(".")
        return f"{about}SEK {shown} million"
    amount = _to_precision(value, precision) if approximate and scale == "kronor" else round(value)
    return f"{about}SEK {round(amount):,}"


EN_FIGURE = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]\d)(?P<mult>\s+(?:million|billion))?")


EN_ABOUT = re.compile(r"\babout\s+[+−±]?\s?(?:SEK\s+)?$")


def parse_english_figures(text: str) -> list[Figure]:
    """Figures written the English way ('SEK 1,680,158', 'SEK 8.3 million', '17.6 %')."""
    out = []
    for m in EN_FIGURE.finditer(text):
        digits = m.group("num").replace(",", "")
        value = float(digits)
        mult = (m.group("mult") or "").strip()
        value *= {"million": 1e6, "billion": 1e9}.get(mult, 1.0)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        precision = (10.0 ** -decimals) * ({"million": 1e6, "billion": 1e9}.get(mult, 1.0)) if decimals else (
            1e6 if mult else 1.0)
        about = bool(EN_ABOUT.search(text[: m.start()]))
        if about and not decimals and not mult:  # 'about SEK 27,900,000': given to its last non-zero digit
            integer = digits.rstrip("0")
            precision = 10.0 ** (len(digits) - len(integer)) if integer else 1.0
        bare = not mult and "," not in m.group("num") and "." not in digits
        out.append(Figure(value=round(value, 2), money=bool(mult), approximate=bool(mult) or about, qualifier=None,
                          precision=precision, start=m.start(), end=m.end(), display=m.group().strip(), bare=bare))
    return out


@dataclass(frozen=True)
class Typed:
    """The figures of a question as a person types them, and the numbers it writes that cannot be read as one."""

    figures: list[Figure]
    unreadable: list[str]  # '8,3,3,3,3', '8.3.3': never read as the figure they start with


def typed_figures(text: str, lang: str = "sv") -> Typed:
    """A question's figures: the reports' forms and long unspaced digits ('8309537 kr'), read the Swedish way or
    (`lang` 'en') the English way; a number written with commas or points that the reading does not take whole
    (or too large to compute with) is unreadable, and no figure is read from it."""
    found = parse_english_figures(text) if lang == "en" else _read(TYPED_FIGURE, text)
    unreadable: list[tuple[int, int]] = []
    for run in NUMBER_RUN.finditer(text):
        whole = [f for f in found if f.start <= run.start() and run.end() <= f.end and math.isfinite(f.value)]
        if not whole:
            unreadable.append((run.start(), run.end()))
    figures = [f for f in found if math.isfinite(f.value) and not any(a < f.end and f.start < b for a, b in unreadable)]
    return Typed(figures, [text[a:b] for a, b in unreadable])

"""Swedish figures as the reports write them: "1 680 158 SEK", "ca 8,3 miljoner kr",
"25 mkr", "cirka 22,5 miljoner kronor", "ett 30-tal", "nio".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUALIFIERS = r"ca\.?|cirka|drygt|knappt|omkring|ungefär|närmare|över|nästan|runt"
FIGURE = re.compile(
    rf"(?:(?P<qual>\b(?:{QUALIFIERS}))\s+)?"
    r"(?<![\d,.\-/])(?!(?:19|20)\d\d[ \u00a0]\d{3}(?!\d))(?P<num>\d{1,4}(?:[ \u00a0]\d{3})*(?:,\d+)?)"
    r"(?![\d/]|-(?!tal)|\.\d)"
    r"(?P<tal>-tal)?"
    r"(?:\s*(?P<mult>miljoner|miljon|mnkr|mkr|msek|mdkr|miljarder|tkr|tusen)\b)?"
    r"(?:\s*(?P<cur>kronor|kr\b\.?|SEK\b))?",
    re.IGNORECASE,
)
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
    out = []
    for m in FIGURE.finditer(text):
        num = m.group("num")
        digits = num.replace(" ", "").replace("\u00a0", "")
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


def format_value(value: float, unit: str, *, approximate: bool = False, precision: float | None = None,
                 lang: str = "sv") -> str:
    """Swedish display: '1 680 158 kr', 'ca 8,3 miljoner kr', '47'. A figure the report
    gives to the krona or thousand keeps all its digits; one given in millions stays so.
    English: 'SEK 1,680,158', 'about SEK 8.3 million', '47'."""
    if lang == "en":
        return _format_en(value, unit, approximate=approximate, precision=precision)
    if unit != "SEK":
        text = group_thousands(value)
        return f"ca {text}" if approximate else text
    in_millions = precision is None or precision >= 100_000
    if approximate and value >= 1e6 and in_millions:
        millions = f"{value / 1e6:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        return f"ca {millions} miljoner kr"
    text = f"{group_thousands(round(value))} kr"
    return f"ca {text}" if approximate else text


def _format_en(value: float, unit: str, *, approximate: bool, precision: float | None) -> str:
    about = "about " if approximate else ""
    if unit != "SEK":
        text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"
        return about + text
    in_millions = precision is None or precision >= 100_000
    if approximate and value >= 1e6 and in_millions:
        millions = f"{value / 1e6:.1f}".rstrip("0").rstrip(".")
        return f"{about}SEK {millions} million"
    return f"{about}SEK {round(value):,}"


EN_FIGURE = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]\d)(?P<mult>\s+(?:million|billion))?")


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
        bare = not mult and "," not in m.group("num") and "." not in digits
        out.append(Figure(value=round(value, 2), money=bool(mult), approximate=bool(mult), qualifier=None,
                          precision=precision, start=m.start(), end=m.end(), display=m.group().strip(), bare=bare))
    return out

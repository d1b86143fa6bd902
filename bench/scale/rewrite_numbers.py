"""Years, diarienummer and amounts of money, rewritten line by line (see variation.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

SEP = "[ \u00a0]"
NUMBER = rf"\d{{1,3}}(?:{SEP}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
GLITCH = rf"\d{{4}}{SEP}\d{{3}}(?!{SEP}?\d)"  # "5900 000" in the OCR text: a lost thousands space
UNIT = r"(?i:miljoner|miljarder|mkr|mnkr|msek|tkr|kronor|kr|sek|euro|eur)(?![\w])|€"
TOKEN = re.compile(
    rf"(?P<money>(?<![\d,.\w])(?:{GLITCH}|{NUMBER}))(?=\s?(?:{UNIT}))"
    rf"|(?P<grouped>(?<![\d,.\w])\d{{1,3}}(?:{SEP}\d{{3}})+)(?![\d,\-])"
    r"|(?P<dprefix>(?<![\w])[A-ZÅÄÖ]{2,5})-(?P<dyear>(?:19|20)\d\d)-(?P<dserial>\d{1,6})(?!\d)"
    r"|(?P<year>(?<![\w,.])(?:19[5-9]\d|20[0-4]\d))(?![\d])"
)
GROUPED = rf"\d{{1,4}}(?:{SEP}\d{{3}})+"
TABLE_ROW = re.compile(  # a row ends in its amount (maybe a unit, maybe a small number such as a goal)
    rf"(?<![\d,])(?:{GROUPED}\s*(?:(?:{UNIT})\.?)?|(?:{NUMBER})\s*(?:{UNIT})\.?)\s*(?:\d{{1,2}})?\s*$")
TOTAL_ROW = re.compile(r"^\s*(?:Summa|Totalt|TOTALT|Total|Sammanlagt)\b")
PROTECTED_YEAR = re.compile(r"(?i:horizon|horisont|agenda|europa|h)[\s\-]?$")
MAX_ROW_WORDS = 14


def parse(written: str) -> tuple[Decimal, int, int]:
    """Value, decimals and trailing zeros of "1 680 158", "8,3" or "25 660 000"."""
    digits = re.sub(SEP, "", written)
    whole, _, decimals = digits.partition(",")
    zeros = 0 if decimals else len(whole) - len(whole.rstrip("0"))
    return Decimal(digits.replace(",", ".")), len(decimals), min(zeros, max(len(whole) - 1, 0))


def render(value: Decimal, decimals: int, grouped: bool, sep: str = " ") -> str:
    text = f"{value:.{decimals}f}"
    whole, _, frac = text.partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", sep)
    return whole + ("," + frac if frac else "")


@dataclass
class NumberRewrite:
    """One report's offset, factor and diarienummer serial shift."""

    years: int
    factor: Decimal
    serial: int
    _run: Decimal = field(default=Decimal(0), init=False)  # exact table amounts since the last total

    def _round(self, value: Decimal, decimals: int, zeros: int) -> Decimal:
        step = Decimal(1).scaleb(-decimals) if decimals else Decimal(10) ** (zeros if zeros > 1 else 0)
        return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step

    def amount(self, written: str, *, row: bool, total: bool) -> str:
        value, decimals, zeros = parse(written)
        exact = decimals == 0 and zeros <= 1
        if row and exact and not total:  # cumulative rounding: the rows keep adding up to the total
            new = self._round(self.factor * (self._run + value), 0, 0) - self._round(self.factor * self._run, 0, 0)
            self._run += value
        else:
            new = self._round(self.factor * value, decimals, zeros)
            if value and not new:
                new = self._round(value, decimals, zeros)
        sep = "\u00a0" if "\u00a0" in written else " "
        return render(new, decimals, bool(re.search(SEP, written)), sep)

    def year(self, written: str) -> str:
        return str(int(written) + self.years)

    def line(self, line: str) -> str:
        row = bool(TABLE_ROW.search(line)) and len(line.split()) <= MAX_ROW_WORDS
        total = bool(TOTAL_ROW.match(line))

        def one(m: re.Match[str]) -> str:
            if m.group("money"):
                return self.amount(m.group("money"), row=row, total=total)
            if m.group("grouped"):
                return self.amount(m.group("grouped"), row=row, total=total) if row else m.group()
            if m.group("dprefix"):
                serial = str(int(m.group("dserial")) + self.serial)
                return f"{m.group('dprefix')}-{self.year(m.group('dyear'))}-{serial}"
            if PROTECTED_YEAR.search(line[:m.start()]):
                return m.group()
            return self.year(m.group("year"))

        out = TOKEN.sub(one, line)
        if total:
            self._run = Decimal(0)
        return out

    def apply(self, text: str) -> str:
        return "".join(self.line(line) for line in text.splitlines(keepends=True))

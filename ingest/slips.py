"""Slips: the reports' own writing errors, found at ingest in one document (its text, tables, facts).

- implausible_year: a figure stated for a year far outside any year the reports can mean
  ("62 år 1017"), with the year of the same paragraph it probably is (one digit off: 2017);
- past_target_year: a goal stated forward ("Målet är att ... uppnå klimatneutralitet 2023") for a
  year that had passed when the document was written (its diarienummer's year, else the year reported);
- digit_slip: two rows of one table whose values are the same digits but one (29 239 146 and
  9 239 146): one may be copied from the other;
- share_vs_counts: a percentage that the counts it describes, nearby in the same section, contradict
  beyond rounding ("4,7 % av kvinnorna och 5,1 % av männen har gått vidare" against 1870 of 4295
  participants: 43,5 %, which must lie between the rates of the groups that make up the whole);
- rounding_claim: a table said to be rounded ("avrundat till närmsta 100 000-tal") whose amounts are not.

Each check names its document, page and the verbatim quote (Check.doc_id, page, quote, span) and
links the stored figures involved, so an answer that uses one of them says so (service/answer/compose.py).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from core.numbers import format_value, group_thousands
from core.schemas import Check, CheckFigure, Fact
from core.words import tokenize
from ingest.chunk import sentence_spans
from ingest.facts import Context, document_tables

YEAR_FLOOR = 1900  # no figure of these reports is about a year before this
YEARS_AHEAD = 50  # nor about a year further than this after the document was written
YEAR_OF_FIGURE = re.compile(r"\b(\d{1,3}(?:[ \u00a0]\d{3})*)\s+(?:[a-zåäö]+\s+)?år\s+(\d{4})\b(?![\d,])")
PARAGRAPH = re.compile(r"\n\s*\n")
FOUR_DIGITS = re.compile(r"(?<![\d\-–])((?:1[0-9]|2[0-9])\d{2})(?![\d\-–])")
GOAL = re.compile(r"\b(?:mål(?:et|sättningen)?\s+(?:är|att)|med\s+målet|ska|skall)\b", re.IGNORECASE)
TARGET = re.compile(r"\b(?:uppnå|nå|bli|blir|vara)\s+(?:[\wåäö\-]+\s+){0,3}?(?:till\s+|senast\s+|år\s+)?"
                    r"((?:19|20)\d{2})\b(?!\s*[-–])", re.IGNORECASE)
DIARIENUMMER_YEAR = re.compile(r"-((?:19|20)\d{2})-")
SIGNIFICANT = 5  # digits (trailing zeros aside) a value needs before a one-digit difference is no chance
PERCENT_OF = re.compile(r"(\d+(?:,\d+)?)\s*(?:%|procent)\s+av\s+([a-zåäö]+)", re.IGNORECASE)
PARTITION = {"kvinnorna", "männen", "flickorna", "pojkarna", "tjejerna", "killarna"}  # groups that make a whole
WHOLE = {"deltagarna", "dem", "dessa", "individerna", "personerna", "eleverna"}
PEOPLE = set(tokenize("deltagare individer personer elever kvinnor män"))  # what a population counts
OUTCOME_END = re.compile(r"\bsamt\b|[;(]|\.\s|\.$")
SAME_OUTCOME = 0.8  # share of shared word stems from which two clauses state the same outcome
NEARBY = 1200  # characters around a percentage in which the counts it describes are looked for
PERCENT_POINTS = 100
ROUNDING = re.compile(r"avrunda\w*\s+(?:till\s+)?(?:(?:när|nar|nir)m\w*|hela)?\s*"
                      r"(?:(\d{1,3}(?:[ \u00a0]\d{3})*)\s*-?\s*tal|(tiotal|hundratal|tusental|miljon\w*))",
                      re.IGNORECASE)
STEP_WORDS = {"tiotal": 10, "hundratal": 100, "tusental": 1000}
CAPTION_REACH = 600  # characters above a table's first row in which its caption stands


def slip_checks(ctx: Context, facts: list[Fact]) -> list[Check]:
    """The slips of one document (`facts`: the facts kept from it)."""
    return [*implausible_years(ctx, facts), *past_targets(ctx), *digit_slips(facts),
            *shares_vs_counts(facts), *rounding_claims(ctx, facts)]


# --- where a slip stands -------------------------------------------------------------------------------

def _quote(ctx: Context, a: int, b: int) -> tuple[int, int, str]:
    """The original span and verbatim text of a normalized span, without surrounding blanks."""
    start, end = ctx.norm.span_to_original(a, b)
    raw = ctx.doc.text[start:end]
    start += len(raw) - len(raw.lstrip())
    end -= len(raw) - len(raw.rstrip())
    return start, end, ctx.doc.text[start:end]


def _shown(quote: str) -> str:
    return " ".join(quote.split())


class Where(NamedTuple):
    """Where a slip stands: document, page, span in Document.text and the verbatim quote."""

    doc_id: str
    page: int | None
    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, fact: Fact) -> Where:
        return cls(fact.doc_id, fact.page, fact.span_start, fact.span_end, fact.quote)


def _slip(kind: str, description: str, *, year: int, metric: str, expected: float, actual: float,
          figures: list[Fact], where: Where, tolerance: float = 0.0) -> Check:
    key = f"{kind}:{where.doc_id}:{where.start}:{where.end}:{expected}:{actual}:{','.join(f.fact_id for f in figures)}"
    return Check(
        check_id=hashlib.sha1(key.encode()).hexdigest()[:16], kind=kind, description=description, year=year,
        metric=metric, status="mismatch", expected=expected, actual=actual, difference=actual - expected,
        tolerance=tolerance, doc_id=where.doc_id, page=where.page, quote=where.quote, span_start=where.start,
        span_end=where.end,
        figures=[CheckFigure(fact_id=f.fact_id, label=f.label, value=f.value, doc_id=f.doc_id, page=f.page)
                 for f in figures])


def _where(ctx: Context, a: int, b: int) -> Where:
    """Where a normalized span stands in the document."""
    start, end, quote = _quote(ctx, a, b)
    return Where(ctx.doc.doc_id, ctx.doc.page_at(start).number, start, end, quote)


def _cite(where: Where) -> str:
    return f"({where.doc_id}, s. {where.page or '–'}): «{_shown(where.quote)}»"


def _sentences(ctx: Context) -> Iterator[tuple[int, int, str]]:
    text = ctx.norm.text
    for a, b in sentence_spans(text, 0, len(text)):
        yield a, b, text[a:b]


def _in_sentence(facts: list[Fact], start: int, end: int) -> list[Fact]:
    return [f for f in facts if f.source == "text" and start <= f.span_start < end]


def written_in(ctx: Context) -> int | None:
    """The year a document was written: its diarienummer's year (STK-2025-405), else the year reported."""
    found = DIARIENUMMER_YEAR.search(ctx.doc.meta.diarienummer or "")
    years = [y for y in (ctx.doc.meta.year, int(found.group(1)) if found else None) if y]
    return max(years) if years else None


# --- implausible and passed years ----------------------------------------------------------------------

def _one_digit_off(a: int, b: int) -> bool:
    x, y = str(a), str(b)
    return len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) == 1


def implausible_years(ctx: Context, facts: list[Fact]) -> list[Check]:
    """'62 år 1017': a figure stated for a year no report can mean; the year of the same paragraph it is
    one digit off from is named as the likely one."""
    written = written_in(ctx)
    if written is None:
        return []
    out = []
    for a, b, sentence in _sentences(ctx):
        for m in YEAR_OF_FIGURE.finditer(sentence):
            year = int(m.group(2))
            if YEAR_FLOOR <= year <= written + YEARS_AHEAD:
                continue
            para_start, para_end = _paragraph(ctx.norm.text, a + m.start(), a + m.end())
            near = [int(y) for y in FOUR_DIGITS.findall(ctx.norm.text[para_start:para_end])]
            likely = next((y for y in near if _one_digit_off(y, year) and YEAR_FLOOR <= y <= written), None)
            figure = int(m.group(1).replace(" ", "").replace("\u00a0", ""))
            used = [f for f in _in_sentence(facts, *ctx.norm.span_to_original(a, b)) if f.value in (figure, year)]
            where = _where(ctx, a, b)
            guess = f"; troligen {likely}, som står i samma stycke" if likely else ""
            out.append(_slip(
                "implausible_year",
                f"Orimligt årtal: {m.group(1)} anges för år {year}, långt utanför rapporternas år{guess} "
                f"{_cite(where)}",
                year=ctx.doc.meta.year or written, metric="figure", expected=float(likely or written),
                actual=float(year), figures=used, where=where))
    return out


def past_targets(ctx: Context) -> list[Check]:
    """'Målet är att ... uppnå klimatneutralitet 2023' in a text written in 2025: a goal stated forward
    for a year that had passed. Only a goal (mål ... att, ska) reached, become or be by a year counts;
    what happened in a year, or has to have happened ('ska ha blivit ... 2020'), is history."""
    written = written_in(ctx)
    if written is None:
        return []
    out = []
    for a, b, sentence in _sentences(ctx):
        goal = GOAL.search(sentence)
        if not goal:
            continue
        for m in TARGET.finditer(sentence, goal.end()):
            target = int(m.group(1))
            if target >= written:
                continue
            where = _where(ctx, a, b)
            out.append(_slip(
                "past_target_year",
                f"Mål för ett år som redan passerat: {target} anges som mål framåt i en text skriven {written} "
                f"{_cite(where)}",
                year=ctx.doc.meta.year or written, metric="figure", expected=float(written), actual=float(target),
                figures=[], where=where))
    return out


# --- table rows -------------------------------------------------------------------------------------------

def _digits(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else ""


def _one_digit_more(short: str, long: str) -> bool:
    """Whether `long` is `short` with one digit added somewhere."""
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def digit_slips(facts: list[Fact]) -> list[Check]:
    """Two rows of one table whose amounts have the same digits but one: 29 239 146 and 9 239 146."""
    rows: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        if f.source == "table" and f.group:
            rows[(f.group, f.metric)].append(f)
    out = []
    for same in rows.values():
        for short in same:
            digits = _digits(short.value)
            if len(digits.rstrip("0")) < SIGNIFICANT:
                continue
            for long in same:
                if long.fact_id != short.fact_id and _one_digit_more(digits, _digits(long.value)):
                    out.append(_digit_slip(short, long))
    return out


def _digit_slip(short: Fact, long: Fact) -> Check:
    where = Where.of(short)
    description = (f"Nästan samma siffror på två rader i samma tabell: {long.label} {long.display} och "
                   f"{short.label} {short.display} skiljer sig bara i en siffra; den ena kan vara avskriven från "
                   f"den andra ({short.doc_id}, s. {short.page or '–'}): «{_shown(long.quote)}» / "
                   f"«{_shown(short.quote)}»")
    return _slip("digit_slip", description, year=short.year, metric=short.metric, expected=long.value,
                 actual=short.value, figures=[short, long], where=where)


def rounding_claims(ctx: Context, facts: list[Fact]) -> list[Check]:
    """A table whose caption says its amounts are rounded ('avrundat till närmsta 100 000-tal') while
    some are not: one check per table, linking the amounts that are not so rounded."""
    out = []
    for i, table in enumerate(document_tables(ctx)):
        first = table.rows[0].lines[0].start
        stated = list(ROUNDING.finditer(ctx.norm.text, max(0, first - CAPTION_REACH), first))
        if not stated or not ROUNDING.search(table.caption):
            continue
        claim = stated[-1]
        step = _step(claim)
        group = f"{ctx.doc.doc_id}:t{i}"
        amounts = [f for f in facts if f.group == group and f.unit == "SEK"]
        off = [f for f in amounts if f.value % step]
        if not off:
            continue
        where = _where(ctx, *_paragraph(ctx.norm.text, claim.start(), claim.end()))
        listed = ", ".join(f"{f.display} ({f.label})" for f in off)
        description = (f"Tabellen anges avrundad till närmsta {format_value(step, 'count')}-tal, men {len(off)} av "
                       f"{len(amounts)} belopp är inte avrundade så: {listed} {_cite(where)}")
        out.append(_slip("rounding_claim", description, year=off[0].year, metric=off[0].metric, expected=step,
                         actual=float(len(off)), figures=off, where=where))
    return out


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph a span stands in (a table caption: 'Antalet EU-projekt ... (avrundat till ...)')."""
    a = max((p.end() for p in PARAGRAPH.finditer(text, 0, start)), default=0)
    b = next((p.start() for p in PARAGRAPH.finditer(text, end)), len(text))
    return a, b


def _step(claim: re.Match[str]) -> float:
    if claim.group(1):
        return float(re.sub(r"\D", "", claim.group(1)))
    word = claim.group(2).lower()
    return float(STEP_WORDS.get(word, 1_000_000))


# --- percentages and the counts they describe ----------------------------------------------------------

def _outcome(text: str) -> set[str]:
    """The word stems of what a clause says happened, up to 'samt', ';', '(' or the sentence's end."""
    end = OUTCOME_END.search(text)
    return set(tokenize(text[: end.start() if end else len(text)]))


def _same(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_OUTCOME


def _after(fact: Fact) -> str:
    at = fact.quote.find(fact.display)
    return fact.quote[at + len(fact.display):] if at >= 0 else ""


def _near(a: Fact, b: Fact) -> bool:
    return a.doc_id == b.doc_id and a.section == b.section and abs(a.span_start - b.span_start) <= NEARBY


def shares_vs_counts(facts: list[Fact]) -> list[Check]:
    """A percentage of a group that the counts of the same outcome nearby contradict beyond rounding."""
    text = [f for f in facts if f.source == "text"]
    by_sentence: dict[int, list[Fact]] = defaultdict(list)
    for f in text:
        if f.unit == "percent":
            by_sentence[f.span_start].append(f)
    out = []
    for shares in by_sentence.values():
        found = _share_check(shares, text)
        if found:
            out.append(found)
    return out


def _counts_of(shares: list[Fact], text: list[Fact], outcome: set[str]) -> tuple[Fact, Fact] | None:
    """(outcome count, population count): the nearest count that states the same outcome, and the nearest
    larger count of people before or around it."""
    ref = shares[0]
    counts = [f for f in text if f.unit == "count" and _near(f, ref) and f.stated_role != "mal"]
    stated = [f for f in counts if _same(outcome, _outcome(_after(f)))]
    if not stated:
        return None
    part = min(stated, key=lambda f: abs(f.span_start - ref.span_start))
    people = [f for f in counts if f.value > part.value and _near(f, part)
              and set(tokenize(f.quantity or "")) & PEOPLE]
    if not people:
        return None
    return part, min(people, key=lambda f: (f.span_start > part.span_start, abs(f.span_start - part.span_start)))


def _share_check(shares: list[Fact], text: list[Fact]) -> Check | None:
    ref = shares[0]
    named = list(PERCENT_OF.finditer(ref.quote))
    groups = {m.group(2).lower() for m in named}
    partition = len(groups) >= 2 and groups <= PARTITION
    if not named or not (partition or (len(groups) == 1 and groups <= WHOLE)):
        return None
    outcome = _outcome(ref.quote[named[-1].end():])
    counts = _counts_of(shares, text, outcome)
    if counts is None:
        return None
    part, whole = counts
    low = PERCENT_POINTS * (part.value - part.precision / 2) / (whole.value + whole.precision / 2)
    high = PERCENT_POINTS * (part.value + part.precision / 2) / (whole.value - whole.precision / 2)
    stated_low = min(s.value - s.precision / 2 for s in shares)
    stated_high = max(s.value + s.precision / 2 for s in shares)
    if stated_low <= high and low <= stated_high:
        return None  # the counts' share lies within the stated one(s), rounding allowed
    ratio = PERCENT_POINTS * part.value / whole.value
    nearest = min(shares, key=lambda s: abs(s.value - ratio))
    rates = " och ".join(s.display for s in shares)
    counted = next((w for w in (whole.quantity or "").split() if set(tokenize(w)) & PEOPLE), "")
    rule = "som måste ligga mellan gruppernas andelar" if partition else "inte den angivna andelen"
    where = Where.of(ref)
    description = (f"Andel mot antal: {rates} anges, men {part.display} av {whole.display} {counted} är "
                   f"{group_thousands(ratio)} %, {rule} ({ref.doc_id}, s. {ref.page or '–'}): "
                   f"«{_shown(ref.quote)}» / «{_shown(part.quote)}» / «{_shown(whole.quote)}»")
    return _slip("share_vs_counts", description, year=ref.year, metric=ref.metric, expected=ratio,
                 actual=nearest.value, figures=[*shares, part, whole], where=where,
                 tolerance=nearest.precision / 2)

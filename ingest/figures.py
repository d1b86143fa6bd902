"""Figures: every number stated in running text -> a Fact of metric 'figure'.

Table rows and the prose facts of known metrics (ingest/facts.py, ingest/prose.py) are read
first; every other number in a sentence becomes a figure with what it counts (the noun
phrase: "unika deltagare", "skjutningar", "kronor", "euro", "procent"), its role (utfall,
mål, budget, beviljat, rekvirera, utbetalt, andel), its year (of its own clause, else the
report's), its organisation and the section it stands in. Dates, page and section numbers,
paragraph signs, times and diarienummer are not figures.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import defaultdict
from itertools import accumulate

from core.numbers import RANGE_JOIN, Figure, parse_figures, word_numbers
from core.schemas import Fact
from ingest.chunk import Section, section_at, sections, sentence_spans
from ingest.facts import Context
from ingest.prose import _org, _year, is_ahead
from ingest.ranges import Span, spans

MONTHS = r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
NOT_A_FIGURE_AFTER = re.compile(rf"^\s*(?:{MONTHS})\b|^\(\d|^\s*§|^\.\d|^:\d", re.IGNORECASE)
NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:§|\bs\.|\bsid\.?|\bsidan|\bkl\.?|\bnr\.?|\bpunkt|\bbilaga|\bkapitel|\bavsnitt|\bmål|\bversion"
    r"|\bartikel|\bKA|\bdnr|\bSTK|\btel\.?|\båk|\bårskurs|^#+|\(|\bdelprojekt|\betapp|\bfas|\bsteg|\bnummer"
    r"|\bnumber|\bdel|\btyp)\s*$",
    re.IGNORECASE,
)
# an age: "22 respektive 26 år gamla", "kvinnor och män 25 till 64 år", "i åldrarna 18–65 år", "unga vuxna
# över 18 år"; a duration ("under två år", "i minst 24 månader") stays a figure: it answers "how long"
AGE_AFTER = re.compile(r"^\s*(?:(?:re-?\s?spektive|till|och|[–-])\s*\d{1,3}\s*)?år\s+(?:gaml|gammal)", re.IGNORECASE)
AGE_SPAN_AFTER = re.compile(r"^\s*(?:till|[–-])\s*\d{1,3}\s*år\b(?![\s\-–]*\d{4})", re.IGNORECASE)
AGE_SPAN_BEFORE = re.compile(r"\d{1,3}\s*(?:till|[–-])\s*$", re.IGNORECASE)
AGED = re.compile(r"\b(?:personer|vuxna|unga|ungdomar|barn|elever|kvinnor|män|invånare|deltagare)\s+"
                  r"(?:över|under)?\s*$", re.IGNORECASE)
# a fraction's numerator: "två tredjedelar av budgeten", "three quarters" (a share, not a count)
FRACTION_AFTER = re.compile(r"^\s*(?:(?:tredje|fjärde|femte|sjätte|sjunde|åttonde?|nionde?|tionde?|hundra|tusen)del"
                            r"|halvor\b|thirds?\b|quarters?\b|fifths?\b|halves\b)", re.IGNORECASE)
PLAN_HORIZON = 1  # a year at most this far after the report's is a plan's; further on, a name ("Malmö 2030")
YEARS_AFTER = re.compile(r"^\s*år\b(?![\s\-–]*\d{4})", re.IGNORECASE)
POINTS_BACK = re.compile(r"\b(?:dessa|de|dem|båda)\s+$", re.IGNORECASE)
NAME_BEFORE = re.compile(r"\b[A-ZÅÄÖ][\w+]*\s$")  # "Key Action 2", "Horisont 2020": part of a name
ONE = re.compile(r"\b(ett|en)\s+(?=[a-zåäö]{3,})", re.IGNORECASE)
STOP = {
    "från", "som", "i", "på", "av", "med", "under", "till", "och", "år", "om", "per", "för", "vid", "inom",
    "har", "hade", "var", "är", "blev", "kommer", "ska", "skulle", "kan", "där", "vilket", "varav", "samt",
    "eller", "efter", "mot", "hos", "den", "det", "de", "att", "en", "ett", "olika", "st", "stycken", "the",
    "deltog", "deltar", "deltagit", "medverkade", "medverkar", "besökte", "kom", "fick", "får", "genomfördes",
    "genomfört", "arbetar", "arbetade", "finns", "fanns", "gjort", "gjorde", "startade", "avslutats", "ingick",
    "lockade", "därtill", "bland", "totalt", "sammanlagt", "också", "även", "respektive",
}
LEADING = {"nu", "då", "redan", "också", "även", "totalt", "sammanlagt", "ytterligare", "ungefär", "cirka", "ca"}
COPULA = re.compile(r"^\s*(?:(?:nu|då|redan|också|även)\s+)*(?:är|var|blev|blir)\s+([a-zåäö][\wåäö\-]{3,})",
                    re.IGNORECASE)
EURO = re.compile(r"^\s*(?:euro|eur\b|€)", re.IGNORECASE)
PERCENT = re.compile(r"^\s*(?:%|procent)", re.IGNORECASE)
ROLES = [  # (role, pattern in the folded sentence); the first match wins
    ("andel", r"procent|%|andel"),
    ("rekvirera", r"rekvirer"),
    ("utbetalt", r"utbetal|betalats|betalades|betalda|utbetalning"),
    ("beviljat", r"beviljat|beviljades|beviljats|tilldelat|tilldelades|erhallit|erhollit|fatt .*(?:kronor|euro|kr)"),
    ("budget", r"budget|omslutning|projektvarde|budgetvarde|kostnad|finansier"),
    ("mal", r"malet (?:ar|var|pa)|malsattning|forvantat|forvantas|planerat|planeras|ska (?:na|uppna|starta|ga|skrivas)"
            r"|\bmal(?:et)? att\b|target"),
]
WORD = re.compile(r"[\w+\-–/]+")
# a numbered heading's title and its page number: a line of a table of contents, however it is laid out
TOC_ENTRY = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\s+[A-ZÅÄÖ][^\n]{2,90}?\s\d{1,3}\s*$")
HEADING_CHARS = 80  # a numbered line shorter than this that starts with a capital is a heading
NOUN_BEFORE = re.compile(r"\b([A-ZÅÄÖa-zåäö][a-zåäö\-]{3,}(?:arna|erna|orna|ar|er|or|na))\b[^.]{0,60}$")
YEAR_AFTER = re.compile(r"^\s*(?:[^\W\d]+\s+){0,2}(?:år\s+)?((?:19|20)\d\d)\b")


def _fold(text: str) -> str:
    return text.lower().translate(str.maketrans("åäöé", "aaoe"))


def is_age(sentence: str, fig: Figure) -> bool:
    """An age ("22 respektive 26 år gamla", "män 25 till 64 år", "unga vuxna över 18 år"): no amount or
    count that a report publishes ("17 år 2020" is a count in a year)."""
    before, after = sentence[: fig.start], sentence[fig.end:]
    if fig.money or not re.match(r"^[\s\-–\w]*?år\b", after[:40]):
        return False
    return bool(AGE_AFTER.match(after) or AGE_SPAN_AFTER.match(after)
                or (YEARS_AFTER.match(after) and (AGE_SPAN_BEFORE.search(before) or AGED.search(before))))


def refers_back(sentence: str, fig: Figure) -> bool:
    """A number that only points back ("Dessa två kommer att löpa parallellt under 2019"): it counts
    nothing the sentence names."""
    return bool(fig.bare and POINTS_BACK.search(sentence[: fig.start])
                and not quantity_of(sentence, fig, unit_of(sentence, fig)))


def is_figure(sentence: str, fig: Figure) -> bool:
    """Numbers that are dates, references, names, ordinals or ages, or that count nothing, are not figures."""
    before, after = sentence[: fig.start], sentence[fig.end:]
    if is_age(sentence, fig) or refers_back(sentence, fig) or FRACTION_AFTER.match(after):
        return False
    if fig.is_year_like or re.search(r"[^\W\d_]\Z", before) or re.match(r"^[^\W\d_]", after) or after[:1] == "+":
        return False  # glued to letters ("LFM30", OCR "i1"), or a page footer "4+(7)"
    if fig.bare and (NOT_A_FIGURE_AFTER.search(after) or NOT_A_FIGURE_BEFORE.search(before)):
        return False
    if re.search(r"n[äa]rm\w*\s*$|nearest\s*$", before, re.IGNORECASE):
        return False  # "avrundat till närmsta 100 000-tal": a rounding rule, not a figure
    in_range = re.match(r"^\s*[–-]\s*\d", after) or re.search(r"\d\s*[–-]\s*$", before)
    if fig.bare and (re.match(r"^\s*\)", after) or in_range):
        return False  # a footnote mark "(3)" or an age/class range "18–29"
    if fig.bare and NAME_BEFORE.search(before) and not re.match(r"\s*[a-zåäö]", after):
        return False
    at_line_start = not before[before.rfind("\n") + 1:].strip()
    line_end = sentence.find("\n", fig.end)
    line = sentence[fig.start: line_end if line_end >= 0 else len(sentence)]
    whole_line = before[before.rfind("\n") + 1:] + line
    ends_line = not line[len(fig.display):].strip()
    if fig.bare and (re.match(r"^\s+\d+(?:\.\d+)+\s", after) or (ends_line and (
            re.search(r"(^|\s)\d+(?:\.\d+)+\s", whole_line) or TOC_ENTRY.match(whole_line)))):
        return False  # a table of contents: "6 4.4 Uppnådda resultat ... 6", "3 Samverkansparter 2018 5"
    if fig.bare and at_line_start and re.match(r"^\s+[A-ZÅÄÖ]", after) and len(line) < HEADING_CHARS:
        return False  # a numbered heading: "2 EU-medel 2018", "1 Projektredovisning"
    if fig.bare and re.match(r"^\d{1,2}\.(?:\s|$)", sentence[fig.start:]) and (
            at_line_start or fig.start < 3 or len(sentence) < 60):
        return False  # a numbered list or heading
    return not (fig.bare and re.search(r"\d:$", before))


def unit_of(sentence: str, fig: Figure) -> str:
    after = sentence[fig.end:]
    if fig.money:
        return "SEK"
    if EURO.match(after):
        return "EUR"
    if PERCENT.match(after):
        return "percent"
    if re.match(r"^\s*(?:kronor|kr\b|sek\b)", after, re.IGNORECASE):
        return "SEK"
    return "count"


def quantity_of(sentence: str, fig: Figure, unit: str) -> str:
    """What the figure counts: the words after it up to a stop word ("80 deltagare från ...")."""
    after = sentence[fig.end:]
    if unit in ("EUR", "percent"):
        after = re.sub(r"^\s*(?:euro|eur|€|%|procent)\s*", "", after, flags=re.IGNORECASE)
        head = "euro" if unit == "EUR" else "procent"
        of = re.match(r"(?:av|of)\s+((?:[\wåäö\-]+\s?){1,3})", after)
        return f"{head} av {of.group(1).strip()}" if of and unit == "percent" else head
    if unit == "SEK":
        return "kronor"
    if re.match(r"^\s+[A-ZÅÄÖ][a-zåäö]", after) or re.match(r"^\s*(?:st\.?|stycken)?\s*[.,;]?\s*$", after[:12]):
        subject = NOUN_BEFORE.search(sentence[: fig.start])  # "skjutningarna ökat till 29", "8 st."
        if subject:
            return subject.group(1)
    copula = COPULA.match(after)  # "varav 187 nu är självförsörjande"
    if copula:
        return copula.group(1)
    words: list[str] = []
    for m in WORD.finditer(after):
        if not words and m.group().lower() in LEADING:
            continue
        if m.start() > 0 and re.search(r"[.,;:!?()”\"]", after[: m.start()].split(" ")[-1] if words else
                                       after[: m.start()]):
            break
        word = m.group().strip("-–/")
        if not word or word.lower() in STOP or word[0].isdigit() or len(words) == 3:
            break
        words.append(word)
    if words:
        return " ".join(words)
    named = re.search(r"(?:antal(?:et)?|number of)\s+([\wåäö\-]+(?:\s[\wåäö\-]+)?)[^.]*$", sentence[: fig.start],
                      re.IGNORECASE)
    return named.group(1) if named else ""


CLAUSE = re.compile(r",|;|\bvarav\b|\boch att\b|\bmedan\b|\bmen\b|\bvilket\b|\bdär\b", re.IGNORECASE)
# "... rekvirera 41 889 445 kronor och utfallet blev 24 887 000 kronor": a clause joined by "och" before a word
# (not "80 kvinnor och 80 män") has a role of its own when it names one; else the wider clause's role holds
CLAUSE_AND = re.compile(CLAUSE.pattern + r"|\boch\b(?!\s+(?:att\b|\d))", re.IGNORECASE)


def _clause_role(sentence: str, at: int, clauses: re.Pattern[str]) -> str | None:
    cuts = [0, *(m.end() for m in clauses.finditer(sentence)), len(sentence)]
    lo = max(c for c in cuts if c <= at)
    hi = min((m.start() for m in clauses.finditer(sentence, at)), default=len(sentence))
    clause = _fold(sentence[lo:hi])
    found = next((role for role, pattern in ROLES if re.search(pattern, clause)), None)
    if found:
        return found
    if re.search(r"\b(har|hade|blev|nadde|genomfort|genomfordes|deltog|gick|skrevs|avslutats|nu ar|ar nu)\b", clause):
        return "utfall"
    return None


def role_of(sentence: str, unit: str, at: int | None = None) -> str:
    """The role of the clause the figure stands in ("varav 187 nu är självförsörjande, projektmålet
    var 120": 187 is an outcome, 120 a target); the whole sentence when the clause says nothing."""
    if unit == "percent":
        return "andel"
    if at is not None:
        found = _clause_role(sentence, at, CLAUSE_AND) or _clause_role(sentence, at, CLAUSE)
        if found:
            return found
    folded = _fold(sentence)
    return next((role for role, pattern in ROLES if re.search(pattern, folded)), "utfall")


def _figures_in(sentence: str) -> list[Figure]:
    found = [f for f in parse_figures(sentence) + word_numbers(sentence) if is_figure(sentence, f)]
    found += [Figure(value=1.0, money=False, approximate=False, qualifier=None, precision=1.0, start=m.start(),
                     end=m.end(1), display=m.group(1), bare=True)
              for m in ONE.finditer(sentence) if _counts_one(sentence, m)]
    return sorted(found, key=lambda f: f.start)


def _counts_one(sentence: str, m: re.Match[str]) -> bool:
    """'ett Call in', 'en delegation': counted only before a noun that other figures count too."""
    nxt = re.match(r"\s*([\wåäö\-]+)", sentence[m.end():])
    return bool(nxt and re.search(r"(?:ar|er|or|delegation|konferens|besok|studiebesok)$", nxt.group(1))
                and re.search(r"\b(genomfört|genomförde|anordnat|anordnade|arrangerat|deltog|besökte)\b", sentence))


def text_figures(ctx: Context, taken: list[Fact]) -> list[Fact]:
    """Every figure in running text that no table or prose fact (`taken`) already holds; the two ends of a
    range ("från 70 000 kronor ... till 220 000 000 kronor") are one figure."""
    text = ctx.norm.text
    secs = sections(text, ctx.registry, scope=ctx.doc.meta.scope)
    out: list[Fact] = []
    seen: set[tuple[int, int]] = set()
    quotes = _Quotes(taken)
    for a, b in sentence_spans(text, 0, len(text)):
        sentence = text[a:b]
        if _is_table_line(sentence):
            continue
        pairs = spans(sentence, parse_figures(sentence) + word_numbers(sentence))
        ends = {f.start for pair in pairs for f in (pair.low, pair.high)}
        for pair in pairs:
            if _held(ctx, a, pair.low, quotes, seen):
                continue
            fact = _range_fact(ctx, sentence, a, b, pair, section_at(secs, a))
            if fact is not None:
                out.append(fact)
        for fig in _figures_in(sentence):
            if fig.start in ends or (ctx.doc.meta.ocr and fig.bare and fig.value == 1 and fig.display == "1"):
                continue  # an end of a range; OCR reads "i" and "I" as "1"
            if _held(ctx, a, fig, quotes, seen):
                continue
            fact = _figure_fact(ctx, sentence, a, b, fig, section_at(secs, a))
            if fact is not None:
                out.append(fact)
    return out


class _Quotes:
    """The quotes of the table and prose facts by value: whether one of a value holds a position, found by
    bisection over the quotes in order of their start with the furthest end reached so far."""

    def __init__(self, facts: list[Fact]) -> None:
        spans: dict[float, list[tuple[int, int]]] = defaultdict(list)
        for fact in facts:
            spans[fact.value].append((fact.span_start, fact.span_end))
        self._by_value = {value: ([a for a, _ in sorted(found)], list(accumulate((b for _, b in sorted(found)), max)))
                          for value, found in spans.items()}

    def hold(self, value: float, pos: int) -> bool:
        starts, reach = self._by_value.get(value, ([], []))
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and reach[i] > pos


def _held(ctx: Context, a: int, fig: Figure, taken: _Quotes, seen: set[tuple[int, int]]) -> bool:
    """Whether a table or prose fact, or a figure already read, holds this figure (and note it as read)."""
    start, end = ctx.norm.span_to_original(a + fig.start, a + fig.end)
    if (start, end) in seen or taken.hold(fig.value, start):
        return True
    seen.add((start, end))
    return False


def _range_fact(ctx: Context, sentence: str, a: int, b: int, pair: Span, section: Section | None) -> Fact | None:
    """One figure for both ends of a range: `value` the low end, `high` the high one, in the high end's unit."""
    if is_age(sentence, pair.high):
        return None  # "kvinnor och män 25 till 64 år": ages
    fact = _figure_fact(ctx, sentence, a, b, pair.low, section)
    if fact is None:
        return None
    unit = unit_of(sentence, pair.high)
    low, high = _display(sentence, pair.low, unit), _display(sentence, pair.high, unit)
    key = f"{fact.fact_id}:range:{pair.high.start}:{pair.high.value}"
    return fact.model_copy(update={
        "fact_id": "r" + hashlib.sha1(key.encode()).hexdigest()[:15], "value": pair.low_value,
        "high": pair.high.value, "unit": unit, "approximate": pair.low.approximate or pair.high.approximate,
        "precision": max(pair.low.precision * pair.scale, pair.high.precision), "display": f"{low}{RANGE_JOIN}{high}",
        "quantity": quantity_of(sentence, pair.high, unit), "stated_role": role_of(sentence, unit, pair.low.start)})


def _is_table_line(sentence: str) -> bool:
    """A flattened table row or a table of contents: label, then several figures, no verb-like words."""
    figs = [f for f in parse_figures(sentence) if not f.is_year_like]
    words = re.findall(r"[^\W\d_]{4,}", sentence)
    return (len(figs) >= 3 and len(words) < len(figs)) or bool(re.search(r"\.{4,}", sentence))


def _figure_fact(ctx: Context, sentence: str, a: int, b: int, fig: Figure, section: Section | None) -> Fact | None:
    stated = YEAR_AFTER.match(sentence[fig.end:])  # "21 skjutningar 2021", "65 skjutningar år 2017"
    masked = sentence[:fig.start] + " " * (fig.end - fig.start) + sentence[fig.end:]  # "cirka 2000" is no year
    year = int(stated.group(1)) if stated else _year(masked, fig.start, ctx.doc.meta.year)
    if year is None:
        return None
    doc_year = ctx.doc.meta.year
    planned = doc_year is not None and is_ahead(year, doc_year) and year <= doc_year + PLAN_HORIZON
    if doc_year is not None and is_ahead(year, doc_year):
        year = doc_year  # a plan stated in the report ("under 2020"), or a name ("Malmö 2030", "Agenda 2030")
    unit = unit_of(sentence, fig)
    role = role_of(sentence, unit, fig.start)
    q_start, q_end = ctx.norm.span_to_original(a, b)
    raw = ctx.doc.text[q_start:q_end]
    q_start += len(raw) - len(raw.lstrip())
    q_end -= len(raw) - len(raw.rstrip())
    f_start, _ = ctx.norm.span_to_original(a + fig.start, a + fig.end)
    org = _org(ctx, sentence, fig.start, section)
    key = f"{ctx.doc.content_hash}:figure:{f_start}:{fig.start}:{fig.value}"
    readable = " ".join(sentence.split())
    return Fact(
        fact_id="t" + hashlib.sha1(key.encode()).hexdigest()[:15], doc_id=ctx.doc.doc_id, org=org,
        unit_org=ctx.registry.unit_of(org), year=year, metric="figure", value=fig.value, unit=unit,
        approximate=fig.approximate, qualifier=fig.qualifier, precision=fig.precision, role="value",
        label=readable, display=_display(sentence, fig, unit), page=ctx.doc.page_at(q_start).number,
        quote=ctx.doc.text[q_start:q_end], span_start=q_start, span_end=q_end,
        quantity=quantity_of(sentence, fig, unit), stated_role="mal" if planned and role == "utfall" else role,
        section=section.title if section else None, source="text",
    )


def _display(sentence: str, fig: Figure, unit: str) -> str:
    tail = {"EUR": re.match(r"\s*(?:euro|eur|€)", sentence[fig.end:], re.IGNORECASE),
            "percent": re.match(r"\s*(?:%|procent)", sentence[fig.end:], re.IGNORECASE)}.get(unit)
    return " ".join((fig.display + (tail.group() if tail else "")).split()).rstrip(".")


__all__ = ["text_figures", "is_figure", "quantity_of", "role_of", "unit_of"]

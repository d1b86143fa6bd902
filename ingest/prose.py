"""Facts stated in running text: "Under 2024 var antalet EU-projekt 60, en ökning från 2023
då motsvarande siffra var 54 projekt", "cirka 22,5 miljoner kronor i EU-medel".

A figure becomes a fact only when the words around it say what it counts (projects,
paid EU funds, project value, external partners, countries, participating units): the
metrics' prose cues in core/data/vocabulary.toml, tried in the order given there. The
year is the one in the figure's own clause, else the nearest before it in the sentence,
else the report's year (a year after "sedan" starts a change; a figure for a year
after the report's is a plan, not stored); the organisation is the one named before it, else the section's.
"""

from __future__ import annotations

import bisect
import re

from core.entities import CITY
from core.numbers import Figure, parse_figures, word_numbers, years_in
from core.schemas import Fact
from core.vocabulary import Vocabulary
from core.vocabulary import load as load_vocabulary
from core.words import words_before
from ingest.chunk import Section, section_at, sections, sentence_spans
from ingest.facts import Context, Line

CLAUSE_BREAK = re.compile(r",|;|\bdå\b|\btill\b|\bjämfört\s+med\b|\batt\s+jämföra\s+med\b|\bmedan\b")
PREVIOUS_YEAR = re.compile(r"föregående\s+år|förra\s+året|året\s+innan", re.IGNORECASE)
NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s$")  # "Key Action 2 projekt": the figure is part of a name
DATED = re.compile(r"\b(?:19|20)\d{2}\b|under\s+året|föregående\s+år", re.IGNORECASE)
RANGE_WORDS = re.compile(r"spännvidd|sträcker sig|varierar|skifta", re.IGNORECASE)
AMOUNT_AFTER = re.compile(r"^\s*(?:kronor|kr|SEK)")  # "4 029 253 SEK": a figure written as an amount
# a year that starts a change ("Sedan december 2015 har antalet elever ökat med 5000"): not the figure's year
SINCE_BEFORE = re.compile(r"\b(?:sedan|alltsedan|since)\s+(?:[^\W\d_]+\s+){0,2}$", re.IGNORECASE)


def _metric(sentence: str, fig: Figure, vocabulary: Vocabulary | None = None) -> tuple[str, str] | None:
    """(metric, unit) of a figure in a sentence, by the metrics' prose cues in the vocabulary
    (core/data/vocabulary.toml); None when no cue names it."""
    vocab = vocabulary or load_vocabulary()
    before, after = sentence[: fig.start], sentence[fig.end :]
    if not fig.money and fig.value < 1000:
        if NAME_BEFORE.search(before) or not DATED.search(sentence):
            return None
        for metric in vocab.prose_metrics("count"):
            if metric.stated(before, after, sentence):
                narrower = next((m for m in vocab.refinements(metric.id) if m.stated(before, after, sentence)), metric)
                return narrower.id, narrower.unit
        return None
    if fig.bare or RANGE_WORDS.search(sentence):
        return None
    amount = fig.money or bool(AMOUNT_AFTER.match(after))
    for metric in vocab.prose_metrics("SEK"):
        if (amount or metric.prose_unmarked) and metric.stated(before, after, sentence):
            narrower = next((m for m in vocab.refinements(metric.id) if m.stated(before, after, sentence)), metric)
            return narrower.id, narrower.unit
    return None


def _year(sentence: str, pos: int, doc_year: int | None) -> int | None:
    """Year of the clause holding `pos`, else the nearest year before it, else the report's."""
    cuts = [0, *(m.start() for m in CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    lo = max(c for c in cuts if c <= pos)
    hi = min(c for c in cuts if c > pos) if any(c > pos for c in cuts) else len(sentence)
    marks = [(y, p) for y, p in years_in(sentence) if not SINCE_BEFORE.search(sentence[:p])]
    marks += [((doc_year or 0) - 1, m.start()) for m in PREVIOUS_YEAR.finditer(sentence)]
    in_clause = [(abs(p - pos), y) for y, p in marks if lo <= p < hi]
    if in_clause:
        return min(in_clause)[1]
    before = [(pos - p, y) for y, p in marks if p < pos]
    if before:
        return min(before)[1]
    return doc_year


def is_ahead(year: int, doc_year: int | None) -> bool:
    """Whether `year` comes after the report's own year: a report states plans and targets for it,
    not figures of it ("27 förväntas fullfölja sina studier under vårterminen 2020" in the 2019 report)."""
    return doc_year is not None and year > doc_year


def _org(ctx: Context, sentence: str, pos: int, section: Section | None) -> str:
    mentions = ctx.registry.find_orgs(sentence)
    before = [m for m in mentions if m.start < pos]
    if before:
        return before[-1].entity_id
    if mentions:
        return mentions[0].entity_id
    if section and section.org:
        return section.org
    return ctx.doc.meta.scope or CITY


def prose_facts(ctx: Context, used_lines: set[int]) -> list[Fact]:
    text = ctx.norm.text
    secs = sections(text, ctx.registry, scope=ctx.doc.meta.scope)
    out: list[Fact] = []
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    for a, b in sentence_spans(text, 0, len(text)):
        sentence = text[a:b]
        figures = [f for f in parse_figures(sentence) if not f.is_year_like] + word_numbers(sentence)
        for fig in figures:
            if line_starts[bisect.bisect_right(line_starts, a + fig.start) - 1] in used_lines:
                continue  # a table row: read by the table extractor
            found = _metric(sentence, fig)
            if not found:
                continue
            metric, unit = found
            year = _year(sentence, fig.start, ctx.doc.meta.year)
            if year is None or is_ahead(year, ctx.doc.meta.year):
                continue  # a plan for a year after the report's: no reported figure of a metric
            org = _org(ctx, sentence, fig.start, section_at(secs, a))
            out.append(
                ctx.fact(
                    [Line(a, b, sentence)], org=org, year=year, metric=metric, value=fig.value, unit=unit,
                    approximate=fig.approximate, qualifier=fig.qualifier, precision=fig.precision,
                    role="value", label=words_before(sentence, fig.start),
                    display=fig.display,
                )
            )
    return out

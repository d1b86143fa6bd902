"""Chunk: section-aware passages. Headings (Markdown, numbered, or short title lines) and
the per-nämnd/förvaltning chapters give the boundaries; long sections are split at
paragraphs with a small overlap. Each chunk knows its doc, pages, section, organisations
and year, and carries a readable citation.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass

from core.entities import CITY, Registry
from core.schemas import Chunk, Document, Sentence
from ingest.normalize import Normalized

MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
NUMBERED_HEADING = re.compile(r"^\s?(\d{1,2}(?:\.\d{1,2}){0,3})\s+([A-ZÅÄÖ][^\n]{2,100}?)\s*$")
TITLE_LINE = re.compile(r"^\s?([A-ZÅÄÖ][^\n.:;,!?()]{2,70})\s*$")
VERSION_SUFFIX = re.compile(r"(?<=[^\W\d_]) \d{1,2}\.\d{1,2}\s*$")  # a project's version: "Malmökraften 2.0"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
DISPLAY_MARKUP = re.compile(r"^#{1,6}\s+", re.MULTILINE)
PLAIN_LEVEL = 9
# "Projekt där arbetsmarknads- och socialförvaltningen är projektägare": a heading over projects' headings
CONTEXT_OWNER = re.compile(r"^projekt där (.+?) (?:är|var) (projektägare|projektpart)", re.IGNORECASE)
# a "sentence" longer than this (a table block without full stops, a run of numbers) is read line by line,
# an over-long line in pieces cut at spaces: the work per figure stays bounded, so extraction is linear in
# the text (the reports' longest sentence is under 600 characters)
MAX_SENTENCE_CHARS = 2000
# a Markdown pipe-table row (| a | b |) is a sentence of its own, so a quote is its row
SENTENCE_END = re.compile(
    r"(?<=[.!?:])\s+(?=[A-ZÅÄÖ•\d\"”])|\n\s*\n|\n(?=\s*[•\-] )|\n(?=[ \t]*\|)|(?<=\|)[ \t]*\n"
)


@dataclass
class Section:
    start: int  # offsets in the normalized text
    end: int
    title: str
    level: int
    org: str | None


def _heading(line: str, prev_blank: bool, next_blank: bool) -> tuple[int, str] | None:
    """(level, title) of a heading line. A Markdown heading's level is that of its section number
    ('### 6.1.2 …' is level 3 whatever its '#'s), or none (PLAIN_LEVEL) without one: its '#'s are
    markup the printed report does not keep, and the reports get them wrong ('## Hållbar utveckling'
    inside chapter 6), so the same text gives the same chapters from Markdown, plain text or PDF."""
    m = MD_HEADING.match(line)
    if m:
        title = m.group(2).strip("* ")
        numbered = NUMBERED_HEADING.match(title)
        return (numbered.group(1).count(".") + 1 if numbered else PLAIN_LEVEL), title
    m = NUMBERED_HEADING.match(line)
    if m and not re.search(r"\d[\d ]{3,}|\.{4,}|\t\d+$", line):
        return m.group(1).count(".") + 1, f"{m.group(1)} {m.group(2).strip()}"
    name = VERSION_SUFFIX.sub("", line)  # "Hela Familjen 2.0": a title line, as its Markdown heading is
    m = TITLE_LINE.match(name)
    if m and prev_blank and next_blank and len(line.split()) <= 10 and not re.search(r"\d", name):
        return PLAIN_LEVEL, line.strip()
    return None


def sections(text: str, registry: Registry, *, scope: str = CITY) -> list[Section]:
    """Split readable text at headings; each section inherits the organisation of its parent."""
    lines = text.splitlines(keepends=True)
    heads: list[tuple[int, int, str]] = []
    offset = 0
    for i, line in enumerate(lines):
        prev_blank = i == 0 or not lines[i - 1].strip()
        next_blank = i + 1 >= len(lines) or not lines[i + 1].strip()
        found = _heading(line.rstrip("\n"), prev_blank, next_blank) if line.strip() else None
        if found:
            heads.append((offset, found[0], found[1]))
        offset += len(line)
    if not heads or heads[0][0] > 0:
        heads.insert(0, (0, 0, ""))
    out: list[Section] = []
    stack: list[tuple[int, str | None]] = []  # (level, org) of open headings
    for (start, level, title), nxt in zip(heads, [*heads[1:], (len(text), 0, "")], strict=False):
        mentions = [m.entity_id for m in registry.find_orgs(title)]
        while stack and stack[-1][0] >= level and level != PLAIN_LEVEL:
            stack.pop()
        parent = next((o for _, o in reversed(stack) if o), None)
        if parent and parent != CITY:  # "... i Malmö stads förvaltningar" under a nämnd's chapter
            mentions = [m for m in mentions if m != CITY]
        if mentions:
            org: str | None = mentions[0]
        else:
            org = next((o for _, o in reversed(stack) if o), None)
        if level != PLAIN_LEVEL:
            stack.append((level, mentions[0] if mentions else None))
        elif mentions and CONTEXT_OWNER.match(title):  # its projects' headings below are its organisation's
            while stack and stack[-1][0] == PLAIN_LEVEL:
                stack.pop()
            stack.append((level, mentions[0]))
        out.append(Section(start, nxt[0], title, level, org or (scope if scope != CITY else None)))
    return [s for s in out if s.end > s.start]


def section_at(secs: list[Section], pos: int) -> Section | None:
    """The section holding `pos` (sections are in order and do not overlap: found by bisection)."""
    i = bisect.bisect_right(secs, pos, key=lambda sec: sec.start) - 1
    return secs[i] if i >= 0 and pos < secs[i].end else None


def _pieces(text: str, start: int, end: int, size: int, overlap: int) -> list[tuple[int, int]]:
    """Spans of at most ~size chars, cut at paragraph (else line, else space) boundaries."""
    spans = []
    pos = start
    while pos < end:
        if end - pos <= size:
            spans.append((pos, end))
            break
        window = text[pos : pos + size]
        cut = max(window.rfind("\n\n"), -1)
        if cut < size // 3:
            cut = window.rfind("\n")
        if cut < size // 3:
            cut = window.rfind(" ")
        if cut < size // 3:
            cut = size
        spans.append((pos, pos + cut))
        back = text.rfind(" ", pos + cut - overlap, pos + cut) if overlap else -1
        pos = back + 1 if back > pos else pos + cut
    return spans


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        spans.extend(_bounded(text, pos, m.start()))
        pos = m.end()
    spans.extend(_bounded(text, pos, end))
    return [(a, b) for a, b in spans if re.search(r"[^\W\d_]{2,}", text[a:b])]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span as one sentence, or when longer than MAX_SENTENCE_CHARS its lines, each over-long line
    cut at the last space before the limit (else at the limit)."""
    if end - start <= MAX_SENTENCE_CHARS:
        return [(start, end)]
    out = []
    for line_start, line_end in _line_spans(text, start, end):
        pos = line_start
        while line_end - pos > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", pos + 1, pos + MAX_SENTENCE_CHARS)
            cut = cut if cut > pos else pos + MAX_SENTENCE_CHARS
            out.append((pos, cut))
            pos = cut
        out.append((pos, line_end))
    return out


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    while (nl := text.find("\n", pos, end)) >= 0:
        out.append((pos, nl))
        pos = nl + 1
    out.append((pos, end))
    return out


def _sentences(norm: Normalized, start: int, end: int) -> list[Sentence]:
    out = []
    for a, b in sentence_spans(norm.text, start, end):
        o_start, o_end = norm.span_to_original(a, b)
        out.append(Sentence(text=" ".join(norm.text[a:b].split()), start=o_start, end=o_end))
    return out


def display_text(text: str) -> str:
    text = DISPLAY_MARKUP.sub("", text)
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()


def citation(doc: Document, pages: list[int], section: str | None) -> str:
    name = doc.meta.short_name
    numbered = [p for p in pages if p]
    if numbered:
        first, last = min(numbered), max(numbered)
        text = f"{name}, s. {first}" if first == last else f"{name}, s. {first}–{last}"
        printed = [p.label for p in doc.pages if p.number in numbered and p.label
                   and not p.label.startswith(f"{p.number}(")]
        return f"{text} (tryckt sidnummer {', '.join(printed)})" if printed else text
    return f"{name}, avsnitt {section}" if section else name


def chunk(
    doc: Document, norm: Normalized, registry: Registry, *, size: int, overlap: int
) -> list[Chunk]:
    out: list[Chunk] = []
    for sec in sections(norm.text, registry, scope=doc.meta.scope):
        for a, b in _pieces(norm.text, sec.start, sec.end, size, overlap):
            body = norm.text[a:b]
            if not re.search(r"[^\W\d_]{2,}", body):
                continue
            o_start, o_end = norm.span_to_original(a, b)
            pages = sorted({p.number for p in doc.pages if p.number and p.start < o_end and p.end > o_start})
            orgs = [sec.org] if sec.org else []
            for mention in registry.find_orgs(body):
                if mention.entity_id not in orgs:
                    orgs.append(mention.entity_id)
            title = sec.title or doc.meta.title
            key = f"{doc.content_hash}:{o_start}:{o_end}:{size}:{overlap}"
            out.append(
                Chunk(
                    chunk_id=hashlib.sha1(key.encode()).hexdigest()[:20],
                    doc_id=doc.doc_id, ordinal=len(out), text=display_text(body),
                    original=doc.text[o_start:o_end], start=o_start, end=o_end, pages=pages,
                    section=title, orgs=orgs, year=doc.meta.year,
                    citation=citation(doc, pages, title), sentences=_sentences(norm, a, b),
                )
            )
    return out

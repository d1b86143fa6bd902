"""Facts from tables and figure lists: rows of "label  [N projekt]  amount".

Driven by the shape of the text, not by these files: a block of two or more lines that
end in figures is a table; the paragraph(s) above it are its caption, which says what the
figures are (paid EU funds, projects, partners: the metrics' caption cues and cell words in
core/data/vocabulary.toml), for which year, whether they are rounded, and what the rows are
(organisations, programmes, goals, projects). Every fact keeps the verbatim source line;
`verify_quotes` rejects any fact whose quote is not found there.

A table goes on over a page break (normalize has left out the running footer): the column
header repeated on the new page is passed over. A line that starts in lower case after a
row with an empty cell ends that row's label; a total row starts no label.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from core.entities import CITY, Registry
from core.numbers import RANGE_JOIN, Figure, parse_figures, years_in
from core.schemas import Document, Fact
from core.vocabulary import load as load_vocabulary
from ingest.flat_tables import split_rows
from ingest.normalize import Normalized

GOAL_PREFIX = re.compile(r"^\s*(?:[•\-–]\s*)?(\d{1,2})\.\s+(?=\D)")
TOTAL_LABEL = re.compile(r"^(summa|totalt?|sammanlagt|total)\b", re.IGNORECASE)
FILLER = re.compile(r"^[\s:;,.–\-]*$")
SEPARATOR = re.compile(r"^[\s\-–_=|]+$")
RANGE = re.compile(r"((?:19|20)\d{2})\s*[—–-]\s*((?:19|20)\d{2})")
MAX_CAPTION_LINES = 3
UNNAMED = "count"  # the metric of table figures no caption cue names (core/data/vocabulary.toml)
# labels that are document structure, not data: section numbers, dot leaders, "Tabell 3"
# and a sentence's end inside it: two lines of justified running text that happen to end in a figure
NOT_A_LABEL = re.compile(r"^\d|\.{3,}|^(tabell|figur|bilaga|bild|sida|diagram)$|(?-i:[a-zåäö]{2}\.\s+[A-ZÅÄÖ])",
                         re.IGNORECASE)
EMPTY_ROW = re.compile(r"^\s*(?:\d{1,2}\.\s+\D.*|[^\d\t]+\t)\s*$")
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")  # a Markdown table row: | cell | cell |
# a sentence's joining words: a label starting with one continues the line above's sentence
JOINING_WORDS = {"och", "men", "eller", "samt", "som", "att", "i", "på", "av", "med", "för", "till", "från", "om",
                 "under", "där", "vilket", "varav", "inom", "hos", "vid", "efter", "and", "or", "of", "in", "to"}
CLAUSE_WORDS = 6  # a lower-case label this many words long is a clause of running text, not a cell
# a longer line is running text, not a table row (a row's label is at most 90 characters, its cells figures);
# a row is read in time that grows with the square of its length
MAX_ROW_CHARS = 1000


@dataclass
class Line:
    start: int
    end: int
    text: str


@dataclass
class Row:
    lines: list[Line]
    goal: str | None
    label: str
    cells: list[tuple[Figure, str | None]]  # (figure, the metric its own word names: "N projekt")


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    caption: str = ""
    header: str = ""  # the line right above the first row (column names), repeated after a page break


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\n")
        out.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return out


def parse_row(text: str) -> tuple[str | None, str, list[tuple[Figure, str | None]]] | None:
    """(goal number, label, cells) when the line is a label followed only by figures; a cell
    whose figure is followed by a metric's word (cell_after in core/data/vocabulary.toml,
    "12 projekt") names that metric. A Markdown pipe row reads the same with its bars as
    blanks (offsets are kept)."""
    if len(text) > MAX_ROW_CHARS:
        return None
    if PIPE_ROW.match(text):
        text = text.replace("|", " ")
    goal = None
    m = GOAL_PREFIX.match(text)
    body = text
    if m:
        goal, body = m.group(1), text[m.end() :]
    figures = [f for f in parse_figures(body)]
    if not figures:
        return None
    label = body[: figures[0].start].strip(" \t:–-•")
    if not re.search(r"[^\W\d_]{2,}", label) or len(label) > 90 or NOT_A_LABEL.search(label):
        return None
    if all(f.is_year_like for f in figures):
        return None
    vocab = load_vocabulary()
    cells: list[tuple[Figure, str | None]] = []
    cursor = figures[0].start
    for fig in figures:
        if not FILLER.match(body[cursor : fig.start]):
            return None
        cursor = fig.end
        named = vocab.cell_metric(body[cursor:])
        if named:
            cursor += named[1]
        cells.append((fig, named[0] if named else None))
    if not FILLER.match(body[cursor:]):
        return None
    return goal, label, cells


@dataclass
class _Scan:
    """Reads lines top to bottom into tables (see the module docstring)."""

    lines: list[Line]
    page_first: Collection[int]  # the first line of each page after the first
    tables: list[Table] = field(default_factory=list)
    current: Table | None = None
    pending: list[Line] = field(default_factory=list)  # a label line continued on the next line
    after_empty_row: bool = False
    after_break: bool = False

    def step(self, i: int, line: Line) -> None:
        text = line.text
        self.after_break = self.after_break or i in self.page_first
        if self.after_break and self.current and text.strip() == self.current.header:
            return  # the column header repeated on a new page
        parsed = parse_row(text) if text.strip() else None
        if parsed and not (self.pending or self.after_empty_row) and _continues_a_sentence(parsed[1], text):
            parsed = None  # running text whose line happens to end in a figure ("elever från åk 4")
        if parsed:
            self.add_row(i, line, parsed)
        elif not text.strip() or SEPARATOR.match(text):
            self.pending = []
        elif EMPTY_ROW.match(text) and (self.current is not None or _next_is_row(self.lines, i)):
            self.pending, self.after_empty_row = [], True  # a row with an empty cell: the table goes on
        elif self.current is not None and self.after_empty_row and text.strip()[:1].islower():
            self.pending = []  # the rest of that row's label
        elif self.current is not None and not self.pending and _next_is_row(self.lines, i):
            self.pending, self.after_empty_row = [line], False
        else:
            self.current, self.pending, self.after_empty_row = None, [], False

    def add_row(self, i: int, line: Line, parsed: tuple[str | None, str, list[tuple[Figure, str | None]]]) -> None:
        goal, label, cells = parsed
        pending = [] if TOTAL_LABEL.match(label) else self.pending
        if pending and not goal:
            label = " ".join(p.text.strip() for p in pending) + " " + label
        row = Row([*pending, line], goal, label.strip(), cells)
        self.pending, self.after_empty_row, self.after_break = [], False, False
        if self.current is None:
            top = _table_top(self.lines, i)
            self.current = Table(caption=_caption(self.lines, top), header=self._header(top))
            self.tables.append(self.current)
        self.current.rows.append(row)
        if TOTAL_LABEL.match(row.label):
            self.current = None  # a total closes its table

    def _header(self, first: int) -> str:
        above = next((text for i in range(first - 1, -1, -1) if (text := self.lines[i].text.strip())), "")
        return "" if parse_row(above) else above


def find_tables(lines: list[Line], *, page_first: Collection[int] = ()) -> list[Table]:
    """Tables in `lines`; `page_first`: the first line of each page after the first."""
    scan = _Scan(lines, page_first)
    for i, line in enumerate(lines):
        scan.step(i, line)
    return [t for t in scan.tables if len(t.rows) >= 2]


def _continues_a_sentence(label: str, text: str) -> bool:
    """Whether a row's label is the rest of a sentence wrapped from the line above ("och åk 5.", "plan
    på hur de kan tävla igen nästa år men även med elever från åk 4"), not a table's row: it starts in
    lower case and with a joining word, or runs as long as a clause, or the line ends as a sentence does.
    A wrapped cell's lower-case end ("socialförvaltningen 20 038 526") stays a row."""
    words = label.split()
    if not words or not words[0][:1].islower():
        return False
    return (words[0].lower() in JOINING_WORDS or len(words) >= CLAUSE_WORDS
            or bool(re.search(r"[.!?]\s*$", text)))


def _next_is_row(lines: list[Line], i: int) -> bool:
    return i + 1 < len(lines) and parse_row(lines[i + 1].text) is not None


def _is_empty_goal_row(text: str) -> bool:
    return bool(EMPTY_ROW.match(text) and GOAL_PREFIX.match(text))


def _table_top(lines: list[Line], first: int) -> int:
    """Where a table starts whose first rows have no figure ('1. En ung, global och modern stad', its
    cell empty, the label wrapped or not): its caption and column header stand above that, however the
    page breaks the label and spaces the rows."""
    top, i = first, first - 1
    while i >= 0:
        text = lines[i].text.strip()
        if text and _is_empty_goal_row(text):
            top = i
        elif text and not (text[:1].islower() and _empty_row_above(lines, i)):
            break
        i -= 1
    return top


def _empty_row_above(lines: list[Line], i: int) -> bool:
    """Whether the nearest line with text above line `i` is a goal row without a figure (`i` wraps its label)."""
    above = next((text for k in range(i - 1, -1, -1) if (text := lines[k].text.strip())), "")
    return _is_empty_goal_row(above)


def _caption(lines: list[Line], first: int) -> str:
    """Up to two short paragraphs above a table (its title and column header)."""
    paragraphs: list[list[str]] = []
    i = first - 1
    while i >= 0 and len(paragraphs) < 2:
        while i >= 0 and not lines[i].text.strip():
            i -= 1
        para: list[str] = []  # nearest line first; one line more than a caption has is enough to know
        while i >= 0 and lines[i].text.strip() and len(para) <= MAX_CAPTION_LINES:
            text = lines[i].text.strip()
            if not EMPTY_ROW.match(text) or not GOAL_PREFIX.match(text):
                para.append(text)
            i -= 1
        para.reverse()
        if not para or len(para) > MAX_CAPTION_LINES or any(parse_row(t) for t in para):
            if para and len(para) > MAX_CAPTION_LINES and not paragraphs:
                paragraphs.insert(0, para[-1:])
            break
        paragraphs.insert(0, para)
    return " ".join(" ".join(p) for p in paragraphs)


@dataclass
class Context:
    doc: Document
    norm: Normalized
    registry: Registry
    made: dict[tuple[int, int], int] = field(default_factory=dict)  # facts made per source span

    def fact(self, lines: list[Line], **fields: object) -> Fact:
        """A Fact whose quote is the verbatim source of `lines` (normalized offsets). Its id is
        its place: document, span and the how-manieth fact of that span, so ids never repeat
        (a row stating the same amount twice gives two facts with two ids)."""
        start, end = self.norm.span_to_original(lines[0].start, lines[-1].end)
        raw = self.doc.text[start:end]
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        quote = self.doc.text[start:end]
        org = str(fields["org"])
        nth = self.made[start, end] = self.made.get((start, end), -1) + 1
        key = f"{self.doc.doc_id}:{self.doc.content_hash}:{start}:{end}:{nth}"
        return Fact(
            fact_id=hashlib.sha1(key.encode()).hexdigest()[:16], doc_id=self.doc.doc_id,
            unit_org=self.registry.unit_of(org), page=self.doc.page_at(start).number,
            quote=quote, span_start=start, span_end=end, **fields,  # type: ignore[arg-type]
        )


def _table_year(caption: str, doc_year: int | None) -> int | None:
    rng = RANGE.search(caption)
    if rng:
        lo, hi = int(rng.group(1)), int(rng.group(2))
        if doc_year and lo <= doc_year <= hi:
            return doc_year
        return lo
    years = sorted({y for y, _ in years_in(caption)})
    if len(years) == 1:
        return years[0]
    if doc_year in years or not years:
        return doc_year
    return years[0]


def _precision(value: float) -> float:
    digits = str(int(value))
    stripped = digits.rstrip("0")
    return float(10 ** (len(digits) - len(stripped))) if stripped else 1.0


def table_facts(ctx: Context, table: Table, index: int) -> list[Fact]:
    cap = table.caption
    year = _table_year(cap, ctx.doc.meta.year)
    if year is None:
        return []
    money_table = bool(re.search(r"\b(SEK|kronor|kr|belopp|medel)\b|utbetal|betald", cap, re.IGNORECASE))
    rounded = bool(re.search(r"avrundat|ungefärlig|\bca\b|\bcirka\b", cap, re.IGNORECASE))
    vocab = load_vocabulary()
    money_metric = vocab.caption_metric(cap, "SEK") or UNNAMED
    goal_table = bool(re.search(r"mål", cap, re.IGNORECASE))
    project_table = bool(re.search(r"projektnamn|\bprojekt\b.*\bfond", cap, re.IGNORECASE))
    count_metric = vocab.caption_metric(cap, "count") or UNNAMED
    header_orgs = [m.entity_id for m in ctx.registry.find_orgs(cap) if m.entity_id != CITY]
    default_org = header_orgs[0] if header_orgs else ctx.doc.meta.scope
    group = f"{ctx.doc.doc_id}:t{index}"
    out: list[Fact] = []
    for row in table.rows:
        dims = _row_dimensions(ctx.registry, row, goal_table=goal_table, project_table=project_table)
        org = dims.pop("org", None) or default_org
        is_total = bool(TOTAL_LABEL.match(row.label))
        goal = row.goal
        cells = row.cells
        if goal_table and project_table and len(cells) > 1 and cells[-1][0].bare and cells[-1][0].value <= 20:
            goal = goal or str(int(cells[-1][0].value))  # a trailing goal-number column
            cells = cells[:-1]
        for n, (fig, named) in enumerate(cells):
            if named:
                metric, unit = named, vocab.unit(named)
            elif fig.money or (money_table and not (fig.bare and fig.value < 100 and n > 0)):
                metric, unit = money_metric, "SEK"
            else:
                metric, unit = count_metric, "count"
            approximate = fig.approximate or (rounded and unit == "SEK")
            precision = fig.precision if fig.approximate else (_precision(fig.value) if approximate else 1.0)
            out.append(
                ctx.fact(
                    row.lines, org=org, year=year, metric=metric, value=fig.value, unit=unit,
                    approximate=approximate, qualifier=fig.qualifier, precision=precision,
                    goal=goal if goal_table or row.goal else None,
                    goal_label=row.label if row.goal else None,
                    role="total" if is_total else "part", group=group,
                    dimension=None if is_total else dims.get("dimension"),
                    label=row.label, display=fig.display,
                    fund=dims.get("fund"), project=dims.get("project"), category=dims.get("category"),
                )
            )
    return out


def _row_dimensions(registry: Registry, row: Row, *, goal_table: bool, project_table: bool) -> dict[str, str]:
    label = row.label
    if row.goal:
        return {"dimension": "goal"}
    if TOTAL_LABEL.match(label):
        return {}
    funds = registry.find_funds(label)
    if project_table and funds:
        last = funds[-1]
        return {"dimension": "project", "project": label[: last.start].strip(), "fund": last.entity_id}
    fund = registry.resolve_fund(label) or registry.resolve_fund(re.sub(r"[-\s]projekt$", "", label))
    if fund or (funds and funds[0].end - funds[0].start >= len(label) * 0.5):
        return {"dimension": "fund", "fund": fund or funds[0].entity_id}
    org = registry.resolve_org(label)
    orgs = registry.find_orgs(label)
    if not org and orgs and (orgs[0].start == 0 or orgs[0].end - orgs[0].start >= len(label) * 0.6):
        org = orgs[0].entity_id
    if org:
        return {"dimension": "org", "org": org}
    if goal_table:
        return {"dimension": "goal"}
    return {"dimension": "category", "category": label}


def document_tables(ctx: Context) -> list[Table]:
    """The tables of a document's normalized text in order: the i-th gives the facts of group 'DOC:ti'."""
    rows = split_rows([(line.start, line.text) for line in lines_of(ctx.norm.text)])  # ingest/flat_tables.py
    lines = [Line(start, start + len(text), text) for start, text in rows]
    starts = [line.start for line in lines]
    page_first = {bisect.bisect_left(starts, ctx.norm.to_normalized(page.start)) for page in ctx.doc.pages[1:]}
    return find_tables(lines, page_first=page_first)


def extract_table_facts(ctx: Context) -> tuple[list[Fact], set[int]]:
    """Facts from all tables, and the normalized line starts the tables used."""
    facts: list[Fact] = []
    used: set[int] = set()
    for i, table in enumerate(document_tables(ctx)):
        facts.extend(table_facts(ctx, table, i))
        used.update(line.start for row in table.rows for line in row.lines)
    return facts, used


def verify_quotes(doc: Document, facts: list[Fact]) -> tuple[list[Fact], list[str]]:
    """Keep facts whose quote is verbatim at its span and whose figure (each end of a range) is in the quote."""
    kept, rejected = [], []
    for fact in facts:
        at_span = doc.text[fact.span_start : fact.span_end] == fact.quote
        page = doc.page_at(fact.span_start)
        on_page = page.number == fact.page and page.start <= fact.span_start < page.end
        digits = re.sub(r"\D", "", fact.quote)
        shown = [re.sub(r"\D", "", end) for end in fact.display.split(RANGE_JOIN)]
        if at_span and on_page and fact.quote and (all(d in digits for d in shown) or fact.display in fact.quote):
            kept.append(fact)
        else:
            rejected.append(f"{doc.doc_id}: fact '{fact.label} {fact.display}' not found verbatim at its source")
    return kept, rejected

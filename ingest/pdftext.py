"""PDF page text rebuilt from positioned text runs, so that the text reads like the page.

pypdf reports each run of text with the position where it starts (a visitor on
`extract_text`). From those positions each page becomes lines:

- runs on one baseline form one line (pypdf has already put a space in each gap);
- a table row whose first cell wraps over several lines and whose next cell is printed
  beside them (top- or middle-aligned, so it comes later in the stream but higher up
  the page) becomes one line: the wrapped cell's lines joined by spaces, cells by tabs;
- a vertical gap clearly wider than the page's usual line spacing, or a change of font
  size (a heading), becomes a blank line, as between paragraphs in the Markdown and text
  sources.

Glyphs marked as standing for a soft hyphen (a marked-content span whose /ActualText is
U+00AD, as Chromium prints every possible break in a word) are not read: pypdf would read
their blank glyph as a space inside the word ("interna tionellt").
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from typing import Any

from pypdf import PageObject
from pypdf.generic import ContentStream, DictionaryObject, NameObject

# a run within this share of its font size from a line's baseline is on that line
# (superscripts too); a mid-height cell beside two wrapped lines is further off
SAME_BASELINE = 0.45
# wrapped lines inside a table cell are at most this many font sizes apart
CELL_LINE_STEP = 1.6
# a cell printed mid-height beside a wrapped cell is at most this much higher than its last line
HALF_ROW = 1.0
# a wrapped table cell spans at most this many lines
MAX_CELL_LINES = 4
# lines further apart than this share of the page's usual line spacing are paragraphs
PARAGRAPH_GAP = 1.45
# a line whose font is this much larger or smaller than the previous one starts a block
SIZE_CHANGE = 1.15
ROTATED = 1e-3
SHOWS_TEXT = {b"Tj", b"TJ", b"'", b'"'}
SOFT_HYPHEN = "\u00ad"


@dataclass
class Run:
    text: str
    x: float
    y: float
    size: float
    upright: bool
    after_break: bool  # pypdf ended the previous run with a line break


@dataclass
class Line:
    cells: list[list[str]]  # cells, each a list of its wrapped lines (pieces joined by pypdf's spacing)
    x: float  # where the line starts
    top: float  # highest baseline in the line
    bottom: float  # lowest baseline in the line
    size: float
    upright: bool = True
    sizes: list[float] = field(default_factory=list)
    cell_x: list[float] = field(default_factory=list)  # where each cell starts

    @classmethod
    def start(cls, run: Run) -> Line:
        return cls([[run.text]], run.x, run.y, run.y, run.size, run.upright, [run.size], [run.x])

    def text(self) -> str:
        return "\t".join(" ".join(part.strip() for part in cell if part.strip()) for cell in self.cells)


def _product(tm: list[float], cm: list[float]) -> list[float]:
    """The text matrix in page space (tm x cm)."""
    a, b, c, d, e, f = tm
    ca, cb, cc, cd, ce, cf = cm
    return [a * ca + b * cc, a * cb + b * cd, c * ca + d * cc, c * cb + d * cd,
            e * ca + f * cc + ce, e * cb + f * cd + cf]


def _is_soft_hyphen_span(operands: list[Any]) -> bool:
    props = operands[1] if len(operands) > 1 else None
    if not isinstance(props, DictionaryObject) or "/ActualText" not in props:
        return False
    return not str(props["/ActualText"]).replace(SOFT_HYPHEN, "")


def drop_soft_hyphen_glyphs(page: PageObject) -> None:
    """Remove the text shown inside soft-hyphen spans (positions are kept); the page object
    is changed in memory only."""
    if "/Contents" not in page:
        return
    # parsed as pypdf parses for text: strings stay bytes, decoded later with their font
    contents = ContentStream(page["/Contents"].get_object(), page.pdf, "bytes")
    if b"/ActualText" not in contents.get_data():
        return
    kept: list[tuple[Any, bytes]] = []
    depth = 0  # marked-content nesting inside a soft-hyphen span; 0 = outside
    for operands, operator in contents.operations:
        if depth:
            depth += {b"BDC": 1, b"BMC": 1, b"EMC": -1}.get(operator, 0)
            if operator in SHOWS_TEXT or (operator == b"EMC" and not depth):
                continue
        elif operator == b"BDC" and _is_soft_hyphen_span(operands):
            depth = 1
            continue
        kept.append((operands, operator))
    contents.operations = kept
    page[NameObject("/Contents")] = contents


def page_runs(page: PageObject) -> list[Run]:
    """The page's text runs in content order, with start position and effective font size."""
    runs: list[Run] = []
    broke = [True]

    def visit(raw: Any, cm: Any, tm: Any, _font: Any, size: Any) -> None:
        text = str(raw).replace("\n", "")
        if text.strip():
            m = _product([float(v) for v in tm], [float(v) for v in cm])
            scale = math.hypot(m[2], m[3]) or 1.0
            upright = abs(m[1]) < ROTATED and abs(m[2]) < ROTATED and m[3] > 0
            runs.append(Run(text, m[4], m[5], float(size or 1.0) * scale, upright, broke[0]))
            broke[0] = False
        if str(raw).endswith("\n"):
            broke[0] = True

    drop_soft_hyphen_glyphs(page)
    page.extract_text(visitor_text=visit)
    return runs


def _tolerance(line: Line, run: Run) -> float:
    return SAME_BASELINE * max(run.size, line.size)


def _same_line(line: Line, run: Run) -> bool:
    tolerance = _tolerance(line, run)
    return line.upright and run.upright and line.bottom - tolerance <= run.y <= line.top + tolerance


def _continues_cell(line: Line, run: Run) -> bool:
    """A wrapped line of a table row's later cell: just below the row, under that cell."""
    below = line.bottom - run.y
    return (len(line.cells) > 1 and run.upright and 0 < below <= CELL_LINE_STEP * run.size
            and run.x >= line.cell_x[-1] - _tolerance(line, run))


def _row_start(lines: list[Line], run: Run) -> int | None:
    """Index of the line where a table row begins, when `run` is a later cell of that row:
    it comes after the row's first cell in the stream but sits beside it, higher up."""
    if not lines or not run.upright:
        return None
    last = lines[-1]
    tolerance = _tolerance(last, run)
    if run.y <= last.top + tolerance or run.x <= last.x + run.size:
        return None
    for k in range(len(lines) - 1, max(-1, len(lines) - 1 - MAX_CELL_LINES), -1):
        line = lines[k]
        if not line.upright or line.x >= run.x - run.size:
            break
        if k < len(lines) - 1 and line.bottom - lines[k + 1].top > CELL_LINE_STEP * line.size:
            break  # wider apart than the lines of one wrapped cell
        if line.top >= run.y - tolerance:
            return k
    # a short cell printed mid-height beside a wrapped one: less than a line lower
    return len(lines) - 1 if run.y - last.top <= HALF_ROW * run.size else None


def _merge_row(lines: list[Line], k: int, run: Run) -> None:
    first = lines[k]
    for line in lines[k + 1 :]:
        first.cells[-1].append(line.text())
        first.sizes.extend(line.sizes)
        first.top, first.bottom = max(first.top, line.top), min(first.bottom, line.bottom)
    del lines[k + 1 :]
    first.cells.append([run.text])
    first.cell_x.append(run.x)
    first.top, first.bottom = max(first.top, run.y), min(first.bottom, run.y)


def build_lines(runs: list[Run]) -> list[Line]:
    """Runs in content order -> printed lines, table rows whole."""
    lines: list[Line] = []
    for run in runs:
        line = lines[-1] if lines else None
        if line and _same_line(line, run):
            cell = line.cells[-1]
            joint = cell[-1][-1:] + run.text[:1]
            cell[-1] += (" " if run.after_break and joint.strip() == joint else "") + run.text
            line.sizes.append(run.size)
        elif line and _continues_cell(line, run):
            line.cells[-1].append(run.text)
            line.sizes.append(run.size)
            line.bottom = run.y
        elif (k := _row_start(lines, run)) is not None:
            _merge_row(lines, k, run)
        else:
            lines.append(Line.start(run))
    for line in lines:
        line.size = statistics.median(line.sizes)
    return lines


def usual_spacing(pages: list[list[Line]]) -> float | None:
    """The most common distance between consecutive lines (the body text's line spacing)."""
    steps = [round(2 * (a.bottom - b.top)) / 2 for lines in pages for a, b in zip(lines, lines[1:], strict=False)
             if a.upright and b.upright and 0 < a.bottom - b.top < 3 * a.size]
    return statistics.mode(steps) if len(steps) >= 3 else None


def _starts_block(prev: Line, line: Line, spacing: float) -> bool:
    if not (prev.upright and line.upright):
        return True
    if max(prev.size, line.size) > SIZE_CHANGE * min(prev.size, line.size):
        return True
    step = prev.bottom - line.top
    return step < 0 or step > PARAGRAPH_GAP * spacing


def render(lines: list[Line], spacing: float | None) -> str:
    """Lines as text: one line per printed line or table row, blank lines between blocks."""
    if not lines:
        return ""
    spacing = spacing or 1.2 * statistics.median(line.size for line in lines)
    out = [lines[0].text()]
    for prev, line in zip(lines, lines[1:], strict=False):
        if _starts_block(prev, line, spacing):
            out.append("")
        out.append(line.text())
    return "\n".join(out) + "\n"


def pages_text(pages: list[PageObject]) -> list[str]:
    """Each page's text, laid out as described in the module docstring."""
    lines = [build_lines(page_runs(page)) for page in pages]
    spacing = usual_spacing(lines)
    return [render(page_lines, spacing) for page_lines in lines]

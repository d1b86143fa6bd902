"""Tables printed as running text: where a line holds several rows of a table.

A report made from Markdown or a word processor may print a small table as one paragraph (a
Markdown renderer joins the lines of a paragraph): "Samverkanspart Antal Offentlig 13 Privat 5
Universitet/forskning 3 Ideell sektor 9 Summa 30", or a total glued to a row without a figure:
"9. En stad med bra arbetsvillkor Summa 20 038 525". What shows that such a line is a table,
whatever the page layout, is its total: the line ends in a total row ("Summa", "Totalt") whose
figure is the sum of the figures before it. Such a line is cut into its rows, and a column header
in front of the first row ("Samverkanspart Antal", words that each start a cell) into a line of
its own. A line is only cut where it had a space: offsets stay those of the text.
"""

from __future__ import annotations

import re

from core.numbers import parse_figures

# a total row's word, written as a row starts (capitalised): "Summa", "Totalt", "Total", "Sammanlagt"
TOTAL_WORD = re.compile(r"(?<!\S)(?:Summa|Totalt?|Sammanlagt)\s*$")
# a label without a figure and a total glued to it: "9. En stad med bra arbetsvillkor Summa"
GLUED_TOTAL = re.compile(r"^\s*\d{1,2}\.\s+\D*?\s(?=(?:Summa|Totalt?|Sammanlagt)\s+\d)")
LETTERS = re.compile(r"[^\W\d_]{2,}")
CAPITALISED = re.compile(r"(?<!\S)[A-ZÅÄÖ]")
MIN_ROWS = 1  # rows besides the total
ROUNDING = 0.5  # a total equals the sum of its rows within this (amounts are whole)
MAX_CHARS = 1000  # a longer line is running text
MAX_WRAPPED = 3  # a table printed as running text spans at most this many lines (paragraphs' gaps besides)


def row_starts(text: str) -> list[int]:
    """Offsets in `text` (one line) where a row or the column header of a table printed as running
    text starts, after the first; [] when the line is no such table."""
    if "\t" in text or len(text) > MAX_CHARS:
        return []
    glued = GLUED_TOTAL.match(text)
    if glued and _ends_in_total(text, glued.end()):
        return [glued.end()]
    figures = [f for f in parse_figures(text) if not f.is_year_like]
    if len(figures) < MIN_ROWS + 1 or text[figures[-1].end :].strip():
        return []
    cuts = [0] + [f.end for f in figures]
    labels = [text[cuts[i] : f.start] for i, f in enumerate(figures)]
    if not all(LETTERS.search(label) and not re.search(r"[.:;!?]\s*$", label) for label in labels):
        return []  # a row's label has words and ends in none of a sentence's marks
    if not TOTAL_WORD.fullmatch(labels[-1].strip()):
        return []  # the last row is a total and nothing else
    if abs(sum(f.value for f in figures[:-1]) - figures[-1].value) > ROUNDING:
        return []
    starts = [_after_space(text, cut) for cut in cuts[1:-1]]
    header = [m.start() for m in CAPITALISED.finditer(text, 0, figures[0].start)]
    return ([header[-1]] if len(header) > 1 else []) + starts


def split_rows(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines (start offset, text) with each table printed as running text, on one line or wrapped
    over a few, cut into its rows; a row's text has its line breaks as spaces (offsets are kept)."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        found = _flat_table(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
        else:
            rows, i = found
            out += rows
    return out


def _flat_table(lines: list[tuple[int, str]], i: int) -> tuple[list[tuple[int, str]], int] | None:
    """The rows of a table printed as running text from line `i` on, and the index of the line after it."""
    start, filled = lines[i][0], 0
    for k in range(i, min(i + 2 * MAX_WRAPPED, len(lines))):
        text = " ".join(t for _, t in lines[i : k + 1])  # a line break is one character, as the space
        if len(text) != lines[k][0] + len(lines[k][1]) - start:
            return None  # not adjacent lines of one text
        if not lines[k][1].strip():
            if k == i or not lines[k - 1][1].strip():
                return None  # a paragraph's gap is one blank line
            continue
        filled += 1
        if filled > MAX_WRAPPED:
            return None
        cuts = row_starts(text)
        if cuts:
            bounds = [0, *cuts, len(text)]
            return [(start + a, text[a:b].rstrip()) for a, b in zip(bounds, bounds[1:], strict=False)], k + 1
    return None


def _ends_in_total(text: str, at: int) -> bool:
    figures = parse_figures(text[at:])
    return len(figures) == 1 and not text[at + figures[0].end :].strip()


def _after_space(text: str, at: int) -> int:
    """The first character after the blanks at `at`."""
    return at + len(text[at:]) - len(text[at:].lstrip())


__all__ = ["row_starts", "split_rows"]

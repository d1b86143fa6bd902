"""A source passage for reading: the heading path it stands under, and its text without
Markdown/HTML markup and table-of-contents dot leaders, with the quote's offsets mapped."""

from __future__ import annotations

import html
import re

MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})[ \t]+([A-ZÅÄÖ][^\n]{2,100}?)[ \t]*$")
# a numbered line that is a table-of-contents entry or a table row, not a heading
TOC_LINE = re.compile(r"\.{4,}|\t\d+\s*$|\d{1,3}(?:[ \u00a0]\d{3})+|\d{5,}")
TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>")
# what is dropped or replaced when a passage is shown as text
MARKUP = re.compile(
    r"(?P<tag></?[A-Za-z][^<>\n]{0,200}>)"
    r"|(?P<heading>(?m:^)#{1,6}[ \t]+)"
    r"|(?P<leader>[ \t]*\.{4,}[ \t]*)"
    r"|(?P<bold>\*\*|__)"
    r"|(?P<em>(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*]))"
    r"|(?P<rule>(?m:^)[ \t]*[-|:=]{3,}[-|:= \t]*(?m:$))"
    r"|(?P<entity>&(?:#\d{1,6}|[a-z]{2,8});)"
    r"|(?P<blank>\n[ \t]*\n(?:[ \t]*\n)+)"
)


def _clean_heading(text: str) -> str:
    return " ".join(TAG.sub("", text).replace("*", "").split())


def heading_at(line: str) -> tuple[int, str] | None:
    """A heading line: (level, title), from Markdown '#' or a numbered heading ('4.1 Title')."""
    m = MD_HEADING.match(line)
    if m:
        title = _clean_heading(m.group(2))
        return (len(m.group(1)), title) if title else None
    m = NUMBERED_HEADING.match(TAG.sub("", line).strip())
    if m and not TOC_LINE.search(line):
        return m.group(1).count(".") + 1, f"{m.group(1)} {_clean_heading(m.group(2))}"
    return None


def section_path(text: str, offset: int, section: str | None = None) -> list[str]:
    """Headings above `offset` in the document text, outermost first ('1 Malmö stad',
    '1.1 Del 2; …'), ending with `section` (the heading ingest found) when it is not there yet."""
    stack: list[tuple[int, str]] = []
    for m in re.finditer(r"[^\n]+", text[:offset]):
        found = heading_at(m.group(0))
        if found is None:
            continue
        while stack and stack[-1][0] >= found[0]:
            stack.pop()
        stack.append(found)
    path = [title for _, title in stack]
    section = _clean_heading(section) if section else None
    if section and section not in path:
        path.append(section)
    return path


def _replacement(m: re.Match[str]) -> str:
    kind = m.lastgroup
    if kind == "leader":
        return "\t"
    if kind == "entity":
        return html.unescape(m.group(0))
    if kind == "blank":
        return "\n\n"
    return ""


def readable(text: str, start: int, end: int) -> tuple[str, int, int]:
    """`text` without markup, and where text[start:end] stands in it."""
    out: list[str] = []
    where = [0] * (len(text) + 1)  # offset in `text` -> offset in the readable text
    size = pos = 0
    for m in MARKUP.finditer(text):
        for i in range(pos, m.start()):
            where[i] = size + i - pos
        out.append(text[pos:m.start()])
        size += m.start() - pos
        for i in range(m.start(), m.end()):
            where[i] = size
        rep = _replacement(m)
        out.append(rep)
        size += len(rep)
        pos = m.end()
    for i in range(pos, len(text) + 1):
        where[i] = size + i - pos
    out.append(text[pos:])
    return "".join(out), where[start], where[end]

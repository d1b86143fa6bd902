"""Citations as a reader lists them: each source (document and page, or section where a document has no
pages) once, numbered in the order the answer first cites it, and only sources the answer refers to. A
source cited for several quotes of one page is one citation whose quote is the page's text from the first
quoted span to the last, verbatim (Document.text[span_start:span_end] == quote)."""

from __future__ import annotations

import re

from core.schemas import Answer, Citation, Document

MARKER = re.compile(r"\[(\d+)\]")


def _source(c: Citation) -> tuple[str, object]:
    return c.doc_id, c.page if c.page is not None else ("section", c.section)


def _referred(answer: Answer) -> set[int]:
    """The citation numbers the answer refers to: markers in its text and caveats, its figures and rows."""
    used = {int(n) for text in [answer.text, *answer.caveats] for n in MARKER.findall(text)}
    used |= {f.citation for f in answer.figures}
    used |= {r.citation for r in answer.table if r.citation}
    return used


def _merged(group: list[Citation], doc: Document | None, n: int) -> Citation:
    """One citation for the quotes of one page: their covering span, verbatim; its id is the first quote's
    (the sources route highlights any span of the page it stands on)."""
    first = group[0]
    spans = [(c.span_start, c.span_end) for c in group]
    if len(group) == 1 or doc is None or any(a is None or b is None for a, b in spans):
        return first.model_copy(update={"n": n})
    start = min(int(a or 0) for a, _ in spans)
    end = max(int(b or 0) for _, b in spans)
    return first.model_copy(update={"n": n, "quote": doc.text[start:end], "span_start": start, "span_end": end})


def one_per_source(answer: Answer, docs: dict[str, Document]) -> Answer:
    """The answer with each source cited once (markers, figures and rows renumbered) and unreferenced
    citations left out; a marker repeated right after itself ('[1] [1]') is written once."""
    referred = _referred(answer)
    groups: dict[tuple[str, object], list[Citation]] = {}
    for c in answer.citations:
        if c.n in referred:
            groups.setdefault(_source(c), []).append(c)
    renumber: dict[int, int] = {}
    citations: list[Citation] = []
    for n, group in enumerate(groups.values(), start=1):
        citations.append(_merged(group, docs.get(group[0].doc_id), n))
        renumber.update({c.n: n for c in group})
    if [c.model_dump() for c in citations] == [c.model_dump() for c in answer.citations]:
        return answer

    def marker(m: re.Match[str]) -> str:
        return f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]"

    def text_of(text: str) -> str:
        return re.sub(r"(\[\d+\])(?:\s*\1)+", r"\1", MARKER.sub(marker, text))

    return answer.model_copy(update={
        "text": text_of(answer.text), "caveats": [text_of(c) for c in answer.caveats], "citations": citations,
        "figures": [f.model_copy(update={"citation": renumber.get(f.citation, f.citation)}) for f in answer.figures],
        "table": [r.model_copy(update={"citation": renumber.get(r.citation, r.citation) if r.citation else None})
                  for r in answer.table]})

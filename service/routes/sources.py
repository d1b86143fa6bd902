"""GET /api/documents and GET /api/sources/{source_id}: what was ingested and the exact
text behind a citation, with the quote's span for highlighting."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from core.errors import BadRequest, NotFound
from core.schemas import Document
from service.deps import KeyDep, ServedDep
from service.models import PLAIN, DocumentOut, SourceOut
from service.routes import KEYED, errors
from service.source_text import readable, section_path

router = APIRouter(prefix="/api", tags=["sources"])
EXCERPT = 1500  # characters around the span when a page is long or the source has no pages


DOCUMENT_EXAMPLE = [{
    "doc_id": "2024_stk_redovisning_internationellt_arbete",
    "title": "Redovisning av internationellt arbete 2024 (tjänsteskrivelse, STK-2025-405)",
    "short_name": "Redovisning 2024", "year": 2024, "kind": "tjansteskrivelse", "issuer": "Stadskontoret",
    "diarienummer": "STK-2025-405", "official": True, "pages": 6, "source_format": "text",
    "ingested_at": "2026-11-23T18:29:18+00:00",
    "content_hash": "9b6964375c7b908d…",
}]
SOURCE_EXAMPLE = {
    "source_id": "…", "doc_id": "2019_asn_tjansteskrivelse_internationell_redovisning",
    "title": "Internationell redovisning 2019, arbetsmarknads- och socialnämnden (ASN-2019-17886)",
    "citation": "Redovisning 2019 (ASN), s. 2", "page": 2, "page_label": None,
    "context": "…\nTAMU ESF 257 345 SEK 2\n…", "context_start": 3120, "highlight_start": 2, "highlight_end": 24,
    "readable": None, "section_path": ["1 EU-medel 2019"],
    "text": "…\nTAMU ESF 257 345 SEK 2\n…", "text_highlight_start": 2, "text_highlight_end": 24,
}


@router.get("/documents", response_model=list[DocumentOut],
            responses={200: {"content": {"application/json": {"example": DOCUMENT_EXAMPLE}}}, **errors(*KEYED)})
def documents(_key: KeyDep, served: ServedDep) -> list[DocumentOut]:
    """The ingested documents: title, year reported, kind, whether official (listed in the
    manifest), pages, when ingested, content hash."""
    out = []
    for row in served.documents:
        meta = row["meta"]
        out.append(DocumentOut(
            doc_id=row["doc_id"], title=meta["title"], short_name=meta["short_name"], year=meta["year"],
            kind=meta["kind"], issuer=meta["issuer"], diarienummer=meta["diarienummer"],
            official=bool(meta.get("official", False)), pages=len(row["pages"]),
            source_format=row["source_format"], ingested_at=row["ingested_at"], content_hash=row["content_hash"]))
    return sorted(out, key=lambda d: (-(d.year or 0), d.doc_id))


@router.get("/sources/{source_id}", response_model=SourceOut, responses={
    200: {"content": {"application/json": {"example": SOURCE_EXAMPLE}}},
    **errors(*KEYED, 400, 404, 422),
})
def source(
    source_id: Annotated[str, Path(pattern=PLAIN, description="A chunk_id or fact_id from an answer.")],
    _key: KeyDep, served: ServedDep,
    start: Annotated[int | None, Query(ge=0, description="Start of a quote to highlight (document offset).")] = None,
    end: Annotated[int | None, Query(ge=0, description="End of the quote to highlight.")] = None,
) -> SourceOut:
    """The verbatim source behind a citation: a passage (chunk id) or a fact (fact id), on
    its page, with the quote's position for highlighting. `start`/`end` (from a citation)
    highlight a sentence inside a passage, or the quotes of one page that a citation covers.
    `section_path` locates it in a source without pages; `text` is the same context for reading
    (no markup), `context` stays verbatim."""
    engine = served.engine
    chunk = engine.retriever.by_id.get(source_id)
    fact = engine.facts.by_id.get(source_id)
    if chunk is None and fact is None:
        raise NotFound(f"no passage or fact with id '{source_id}'", hint="use a chunk_id or fact_id from an answer")
    doc_id = chunk.doc_id if chunk else fact.doc_id  # type: ignore[union-attr]
    doc = engine.docs[doc_id]
    a, b = (chunk.start, chunk.end) if chunk else (fact.span_start, fact.span_end)  # type: ignore[union-attr]
    if start is not None or end is not None:
        if start is None or end is None or not _highlightable(doc, a, b, start, end):
            raise BadRequest(f"start/end must lie inside the source ({a}–{b}) or on its page",
                             hint="use a citation's span")
        a, b = start, end
    page = doc.page_at(a)
    lo, hi = page.start, page.end
    if hi - lo > 2 * EXCERPT + (b - a):
        lo, hi = max(page.start, a - EXCERPT), min(page.end, b + EXCERPT)
    repaired = chunk is not None and doc.meta.ocr and " ".join(chunk.original.split()) != chunk.text
    readable_text = chunk.text if repaired and chunk is not None else None  # only OCR text is repaired
    text, text_start, text_end = readable(doc.text[lo:hi], a - lo, b - lo)
    return SourceOut(
        source_id=source_id, doc_id=doc_id, title=doc.meta.title,
        citation=chunk.citation if chunk else f"{doc.meta.short_name}" + (f", s. {page.number}" if page.number else ""),
        page=page.number, page_label=page.label, context=doc.text[lo:hi], context_start=lo,
        highlight_start=a - lo, highlight_end=b - lo, readable=readable_text,
        section_path=section_path(doc.text, a, chunk.section if chunk else fact.section),  # type: ignore[union-attr]
        text=text, text_highlight_start=text_start, text_highlight_end=text_end)


def _highlightable(doc: Document, a: int, b: int, start: int, end: int) -> bool:
    """A span to highlight lies inside the source, or on one page that the source stands on (a citation of
    several quotes of one page covers them all)."""
    if a <= start < end <= b:
        return True
    page = doc.page_at(start)
    return page.start <= start < end <= page.end and page.start < b and a < page.end

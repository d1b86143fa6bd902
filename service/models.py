"""Request and response models of the HTTP API (separate from the engine's types)."""

from __future__ import annotations

import unicodedata
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from core.schemas import Answer, Check

# white space by any reader: listed, since Python, Rust and ECMA regexes disagree on \s (Python and Rust
# count \x1c-\x1f and \x85, ECMA counts \ufeff)
BLANK = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
NOT_BLANK = rf"[^{BLANK}]"
# Control characters (C0, DEL, C1; Unicode's Cc): none belongs in a name, an id or a filter value, and NUL
# cannot even be stored in PostgreSQL text. Free text (a question, a draft) keeps tab and line breaks.
CONTROL = r"\x00-\x1f\x7f-\x9f"
TEXT_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
PLAIN = rf"^[^{CONTROL}]*$"  # a query or path value
TEXT = rf"^[^{TEXT_CONTROL}]*[^{BLANK}{CONTROL}][^{TEXT_CONTROL}]*$"  # not blank, no control but tab and breaks
FIRST_YEAR, LAST_YEAR = 1900, 2100  # a year filter outside these is a 422, never a database error


def pattern_problem(pattern: str, value: Any) -> str | None:
    """What is wrong with a value that misses PLAIN or TEXT, readably; None for any other pattern."""
    if pattern not in (PLAIN, TEXT) or not isinstance(value, str):
        return None
    allowed = "\t\n\r" if pattern == TEXT else ""
    bad = next((ch for ch in value if unicodedata.category(ch) == "Cc" and ch not in allowed), None)
    if bad is None:
        return "is blank: write some text"
    return f"contains the control character U+{ord(bad):04X}, which is not allowed here: remove it"
ASK_EXAMPLE: Any = {"question": "Hur mycket ESF-pengar fick ASF 2022?", "lang": None, "conversation_id": None}


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [ASK_EXAMPLE]})

    question: str = Field(
        min_length=1, pattern=TEXT,
        description="The question, Swedish or English; at most FAKTAKOLL_MAX_QUESTION_CHARS characters; no "
                    "control characters but tab and line breaks.",
    )
    lang: str | None = Field(default=None, pattern="^(sv|en)$", description="Answer language; default: the question's.")
    conversation_id: str | None = Field(
        default=None, max_length=64, pattern=r"^[A-Za-z0-9_-]+$",
        description="Id from an earlier answer: follow-ups ('och 2024?') reuse that question's slots.",
    )


class AskResponse(Answer):
    conversation_id: str = Field(description="Send it back with the next question to ask a follow-up.")


class ErrorBody(BaseModel):
    status: int
    code: str = Field(description="not_found, bad_request, unauthorized, method_not_allowed, timeout, too_large, "
                                  "rate_limited, unavailable, internal")
    message: str
    hint: str | None = None
    field: str | None = Field(None, description="An unknown filter name (422): the filter (org, fund, metric).")
    value: str | None = Field(None, description="An unknown filter name (422): the value given.")
    nearest: list[str] | None = Field(None, description="An unknown filter name (422): the nearest allowed names, "
                                                         "as 'Name (id)' (a metric by its id).")


class ErrorOut(BaseModel):
    error: ErrorBody


class DocumentOut(BaseModel):
    doc_id: str
    title: str
    short_name: str
    year: int | None
    kind: str
    issuer: str | None
    diarienummer: str | None
    official: bool = Field(description="Listed in corpus/manifest.toml: an official source. An unlisted "
                           "document is titled by its file name and never outranks an official one.")
    pages: int
    source_format: str
    ingested_at: str
    content_hash: str


class SourceOut(BaseModel):
    source_id: str
    doc_id: str
    title: str
    citation: str
    page: int | None
    page_label: str | None
    context: str = Field(description="Verbatim source text around the passage (its page, or an excerpt).")
    context_start: int = Field(description="Offset of `context` in the document's text.")
    highlight_start: int = Field(description="Start of the highlighted quote within `context`.")
    highlight_end: int
    readable: str | None = Field(default=None, description="The passage with OCR repaired, when it differs.")
    section_path: list[str] = Field(default_factory=list, description="Headings the quote stands under, "
                                    "outermost first: the location in a source without pages.")
    text: str = Field(default="", description="`context` for reading: without Markdown/HTML markup and "
                      "table-of-contents dot leaders (`context` stays verbatim).")
    text_highlight_start: int = Field(default=0, description="Start of the quote within `text`.")
    text_highlight_end: int = 0


class LocalizedText(BaseModel):
    sv: str
    en: str


class Organisation(BaseModel):
    id: str
    name: str
    name_en: str


class CoverageDocument(BaseModel):
    doc_id: str
    title: str
    short_name: str
    year: int | None = Field(description="The year the report is about.")
    official: bool
    pages: int = Field(description="Numbered pages; 0 for a source without pages (cited by section).")
    facts: int = Field(description="Figures stored from this document: table_facts + text_figures.")
    table_facts: int = Field(description="Figures from tables and known metrics.")
    text_figures: int = Field(description="Other numbers in running text (metric 'figure').")
    organisations: list[Organisation] = Field(description="Nämnder (and the city) the figures are about.")


class CoverageOut(BaseModel):
    documents: list[CoverageDocument]
    years: list[int]
    facts: int
    table_facts: int
    text_figures: int
    organisations: list[Organisation]
    examples: list[LocalizedText] = Field(description="Questions answered from these documents, Swedish and English.")
    checking: LocalizedText = Field(description="How answers are checked, in one line.")
    corpus_version: str


class HealthOut(BaseModel):
    status: str
    build_id: str = Field(description="The build every route answers from.")
    corpus_version: str = Field(description="Corpus version of that build.")
    newer_build: bool = Field(description="A newer complete build exists; the server switches to it by itself.")
    documents: int
    facts: int
    chunks: int
    stores: dict[str, str]
    auth_required: bool


class ChecksOut(BaseModel):
    checks: list[Check]
    failing: int


class ColumnOut(BaseModel):
    name: str = Field(description="The machine name: the JSON key and the CSV header.")
    sv: str = Field(description="The column's Swedish header in the Excel workbook (format=xlsx).")
    en: str = Field(description="An English label.")
    description: str = Field(description="What the column holds.")


class ColumnsOut(BaseModel):
    columns: list[ColumnOut]


def error_example(status: int, code: str, message: str) -> dict[str, Any]:
    return {"model": ErrorOut, "content": {"application/json": {"example": {
        "error": {"status": status, "code": code, "message": message, "hint": None}}}}}


REVIEW_EXAMPLE: Any = {"text": "Miljönämnden fick ca 10,4 miljoner kronor i EU-medel 2024 och deltog i 25 projekt.",
                       "lang": None}


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [REVIEW_EXAMPLE]})

    text: str = Field(min_length=1, pattern=TEXT,
                      description="The draft (a memo, a speech, an article), Swedish or English; neither stored nor "
                                  "logged; at most FAKTAKOLL_MAX_DRAFT_BYTES as a request; no control characters "
                                  "but tab and line breaks.")
    lang: str | None = Field(default=None, pattern="^(sv|en)$", description="Language of the explanations.")


class Reported(BaseModel):
    value: float
    display: str


class ReviewClaimOut(BaseModel):
    start: int = Field(description="Character offset (Unicode code points) of the figure in the submitted text, or "
                                   "in `text` for an uploaded file.")
    end: int
    figure: str = Field(description="The figure as written in the draft.")
    sentence: str
    verdict: str = Field(description="correct, rounded, deviates, other_role, other_year, not_in_reports or unclear.")
    reported: Reported | None = Field(description="The reports' figure the claim was compared with.")
    explanation: str = Field(description="The first line of the check, in the draft's language.")
    citations: list[dict[str, Any]] = Field(default_factory=list, description="Document, title, page (or section) "
                                            "and quote; `chunk_id` or `fact_id` with `span_start`/`span_end` open "
                                            "the passage at /api/sources/{id}.")


class ReviewOut(BaseModel):
    claims: list[ReviewClaimOut]
    summary: dict[str, int] = Field(description="Verdict -> number of figures.")
    corpus_version: str
    lang: str
    text: str | None = Field(default=None, description="For an uploaded file: the text read from it, which "
                             "`start`/`end` refer to (null for a pasted draft: the offsets are in the text sent).")

"""POST /api/review and POST /api/review/file (Granska text): every figure of a draft checked against the reports.

A draft can be confidential: it is read in memory, never stored, and neither its text nor a file name is logged.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from python_multipart import create_form_parser
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import Field, File

from core.errors import BadRequest
from core.settings import Settings
from service.deps import KeyDep, ServedDep, SettingsDep
from service.draft_file import SUFFIXES, read_draft_file
from service.models import ReviewOut, ReviewRequest
from service.review import review as review_text
from service.routes import KEYED, errors

router = APIRouter(prefix="/api", tags=["review"])

REVIEW_PATH, FILE_PATH = "/api/review", "/api/review/file"
FORM_OVERHEAD = 16_384  # bytes of a multipart body around the file: boundaries, part headers, the `lang` field
IN_MEMORY = {"MAX_MEMORY_FILE_SIZE": sys.maxsize}  # python-multipart never spills a part to a temporary file
LANGS = ("sv", "en")
PLAIN_PART = "utkast.txt"  # the name of a draft sent as a form field, without a file name
TOO_LARGE_HINT = "a draft may be at most FAKTAKOLL_MAX_DRAFT_BYTES: split it, or send it as .txt without images"

REVIEW_OUT_EXAMPLE = {
    "claims": [{"start": 18, "end": 38, "figure": "ca 10,4 miljoner kronor",
                "sentence": "Miljönämnden fick ca 10,4 miljoner kronor i EU-medel 2024 och deltog i 25 projekt.",
                "verdict": "rounded", "reported": {"value": 10404000, "display": "ca 10 404 000 kr"},
                "explanation": "Ja, ungefär: avrundat stämmer det.",
                "citations": [{"n": 1, "doc_id": "2024_stk_redovisning_internationellt_arbete", "page": 3,
                               "title": "Redovisning av internationellt arbete 2024 (tjänsteskrivelse, STK-2025-405)",
                               "section": None, "quote": "Miljonamnden 25 projekt 10 404 000 kronor",
                               "chunk_id": None, "fact_id": "…", "span_start": 5210, "span_end": 5251}]}],
    "summary": {"correct": 1, "rounded": 1, "deviates": 0, "other_role": 0, "other_year": 0, "not_in_reports": 0,
                "unclear": 0},
    "corpus_version": "2026-12-03-53ff366d58", "lang": "sv", "text": None,
}
UPLOAD_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": f"The draft: {', '.join(SUFFIXES)}; at most FAKTAKOLL_MAX_DRAFT_BYTES."},
        "lang": {"type": "string", "enum": list(LANGS),
                 "description": "Language of the explanations and of an error; default: the draft's (errors: sv)."},
    }}}}}}


def body_limits(settings: Settings) -> dict[str, int]:
    """The request bodies these routes accept (a draft is larger than a question); every other route keeps
    FAKTAKOLL_MAX_REQUEST_BYTES."""
    return {REVIEW_PATH: settings.max_draft_bytes, FILE_PATH: settings.max_draft_bytes + FORM_OVERHEAD}


@dataclass
class Upload:
    name: str
    data: bytes
    lang: str | None


async def read_upload(request: Request) -> Upload:
    """The file and `lang` of a multipart/form-data body, parsed in memory (Starlette's own form parsing would
    spool a file over 1 MiB to a temporary file: a draft is never written anywhere)."""
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        raise BadRequest("send the draft as multipart/form-data, the file in the field 'file'",
                         hint="curl -F file=@utkast.docx …/api/review/file")
    files: list[File] = []
    fields: dict[bytes, bytes] = {}

    def on_field(field: Field) -> None:
        fields[field.field_name or b""] = field.value or b""

    def on_file(file: File) -> None:
        if file.field_name == b"file":
            files.append(file)

    try:
        parser = create_form_parser({"Content-Type": content_type.encode("latin-1")}, on_field, on_file,
                                    config=IN_MEMORY)
        parser.write(await request.body())
        parser.finalize()
    except (FormParserError, ValueError, UnicodeEncodeError):
        raise BadRequest("the body is no readable multipart/form-data", hint="curl -F file=@utkast.docx …") from None
    lang = fields.get(b"lang", b"").decode("utf-8", "replace") or None
    if lang is not None and lang not in LANGS:
        raise BadRequest("lang: must be sv or en", hint="leave it out to answer in the draft's language")
    if not files:
        if b"file" in fields:  # a part without a file name is text (curl -F "file=<utkast.txt")
            return Upload(name=PLAIN_PART, data=fields[b"file"], lang=lang)
        raise BadRequest("file: no file was sent", hint="send the draft in the form field 'file' (curl -F file=@…)")
    upload = files[0].file_object
    upload.seek(0)
    return Upload(name=(files[0].file_name or b"").decode("utf-8", "replace"), data=upload.read(), lang=lang)


UploadDep = Annotated[Upload, Depends(read_upload)]


@router.post("/review", response_model=ReviewOut, responses={
    200: {"content": {"application/json": {"example": REVIEW_OUT_EXAMPLE}}}, **errors(*KEYED, 400, 422),
})
def review(body: ReviewRequest, _key: KeyDep, served: ServedDep) -> ReviewOut:
    """Check every figure of a draft (amounts, counts, percentages, written-out numbers; not dates,
    diarienummer, page or phone numbers) against the reports: a verdict per figure (`correct`, `rounded`,
    `deviates`, `other_role`, `other_year`, `not_in_reports`, `unclear`), the reported figure, the first line
    of the check and its sources. `start`/`end` are character offsets of the figure in `text`. The draft
    (at most FAKTAKOLL_MAX_DRAFT_BYTES as a request) is neither stored nor logged. A file: /api/review/file."""
    return ReviewOut.model_validate(review_text(served.engine, body.text, body.lang))


@router.post("/review/file", response_model=ReviewOut, openapi_extra=UPLOAD_BODY, responses={
    200: {"content": {"application/json": {"example": {**REVIEW_OUT_EXAMPLE, "text": "Miljönämnden fick …"}}}},
    **errors(*KEYED, 400),
})
def review_file(_key: KeyDep, upload: UploadDep, served: ServedDep, settings: SettingsDep) -> ReviewOut:
    """Check every figure of a draft file, sent as multipart/form-data in the field `file` (.txt, .md, .docx or
    .pdf, at most FAKTAKOLL_MAX_DRAFT_BYTES; optional field `lang`, sv or en):

        curl -F file=@utkast.docx http://127.0.0.1:8000/api/review/file

    The answer is that of POST /api/review, with `text`: the text read from the file, which `start`/`end`
    refer to (a PDF's lines joined into paragraphs; a .docx's paragraphs and table rows). A file type not
    listed, a file that cannot be read (a broken or scanned PDF, no Word file) or one without text is a 400
    naming the file and what to do, a file over the limit a 413. The file is read in memory; it is neither
    stored nor logged, nor is its name."""
    text = read_draft_file(upload.name, upload.data, max_bytes=settings.max_draft_bytes, lang=upload.lang or "sv")
    result = review_text(served.engine, text, upload.lang)
    return ReviewOut.model_validate({**result, "text": text})

"""POST /api/review (Granska text): every figure of a draft checked against the reports."""

from __future__ import annotations

from fastapi import APIRouter

from service.deps import KeyDep, ServedDep
from service.models import ReviewOut, ReviewRequest
from service.review import review as review_text
from service.routes import KEYED, errors

router = APIRouter(prefix="/api", tags=["review"])

REVIEW_OUT_EXAMPLE = {
    "claims": [{"start": 18, "end": 38, "figure": "ca 10,4 miljoner kronor",
                "sentence": "Miljönämnden fick ca 10,4 miljoner kronor i EU-medel 2024 och deltog i 25 projekt.",
                "verdict": "rounded", "reported": {"value": 10404000, "display": "ca 10 404 000 kr"},
                "explanation": "Ja, ungefär: avrundat stämmer det.",
                "citations": [{"n": 1, "doc_id": "2024_stk_redovisning_internationellt_arbete", "page": 3,
                               "title": "Redovisning av internationellt arbete 2024 (tjänsteskrivelse, STK-2025-405)",
                               "quote": "Miljonamnden 25 projekt 10 404 000 kronor"}]}],
    "summary": {"correct": 1, "rounded": 1, "deviates": 0, "other_role": 0, "other_year": 0, "not_in_reports": 0,
                "unclear": 0},
    "corpus_version": "2026-12-03-53ff366d58", "lang": "sv",
}


@router.post("/review", response_model=ReviewOut, responses={
    200: {"content": {"application/json": {"example": REVIEW_OUT_EXAMPLE}}}, **errors(*KEYED, 400, 422),
})
def review(body: ReviewRequest, _key: KeyDep, served: ServedDep) -> ReviewOut:
    """Check every figure of a draft (amounts, counts, percentages, written-out numbers; not dates,
    diarienummer, page or phone numbers) against the reports: a verdict per figure (`correct`, `rounded`,
    `deviates`, `other_role`, `other_year`, `not_in_reports`, `unclear`), the reported figure, the first line
    of the check and its sources. `start`/`end` are character offsets of the figure in `text`. The draft is
    neither stored nor logged."""
    return ReviewOut.model_validate(review_text(served.engine, body.text, body.lang))

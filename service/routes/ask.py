"""POST /api/ask: one question, one verified answer."""

from __future__ import annotations

from fastapi import APIRouter

from core.errors import BadRequest
from service.deps import KeyDep, ServedDep, SettingsDep
from service.models import AskRequest, AskResponse
from service.routes import KEYED, errors

router = APIRouter(prefix="/api", tags=["answers"])

ANSWER_EXAMPLE = {
    "question": "Hur mycket EU-medel fick miljönämnden 2024?", "lang": "sv", "status": "answered",
    "text": "Utbetalda EU-medel till Miljönämnden 2024: ca 10 404 000 kr [1].",
    "figures": [{"fact_id": "…", "label": "Utbetalda EU-medel till Miljönämnden 2024", "org": "mn", "year": 2024,
                 "metric": "eu_funds_paid", "fund": None, "value": 10404000, "unit": "SEK", "approximate": True,
                 "display": "ca 10 404 000 kr", "citation": 1}],
    "table": [], "caveats": [],
    "citations": [{"n": 1, "doc_id": "2024_stk_redovisning_internationellt_arbete",
                   "title": "Redovisning av internationellt arbete 2024 (tjänsteskrivelse, STK-2025-405)", "year": 2024,
                   "page": 3, "quote": "Miljonamnden 25 projekt 10 404 000 kronor", "chunk_id": None,
                   "fact_id": "…", "span_start": 5210, "span_end": 5251}],
    "query": {"question": "Hur mycket EU-medel fick miljönämnden 2024?", "lang": "sv", "intent": "figure",
              "years": [2024], "orgs": ["mn"], "funds": [], "metric": "eu_funds_paid"},
    "corpus_version": "2026-11-23-4994500415", "verified": True, "conversation_id": "5f0c…",
}


def check_question(question: str, limit: int) -> str:
    """The question without surrounding space (the model refuses a blank one), within the
    limit (as sent: the limit is the OpenAPI maxLength)."""
    if len(question) > limit:
        raise BadRequest(f"the question is {len(question)} characters long, over the limit of {limit}",
                         hint="ask a shorter question")
    return question.strip()


@router.post("/ask", response_model=AskResponse, responses={
    200: {"content": {"application/json": {"example": ANSWER_EXAMPLE}}}, **errors(*KEYED, 400, 422),
})
def ask(body: AskRequest, _key: KeyDep, served: ServedDep, settings: SettingsDep) -> AskResponse:
    """Answer a question about the reports.

    Every figure in the answer is a stored fact or stands in the quoted text of a cited
    passage; what the reports do not contain is answered with status `not_reported` and the
    nearest verified figures. Send `conversation_id` from an earlier answer to ask a
    follow-up ("och 2024?").
    """
    question = check_question(body.question, settings.max_question_chars)
    engine = served.engine
    conversation = body.conversation_id or engine.new_conversation()
    answer = engine.ask(question, lang=body.lang, conversation_id=conversation,
                        new=body.conversation_id is None)
    return AskResponse(**answer.model_dump(), conversation_id=conversation)

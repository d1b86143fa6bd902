"""POST /api/chat: the same answer, streamed as Server-Sent Events."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from sqlalchemy.exc import SQLAlchemyError

from core.errors import FaktakollError, StoreError
from service.deps import BUILD_HEADER, CORPUS_VERSION_HEADER, KeyDep, ServedDep, SettingsDep
from service.models import AskRequest, AskResponse
from service.routes import KEYED, errors
from service.routes.ask import check_question
from stores.sql import database_error

log = logging.getLogger("faktakoll.api")

router = APIRouter(prefix="/api", tags=["answers"])

STATUS = {"sv": "Söker i rapporterna…", "en": "Searching the reports…"}
STREAM_EXAMPLE = (
    'event: status\ndata: {"message": "Söker i rapporterna…"}\n\n'
    'event: text\ndata: {"line": "Utbetalda EU-medel till Miljönämnden 2024: ca 10 404 000 kr [1]."}\n\n'
    'event: figures\ndata: [...]\n\nevent: citations\ndata: [...]\n\nevent: done\ndata: {...the whole answer...}\n\n'
)


def unavailable(exc: Exception) -> dict[str, Any]:
    """The error shape for a failure inside a stream: a store away (503, with its hint), a value the database
    refuses (400) or an internal error."""
    if isinstance(exc, SQLAlchemyError):
        exc = database_error(exc)
    if isinstance(exc, FaktakollError):
        status = getattr(exc, "status", 503 if isinstance(exc, StoreError) else 500)
        if status >= 500:
            log.warning("chat: %s", exc.message)  # one line, as the API's own handlers log it
        return {"error": {"status": status, "code": getattr(exc, "code", "unavailable"), "message": exc.message,
                          "hint": exc.hint}}
    log.exception("unhandled error in a stream")
    return {"error": {"status": 500, "code": "internal", "message": "internal error", "hint": "the error was logged"}}


def _event(name: str, data: object) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/chat", responses={200: {"content": {"text/event-stream": {"example": STREAM_EXAMPLE}}},
                                 **errors(*KEYED, 400, 422)})
def chat(body: AskRequest, _key: KeyDep, served: ServedDep, settings: SettingsDep) -> StreamingResponse:
    """Answer a question as a stream: `status` first, then the answer's `text` lines,
    `figures`, `table`, `caveats`, `citations`, and `done` with the whole answer (the
    /api/ask shape, including `conversation_id` for follow-ups)."""
    question = check_question(body.question, settings.max_question_chars)
    engine = served.engine
    conversation = body.conversation_id or engine.new_conversation()
    lang = body.lang or "sv"

    def events() -> Iterator[str]:
        yield _event("status", {"message": STATUS.get(lang, STATUS["sv"])})
        try:
            answer = engine.ask(question, lang=body.lang, conversation_id=conversation,
                                new=body.conversation_id is None)
        except Exception as exc:  # the stream has begun (200): the error is its last event, in the error shape
            yield _event("error", unavailable(exc)["error"])
            return
        full = AskResponse(**answer.model_dump(), conversation_id=conversation)
        for line in answer.text.splitlines():
            yield _event("text", {"line": line})
        data = full.model_dump(mode="json")
        for part in ("figures", "table", "caveats", "citations"):
            yield _event(part, data[part])
        yield _event("done", data)

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no",
                                      CORPUS_VERSION_HEADER: served.corpus_version, BUILD_HEADER: served.build_id})

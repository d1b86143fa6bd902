"""What every answering stage of the engine shares: the stores of one build and how an Answer
is finished (caveats of the figures used, unlisted documents named, the corpus version)."""

from __future__ import annotations

from core.entities import Registry
from core.schemas import Answer, Document, Query, TableRow
from service.answer.compose import Context, Draft, finish
from service.answer.lookup import Facts
from service.answer.retrieve import Retriever
from service.answer.statements import StatementIndex


class EngineBase:
    registry: Registry
    docs: dict[str, Document]
    facts: Facts
    statements: StatementIndex
    retriever: Retriever
    corpus_version: str

    ctx: Context

    def _finish(self, query: Query, draft: Draft, status: str, text: str, table: list[TableRow],
                caveats: list[str]) -> Answer:
        return finish(self.ctx, query, draft, status, text, table, caveats)

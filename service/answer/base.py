"""What the answerers that are engine methods (running-text figures, narrative) read: the stores of one
build and the composing context."""

from __future__ import annotations

from core.entities import Registry
from core.schemas import Document
from service.answer.compose import Context
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

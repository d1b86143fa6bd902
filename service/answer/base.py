"""What the answerers that read the running text (figures, narrative) share: the stores of one build,
handed over by the engine once."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.answer.engine import Engine


class Sources:
    """The stores of one build as an answerer reads them."""

    def __init__(self, engine: Engine) -> None:
        self.registry = engine.registry
        self.docs = engine.docs
        self.facts = engine.facts
        self.statements = engine.statements
        self.retriever = engine.retriever
        self.ctx = engine.ctx

"""Retrieve: hybrid search. Dense (Chroma, e5) and keyword (BM25, Swedish stems, folded
diacritics) rankings are fused by reciprocal rank; passages of the asked year or
organisation are boosted.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from langchain_core.embeddings import Embeddings

from core.embeddings import make_embeddings
from core.entities import Registry, fold
from core.numbers import years_in
from core.schemas import Chunk
from core.settings import Settings
from stores.index import KeywordIndex, open_collection
from stores.sql import Store

RRF_K = 60
BOOST = 1.25
CANDIDATES = 4  # each ranking contributes k * CANDIDATES candidates


def hints(question: str, registry: Registry) -> tuple[int | None, list[str]]:
    """The year and organisations a question names (with their nämnd/förvaltning pair)."""
    years = [y for y, _ in years_in(question)]
    orgs: list[str] = []
    for mention in registry.find_orgs(question):
        entity = registry.organisations[mention.entity_id]
        orgs.extend(o for o in (entity.id, entity.pair) if o and o not in orgs)
    return (years[0] if len(years) == 1 else None), orgs


@dataclass
class Passage:
    chunk: Chunk
    score: float
    dense_rank: int | None
    keyword_rank: int | None


class Retriever:
    def __init__(self, settings: Settings, store: Store, embeddings: Embeddings | None = None) -> None:
        build = store.current_build() or {}
        self.chunks = store.load_chunks()
        self.by_id = {c.chunk_id: c for c in self.chunks}
        self._folded: list[tuple[str, str]] | None = None
        self.keyword = KeywordIndex(self.chunks)
        self._lock = threading.Lock()
        self.vectors = open_collection(settings, str(build["collection"]), embeddings or make_embeddings(settings))

    @property
    def folded(self) -> list[tuple[str, str]]:
        """(text, section) of every chunk, folded once per build: name searches scan these."""
        if self._folded is None:
            self._folded = [(fold(c.text), fold(c.section or "")) for c in self.chunks]
        return self._folded

    def dense(self, query: str, k: int) -> list[Chunk]:
        with self._lock:  # one embedding at a time: the model is not known to be thread-safe
            hits = self.vectors.similarity_search_with_score(query, k=k)
        return [self.by_id[d.id] for d, _ in hits if d.id in self.by_id]

    def search(
        self, query: str, *, k: int = 5, year: int | None = None, orgs: list[str] | None = None
    ) -> list[Passage]:
        n = max(k * CANDIDATES, 20)
        dense = self.dense(query, n)
        keyword = [c for c, _ in self.keyword.search(query, n)]
        scores: dict[str, float] = {}
        ranks: dict[str, list[int | None]] = {}
        for which, ranking in enumerate((dense, keyword)):
            for rank, chunk in enumerate(ranking, start=1):
                scores[chunk.chunk_id] = scores.get(chunk.chunk_id, 0.0) + 1.0 / (RRF_K + rank)
                ranks.setdefault(chunk.chunk_id, [None, None])[which] = rank
        for chunk_id in scores:
            chunk = self.by_id[chunk_id]
            if year and chunk.year == year:
                scores[chunk_id] *= BOOST
            if orgs and set(orgs) & set(chunk.orgs):
                scores[chunk_id] *= BOOST
        best = sorted(scores, key=lambda cid: scores[cid], reverse=True)[:k]
        return [Passage(self.by_id[c], scores[c], ranks[c][0], ranks[c][1]) for c in best]

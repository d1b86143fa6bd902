"""Retrieve: hybrid search. Dense (Chroma, e5) and keyword (BM25, Swedish stems, folded
diacritics) rankings are fused by reciprocal rank; passages of the asked year or
organisation are boosted.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from langchain_core.embeddings import Embeddings

from core.embeddings import make_embeddings
from core.entities import Registry, fold
from core.numbers import years_in
from core.schemas import Chunk, Sentence
from core.settings import Settings
from core.words import tokenize
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
        self.unofficial = {str(d["doc_id"]) for d in store.document_rows()
                           if not (d["meta"] or {}).get("official", True)}  # not listed in the manifest
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
        # a document the manifest does not list never outranks an official one: it comes after them all
        best = sorted(scores, key=lambda cid: (self.by_id[cid].doc_id not in self.unofficial, scores[cid]),
                      reverse=True)[:k]
        return [Passage(self.by_id[c], scores[c], ranks[c][0], ranks[c][1]) for c in best]


def best_sentences(passages: list[Passage], question: str, *, limit: int = 3,
                   must: re.Pattern[str] | None = None) -> list[tuple[Passage, Sentence]]:
    """The sentences of the top passages that share most word stems with the question. With `must`
    (a project's name), a sentence that names it and the one right after it ("Satsningen görs i
    samverkan med ...") are candidates."""
    terms = set(tokenize(question))
    scored: list[tuple[float, int, Passage, Sentence]] = []
    for rank, passage in enumerate(passages):
        previous_named = False
        for sentence in passage.chunk.sentences:
            named = must is None or bool(must.search(sentence.text))
            follows, previous_named = previous_named, named
            if not (named or follows):
                continue
            words = tokenize(sentence.text)
            if len(words) < 4 or sentence.text.lstrip().startswith("#") or NOT_PROSE.search(sentence.text):
                continue  # too short, a heading or a table of contents
            overlap = len(terms & set(words))
            scored.append((overlap - rank * 0.5, -rank, passage, sentence))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    out, seen = [], set()
    per_passage: dict[str, int] = {}
    for _, _, passage, sentence in scored:  # at most PER_PASSAGE from one passage: a chapter's several topics
        key = re.sub(r"\W+", "", sentence.text.lower())
        cid = passage.chunk.chunk_id
        if key not in seen and per_passage.get(cid, 0) < PER_PASSAGE:
            out.append((passage, sentence))
            seen.add(key)
            per_passage[cid] = per_passage.get(cid, 0) + 1
        if len(out) == limit:
            break
    return out


PER_PASSAGE = 3
NOT_PROSE = re.compile(r"^\d+(\.\d+)+\s|^\d+\s+\d+(\.\d+)+\s|\.{4,}|\t\d+\s*$")

"""Index: the Chroma collection (dense) and the keyword index (BM25 with Swedish stemming
and diacritic folding). Chunk ids are content-derived, so a chunk already in the
collection is never embedded again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import bm25s
import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from core.schemas import Chunk
from core.words import tokenize


def embed_text(chunk: Chunk) -> str:
    """What the dense model sees: the section title gives the passage its context."""
    return f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text


def open_collection(chroma_dir: Path, name: str, embeddings: Embeddings) -> Chroma:
    client = chromadb.PersistentClient(
        path=str(chroma_dir), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    )
    return Chroma(
        collection_name=name, embedding_function=embeddings, client=client,
        collection_metadata={"hnsw:space": "cosine"},
    )


def add_missing(
    store: Chroma, chunks: list[Chunk], *, batch: int, progress: Callable[[Iterable[int]], Iterable[int]] = iter
) -> int:
    """Embed and add the chunks the collection does not have yet; returns how many."""
    ids = [c.chunk_id for c in chunks]
    present: set[str] = set()
    for i in range(0, len(ids), 500):
        present.update(store.get(ids=ids[i : i + 500], include=[])["ids"])
    missing = [c for c in chunks if c.chunk_id not in present]
    for start in progress(range(0, len(missing), batch)):
        part = missing[start : start + batch]
        store.add_texts(
            texts=[embed_text(c) for c in part], ids=[c.chunk_id for c in part],
            metadatas=[{"doc_id": c.doc_id, "year": c.year or 0, "orgs": ",".join(c.orgs) or "-"} for c in part],
        )
    return len(missing)


def remove_except(store: Chroma, keep: set[str]) -> int:
    """Drop chunks no kept build refers to."""
    stale = [i for i in store.get(include=[])["ids"] if i not in keep]
    if stale:
        store.delete(ids=stale)
    return len(stale)


class KeywordIndex:
    """BM25 over the chunks of one build; built in memory from the stored chunks."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        self._bm25 = bm25s.BM25()
        corpus = [tokenize(embed_text(c)) or ["_"] for c in chunks]
        self._bm25.index(corpus, show_progress=False)

    def search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        tokens = [t for t in tokenize(query) if t]
        if not tokens or not self.chunks:
            return []
        k = min(k, len(self.chunks))
        docs, scores = self._bm25.retrieve([tokens], k=k, show_progress=False)
        return [(self.chunks[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

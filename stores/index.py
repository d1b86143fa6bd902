"""Index: the Chroma collection (dense) and the keyword index (BM25 with Swedish stemming
and diacritic folding). Chunk ids are content-derived, so a chunk already in the
collection is never embedded again.

Both open on first use (chromadb, langchain-chroma and bm25s take seconds to import on a
busy machine): a figure question, answered from the facts store, never loads them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from core.schemas import Chunk
from core.words import tokenize

if TYPE_CHECKING:
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings


def embed_text(chunk: Chunk) -> str:
    """What the dense model sees: the section title gives the passage its context."""
    return f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text


class _OnFirstUse:
    """Stands for the Chroma vector store and opens it when first used."""

    def __init__(self, chroma_dir: Path, name: str, embeddings: Embeddings) -> None:
        self._args = (chroma_dir, name, embeddings)
        self._store: Chroma | None = None
        self._lock = threading.Lock()

    def __getattr__(self, attr: str) -> Any:
        with self._lock:  # opened once, even when two requests arrive together
            if self._store is None:
                self._store = _open(*self._args)
        return getattr(self._store, attr)


def _open(chroma_dir: Path, name: str, embeddings: Embeddings) -> Chroma:
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    client = chromadb.PersistentClient(
        path=str(chroma_dir), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    )
    return Chroma(
        collection_name=name, embedding_function=embeddings, client=client,
        collection_metadata={"hnsw:space": "cosine"},
    )


def open_collection(chroma_dir: Path, name: str, embeddings: Embeddings) -> Chroma:
    """The collection, opened when first used (the proxy behaves as the Chroma store)."""
    return cast("Chroma", _OnFirstUse(chroma_dir, name, embeddings))


def add_missing(
    store: Chroma, chunks: list[Chunk], *, batch: int,
    progress: Callable[[Iterable[list[Chunk]]], Iterable[list[Chunk]]] = iter,
) -> int:
    """Embed and add the chunks the collection does not have yet, `batch` at a time (the
    progress sees each batch); returns how many."""
    ids = [c.chunk_id for c in chunks]
    present: set[str] = set()
    for i in range(0, len(ids), 500):
        present.update(store.get(ids=ids[i : i + 500], include=[])["ids"])
    missing = [c for c in chunks if c.chunk_id not in present]
    for part in progress([missing[start : start + batch] for start in range(0, len(missing), batch)]):
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
        self._bm25: Any = None
        self._lock = threading.Lock()

    def _index(self) -> Any:
        with self._lock:  # built once, on the first search
            if self._bm25 is None:
                import bm25s

                bm25 = bm25s.BM25()
                bm25.index([tokenize(embed_text(c)) or ["_"] for c in self.chunks], show_progress=False)
                self._bm25 = bm25
        return self._bm25

    def search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        tokens = [t for t in tokenize(query) if t]
        if not tokens or not self.chunks:
            return []
        k = min(k, len(self.chunks))
        docs, scores = self._index().retrieve([tokens], k=k, show_progress=False)
        return [(self.chunks[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

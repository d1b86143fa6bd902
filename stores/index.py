"""Index: the Chroma collection (dense) and the keyword index (BM25 with Swedish stemming
and diacritic folding). Chunk ids are content-derived, so a chunk already in the
collection is never embedded again.

The collection lives in an embedded Chroma (a folder in the data dir, the default) or on a
Chroma server (FAKTAKOLL_CHROMA_URL). A server may be shared by several deployments, so
there each database writes collections of its own (`collection_for`), and clean-up deletes
only what none of this database's kept builds uses, and only after a grace period, since a
worker may still be serving an older build (`remove_except`).

Both open on first use (chromadb, langchain-chroma and bm25s take seconds to import on a
busy machine): a figure question, answered from the facts store, never loads them.
"""

from __future__ import annotations

import functools
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from core.errors import StoreError
from core.schemas import Chunk
from core.settings import Settings
from core.words import tokenize

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

UNUSED_GRACE_SECONDS = 24 * 3600  # longer than any worker takes to move to a new build (checks <= 1 h apart)
UNUSED_SINCE = "unused_since"  # vector metadata: when clean-up found no kept build using it (epoch seconds)
PAGE = 5000  # ids read or changed per request to the collection
NAMESPACED = re.compile(r"(?P<namespace>.+)-chunks-[0-9a-f]{12}")


def embed_text(chunk: Chunk) -> str:
    """What the dense model sees: the section title gives the passage its context."""
    return f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text


def collection_for(settings: Settings, base: str, current: str | None, remembered: str | None = None) -> str:
    """The collection an ingest writes: `base` (named after the model and chunking) in this
    deployment's namespace. The namespace is FAKTAKOLL_CHROMA_COLLECTION_PREFIX when set; else on
    a Chroma server the one the database keeps (`remembered`, see Store.remember), or the one its
    newest build (`current`, its collection) used, or a new random one for a database without one;
    an embedded Chroma's folder is its deployment's own."""
    if settings.chroma_collection_prefix:
        return f"{settings.chroma_collection_prefix}-{base}"
    if not settings.chroma_url:
        return base
    found = NAMESPACED.fullmatch(current or "")
    return f"{remembered or (found['namespace'] if found else 'fk-' + secrets.token_hex(6))}-{base}"


def namespace_of(collection: str) -> str | None:
    found = NAMESPACED.fullmatch(collection)
    return found["namespace"] if found else None


def unreachable(url: str) -> StoreError:
    return StoreError(f"cannot reach the Chroma server at {url} (FAKTAKOLL_CHROMA_URL)",
                      hint="start it or correct FAKTAKOLL_CHROMA_URL; unset, the embedded Chroma in the data "
                      "folder is used (run `faktakoll ingest` after a change)")


def _client(settings: Settings) -> ClientAPI:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if not settings.chroma_url:
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    import httpx

    url = urlsplit(settings.chroma_url)
    ssl = url.scheme == "https"
    try:  # the client asks the server for its tenant and database right away
        return chromadb.HttpClient(host=url.hostname or "", port=url.port or (443 if ssl else 80), ssl=ssl,
                                   settings=chroma_settings)
    except (ValueError, httpx.TransportError) as exc:  # chromadb says ValueError for "no server answers"
        raise unreachable(settings.chroma_url) from exc


def missing_vectors(settings: Settings, name: str, chunk_ids: list[str]) -> int:
    """How many of `chunk_ids` the collection `name` lacks (all, when it does not exist): a Chroma
    server emptied, lost or swapped under a database that still lists its build. Reads ids only."""
    import httpx
    from chromadb.errors import NotFoundError

    client = _client(settings)
    try:
        collection = client.get_collection(name, embedding_function=None)  # ids only: no embedding is made
    except NotFoundError:
        return len(chunk_ids)
    except (ValueError, httpx.TransportError) as exc:
        raise unreachable(settings.chroma_url or str(settings.chroma_dir)) from exc
    present: set[str] = set()
    for i in range(0, len(chunk_ids), PAGE):
        present.update(collection.get(ids=chunk_ids[i : i + PAGE], include=[])["ids"])
    return len(set(chunk_ids) - present)


def _open(settings: Settings, name: str, embeddings: Embeddings) -> Chroma:
    from langchain_chroma import Chroma

    return Chroma(  # our embeddings: Chroma's own default would download a model
        collection_name=name, embedding_function=embeddings, client=_client(settings),
        collection_metadata={"hnsw:space": "cosine"},
    )


def _guarded(call: Callable[..., Any], url: str | None) -> Callable[..., Any]:
    """`call`, raising StoreError (see `unreachable`) when a request to the Chroma server at
    `url` cannot get through; as is for an embedded Chroma (url None)."""
    if not url:
        return call
    import httpx

    @functools.wraps(call)
    def through(*args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, **kwargs)
        except httpx.TransportError as exc:
            raise unreachable(url) from exc

    return through


class _Guarded:
    """An object whose methods are `_guarded`; the Chroma store's `_collection` (used for
    metadata-only updates) is guarded too."""

    def __init__(self, target: Any, url: str | None) -> None:
        self._target = target
        self._url = url

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._target, attr)
        if attr == "_collection":
            return _Guarded(value, self._url)
        return _guarded(value, self._url) if callable(value) else value


class _OnFirstUse(_Guarded):
    """Stands for the Chroma vector store and opens it when first used; a Chroma server that
    cannot be reached raises StoreError, and the next use tries again."""

    def __init__(self, settings: Settings, name: str, embeddings: Embeddings) -> None:
        super().__init__(None, settings.chroma_url)
        self._args = (settings, name, embeddings)
        self._lock = threading.Lock()

    def __getattr__(self, attr: str) -> Any:
        with self._lock:  # opened once, even when two requests arrive together
            if self._target is None:
                self._target = _guarded(_open, self._url)(*self._args)
        return super().__getattr__(attr)


def open_collection(settings: Settings, name: str, embeddings: Embeddings, *, now: bool = False) -> Chroma:
    """The collection, opened when first used, or `now` (the proxy behaves as the Chroma store)."""
    proxy = _OnFirstUse(settings, name, embeddings)
    if now:
        proxy._collection  # noqa: B018  (opening it makes the first request: a server that is away fails here)
    return cast("Chroma", proxy)


def add_missing(
    store: Chroma, chunks: list[Chunk], *, batch: int,
    progress: Callable[[Iterable[list[Chunk]]], Iterable[list[Chunk]]] = iter,
) -> int:
    """Embed and add the chunks the collection does not have yet, `batch` at a time (the
    progress sees each batch); returns how many."""
    ids = [c.chunk_id for c in chunks]
    present: set[str] = set()
    for i in range(0, len(ids), PAGE):
        present.update(store.get(ids=ids[i : i + PAGE], include=[])["ids"])
    missing = [c for c in chunks if c.chunk_id not in present]
    for part in progress([missing[start : start + batch] for start in range(0, len(missing), batch)]):
        store.add_texts(
            texts=[embed_text(c) for c in part], ids=[c.chunk_id for c in part],
            metadatas=[{"doc_id": c.doc_id, "year": c.year or 0, "orgs": ",".join(c.orgs) or "-"} for c in part],
        )
    return len(missing)


def _unused_since(store: Chroma) -> dict[str, float | None]:
    """Every vector's id with the time clean-up first found it unused (None: in use)."""
    found: dict[str, float | None] = {}
    offset = 0
    while True:
        page = store.get(include=["metadatas"], limit=PAGE, offset=offset)
        for vid, meta in zip(page["ids"], page["metadatas"] or [None] * len(page["ids"]), strict=True):
            since = (meta or {}).get(UNUSED_SINCE)
            found[vid] = float(since) if isinstance(since, int | float) else None
        if len(page["ids"]) < PAGE:
            return found
        offset += PAGE


def _mark(store: Chroma, ids: list[str], value: int | None) -> None:
    for i in range(0, len(ids), PAGE):
        part = ids[i : i + PAGE]
        store._collection.update(ids=part, metadatas=[{UNUSED_SINCE: value} for _ in part])


def remove_except(store: Chroma, keep: set[str], *, grace: float = UNUSED_GRACE_SECONDS,
                  now: float | None = None) -> int:
    """Clean-up: delete the vectors no kept build refers to (`keep`: the chunk ids of this
    database's kept builds) once they have been unused for `grace` seconds, since a worker may
    still serve an older build. A vector found unused is marked with the time; a marked one that
    a build uses again is unmarked. Returns how many were deleted."""
    now = time.time() if now is None else now
    since = _unused_since(store)
    stale = [vid for vid, t in since.items() if vid not in keep and t is not None and now - t >= grace]
    _mark(store, [vid for vid, t in since.items() if vid not in keep and t is None], int(now))
    _mark(store, [vid for vid, t in since.items() if vid in keep and t is not None], None)
    for i in range(0, len(stale), PAGE):
        store.delete(ids=stale[i : i + PAGE])
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

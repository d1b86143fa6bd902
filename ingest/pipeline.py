"""The ingest pipeline: corpus -> documents -> chunks, facts, checks -> stores.

Idempotent: the corpus fingerprint (file hashes, manifest, registry, extractor version,
chunking and model) is stored with each build; an unchanged corpus does no work, and in a
changed one only new chunks are embedded (chunk ids derive from content). The new build
becomes current only when everything is written.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.embeddings import collection_name
from core.entities import DEFAULT_REGISTRY, Registry
from core.errors import CorpusError, DocumentError, IngestError
from core.schemas import Check, Chunk, Document, Fact, SourceFormat
from core.settings import Settings
from ingest import facts as table_facts
from ingest.checks import compute_checks
from ingest.chunk import chunk
from ingest.metadata import ManifestEntry, apply_manifest, detect, load_manifest
from ingest.normalize import OcrRepairer, looks_ocr_damaged, normalize
from ingest.parse import read
from ingest.figures import text_figures
from ingest.prose import prose_facts
from stores.sql import Store

EXTRACTOR_VERSION = "8"  # bump when parsing, extraction or chunking changes meaning
IGNORED = {"manifest.toml", "readme.md", "readme.txt"}

Progress = Callable[[Iterable[Any], str], Iterable[Any]]


def _no_progress(items: Iterable[Any], _label: str) -> Iterable[Any]:
    return items


@dataclass
class IngestReport:
    corpus_version: str
    up_to_date: bool
    documents: int = 0
    pages: int = 0
    chunks: int = 0
    facts: int = 0
    checks_failing: int = 0
    embedded: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


def corpus_files(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist",
                          hint="give --corpus DIR or FAKTAKOLL_CORPUS_DIR")
    return sorted(p for p in corpus_dir.iterdir() if p.is_file() and p.name.lower() not in IGNORED
                  and not p.name.startswith("."))


def fingerprint(settings: Settings, files: list[Path], collection: str) -> str:
    h = hashlib.sha256(f"{EXTRACTOR_VERSION}|{collection}".encode())
    for path in [*files, settings.corpus_dir / "manifest.toml", DEFAULT_REGISTRY]:
        h.update(path.name.encode())
        if path.exists():
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def build_document(
    path: Path, raw_entry: ManifestEntry | None, registry: Registry, repairer: OcrRepairer, max_bytes: int
) -> tuple[Document, Any]:
    raw = read(path, max_bytes=max_bytes)
    ocr = raw_entry.ocr if raw_entry and raw_entry.ocr is not None else looks_ocr_damaged(raw.text)
    markdown = raw.source_format is SourceFormat.markdown
    norm = normalize(raw.text, ocr=ocr, markdown=markdown, repairer=repairer)
    meta = apply_manifest(detect(norm.text, registry, ocr=ocr), raw_entry)
    doc = Document(doc_id=path.stem, path=str(path), source_format=raw.source_format, content_hash=raw.content_hash,
                   text=raw.text, pages=raw.pages, meta=meta)
    return doc, norm


def extract(
    settings: Settings, files: list[Path], registry: Registry, progress: Progress
) -> tuple[list[Document], list[Chunk], list[Fact], list[Check], list[str], list[str]]:
    manifest = load_manifest(settings.corpus_dir)
    repairer = OcrRepairer(registry.domain_words())
    docs: list[Document] = []
    all_chunks: list[Chunk] = []
    all_facts: list[Fact] = []
    skipped: list[str] = []
    rejected: list[str] = []
    seen: dict[str, str] = {}
    for path in progress(files, "läser"):
        try:
            doc, norm = build_document(path, manifest.get(path.name), registry, repairer,
                                       int(settings.max_file_mb * 1e6))
        except DocumentError as exc:
            skipped.append(str(exc))
            continue
        if doc.content_hash in seen:
            skipped.append(str(DocumentError(path, f"is a copy of {seen[doc.content_hash]}",
                                             hint="remove one of the two files")))
            continue
        seen[doc.content_hash] = path.name
        ctx = table_facts.Context(doc, norm, registry)
        found, used = table_facts.extract_table_facts(ctx)
        stated = found + prose_facts(ctx, used)
        kept, bad = table_facts.verify_quotes(doc, stated + text_figures(ctx, stated))
        rejected.extend(bad)
        docs.append(doc)
        all_facts.extend(kept)
        all_chunks.extend(chunk(doc, norm, registry, size=settings.chunk_size, overlap=settings.chunk_overlap))
    return docs, all_chunks, all_facts, compute_checks(all_facts), skipped, rejected


def run_ingest(settings: Settings, *, progress: Progress = _no_progress, force: bool = False) -> IngestReport:
    started = time.perf_counter()
    files = corpus_files(settings.corpus_dir)
    store = Store(settings, upgrade=True)
    collection = collection_name(settings)
    print_fp = fingerprint(settings, files, collection)
    current = store.current_build()
    if current and current["fingerprint"] == print_fp and not force:
        store.touch(current["build_id"])
        return _summary(store, current, started, up_to_date=True)
    registry = Registry.load()
    docs, chunk_list, fact_list, check_list, skipped, rejected = extract(settings, files, registry, progress)
    if not docs:
        raise IngestError("no document could be ingested; the previous stores are unchanged",
                          hint="; ".join(skipped) or "add reports to the corpus folder")
    # heavy imports only when there is work to do: an unchanged corpus starts fast
    from core.embeddings import make_embeddings
    from stores.index import add_missing, open_collection, remove_except

    vectors = open_collection(settings.chroma_dir, collection, make_embeddings(settings))

    def batches(items: Iterable[int]) -> Iterable[int]:
        return progress(items, "bäddar in")

    try:
        embedded = add_missing(vectors, chunk_list, batch=settings.embed_batch_size, progress=batches)
        build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + print_fp[:8]
        version = f"{datetime.now(UTC):%Y-%m-%d}-{print_fp[:10]}"
        store.write_build(build_id=build_id, fingerprint=print_fp, corpus_version=version, collection=collection,
                          docs=docs, chunk_list=chunk_list, fact_list=fact_list, check_list=check_list,
                          skipped=skipped, rejected=rejected)
    except Exception as exc:  # the previous build stays current
        raise IngestError(f"ingest failed and was rolled back: {exc}",
                          hint="the previous stores are still in use") from exc
    remove_except(vectors, store.kept_chunk_ids())
    report = _summary(store, store.current_build() or {}, started, up_to_date=False)
    report.embedded = embedded
    return report


def _summary(store: Store, build: dict[str, Any], started: float, *, up_to_date: bool) -> IngestReport:
    docs = store.load_documents()
    return IngestReport(
        corpus_version=str(build.get("corpus_version", "")), up_to_date=up_to_date, documents=len(docs),
        pages=sum(len(d.pages) for d in docs), chunks=len(store.load_chunks()), facts=len(store.load_facts()),
        checks_failing=sum(1 for c in store.load_checks() if c.status != "ok"),
        seconds=time.perf_counter() - started, skipped=list(build.get("skipped") or []),
        rejected=list(build.get("rejected") or []),
    )


__all__ = ["IngestReport", "run_ingest", "corpus_files"]

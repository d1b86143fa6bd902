"""The ingest pipeline: corpus -> documents -> chunks, facts, checks -> stores.

Idempotent: the corpus fingerprint (file hashes, manifest, registry, extractor version,
chunking and model) is stored with each build; an unchanged corpus does no work, and in a
changed one only new chunks are embedded (chunk ids derive from content). The new build
becomes current only when everything is written.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.embeddings import collection_name
from core.entities import DEFAULT_REGISTRY, Registry
from core.errors import CorpusError, DocumentError, IngestError, reason, shown
from core.schemas import Check, Chunk, Document, Fact, Project
from core.settings import Settings
from core.vocabulary import VOCABULARY
from ingest.checks import compute_checks, restated_checks
from ingest.metadata import ManifestEntry, load_manifest
from ingest.normalize import Normalized
from ingest.parse import check_size, file_digest, file_kind
from ingest.project_merge import merge as merge_projects
from ingest.projects import attach as attach_projects
from ingest.reader import Reader
from stores.index import collection_for, namespace_of
from stores.sql import Store

CHROMA_NAMESPACE = "chroma_namespace"  # the deployment's collections on a shared Chroma server

EXTRACTOR_VERSION = "29"  # bump when parsing, extraction, chunking or checks change meaning
# (25: projects, ranges; 26: a sentence over 2000 characters read by line, a line over 1000 no table row;
# 28: chapters by section number, tables printed as running text, no ages or numbers that count nothing)
IGNORED = {"manifest.toml", "readme.md", "readme.txt"}
MAX_NAME = 200  # characters of a file name's stem: the documents table's doc_id column

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
    warned: list[str] = field(default_factory=list)  # this run's files read despite their PDF reader's warnings


def corpus_files(corpus_dir: Path, *, max_bytes: int, listed: Collection[str] = ()) -> tuple[list[Path], list[str]]:
    """The files to read, manifest-listed ones first, and a line for each entry skipped
    from the listing alone (links, pipes, devices, oversized files, unprintable names)."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder {shown(corpus_dir)} does not exist",
                          hint="give --corpus DIR or FAKTAKOLL_CORPUS_DIR")
    files: list[Path] = []
    skipped: list[str] = []
    for entry in sorted(os.scandir(corpus_dir), key=lambda e: e.name):
        if entry.name.lower() in IGNORED or entry.name.startswith("."):
            continue
        try:
            if _is_file_to_read(entry, max_bytes):
                files.append(Path(entry.path))
        except DocumentError as exc:
            skipped.append(str(exc))
    files.sort(key=lambda p: p.name not in listed)  # stable: a listed file wins over its copy
    return files, skipped


def _is_file_to_read(entry: os.DirEntry[str], max_bytes: int) -> bool:
    """True for a regular file within the size limit, False for a folder (not read);
    DocumentError for anything else. Decided from lstat alone: nothing is opened."""
    path = Path(entry.path)
    if not entry.name.isprintable():
        raise DocumentError(path, "has control characters or invalid UTF-8 in its name", hint="rename the file")
    if len(Path(entry.name).stem) > MAX_NAME:  # the document id every database must hold
        raise DocumentError(path, f"has a name longer than {MAX_NAME} characters", hint="rename the file")
    info = entry.stat(follow_symlinks=False)
    kind = file_kind(info.st_mode)
    if kind == "a folder":
        return False
    if kind == "a symbolic link":
        raise DocumentError(path, f"is a symbolic link to {shown(os.readlink(path))}; links are never followed",
                            hint="copy the file itself into the corpus folder")
    if kind != "file":
        raise DocumentError(path, f"is not a regular file ({kind})", hint="remove it from the corpus folder")
    check_size(path, info.st_size, max_bytes)
    return True


def fingerprint(settings: Settings, files: list[Path], skipped: list[str], collection: str) -> str:
    """Hash of everything a build depends on; files are hashed in chunks (constant memory)."""
    h = hashlib.sha256(f"{EXTRACTOR_VERSION}|{collection}".encode())
    for line in skipped:
        h.update(line.encode())
    for path in files:
        h.update(path.name.encode())
        try:
            h.update(file_digest(path))
        except DocumentError as exc:
            h.update(str(exc).encode())  # reported when the file is read
    for path in (settings.corpus_dir / "manifest.toml", DEFAULT_REGISTRY, VOCABULARY):  # ingest cues are vocabulary
        h.update(path.name.encode())
        if path.exists():
            with path.open("rb") as fh:
                h.update(hashlib.file_digest(fh, "sha256").digest())
    return h.hexdigest()


@dataclass
class Extracted:
    """The rows of a build, added document by document; a document whose rows cannot be
    stored with the others is skipped (named in `skipped`), the others are kept."""

    docs: list[Document] = field(default_factory=list)
    chunks: list[Chunk] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    found_projects: list[Project] = field(default_factory=list)
    texts: list[tuple[Document, Normalized, list[Fact]]] = field(default_factory=list)
    registry: Registry | None = None
    skipped: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    slips: list[Check] = field(default_factory=list)  # each kept document's own slips (ingest/slips.py)
    manifest_lists: bool = False  # the corpus has a manifest listing reports: unlisted files name no projects
    warned: list[str] = field(default_factory=list)  # files read despite their PDF reader's warnings

    def claim(self, path: Path, doc: Document) -> None:
        """Raise DocumentError when `doc` is a copy of, or has the id of, a kept document."""
        for kept in self.docs:
            name = shown(Path(kept.path).name)
            if kept.content_hash == doc.content_hash:
                raise DocumentError(path, f"is a copy of {name}", hint="remove one of the two files")
            if kept.doc_id == doc.doc_id:
                raise DocumentError(path, f"has the same document id '{shown(doc.doc_id)}' as {name}",
                                    hint="rename one of the two files")

    def add(self, path: Path, doc: Document, chunks: list[Chunk], facts: list[Fact],
            projects: list[Project] | None = None) -> None:
        """Keep one document's rows, or raise DocumentError when an id would clash."""
        for kind, ids, taken in (("fact", [f.fact_id for f in facts], {f.fact_id for f in self.facts}),
                                 ("chunk", [c.chunk_id for c in chunks], {c.chunk_id for c in self.chunks})):
            clash = _first_clash(ids, taken)
            if clash:
                raise DocumentError(path, f"cannot be stored: two {kind}s have the id {clash}",
                                    hint="report this as a bug; the other documents were ingested")
        self.docs.append(doc)
        self.chunks.extend(chunks)
        self.facts.extend(facts)
        if doc.meta.official or not self._official_listed():
            self.found_projects.extend(projects or [])  # an unlisted file's headings name no project ('## EU-medel')

    def _official_listed(self) -> bool:
        """Whether the corpus lists its official reports (a manifest): then only they name projects."""
        return self.manifest_lists

    def projects(self) -> list[Project]:
        merged = merge_projects(self.found_projects)
        if self.registry is not None:
            for doc, norm, facts in self.texts:
                attach_projects(merged, doc, norm, facts, self.registry)
        return merged

    def checks(self) -> list[Check]:
        unique: dict[str, Check] = {}
        tables = [f for f in self.facts if f.source != "text"]
        restated = restated_checks([f for f in self.facts if f.source == "text"])
        for check in compute_checks(tables) + restated + self.slips:
            unique.setdefault(check.check_id, check)  # equal ids mean equal checks
        return list(unique.values())


def _first_clash(ids: list[str], taken: set[str]) -> str | None:
    seen = set(taken)
    for i in ids:
        if i in seen:
            return i
        seen.add(i)
    return None


def extract(
    settings: Settings, files: list[Path], manifest: dict[str, ManifestEntry], registry: Registry,
    progress: Progress,
) -> Extracted:
    """Every file's rows (read in a worker process, ingest/reader.py); a file that cannot be used is
    named in `skipped`, one read despite its PDF reader's warnings in `warned`."""
    out = Extracted(registry=registry, manifest_lists=bool(manifest))
    with Reader.of(settings, registry) as reader:
        for path in progress(files, "läser"):
            try:
                rows = reader.read(path, manifest.get(path.name))
                out.claim(path, rows.doc)
                out.add(path, rows.doc, rows.chunks, rows.facts, rows.projects)
            except DocumentError as exc:
                out.skipped.append(str(exc))
                continue
            out.texts.append((rows.doc, rows.norm, rows.facts))
            out.slips.extend(rows.slips)
            out.rejected.extend(rows.rejected)
            out.warned.extend([rows.warning] if rows.warning else [])
    return out


def run_ingest(settings: Settings, *, progress: Progress = _no_progress, force: bool = False) -> IngestReport:
    started = time.perf_counter()
    manifest = load_manifest(settings.corpus_dir)
    files, listing_skipped = corpus_files(settings.corpus_dir, max_bytes=int(settings.max_file_mb * 1e6),
                                          listed=manifest.keys())
    present = {p.name for p in files}
    named = " ".join(listing_skipped)
    listing_skipped += [f"manifest.toml lists {shown(name)}, which is not in the corpus folder "
                        "(check the name: until it matches, no report is official under it)"
                        for name in manifest if name not in present and shown(name) not in named]
    store = Store(settings, upgrade=True)
    current = store.current_build()
    collection = collection_for(settings, collection_name(settings), current["collection"] if current else None,
                                store.remembered(CHROMA_NAMESPACE))
    if settings.chroma_url and not settings.chroma_collection_prefix and (space := namespace_of(collection)):
        # kept in a user table: a rebuild of the build tables must not move the vectors to a new collection
        collection = collection_for(settings, collection_name(settings), None, store.remember(CHROMA_NAMESPACE, space))
    print_fp = fingerprint(settings, files, listing_skipped, collection)
    if current and current["fingerprint"] == print_fp and not force and not _vectors_lost(settings, store, collection):
        store.touch(current["build_id"])
        return _summary(store, current, started, up_to_date=True)
    # heavy imports only when there is work to do: an unchanged corpus starts fast
    from core.embeddings import make_embeddings
    from stores.index import add_missing, open_collection, remove_except

    vectors = open_collection(settings, collection, make_embeddings(settings), now=True)  # a server away fails here
    found = extract(settings, files, manifest, Registry.load(), progress)
    skipped = sorted([*listing_skipped, *found.skipped])
    if not found.docs:
        raise IngestError("no document could be ingested; the previous stores are unchanged",
                          hint="; ".join(skipped) or "add reports to the corpus folder")

    def batches(items: Iterable[list[Chunk]]) -> Iterable[list[Chunk]]:
        return progress(items, "bäddar in")

    try:  # chunks embedded here stay in the collection: a rerun after a failure embeds nothing twice
        embedded = add_missing(vectors, found.chunks, batch=settings.embed_batch_size, progress=batches)
        build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + print_fp[:8]
        version = f"{datetime.now(UTC):%Y-%m-%d}-{print_fp[:10]}"
        store.write_build(build_id=build_id, fingerprint=print_fp, corpus_version=version, collection=collection,
                          docs=found.docs, chunk_list=found.chunks, fact_list=found.facts,
                          check_list=found.checks(), project_list=found.projects(), skipped=skipped,
                          rejected=found.rejected)
    except Exception as exc:  # the previous build stays current
        raise IngestError(f"ingest failed and was rolled back: {reason(exc)}",
                          hint="the previous stores are still in use") from exc
    remove_except(vectors, store.kept_chunk_ids())
    report = _summary(store, store.current_build() or {}, started, up_to_date=False)
    report.embedded = embedded
    report.warned = found.warned
    return report


def _vectors_lost(settings: Settings, store: Store, collection: str) -> bool:
    """On a Chroma server (its own lifecycle, unlike the embedded folder beside the database): whether it
    lacks passages of the current build (emptied, lost, another server); then the ingest embeds them again."""
    if not settings.chroma_url:
        return False
    from stores.index import missing_vectors

    return missing_vectors(settings, collection, store.at_build().chunk_ids()) > 0


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

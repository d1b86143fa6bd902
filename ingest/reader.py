"""One corpus file -> its rows (document, passages, facts, projects, slips), read in a worker process.

No file can stop an ingest: whatever goes wrong while one file is read (a PDF made to harm its
reader, a bug of ours on an odd text) is that file's skip line, and the ingest goes on. The
worker process is what makes this hold for every kind of failure: a file that takes longer than
`max_file_seconds` (CPU-bound Python cannot be interrupted from inside reliably, nor C code at all)
or that kills its reader (out of memory, a crash) is stopped with the process, which is started
again for the next file. The worker is started once per ingest and reads the files one by one,
so a normal ingest pays for one start.

The PDF reader's own warnings (pypdf's logger and Python warnings) are not printed: a file read
despite them gets one line saying how many there were and the first.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pypdf.errors import PdfReadWarning

from core.entities import Registry
from core.errors import DocumentError, IngestError, one_line, shown
from core.schemas import Check, Chunk, Document, Fact, Project, SourceFormat
from core.settings import Settings
from ingest import facts as table_facts
from ingest.chunk import chunk
from ingest.figures import text_figures
from ingest.metadata import ManifestEntry, apply_manifest, detect
from ingest.normalize import Normalized, OcrRepairer, looks_ocr_damaged, normalize
from ingest.parse import read
from ingest.projects import describe as describe_projects
from ingest.prose import prose_facts
from ingest.slips import slip_checks

WORKER_START_SECONDS = 600.0  # the worker imports the stages and loads the word lists once; a busy machine is slow
PARENT_CHECK_SECONDS = 1.0  # how often the worker looks whether the ingest is still there
WORKER_END_SECONDS = 5.0  # a worker told to stop (its connection closed) is killed after this
SHOWN_CHARS = 200  # of an error's or a warning's own text in a skip line


@dataclass(frozen=True)
class Limits:
    """What bounds the reading of one file (settings, see core/settings.py)."""

    max_bytes: int
    max_pages: int
    max_chunks: int
    chunk_size: int
    chunk_overlap: int

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(max_bytes=int(settings.max_file_mb * 1e6), max_pages=settings.max_file_pages,
                   max_chunks=settings.max_file_chunks, chunk_size=settings.chunk_size,
                   chunk_overlap=settings.chunk_overlap)


@dataclass
class FileRows:
    """What one file gives; `warning`: a line when the file was read despite its reader's warnings."""

    doc: Document
    norm: Normalized
    chunks: list[Chunk]
    facts: list[Fact]
    rejected: list[str]
    projects: list[Project]
    slips: list[Check]
    warning: str | None = None


def build_document(
    path: Path, raw_entry: ManifestEntry | None, registry: Registry, repairer: OcrRepairer, limits: Limits
) -> tuple[Document, Normalized]:
    raw = read(path, max_bytes=limits.max_bytes, max_pages=limits.max_pages)
    ocr = raw_entry.ocr if raw_entry and raw_entry.ocr is not None else looks_ocr_damaged(raw.text)
    markdown = raw.source_format is SourceFormat.markdown
    norm = normalize(raw.text, ocr=ocr, markdown=markdown, repairer=repairer,
                     page_starts=[page.start for page in raw.pages[1:]])
    meta = apply_manifest(detect(norm.text, registry, ocr=ocr), raw_entry, path.name)
    doc = Document(doc_id=path.stem, path=str(path), source_format=raw.source_format, content_hash=raw.content_hash,
                   text=raw.text, pages=raw.pages, meta=meta)
    return doc, norm


def file_rows(path: Path, entry: ManifestEntry | None, registry: Registry, repairer: OcrRepairer,
              limits: Limits) -> FileRows:
    """Every stage of ingest that reads one file; DocumentError when the file cannot be used."""
    doc, norm = build_document(path, entry, registry, repairer, limits)
    chunks = chunk(doc, norm, registry, size=limits.chunk_size, overlap=limits.chunk_overlap)
    if len(chunks) > limits.max_chunks:
        raise DocumentError(path, f"gives {len(chunks)} passages, over the limit of {limits.max_chunks} per file",
                            hint="split the file or raise FAKTAKOLL_MAX_FILE_CHUNKS")
    ctx = table_facts.Context(doc, norm, registry)
    found, used = table_facts.extract_table_facts(ctx)
    stated = found + prose_facts(ctx, used)
    kept, bad = table_facts.verify_quotes(doc, stated + text_figures(ctx, stated))
    return FileRows(doc, norm, chunks, kept, bad, describe_projects(doc, norm, registry, kept),
                    slip_checks(ctx, kept))


# --- the worker process ----------------------------------------------------------------------------------


class _Notes(logging.Handler):
    """Collects what the PDF reader logs instead of letting it print."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())


def _warning_line(path: Path, messages: list[str]) -> str | None:
    if not messages:
        return None
    times = "once" if len(messages) == 1 else f"{len(messages)} times"
    return (f"{shown(path.name)}: read, but its PDF reader warned {times} (first: "
            f"{one_line(messages[0])[:SHOWN_CHARS]}); check its text in the sources of answers, or export it again")


def _problem(path: Path, exc: Exception) -> tuple[str, str]:
    """(problem, hint) of the skip line for an error while reading `path`."""
    if isinstance(exc, DocumentError):
        return exc.message.removeprefix(f"{shown(path.name)}: "), exc.hint or ""
    return (f"could not be read ({type(exc).__name__}: {one_line(str(exc))[:SHOWN_CHARS]})",
            "export or save the file again; if it is a good report, report this as a bug (the other files "
            "were ingested)")


def _read_one(job: tuple[Path, ManifestEntry | None], registry: Registry, repairer: OcrRepairer, limits: Limits,
              notes: _Notes) -> tuple[str, Any]:
    path, entry = job
    notes.messages.clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            rows = file_rows(path, entry, registry, repairer, limits)
    except Exception as exc:  # this file's skip line; the next file is read
        return "skip", _problem(path, exc)
    pdf_warnings = [str(w.message) for w in caught if issubclass(w.category, PdfReadWarning)]
    rows.warning = _warning_line(path, notes.messages + pdf_warnings)
    return "rows", rows


def _end_with_parent(parent: int) -> None:
    """Ends the worker when the ingest that started it is gone (killed while a file was being read)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def serve(conn: Connection) -> None:
    """The worker: takes the registry and limits, then reads the files sent, one at a time, until the
    ingest closes the connection."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the ingest, which stops this process
    notes = _Notes()
    pdf_log = logging.getLogger("pypdf")
    pdf_log.addHandler(notes)
    pdf_log.propagate = False
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()
    registry, limits = conn.recv()
    repairer = OcrRepairer(registry.domain_words())
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_read_one(job, registry, repairer, limits, notes))


@dataclass
class Reader:
    """Reads files in a worker process (`python -m ingest.reader`, this code), each within `seconds`;
    use as a context manager."""

    registry: Registry
    limits: Limits
    seconds: float
    _proc: subprocess.Popen[bytes] | None = None
    _conn: Connection | None = None
    _log: Any = None  # the worker's stderr: said when it does not start

    @classmethod
    def of(cls, settings: Settings, registry: Registry) -> Reader:
        return cls(registry, Limits.of(settings), settings.max_file_seconds)

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        self._stop(kill=exc_type is not None)  # stopped by an error or Ctrl-C: the file being read is dropped

    def read(self, path: Path, entry: ManifestEntry | None) -> FileRows:
        """The rows of one file; DocumentError (its skip line) whatever went wrong."""
        conn = self._conn or self._start()
        try:
            conn.send((path, entry))
        except OSError:  # the worker has ended since the last file: a new one reads this one
            self._stop(kill=True)
            conn = self._start()
            conn.send((path, entry))
        if not conn.poll(self.seconds):
            self._stop(kill=True)
            raise DocumentError(path, f"took longer than {self.seconds:g} s to read and was stopped",
                                hint="split the file, or raise FAKTAKOLL_MAX_FILE_SECONDS for a good report")
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError) as exc:
            code = self._stop(kill=True)
            raise DocumentError(path, f"stopped its reader (exit code {code})",
                                hint="export or save the file again; the other files were ingested") from exc
        if kind == "skip":
            problem, hint = payload
            raise DocumentError(path, problem, hint=hint)
        rows: FileRows = payload
        return rows

    def _start(self) -> Connection:
        mine, theirs = socket.socketpair()
        root = str(Path(__file__).resolve().parent.parent)  # the worker runs the code this process runs
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - open while the worker runs, closed in _stop
        self._proc = subprocess.Popen([sys.executable, "-m", "ingest.reader", str(theirs.fileno())], env=env,
                                      pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=self._log)
        theirs.close()
        self._conn = conn = Connection(mine.detach())
        try:
            conn.send((self.registry, self.limits))
            if conn.poll(WORKER_START_SECONDS) and conn.recv()[0] == "ready":
                return conn
        except (EOFError, OSError):
            pass
        said = self._said()
        code = self._stop(kill=True)
        raise IngestError(f"the process that reads the files did not start (exit code {code}): {said}",
                          hint="the previous stores are unchanged")

    def _said(self) -> str:
        """The last line the worker wrote to stderr."""
        if self._log is None:
            return ""
        self._log.seek(0)
        lines = self._log.read().decode(errors="replace").strip().splitlines()
        return one_line(lines[-1])[:SHOWN_CHARS] if lines else ""

    def _stop(self, *, kill: bool = False) -> int | None:
        """Stop the worker (a new one is started for the next file); its exit code."""
        if self._conn is not None:
            self._conn.close()  # a worker waiting for work ends on its own
            self._conn = None
        proc, self._proc = self._proc, None
        code = None
        if proc is not None:
            if kill:
                proc.kill()
            try:
                code = proc.wait(timeout=WORKER_END_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                code = proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        return code


if __name__ == "__main__":
    from ingest.reader import serve as serve_here  # this module by its name: what it sends unpickles as such

    serve_here(Connection(int(sys.argv[1])))

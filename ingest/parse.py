"""Parse: a file (PDF, plain text, Markdown) -> Document with pages.

Pages: a PDF keeps its real pages. Text converted from PDFs marks a new page with a line
that starts with a single space, and some pages end with a footer such as
"Redovisning av internationellt arbete 2022, Malmö stad 21(36)"; both start a new page.
Markdown has no pages.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import stat
from pathlib import Path
from typing import Protocol

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from core.errors import DocumentError, one_line
from core.schemas import Page, SourceFormat
from ingest.pdftext import pages_text

SUFFIXES = {".pdf": SourceFormat.pdf, ".txt": SourceFormat.text, ".md": SourceFormat.markdown}
PAGE_START = re.compile(r"^ (?=\S)")
FOOTER = re.compile(r"(?:^|\s)(\d{1,3})\s?\+?\(\s?(\d{1,3})\s?\)\s*$")
MIN_PAGE_LINES = 3


class RawDocument(Protocol):
    """What every reader returns: verbatim text, its pages and the file's hash."""

    text: str
    pages: list[Page]
    content_hash: str
    source_format: SourceFormat


class Raw:
    def __init__(self, text: str, pages: list[Page], content_hash: str, source_format: SourceFormat) -> None:
        self.text = text
        self.pages = pages
        self.content_hash = content_hash
        self.source_format = source_format


def read(path: Path, *, max_bytes: int, max_pages: int | None = None) -> Raw:
    """Read one file; raise DocumentError with a hint when it cannot be used (also when it has more
    than `max_pages` pages: a PDF's are counted before any text is read)."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise DocumentError(path, f"unsupported file type '{path.suffix}'", hint="add it as PDF, .txt or .md")
    data = read_regular(path, max_bytes=max_bytes)
    if not data.strip():
        raise DocumentError(path, "is empty", hint="remove it or replace it with the real report")
    content_hash = hashlib.sha256(data).hexdigest()
    if fmt is SourceFormat.pdf:
        text, pages = _read_pdf(path, data, max_pages)
    else:
        text = _decode_text(path, data)
        pages = split_text_pages(text) if fmt is SourceFormat.text else [Page(number=None, start=0, end=len(text))]
        check_pages(path, len(pages), max_pages)
    return Raw(text, pages, content_hash, fmt)


def check_pages(path: Path, count: int, max_pages: int | None) -> None:
    if max_pages is not None and count > max_pages:
        raise DocumentError(path, f"has {count} pages, over the limit of {max_pages} pages per file",
                            hint="split the file or raise FAKTAKOLL_MAX_FILE_PAGES")


def open_regular(path: Path) -> io.BufferedReader:
    """Open a regular file for reading without following a link and without blocking
    on a named pipe; anything else raises DocumentError naming the file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DocumentError(path, "is a symbolic link; links are never followed",
                                hint="copy the file itself into the corpus folder") from exc
        raise DocumentError(path, f"cannot be read ({exc.strerror})", hint="check the file's permissions") from exc
    fh = os.fdopen(fd, "rb")
    kind = file_kind(os.fstat(fd).st_mode)
    if kind != "file":
        fh.close()
        raise DocumentError(path, f"is not a regular file ({kind})", hint="add the report as a regular file")
    return fh


def file_kind(mode: int) -> str:
    """'file' for a regular file, else what it is (in words for a message)."""
    kinds = ((stat.S_ISREG, "file"), (stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a folder"),
             (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a device"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def check_size(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise DocumentError(
            path,
            f"is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.1f} MB",
            hint="split the file or raise FAKTAKOLL_MAX_FILE_MB",
        )


def read_regular(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a regular file; the size is checked before anything is read."""
    with open_regular(path) as fh:
        check_size(path, os.fstat(fh.fileno()).st_size, max_bytes)
        data = fh.read(max_bytes + 1)
    check_size(path, len(data), max_bytes)  # the file grew while being read
    return data


def file_digest(path: Path) -> bytes:
    """sha256 of a regular file, read in chunks (memory stays small for any size)."""
    with open_regular(path) as fh:
        return hashlib.file_digest(fh, "sha256").digest()


def _decode_text(path: Path, data: bytes) -> str:
    if b"\x00" in data or _control_ratio(data) > 0.02:
        raise DocumentError(path, "is not text (binary content)", hint="add the report as PDF or UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            path,
            f"is not UTF-8 text (bad byte at position {exc.start})",
            hint="convert it, e.g. iconv -f latin1 -t utf-8",
        ) from exc
    if not re.search(r"[^\W\d_]{3,}", text):
        raise DocumentError(path, "contains no words", hint="check that it is the report's text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(1, len(sample))


def _read_pdf(path: Path, data: bytes, max_pages: int | None = None) -> tuple[str, list[Page]]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # a copy-protected PDF opens without a password
            raise DocumentError(path, "is an encrypted PDF", hint="add an unencrypted copy of the report")
        printed = list(reader.pages)
        check_pages(path, len(printed), max_pages)
        texts = pages_text(printed)  # lines and table rows as printed
    except DocumentError:
        raise
    except PdfReadError as exc:
        raise DocumentError(path, f"is not a readable PDF ({one_line(str(exc))})",
                            hint="export the PDF again") from exc
    except Exception as exc:  # any failure of the PDF reader on this file (damaged or made to harm readers)
        raise DocumentError(path, f"is not a readable PDF ({type(exc).__name__}: {one_line(str(exc))[:200]})",
                            hint="export or print it again as a new PDF") from exc
    if not texts:
        raise DocumentError(path, "is a PDF without pages", hint="export the PDF again")
    if not any(re.search(r"[^\W\d_]{3,}", t) for t in texts):
        raise DocumentError(
            path, "has no text layer (scanned images only)", hint="run OCR first (e.g. ocrmypdf) and add the result"
        )
    pages, parts, offset = [], [], 0
    for number, page_text in enumerate(texts, start=1):
        page_text = page_text.replace("\r\n", "\n").rstrip("\n") + "\n"
        parts.append(page_text)
        pages.append(Page(number=number, label=_footer_label(page_text), start=offset, end=offset + len(page_text)))
        offset += len(page_text)
    return "".join(parts), pages


def _footer_label(page_text: str) -> str | None:
    for line in reversed([ln for ln in page_text.splitlines() if ln.strip()][-3:]):
        m = FOOTER.search(line)
        if m and int(m.group(1)) <= int(m.group(2)):
            return f"{int(m.group(1))}({int(m.group(2))})"
    return None


def split_text_pages(text: str) -> list[Page]:
    """Pages of text converted from a PDF (see module docstring); one page if unmarked."""
    starts = [0]
    offset = 0
    lines_since = 0
    for line in text.splitlines(keepends=True):
        if lines_since >= MIN_PAGE_LINES and offset > 0 and PAGE_START.match(line):
            starts.append(offset)
            lines_since = 0
        offset += len(line)
        if line.strip():
            lines_since += 1
        if FOOTER.search(line.rstrip("\n")) and line.strip() and len(line.strip()) > 8:
            if offset < len(text):
                starts.append(offset)
            lines_since = 0
    starts = sorted(set(starts))
    if len(starts) == 1:
        return [Page(number=None, start=0, end=len(text))]
    bounds = [*starts, len(text)]
    pages = []
    for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False), start=1):
        pages.append(Page(number=i, label=_footer_label(text[a:b]), start=a, end=b))
    return pages

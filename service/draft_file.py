"""A draft file for Granska text (.txt, .md, .docx, .pdf) -> its text: the one reader of the API's upload and of
`faktakoll review FILE`.

Everything happens in memory: a draft can be confidential, so its bytes and text are never written to disk and
never logged. A PDF's printed lines are joined into paragraphs (a sentence wrapped over two lines is one
sentence); a .docx gives its paragraphs and table rows (cells by tabs) in document order. Errors name the file
and say what to do, in the language asked for.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING

from core.errors import BadRequest, PayloadTooLarge, shown
from core.lang import phrase

if TYPE_CHECKING:
    from docx.table import Table

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
UNPACK_RATIO = 20  # a .docx unpacks to at most this many times its size (Word's XML packs about 10:1)
NAME_CHARS = 120  # a longer file name is shortened in messages
TEXT_ENCODINGS = ("utf-8-sig", "cp1252")  # UTF-8 first; then Windows' Western encoding (older Notepad files)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # in no text file (tab, newlines and form feed are)
WORD = re.compile(r"[^\W\d_]{2,}")


class Unreadable(Exception):
    """What kept a file from being read: a phrase key (and its fields), said by `read_draft_file`."""

    def __init__(self, key: str, **fields: str) -> None:
        super().__init__(key)
        self.key, self.fields = key, fields


def shown_name(name: str) -> str:
    """The file's own name (no folders), printable, at most NAME_CHARS characters."""
    base = re.split(r"[\\/]", name)[-1] or "utkast"
    return shown(base if len(base) <= NAME_CHARS else base[:NAME_CHARS - 1] + "…")


def size_text(n: int, lang: str) -> str:
    """'1,2 MB', '800 kB' (Swedish decimal comma) or '1.2 MB'."""
    text = f"{n / 1e6:.1f} MB" if n >= 1_000_000 else f"{max(1, round(n / 1000))} kB"
    return text.replace(".", ",") if lang == "sv" else text


def read_draft_file(name: str, data: bytes, *, max_bytes: int, lang: str = "sv") -> str:
    """The text of a draft file; BadRequest (unsupported, unreadable, empty) or PayloadTooLarge naming the file."""
    def say(key: str, **fields: str) -> str:
        return phrase(lang, key).format(**fields)

    label = shown_name(name)
    suffix = "." + label.rsplit(".", 1)[-1].lower() if "." in label else ""
    if suffix not in SUFFIXES:
        problem = say("draft_unsupported", name=label, suffix=suffix) if suffix else say("draft_no_suffix", name=label)
        raise BadRequest(problem, hint=say("draft_formats_hint"))
    limit = size_text(max_bytes, lang)
    if len(data) > max_bytes:
        raise PayloadTooLarge(say("draft_too_large", name=label, size=size_text(len(data), lang), limit=limit),
                              hint=say("draft_too_large_hint"))
    try:
        text = READERS[suffix](data, max_bytes)
    except Unreadable as exc:
        hint = "draft_scanned_hint" if exc.key == "draft_scanned" else "draft_unreadable_hint"
        reason = say(exc.key, **{k: size_text(int(v), lang) for k, v in exc.fields.items()})
        raise BadRequest(say("draft_unreadable", name=label, reason=reason), hint=say(hint)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not WORD.search(text):
        raise BadRequest(say("draft_empty", name=label), hint=say("draft_empty_hint"))
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise PayloadTooLarge(say("draft_text_too_large", name=label, size=size_text(size, lang), limit=limit),
                              hint=say("draft_too_large_hint"))
    return text


def _text(data: bytes, _max_bytes: int) -> str:
    """A .txt or .md file: UTF-8 (a BOM is dropped), UTF-16 with its BOM, or Windows-1252."""
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else TEXT_ENCODINGS
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not CONTROL.search(text):
            return text
    raise Unreadable("draft_not_text")


def _docx(data: bytes, max_bytes: int) -> str:
    """A Word file's paragraphs and table rows (cells by tabs), in document order."""
    import docx
    from docx.table import Table

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise Unreadable("draft_not_docx") from None
    if unpacked > UNPACK_RATIO * max_bytes:
        raise Unreadable("draft_packed", limit=str(UNPACK_RATIO * max_bytes))
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [_rows(block) if isinstance(block, Table) else block.text for block in document.iter_inner_content()]
    except Exception:  # python-docx raises many kinds (a missing part, bad XML, a zip member of another kind)
        raise Unreadable("draft_not_docx") from None
    return "\n".join(blocks)


def _rows(table: Table) -> str:
    rows = ("\t".join(cell.text.strip() for cell in row.cells) for row in table.rows)
    return "\n".join(row for row in rows if row.strip())


def _pdf(data: bytes, _max_bytes: int) -> str:
    """A PDF's text with its printed lines joined into paragraphs, pages apart by a blank line."""
    from pypdf import PdfReader

    from ingest.pdftext import pages_text

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("draft_encrypted")
        texts = pages_text(list(reader.pages))
    except Unreadable:
        raise
    except Exception:  # pypdf raises many kinds on a broken file (PdfReadError, ValueError, KeyError, ...)
        raise Unreadable("draft_not_pdf") from None
    if not any(WORD.search(t) for t in texts):
        raise Unreadable("draft_scanned" if texts else "draft_not_pdf")
    return "\n\n".join(p for p in (paragraphs(t) for t in texts) if p)


def paragraphs(page_text: str) -> str:
    """A page's lines joined into paragraphs: the lines of a block (blank lines apart) are one line; a line
    ending in a hyphen goes on without a space ('EU-' 'medel'); table rows (cells by tabs) stay lines."""
    out = []
    for block in re.split(r"\n\s*\n", page_text.strip()):
        joined = ""
        for line in (ln.strip() for ln in block.splitlines()):
            if not line:
                continue
            if not joined or "\t" in line or "\t" in joined.rsplit("\n", 1)[-1]:
                joined += ("\n" if joined else "") + line
            else:
                joined += line if joined.endswith("-") else " " + line
        out.append(joined)
    return "\n\n".join(b for b in out if b)


READERS: dict[str, Callable[[bytes, int], str]] = {".txt": _text, ".md": _text, ".docx": _docx, ".pdf": _pdf}

__all__ = ["SUFFIXES", "read_draft_file"]

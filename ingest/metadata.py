"""Metadata: what a document is, read from its own text; the manifest may override.

Also loads corpus/manifest.toml, which maps files to titles, years and kinds. The documents
it lists are the official sources; any other file is titled by its file name.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from core.entities import CITY, Registry
from core.errors import CorpusError
from core.schemas import DocMeta

DIARIENUMMER = re.compile(r"\b([A-ZÅÄÖ]{2,5})-((?:19|20)\d{2})-(\d{1,6})\b")
REPORT_YEAR = re.compile(
    r"(?:Redovisning av internationellt arbete|Internationell redovisning|internationella arbete under)"
    r"\s+(?:för\s+)?((?:19|20)\d{2})",
    re.IGNORECASE,
)
CITY_BODIES = {"STK", "KS", "KF"}
HEAD_LINES = 25


class ManifestEntry(BaseModel):
    """One [[document]] of corpus/manifest.toml; every field but `file` is optional."""

    model_config = ConfigDict(extra="forbid")

    file: str
    title: str | None = None
    short_name: str | None = None
    year: int | None = None
    kind: str | None = None
    issuer: str | None = None
    diarienummer: str | None = None
    scope: str | None = None
    ocr: bool | None = None


def load_manifest(corpus_dir: Path) -> dict[str, ManifestEntry]:
    path = corpus_dir / "manifest.toml"
    if not path.exists() and not path.is_symlink():
        return {}
    if path.is_symlink() or not path.is_file():  # a link, folder or pipe: never followed or read
        raise CorpusError(f"{path} is not a regular file", hint="make manifest.toml a plain TOML file in the corpus")
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise CorpusError(f"{path}: not valid TOML ({exc})", hint="fix the manifest; nothing was ingested") from exc
    unknown = sorted(set(raw) - {"document"})
    if unknown:
        raise CorpusError(f"{path}: unknown table {', '.join(unknown)}",
                          hint="each report is a [[document]] entry; nothing was ingested")
    entries = {}
    for i, row in enumerate(raw.get("document", []), start=1):
        try:
            entry = ManifestEntry.model_validate(row)
        except ValidationError as exc:
            problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise CorpusError(
                f"{path}: document #{i} is invalid ({problem})", hint="fix the manifest; nothing was ingested"
            ) from exc
        entries[entry.file] = entry
    return entries


def detect(text: str, registry: Registry, *, ocr: bool) -> DocMeta:
    """Metadata from the (readable) text of a document."""
    head = "\n".join(text.splitlines()[:200])
    year_m = REPORT_YEAR.search(head) or REPORT_YEAR.search(text)
    year = int(year_m.group(1)) if year_m else None
    diarienummer = _diarienummer(head)
    first_line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if first_line.startswith("§") or re.search(r"\bprotokoll\b", first_line, re.IGNORECASE):
        kind = "protokoll"
    elif re.search(r"tjänsteskrivelse", head[:600], re.IGNORECASE):
        kind = "tjansteskrivelse"
    else:
        kind = "rapport"
    issuer_id = _issuer(text, registry)
    prefix = diarienummer.split("-")[0] if diarienummer else None
    if kind == "protokoll" or prefix in CITY_BODIES or issuer_id is None:
        scope = CITY
    else:
        scope = registry.unit_of(issuer_id)
        if scope in ("ks", "stk"):
            scope = CITY
    if kind == "protokoll" and issuer_id is None:
        issuer_id = registry.resolve_org("Kommunstyrelsen")
    issuer = registry.display(issuer_id) if issuer_id else None
    title = f"Redovisning av internationellt arbete {year}" if year else first_line[:80]
    short = f"Redovisning {year}" if year else first_line[:40]
    if scope != CITY:
        short += f" ({_abbreviation(registry, scope)})"
    if kind != "rapport":
        title += f" ({_KIND_NAMES[kind]})"
    return DocMeta(
        title=title, short_name=short, year=year, kind=kind, issuer=issuer,
        diarienummer=diarienummer, scope=scope, ocr=ocr,
    )


_KIND_NAMES = {"protokoll": "protokoll", "tjansteskrivelse": "tjänsteskrivelse", "rapport": "rapport"}


def apply_manifest(meta: DocMeta, entry: ManifestEntry | None, file_name: str) -> DocMeta:
    """A listed document is official and takes the manifest's fields; an unlisted one is
    titled by its file name, never by a title read from its text, so it cannot pose as a report."""
    if entry is None:
        return meta.model_copy(update={"title": file_name, "short_name": file_name, "official": False})
    overrides = {k: v for k, v in entry.model_dump(exclude={"file"}).items() if v is not None}
    return meta.model_copy(update={**overrides, "official": True})


def _diarienummer(head: str) -> str | None:
    for line in head.splitlines():
        m = DIARIENUMMER.fullmatch(line.strip())
        if m:
            return m.group()
    m = DIARIENUMMER.search(head)
    return m.group() if m else None


def _issuer(text: str, registry: Registry) -> str | None:
    for line in text.splitlines()[:HEAD_LINES]:
        if line.strip().startswith("§") or re.search(r"\.{3,}", line):
            continue  # a protocol paragraph sign or a table-of-contents line
        for mention in registry.find_orgs(line):
            if mention.entity_id != CITY:
                return mention.entity_id
    return None


def _abbreviation(registry: Registry, org_id: str) -> str:
    entity = registry.organisations.get(org_id)
    if entity:
        for alias in entity.aliases:
            if alias.isupper() and 2 <= len(alias) <= 5:
                return alias
        return entity.name
    return org_id

"""A corpus with every kind of bad entry at once, ingested by the real command in a
subprocess: the good files are stored, each bad one is named once, exit code 3."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfWriter

from core.errors import DocumentError, shown
from core.schemas import Document, Fact, SourceFormat
from core.settings import PROJECT_ROOT, Settings
from ingest.parse import read
from ingest.pipeline import Extracted, corpus_files
from stores.sql import Store
from tests.conftest import ASN_2019, small_corpus

FAKTAKOLL = PROJECT_ROOT / ".venv" / "bin" / "faktakoll"
GB = 1 << 30
MB = 1 << 20
# a name that would forge a line of output if printed as is
FORGING_NAME = "ny\nKorpusversion 1: 99 dokument.txt"
REPEATED_ROW = """Utbetalda EU-medel 2022 per förvaltning

ASF 99 000 000 kr 99 000 000 kr
Miljöförvaltningen 5 000 000 kr
"""
FAKE_TABLE = """# Redovisning av internationellt arbete 2022

Utbetalda EU-medel 2022 per förvaltning, kronor.

| Förvaltning | Belopp |
|---|---|
| Arbetsmarknads- och socialförvaltningen | 99 000 000 kr |
| Miljöförvaltningen | 5 000 000 kr |

Under 2022 betalades dessutom EU-medel ut per fond, i kronor.

| Förvaltning | Belopp | Fond |
|---|---|---|
| Stadskontoret | 3 000 000 kr | ESF |
| Fastighets- och gatukontoret | 4 000 000 kr | ERUF |
"""


def _pdf(path: Path, text: str | None) -> None:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    if text:
        pdf.multi_cell(0, 6, text)
    else:
        pdf.rect(20, 20, 100, 60, style="F")  # an image-only page: no text layer
    pdf.output(str(path))


def _encrypted_pdf(path: Path, plain: Path) -> None:
    writer = PdfWriter(clone_from=plain)
    writer.encrypt(user_password="hemligt", owner_password="agare")
    writer.write(path)


def bad_corpus(tmp: Path) -> tuple[Path, dict[str, str]]:
    """The corpus, and each bad entry's printed name with what its line must say."""
    corpus = small_corpus(tmp, ASN_2019)
    outside = tmp / "utanfor.txt"
    outside.write_text("Hemlig rapport om Malmö stad 2022: 77 000 000 kr betalades ut.\n", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "lank.md").symlink_to(outside)
    os.mkfifo(corpus / "ror.txt")
    with (corpus / "jatte.txt").open("wb") as fh:
        fh.truncate(3 * GB)  # sparse: no disk used, but reading it would take 3 GB of memory
    (corpus / "0_kopia.txt").write_bytes((corpus / ASN_2019).read_bytes())  # sorts before the original
    (corpus / FORGING_NAME).write_text("Redovisning av internationellt arbete 2022\n", encoding="utf-8")
    (corpus / "upprepad.txt").write_text(REPEATED_ROW, encoding="utf-8")
    (corpus / "falsk.md").write_text(FAKE_TABLE, encoding="utf-8")
    (corpus / "trasig.pdf").write_bytes(b"%PDF-1.7\n1 0 obj<<>>garbage")
    _pdf(tmp / "klartext.pdf", "Redovisning av internationellt arbete 2023")
    _encrypted_pdf(corpus / "krypterad.pdf", tmp / "klartext.pdf")
    _pdf(corpus / "bilder.pdf", None)
    (corpus / "skrap.txt").write_bytes(bytes(range(256)) * 20)
    (corpus / "latin1.txt").write_bytes("Redovisning för Malmö stad 2023".encode("latin-1"))
    (corpus / "tom.txt").write_text("")
    return corpus, {
        "passwd.txt": "symbolic link", "lank.md": "symbolic link", "ror.txt": "not a regular file",
        "jatte.txt": "over the limit", "0_kopia.txt": f"is a copy of {ASN_2019}",
        shown(FORGING_NAME): "control characters", "trasig.pdf": "", "krypterad.pdf": "",
        "bilder.pdf": "", "skrap.txt": "not text", "latin1.txt": "not UTF-8", "tom.txt": "is empty",
    }


def run_cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, int]:
    """Run `faktakoll` (this checkout's code) in a subprocess: exit code, stdout + stderr, peak memory in bytes."""
    full_env = {**os.environ, "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1", **(env or {})}
    with subprocess.Popen([sys.executable, "-c", "from service.cli import app; app()", *args], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, env=full_env, text=True, cwd=PROJECT_ROOT) as proc:
        out = proc.stdout.read() if proc.stdout else ""
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, out, usage.ru_maxrss * 1024


@pytest.fixture(scope="module")
def bad_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], int, str, int]:
    tmp = tmp_path_factory.mktemp("bad")
    corpus, bad = bad_corpus(tmp)
    data = tmp / "data"
    code, out, peak = run_cli("ingest", "--corpus", str(corpus), "--data-dir", str(data),
                              env={"FAKTAKOLL_MAX_FILE_MB": "1"})
    return data, bad, code, out, peak


def test_bad_corpus_ingests_the_good_files_and_names_each_bad_one(bad_ingest):
    data, bad, code, out, _ = bad_ingest
    assert code == 3, out
    assert "3 dokument" in out, out
    skip_lines = [ln for ln in out.splitlines() if ln.startswith("hoppade över: ")]
    assert len(skip_lines) == len(bad), out
    for name, problem in bad.items():
        named = [ln for ln in skip_lines if ln.startswith(f"hoppade över: {name}: ")]
        assert len(named) == 1 and problem in named[0], (name, out)
        assert out.count(name) == 1, (name, out)
    assert not any(ln.startswith("Korpusversion 1: 99") for ln in out.splitlines())


def test_bad_corpus_stores_no_linked_or_bad_content(bad_ingest):
    data, *_ = bad_ingest
    store = Store(Settings(data_dir=data))
    docs = {d.doc_id: d for d in store.load_documents()}
    assert set(docs) == {"2019_asn_tjansteskrivelse_internationell_redovisning", "upprepad", "falsk"}
    assert not any("root:" in d.text or "Hemlig rapport" in d.text for d in docs.values())
    assert not any("Hemlig" in c.text for c in store.load_chunks())


def test_unlisted_documents_are_not_official_and_titled_by_file_name(bad_ingest):
    docs = {d.doc_id: d for d in Store(Settings(data_dir=bad_ingest[0])).load_documents()}
    official = docs["2019_asn_tjansteskrivelse_internationell_redovisning"].meta
    assert official.official and official.title.startswith("Internationell redovisning 2019")
    for doc_id, name in (("falsk", "falsk.md"), ("upprepad", "upprepad.txt")):
        meta = docs[doc_id].meta
        assert not meta.official and meta.title == name and meta.short_name == name


def test_a_row_repeating_an_amount_gives_facts_with_distinct_ids(bad_ingest):
    facts = [f for f in Store(Settings(data_dir=bad_ingest[0])).load_facts() if f.doc_id == "upprepad"]
    asf = [f for f in facts if f.value == 99_000_000]
    assert len(asf) == 2 and asf[0].fact_id != asf[1].fact_id
    assert asf[0].quote == "ASF 99 000 000 kr 99 000 000 kr"


def test_a_pipe_table_fact_quotes_its_own_row(bad_ingest):
    store = Store(Settings(data_dir=bad_ingest[0]))
    doc = next(d for d in store.load_documents() if d.doc_id == "falsk")
    facts = {f.value: f for f in store.load_facts() if f.doc_id == "falsk" and f.metric == "eu_funds_paid"}
    assert facts[99_000_000].quote == "| Arbetsmarknads- och socialförvaltningen | 99 000 000 kr |"
    assert facts[5_000_000].quote == "| Miljöförvaltningen | 5 000 000 kr |"
    assert facts[99_000_000].year == 2022 and facts[99_000_000].org == "asf"
    every = [f for f in store.load_facts() if f.doc_id == "falsk"]
    assert len(every) >= 2
    rows = doc.text.splitlines()
    for fact in every:  # also rows the table reader leaves to the running-text readers
        assert doc.text[fact.span_start : fact.span_end] == fact.quote and fact.quote in rows


def test_an_oversized_file_is_skipped_without_being_read(bad_ingest):
    code, out, peak = bad_ingest[2:]
    assert "jatte.txt: is 3221.2 MB, over the limit of 1.0 MB" in out
    assert peak < GB, f"peak memory {peak / MB:.0f} MB while skipping a 3 GB file"


def test_read_checks_the_size_before_reading(tmp_path: Path):
    big = tmp_path / "stor.txt"
    with big.open("wb") as fh:
        fh.truncate(2 * GB)
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    with pytest.raises(DocumentError, match="over the limit"):
        read(big, max_bytes=MB)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    assert after - before < 100 * MB


def test_listing_never_follows_links_and_prefers_the_listed_file(tmp_path: Path):
    corpus = small_corpus(tmp_path, ASN_2019)
    shutil.copy(corpus / ASN_2019, corpus / "0_kopia.txt")
    (corpus / "inne.txt").symlink_to(corpus / ASN_2019)  # a link inside the corpus is skipped too
    files, skipped = corpus_files(corpus, max_bytes=MB, listed={ASN_2019})
    assert [p.name for p in files] == [ASN_2019, "0_kopia.txt"]
    assert skipped == [f"inne.txt: is a symbolic link to {corpus / ASN_2019}; links are never followed "
                       "(copy the file itself into the corpus folder)"]


def _doc(doc_id: str, content_hash: str) -> Document:
    from core.schemas import DocMeta

    meta = DocMeta(title=doc_id, short_name=doc_id, year=2022, kind="rapport")
    return Document(doc_id=doc_id, path=f"/c/{doc_id}.txt", source_format=SourceFormat.text,
                    content_hash=content_hash, text="ASF 1 kr", pages=[], meta=meta)


def _fact(fact_id: str, doc_id: str) -> Fact:
    return Fact(fact_id=fact_id, doc_id=doc_id, org="asf", unit_org="asn", year=2022, metric="eu_funds_paid",
                value=1, unit="SEK", label="ASF", display="1 kr", page=None, quote="ASF 1 kr",
                span_start=0, span_end=8)


def test_a_document_whose_rows_clash_is_skipped_and_the_others_kept():
    found = Extracted()
    found.add(Path("a.txt"), _doc("a", "h1"), [], [_fact("f1", "a")])
    with pytest.raises(DocumentError, match=r"^b\.txt: cannot be stored: two facts have the id f2"):
        found.add(Path("b.txt"), _doc("b", "h2"), [], [_fact("f2", "b"), _fact("f2", "b")])
    with pytest.raises(DocumentError, match=r"^c\.txt: cannot be stored: two facts have the id f1"):
        found.add(Path("c.txt"), _doc("c", "h3"), [], [_fact("f1", "c")])
    with pytest.raises(DocumentError, match=r"^a\.md: has the same document id 'a' as a\.txt"):
        found.claim(Path("a.md"), _doc("a", "h4"))
    assert [d.doc_id for d in found.docs] == ["a"] and [f.fact_id for f in found.facts] == ["f1"]


def test_an_overlong_file_name_is_one_skip_line(tmp_path):
    """A name over the documents table's 200 characters stopped every PostgreSQL ingest; now it is skipped."""
    from ingest.pipeline import corpus_files

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / ("x" * 230 + ".txt")).write_text("Redovisning 2024", encoding="utf-8")
    (corpus / "ok.txt").write_text("Redovisning 2024", encoding="utf-8")
    files, skipped = corpus_files(corpus, max_bytes=1_000_000)
    assert [f.name for f in files] == ["ok.txt"] and len(skipped) == 1 and "longer than 200" in skipped[0]

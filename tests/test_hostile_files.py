"""Files made to harm the ingest (issue 19): PDFs that crash or exhaust their reader, a file with too
many pages or passages, one that takes too long, tables and runs of numbers that took hours. Each bad
file is skipped with one line naming it while the good files are ingested and the build is written; a
"copy-protected" PDF (AES, empty user password) is read; the PDF reader's warnings are one line per file;
extraction time grows linearly with the text."""

from __future__ import annotations

import io
import re
import time
import zlib
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, IndirectObject, NameObject, NumberObject

from core.entities import Registry
from core.settings import Settings
from ingest.normalize import OcrRepairer
from ingest.pipeline import extract
from ingest.reader import Limits, file_rows
from stores.sql import Store
from tests.conftest import ASN_2019, small_corpus
from tests.test_bad_corpus import run_cli

REPORT = ("Redovisning av internationellt arbete 2022\n\nMalmö stad hade under 2022 sammanlagt 60 EU-projekt. "
          "Arbetsmarknads- och socialförvaltningen fick 12 000 000 kronor i EU-medel.")
TEXT_OPERATORS = 2_000_000  # "(a) Tj" pairs in one content stream: pypdf reads them for seconds
OUTPUT_PREFIXES = ("[", "Korpusversion ", "hoppade över: ", "avvisad: ", "varning: ")


def report_pdf(text: str = REPORT) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def raw_pdf(content: bytes) -> bytes:
    """A one-page PDF written byte by byte (with a correct cross-reference table) whose content stream
    object is `content` as given: what a writer would refuse to write."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources "
               b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>", content]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, length: int | None = None, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data) if length is None else length, extra, data)


def with_contents(contents: object) -> bytes:
    """The report PDF with its page's /Contents replaced by what is no content stream."""
    writer = PdfWriter(clone_from=io.BytesIO(report_pdf()))
    writer.pages[0][NameObject("/Contents")] = contents
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def aes_pdf() -> bytes:
    """Opens without a password, but may not be changed: AES-256 with an owner password."""
    writer = PdfWriter(clone_from=io.BytesIO(report_pdf()))
    writer.encrypt(user_password="", owner_password="agare", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def many_pages(count: int) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(report_pdf()))
    for _ in range(count - 1):
        writer.add_page(writer.pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def warned_pdf() -> bytes:
    """Readable, but its startxref points a few bytes off: pypdf warns and finds the table itself."""
    text = b"BT /F1 12 Tf 72 720 Td (Redovisning av internationellt arbete 2022) Tj ET"
    raw = raw_pdf(stream(text))
    return re.sub(rb"startxref\n(\d+)", lambda m: b"startxref\n%d" % (int(m.group(1)) + 7), raw)


HOSTILE = {  # file -> (its bytes, what its skip line says)
    "bomb.pdf": (lambda: raw_pdf(stream(zlib.compress(b" " * 200_000_000, 9), extra=b"/Filter /FlateDecode ")),
                 "LimitReachedError"),  # 200 MB of blanks in 200 kB
    "langd.pdf": (lambda: raw_pdf(stream(b"BT ET", length=999_999_999)), "LimitReachedError"),
    "stora_tal.pdf": (lambda: raw_pdf(stream(b"BT /F1 12 Tf " + b"7" * 100_000 + b" 720 Td (a) Tj ET")),
                      "LimitReachedError"),
    "utan_innehall.pdf": (lambda: with_contents(IndirectObject(999, 0, PdfWriter())), "AttributeError"),
    "innehall_tal.pdf": (lambda: with_contents(NumberObject(5)), "AttributeError"),
    "innehall_ordbok.pdf": (lambda: with_contents(DictionaryObject()), "AttributeError"),
    "nastlad.pdf": (lambda: raw_pdf(stream(b"[" * 100_000 + b"]" * 100_000)), "RecursionError"),
    "okant_filter.pdf": (lambda: raw_pdf(stream(b"BT ET", extra=b"/Filter /NoSuchDecode ")), "NotImplementedError"),
    "manga_sidor.pdf": (lambda: many_pages(1001),
                        "has 1001 pages, over the limit of 1000 pages per file (split the file or raise "
                        "FAKTAKOLL_MAX_FILE_PAGES)"),
}


@pytest.fixture(scope="module")
def hostile_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    tmp = tmp_path_factory.mktemp("hostile")
    corpus = small_corpus(tmp, ASN_2019)
    for name, (make, _) in HOSTILE.items():
        (corpus / name).write_bytes(make())
    (corpus / "skyddad.pdf").write_bytes(aes_pdf())
    (corpus / "varnar.pdf").write_bytes(warned_pdf())
    data = tmp / "data"
    code, out, _ = run_cli("ingest", "--corpus", str(corpus), "--data-dir", str(data))
    return data, code, out


def test_each_hostile_pdf_is_one_skip_line_and_the_good_files_are_ingested(hostile_ingest):
    data, code, out = hostile_ingest
    assert code == 3, out
    assert "Traceback" not in out and "3 dokument" in out, out
    skip_lines = [line for line in out.splitlines() if line.startswith("hoppade över: ")]
    assert len(skip_lines) == len(HOSTILE), out
    for name, (_, problem) in HOSTILE.items():
        assert out.count(name) == 1, (name, out)
        named = [line for line in skip_lines if line.startswith(f"hoppade över: {name}: ")]
        assert len(named) == 1 and problem in named[0], (name, out)
    store = Store(Settings(data_dir=data))
    assert store.current_build() is not None
    docs = {d.doc_id: d for d in store.load_documents()}
    assert set(docs) == {Path(ASN_2019).stem, "skyddad", "varnar"}


def test_a_copy_protected_pdf_is_read(hostile_ingest):
    store = Store(Settings(data_dir=hostile_ingest[0]))
    doc = next(d for d in store.load_documents() if d.doc_id == "skyddad")
    assert "60 EU-projekt" in doc.text
    assert any(f.doc_id == "skyddad" and f.value == 60 for f in store.load_facts())


def test_the_pdf_readers_warnings_are_one_line_for_the_file(hostile_ingest):
    out = hostile_ingest[2]
    named = [line for line in out.splitlines() if "varnar.pdf" in line]
    assert len(named) == 1, out
    assert re.fullmatch(r"varning: varnar\.pdf: read, but its PDF reader warned (once|\d+ times) \(first: "
                        r"incorrect startxref pointer.*\); check its text in the sources of answers, or export "
                        r"it again", named[0]), out
    strays = [line for line in out.splitlines() if not line.startswith(OUTPUT_PREFIXES)]
    assert not strays, out


def test_a_file_over_the_time_limit_is_stopped_and_the_next_one_read(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    slow = b"BT /F1 12 Tf 72 720 Td " + b"(a) Tj " * TEXT_OPERATORS + b"ET"
    (corpus / "langsam.pdf").write_bytes(raw_pdf(stream(slow)))
    (corpus / "rapport.txt").write_text(REPORT, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data", max_file_seconds=2)
    out = extract(settings, [corpus / "langsam.pdf", corpus / "rapport.txt"], {}, Registry.load(),
                  lambda items, _label: items)
    assert out.skipped == ["langsam.pdf: took longer than 2 s to read and was stopped (split the file, or raise "
                           "FAKTAKOLL_MAX_FILE_SECONDS for a good report)"]
    assert [d.doc_id for d in out.docs] == ["rapport"]


def test_a_file_with_too_many_passages_is_skipped_with_its_line(tmp_path: Path):
    big = "2022_ks_protokoll_redovisning_internationellt_arbete.txt"
    corpus = small_corpus(tmp_path, ASN_2019, big)
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data", max_file_chunks=50)
    out = extract(settings, [corpus / ASN_2019, corpus / big], {}, Registry.load(), lambda items, _label: items)
    assert [d.doc_id for d in out.docs] == [Path(ASN_2019).stem]
    assert len(out.skipped) == 1
    assert re.fullmatch(rf"{big}: gives \d+ passages, over the limit of 50 per file \(split the file or raise "
                        r"FAKTAKOLL_MAX_FILE_CHUNKS\)", out.skipped[0]), out.skipped


def _extraction_seconds(path: Path, text: str) -> float:
    """Seconds for every extraction stage of one file (the worker's own code, in this process)."""
    path.write_text(text, encoding="utf-8")
    registry = Registry.load()
    repairer = OcrRepairer(registry.domain_words())
    limits = Limits.of(Settings(corpus_dir=path.parent))
    started = time.perf_counter()
    file_rows(path, None, registry, repairer, limits)
    return time.perf_counter() - started


def tab_table(rows: int) -> str:
    """One table block of tab-separated rows without a full stop: one 'sentence' of `rows` lines."""
    body = "\n".join(f"Projekt {i}\tMiljöförvaltningen\t{1000 + i} 000 kr" for i in range(rows))
    return f"# Redovisning av internationellt arbete 2022\n\nUtbetalda EU-medel 2022 per projekt.\n\n{body}\n"


def run_of_numbers(count: int) -> str:
    return f"Redovisning av internationellt arbete i Malmö stad 2022 {'1 ' * count}kronor\n"


@pytest.mark.parametrize(("make", "small"), [(tab_table, 1000), (run_of_numbers, 100_000)])
def test_extraction_time_grows_linearly(tmp_path: Path, make, small):
    """Four times the text takes about four times as long (it took 16 times as long and more: hours)."""
    short = _extraction_seconds(tmp_path / "kort.md", make(small))
    long = _extraction_seconds(tmp_path / "lang.md", make(4 * small))
    assert long < 8 * short, f"{small} took {short:.2f} s, {4 * small} took {long:.2f} s"


def project_mentions(count: int) -> str:
    """`count` distinct project names, each in a sentence that goes on about the one before."""
    body = " ".join(f"Projektet HÅPP{i} drivs av ASF med partners från Tyskland." for i in range(count))
    return f"# Redovisning av internationellt arbete 2022\n\n{body}\n"


def test_projects_across_a_build_take_time_linear_in_their_number(tmp_path: Path):
    """Grouping the projects of a build and giving them their figures (done after every file is read, so
    outside any file's time limit) took 23 times as long for four times as many projects."""
    seconds = []
    for count in (1000, 4000):
        corpus = tmp_path / str(count)
        corpus.mkdir()
        (corpus / "projekt.md").write_text(project_mentions(count), encoding="utf-8")
        found = extract(Settings(corpus_dir=corpus, data_dir=tmp_path / "data"), [corpus / "projekt.md"], {},
                        Registry.load(), lambda items, _label: items)
        started = time.perf_counter()
        assert len(found.projects()) > count
        seconds.append(time.perf_counter() - started)
    assert seconds[1] < 8 * seconds[0], seconds

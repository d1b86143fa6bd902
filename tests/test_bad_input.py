"""Bad input: each bad file gets one clear line; the others are still ingested."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from typer.testing import CliRunner

from core.errors import DocumentError
from ingest.parse import read
from service.cli import EXIT_SKIPPED, app
from tests.conftest import ASN_2019, small_corpus


def _pdf(path: Path, pages: list[str], *, encrypt: bool = False, text: bool = True) -> None:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for body in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, body.encode("latin-1", "replace").decode("latin-1"))
        else:
            pdf.rect(20, 20, 100, 60, style="F")
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(path))


def _bad_corpus(tmp: Path) -> Path:
    corpus = small_corpus(tmp, ASN_2019)
    (corpus / "trasig.pdf").write_bytes(b"%PDF-1.7\n1 0 obj<<>>garbage")
    _pdf(corpus / "krypterad.pdf", ["Redovisning av internationellt arbete 2023"], encrypt=True)
    _pdf(corpus / "bilder.pdf", ["x"], text=False)
    (corpus / "tom.txt").write_text("")
    (corpus / "skrap.txt").write_bytes(bytes(range(256)) * 20)
    (corpus / "latin1.txt").write_bytes("Redovisning för Malmö stad 2023".encode("latin-1"))
    (corpus / "kopia.txt").write_bytes((corpus / ASN_2019).read_bytes())
    return corpus


def test_each_bad_file_is_named_and_the_rest_ingested(tmp_path: Path):
    corpus = _bad_corpus(tmp_path)
    result = CliRunner().invoke(app, ["ingest", "--corpus", str(corpus), "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == EXIT_SKIPPED, result.output
    out = result.output
    assert "1 dokument" in out
    expected = {
        "trasig.pdf": "not a readable PDF", "krypterad.pdf": "encrypted", "bilder.pdf": "no text layer",
        "tom.txt": "is empty", "skrap.txt": "not text", "latin1.txt": "not UTF-8", "kopia.txt": "is a copy of",
    }
    for name, problem in expected.items():
        lines = [ln for ln in out.splitlines() if ln.startswith(f"hoppade över: {name}")]
        assert len(lines) == 1 and problem in lines[0], (name, out)


def test_size_limit(tmp_path: Path):
    big = tmp_path / "stor.txt"
    big.write_text("Redovisning " * 1000)
    try:
        read(big, max_bytes=1000)
    except DocumentError as exc:
        assert "over the limit" in str(exc) and "FAKTAKOLL_MAX_FILE_MB" in str(exc)
    else:
        raise AssertionError("size limit not enforced")


def test_bad_manifest_is_reported_with_its_field(tmp_path: Path):
    corpus = small_corpus(tmp_path, ASN_2019)
    (corpus / "manifest.toml").write_text('[[document]]\nfile = "x.txt"\nyear = "tjugo"\n')
    result = CliRunner().invoke(app, ["ingest", "--corpus", str(corpus), "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == 1
    assert "manifest.toml" in result.output and "year" in result.output


def test_pdf_keeps_real_pages_and_facts(tmp_path: Path):
    """A PDF made from corpus text: the table on page 2 is read with page 2."""
    source = (Path(small_corpus(tmp_path, ASN_2019)) / ASN_2019).read_text(encoding="utf-8")
    head, table = source.split("Utbetalda EU-medel 2019\n", 1)
    table = table.split("Förvaltningens överväganden")[0]
    corpus = tmp_path / "pdfcorpus"
    corpus.mkdir()
    _pdf(corpus / "asn_2019.pdf", [head[:900], "Utbetalda EU-medel 2019\n" + table])
    data = tmp_path / "pdfdata"
    result = CliRunner().invoke(app, ["ingest", "--corpus", str(corpus), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    out = CliRunner().invoke(app, ["facts", "--data-dir", str(data), "--format", "json", "--org", "ASF"])
    import json

    rows = json.loads(out.output)
    hela = [r for r in rows if r["project"] == "Hela familjen"]
    assert hela and hela[0]["value"] == 1_680_158 and hela[0]["page"] == 2
    assert all(r["page"] in (1, 2) for r in rows)


def test_a_manifest_that_is_not_a_plain_file_is_refused_without_hanging(tmp_path: Path):
    import os

    from core.errors import CorpusError
    from ingest.metadata import load_manifest

    for kind in ("fifo", "folder", "link"):
        corpus = tmp_path / kind
        corpus.mkdir()
        manifest = corpus / "manifest.toml"
        if kind == "fifo":
            os.mkfifo(manifest)  # reading it would block forever
        elif kind == "folder":
            manifest.mkdir()
        else:
            manifest.symlink_to("/etc/hostname")
        try:
            load_manifest(corpus)
        except CorpusError as exc:
            assert "not a regular file" in exc.message
        else:
            raise AssertionError(f"a {kind} manifest was accepted")


def test_a_misspelt_manifest_table_and_a_missing_listed_file_are_named(tmp_path: Path):
    corpus = small_corpus(tmp_path, ASN_2019)
    manifest = corpus / "manifest.toml"
    original = manifest.read_text(encoding="utf-8")
    manifest.write_text(original.replace("[[document]]", "[[dokument]]"), encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--corpus", str(corpus), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code != 0 and "dokument" in result.output
    manifest.write_text(original + '\n[[document]]\nfile = "rapport_2025.txt"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "--corpus", str(corpus), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == EXIT_SKIPPED
    assert "rapport_2025.txt" in result.output and "not in the corpus" in result.output

"""`faktakoll facts` as a reader uses it (issue 18 item 4): a table with a header row whose long names wrap
instead of being cut, and a CSV whose title column holds the document's title."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from service.cli import app

TITLE_2022 = "Redovisning av internationellt arbete 2022 (KS § 270, tjänsteskrivelse STK-2023-627 och rapport)"


def _facts(ingested, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["facts", *args, "--data-dir", str(ingested[0].data_dir)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_table_has_a_header_row_and_wraps_long_names(ingested):
    out = _facts(ingested, "--year", "2022", "--org", "ASF", "--metric", "eu_funds_paid")
    header = out.splitlines()[0].split()
    assert header == ["År", "Organisation", "Mått", "Avser", "Värde", "Källa", "Citat"]
    words = out.split()
    assert "Arbetsmarknads-" in words and "socialförvaltningen" in words  # 39 characters: whole, not cut at 38
    assert "8,3" in words and "2022_ks_protokoll_redovisning_internationellt_arbete" not in out  # the title instead
    assert out.rstrip().endswith("fakta")


def test_csv_writes_the_document_title_in_the_title_column(ingested):
    rows = list(csv.DictReader(io.StringIO(_facts(ingested, "--year", "2022", "--format", "csv"))))
    assert rows and {r["title"] for r in rows if r["doc_id"].startswith("2022_ks")} == {TITLE_2022}
    assert not [r for r in rows if r["title"] == r["doc_id"]]

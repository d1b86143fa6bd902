"""Scale benchmark: ingest the first 5, 50 and 200 generated reports into one data dir, and
measure ingest, stores, memory and answer latency at each size against a raw Chroma query.

    python bench/bench_scale.py --work /tmp/faktakoll-scale            # all sizes, ~1 h on 2 cores
    python bench/bench_scale.py --work /tmp/faktakoll-scale --sizes 5 50

The corpus comes from bench/scale/generate.py (report i rewrites real report i mod 5, so the
5 are one rewrite of each real report, not the real corpus). One data dir serves the growing
sizes: chunk ids derive from content, so each size embeds only the new reports' chunks.
Ingest and serving each run in a child process, so their peak memory is their own. Goal
(issue 10): answer p95 <= 400 ms at 200 reports on 2 cores. Writes bench/results/scale.json;
at the largest size it profiles the slowest questions (bench/results/scale_profile.txt).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "2")
sys.path.insert(0, str(Path(__file__).parent / "scale"))

from generate import SIDECAR, generate, manifest_text  # noqa: E402
from questions import figure_questions, load_about, narrative_questions  # noqa: E402
from serve_timing import serve  # noqa: E402

from core.entities import Registry  # noqa: E402
from core.settings import PROJECT_ROOT, Settings  # noqa: E402

RESULTS = PROJECT_ROOT / "bench" / "results"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def dir_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6, 1) if path.exists() else 0.0


# --- the ingest child ------------------------------------------------------------------------

class Stages:
    """Wall time of each ingest stage, taken from the progress hook the pipeline calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, items: Any, label: str) -> Any:
        from ingest.progress import progress

        started = time.perf_counter()
        yield from progress(items, label)
        self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started


def ingest_child(corpus: Path, data: Path) -> dict[str, Any]:
    from ingest.pipeline import run_ingest

    stages = Stages()
    started = time.perf_counter()
    report = run_ingest(Settings(corpus_dir=corpus, data_dir=data), progress=stages)
    total = time.perf_counter() - started
    read, embed = stages.seconds.get("läser", 0.0), stages.seconds.get("bäddar in", 0.0)
    return {
        "documents": report.documents, "chunks": report.chunks, "facts": report.facts,
        "checks_failing": report.checks_failing, "embedded": report.embedded, "skipped": report.skipped,
        "ingest_s": round(total, 1), "read_extract_s": round(read, 1), "embed_s": round(embed, 1),
        "write_other_s": round(total - read - embed, 1),
        "embedded_per_s": round(report.embedded / embed, 2) if embed else None,
        "peak_rss_mb": peak_rss_mb(),
    }


# --- the parent ------------------------------------------------------------------------------

def subset(generated: Path, target: Path, n: int) -> Path:
    """A corpus folder with the first n generated reports and their manifest entries."""
    entries = tomllib.loads((generated / "manifest.toml").read_text(encoding="utf-8"))["document"][:n]
    if len(entries) < n:
        raise SystemExit(f"{generated} holds {len(entries)} reports, fewer than {n}; generate more")
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for entry in entries:
        shutil.copy2(generated / entry["file"], target / entry["file"])
    (target / "manifest.toml").write_text(manifest_text(entries), encoding="utf-8")
    return target


def child(*args: str) -> dict[str, Any]:
    """Run this script's child command; its JSON is the last line of its output."""
    done = subprocess.run([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def one_size(n: int, args: argparse.Namespace, about: list[dict[str, Any]], registry: Registry) -> dict[str, Any]:
    import random

    work: Path = args.work
    data = work / "data"
    corpus = subset(work / "generated", work / f"corpus_{n}", n)
    print(f"== {n} reports: ingest", file=sys.stderr, flush=True)
    ingest = child("_ingest", str(corpus), str(data))
    rng = random.Random(f"{args.seed}:{n}")
    asked = {"figure": figure_questions(about[:n], registry, rng, args.figures),
             "narrative": narrative_questions(about[:n], registry, rng, args.narratives)}
    qfile = work / f"questions_{n}.json"
    qfile.write_text(json.dumps(asked, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"== {n} reports: answers", file=sys.stderr, flush=True)
    profile = str(args.profile if n == max(args.sizes) else 0)
    served = child("_serve", str(data), str(qfile), str(args.rounds), profile, str(RESULTS / "scale_profile.txt"))
    settings = Settings(data_dir=data)
    sqlite = sum(p.stat().st_size for p in data.glob("faktakoll.sqlite*")) / 1e6
    stores = {"sqlite_mb": round(sqlite, 1), "chroma_mb": dir_mb(settings.chroma_dir)}
    return {"reports": n, "ingest": ingest, "stores": stores, "serve": served, "questions": asked}


def table(results: list[dict[str, Any]]) -> str:
    rows: list[tuple[str, Any]] = [
        ("reports", lambda r: r["reports"]),
        ("chunks / facts", lambda r: f"{r['ingest']['chunks']} / {r['ingest']['facts']}"),
        ("ingest s (read+extract / embed / write)", lambda r: "{ingest_s} ({read_extract_s} / {embed_s} / "
                                                               "{write_other_s})".format(**r["ingest"])),
        ("new chunks embedded, per s", lambda r: f"{r['ingest']['embedded']}, {r['ingest']['embedded_per_s']}"),
        ("ingest peak RSS MB", lambda r: r["ingest"]["peak_rss_mb"]),
        ("SQLite MB / Chroma MB", lambda r: f"{r['stores']['sqlite_mb']} / {r['stores']['chroma_mb']}"),
        ("engine load s / RSS MB after load", lambda r: f"{r['serve']['load_s']} / {r['serve']['rss_after_load_mb']}"),
        ("first answer s / serving peak RSS MB", lambda r: f"{r['serve']['first_answer_s']} / "
                                                           f"{r['serve']['peak_rss_mb']}"),
    ]
    for kind in ("figure", "narrative", "raw_chroma_query", "raw_chroma_with_embedding", "embed_query",
                 "bm25_search"):
        rows.append((f"{kind} p50/p95 ms", lambda r, k=kind: "{p50} / {p95}".format(**r["serve"]["latency"][k])))
    width = max(len(name) for name, _ in rows)
    lines = []
    for name, cell in rows:
        lines.append(f"{name:<{width}}  " + "  ".join(f"{str(cell(r)):>24}" for r in results))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/faktakoll-scale"), help="corpus and data dir")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 200])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3, help="times each question is asked")
    parser.add_argument("--figures", type=int, default=24, help="figure questions per size")
    parser.add_argument("--narratives", type=int, default=16, help="narrative questions per size")
    parser.add_argument("--profile", type=int, default=6, help="slowest questions profiled at the largest size")
    parser.add_argument("--out", type=Path, default=RESULTS / "scale.json")
    parser.add_argument("--fresh", action="store_true", help="start from an empty data dir")
    args = parser.parse_args()
    generated = args.work / "generated"
    if not (generated / SIDECAR).exists() or len(load_about(generated)) < max(args.sizes):
        started = time.perf_counter()
        generate(PROJECT_ROOT / "corpus", generated, max(args.sizes), args.seed)
        print(f"generated {max(args.sizes)} reports in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.fresh and (args.work / "data").exists():
        shutil.rmtree(args.work / "data")
    about, registry = load_about(generated), Registry.load()
    results: list[dict[str, Any]] = []
    args.out.parent.mkdir(parents=True, exist_ok=True)
    for n in sorted(args.sizes):
        results.append(one_size(n, args, about, registry))
        report = {"cores": os.cpu_count(), "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
                  "seed": args.seed, "rounds": args.rounds, "sizes": results}
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        print(table(results), file=sys.stderr, flush=True)
    print(table(results))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_ingest":
        print(json.dumps(ingest_child(Path(sys.argv[2]), Path(sys.argv[3]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "_serve":
        print(json.dumps(serve(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]),
                               Path(sys.argv[6]))))
    else:
        main()

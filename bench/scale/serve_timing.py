"""The serving side of the scale benchmark, run in its own process: load an Engine for the
current build, answer the questions `rounds` times through Engine.ask, time the raw Chroma
query (precomputed embedding, and with the embedding) and the BM25 search in the same run,
and profile the slowest questions."""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import resource
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from core.settings import Settings

K = 20  # what the retriever asks each ranking for (max(k * CANDIDATES, 20) with k = 5)
WARM_UP = ["Hur mycket EU-medel fick staden?", "Vad gjorde förvaltningarna inom internationellt arbete?"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(ms: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(ms), 1), "p95": round(percentile(ms, 95), 1),
            "max": round(max(ms), 1), "n": len(ms)}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _timed(fn: Any, items: list[Any], rounds: int) -> tuple[list[float], list[tuple[Any, float]]]:
    out, each = [], []
    for _ in range(rounds):
        for item in items:
            t = time.perf_counter()
            fn(item)
            ms = (time.perf_counter() - t) * 1000
            out.append(ms)
            each.append((item, ms))
    return out, each


def serve(data: Path, qfile: Path, rounds: int, profile: int, profile_out: Path) -> dict[str, Any]:
    from service.answer.engine import Engine

    asked: dict[str, list[str]] = json.loads(qfile.read_text(encoding="utf-8"))
    started = time.perf_counter()
    engine = Engine(Settings(data_dir=data))
    load_s = time.perf_counter() - started
    rss_load = rss_mb()
    started = time.perf_counter()
    for q in WARM_UP:
        engine.ask(q)
    first_s = time.perf_counter() - started
    latency, slow, statuses = {}, [], {}
    for kind, questions in asked.items():
        ms, each = _timed(engine.ask, questions, rounds)
        latency[kind] = summary(ms)
        latency[f"{kind}_first_round"] = summary(ms[:len(questions)])
        slow += [(kind, q, t) for q, t in each]
        statuses[kind] = dict(Counter(engine.ask(q).status for q in questions))
    try:  # the retriever's insides may change under the benchmark: the answers' numbers still count
        latency.update(_raw(engine, asked["narrative"], rounds))
    except (AttributeError, TypeError) as exc:
        latency["raw_error"] = {"error": repr(exc)}  # type: ignore[dict-item]
    result = {
        "load_s": round(load_s, 2), "rss_after_load_mb": rss_load, "first_answer_s": round(first_s, 2),
        "rss_after_answers_mb": rss_mb(),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "latency": latency, "statuses": statuses, "engine_stats": dict(engine.stats),
        "slowest": [{"kind": k, "question": q, "ms": round(t, 1)}
                    for k, q, t in sorted(slow, key=lambda s: -s[2])[:10]],
    }
    if profile:
        result["profile"] = _profile(engine, slow, profile, profile_out)
    return result


def _raw(engine: Any, questions: list[str], rounds: int) -> dict[str, dict[str, float]]:
    """The retriever's own pieces, measured alone: Chroma with a ready vector, Chroma with the
    embedding, the embedding alone and BM25."""
    vectors = engine.retriever.vectors
    embeddings = vectors.embeddings
    ready = {q: embeddings.embed_query(q) for q in questions}
    collection = vectors._collection
    query, _ = _timed(lambda q: collection.query(query_embeddings=[ready[q]], n_results=K), questions, rounds)
    both, _ = _timed(lambda q: vectors.similarity_search_with_score(q, k=K), questions, rounds)
    embed, _ = _timed(embeddings.embed_query, questions, rounds)
    bm25, _ = _timed(lambda q: engine.retriever.keyword.search(q, K), questions, rounds)
    return {"raw_chroma_query": summary(query), "raw_chroma_with_embedding": summary(both),
            "embed_query": summary(embed), "bm25_search": summary(bm25)}


def _profile(engine: Any, slow: list[tuple[str, str, float]], n: int, out: Path) -> dict[str, Any]:
    """cProfile over the n slowest distinct questions (each asked once more); the top
    functions by cumulative and by own time, with their share of the profiled time."""
    picked: list[str] = []
    for _, q, _ in sorted(slow, key=lambda s: -s[2]):
        if q not in picked:
            picked.append(q)
        if len(picked) == n:
            break
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for q in picked:
        engine.ask(q)
    profiler.disable()
    wall = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    rows = stats.stats  # type: ignore[attr-defined]

    def top(index: int) -> list[dict[str, Any]]:
        ranked = sorted(rows.items(), key=lambda kv: -kv[1][index])[:25]
        return [{"where": f"{Path(f).name}:{line}:{fn}", "s": round(v[index], 3),
                 "share": round(v[index] / wall, 3), "calls": v[1]} for (f, line, fn), v in ranked]

    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(40)
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(30)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(f"questions: {picked}\nwall: {wall:.3f} s\n\n{text.getvalue()}", encoding="utf-8")
    return {"questions": picked, "wall_s": round(wall, 3), "cumulative": top(3), "own": top(2)}

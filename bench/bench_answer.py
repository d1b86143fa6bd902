"""Answer latency: p50/p95 for figure questions and narrative questions, against a raw
Chroma query in the same run. Uses the stores in the data dir (run `faktakoll ingest` first).

Targets on 2 cores: figure answer (tables, running-text figures, arithmetic, claims) p95 <= 30 ms
where no retrieval is needed, narrative answer p95 <= 250 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import time

os.environ.setdefault("OMP_NUM_THREADS", "2")

from core.settings import Settings  # noqa: E402
from service.answer.engine import Engine  # noqa: E402

FIGURES = [
    "Hur mycket EU-medel fick miljönämnden 2024?", "Hur mycket ESF-pengar fick ASF 2022?",
    "Hur många EU-projekt hade staden 2019?", "Hur mycket fick projektet Hela familjen 2019?",
    "EU-medel 2023 jämfört med 2024", "How much EU funding did the labour market department get in 2022?",
    "Vilka program fick EU-medel 2024?", "Hur mycket EU-medel fick grundskolenämnden 2025?",
]
TEXT_FIGURES = [  # numbers in running text, arithmetic and claims
    "Hur många medarbetare och chefer kartlade HÅPP?", "Hur många skjutningar var det 2017?",
    "Hur många delegater kom till Malmö 2022?", "Stämmer det att ASF fick 8,3 miljoner 2022?",
    "Vilka förvaltningar fick mindre än 2 miljoner 2022, och hur stor andel av totalen var det?",
    "Hur mycket ökade de utbetalda EU-medlen från 2023 till 2024, i kronor och procent?",
    "Hur mycket ESF-pengar fick ASF totalt 2019?", "How many participants were there at the IPVI conference?",
]
NARRATIVE = [
    "Vad gjorde kulturförvaltningen internationellt 2022?", "Berätta om Malmökraften",
    "Vilka internationella nätverk deltar grundskoleförvaltningen i?",
    "What did the environment department do in 2024?",
    "Hur arbetar förskoleförvaltningen med studiebesök?", "Vad är NetZeroCities?",
]
ROUNDS = 15


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(fn, items: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(ROUNDS):
        for item in items:
            t = time.perf_counter()
            fn(item)
            out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    engine = Engine(Settings())
    for q in FIGURES + TEXT_FIGURES + NARRATIVE:  # warm-up: model load, caches
        engine.ask(q)
    vectors = engine.retriever.vectors
    results = {
        "figure_answer_ms": timed(engine.ask, FIGURES),
        "text_figure_and_arithmetic_ms": timed(engine.ask, TEXT_FIGURES),
        "narrative_answer_ms": timed(engine.ask, NARRATIVE),
        "raw_chroma_query_ms": timed(lambda q: vectors.similarity_search(q, k=5), NARRATIVE),
    }
    report = {name: {"p50": round(statistics.median(v), 1), "p95": round(percentile(v, 95), 1), "n": len(v)}
              for name, v in results.items()}
    report["verification_failed"] = engine.stats["verification_failed"]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

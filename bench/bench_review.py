"""Granska text latency: a two-page draft (about 40 figures, written from the reports' own sentences, some figures
altered) reviewed ROUNDS times after a warm-up; p50/p95 seconds and the number of figures. Uses the stores in the
data dir (run `faktakoll ingest` first). Writes bench/results/review.json.

Target on 2 cores: p95 <= 2 s for the draft.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from collections import Counter

os.environ.setdefault("OMP_NUM_THREADS", "2")

from core.settings import PROJECT_ROOT, Settings  # noqa: E402
from service.answer.engine import Engine  # noqa: E402
from service.review import review  # noqa: E402

RESULTS = PROJECT_ROOT / "bench" / "results"
TARGET_SECONDS = 2.0
# Sentences of the 2019, 2022 and 2024 reports as a press release and a memo would retell them; the altered
# figures are named here (the draft itself carries no marks): 70 projekt (60), 52 (54), 45 miljoner (43), 34 projekt
# (25), 14 miljoner (10,4), 2 miljoner (424 000), 11 förvaltningar (10), 40 projekt (47), 30 miljoner (22,5),
# 9,3 miljoner (8,3), 5 miljoner (4 029 253), and 12 miljoner in 2025 (no report of that year).
PARAGRAPHS = [
    "Malmö stad ökar sitt internationella arbete",
    ("Syftet med redovisningen är att tydliggöra nyttan med det internationella arbetet för malmöborna och för "
     "stadens verksamheter. Nämnderna ska kortfattat beskriva det internationella arbete som ägt rum under året "
     "och redovisa vilka externfinansierade projekt de deltagit i. Policyn för Malmö stads internationella arbete "
     "är ett kommunövergripande styrdokument som senast reviderades och antogs av kommunfullmäktige. Staden verkar"
     " i en omvärld med allt tätare kontakter över nations- och kulturgränserna, och arbetsmarknadens och "
     "näringslivets villkor påverkas av vad som händer i andra länder."),
    ("Den internationella redovisningen visar att nämnderna fortsätter att ha ett stort engagemang på den "
     "internationella arenan, med samverkan med städer i andra länder både i och utanför EU. Redovisningen "
     "sammanställs varje år av stadskontoret och ger en överblick över stadens internationella verksamhet och de "
     "externfinansierade projekten."),
    ("Under 2024 var antalet EU-projekt 70, en ökning från 2023 då motsvarande siffra var 52 projekt. Under 2024 "
     "har nio av stadens nämnder deltagit i EU-projekt, jämfört med 2023 då åtta nämnder deltog i "
     "projektverksamhet. Sammanlagt betalades under 2024 cirka 50,5 miljoner kronor ut i medfinansiering. "
     "Motsvarande siffra för 2023 var cirka 45 miljoner kronor. EU:s medfinansiering sträcker sig från 40 procent "
     "till 60 procent."),
    ("Miljönämnden deltog i 34 projekt och fick ca 14 miljoner kronor i EU-medel 2024. Kulturnämnden fick 2 "
     "miljoner kronor i EU-medel 2024 och deltog i 3 projekt. Arbetsmarknads- och socialnämnden deltog i 10 "
     "projekt och fick 25 660 000 kronor. Förskolenämnden fick 917 000 kronor för 2 projekt. Gymnasie- och "
     "vuxenutbildningsnämnden fick 3 813 000 kronor för 5 projekt. Kommunstyrelsen deltog i 4 projekt och fick 1 "
     "246 000 kronor. Stadsbyggnadsnämnden fick 444 000 kronor i EU-medel 2024."),
    ("Ungdomar från Malmö och de andra nordiska länderna deltog i en serie digitala workshoppar där de "
     "identifierade teman som sedan diskuterades i Reykjavik. Funktionsstödsförvaltningen har deltagit i två "
     "parallella ESF-projekt som ska rusta fler malmöbor för att matcha kompetensförsörjningsbristen i staden. "
     "Flera gymnasieskolor är löpande involverade i internationellt samarbete med elevutbyten, studieresor och "
     "utlandsförlagt lärande med språk- respektive ämnesfokus."),
    ("Klimaträdslaget utmynnade i 26 förslag från malmöborna som ska skynda på klimatomställningen. Inom "
     "förstudien Delaktighet i Klimatomställning Malmö och Interregprojektet Speak Up har metoder för "
     "medborgarinvolvering kartlagts och testats."),
    "Två år tidigare",
    ("Under 2022 medverkade 11 av stadens förvaltningar i 40 projekt, antingen som projektägare eller "
     "projektpartner, att jämföra med 2021 då åtta förvaltningar deltog i totalt 42 projekt. Av de redovisade "
     "projekten för 2022 var Malmö stad projektägare i 20 projekt, som sammantagna hade ett budgetvärde på 78,8 "
     "miljoner. Under 2022 utbetalades sammanlagt cirka 30 miljoner kronor i EU-medel till de projekt där Malmö "
     "stad var projektägare. EU medfinansierar projekten till 50 procent."),
    ("Arbetsmarknads- och socialförvaltningen fick ca 9,3 miljoner kr 2022. Gymnasie- och "
     "vuxenutbildningsförvaltningen fick ca 3,9 miljoner kr och fastighets- och gatukontoret ca 3,4 miljoner kr. "
     "Grundskoleförvaltningen fick ca 2,7 miljoner kr, miljöförvaltningen ca 1,6 miljoner kr och "
     "förskoleförvaltningen ca 1,3 miljoner kr. Miljöförvaltningen deltog i 14 projekt och grundskoleförvaltningen"
     " i 12 projekt. En heldagskonferens samlade 80 deltagare från olika myndigheter."),
    ("Malmö är en av de städer som deltar i ett pilotprogram som ska visa vägen för hur städer kan ställa om och "
     "bli klimatneutrala, och har beviljats finansiellt stöd för detta. I Malmö sker arbetet bland annat genom "
     "Klimatomställning Malmö. Ett lokalt förbättringsarbete har lett till ett ökat internationellt samarbete och "
     "nya nätverk, både internationellt och inom staden. Flera förvaltningar har samverkat kring kultur för äldre "
     "och kring stadens ansökan till Världshälsoorganisationens nätverk för åldersvänliga städer."),
    ("Projektet Malmö tillsammans finansieras med medel från Tillväxtverket, bland annat genom Europeiska "
     "regionalfonden. Förskoleförvaltningen har medel för ett sjuårigt Erasmusprojekt med syfte att utveckla "
     "personalens kompetens inom bland annat språk och digitala verktyg."),
    ("Utbetalda EU-medel för arbetsmarknads- och socialförvaltningen uppgick 2019 till 5 miljoner kronor fördelat "
     "på åtta projekt. Under 2025 fick miljönämnden 12 miljoner kronor i EU-medel."),
]
DRAFT = "\n\n".join(PARAGRAPHS)  # one line per paragraph, as a word processor saves it


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def load() -> tuple[float, float]:
    """The machine's load average (1 and 5 minutes): the cores are shared, and the times depend on it."""
    one, five, _ = os.getloadavg()
    return round(one, 2), round(five, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10, help="Reviews of the draft timed (after one warm-up).")
    args = parser.parse_args()
    engine = Engine(Settings())
    started = time.perf_counter()
    first = review(engine, DRAFT)  # warm-up: model load, caches of the first question
    cold = time.perf_counter() - started
    times = []
    load_before = load()
    for _ in range(args.rounds):
        t = time.perf_counter()
        result = review(engine, DRAFT)
        times.append(time.perf_counter() - t)
    assert result["claims"] == first["claims"]  # the same draft, the same review
    report = {
        "figures": len(result["claims"]), "characters": len(DRAFT), "rounds": args.rounds,
        "first_review_s": round(cold, 2), "p50_s": round(statistics.median(times), 3),
        "p95_s": round(percentile(times, 95), 3), "target_p95_s": TARGET_SECONDS,
        "verdicts": dict(Counter(c["verdict"] for c in result["claims"])),
        "load_before": load_before, "load_after": load(), "cpus": os.cpu_count(),
        "machine": platform.machine(), "corpus_version": result["corpus_version"],
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "review.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

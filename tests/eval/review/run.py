"""Score Granska text on tests/eval/review/drafts.json:
`python -m tests.eval.review.run [--set dev|dev2|dev3|dev4|heldout|heldout2|all] [--show] [--data-dir D]`.

The drafts are split: r01-r08 are the development set (tuned on; `--show` lists its misses), r09-r16 are
held out (never read while building; scored only, no details); drafts_dev2.json (d01-d08) is a second
development set, written by another writer after the first round of tuning; drafts_dev3.json (e01-e08) a
third, written by a third writer after the second round (its first score was taken before any tuning on it);
drafts_dev4.json (f01-f06) a fourth, by a fifth writer (first score before tuning:
caught 80.7 %, confirmed 71.0 %, false alarms 12.9 %, 4 correct for a wrong figure); drafts_heldout2.json
(h01-h08) a second held-out set by a fourth writer, never read (scored only).

Per figure of the answer key: a wrong figure (deviates, other_role, other_year, not_in_reports) is caught when
the review gives any of those verdicts; a right one (correct, rounded) is confirmed when it gives correct or
rounded; a false alarm is a right figure called wrong; the worst error is `correct` for a wrong figure."""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from core.settings import Settings
from service.answer.engine import Engine
from service.review import review

HERE = Path(__file__).resolve().parent
WRONG = {"deviates", "other_role", "other_year", "not_in_reports"}
RIGHT = {"correct", "rounded"}


def _at(text: str, figure: str, occurrence: int) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.find(figure, at + 1)
    return at


DEV = {f"r{i:02d}" for i in range(1, 9)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--set", choices=["dev", "dev2", "dev3", "dev4", "heldout", "heldout2", "all"], default="dev")
    parser.add_argument("--show", action="store_true", help="list the misses (development set only)")
    args = parser.parse_args(argv)
    if args.show and args.set not in ("dev", "dev2", "dev3", "dev4"):
        parser.error("--show lists the development set only: the held-out drafts are never read")
    engine = Engine(Settings(data_dir=args.data_dir) if args.data_dir else Settings())
    if args.set in ("dev2", "dev3", "dev4", "heldout2"):  # sets written after the first ones were tuned on
        drafts = json.loads((HERE / f"drafts_{args.set}.json").read_text(encoding="utf-8"))
    else:
        drafts = [d for d in json.loads((HERE / "drafts.json").read_text(encoding="utf-8"))
                  if args.set == "all" or (d["id"] in DEV) == (args.set == "dev")]
    score: Counter[str] = Counter()
    started = time.perf_counter()
    for draft in drafts:
        found = review(engine, draft["text"], draft.get("lang"))["claims"]
        for key in draft["figures"]:
            at = _at(draft["text"], key["text"], key.get("occurrence", 1))
            mine = next((c["verdict"] for c in found if c["start"] < at + len(key["text"]) and at < c["end"]), None)
            wrong = key["expected"] in WRONG
            if args.show and not ((wrong and mine in WRONG) or (not wrong and mine in RIGHT)):
                claim = next((c for c in found if c["start"] < at + len(key["text"]) and at < c["end"]), None)
                print(f"{draft['id']} {key['text']!r} expected={key['expected']} got={mine} "
                      f"| {claim['explanation'][:160] if claim else ''} | note={key.get('note', '')}")
            score["wrong" if wrong else "right"] += 1
            if mine is None:
                score["missed"] += 1
            elif wrong and mine in WRONG:
                score["caught"] += 1
            elif wrong and mine == "correct":
                score["correct_for_wrong"] += 1
            elif not wrong and mine in RIGHT:
                score["confirmed"] += 1
            elif not wrong and mine in WRONG - {"not_in_reports"}:
                score["false_alarm"] += 1
        ignored = {c["figure"] for c in found} & set(draft.get("ignore", []))
        score["ignore_flagged"] += len(ignored)
    seconds = time.perf_counter() - started
    out = {**score, "drafts": len(drafts), "seconds": round(seconds, 1),
           "caught_share": round(score["caught"] / max(score["wrong"], 1), 3),
           "confirmed_share": round(score["confirmed"] / max(score["right"], 1), 3),
           "false_alarm_share": round(score["false_alarm"] / max(score["right"], 1), 3)}
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Score the answer engine: `python -m tests.eval.run [--set dev|heldout|new|all] [--details] [--data-dir D]`.

Held-out sets print their summary only: their questions are not read while building.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")


def main(argv: list[str] | None = None) -> int:
    from core.settings import Settings
    from service.answer.engine import Engine
    from tests.eval import grade

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default="dev", choices=[*grade.SETS, "all"])
    parser.add_argument("--details", action="store_true", help="list the development set's misses")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write the summaries to this file")
    args = parser.parse_args(argv)
    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    engine = Engine(settings)
    names = grade.SETS if args.set == "all" else (args.set,)
    out = {}
    unverified = 0
    for name in names:
        scores = grade.run(engine, grade.load(name))
        summary = scores.summary()
        out[name] = summary
        unverified += summary["unverified_answers"]
        print(name, json.dumps({k: v for k, v in summary.items() if k != "by_kind"}, ensure_ascii=False))
        if args.details and name not in grade.HELD_OUT:
            print(json.dumps(summary["by_kind"], ensure_ascii=False))
            for r in scores.results:
                if r.grade != "correct":
                    print(f"  {r.id} [{r.kind}] {r.grade}: {r.question} -> missing {r.missing} {r.missing_words}, "
                          f"off {r.off}, status {r.status} (expected {r.expected_status})")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if unverified else 0


if __name__ == "__main__":
    sys.exit(main())

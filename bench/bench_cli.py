"""CLI start-up benchmark: `faktakoll --help` and a figure `faktakoll ask`, as fresh
processes, against `python -c pass` measured in the same run (the ratio says how much
of the time is ours on a machine that may be busy).

Run: make bench   (after an ingest; targets on 2 cores: --help < 0.5 s, ask < 1.5 s)
     .venv/bin/python bench/bench_cli.py [--data-dir DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

FIGURE_QUESTION = "Hur mycket EU-medel fick miljönämnden 2024?"
TARGETS_S = {"help": 0.5, "ask": 1.5}


def _wall(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, help="an ingested data folder (default: the settings' data_dir)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (the median is reported)")
    args = parser.parse_args()
    exe = str(Path(sys.executable).with_name("faktakoll"))
    data = ["--data-dir", str(args.data_dir)] if args.data_dir else []
    commands = {
        "python": [sys.executable, "-c", "pass"],
        "help": [exe, "--help"],
        "ask": [exe, "ask", FIGURE_QUESTION, *data],
    }
    _wall(commands["ask"])  # warm the file cache once; the runs below interleave the commands
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            times[name].append(_wall(cmd))
    median = {name: statistics.median(values) for name, values in times.items()}
    result = {
        "cores": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2), "runs": args.runs,
        "python_c_pass_s": round(median["python"], 3),
        **{f"{name}_s": round(median[name], 3) for name in TARGETS_S},
        **{f"{name}_ratio_to_python": round(median[name] / median["python"], 1) for name in TARGETS_S},
        **{f"{name}_target_s": target for name, target in TARGETS_S.items()},
        **{f"{name}_within_target": median[name] < target for name, target in TARGETS_S.items()},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

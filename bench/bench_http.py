"""HTTP load benchmark on loopback: wrk against a live `faktakoll serve`.

Measures requests/s and p99 for POST /api/ask (a figure question) and GET /api/facts.
Bounded: each run lasts DURATION seconds; the server is stopped afterwards. The rate limit
is raised for the run (FAKTAKOLL_RATE_LIMIT) so that it measures the service, not the limiter.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

DURATION = 10
THREADS, CONNECTIONS = 2, 16
ASK = {"question": "Hur mycket EU-medel fick miljönämnden 2024?"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wrk(url: str, script: str | None = None) -> dict[str, float]:
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url], check=True, capture_output=True, text=True, timeout=DURATION + 30).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99_raw = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    value, unit = float(p99_raw.group(1)), p99_raw.group(2)  # type: ignore[union-attr]
    p99 = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"requests_per_s": rps, "p99_ms": round(p99, 2), "non_2xx": int(errors.group(1)) if errors else 0}


def main() -> None:
    port = free_port()
    env = {**os.environ, "FAKTAKOLL_RATE_LIMIT": "100000000/minute"}
    server = subprocess.Popen([str(Path(sys.executable).with_name("faktakoll")), "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            body = json.dumps(ASK, ensure_ascii=False).replace("\\", "\\\\").replace('"', '\\"')
            lua.write(f'wrk.method = "POST"\nwrk.body = "{body}"\nwrk.headers["Content-Type"] = "application/json"\n')
        result = {
            "settings": {"threads": THREADS, "connections": CONNECTIONS, "duration_s": DURATION,
                         "cores": os.cpu_count()},
            "POST /api/ask (figure)": wrk(f"{base}/api/ask", lua.name),
            "GET /api/facts": wrk(f"{base}/api/facts"),
            "GET /api/facts?format=csv&year=2024": wrk(f"{base}/api/facts?format=csv&year=2024"),
        }
        print(json.dumps(result, indent=2))
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()

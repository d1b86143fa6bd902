"""A live `faktakoll serve` in a subprocess, for tests that need real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

from core.settings import PROJECT_ROOT

START_SECONDS = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


FAKTAKOLL = str(Path(sys.executable).with_name("faktakoll"))


def this_checkout(**env: str) -> dict[str, str]:
    """The environment for a `faktakoll` subprocess that runs this checkout's code (the venv's `faktakoll`
    imports the checkout it was installed from: a git worktree tests its own code), plus `env`."""
    code = os.pathsep.join(filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": code, **env}


@contextmanager
def live_server(corpus_dir: Path, data_dir: Path, *, output: Path | None = None, **env: str) -> Iterator[str]:
    """Run `faktakoll serve` on a free port until the block ends; yields its base URL.
    `env` adds FAKTAKOLL_* settings (name without the prefix, e.g. BUILD_CHECK_SECONDS). The server's stdout
    and stderr (its access log among them) go to the file `output`, else to a temporary file: never to a
    pipe, which a long test would fill and so stop the server."""
    port = free_port()
    environ = this_checkout(FAKTAKOLL_CORPUS_DIR=str(corpus_dir), FAKTAKOLL_DATA_DIR=str(data_dir),
                            **{f"FAKTAKOLL_{k}": v for k, v in env.items()})
    with open(output, "w+", encoding="utf-8") if output else tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen([FAKTAKOLL, "serve", "--port", str(port)], env=environ,
                                stdout=log, stderr=subprocess.STDOUT, text=True)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(proc, base, log)
            yield base
        finally:
            stop(proc)


def stop(proc: subprocess.Popen[str], seconds: float = 30) -> None:
    """Ends a server the test started: politely, then not."""
    proc.terminate()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()


def _wait_until_up(proc: subprocess.Popen[str], base: str, log: IO[str]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"server exited: {log.read()}")
    raise RuntimeError(f"server did not start within {START_SECONDS} s")

"""A live `faktakoll serve` in a subprocess, for tests that need real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
def live_server(corpus_dir: Path, data_dir: Path, **env: str) -> Iterator[str]:
    """Run `faktakoll serve` on a free port until the block ends; yields its base URL.
    `env` adds FAKTAKOLL_* settings (name without the prefix, e.g. BUILD_CHECK_SECONDS)."""
    port = free_port()
    environ = this_checkout(FAKTAKOLL_CORPUS_DIR=str(corpus_dir), FAKTAKOLL_DATA_DIR=str(data_dir),
                            **{f"FAKTAKOLL_{k}": v for k, v in env.items()})
    proc = subprocess.Popen([FAKTAKOLL, "serve", "--port", str(port)], env=environ,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(proc, base)
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


def _wait_until_up(proc: subprocess.Popen[str], base: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stdout.read() if proc.stdout else ''}")
    raise RuntimeError(f"server did not start within {START_SECONDS} s")

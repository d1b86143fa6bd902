"""Real servers for the scale-out tests: PostgreSQL (Debian's), Redis (Debian's) and Chroma's own
`chroma run`, each started on a free port in a temp dir and stopped at the end.

`make servers` installs PostgreSQL and Redis on a fresh machine; `chroma` comes with chromadb.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(check: object, what: str, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except Exception:
            pass
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:]
    raise RuntimeError(f"{what} did not start within {seconds:.0f} s; its log:\n{tail}")


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        pytest.fail(f"PostgreSQL's {name} is not installed: run `make servers` (apt-get install postgresql)")
    return found


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: under root (CI) the server runs as the 'postgres' user."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@contextmanager
def postgres(tmp: Path) -> Iterator[str]:
    """A PostgreSQL server in `tmp`; yields a SQLAlchemy URL of an empty database."""
    if os.geteuid() == 0:  # pytest's temp dirs are private to root: the server gets a folder of its own
        tmp = Path(tempfile.mkdtemp(prefix="faktakoll-pg-"))
        shutil.chown(tmp, "postgres")
    tmp.mkdir(parents=True, exist_ok=True)
    data, log, port = tmp / "pgdata", tmp / "postgres.log", free_port()
    done = subprocess.run(_as_postgres([_pg_bin("initdb"), "-D", str(data), "-U", "faktakoll", "--auth=trust",
                                        "-E", "UTF8", "--locale=C.UTF-8"]), capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"initdb failed: {done.stderr[-2000:]}")
    server = subprocess.Popen(_as_postgres([_pg_bin("postgres"), "-D", str(data), "-p", str(port),
                                            "-k", str(tmp), "-h", "127.0.0.1"]),
                              stdout=log.open("wb"), stderr=subprocess.STDOUT)
    try:
        import psycopg

        def ready() -> bool:
            with psycopg.connect(f"host=127.0.0.1 port={port} user=faktakoll dbname=postgres", autocommit=True) as c:
                c.execute("CREATE DATABASE faktakoll")
            return True

        _wait(ready, "PostgreSQL", log)
        yield f"postgresql+psycopg://faktakoll@127.0.0.1:{port}/faktakoll"
    finally:
        server.terminate()
        server.wait(30)
        if os.geteuid() == 0:
            shutil.rmtree(tmp, ignore_errors=True)


def fresh_database(url: str, name: str) -> str:
    """A new empty database on the server of `url` (one per test that must start empty)."""
    import psycopg

    host = url.split("@", 1)[1].split("/", 1)[0]
    address, port = host.split(":")
    with psycopg.connect(f"host={address} port={port} user=faktakoll dbname=postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}"


@contextmanager
def redis(tmp: Path) -> Iterator[str]:
    """A Redis server in `tmp` (no persistence); yields its redis:// URL."""
    binary = shutil.which("redis-server")
    if not binary:
        pytest.fail("redis-server is not installed: run `make servers` (apt-get install redis-server)")
    tmp.mkdir(parents=True, exist_ok=True)
    log, port = tmp / "redis.log", free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                               "--dir", str(tmp)], stdout=log.open("wb"), stderr=subprocess.STDOUT)
    try:
        import redis as redis_client

        _wait(lambda: redis_client.Redis(host="127.0.0.1", port=port).ping(), "Redis", log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(30)


@contextmanager
def chroma(tmp: Path) -> Iterator[str]:
    """Chroma's own server (`chroma run`) on a folder in `tmp`; yields its http:// URL."""
    binary = Path(sys.executable).with_name("chroma")
    if not binary.exists():
        pytest.fail(f"{binary} is missing: chromadb is not installed in this venv (make install)")
    tmp.mkdir(parents=True, exist_ok=True)
    log, port = tmp / "chroma.log", free_port()
    server = subprocess.Popen([str(binary), "run", "--path", str(tmp / "chroma"), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=log.open("wb"), stderr=subprocess.STDOUT,
                              env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2).status == 200, "Chroma", log)
        yield url
    finally:
        server.terminate()
        server.wait(30)

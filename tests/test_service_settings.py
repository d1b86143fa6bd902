"""Service settings from the environment: CORS origins as an operator writes them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from core.settings import Settings

FAKTAKOLL = str(Path(sys.executable).with_name("faktakoll"))


@pytest.mark.parametrize(("value", "origins"), [
    ("https://redaktion.example", ["https://redaktion.example"]),
    ("https://a.example, http://localhost:3000", ["https://a.example", "http://localhost:3000"]),
    ('["https://a.example", "https://b.example"]', ["https://a.example", "https://b.example"]),
    ("", []),
])
def test_cors_origins_from_the_environment(monkeypatch, value, origins):
    monkeypatch.setenv("FAKTAKOLL_CORS_ORIGINS", value)
    assert Settings().cors_origins == origins


@pytest.mark.parametrize("value", ["[https://a.example", "redaktion.example", "https://a.example/sida"])
def test_bad_cors_origins_give_one_line(monkeypatch, value):
    monkeypatch.setenv("FAKTAKOLL_CORS_ORIGINS", value)
    with pytest.raises(ValidationError, match="cors_origins"):
        Settings()
    done = subprocess.run([FAKTAKOLL, "settings"], env={**os.environ, "FAKTAKOLL_CORS_ORIGINS": value},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fel: inställningen FAKTAKOLL_CORS_ORIGINS: "), done.stderr


@pytest.mark.parametrize("name", ["forged\njournalist2\t2026-01-01", "", "x" * 65, "två ord"])
def test_a_key_name_that_could_forge_a_listing_is_refused(tmp_path, name):
    done = subprocess.run([FAKTAKOLL, "keys", "add", name, "--data-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "not allowed" in done.stderr and not done.stdout
    listed = subprocess.run([FAKTAKOLL, "keys", "list", "--data-dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert "journalist2" not in listed.stdout


@pytest.mark.parametrize(("name", "value"), [
    ("DATABASE_URL", "fk:Hemligt-9z@127.0.0.1"),  # no scheme
    ("DATABASE_URL", "postgresql+psycopg://fk:Hemligt-9z@db:abc/faktakoll"),  # a port that is no number
    ("DATABASE_URL", "mysql://fk:Hemligt-9z@db/faktakoll"),  # an engine we do not run on
    ("REDIS_URL", "redis//:Hemligt-9z@redis:6379"),
    ("CHROMA_URL", "http://admin:Hemligt-9z@chroma:8000"),
])
def test_a_bad_url_is_one_line_that_never_shows_its_password(name, value):
    done = subprocess.run([FAKTAKOLL, "settings"], env={**os.environ, f"FAKTAKOLL_{name}": value},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "Hemligt" not in done.stderr + done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"fel: inställningen FAKTAKOLL_{name}: ") and "***" in lines[0]


def test_settings_never_print_a_password():
    env = {**os.environ, "FAKTAKOLL_DATABASE_URL": "postgresql+psycopg://fk:Hemligt-9z@db:5432/faktakoll",
           "FAKTAKOLL_REDIS_URL": "redis://:Hemligt-9z@redis:6379/0"}
    done = subprocess.run([FAKTAKOLL, "settings"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Hemligt" not in done.stdout
    assert "postgresql+psycopg://fk:***@db:5432/faktakoll" in done.stdout and "redis://:***@redis:6379/0" in done.stdout

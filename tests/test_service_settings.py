"""Service settings from the environment: CORS origins and proxies as an operator writes them; URLs whose
passwords are never shown, whatever their form."""

from __future__ import annotations

import subprocess

import pytest
from pydantic import ValidationError

from core.errors import StoreError
from core.settings import Settings
from service.conversations import check_redis
from stores.sql import Store
from tests.live import FAKTAKOLL, this_checkout


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
    done = subprocess.run([FAKTAKOLL, "settings"], env=this_checkout(FAKTAKOLL_CORS_ORIGINS=value),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fel: inställningen FAKTAKOLL_CORS_ORIGINS: "), done.stderr


@pytest.mark.parametrize("name", ["forged\njournalist2\t2026-01-01", "", "x" * 65, "två ord"])
def test_a_key_name_that_could_forge_a_listing_is_refused(tmp_path, name):
    done = subprocess.run([FAKTAKOLL, "keys", "add", name, "--data-dir", str(tmp_path)], env=this_checkout(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "not allowed" in done.stderr and not done.stdout
    listed = subprocess.run([FAKTAKOLL, "keys", "list", "--data-dir", str(tmp_path)], env=this_checkout(),
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
    done = subprocess.run([FAKTAKOLL, "settings"], env=this_checkout(**{f"FAKTAKOLL_{name}": value}),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "Hemligt" not in done.stderr + done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"fel: inställningen FAKTAKOLL_{name}: ") and "***" in lines[0]


def test_settings_never_print_a_password():
    env = this_checkout(FAKTAKOLL_DATABASE_URL="postgresql+psycopg://fk:Hemligt-9z@db:5432/faktakoll",
                        FAKTAKOLL_REDIS_URL="redis://:Hemligt-9z@redis:6379/0")
    done = subprocess.run([FAKTAKOLL, "settings"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Hemligt" not in done.stdout
    assert "postgresql+psycopg://fk:***@db:5432/faktakoll" in done.stdout and "redis://:***@redis:6379/0" in done.stdout


# Every form a password takes in a URL, and what `faktakoll settings` prints instead. The secret is 'Zq9' and
# 'Xw7' (either half shown is a leak): with a space, a '/', an '@' between them, or as a query parameter.
SHOWN_MASKED = [
    ("DATABASE_URL", "postgresql+psycopg://fk:Zq9 Xw7@db:5432/faktakoll", "postgresql+psycopg://fk:***@db:5432/faktakoll"),
    ("DATABASE_URL", "postgresql+psycopg://fk:Zq9/Xw7@db:5432/faktakoll", "postgresql+psycopg://fk:***@db:5432/faktakoll"),
    ("DATABASE_URL", "postgresql+psycopg://fk@db:5432/faktakoll?password=Zq9Xw7",
     "postgresql+psycopg://fk@db:5432/faktakoll?password=***"),
    ("DATABASE_URL", "postgresql+psycopg://fk@db/faktakoll?sslmode=require&PassWord=Zq9&Xw7",
     "postgresql+psycopg://fk@db/faktakoll?sslmode=require&PassWord=***"),
    ("REDIS_URL", "redis://:Zq9 Xw7@redis:6379/0", "redis://:***@redis:6379/0"),
    ("REDIS_URL", "redis://:Zq9@Xw7@redis:6379/0", "redis://:***@redis:6379/0"),  # redis-py splits at the last '@'
    ("REDIS_URL", "redis://redis:6379/0?password=Zq9Xw7", "redis://redis:6379/0?password=***"),
    ("CHROMA_URL", "http://chroma:8000", "http://chroma:8000"),
]


@pytest.mark.parametrize(("name", "value", "shown"), SHOWN_MASKED)
def test_settings_mask_every_form_of_password(name, value, shown):
    done = subprocess.run([FAKTAKOLL, "settings"], env=this_checkout(**{f"FAKTAKOLL_{name}": value}),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Zq9" not in done.stdout + done.stderr and "Xw7" not in done.stdout + done.stderr
    assert f"FAKTAKOLL_{name}={shown}\n" in done.stdout


# URLs that the library would misread: one line naming the setting, the password masked, no traceback
REFUSED = [
    ("DATABASE_URL", "postgresql+psycopg://fk:Zq9@Xw7@db:5432/faktakoll"),  # SQLAlchemy: host 'Xw7@db'
    ("REDIS_URL", "redis://:Zq9/Xw7@redis:6379/0"),  # redis-py: host '', port 'Zq9'
    ("REDIS_URL", "redis://:Zq9?Xw7@redis:6379/0"),
    ("REDIS_URL", "redis://fk:/Zq9Xw7@redis:6379/0"),  # redis-py: database 'Zq9Xw7@redis:6379/0', read as 0
    ("REDIS_URL", "redis://redis:6379/0?PASSWORD=Zq9Xw7"),  # redis-py: a TypeError at the first command
]


@pytest.mark.parametrize(("name", "value"), REFUSED)
def test_a_url_the_library_would_misread_is_one_line_without_its_password(name, value):
    done = subprocess.run([FAKTAKOLL, "settings"], env=this_checkout(**{f"FAKTAKOLL_{name}": value}),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "Zq9" not in done.stdout + done.stderr and "Xw7" not in done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"fel: inställningen FAKTAKOLL_{name}: ") and "***" in lines[0]


def test_serve_with_a_redis_password_holding_a_slash_refuses_in_one_line(ingested):
    """It crashed with a traceback of 98 lines (redis-py read the password's first half as a port)."""
    done = subprocess.run([FAKTAKOLL, "serve", "--data-dir", str(ingested[0].data_dir)],
                          env=this_checkout(FAKTAKOLL_REDIS_URL="redis://:Zq9/Xw7@127.0.0.1:6379/0"),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "Zq9" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fel: inställningen FAKTAKOLL_REDIS_URL: "), done.stderr
    assert "redis://:***@127.0.0.1:6379/0" in lines[0]


def test_errors_never_show_a_password_given_as_a_query_parameter(tmp_path):
    """A database or Redis that cannot be reached is named in the error, its password is not."""
    nowhere = Settings(data_dir=tmp_path, database_url="postgresql+psycopg://fk@127.0.0.1:1/fk?password=Zq9Xw7")
    with pytest.raises(StoreError) as database:
        Store(nowhere)
    with pytest.raises(StoreError) as redis:
        check_redis("redis://127.0.0.1:1/0?password=Zq9Xw7")
    for caught, url in ((database, "postgresql+psycopg://fk@127.0.0.1:1/fk?password=***"),
                        (redis, "redis://127.0.0.1:1/0?password=***")):
        message = str(caught.value)
        assert url in message and "Zq9" not in message and "\n" not in message, message


@pytest.mark.parametrize(("value", "proxies"), [
    ("", []), ("10.0.0.5", ["10.0.0.5"]), ("10.0.0.0/24, ::1", ["10.0.0.0/24", "::1"]), ('["*"]', ["*"]),
])
def test_trusted_proxies_from_the_environment(monkeypatch, value, proxies):
    monkeypatch.setenv("FAKTAKOLL_FORWARDED_ALLOW_IPS", value)
    assert Settings().forwarded_allow_ips == proxies


def test_a_proxy_that_is_no_address_is_refused(monkeypatch):
    monkeypatch.setenv("FAKTAKOLL_FORWARDED_ALLOW_IPS", "proxy.example")
    with pytest.raises(ValidationError, match="forwarded_allow_ips"):
        Settings()


def test_an_infinite_file_size_limit_is_refused():
    import pytest as _pytest
    from pydantic import ValidationError

    from core.settings import Settings as _Settings

    with _pytest.raises(ValidationError, match="max_file_mb"):
        _Settings(max_file_mb=float("inf"))

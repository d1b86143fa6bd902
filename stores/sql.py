"""The relational store (SQLAlchemy; SQLite by default, PostgreSQL by URL).

Two kinds of tables, kept apart:
- build tables (builds, documents, chunks, facts, checks): every row belongs to a build;
  the newest complete build is current. A new build is written in one transaction and
  only then marked complete, so a failed ingest leaves the previous build current and
  whole. The corpus is their source of truth: when their schema changes, an ingest
  drops and rebuilds them.
- user tables (api_keys): data no ingest can restore. They are never dropped; their
  schema changes by explicit Alembic steps (stores/migrations), run on every open.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import re
import types
import typing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, SQLAlchemyError

from core.errors import BadRequest, FaktakollError, StoreError
from core.schemas import Check, Chunk, DocMeta, Document, Fact, Project
from core.settings import Settings, masked
from stores.protocol import FactFilter

user_metadata = MetaData()  # never dropped; migrated by stores/migrations
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_shape = MetaData()  # the build tables under their plain names: what the schema id is a hash of
BUILD_TABLES = ("builds", "documents", "chunks", "facts", "checks", "projects")


def _column_type(annotation: Any) -> Any:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if (typing.get_origin(annotation) in (typing.Union, types.UnionType) and args) else annotation
    if base is bool:
        return Boolean
    if base is int:
        return Integer
    if base is float:
        return Float
    if base is str:
        return Text
    return JSON


def _table(name: str, model: type[BaseModel], key: str, *, skip: tuple[str, ...] = ()) -> Table:
    # seq: the order ingest wrote the rows in (the reports' order), kept by every dialect's reads
    cols: list[Any] = [Column("build_id", String(64), primary_key=True), Column("seq", Integer, nullable=False)]
    for field_name, info in model.model_fields.items():
        if field_name in skip:
            continue
        cols.append(Column(field_name, _column_type(info.annotation), primary_key=field_name == key))
    return Table(name, _shape, *cols)


Table(
    "builds", _shape,
    Column("build_id", String(64), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("corpus_version", String(80), nullable=False),
    Column("collection", String(80), nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("skipped", JSON, nullable=False),
    Column("rejected", JSON, nullable=False),
)
Table(
    "documents", _shape,
    Column("build_id", String(64), primary_key=True),
    Column("doc_id", String(200), primary_key=True), Column("seq", Integer, nullable=False),
    Column("path", Text), Column("source_format", String(16)), Column("content_hash", String(64)),
    Column("text", Text), Column("pages", JSON), Column("meta", JSON), Column("ingested_at", String(40)),
)
_table("chunks", Chunk, "chunk_id")
_table("facts", Fact, "fact_id")
_table("checks", Check, "check_id")
_table("projects", Project, "project_id")
# the answer engine's look-ups filter in SQL on these (see FactFilter)
INDEXES = {"facts_by_metric": ("facts", "build_id", "metric", "org", "year"),
           "facts_by_source": ("facts", "build_id", "source"),
           "facts_by_group": ("facts", "build_id", "group"),
           "facts_by_project": ("facts", "build_id", "project")}


def _schema_id() -> str:
    """A short hash of the build tables' columns, types, keys and indexes: it names the tables, so that
    a version with another schema writes its tables beside the old ones (which keep serving) instead of
    dropping them first."""
    shape = [(t.name, [(c.name, type(c.type).__name__, c.primary_key, c.nullable) for c in t.columns])
             for t in _shape.sorted_tables]
    return hashlib.sha256(repr((shape, sorted(INDEXES.items()))).encode()).hexdigest()[:8]


SCHEMA_ID = _schema_id()
build_metadata = MetaData()  # this version's build tables, named `<table>_<SCHEMA_ID>`
builds, documents, chunks, facts, checks, projects = (
    _shape.tables[name].to_metadata(build_metadata, name=f"{name}_{SCHEMA_ID}") for name in BUILD_TABLES)
for _index, (_on, *_cols) in INDEXES.items():
    _table_of = build_metadata.tables[f"{_on}_{SCHEMA_ID}"]
    Index(f"{_index}_{SCHEMA_ID}", *(_table_of.c[c] for c in _cols))
SCHEMA_LOCK = 0x46414B54  # the advisory lock key of table creation on PostgreSQL ("FAKT")
PIN_STALE_SECONDS = 600.0  # a server's record of its build older than this is of a server gone (crashed)
OLDER_BUILD_TABLE = re.compile(rf"^({'|'.join(BUILD_TABLES)})(_[0-9a-f]{{8}})?$")  # any version's, plain or named

api_keys = Table(  # its schema is made by stores/migrations; this mirrors it for queries
    "api_keys", user_metadata,
    Column("name", String(100), primary_key=True),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(40), nullable=False),
)
deployment = Table(  # made by stores/migrations (0002); values kept across builds
    "deployment", user_metadata,
    Column("name", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)
servers = Table(  # made by stores/migrations (0003): the build each running server answers from
    "servers", user_metadata,
    Column("server_id", String(120), primary_key=True),
    Column("build_id", String(64), nullable=False),
    Column("seen_at", String(40), nullable=False),
)


def _rows(build_id: str, models: list[Any], **extra: Any) -> list[dict[str, Any]]:
    return [{"build_id": build_id, "seq": i, **m.model_dump(mode="json"), **extra} for i, m in enumerate(models)]


def _model(model: type[Any], row: Any) -> Any:
    return model.model_validate(dict(row))


def _fields(table: Table) -> list[Any]:
    """The columns a model reads (not the build id and write order): rows become models without copying."""
    return [c for c in table.c if c.name not in ("build_id", "seq")]


def _older_tables(engine: Engine) -> list[str]:
    """Build tables of another version's schema (plain names from before the schema id, or another id)."""
    return sorted(n for n in inspect(engine).get_table_names()
                  if OLDER_BUILD_TABLE.match(n) and n not in build_metadata.tables)


@contextlib.contextmanager
def _schema_lock(engine: Engine) -> Any:
    """Held while tables are created or migrated: two first ingests (or an ingest and a server starting)
    on a fresh PostgreSQL would otherwise race on its catalogue. SQLite serialises writers itself."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_LOCK})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_LOCK})
            conn.commit()


def shown_url(url: str) -> str:
    """A database URL as messages show it: without its password (in the userinfo or the query)."""
    return masked(url)


def database_away(exc: SQLAlchemyError) -> StoreError:
    """A database error while serving, as one line naming the setting (the driver's text, not the SQL)."""
    reason = str(getattr(exc, "orig", None) or type(exc).__name__).strip().splitlines()[0][:200]
    return StoreError(f"the database does not answer (FAKTAKOLL_DATABASE_URL): {reason}",
                      hint="check that the database server runs; the service goes on by itself when it is back")


def database_error(exc: SQLAlchemyError) -> FaktakollError:
    """A database error while serving: a value the database refuses (a DataError: a number out of its range,
    NUL in text) is the request's fault, a 400 that nobody is alerted to; anything else is the database away."""
    if isinstance(exc, DataError):
        reason = str(getattr(exc, "orig", None) or type(exc).__name__).strip().splitlines()[0][:200]
        return BadRequest(f"the database refuses a value of the request: {reason}",
                          hint="check the request's values against /docs")
    return database_away(exc)


def _now() -> str:
    """Build times order the builds: to the microsecond, so that two ingests in one second keep their order
    (one fixed-width format: its text order is its time order)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def head_revision() -> str:
    """The newest migration: the one no other step names as its `down_revision`."""
    steps = {}
    for path in (MIGRATIONS / "versions").glob("[0-9]*.py"):
        text = path.read_text(encoding="utf-8")
        rev = re.search(r'^revision = "([^"]+)"', text, re.MULTILINE)
        down = re.search(r'^down_revision = "([^"]+)"', text, re.MULTILINE)
        if rev:
            steps[rev.group(1)] = down.group(1) if down else None
    return next(r for r in steps if r not in set(steps.values()))


def _user_schema_current(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM user_schema_version")).scalar() == head_revision()
    except SQLAlchemyError:
        return False


def migrate_user_tables(engine: Engine) -> None:
    """Bring the user tables to this version's schema by the Alembic steps not yet run (Alembic is
    imported only when a step is due: opening a current store stays fast)."""
    if _user_schema_current(engine):
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


class Store:
    """Open the stores. User tables are migrated on every open. The build tables are named after
    this version's schema (SCHEMA_ID): an ingest (`upgrade=True`) that meets another version's
    tables writes its own beside them and drops the older ones only once its build is complete,
    so that a failure or a kill on the way leaves the older build served by the older version."""

    def __init__(self, settings: Settings, *, upgrade: bool = False) -> None:
        self.url = settings.effective_database_url
        if self.url.startswith("sqlite:///"):
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            # a server database may restart under a running service: test each pooled connection before use
            self.engine: Engine = create_engine(self.url, future=True, pool_pre_ping=not self.url.startswith("sqlite"))
            with _schema_lock(self.engine):
                migrate_user_tables(self.engine)
                older = _older_tables(self.engine)
                build_metadata.create_all(self.engine)
        except (SQLAlchemyError, ImportError, ValueError) as exc:  # ImportError: a driver this install lacks
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
            raise StoreError(f"cannot open the database {shown_url(self.url)}: {reason}",
                             hint="check FAKTAKOLL_DATABASE_URL") from exc
        self.keep = settings.keep_builds
        self._pinned: dict[str, Any] | None = None
        if older and not upgrade and self.latest_build_id() is None:
            raise StoreError(f"the stores in {shown_url(self.url)} were written by an older version "
                             f"({', '.join(older)})",
                             hint="run `faktakoll ingest` to rebuild them from the corpus")
        if older and upgrade and self.latest_build_id() is not None:
            self._drop_older()  # an earlier upgrade completed its build but was stopped before this

    def _drop_older(self) -> None:
        """Drop the build tables of other schema versions (after this version's build is complete)."""
        with _schema_lock(self.engine):
            older = _older_tables(self.engine)
            if older:
                found = MetaData()
                found.reflect(self.engine, only=older)
                found.drop_all(self.engine)

    def current_build(self) -> dict[str, Any] | None:
        """The build this store reads: the pinned one (see `at_build`), else the newest complete build."""
        if self._pinned is not None:
            return dict(self._pinned)
        with self.engine.connect() as conn:
            row = conn.execute(
                select(builds).where(builds.c.status == "complete").order_by(builds.c.created_at.desc()).limit(1)
            ).mappings().first()
        return dict(row) if row else None

    def latest_build_id(self) -> str | None:
        """Id of the newest complete build, pinned or not: one small SELECT, cheap to poll."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(builds.c.build_id).where(builds.c.status == "complete")
                .order_by(builds.c.created_at.desc()).limit(1)
            ).scalar()

    def at_build(self, build_id: str | None = None) -> Store:
        """This store with every read pinned to one complete build (the newest when None),
        so that whatever is loaded through it comes from that build even while an ingest
        writes the next one. Shares the connection pool; writes are not pinned."""
        if build_id is None:
            build = self.current_build()
        else:
            with self.engine.connect() as conn:
                row = conn.execute(select(builds).where(
                    builds.c.build_id == build_id, builds.c.status == "complete")).mappings().first()
            build = dict(row) if row else None
        if build is None:
            raise StoreError(f"no complete ingest{f' with build id {build_id}' if build_id else ''} found",
                             hint="run `faktakoll ingest` first")
        view = copy.copy(self)
        view._pinned = build
        return view

    def write_build(
        self, *, build_id: str, fingerprint: str, corpus_version: str, collection: str,
        docs: list[Document], chunk_list: list[Chunk], fact_list: list[Fact], check_list: list[Check],
        project_list: list[Project] | None = None, skipped: list[str], rejected: list[str],
    ) -> None:
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(insert(builds).values(
                build_id=build_id, fingerprint=fingerprint, corpus_version=corpus_version, collection=collection,
                status="building", created_at=now, skipped=skipped, rejected=rejected,
            ))
            if docs:
                conn.execute(insert(documents), [
                    {"build_id": build_id, "seq": i, "doc_id": d.doc_id, "path": d.path,
                     "source_format": d.source_format.value, "content_hash": d.content_hash, "text": d.text,
                     "pages": [p.model_dump() for p in d.pages], "meta": d.meta.model_dump(), "ingested_at": now}
                    for i, d in enumerate(docs)
                ])
            for table, rows in ((chunks, chunk_list), (facts, fact_list), (checks, check_list),
                                (projects, project_list or [])):
                if rows:
                    conn.execute(insert(table), _rows(build_id, rows))
            conn.execute(update(builds).where(builds.c.build_id == build_id).values(status="complete"))
        self._drop_older()
        self._prune()

    def _prune(self) -> None:
        """Delete builds beyond the newest `keep_builds` complete ones, except a build a running server
        still answers from (see `pin`): its requests would turn into 'not reported' mid-flight."""
        with self.engine.begin() as conn:
            ids = conn.execute(select(builds.c.build_id).order_by(builds.c.created_at.desc())).scalars().all()
            complete = conn.execute(
                select(builds.c.build_id).where(builds.c.status == "complete").order_by(builds.c.created_at.desc())
            ).scalars().all()
            served = self._served_builds(conn)
            drop = [b for b in ids if b not in complete[: self.keep] and b not in served]
            for table in (documents, chunks, facts, checks, projects, builds):
                conn.execute(delete(table).where(table.c.build_id.in_(drop)))

    # --- the builds running servers answer from -------------------------------------
    def pin(self, server_id: str, build_id: str) -> None:
        """Record (again) that server `server_id` answers from `build_id`; a prune keeps that build
        while the record is fresh (servers renew it; one gone stops renewing and its pin goes stale)."""
        now = _now()
        with self.engine.begin() as conn:
            if not conn.execute(update(servers).where(servers.c.server_id == server_id)
                                .values(build_id=build_id, seen_at=now)).rowcount:
                conn.execute(insert(servers).values(server_id=server_id, build_id=build_id, seen_at=now))

    def unpin(self, server_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(servers).where(servers.c.server_id == server_id))

    @staticmethod
    def _served_builds(conn: Any) -> set[str]:
        fresh = (datetime.now(UTC) - timedelta(seconds=PIN_STALE_SECONDS)).isoformat(timespec="microseconds")
        return set(conn.execute(select(servers.c.build_id).where(servers.c.seen_at >= fresh)).scalars().all())

    # --- values of the deployment, kept across builds ------------------------------
    def remembered(self, name: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(deployment.c.value).where(deployment.c.name == name)).scalar()

    def remember(self, name: str, value: str) -> str:
        """Keep `value` under `name` unless one is kept already; returns the kept one (the first writer wins)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(deployment).values(name=name, value=value))
        except SQLAlchemyError:  # another ingest kept one first
            pass
        return self.remembered(name) or value

    # --- API keys (stored as sha256 hashes only) ----------------------------------
    def add_api_key(self, name: str, key_hash: str) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(api_keys).values(name=name, key_hash=key_hash, created_at=now))
        except SQLAlchemyError as exc:
            raise StoreError(f"an API key named '{name}' exists already", hint="choose another name") from exc

    def remove_api_key(self, name: str) -> bool:
        with self.engine.begin() as conn:
            return bool(conn.execute(delete(api_keys).where(api_keys.c.name == name)).rowcount)

    def api_key_names(self) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return [(r.name, r.created_at) for r in conn.execute(select(api_keys).order_by(api_keys.c.name))]

    def api_key_name(self, key_hash: str) -> str | None:
        try:
            with self.engine.connect() as conn:
                return conn.execute(select(api_keys.c.name).where(api_keys.c.key_hash == key_hash)).scalar()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot check the API key: {type(exc).__name__}",
                             hint="the database is not reachable; try again shortly") from exc

    def document_rows(self) -> list[dict[str, Any]]:
        """Documents of the current build without their text: for listings."""
        bid = self._require()
        cols = [documents.c.doc_id, documents.c.path, documents.c.source_format, documents.c.content_hash,
                documents.c.pages, documents.c.meta, documents.c.ingested_at]
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(*cols).where(documents.c.build_id == bid)
                                                               .order_by(documents.c.seq)).mappings()]

    def chunk_ids(self) -> list[str]:
        """Ids of the current build's chunks."""
        bid = self._require()
        with self.engine.connect() as conn:
            return list(conn.execute(select(chunks.c.chunk_id).where(chunks.c.build_id == bid)).scalars().all())

    def kept_chunk_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.execute(select(chunks.c.chunk_id)).scalars().all())

    def touch(self, build_id: str) -> None:
        """Mark a build as the newest check of the corpus (an unchanged re-ingest)."""
        with self.engine.begin() as conn:
            conn.execute(update(builds).where(builds.c.build_id == build_id).values(created_at=_now()))

    # --- reading -----------------------------------------------------------------
    def _require(self) -> str:
        build = self.current_build()
        if build is None:
            raise StoreError("no complete ingest found", hint="run `faktakoll ingest` first")
        return str(build["build_id"])

    def load_chunks(self) -> list[Chunk]:
        bid = self._require()
        with self.engine.connect() as conn:
            rows = conn.execute(select(*_fields(chunks)).where(chunks.c.build_id == bid).order_by(
                chunks.c.doc_id, chunks.c.ordinal)).mappings().all()
        return [_model(Chunk, r) for r in rows]

    def load_facts(self) -> list[Fact]:
        return self.select_facts(FactFilter())

    def select_facts(self, where: FactFilter) -> list[Fact]:
        """The current build's facts that pass `where`, filtered by the database (indexed)."""
        bid = self._require()
        stmt = select(*_fields(facts)).where(facts.c.build_id == bid, *where.clauses(facts)).order_by(facts.c.seq)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [_model(Fact, r) for r in rows]

    def distinct_facts(self, column: str, where: FactFilter) -> list[Any]:
        """Distinct non-empty values of one fact column among the facts that pass `where`."""
        bid = self._require()
        col = facts.c[column]
        stmt = select(col).distinct().where(facts.c.build_id == bid, col.is_not(None), *where.clauses(facts))
        with self.engine.connect() as conn:
            return sorted(conn.execute(stmt).scalars().all())

    def count_facts(self) -> int:
        bid = self._require()
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(facts).where(facts.c.build_id == bid)).scalar()
                       or 0)

    def load_checks(self) -> list[Check]:
        bid = self._require()
        with self.engine.connect() as conn:
            rows = conn.execute(select(*_fields(checks)).where(checks.c.build_id == bid)
                                .order_by(checks.c.seq)).mappings().all()
        return [_model(Check, r) for r in rows]

    def load_projects(self) -> list[Project]:
        bid = self._require()
        with self.engine.connect() as conn:
            rows = conn.execute(select(*_fields(projects)).where(projects.c.build_id == bid)
                                .order_by(projects.c.seq)).mappings().all()
        return [_model(Project, r) for r in rows]

    def load_documents(self) -> list[Document]:
        bid = self._require()
        with self.engine.connect() as conn:
            rows = conn.execute(select(documents).where(documents.c.build_id == bid)
                                .order_by(documents.c.seq)).mappings().all()
        return [
            Document(doc_id=r["doc_id"], path=r["path"], source_format=r["source_format"],
                     content_hash=r["content_hash"], text=r["text"], pages=r["pages"],
                     meta=DocMeta.model_validate(r["meta"]))
            for r in rows
        ]

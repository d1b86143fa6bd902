"""What the service and the ingest need from a store, as a protocol, and the filter its fact
look-ups take. `stores.sql.Store` implements it for SQLite (the default) and PostgreSQL (by
URL): the two differ only in SQLAlchemy's dialect, so one implementation serves both.

The answer engine never holds every fact of a build: its look-ups pass a `FactFilter`, which
the store turns into an indexed WHERE clause.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, fields
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Table, and_

from core.schemas import Check, Chunk, Document, Fact, Project


def _many(value: Any) -> tuple[Any, ...] | None:
    """One value or a collection of values as a sorted tuple; None or an empty collection: any value."""
    if value is None:
        return None
    if isinstance(value, str | int | float):
        return (value,)
    return tuple(sorted(set(value), key=str)) or None


@dataclass(frozen=True)
class FactFilter:
    """Equality filters on fact columns; None means any value, a tuple any of its values.
    `has` names columns that must be set (project, goal, goal_label, fund, group).
    Frozen and hashable: a built filter is a cache key for one build's look-ups."""

    metric: tuple[str, ...] | None = None
    org: tuple[str, ...] | None = None
    year: tuple[int, ...] | None = None
    fund: tuple[str, ...] | None = None
    role: tuple[str, ...] | None = None
    dimension: tuple[str, ...] | None = None
    source: tuple[str, ...] | None = None
    unit: tuple[str, ...] | None = None
    group: tuple[str, ...] | None = None
    doc_id: tuple[str, ...] | None = None
    fact_id: tuple[str, ...] | None = None
    has: tuple[str, ...] = ()

    @classmethod
    def of(cls, *, has: Collection[str] = (), **values: Any) -> FactFilter:
        """`FactFilter.of(metric="eu_funds_paid", year=[2021, 2022], has=["project"])`; an empty list of
        years means any year (as a question without a year)."""
        return cls(**{k: _many(v) for k, v in values.items()}, has=tuple(sorted(has)))

    def clauses(self, table: Table) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "has":
                out += [table.c[name].is_not(None) for name in value]
            elif value is not None:
                out.append(table.c[f.name].in_(value))
        return [and_(*out)] if out else []


class FactStore(Protocol):
    """The store as the service and ingest use it (builds, facts, chunks, documents, API keys)."""

    def current_build(self) -> dict[str, Any] | None: ...
    def latest_build_id(self) -> str | None: ...
    def at_build(self, build_id: str | None = None) -> FactStore: ...
    def select_facts(self, where: FactFilter) -> list[Fact]: ...
    def distinct_facts(self, column: str, where: FactFilter) -> list[Any]: ...
    def count_facts(self) -> int: ...
    def load_facts(self) -> list[Fact]: ...
    def load_checks(self) -> list[Check]: ...
    def load_projects(self) -> list[Project]: ...
    def load_chunks(self) -> list[Chunk]: ...
    def load_documents(self) -> list[Document]: ...
    def document_rows(self) -> list[dict[str, Any]]: ...
    def kept_chunk_ids(self) -> set[str]: ...
    def add_api_key(self, name: str, key_hash: str) -> None: ...
    def remove_api_key(self, name: str) -> bool: ...
    def api_key_names(self) -> list[tuple[str, str]]: ...
    def api_key_name(self, key_hash: str) -> str | None: ...

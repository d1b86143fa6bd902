"""Serving one build at a time, and switching to a newer one by itself.

The server answers every request from one complete build (`Served`: the engine and what
the routes list, loaded together). At most every `build_check_seconds` a request checks
the id of the newest complete build (one small SELECT); when an ingest has written a
newer one, it is loaded in the background while the old build keeps answering, then
swapped in at once. A build that fails to load is logged and not retried.

Each server records in the database which build it answers from (`Store.pin`), renewed every
`PIN_RENEW_SECONDS` by a background thread: an ingest's prune never deletes a build a live
server still answers from.

Conversation memory is opened once, here, and given to every build's engine: a follow-up
still finds its conversation after a switch (and, with Redis, on any worker).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from langchain_core.embeddings import Embeddings
from sqlalchemy.exc import SQLAlchemyError

from core.embeddings import make_embeddings
from core.errors import reason
from core.settings import Settings
from service.answer.engine import Engine
from service.conversations import Conversations, open_conversations
from stores.sql import Store, database_away

log = logging.getLogger("faktakoll.serving")
PIN_RENEW_SECONDS = 60.0  # well within stores.sql.PIN_STALE_SECONDS


@dataclass(frozen=True)
class Served:
    """One complete build as served: every route of a request reads from this object."""

    engine: Engine
    build_id: str
    corpus_version: str
    documents: list[dict[str, Any]] = field(repr=False)  # document rows without text, for listings


def load_build(settings: Settings, store: Store, embeddings: Embeddings, conversations: Conversations,
               build_id: str | None = None) -> Served:
    """Load one complete build (the newest when `build_id` is None)."""
    engine = Engine(settings, store=store, embeddings=embeddings, build_id=build_id, conversations=conversations)
    build = engine.store.current_build() or {}  # the engine's store is pinned to its build
    return Served(engine=engine, build_id=str(build["build_id"]), corpus_version=str(build["corpus_version"]),
                  documents=engine.store.document_rows())


class Serving:
    """The build being served; checks for a newer complete build and switches to it."""

    def __init__(self, settings: Settings, *, store: Store | None = None, embeddings: Embeddings | None = None,
                 conversations: Conversations | None = None) -> None:
        self.settings = settings
        self.store = store or Store(settings)
        # both shared by every build's engine
        self.conversations = conversations if conversations is not None else open_conversations(settings)
        self.embeddings = embeddings or make_embeddings(settings)
        self._served = load_build(settings, self.store, self.embeddings, self.conversations)
        self.latest: str | None = self._served.build_id
        self.database_error: str | None = None
        self._checked = time.monotonic()
        self._lock = threading.Lock()
        self._loading: str | None = None
        self._failed: set[str] = set()
        self.server_id = f"{socket.gethostname()[:60]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._stop = threading.Event()
        self._pin()
        threading.Thread(target=self._renew_pin, name="faktakoll-build-pin", daemon=True).start()

    def _pin(self) -> None:
        try:
            self.store.pin(self.server_id, self._served.build_id)
        except Exception as exc:  # the database is away: renewed later; a prune meanwhile is the risk
            log.warning("cannot record the build served: %s", reason(exc))

    def _renew_pin(self) -> None:
        while not self._stop.wait(PIN_RENEW_SECONDS):
            self._pin()

    def close(self) -> None:
        """Stop renewing this server's record and remove it: its build may be pruned from now on."""
        self._stop.set()
        try:
            self.store.unpin(self.server_id)
        except Exception:  # the database is away: the record goes stale by itself
            log.warning("cannot remove the record of the build served", exc_info=False)

    @property
    def served(self) -> Served:
        return self._served

    @property
    def newer_build(self) -> bool:
        """A newer complete build exists than the one served (as of the last check)."""
        return self.latest is not None and self.latest != self._served.build_id

    def current(self) -> Served:
        """The build to answer this request from (check first, when a check is due)."""
        self.check()
        return self._served

    def check(self) -> None:
        """Look up the newest complete build, at most every `build_check_seconds`, and start
        loading it when it is newer than the one served."""
        now = time.monotonic()
        with self._lock:
            if now - self._checked < self.settings.build_check_seconds:
                return
            self._checked = now
        try:
            latest = self.store.latest_build_id()
        except Exception as exc:  # the database is away: keep serving what is loaded
            self.database_error = f"error: {type(exc).__name__}"
            reason = database_away(exc).message if isinstance(exc, SQLAlchemyError) else str(exc).splitlines()[0]
            log.warning("cannot check for a new build: %s", reason)
            return
        self.latest, self.database_error = latest, None
        with self._lock:
            start = (latest is not None and latest != self._served.build_id and self._loading is None
                     and latest not in self._failed)
            if start:
                self._loading = latest
        if start:
            threading.Thread(target=self._switch, args=(latest,), name="faktakoll-build-switch", daemon=True).start()

    def _switch(self, build_id: str) -> None:
        try:
            served = load_build(self.settings, self.store, self.embeddings, self.conversations, build_id)
        except Exception:
            log.exception("cannot load build %s; still serving %s", build_id, self._served.build_id)
            self._failed.add(build_id)
        else:
            self._served = served  # one assignment: a request sees the old build or the new one, whole
            self._pin()  # after the swap: the old build stays pinned until no new request reads it
            log.info("now serving build %s (corpus version %s)", served.build_id, served.corpus_version)
        finally:
            self._loading = None

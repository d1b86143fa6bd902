"""Conversation memory: what a follow-up ("och 2022?", "vilken fond var det?") needs from the
turn before it, one record per conversation id.

Two stores behind one small interface: each process's own memory (bounded, least recently
used goes first; the default) or Redis when FAKTAKOLL_REDIS_URL is set (one JSON value per
conversation, expiring after `CONVERSATION_TTL_SECONDS`), so that every worker sees the
same conversation. The store lives outside the per-build engine: a conversation survives a
switch to a new build (fact ids are stable for the same corpus).

When Redis goes away while serving, a conversation that cannot be read or written is
logged as a warning and the question is answered on its own, without the earlier turn, with a
caveat that says so (an answer also always names its subject).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel, Field, ValidationError

from core.errors import StoreError, one_line
from core.schemas import Query
from core.settings import Settings, masked

if TYPE_CHECKING:
    import redis

log = logging.getLogger("faktakoll.conversations")

MAX_CONVERSATIONS = 1000  # in memory: the oldest conversation beyond this is forgotten
CONVERSATION_TTL_SECONDS = 6 * 3600  # in Redis: a conversation untouched this long is forgotten
KEY_PREFIX = "faktakoll:conv:"
REDIS_TIMEOUT_SECONDS = 2.0  # connect and read; a Redis that does not answer is treated as away


class ConversationAway(StoreError):
    """The conversation store cannot be read: the question is answered on its own, with a caveat saying so."""


class Conversation(BaseModel):
    """What a follow-up can point back to."""

    query: Query = Field(description="The previous question's slots; a follow-up inherits what it leaves empty.")
    figures: list[str] = Field(default_factory=list, description="Fact ids of the figures the last answer stated.")
    names: list[str] = Field(default_factory=list, description="The project or event the conversation is about.")
    earlier: list[str] = Field(default_factory=list, description="Fact ids of the answer before the last one: "
                               "'hur mycket ökade det?' compares the two.")


def next_turn(before: Conversation | None, query: Query, figures: list[str], names: list[str]) -> Conversation:
    """The record after a question: its slots; the figures it stated (forgotten when it names a
    project but states none, kept otherwise); the names it asked about (or the earlier ones)."""
    kept_figures = before.figures if before and not names else []
    return Conversation(query=query, figures=figures or kept_figures, names=names or (before.names if before else []),
                        earlier=before.figures if before else [])


class Conversations(Protocol):
    def get(self, conversation_id: str) -> Conversation | None: ...

    def put(self, conversation_id: str, record: Conversation) -> None: ...

    def status(self) -> str: ...


class MemoryConversations:
    """This process's own memory; the least recently used conversation goes first."""

    def __init__(self, limit: int = MAX_CONVERSATIONS) -> None:
        self.limit = limit
        self._records: OrderedDict[str, Conversation] = OrderedDict()
        self._lock = threading.Lock()  # shared between request threads

    def get(self, conversation_id: str) -> Conversation | None:
        with self._lock:
            record = self._records.get(conversation_id)
            if record is not None:
                self._records.move_to_end(conversation_id)
            return record

    def status(self) -> str:
        return "ok (memory of this process)"

    def put(self, conversation_id: str, record: Conversation) -> None:
        with self._lock:
            self._records[conversation_id] = record
            self._records.move_to_end(conversation_id)
            while len(self._records) > self.limit:
                self._records.popitem(last=False)


def redis_client(url: str) -> redis.Redis:
    import redis  # only with FAKTAKOLL_REDIS_URL: the import costs 0.2 s of every `faktakoll ask`

    return redis.Redis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                                socket_timeout=REDIS_TIMEOUT_SECONDS)


def check_redis(url: str) -> None:
    """Start-up: Redis answers, or a one-line StoreError naming the setting."""
    import redis

    try:
        redis_client(url).ping()
    except (redis.RedisError, ValueError) as exc:  # ValueError: a URL redis-py cannot read (Settings checks it too)
        raise StoreError(f"cannot reach Redis at {masked(url)} (FAKTAKOLL_REDIS_URL): {one_line(str(exc))}",
                         hint="start Redis or correct FAKTAKOLL_REDIS_URL; unset it to keep conversations "
                         "and rate limits in each process") from exc


class RedisConversations:
    """One JSON value per conversation in Redis, shared by every worker; expires when untouched."""

    def __init__(self, url: str, *, ttl_seconds: int = CONVERSATION_TTL_SECONDS, prefix: str = KEY_PREFIX) -> None:
        self.url, self.ttl, self.prefix = masked(url), ttl_seconds, prefix
        self.client = redis_client(url)

    def get(self, conversation_id: str) -> Conversation | None:
        import redis

        try:
            raw = self.client.get(self.prefix + conversation_id)
        except redis.RedisError as exc:
            log.warning("cannot read conversation %s from Redis at %s, answering without it: %s",
                        conversation_id, self.url, exc)
            raise ConversationAway(f"conversation {conversation_id} cannot be read") from exc
        if raw is None:
            return None
        try:
            return Conversation.model_validate_json(raw)
        except ValidationError:  # written by another version: start the conversation afresh
            log.warning("conversation %s in Redis has an unknown shape; starting afresh", conversation_id)
            return None

    def status(self) -> str:
        """For /api/health: Redis answers, or the error (conversations then go on without context)."""
        import redis

        try:
            self.client.ping()
        except redis.RedisError as exc:
            return f"error: {type(exc).__name__}"
        return "ok (redis)"

    def put(self, conversation_id: str, record: Conversation) -> None:
        import redis

        try:
            self.client.set(self.prefix + conversation_id, record.model_dump_json(), ex=self.ttl)
        except redis.RedisError as exc:
            log.warning("cannot write conversation %s to Redis at %s: %s", conversation_id, self.url, exc)


def open_conversations(settings: Settings) -> Conversations:
    """Redis when FAKTAKOLL_REDIS_URL is set (checked now: a clear error when it does not answer),
    else this process's memory."""
    if settings.redis_url is None:
        return MemoryConversations()
    check_redis(settings.redis_url)
    return RedisConversations(settings.redis_url)

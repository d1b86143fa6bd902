"""Progress of the ingest stages, for a person at a terminal and for a log.

On a terminal: a tqdm bar. Elsewhere (`make run` piped to a file, a service log): plain
lines at most every LOG_EVERY_S seconds, each one complete on its own:

    [bäddar in] 2022_redovisning: 96/454 avsnitt (21 %), 4,3/s, ca 1 min 23 s kvar

The stages hand over their items (a file, or a batch of chunks); an item's size is how
many units it counts for (a batch of 32 chunks is 32 avsnitt).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from core.schemas import Chunk

LOG_EVERY_S = 5.0  # at most one log line per stage this often (plus the first and the last)
UNITS = {"läser": "dokument", "bäddar in": "avsnitt"}


def _size(item: Any) -> int:
    return len(item) if isinstance(item, list) else 1


def _where(item: Any) -> str:
    """The document an item belongs to, for the log line."""
    if isinstance(item, Path):
        return item.name
    if isinstance(item, list) and item and isinstance(item[-1], Chunk):
        return item[-1].doc_id
    return ""


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def _rate(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


class LogLines:
    """Writes one stage's progress as log lines, no more often than every `every` seconds."""

    def __init__(self, label: str, total: int, *, out: TextIO, every: float = LOG_EVERY_S) -> None:
        self.label, self.total, self.out, self.every = label, total, out, every
        self.unit = UNITS.get(label, "st")
        self.started = self.last = time.monotonic()
        self._write(f"{total} {self.unit} …")

    def _write(self, text: str) -> None:
        print(f"[{self.label}] {text}", file=self.out, flush=True)

    def update(self, done: int, where: str) -> None:
        now = time.monotonic()
        if done < self.total and now - self.last < self.every:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        rate = done / elapsed
        if done >= self.total:
            self._write(f"klart: {done} {self.unit} på {_duration(elapsed)} ({_rate(rate)}/s)")
            return
        left = f", ca {_duration((self.total - done) / rate)} kvar" if rate > 0 else ""
        place = f"{where}: " if where else ""
        self._write(f"{place}{done}/{self.total} {self.unit} ({100 * done // self.total} %), {_rate(rate)}/s{left}")


def progress(items: Iterable[Any], label: str, *, out: TextIO | None = None) -> Iterator[Any]:
    """Yields the items; counts each one as done when the next is asked for (or at the end)."""
    stream = out or sys.stderr
    items = list(items)
    total = sum(_size(i) for i in items)
    if not total:
        return
    if stream.isatty():
        from tqdm import tqdm

        with tqdm(total=total, desc=label, unit=UNITS.get(label, "st"), leave=False, file=stream) as bar:
            for item in items:
                yield item
                bar.update(_size(item))
        return
    log = LogLines(label, total, out=stream)
    done = 0
    for item in items:
        yield item
        done += _size(item)
        log.update(done, _where(item))

"""The domain vocabulary as data (data/vocabulary.toml): metrics with their question pattern,
labels and unit; the words people ask with for quantities; the operations a question asks for.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.errors import CorpusError

VOCABULARY = Path(__file__).parent / "data" / "vocabulary.toml"


@dataclass(frozen=True)
class Metric:
    id: str
    sv: str
    en: str
    unit: str
    pattern: re.Pattern[str]

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


@dataclass(frozen=True)
class Vocabulary:
    metrics: dict[str, Metric]
    quantity: dict[str, tuple[str, ...]]
    operations: tuple[tuple[str, re.Pattern[str]], ...]

    def metric_label(self, metric: str, lang: str) -> str:
        found = self.metrics.get(metric)
        return found.label(lang) if found else metric

    def unit(self, metric: str) -> str:
        found = self.metrics.get(metric)
        return found.unit if found else "count"

    def metrics_in(self, folded_question: str) -> list[str]:
        """Metrics the question's words point to, in the file's order (most specific first)."""
        return [m.id for m in self.metrics.values() if m.pattern.search(folded_question)]

    def operation(self, folded_question: str) -> str | None:
        return next((op for op, pattern in self.operations if pattern.search(folded_question)), None)

    def quantity_words(self, word: str) -> tuple[str, ...]:
        return self.quantity.get(word, (word,))


@cache
def load(path: Path = VOCABULARY) -> Vocabulary:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        metrics = {row["id"]: Metric(row["id"], row["sv"], row["en"], row["unit"], re.compile(row["pattern"]))
                   for row in data["metric"]}
        operations = tuple((row["id"], re.compile(row["pattern"])) for row in data["operation"])
        quantity = {k: tuple(v) for k, v in data.get("quantity", {}).items()}
    except (OSError, tomllib.TOMLDecodeError, KeyError, re.error) as exc:
        raise CorpusError(f"{path}: cannot read the vocabulary: {exc}",
                          hint="fix the entry named in the message") from exc
    return Vocabulary(metrics, quantity, operations)


METRIC_IDS = tuple(load().metrics)

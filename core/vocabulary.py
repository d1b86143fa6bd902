"""The domain vocabulary as data (data/vocabulary.toml): metrics with their question pattern,
labels and unit, and the cues by which ingest recognises them in the reports (running text,
table captions, table cells); the words people ask with for quantities; the operations a
question asks for.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from core.entities import fold
from core.errors import CorpusError
from core.words import tokenize

VOCABULARY = Path(__file__).parent / "data" / "vocabulary.toml"
NEAR_WEIGHT = 0.5  # a noun that counts something close ("studiebesök" for visitors) weighs half the asked one
CONNECTORS = {"och", "and", "o", "eller", "or"}
LONGEST_FORM = 3  # words of the longest form a noun entry gives ("full-time posts", "young people")


@dataclass(frozen=True)
class Metric:
    id: str
    sv: str
    en: str
    unit: str
    pattern: re.Pattern[str]
    # cues in the reports' own text (not folded, case-insensitive); see the file's header
    prose_after: re.Pattern[str] | None = None
    prose_before: re.Pattern[str] | None = None
    prose_sentence: re.Pattern[str] | None = None
    prose_order: int = 0
    prose_unmarked: bool = False
    prose_refines: str | None = None
    caption: re.Pattern[str] | None = None
    caption_default: bool = False
    cell_after: re.Pattern[str] | None = None

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv

    @property
    def in_prose(self) -> bool:
        """Whether running text can state this metric (it has a prose cue)."""
        return self.prose_after is not None or self.prose_before is not None or self.prose_sentence is not None

    def stated(self, before: str, after: str, sentence: str) -> bool:
        """Whether the prose cue holds for a figure with `before` and `after` it in `sentence`:
        prose_after or prose_before (when either is given), and prose_sentence (when given)."""
        if not self.in_prose:
            return False
        near = (self.prose_after is None and self.prose_before is None
                or bool(self.prose_after and self.prose_after.match(after))
                or bool(self.prose_before and self.prose_before.search(before)))
        return near and (self.prose_sentence is None or bool(self.prose_sentence.search(sentence)))


@dataclass(frozen=True)
class Noun:
    """A noun the reports count with ([[noun]] in vocabulary.toml): its Swedish forms (the report's first),
    the English words for it, and nouns of the reports that count something close."""

    sv: tuple[str, ...]
    en: tuple[str, ...]
    near: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every word a question may use for it."""
        return self.sv + self.en


def _head(noun: str) -> str:
    """The word a Swedish noun phrase counts with: its last ('förste förskollärare' -> 'förskollärare')."""
    return noun.split()[-1] if noun.split() else noun


def _stem(text: str) -> str:
    return " ".join(tokenize(text))


@dataclass(frozen=True)
class Vocabulary:
    metrics: dict[str, Metric]
    nouns: tuple[Noun, ...]
    operations: tuple[tuple[str, re.Pattern[str]], ...]
    goal_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded Swedish label: English names

    def english_goals(self, label: str) -> tuple[str, ...]:
        """The English names of a kommunfullmäktige goal the reports label `label`."""
        return self.goal_names.get(fold(label).rstrip(". "), ())

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

    @cached_property
    def _noun_index(self) -> dict[str | None, tuple[dict[str, list[Noun]], dict[str, list[Noun]]]]:
        """language (None: both) -> (folded form -> nouns, stem of the form -> nouns)."""
        index: dict[str | None, tuple[dict[str, list[Noun]], dict[str, list[Noun]]]] = {}
        for lang in (None, "sv", "en"):
            by_form: dict[str, list[Noun]] = {}
            by_stem: dict[str, list[Noun]] = {}
            for noun in self.nouns:
                for form in noun.sv if lang == "sv" else noun.en if lang == "en" else noun.forms:
                    by_form.setdefault(fold(form), []).append(noun)
                    by_stem.setdefault(_stem(form), []).append(noun)
            index[lang] = (by_form, by_stem)
        return index

    def nouns_for(self, words: str, lang: str | None = None) -> list[Noun]:
        """The nouns a word or phrase names (by `lang`'s words only, when given): by its form, else by its
        stem ('besökarna')."""
        by_form, by_stem = self._noun_index[lang]
        return list(dict.fromkeys(by_form.get(fold(words)) or by_stem.get(_stem(words), [])))

    def named(self, text: str, *, lang: str | None = None) -> list[tuple[str, list[Noun]]]:
        """(word or phrase, the nouns it names) for each word of a text, the longest phrase first ('study
        visits' is one); a word no entry names has []."""
        words = [w for w in re.findall(r"[\w\-]+", fold(text)) if w not in CONNECTORS]
        out: list[tuple[str, list[Noun]]] = []
        at = 0
        while at < len(words):
            for size in range(min(LONGEST_FORM, len(words) - at), 0, -1):
                phrase = " ".join(words[at:at + size])
                found = self.nouns_for(phrase, lang)
                if found:
                    break
            out.append((phrase, found))
            at += size
        return out

    def nouns_asked(self, quantity: str) -> dict[str, float]:
        """The report's nouns (folded heads) a question's quantity asks for, with their weight: 1 for the
        nouns it names ('visitors' -> 'besokare'), NEAR_WEIGHT for close ones ('studiebesok'). Of each part
        ('staff and managers' has two) the first word an entry names is the noun ('people' in 'people
        worked'); a part whose words no entry names is asked for as it is."""
        out: dict[str, float] = {}

        def add(noun: str, weight: float) -> None:
            head = fold(_head(noun))
            out[head] = max(out.get(head, 0.0), weight)

        for part in re.split(rf"\s+(?:{'|'.join(CONNECTORS)})\s+", fold(quantity)):
            named = self.named(part)
            nouns = next((found for _, found in named if found), [])
            for noun in nouns:
                for form in noun.sv:
                    add(form, 1.0)
                for form in noun.near:
                    add(form, NEAR_WEIGHT)
            if not nouns:
                for word, _ in named:
                    add(word, 1.0)
        return out

    def swedish_nouns(self, text: str) -> list[str]:
        """The reports' nouns for the English nouns a text uses ('visitors' -> 'besökare')."""
        return list(dict.fromkeys(_head(n.sv[0]) for _, nouns in self.named(text, lang="en") for n in nouns))

    def prose_metrics(self, unit: str) -> list[Metric]:
        """The metrics of `unit` running text is read for, in the order they are tried
        (prose_order, then file order); refinements are left to `refinements`."""
        found = [m for m in self.metrics.values() if m.unit == unit and m.in_prose and m.prose_refines is None]
        return sorted(found, key=lambda m: m.prose_order)  # stable: file order among equals

    def refinements(self, metric: str) -> list[Metric]:
        """The metrics that narrow `metric` in running text, in file order."""
        return [m for m in self.metrics.values() if m.prose_refines == metric and m.in_prose]

    def caption_metric(self, caption: str, unit: str) -> str | None:
        """The metric a table caption names for its figures of `unit`: the first metric of that
        unit whose caption cue is in it, else the unit's caption_default, else None."""
        of_unit = [m for m in self.metrics.values() if m.unit == unit]
        named = next((m.id for m in of_unit if m.caption and m.caption.search(caption)), None)
        return named or next((m.id for m in of_unit if m.caption_default), None)

    def cell_metric(self, after: str) -> tuple[str, int] | None:
        """(metric, length of its word) when the text right after a table figure names the
        metric of that cell ("12 projekt")."""
        for m in self.metrics.values():
            found = m.cell_after.match(after) if m.cell_after else None
            if found:
                return m.id, found.end()
        return None


def _cue(row: dict[str, Any], key: str) -> re.Pattern[str] | None:
    """An optional report cue: a regular expression on the report's text, case-insensitive."""
    value = row.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"metric {row.get('id')!r}: {key} must be a string (a regular expression)")
    return re.compile(value, re.IGNORECASE)


def _flag(row: dict[str, Any], key: str, kind: type) -> Any:
    value = row.get(key, kind())
    if type(value) is not kind:
        raise ValueError(f"metric {row.get('id')!r}: {key} must be {'true or false' if kind is bool else 'an integer'}")
    return value


def _metric(row: dict[str, Any]) -> Metric:
    refines = row.get("prose_refines")
    if refines is not None and not isinstance(refines, str):
        raise ValueError(f"metric {row.get('id')!r}: prose_refines must be a metric id")
    return Metric(
        row["id"], row["sv"], row["en"], row["unit"], re.compile(row["pattern"]),
        prose_after=_cue(row, "prose_after"), prose_before=_cue(row, "prose_before"),
        prose_sentence=_cue(row, "prose_sentence"), prose_order=_flag(row, "prose_order", int),
        prose_unmarked=_flag(row, "prose_unmarked", bool), prose_refines=refines,
        caption=_cue(row, "caption"), caption_default=_flag(row, "caption_default", bool),
        cell_after=_cue(row, "cell_after"),
    )


def _noun(row: dict[str, Any]) -> Noun:
    lists = {key: row.get(key, []) for key in ("sv", "en", "near")}
    if not lists["sv"] or not lists["en"] or any(
            not isinstance(v, list) or not all(isinstance(w, str) and w.strip() for w in v) for v in lists.values()):
        raise ValueError(f"noun {row.get('sv')!r}: sv and en must be non-empty lists of words (near: a list)")
    return Noun(tuple(lists["sv"]), tuple(lists["en"]), tuple(lists["near"]))


def _check_refines(metrics: dict[str, Metric]) -> None:
    for m in metrics.values():
        if m.prose_refines is None:
            continue
        base = metrics.get(m.prose_refines)
        if base is None or not base.in_prose or base.prose_refines is not None or base.unit != m.unit:
            raise ValueError(f"metric {m.id!r}: prose_refines {m.prose_refines!r} must name a metric of the same "
                             "unit that has its own prose cue and refines none")


@cache
def load(path: Path = VOCABULARY) -> Vocabulary:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        metrics = {row["id"]: _metric(row) for row in data["metric"]}
        _check_refines(metrics)
        operations = tuple((row["id"], re.compile(row["pattern"])) for row in data["operation"])
        nouns = tuple(_noun(row) for row in data.get("noun", []))
        goals = {fold(row["sv"]).rstrip(". "): tuple(row["en"]) for row in data.get("goal", [])}
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError, re.error) as exc:
        raise CorpusError(f"{path}: cannot read the vocabulary: {exc}",
                          hint="fix the entry named in the message") from exc
    return Vocabulary(metrics, nouns, operations, goals)


METRIC_IDS = tuple(load().metrics)

"""Statements: find the figures in running text that answer a question.

A figure (a Fact with source 'text') matches when what it counts is what was asked (the
noun, or its synonyms from the vocabulary), its sentence and section share the question's
distinctive words (weighted by rarity), its year and organisation are the asked ones, and its
passage ranks high in hybrid retrieval. The match says whether the asked quantity was found
(`counted`), so the engine can tell an answer from "the nearest the reports say".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from core.entities import CITY, fold
from core.schemas import Fact, Query
from core.vocabulary import load as load_vocabulary
from core.words import tokenize
from service.answer.understand import QUESTION_WORDS

YEAR_BONUS = 2.0
YEAR_PENALTY = 3.0
ORG_BONUS = 1.5
COUNT_BONUS = 4.0
PASSAGE_BONUS = 2.5
UNIT_PENALTY = 5.0
MONEY = ("SEK", "EUR")
MIN_SCORE = 3.0
NEAR = 45  # characters on each side of a figure that still speak of it
NEAR_WEIGHT = 0.3
ROLE_WEIGHT = 2.5
PREFIX = 7  # letters two stems share to count as the same word ("internationell", "international")
QUANTITY_WEIGHT = 0.5  # a rare word the figure counts ("självförsörjande") says more than a common one
NAME_BONUS = 3.0
RARE_IDF = 3.0  # log(1 + n/df): a word in a handful of the ~260 figure sentences
RARE_LETTERS = 6
NAME_WINDOW = 1500  # characters before a figure in which a project's name still heads its text
COMPOUND_HEAD = 5  # letters of a noun's stem from which a compound ending in it counts the same


@dataclass
class Match:
    fact: Fact
    score: float
    counted: bool  # what the figure counts is what was asked


def role_fit(query: Query, fact: Fact) -> float:
    """Targets answer questions about targets; otherwise what happened comes first."""
    asks_target = "target" in query.roles
    if fact.stated_role == "mal":
        return ROLE_WEIGHT if asks_target else -ROLE_WEIGHT
    return 0.0


def _stems(text: str) -> set[str]:
    return {t for t in tokenize(text) if t not in QUESTION_WORDS and not t.isdigit()}


@dataclass(frozen=True)
class Asked:
    """The reports' nouns a quantity asks for (core.vocabulary.nouns_asked): (folded noun, its stems, weight)."""

    nouns: tuple[tuple[str, tuple[str, ...], float], ...]

    @classmethod
    def of(cls, quantity: str | None) -> Asked:
        """One noun per stem ('gäster' and 'gäst' are one), the heaviest."""
        found = load_vocabulary().nouns_asked(quantity) if quantity else {}
        by_stems: dict[tuple[str, ...], tuple[str, float]] = {}
        for noun, weight in sorted(found.items(), key=lambda nw: -nw[1]):
            by_stems.setdefault(tuple(tokenize(noun)), (noun, weight))
        return cls(tuple((noun, stems, weight) for stems, (noun, weight) in by_stems.items()))

    def __bool__(self) -> bool:
        return bool(self.nouns)

    def weight(self, stems: set[str], words: set[str]) -> float:
        """How well what a figure counts (its stems and folded words) is what was asked: the weight of the best
        noun it meets, else 0. 'deltagare' meets 'deltagarna' and 'skjutning' 'skjutningar' (stems share 5
        letters); a compound meets the noun it ends with ('projektmedarbetare' is a 'medarbetare')."""
        return max((w for noun, own, w in self.nouns if _compound_of(noun, words) or any(
            a == c or (a[:5] == c[:5] and min(len(a), len(c)) >= 4) for a in own for c in stems)), default=0.0)

    def shared(self, stems: set[str], words: set[str]) -> float:
        """The weights of the asked nouns a figure's words share at length (PREFIX letters) or end with."""
        return sum(w for _, own, w in self.nouns for a in own for c in stems if a[:PREFIX] == c[:PREFIX]) + sum(
            w for noun, _, w in self.nouns if _compound_of(noun, words) and noun not in words)


def _compound_of(noun: str, words: set[str]) -> bool:
    """A word of the figure is the noun or a compound ending in it ('projektmedarbetare', 'heltidstjanster')."""
    return noun in words or (len(noun) >= COMPOUND_HEAD and any(w.endswith(noun) for w in words))


class StatementIndex:
    """The running-text figures of one build, with word statistics for scoring."""

    def __init__(self, facts: list[Fact], texts: dict[str, str] | None = None) -> None:
        self.figures = [f for f in facts if f.source == "text"]
        self.texts = texts or {}
        self.folded = {doc: fold(text) for doc, text in self.texts.items()}  # same offsets; once per build
        self._words = [_stems(f"{f.section or ''} {f.label}") for f in self.figures]
        self._counts = [_stems(f.quantity or "") for f in self.figures]
        self._count_words = [set(re.findall(r"[\w\-]+", fold(f.quantity or ""))) for f in self.figures]
        df: Counter[str] = Counter(w for words in self._words for w in words)
        n = max(len(self.figures), 1)
        self._idf = {w: math.log(1 + n / c) for w, c in df.items()}

    def idf(self, word: str) -> float:
        return self._idf.get(word, math.log(1 + len(self.figures)))

    def known(self, word: str) -> bool:
        return word in self._idf

    def search(self, query: Query, *, passages: list[tuple[str, int, int]] = (), k: int = 5,  # type: ignore[assignment]
               names: list[str] = (), only: set[str] | None = None,  # type: ignore[assignment]
               ranges: bool | None = None) -> list[Match]:
        """Figures ranked for the question; `passages` are (doc_id, start, end) of retrieved chunks, best first;
        `names` (a project, an event) count when the text names them shortly before the figure. `ranges`:
        False for single figures only (a range is no single value), True for ranges only, whatever their
        score, None for both."""
        rare = [t for t in query.terms if len(t) >= RARE_LETTERS and self.idf(t) >= RARE_IDF]  # a name, lower case
        terms = set(query.terms) | set(query.noun_terms)
        asked = Asked.of(query.quantity)
        places = set(query.places)  # "deltog i mässorna": where it happened, not what is counted
        out: list[Match] = []
        for fact, words, counts, count_words in zip(self.figures, self._words, self._counts, self._count_words,
                                                     strict=True):
            if only is not None and fact.fact_id not in only:
                continue  # a named project: its own figures only
            if query.unit == "count" and fact.unit == "percent" and query.operation != "share":
                continue  # "hur många" is never answered with a percentage
            if ranges is not None and (fact.high is not None) != ranges:
                continue
            score = sum(self.idf(t) for t in terms if t in words)
            if score == 0 and not asked:
                continue
            # "blev självförsörjande": what 187 counts (not "i jobbmässorna": where it happened)
            echoed = counts & terms - places if query.lang == "sv" else set()
            weight = 1.0 if echoed else asked.weight(counts, count_words)
            counted = bool(asked) and weight > 0
            if counted:
                score += (weight * COUNT_BONUS + QUANTITY_WEIGHT * sum(self.idf(t) for t in echoed)
                          + asked.shared(counts, count_words))
            score += self._context(query, fact, passages) + self._named(fact, names, rare) + self._near(fact, terms)
            score += role_fit(query, fact)
            if query.unit in MONEY and fact.unit not in MONEY:
                continue  # "hur mycket fick X" is never answered with a count
            if query.unit and query.unit != fact.unit and not (query.unit == "count" and fact.unit == "count"):
                score -= UNIT_PENALTY
            out.append(Match(fact, score, counted))
        # what was asked for first, then the best, then the first figure of its sentence
        out.sort(key=lambda m: (m.counted, round(m.score, 6), -m.fact.label.find(m.fact.display)), reverse=True)
        return [m for m in out if m.score >= MIN_SCORE or ranges][:k]

    def _near(self, fact: Fact, terms: set[str]) -> float:
        """Words of the question right around the figure: in "Köpenhamn med cirka 3000 deltagare den 8 mars,
        ... Malmö med cirka 300 deltagare den 20 april", the date and place tell the figures apart."""
        found = re.search(re.escape(fact.display) + r"(?![\d,])", fact.label)
        if found is None:
            return 0.0
        at = found.start()
        window = _stems(fact.label[max(0, at - NEAR):at + len(fact.display) + NEAR])
        return NEAR_WEIGHT * sum(self.idf(t) for t in terms & window)

    def _named(self, fact: Fact, names: list[str], rare: list[str]) -> float:
        """A project's name heading the text before the figure counts as if the sentence said it."""
        if not names and not rare:
            return 0.0
        text = self.folded.get(fact.doc_id, "")
        before = text[max(0, fact.span_start - NAME_WINDOW):fact.span_start]
        said = fold(fact.label)
        bonus = NAME_BONUS if any(fold(n) in before and fold(n) not in said for n in names) else 0.0
        return bonus + sum(self.idf(t) for t in rare if t in before and t not in said)

    @staticmethod
    def _context(query: Query, fact: Fact, passages: list[tuple[str, int, int]]) -> float:
        score = 0.0
        if query.years:
            score += YEAR_BONUS if fact.year in query.years else -YEAR_PENALTY
        orgs = [o for o in query.orgs if o != CITY]
        if orgs and (fact.org in orgs or fact.unit_org in orgs):
            score += ORG_BONUS
        for rank, (doc_id, start, end) in enumerate(passages):
            if fact.doc_id == doc_id and start <= fact.span_start < end:
                score += PASSAGE_BONUS / (1 + rank)
                break
        return score

    def mentioned(self, name: str) -> bool:
        """Whether the reports' running text uses every word of a name at all."""
        stems = _stems(name)
        return bool(stems) and all(self.known(s) for s in stems)

"""Normalize: readable, searchable Swedish from the source text, with a map back to it.

The source text is never changed; normalization produces a second text plus the edits
that made it, so any span found in the readable text maps back to the verbatim source
(quotes are always taken from the source).

Typesetting is undone: ligatures from PDF text layers (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ) become their letters,
and a word hyphenated at a line end ("utveck-\nling") is joined when the joined word is a
known word, or when the rest is no word by itself ("för-\nvaltningarnas"); a real hyphen
stays, and its word reads on ("it-\nstöd" -> "it-stöd", "hälso- och").

Running footers and headers at page breaks (a line ending in a page number, "7(35)") are
left out of the readable text, so a sentence broken by a page break reads on.

OCR repair is general: a word that is not Swedish (per wordfreq's Swedish word list), or
a word far rarer than a variant, is replaced by the most frequent variant reachable
through the character confusions typical of OCR of Swedish (ä/å -> a, i or d; ö -> o,
6, é or G; f -> £), allowing two-part compounds of known words.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import wordfreq

from core.numbers import WORD_NUMBERS

# OCR reading -> what it may stand for. Multi-character readings are tried first.
# Each confusion has a cost on the Zipf scale: common ones are cheap, rare ones dear.
CONFUSIONS: dict[str, tuple[tuple[str, float], ...]] = {
    "ai": (("å", 0.25), ("ä", 0.25)),
    "aé": (("å", 0.25),),
    "éa": (("å", 0.25),),
    "dé": (("ö", 0.25),),
    "a": (("ä", 0.25), ("å", 0.25)),
    "i": (("ä", 0.25),),
    "o": (("ö", 0.25),),
    "6": (("ö", 0.25),),
    "é": (("ö", 0.25), ("e", 0.5)),
    "d": (("ä", 1.0),),
    "4": (("ä", 0.5),),
    "g": (("ö", 1.0),),
    "£": (("f", 0.5),),
    "1": (("l", 1.0),),
    "t": (("f", 1.0),),
    "e": (("ä", 1.0),),
}
MAX_EDITS = 3
# A known word is replaced only by a variant this much more frequent (Zipf scale, 1 = 10x).
KNOWN_WORD_MARGIN = 1.0
MIN_COMPOUND_PART = 3
MIN_PART_ZIPF = 1.8
# A compound of two known words counts as a word this much rarer than its rarer part.
COMPOUND_PENALTY = 2.5
CONJUNCTIONS = {"och", "eller", "samt", "till", "som", "respektive"}

WORD = re.compile(r"[\w£]+")
# a line that ends in an amount is a table row: its digits are data, not OCR
TABLE_ROW_END = re.compile(r"\d[\d ]{2,}(?:kronor|kr|SEK)?\s*$|\d\s*(?:kronor|kr|SEK)\s*$")
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
# a word, a hyphen at the line end (ASCII, soft, or the U+2010 a soft hyphen prints as, which
# some PDF text layers set apart by a space), and the word's rest on the next line; or that
# printed soft hyphen inside a line (a wrapped table cell read as one line)
HYPHEN_BREAK = re.compile(
    r"([^\W\d_]+)(?:(?:-|\u00ad| ?\u2010)[ \t]*\n[ \t]*| ?[\u00ad\u2010] ?)([^\W\d_]+)"
)
LIGATURES = re.compile("[\ufb00-\ufb06]")
# a part this common (Zipf scale) is a word by itself: "it-\nstöd" keeps its hyphen
WORD_ZIPF = 2.5
SHORT_PREFIX = 3  # "e-", "it-", "tv-": a short head before a word is an abbreviation
# a running footer or header: ends in a page number, "21(36)", "4+(7)", "Sida 3 av 9", "3/9", "- 4 -", "7"
PAGE_NUMBER = re.compile(
    r"(?:\d{1,3}\s?\+?\(\s?\d{1,3}\s?\)|\bsida\s+\d{1,3}(?:\s+av\s+\d{1,3})?|\d{1,3}\s?/\s?\d{1,3}"
    r"|^\s*[-–]?\s*\d{1,3}\s*[-–]?)\s*$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?:;]\s*$")
MARKUP = re.compile(r"</?b>|\*\*|(?<!\w)\*(?=\w)|(?<=\w)\*(?!\w)")


@lru_cache(maxsize=1)
def swedish_vocabulary() -> dict[str, float]:
    """Swedish words -> Zipf frequency (log10 of occurrences per billion words)."""
    return {w: math.log10(f * 1e9) for w, f in wordfreq.get_frequency_dict("sv").items() if f > 0}


class OcrRepairer:
    """Repairs OCR tokens against a vocabulary: Swedish words plus domain terms."""

    DOMAIN_ZIPF = 3.0

    def __init__(self, domain_words: list[str] | tuple[str, ...] = ()) -> None:
        self.vocabulary = dict(swedish_vocabulary())
        for word in domain_words:
            for part in re.findall(r"[^\W\d_]+", word.lower()):
                if len(part) > 3:
                    self.vocabulary.setdefault(part, self.DOMAIN_ZIPF)
        self._cache: dict[str, str] = {}

    def zipf(self, word: str) -> float:
        return self.vocabulary.get(word, 0.0)

    def _compound(self, word: str) -> float:
        """Zipf of the rarer part of the best split into two known words (linking s allowed)."""
        best = 0.0
        for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
            head, tail = word[:cut], word[cut:]
            for h in (head, head[:-1] if head.endswith("s") else None):
                if not h or len(h) < MIN_COMPOUND_PART:
                    continue
                zh, zt = self.zipf(h), self.zipf(tail)
                if zh >= MIN_PART_ZIPF and zt >= MIN_PART_ZIPF:
                    best = max(best, min(zh, zt))
        return best

    def score(self, word: str) -> float:
        if word in self.vocabulary:
            return self.zipf(word)
        return max(0.0, self._compound(word) - COMPOUND_PENALTY)

    def repair(self, token: str) -> str:
        """The most likely Swedish word behind an OCR token (the token itself if none fits)."""
        if token not in self._cache:
            self._cache[token] = self._repair(token)
        return self._cache[token]

    def _repair(self, token: str) -> str:
        lower = token.lower()
        if len(lower) < 2 or lower.isdigit() or len(lower) > 40:
            return token
        base = self.score(lower)
        best, best_score = lower, base
        for candidate, cost in _variants(lower).items():
            score = self.score(candidate)
            if score and score - cost > best_score:
                best, best_score = candidate, score - cost
        if best == lower:
            return token
        if lower in self.vocabulary and best_score - base < KNOWN_WORD_MARGIN:
            return token
        return _recase(token, best)


def _variants(word: str) -> dict[str, float]:
    """Variants reachable by up to MAX_EDITS confusions -> their total cost."""
    out: dict[str, float] = {}

    def walk(i: int, prefix: str, edits: int, cost: float) -> None:
        if i == len(word):
            if edits and cost < out.get(prefix, 99.0):
                out[prefix] = cost
            return
        walk(i + 1, prefix + word[i], edits, cost)
        if edits == MAX_EDITS:
            return
        for reading, meanings in CONFUSIONS.items():
            if word.startswith(reading, i):
                for meaning, price in meanings:
                    walk(i + len(reading), prefix + meaning, edits + 1, cost + price)

    walk(0, "", 0, 0.0)
    return out


def _recase(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def looks_ocr_damaged(text: str) -> bool:
    """Swedish text in which å/ä/ö have nearly vanished and many words are unknown."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 50:
        return False
    with_diacritics = sum(1 for w in words if re.search("[åäöÅÄÖ]", w))
    unknown = sum(1 for w in words if w.lower() not in swedish_vocabulary())
    return with_diacritics / len(words) < 0.05 and unknown / len(words) > 0.10


@dataclass
class Normalized:
    """Readable text plus the edits that map it back to the original."""

    text: str
    original: str
    # parallel lists: for each edit, start/end in the readable text and in the original
    _norm_starts: list[int] = field(default_factory=list)
    _norm_ends: list[int] = field(default_factory=list)
    _orig_starts: list[int] = field(default_factory=list)
    _orig_ends: list[int] = field(default_factory=list)

    def to_original(self, pos: int, *, end: bool = False) -> int:
        """Map a position in `text` to `original`; inside an edit, to the edit's bounds."""
        i = bisect.bisect_right(self._norm_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self._norm_ends[i] or (pos == self._norm_ends[i] and pos > self._norm_starts[i] and not end):
            return self._orig_ends[i] if end and pos > self._norm_starts[i] else self._orig_starts[i]
        return pos - self._norm_ends[i] + self._orig_ends[i]

    def span_to_original(self, start: int, stop: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(stop, end=True)

    def to_normalized(self, pos: int) -> int:
        """Map a position in `original` to `text`; inside an edit, to the edit's start."""
        i = bisect.bisect_right(self._orig_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self._orig_ends[i]:
            return self._norm_starts[i]
        return pos - self._orig_ends[i] + self._norm_ends[i]


def _apply(original: str, edits: list[tuple[int, int, str]]) -> Normalized:
    out: list[str] = []
    norm = Normalized(text="", original=original)
    cursor = 0
    length = 0
    for start, stop, replacement in sorted(edits):
        if start < cursor:
            continue  # overlapping edit: the first one wins
        out.append(original[cursor:start])
        length += start - cursor
        norm._norm_starts.append(length)
        norm._orig_starts.append(start)
        out.append(replacement)
        length += len(replacement)
        norm._norm_ends.append(length)
        norm._orig_ends.append(stop)
        cursor = stop
    out.append(original[cursor:])
    norm.text = "".join(out)
    return norm


def _ocr_edits(text: str, repairer: OcrRepairer) -> list[tuple[int, int, str]]:
    edits = []
    protected = [m.span() for m in ADDRESS.finditer(text)]
    for m in WORD.finditer(text):
        if any(a <= m.start() < b for a, b in protected):
            continue
        token = m.group()
        if token == "1":
            before, after = text[max(0, m.start() - 2) : m.start()], text[m.end() : m.end() + 2]
            line_end = text.find("\n", m.end())
            in_row = TABLE_ROW_END.search(text[m.end() : line_end if line_end >= 0 else len(text)])
            if re.fullmatch(r"[\w,] ", before or "") and re.fullmatch(r"\s[a-zåäö]", after or "") and not in_row:
                edits.append((m.start(), m.end(), "i"))
            continue
        if any(ch.isdigit() for ch in token) and not re.search(r"[a-zA-Zé£]", token):
            continue
        repaired = repairer.repair(token)
        if repaired != token:
            edits.append((m.start(), m.end(), repaired))
    return edits


def _ligature_edits(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), unicodedata.normalize("NFKC", m.group())) for m in LIGATURES.finditer(text)]


def joins_hyphenation(head: str, tail: str, repairer: OcrRepairer) -> bool:
    """Whether "head-" at a line end and "tail" on the next line are one hyphenated word."""
    head, tail = (unicodedata.normalize("NFKC", w) for w in (head, tail))
    if not (head[-1:].islower() and tail[:1].islower()):
        return False  # "EU-\nprojekt", "Malmö-\nLund"
    head, tail = head.lower(), tail.lower()
    if tail in CONJUNCTIONS:
        return False
    if repairer.score(head + tail) > 0:
        return True
    if head in WORD_NUMBERS:
        return False  # "två-\nårsperioden": a number's hyphen, as in "två-årsperioden" on one line
    head_is_word = repairer.zipf(head) >= WORD_ZIPF or len(head) <= SHORT_PREFIX
    return not (head_is_word and repairer.zipf(tail) >= WORD_ZIPF)


def _hyphenation_edits(text: str, repairer: OcrRepairer | None) -> list[tuple[int, int, str]]:
    edits = []
    for m in HYPHEN_BREAK.finditer(text):
        repairer = repairer or OcrRepairer()
        if joins_hyphenation(m.group(1), m.group(2), repairer):
            edits.append((m.end(1), m.start(2), ""))  # "utveck-\nling" -> "utveckling"
        elif text[m.end(1)] == "-" and "\n" in text[m.end(1) : m.start(2)] and m.group(2).lower() not in CONJUNCTIONS:
            edits.append((m.end(1) + 1, m.start(2), ""))  # "EU-\nprojekt" -> "EU-projekt"
    return edits


def _furniture_edits(text: str, page_starts: Sequence[int]) -> list[tuple[int, int, str]]:
    """Leave out the running footer before and the running header after each page break
    (and the document's last footer); when the break cut a sentence, the blank lines around
    go too and the sentence reads on."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    filled = [k for k, line in enumerate(lines) if line.strip()]  # line numbers of non-blank lines
    edits = []
    for start in [*page_starts, len(text)]:
        k = bisect.bisect_left(filled, bisect.bisect_left(offsets, start))  # first filled line of the page
        furniture = [j for j in (k - 1, k) if 0 <= j < len(filled) and PAGE_NUMBER.search(lines[filled[j]])]
        if not furniture:
            continue
        before = lines[filled[furniture[0] - 1]] if furniture[0] > 0 else None
        after = filled[furniture[-1] + 1] if furniture[-1] + 1 < len(filled) else None
        first = lines[after].lstrip()[:1] if after is not None else ""
        reads_on = before is not None and not SENTENCE_END.search(before) and (first.islower() or first.isdigit())
        # deletions only: a position after one maps back to the original just after it
        cut_from = offsets[filled[furniture[0] - 1] + 1] if reads_on else offsets[filled[furniture[0]]]
        cut_to = offsets[after] if after is not None else offsets[filled[furniture[-1]] + 1]
        edits.append((cut_from, cut_to, ""))
    return edits


def normalize(
    text: str, *, ocr: bool, markdown: bool = False, repairer: OcrRepairer | None = None,
    page_starts: Sequence[int] = (),
) -> Normalized:
    """Readable text: page furniture left out, ligatures and hyphenation at line ends undone,
    markup dropped, OCR repaired. `page_starts`: where pages after the first begin in `text`."""
    edits = _furniture_edits(text, page_starts) if page_starts else []
    edits += _ligature_edits(text) + _hyphenation_edits(text, repairer)
    if markdown:
        edits.extend((m.start(), m.end(), "") for m in MARKUP.finditer(text))
    if ocr:
        edits.extend(_ocr_edits(text, repairer or OcrRepairer()))
    return _apply(text, edits)

"""Readable answers: which quoted sentences an answer shows (at most three, each once, only sentences that
carry what was asked), the words a running-text figure is headed with, and the form of a quote's text.
Pure functions of the quoted text, the query and the registry; compose calls them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from core.entities import CITY, Registry, fold
from core.lang import word_list
from core.numbers import parse_figures, word_numbers
from core.schemas import Query
from core.vocabulary import load as load_vocabulary
from core.words import tokenize
from service.answer.contract import units

MAX_QUOTES = 3  # quoted sentences an answer shows
MIN_QUOTE_WORDS = 4
HEADING_NAME_WORDS = 4  # a heading glued to its sentence names the subject in at most this many words
TABLE_WORDS = 12  # a line of numbers with fewer words than this is a table row
NUMBER_SHARE = 3  # ... or one whose every third word is a number
HEADING_WORDS = 8  # a line without a sentence end and shorter than this is a heading or a caption
ANCHOR_LETTERS = 10  # a question's word this long names its subject ('storstadsnätverket')
PREFIX = 7  # letters two stems share to count as the same word (as in statements.py)
SECTION_CHARS = 30  # a section heading this short names where a figure stands ('Sluta skjut', 'Jobbmässor')
TERMINAL = re.compile(r"[.!?:…][”\"'’)\]]*\s*$")
TABLE_MARK = re.compile(r"\t|\|")
BULLET = re.compile(r"(?:^|\s)(?:o|•|▪)\s+(?=[A-ZÅÄÖ0-9])")
DEFINITE_PLURAL = re.compile(r"(?<=[a-zåäö])(arna|erna|orna)$")
VERB_FORM = re.compile(r"(?:ades|at|ats|it|as|erar)$")  # a verb: what the figure did, not what it counts
PAST_FORM = re.compile(r"ade$")  # a verb when it ends the phrase or a pronoun follows, else an adjective


# --- what a quoted sentence must be -------------------------------------------------------------------


def is_heading(text: str) -> bool:
    """A heading, not a sentence: a Markdown heading, a line in capitals, or a short line without figures or
    verbs that does not end as a sentence does ('Beslutsunderlag Redovisning av internationellt arbete 2024')."""
    letters = [c for c in text if c.isalpha()]
    capitals = len(letters) > 3 and all(c.isupper() for c in letters)
    short = is_broken(text) and len(text.split()) < HEADING_WORDS and not (
        states_a_figure(text) or has_verb(text))  # a row has figures, a line 'Rapportering har ej inkommit' a verb
    return text.lstrip().startswith("#") or capitals or short


def is_broken(text: str) -> bool:
    """A sentence cut at its end by a page break, a column or a list ('… uppnått en rad resultat från
    internationella projekt med')."""
    return not TERMINAL.search(text)


def is_continuation(text: str) -> bool:
    """The rest of a sentence, or an item of a list: it does not start as a sentence does ('lösningar som
    implementerats …', 'e G - Tjänsteskrivelse KSAU …')."""
    first = text.lstrip("”\"'(• ")[:1]
    return first.isalpha() and first.islower()


def is_table_line(text: str) -> bool:
    """A table row flattened into a line: cells marked by tabs or bars, or several numbers among few words and
    no sentence end ('Funktionsstödsförvaltningen deltog i 1 projekt 2 EU-medel 2022')."""
    numbers = [f for f in parse_figures(text) if not f.is_year_like]
    words = len([w for w in text.split() if any(c.isalpha() for c in w)])
    few_words = words < TABLE_WORDS or len(numbers) * NUMBER_SHARE >= words
    return bool(TABLE_MARK.search(text)) or (len(numbers) >= 2 and few_words and not TERMINAL.search(text))


@cache
def _verbs() -> frozenset[str]:
    return frozenset(fold(w) for w in word_list("sentence_verbs"))


def has_verb(text: str) -> bool:
    """A verb the reports' sentences are made with ('har', 'deltog'): a list of headings has none."""
    return any(w in _verbs() for w in fold(text).split())


def quotable(text: str) -> bool:
    """A sentence worth quoting: no heading, no table line, no continuation, a few words long (a long sentence
    cut at its end by a page break still says something when it has a verb: it is quoted after the whole
    ones)."""
    cut_list = is_broken(text) and not has_verb(text)  # a table of contents, a row of headings
    return not (is_heading(text) or is_table_line(text) or is_continuation(text) or cut_list) and len(
        text.split()) >= MIN_QUOTE_WORDS


def without_heading(text: str, section: str | None) -> str:
    """A sentence with the heading that the text layer glued in front of it taken off: its section's heading
    ('React-EU Uppsök Projektet startade …'), or a name that the sentence repeats right after it
    ('Växtplats Botildenborg Projektet Växtplats Botildenborg sker …')."""
    head = re.sub(r"^[\d.]+\s+", "", " ".join((section or "").split()))  # '1.1.3 Personella resurser'
    words = text.split()
    for size in range(1, HEADING_NAME_WORDS + 1):  # the shortest name said twice in a row
        name = words[:size]
        if name[0][:1].isupper() and any(words[at:at + size] == name for at in range(size, size + 2)):
            head = " ".join(name) if not (len(head) >= 3 and text.startswith(head)) else head
            break
    if len(head) < 3 or not text.startswith(head):
        return text
    rest = text[len(head):].lstrip()
    return rest if rest[:1].isupper() and len(rest.split()) >= MIN_QUOTE_WORDS else text


def bullet_piece(text: str, display: str) -> str:
    """Of a list flattened into one sentence ('o Jobbmässa i Köpenhamn med cirka 3000 deltagare … o Jobbmässa
    i Malmö …'), the item that states the figure; any other sentence as it is."""
    cuts = [m.end() for m in BULLET.finditer(text)]
    if len(cuts) < 2:
        return text
    starts = [m.start() for m in BULLET.finditer(text)][1:] + [len(text)]
    pieces = [text[a:b].strip() for a, b in zip(cuts, starts, strict=True)]
    return next((p for p in pieces if re.search(re.escape(display) + r"(?![\d,])", p)), text)


# --- which sentences carry what was asked ----------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A sentence an answerer offers as a quote, with where it stands in its document."""

    text: str
    doc_id: str
    start: int
    end: int
    section: str | None


def states_a_figure(text: str) -> bool:
    return any(not f.is_year_like for f in parse_figures(text)) or bool(word_numbers(text))


class Relevance:
    """Whether a quoted sentence is about what the question asks: the subject it names (a project, an event,
    a rare word of the question), no other organisation than the asked ones, the asked year's report."""

    def __init__(self, query: Query, registry: Registry, years: dict[str, int | None],
                 rare: Callable[[str], bool]) -> None:
        self.registry = registry
        self.years = years  # the year each document reports
        self.asked_year = query.years[0] if len(query.years) == 1 else None
        self.names = [fold(n) for n in query.names if len(n) > 1]
        self._long = [t for t in query.topic_terms if len(t) >= ANCHOR_LETTERS]
        self._rare = rare
        self._terms: list[str] | None = None
        asked = [o for o in query.orgs if o != CITY]
        self.family = units(asked, registry) if asked else set()
        self.numbers_first = query.asks_number

    @property
    def terms(self) -> list[str]:
        """The question's long words that few passages use ('storstadsnätverket', not 'redovisning')."""
        if self._terms is None:
            self._terms = [t for t in self._long if self._rare(t)]
        return self._terms

    def anchored(self, text: str) -> bool:
        folded = fold(text)
        if any(n in folded for n in self.names):
            return True
        if not self.terms:
            return False
        stems = tokenize(text)
        return any(s.startswith(t[:PREFIX]) or t.startswith(s[:PREFIX]) for t in self.terms for s in stems
                   if len(s) >= PREFIX)

    def rank(self, candidate: Candidate) -> tuple[bool, bool, bool]:
        """Whole sentences first, then those of the asked year's report, then (a number asked) those that state
        a figure; the answerer's order otherwise (a stable sort)."""
        other_year = self.asked_year is not None and self.years.get(candidate.doc_id) != self.asked_year
        no_number = self.numbers_first and not states_a_figure(candidate.text)
        return is_broken(candidate.text), other_year, no_number

    def names_asked(self, text: str) -> bool:
        """The line names an asked organisation."""
        return bool({m.entity_id for m in self.registry.find_orgs(text)} & self.family)

    def other_organisation(self, text: str) -> bool:
        """The sentence is about organisations that were not asked about (only when some were)."""
        if not self.family:
            return False
        named = {m.entity_id for m in self.registry.find_orgs(text)} - {CITY}
        return bool(named) and not named & self.family


def choose(candidates: Sequence[Candidate], relevance: Relevance, limit: int,
           follows: Callable[[Candidate, Candidate], bool], *, fallback: bool = True) -> list[int]:
    """The indexes of the sentences to quote, in the order to show them: sentences (no headings or table
    lines) about the asked subject; when some name the asked project or a rare word of the question, only
    those and the sentences right after them; ordered by Relevance.rank.
    With `fallback`, when none is left: the answerer's first sentence, else the asked organisation's line."""
    fit = [i for i, c in enumerate(candidates) if quotable(c.text) and not relevance.other_organisation(c.text)]
    anchored = {i for i in fit if relevance.anchored(candidates[i].text)
                or relevance.anchored(candidates[i].section or "")}
    if anchored:
        kept: list[int] = []
        for i in fit:
            after = bool(kept) and kept[-1] in anchored and follows(candidates[kept[-1]], candidates[i])
            if i in anchored or after:
                kept.append(i)
        fit = kept
    fit = sorted(fit, key=lambda i: relevance.rank(candidates[i]))
    if not fit and fallback:  # rather than saying that the reports say nothing: a sentence about another
        # subject, else the line of the asked subject's table row ('Tekniska nämnden 4 projekt 1 660 000')
        fit = [i for i, c in enumerate(candidates) if quotable(c.text)][:1] or [
            i for i, c in enumerate(candidates) if not is_heading(c.text) and not relevance.other_organisation(c.text)
            and relevance.names_asked(c.text)][:1]
    return fit[:limit]


# --- the words a running-text figure is headed with -------------------------------------------------------


@cache
def _nouns() -> frozenset[str]:
    """The nouns the reports count with (folded), from the vocabulary's quantity words."""
    return frozenset(fold(w) for noun in load_vocabulary().nouns for w in noun.sv)


def base_form(word: str) -> str:
    """A definite plural as its base form: 'skjutningarna' -> 'skjutningar', 'deltagarna' -> 'deltagare',
    'EU-projekten' -> 'EU-projekt'."""
    nouns = _nouns()
    m = DEFINITE_PLURAL.search(word)
    if m:
        base = word[: m.start()] + m.group(1)[:-2]
        return base + "e" if fold(base) + "e" in nouns else base
    if word.endswith("en") and any(fold(word[:-2]).endswith(n) for n in nouns | {"projekt", "ar"}):
        return word[:-2]
    return word


def quantity_label(quantity: str, sentence: str) -> str:
    """What a figure counts, as a reader names it: the noun (with the words before it that qualify it) in its
    base form, without the verb or preposition that followed it in the sentence ('vårdbiträden utbildat sig'
    -> 'vårdbiträden', 'skjutningarna' -> 'skjutningar'); lower case unless the report writes it so inside a
    sentence."""
    stop = {fold(w) for w in (*word_list("label_stop"), *NUMBER_WORDS)}
    given = quantity.split()
    words: list[str] = []
    for i, word in enumerate(given):
        folded = fold(word)
        after = fold(given[i + 1]) if i + 1 < len(given) else None
        verb = VERB_FORM.search(folded) or (PAST_FORM.search(folded) and (after is None or after in stop))
        if words and (folded in stop or verb):
            break
        words.append(word)
    if not words:
        return ""
    definite = words[-1]
    words[-1] = base_form(definite)
    first = words[0]
    common = len(words) > 1 or words[-1] != definite  # a definite form is no name ('Sprängningarna', not 'Erasmus')
    if common and first[:1].isupper() and first[1:].islower() and sentence.lstrip().startswith(given[0]):
        words[0] = first.lower()  # capitalised only because it starts the sentence
    return " ".join(words)


NUMBER_WORDS = ("en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio")


def section_label(section: str) -> str:
    """A section heading short enough to say where a figure stands ('Sluta Skjut'), else nothing."""
    text = " ".join(section.split())
    return text if text and len(text) <= SECTION_CHARS and not re.search(r"\d", text) else ""


# --- an answer of several parts -----------------------------------------------------------------------------

MARKERS = re.compile(r"\s*\[\d+\]")


def _is_quote(line: str) -> bool:
    return line.removeprefix("- ").startswith("”")


def once(parts: list[str], *, verdicts: bool = False) -> list[str]:
    """The parts' texts with every line said once (a later part that repeats a figure, a quote or a sentence of
    an earlier one leaves it out; citation numbers aside; with `verdicts`, each part's first line, its Ja/Nej,
    stays) and at most three quotes in all; a part left with nothing but its heading is left out."""
    seen: set[str] = set()
    quotes = 0
    out: list[str] = []
    for part in parts:
        kept: list[str] = []
        for line in part.split("\n"):
            key = MARKERS.sub("", line).strip()
            if line.startswith("» "):
                kept.append(line)
                continue
            verdict = verdicts and not any(not k.startswith("» ") for k in kept)
            if (key in seen and not verdict) or (_is_quote(line) and quotes >= MAX_QUOTES):
                continue
            seen.add(key)
            quotes += _is_quote(line)
            kept.append(line)
        while kept and kept[-1].endswith(":") and not _is_quote(kept[-1]):
            kept.pop()  # a heading of what a later part already said
        if any(not line.startswith("» ") for line in kept):
            out.append("\n".join(kept))
    return out

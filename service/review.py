"""Granska text (first part of issue 16): every figure of a pasted draft checked against the reports.

A draft is split into sentences; each figure of a sentence (amounts, counts, percentages, written-out
numbers; not years that are dates, diarienummer, page or phone numbers) becomes a claim read by the one
reader of questions ("Stämmer det att <sentence>?", the claimed figure that one), with the subject of the
sentences before it when the sentence names none ("Nämnden fick … Året efter ökade det till …"). The claim
is judged by the engine's claim answerers (roles, rounding, other years) and its verdict is read from the
answer: correct, rounded, deviates (the reported figure shown), other_role, other_year, not_in_reports.
Drafts are neither stored nor logged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.entities import fold
from core.lang import phrase
from core.numbers import Figure, parse_english_figures, parse_figures, word_numbers
from core.schemas import Answer, Query
from service.answer.understand import STEP, detect_lang, understand
from service.answer.verify import figures_in

if TYPE_CHECKING:
    from service.answer.engine import Engine

SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
NOT_A_CLAIM = re.compile(r"(?:stk|dnr|diarienummer|§|s\.|sid\.?|sidan|page|p\.|tel\.?|telefon)[\s\-:]*$",
                         re.IGNORECASE)  # what comes right before a number that is no figure
DATE_AFTER = re.compile(r"^\s*(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
                        r"december|january|february|march|june|july|august|october)\b", re.IGNORECASE)
PHONE = re.compile(r"(?:\+46\s?|\b0)\d{1,3}[-–\s]\d{2,3}(?:\s?\d{2}){2,3}\b")  # "040-34 10 00"
SUBJECT_SLOTS = ("orgs", "project_ids", "projects", "names", "name_forms", "funds")
EXACT = 0.5  # a reported figure this close to the claimed one is the same figure
VERDICTS = ("correct", "rounded", "deviates", "other_role", "other_year", "not_in_reports", "unclear")


@dataclass
class Claim:
    start: int
    end: int
    figure: str
    sentence: str
    verdict: str
    reported: dict[str, Any] | None
    explanation: str
    citations: list[dict[str, Any]] = field(default_factory=list)


def figures_of(sentence: str, lang: str) -> list[Figure]:
    """The figure claims of a sentence: no year that is a date, no diarienummer, page, phone or day of a month."""
    reader = parse_english_figures if lang == "en" else parse_figures
    found = sorted(reader(sentence) + word_numbers(sentence), key=lambda f: f.start)
    out: list[Figure] = []
    phones = [(m.start(), m.end()) for m in PHONE.finditer(sentence)]
    for fig in found:
        if any(a <= fig.start < b for a, b in phones):
            continue
        before, after = sentence[:fig.start], sentence[fig.end:]
        if fig.is_year_like or NOT_A_CLAIM.search(before) or DATE_AFTER.match(after) or re.match(r"^[-/]\d", after):
            continue
        if any(o.start <= fig.start < o.end for o in out):
            continue
        out.append(fig)
    return out


CLAUSE_BREAK = re.compile(r",\s+|\s+(?:och|samt|men|and|but)\s+")


def _read(engine: Engine, opener: str, text: str, lang: str) -> Query:
    """A sentence of the draft read as a claim ('Stämmer det att …?'), its first letter as inside a sentence."""
    text = text.strip().rstrip(".!?")
    text = text[:1].lower() + text[1:] if text[:2].istitle() and not text[:2].isupper() else text
    return understand(f"{opener} {text}?", engine.registry, latest_year=engine.latest_year, lang=lang,
                      lexicon=engine.lexicon)


def _clause(sentence: str, fig: Figure) -> str:
    """The clause of a sentence that holds a figure: between the breaks around it."""
    cuts = [0, *(m.end() for m in CLAUSE_BREAK.finditer(sentence) if m.end() <= fig.start), len(sentence)]
    start = max(c for c in cuts if c <= fig.start)
    end = next((m.start() for m in CLAUSE_BREAK.finditer(sentence) if m.start() >= fig.end), len(sentence))
    return sentence[start:end]


def _verdict(answer: Answer, claimed: float, query: Query) -> tuple[str, dict[str, Any] | None]:
    """The verdict an answer to a claim gives, and the reported figure it shows."""
    first = answer.text.split("\n", 1)[0].strip()
    shown = answer.figures[0] if answer.figures else None
    reported = {"value": shown.value, "display": shown.display} if shown else None
    words = {k: phrase(answer.lang, k) for k in ("verdict_yes_word", "verdict_no_word")}
    if answer.status in ("not_reported", "unclear") or shown is None:
        return "not_in_reports", None
    slack = max(0.5, query.claim_precision / 2)
    same = [f for f in answer.figures if abs(f.value - claimed) <= slack]
    if first.startswith(words["verdict_yes_word"]):
        exact = any(abs(f.value - claimed) <= EXACT for f in answer.figures)
        return ("correct" if exact else "rounded"), reported
    stated = [f.value for f in figures_in(answer.text, answer.lang) if not f.is_year_like]
    if not same and any(abs(v - claimed) <= slack for v in stated):
        return "other_role", reported  # "41 889 445 kronor är det som kunde rekvireras, inte utfallet"
    if same and query.years and same[0].year not in query.years:
        return "other_year", {"value": same[0].value, "display": same[0].display}
    if same:
        return "other_role", reported  # the claimed figure is stated, of another role than claimed
    if first.startswith(words["verdict_no_word"]) or first.lower().startswith(("delvis", "partly")):
        return "deviates", reported
    return "unclear", reported


def review(engine: Engine, text: str, lang: str | None = None) -> dict[str, Any]:
    """Every figure claim of `text` with its verdict, reported figure, explanation and sources."""
    language = lang or detect_lang(text)
    claims: list[Claim] = []
    subject: Query | None = None
    for m in SENTENCE.finditer(text):
        sentence = m.group().strip()
        if not sentence:
            continue
        offset = m.start() + (len(m.group()) - len(m.group().lstrip()))
        figs = figures_of(sentence, language)
        opener = phrase(language, "review_opener")
        query = _read(engine, opener, sentence, language)
        if any(getattr(query, s) for s in SUBJECT_SLOTS):
            subject = query
        elif subject is not None:  # "Året efter ökade det till …": the subject of the sentences before
            carried: dict[str, Any] = {s: getattr(subject, s) for s in SUBJECT_SLOTS}
            shift = STEP.search(fold(sentence))
            if not query.years and subject.years:
                delta = -1 if shift and re.search(r"innan|fore|before|previous", shift.group()) else 1 if shift else 0
                carried["years"] = [subject.years[0] + delta]
            query = query.model_copy(update=carried)
        for fig in figs:
            clause = _clause(sentence, fig)  # "… och deltog i 25 projekt": what 25 counts is read from its clause
            read = _read(engine, opener, clause, language) if clause != sentence else query
            carried = {s: getattr(query, s) for s in (*SUBJECT_SLOTS, "years") if not getattr(read, s)}
            claim_query = read.model_copy(update={
                **carried, "intent": "check", "operation": "verdict", "claimed": fig.value, "parts": [],
                "claim_precision": fig.precision, "claim_loose": fig.approximate or bool(fig.qualifier)})
            answer = engine.check(claim_query)
            verdict, reported = _verdict(answer, fig.value, claim_query)
            claims.append(Claim(
                start=offset + fig.start, end=offset + fig.end, figure=sentence[fig.start:fig.end], sentence=sentence,
                verdict=verdict, reported=reported, explanation=answer.text.split("\n", 1)[0],
                citations=[c.model_dump(include={"n", "doc_id", "title", "page", "quote"})
                           for c in answer.citations[:2]]))
    summary = Counter(c.verdict for c in claims)
    return {"claims": [c.__dict__ for c in claims], "summary": {v: summary.get(v, 0) for v in VERDICTS},
            "corpus_version": engine.corpus_version, "lang": language}


__all__ = ["review", "figures_of"]

"""Evaluation: ask every question of tests/eval/questions.json and grade each answer.

The questions were written from the reports by someone who did not read the code. Each
answer gets one grade:
- correct: every must-number stated (within the report's rounding), every must-word present,
  the expected status (a not-reported question answered as not reported), no off-target number;
- off_target: a must-not number is given as an answer (another year's, organisation's or
  quantity's figure) and the asked figure is missing;
- false_not_reported: the reports hold the answer but the engine said not reported / unclear;
- partial: some of the asked figures or words, or the right figure with the wrong status;
- wrong: none of the above (numbers that answer nothing asked, or nothing useful).
The denominator is every question; figures are counted from the answer's text, table,
figures and computations.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.entities import fold
from core.numbers import word_numbers
from core.schemas import Answer
from service.answer.engine import Engine
from service.answer.verify import figures_in

QUESTIONS = Path(__file__).resolve().parents[2] / "tests" / "eval" / "questions.json"
GRADES = ("correct", "partial", "wrong", "off_target", "false_not_reported")
NEGATIVE = ("not_reported", "unclear")
TOLERANCE = 0.02  # a must-number matches a rounded statement of it within 2 %


@dataclass
class Result:
    id: str
    kind: str
    question: str
    grade: str
    missing: list[float]
    off: list[float]
    missing_words: list[str]
    status: str
    expected_status: str
    verified: bool


@dataclass
class Scores:
    results: list[Result] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        grades = Counter(r.grade for r in self.results)
        n = len(self.results)
        out: dict[str, Any] = {"questions": n, **{g: grades.get(g, 0) for g in GRADES}}
        out["correct_share"] = round(grades.get("correct", 0) / n, 3) if n else 0.0
        out["unverified_answers"] = sum(1 for r in self.results if not r.verified)
        by_kind: dict[str, Counter[str]] = {}
        for r in self.results:
            by_kind.setdefault(r.kind, Counter())[r.grade] += 1
        out["by_kind"] = {k: dict(v) for k, v in sorted(by_kind.items())}
        return out


def shown_numbers(answer: Answer) -> list[float]:
    texts = [answer.text, *answer.caveats, *(r.display for r in answer.table)]
    values = [f.value for f in answer.figures] + [c.value for c in answer.computations]
    for text in texts:
        values += [f.value for f in figures_in(text, answer.lang)] + [f.value for f in word_numbers(text)]
    return values


def _has(values: list[float], target: float) -> bool:
    return any(abs(v - target) <= max(0.5, abs(target) * TOLERANCE) for v in values)


def _answered_values(answer: Answer) -> list[float]:
    """Figures given as the answer: stored/computed figures and the text's own numbers."""
    return [f.value for f in answer.figures] + [c.value for c in answer.computations]


def grade(answer: Answer, item: dict[str, Any]) -> Result:
    shown = shown_numbers(answer)
    must = [float(x) for x in item.get("must_numbers", [])]
    missing = [x for x in must if not _has(shown, x)]
    offered = answer.status in ("not_reported", "partial")  # nearest figures, said to be something else
    off = [] if offered else [float(x) for x in item.get("must_not_numbers", [])
                              if _has(_answered_values(answer), float(x)) and not _has(must, float(x))]
    text = fold(" ".join([answer.text, *(c.quote for c in answer.citations)]))
    missing_words = [w for w in item.get("must_words", []) if fold(w) not in text]
    expected = item.get("expected_status", "answered")
    negative = answer.status in NEGATIVE or not answer.text.strip()
    ok_status = answer.status in ("not_reported", "partial", "unclear") if expected == "not_reported" else not negative
    found = len(must) - len(missing)
    if expected != "not_reported" and negative and found == 0:
        g = "false_not_reported"
    elif off and missing:
        g = "off_target"
    elif not missing and not missing_words and ok_status and not off:
        g = "correct"
    elif found or (must == [] and len(missing_words) < len(item.get("must_words", []))) or (
            not missing and not missing_words):
        g = "partial"
    else:
        g = "wrong"
    return Result(id=item["id"], kind=item.get("kind", ""), question=item["question"], grade=g, missing=missing,
                  off=off, missing_words=missing_words, status=answer.status, expected_status=expected,
                  verified=answer.verified)


def run(engine: Engine, path: Path = QUESTIONS) -> Scores:
    items = json.loads(path.read_text(encoding="utf-8"))
    scores = Scores()
    conversation = engine.new_conversation()
    for item in items:
        if not item.get("followup_of"):
            conversation = engine.new_conversation()
        answer = engine.ask(item["question"], conversation_id=conversation)
        scores.results.append(grade(answer, item))
    return scores

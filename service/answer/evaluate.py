"""Evaluation: ask every question of tests/eval/questions.json and score the answers.

Scores: numbers right (every must-number stated), wrong numbers (a must-not number stated,
or a number that fails verification: both must be 0), status right (for questions whose
honest answer is not_reported or partial), citation right (the expected document cited).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.numbers import parse_figures
from core.schemas import Answer
from service.answer.engine import Engine

QUESTIONS = Path(__file__).resolve().parents[2] / "tests" / "eval" / "questions.json"


@dataclass
class Result:
    id: str
    category: str
    question: str
    missing: list[float]
    wrong: list[float]
    status_ok: bool | None
    citation_ok: bool | None
    verified: bool
    status: str


@dataclass
class Scores:
    results: list[Result] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        n = len(self.results)
        with_numbers = [r for r in self.results if r.missing is not None]
        status = [r for r in self.results if r.status_ok is not None]
        cites = [r for r in self.results if r.citation_ok is not None]
        return {
            "questions": n,
            "numbers_right": sum(1 for r in with_numbers if not r.missing),
            "numbers_asked": sum(1 for r in with_numbers),
            "wrong_numbers": sum(len(r.wrong) for r in self.results),
            "unverified_answers": sum(1 for r in self.results if not r.verified),
            "status_right": sum(1 for r in status if r.status_ok),
            "status_asked": len(status),
            "citation_right": sum(1 for r in cites if r.citation_ok),
            "citation_asked": len(cites),
        }


def _numbers(texts: list[str], *, years: bool = False) -> list[float]:
    return [f.value for text in texts for f in parse_figures(text) if years or not f.is_year_like]


def _has(values: list[float], target: float) -> bool:
    return any(abs(v - target) <= max(0.5, abs(target) * 1e-9) for v in values)


def score(answer: Answer, item: dict[str, Any]) -> Result:
    """A must-number counts when the answer shows it (text, table, figures or caveats); a
    must-not number counts as wrong when it is given as the answer for the asked year or
    appears in the answer's own text without being a stored figure (e.g. in a quote)."""
    shown = [answer.text, *(" ".join(r.values()) for r in answer.table), *answer.caveats]
    stated = [f.value for f in answer.figures] + _numbers(shown, years=True)
    missing = [float(x) for x in item.get("must_numbers", []) if not _has(stated, float(x))]
    asked_years = set(answer.query.years)
    as_answer = [f.value for f in answer.figures if not asked_years or f.year in asked_years]
    figure_values = [f.value for f in answer.figures]
    loose = [v for v in _numbers([answer.text]) if not _has(figure_values, v)]
    wrong = [float(x) for x in item.get("must_not_numbers", []) if _has(as_answer + loose, float(x))]
    expected_status = item.get("status")
    status_ok = answer.status == expected_status if expected_status in ("not_reported", "partial") else None
    doc = item.get("source_doc")
    citation_ok = any(c.doc_id == doc for c in answer.citations) if doc else None
    return Result(id=item["id"], category=item.get("category", ""), question=item["question"], missing=missing,
                  wrong=wrong, status_ok=status_ok, citation_ok=citation_ok, verified=answer.verified,
                  status=answer.status)


def run(engine: Engine, path: Path = QUESTIONS) -> Scores:
    items = json.loads(path.read_text(encoding="utf-8"))
    scores = Scores()
    conversation = engine.new_conversation()
    for item in items:
        if not item.get("followup_of"):
            conversation = engine.new_conversation()
        answer = engine.ask(item["question"], conversation_id=conversation)
        scores.results.append(score(answer, item))
    return scores

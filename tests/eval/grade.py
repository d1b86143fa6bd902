"""The evaluation's grader and its split: kept out of the product, beside the questions.

Three sets, all written from the reports by people who did not read the code:
- `dev`: two thirds of tests/eval/questions.json, the part looked at while building;
- `heldout`: the other third, never looked at while building: every third conversation of each
  kind (a conversation is a question with the follow-ups that point back to it, kept together);
- `new`: tests/eval/heldout_new.json, written before the engine rebuild (issue 14) and run once
  before it; a second held-out set;
- `issue15`: tests/eval/issue15_dev.json, written for issue 15 (projects, names as typed, parts, claims
  by role, follow-ups, series) by a helper who read only the reports; looked at while building;
- `round3`: tests/eval/heldout_round3.json, written by the same helper at the same time, never looked at.

Each answer gets one grade:
- correct: every must-number stated in the answer's own text or table (not only inside a quoted
  sentence), every must-word present, exactly the expected status, no off-target number;
- off_target: a must-not number stated as the answer (status answered) and the asked figure missing;
- false_not_reported: the reports hold the answer but the engine said not reported / unclear;
- partial: some of the asked figures or words, or the right figure with another status;
- wrong: none of the above.
Citation markers ("[9]") are no numbers; a quote's numbers are the report's, not the answer's.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.entities import fold
from core.numbers import word_numbers
from core.schemas import Answer
from service.answer.verify import figures_in

HERE = Path(__file__).resolve().parent
QUESTIONS = HERE / "questions.json"
NEW = HERE / "heldout_new.json"
ISSUE15 = HERE / "issue15_dev.json"
ROUND3 = HERE / "heldout_round3.json"
SETS = ("dev", "heldout", "new", "issue15", "round3")
HELD_OUT = ("heldout", "new", "round3")  # summaries only: their questions are not read while building
GRADES = ("correct", "partial", "wrong", "off_target", "false_not_reported")
NEGATIVE = ("not_reported", "unclear")
TOLERANCE = 0.02  # a must-number matches a rounded statement of it within 2 %
MARKERS = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
QUOTED = re.compile(r"”[^”]*”|“[^”]*”|\"[^\"]*\"")


def conversations(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Questions grouped as asked: a follow-up stays with the question it points back to."""
    groups: list[list[dict[str, Any]]] = []
    for item in items:
        if item.get("followup_of") and groups:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def split(items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(dev, held-out): every third conversation of each kind (by its first question) is held out."""
    dev: list[dict[str, Any]] = []
    held: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    for group in conversations(items):
        kind = group[0].get("kind", "")
        (held if seen[kind] % 3 == 2 else dev).extend(group)
        seen[kind] += 1
    return dev, held


def load(name: str) -> list[dict[str, Any]]:
    files = {"new": NEW, "issue15": ISSUE15, "round3": ROUND3}
    if name in files:
        return json.loads(files[name].read_text(encoding="utf-8"))
    dev, held = split(json.loads(QUESTIONS.read_text(encoding="utf-8")))
    if name == "dev":
        return dev
    if name == "heldout":
        return held
    raise ValueError(f"unknown set {name!r}: one of {', '.join(SETS)}")


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


def own_text(text: str) -> str:
    """The answer's own words: quotes and citation markers removed."""
    return MARKERS.sub(" ", QUOTED.sub(" ", text))


def stated_numbers(answer: Answer) -> list[float]:
    """Numbers the answer states itself: in its text (outside quotes) and its table."""
    values: list[float] = []
    for text in [own_text(answer.text), *(r.display for r in answer.table if r.value is not None)]:
        values += [f.value for f in figures_in(text, answer.lang) if not f.is_year_like]
        values += [f.value for f in word_numbers(text)]
    return values


def _has(values: list[float], target: float) -> bool:
    return any(abs(v - target) <= max(0.5, abs(target) * TOLERANCE) for v in values)


def grade(answer: Answer, item: dict[str, Any]) -> Result:
    shown = stated_numbers(answer)
    must = [float(x) for x in item.get("must_numbers", [])]
    missing = [x for x in must if not _has(shown, x)]
    off = [] if answer.status != "answered" else [
        float(x) for x in item.get("must_not_numbers", []) if _has(shown, float(x)) and not _has(must, float(x))]
    text = fold(" ".join([answer.text, *(c.quote for c in answer.citations)]))
    missing_words = [w for w in item.get("must_words", []) if fold(w) not in text]
    expected = item.get("expected_status", "answered")
    negative = answer.status in NEGATIVE or not answer.text.strip()
    found = len(must) - len(missing)
    if expected != "not_reported" and negative and found == 0:
        g = "false_not_reported"
    elif off and missing:
        g = "off_target"
    elif not missing and not missing_words and answer.status == expected and not off:
        g = "correct"
    elif found or (must == [] and len(missing_words) < len(item.get("must_words", []))) or (
            not missing and not missing_words):
        g = "partial"
    else:
        g = "wrong"
    return Result(id=item["id"], kind=item.get("kind", ""), question=item["question"], grade=g, missing=missing,
                  off=off, missing_words=missing_words, status=answer.status, expected_status=expected,
                  verified=answer.verified)


def run(engine: Any, items: list[dict[str, Any]]) -> Scores:
    """Ask every question (a follow-up in its conversation) and grade each answer."""
    scores = Scores()
    conversation = engine.new_conversation()
    for item in items:
        if not item.get("followup_of"):
            conversation = engine.new_conversation()
        answer = engine.ask(item["question"], conversation_id=conversation)
        scores.results.append(grade(answer, item))
    return scores

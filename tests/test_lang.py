"""The language packs: every phrase in both languages with the same placeholders, every cue a valid
pattern, and no answer phrase left in the answerers' code."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

from core.lang import LANGS, cue, pack, phrases

ANSWER = Path(__file__).resolve().parents[1] / "service" / "answer"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_phrase_exists_in_both_languages_with_the_same_placeholders():
    sv, en = phrases("sv"), phrases("en")
    assert set(sv) == set(en)
    assert len(sv) > 140
    assert {k for k in sv if _fields(sv[k]) != _fields(en[k])} == set()


def test_every_cue_compiles_and_both_packs_have_the_same_cues():
    assert set(pack("sv").cues) == set(pack("en").cues)
    for name in pack("sv").cues:
        assert cue(name).pattern


def test_no_answerer_writes_a_sentence_in_one_language():
    """Answer text comes from the packs: no module of the engine chooses between a Swedish and an English
    string ('... if sv else ...')."""
    found = []
    for path in sorted(ANSWER.glob("*.py")):
        if path.name == "understand.py":  # detects the question's language
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.IfExp) and re.search(r"\b(sv|lang)\b", ast.unparse(node.test)) \
                    and any(isinstance(n, (ast.Constant, ast.JoinedStr)) for n in (node.body, node.orelse)):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
    assert LANGS == ("sv", "en")

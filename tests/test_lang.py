"""The language packs: every phrase in both languages with the same placeholders, every cue a valid
pattern, and no answer phrase left in the answerers' code."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

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


QUANTITY_CUES = ("amount_ask", "quantity_filler", "quantity_more", "quantity_join", "quantity_stop", "table_noun",
                 "money_word", "vague_word", "passive_verb", "unit_eur", "unit_percent", "unit_sek")
QUANTITY_PATTERNS = ("QUANTITY", "CLAIMED_NOUN", "TABLE_NOUNS", "MONEY_NOUNS", "VAGUE", "PASSIVE", "EURO", "PERCENT")


def test_the_quantity_words_of_understand_are_in_the_packs():
    """understand's quantity patterns and readers are built from the packs' cues: no cue word is written in
    their code."""
    source = (ANSWER / "understand.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    parts = [ast.get_source_segment(source, node) or "" for node in tree.body
             if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in QUANTITY_PATTERNS
                                                      for t in node.targets))
             or (isinstance(node, ast.FunctionDef) and node.name in ("_quantity", "_claimed_quantity", "_unit"))]
    assert len(parts) == len(QUANTITY_PATTERNS) + 3
    words = {w for name in QUANTITY_CUES for lang in LANGS for p in pack(lang).cues[name]
             for w in re.findall(r"[a-z]{3,}", p)} - {"percent"}  # also the id of a unit
    docstrings = re.compile(r'^\s*"""(?:.|\n)*?"""', re.MULTILINE)
    code = "\n".join(line.split("#")[0] for part in parts for line in docstrings.sub("", part).splitlines())
    written = sorted(w for w in words if re.search(rf"[\"'|(]{w}\b", code))
    assert written == []


@pytest.mark.parametrize(("question", "quantity"), [
    ("Hur många unika deltagare hade projektet?", "deltagare"),
    ("How many unique participants did the project have?", "participants"),
    ("Hur många fler besökare kom 2019?", "besokare kom"),
    ("How many more visitors came in 2019?", "visitors came"),
    ("Hur många projekt hade miljönämnden?", None),  # a table counts projects
    ("How many departments took part?", None),
    ("Hur mycket pengar fick ASF?", None),
    ("How much money did ASF get?", None),
    ("Hur många skrevs in?", None),  # a verb, no noun
    ("How many were there?", None),
])
def test_the_quantity_asked_in_either_language(question: str, quantity: str | None) -> None:
    from core.entities import Registry
    from service.answer.understand import understand

    assert understand(question, Registry.load(), latest_year=2024).quantity == quantity

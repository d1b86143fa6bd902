"""`understand` is the only reader of the question: every later stage of the answer engine reads the
Query's slots. A read of `.question` outside understand.py fails here, except to show it (the
Answer's `question=` field, a phrase, an f-string) or to log it."""

from __future__ import annotations

import ast
from pathlib import Path

from core.entities import Registry
from core.lang import cue, roles
from service.answer.understand import understand

ANSWER = Path(__file__).resolve().parents[1] / "service" / "answer"


def _reads(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "question":  # shown as asked (Answer.question)
                    allowed.add(id(kw.value))
            func = node.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "log":
                allowed.update(id(a) for a in node.args)  # logged
            if isinstance(func, ast.Attribute) and func.attr == "format":
                allowed.update(id(kw.value) for kw in node.keywords)  # shown in a phrase
        if isinstance(node, ast.FormattedValue):
            allowed.add(id(node.value))  # shown in the text
        if isinstance(node, ast.Dict):  # {"question": query.question}: shown in a trace
            allowed.update(id(v) for k, v in zip(node.keys, node.values, strict=True)
                           if isinstance(k, ast.Constant) and k.value == "question")
    return [f"{path.name}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "question" and id(node) not in allowed]


def test_no_stage_after_understand_reads_the_question():
    modules = [p for p in sorted(ANSWER.glob("*.py")) if p.name != "understand.py"]
    assert len(modules) > 8
    reads = [r for p in modules for r in _reads(p)]
    assert reads == []


def test_the_check_finds_a_read():
    """The check itself can fail: a module that reads the question is caught."""
    source = "def f(query):\n    return 'mest' in query.question\n"
    tree_file = Path(__file__).with_name("_reads_probe.py")
    tree_file.write_text(source, encoding="utf-8")
    try:
        assert _reads(tree_file) == ["_reads_probe.py:2"]
    finally:
        tree_file.unlink()


def test_ranking_words_have_word_boundaries():
    """'storstadsnätverket' is no ranking question; 'störst', 'största', 'de flesta' are cues."""
    assert not cue("most").search("vad gor storstadsnatverket")
    assert cue("most").search("vilken fond var storst 2022")
    assert cue("most").search("den storsta andelen")
    assert cue("mainly").search("kom de flesta pengarna fran erasmus+")


def test_understand_fills_the_slots_later_stages_read():
    registry = Registry.load()
    q = understand("Vad är Sluta skjut och vem driver det?", registry, latest_year=2024)
    assert q.names == ["Sluta"] and "Sluta skjut" in q.name_forms
    assert q.asks == "what"
    claim = understand("Stämmer det att ASF kunde rekvirera nästan 42 miljoner 2022?", registry, latest_year=2024)
    assert claim.role == "requisition" and claim.claim_loose and claim.claimed == 42_000_000
    assert 42_000_000 in claim.asked_numbers
    short = understand("vilken fond var det?", registry, latest_year=2024)
    assert short.about_previous == "fund" and not understand(
        "vilken fond finansierade projekten som ASF drev under 2022 i Malmö?", registry, latest_year=2024
    ).about_previous
    assert [r for r, _ in roles()][:2] == ["requisition", "granted"]


def test_a_misspelled_organisation_is_read_or_asked_back_never_the_city():
    registry = Registry.load()
    sure = understand("Hur mycket EU-medel fick miljönämden 2024?", registry, latest_year=2024)
    assert sure.orgs == ["mn"] and sure.interpreted == ["mn"]
    assert understand("kulturnämden 2024", registry, latest_year=2024).orgs == ["kn"]
    plain = understand("Hur många andra kommuner startade GVI-arbete under förvaltningen?", registry, latest_year=2024)
    assert plain.orgs == [] and plain.interpreted == [] and plain.did_you_mean == []


def test_a_question_of_several_parts_has_one_query_per_part():
    registry = Registry.load()
    q = understand("Hur många deltog i Malmökraften och hur många gick vidare till arbete?", registry, latest_year=2024)
    assert [p.question for p in q.parts] == ["Hur många deltog i Malmökraften?", "hur många gick vidare till arbete?"]
    assert q.parts[1].names == ["Malmökraften"] and "names" in q.parts[1].inherited
    assert understand("Hur mycket fick ASF och GVF 2022?", registry, latest_year=2024).parts == []


def test_a_range_is_asked_for_by_its_words_not_by_a_ranking():
    registry = Registry.load()
    for question in ("What was the range of project budgets in 2024?", "Hur stora är projekten – spannet 2024?",
                     "Hur stora var projekten 2024, från minst till störst?", "Vilken spännvidd hade budgetarna?"):
        assert understand(question, registry, latest_year=2024).asks_range, question
    for question in ("Rangordna nämnderna från minst till störst 2024", "Vilken nämnd fick mest och minst 2024?"):
        assert not understand(question, registry, latest_year=2024).asks_range, question

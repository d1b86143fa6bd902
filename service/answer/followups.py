"""Follow-ups about the previous answer: "vilken fond var det?", "hur mycket fick de?".

The conversation keeps the figures the last answer stated; a follow-up that points back
("de", "den", "det projektet", "they") takes its subject from the first of them, and a
"which fund / which year" question is answered from that figure and its source.
"""

from __future__ import annotations

import re

from core.entities import Registry, fold
from core.schemas import Fact, Query

WHICH_FUND = re.compile(r"vilken fond|vilket program|vilka fonder|which fund|which programme|what fund")
WHICH_YEAR = re.compile(r"vilket ar|vilka ar|which year|what year|nar var det|when was")
POINTS_BACK = re.compile(r"\b(de|dem|den|dessa|det projektet|projektet|they|them|it|that project|the project)\b")
SHORT = 7  # words: a longer question stands on its own


def points_back(query: Query) -> bool:
    q = fold(query.question)
    return len(query.question.split()) <= SHORT and bool(POINTS_BACK.search(q))


def with_subject(query: Query, previous: list[Fact]) -> Query:
    """'hur mycket fick de?' after a ranking: the subject is the previous answer's first figure."""
    if not previous or query.orgs or query.projects or not points_back(query):
        return query
    first = previous[0]
    update: dict[str, object] = {"orgs": [first.org], "inherited": [*query.inherited, "orgs"]}
    if first.project:
        update["projects"] = [first.project]
    if not query.years:
        update["years"] = [first.year]
    return query.model_copy(update=update)


def fund_of(fact: Fact, registry: Registry) -> str | None:
    if fact.fund:
        return fact.fund
    found = registry.find_funds(fact.quote)
    return found[0].entity_id if len({m.entity_id for m in found}) == 1 else None

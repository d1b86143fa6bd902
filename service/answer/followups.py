"""Follow-ups about the previous answer: "vilken fond var det?", "hur mycket fick de?".

The conversation keeps the figures the last answer stated; a follow-up that points back
("de", "den", "det projektet", "they") takes its subject from the first of them, and a
"which fund / which year" question is answered from that figure and its source.
"""

from __future__ import annotations

from core.entities import Registry
from core.schemas import Fact, Query


def points_back(query: Query) -> bool:
    return query.points_back


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

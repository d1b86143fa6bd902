"""Routes: which stage answers a question, from the Query's slots only. Table metrics by a
recognised subject go to the facts lookup; nouns the tables do not count, and subjects that are
no organisation, fund or goal (a project, an event), go to the figures of the running text; sums,
shares, rankings and thresholds over table metrics go to arithmetic.
"""

from __future__ import annotations

from core.schemas import Query
from service.answer.lookup import Found

TEXT_ROLES = {"requisition", "granted", "cost", "outcome"}  # roles the tables never state
ARITHMETIC = {"sum", "share", "pct_change", "threshold", "rank", "difference", "average"}


def arithmetic(query: Query) -> bool:
    return (query.metric not in (None, "figure") and not query.quantity
            and (query.operation in ARITHMETIC or query.threshold is not None) and query.intent != "check")


def between_roles(query: Query) -> bool:
    """A share or difference between two roles of one figure: outcome of what could be requisitioned, of
    what was granted, or of a named project's target."""
    if (query.asks_goal or query.goals_named or query.goals) and not query.project_ids:
        return False  # a kommunfullmäktige goal is no target of a project
    return query.operation in ("share", "difference") and (
        len(set(query.roles)) >= 2 or ("target" in query.roles and bool(query.project_ids)))


def statement(query: Query, ev: Found) -> bool:
    """Whether running-text figures answer: a noun the tables do not count, or a named project or
    event (never the city's or a fund's total in its place)."""
    if query.metric == "figure" or query.quantity:
        return True
    if query.metric is None and query.intent == "list" and query.names:
        return False  # "vilka samarbetar med i Sluta skjut": words about a project, not a figure
    if between_roles(query):
        return True  # "hur stor andel av det som kunde rekvireras blev utfall?", "… av målet på 200"
    if any(f.project or f.goal for f in ev.exact) or query.intent == "narrative":
        return False  # a project of a project table, a goal named by its words; a question for words
    if query.unit == "EUR" or TEXT_ROLES & set(query.roles):
        return True  # euro, "rekvirera", "beviljades", "budget för projektet": the tables have none of these
    if query.names and not query.goals:
        return True  # a project or event named, even with its organisation: its own figure first
    subject = query.orgs or query.goals or query.projects
    if subject or query.intent == "narrative" or not query.topic_terms:
        return False
    return not ev.exact or bool(query.names)

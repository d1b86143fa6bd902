"""The plan: an ordered registry of answerers. Each says from the Query's slots whether it applies and
gathers evidence (never text); the first that finds evidence answers. The order is the product's
judgement of what a question asks first: a question of which nothing is understood, a name nobody
knows and a claim whose number cannot be read are asked back before anything is looked up;
arithmetic and claims before plain figures; a named project's own figures before any table's; words
before a table when the question asks for words; the table facts last, with what is not reported and
the nearest figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from core.schemas import Evidence, Fact, Query
from service.answer import arithmetic, claims, projects, routes, table
from service.answer.lookup import Found, lookup
from service.answer.understand import reads_nothing, unread_numbers

if TYPE_CHECKING:
    from service.answer.engine import Engine


@dataclass
class Ask:
    """One question being answered: the engine's stores, the previous answer, the look-up done once."""

    engine: Engine
    previous: list[Fact] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # what the conversation was about (project names)
    earlier: list[Fact] = field(default_factory=list)  # the figures of the answer before the previous one
    _found: dict[int, Found] = field(default_factory=dict)

    def found(self, query: Query) -> Found:
        key = id(query)
        if key not in self._found:
            self._found[key] = lookup(query, self.engine.facts)
        return self._found[key]


class Answerer(Protocol):
    name: str

    def applies(self, query: Query, ask: Ask) -> bool: ...

    def gather(self, query: Query, ask: Ask) -> Evidence | None: ...


@dataclass(frozen=True)
class Step:
    """An answerer made of two functions of the Query (and the question's context)."""

    name: str
    applies: Callable[[Query, Ask], bool]
    gather: Callable[[Query, Ask], Evidence | None]


def _previous(query: Query, ask: Ask) -> Evidence | None:
    if not ask.previous and ask.names and query.about_previous == "fund":
        return ask.engine.words.fund_of_name(query, ask.names[0])
    return table.about_previous(query, ask.previous, ask.engine.registry)


def _arithmetic(query: Query, ask: Ask) -> Evidence | None:
    found = arithmetic.answer(query, ask.engine.facts)
    if found is None and query.operation == "rank":
        return ask.engine.words.no_ranking(query)
    return found


def _fund_claim(query: Query, ask: Ask) -> Evidence | None:
    engine = ask.engine
    for name in query.name_forms:
        card = projects.card(name, engine.retriever, engine.facts, engine.registry, engine.statements.texts)
        if card is not None and (verdict := claims.fund_verdict(query, name, card, engine.registry)) is not None:
            return verdict
    return None


def _goal_not_found(query: Query, ask: Ask) -> bool:
    """A question about a kommunfullmäktige goal whose row the reports leave empty (or do not have)."""
    return query.asks_goal and query.metric in ("eu_funds_paid", "project_count") and not any(
        f.goal for f in ask.found(query).exact) and not query.orgs


def _text_figures(query: Query, ask: Ask) -> Evidence | None:
    """A figure of the running text; a named project or event is never answered with another subject's."""
    found = ask.engine.figures.statement(query)
    if found is not None:
        return found
    if query.metric == "figure":
        return ask.engine.words.narrative(query)
    if query.names and (not query.orgs or not ask.found(query).exact) and not _table_project(query, ask):
        return ask.engine.words.nothing_for(query, query.names)
    return None


def _lists_projects(query: Query) -> bool:
    """'Vilka projekt hade ASF 2022?': the registry's projects of an organisation or fund."""
    return query.which_projects and not query.project_ids and bool(query.orgs or query.funds) and (
        query.intent not in ("count", "check"))


def _asks_about_project(query: Query, ask: Ask) -> bool:
    """A registry project asked what it is, who owns it, its partners or fund: told from its own text."""
    money = "money" in query.asks_about or query.metric == "eu_funds_paid"
    if query.operation in ("share", "difference", "sum", "average"):
        return False  # arithmetic over its figures
    if query.quantity and "results" not in query.asks_about:
        return False  # "hur många partnerstäder har Naturvation?": a figure of its text
    return bool(query.project_ids) and (query.asks == "what" or bool(set(query.asks_about) - {"money"})) and not (
        money and not set(query.asks_about) & {"owner", "partners", "results"})


def _table_project(query: Query, ask: Ask) -> bool:
    """A project of a project table (a row in some year): the table answers, with other years when needed."""
    return bool(query.projects) and bool(ask.engine.facts.where(has=["project"]) and any(
        f.project in query.projects for f in ask.engine.facts.where(has=["project"])))


def _asks_for_words(query: Query, ask: Ask) -> bool:
    # "Vilka samarbeten/nätverk …?": a list of something no table counts is told from the text
    about_a_name = query.metric is None and query.intent == "list" and bool(
        query.names or (query.dimension is None and not query.funds) or (query.orgs and not query.funds))
    return query.intent == "narrative" or (query.metric is None and not ask.found(query).exact) or about_a_name


def _words(query: Query, ask: Ask) -> Evidence:
    if query.asks == "what":
        return ask.engine.words.project_card(query) or ask.engine.words.narrative(query)
    return ask.engine.words.narrative(query)


def _table(query: Query, ask: Ask) -> Evidence | None:
    found = ask.found(query)
    facts = ask.engine.facts
    if query.intent == "list" and found.listing:
        return table.listing(found)
    if found.exact and query.intent == "series" and not query.years and len({f.year for f in found.exact}) > 1:
        # "genom åren": every year the reports cover, the years without a figure named as such
        covered = [d.meta.year for d in ask.engine.docs.values() if d.meta.year]
        found = replace(found, years=list(range(min(covered), max(covered) + 1)))
    if found.exact and query.intent in ("series", "comparison") and (len(found.years) > 1 or len(found.orgs) > 1):
        return table.series(found, "year" if len(found.years) > 1 else "org", facts)
    if found.exact and query.operation == "share" and len(found.exact) == 1 and (
            shared := arithmetic.share_of_fact(query, found.exact[0], facts)):
        return shared
    if found.exact:
        return table.exact(query, found, ask.engine.figures.verdict)
    split = arithmetic.split_sum(query, facts) if query.orgs else None
    return split or table.missing(query, found, ask.engine.words.fund_mentions)


def _operates_on_previous(query: Query, ask: Ask) -> bool:
    """'vad blir det i snitt per förvaltning?', 'hur mycket ökade det?': an operation on the answer before, asked
    without a subject of its own."""
    own = (set(query.orgs) - set(query.inherited and query.orgs)) if "orgs" in query.inherited else set(query.orgs)
    leans = query.points_back or bool(query.inherited) or not (query.orgs or query.years or query.funds)
    return bool(ask.previous) and query.operation in ("average", "sum", "difference", "pct_change") and leans and not (
        query.project_ids or query.names or own)


PLAN: tuple[Step, ...] = (
    Step("not_understood", lambda q, a: reads_nothing(q, a.engine.words.knows),
         lambda q, a: a.engine.words.not_understood()),
    Step("previous", lambda q, a: q.about_previous is not None, _previous),
    Step("on_previous", _operates_on_previous,
         lambda q, a: arithmetic.on_previous(q, a.previous, a.earlier, a.engine.facts)),
    Step("unresolved", lambda q, a: bool(q.unresolved) and not q.orgs, lambda q, a: table.unresolved(q)),
    Step("did_you_mean", lambda q, a: bool(q.did_you_mean) and not q.orgs, lambda q, a: table.did_you_mean(q)),
    Step("unreadable_claim", lambda q, a: q.claimed is None and bool(unread_numbers(q)),
         lambda q, a: claims.unreadable(unread_numbers(q))),
    Step("range", lambda q, a: q.asks_range, lambda q, a: a.engine.figures.span(q)),
    Step("arithmetic", lambda q, a: routes.arithmetic(q), _arithmetic),
    Step("share_claim", lambda q, a: q.intent == "check" and q.claimed_share is not None and q.metric not in (
        None, "figure"), lambda q, a: claims.share_verdict(q, a.found(q), a.engine.facts)),
    Step("rank_claim", lambda q, a: claims.is_rank_claim(q), lambda q, a: claims.rank_verdict(q, a.engine.facts)),
    Step("fund_claim", lambda q, a: q.intent == "check" and q.claimed is None and bool(q.funds), _fund_claim),
    Step("project_list", lambda q, a: _lists_projects(q), lambda q, a: a.engine.projects.listing(q)),
    Step("target_reached", lambda q, a: q.reached_target and bool(q.project_ids) and bool(q.asked_numbers),
         lambda q, a: a.engine.figures.target_verdict(q)),
    Step("projects_about", lambda q, a: q.projects_about and not q.project_ids,
         lambda q, a: a.engine.projects.about(q)),
    Step("project", _asks_about_project, lambda q, a: a.engine.projects.answer(q)),
    Step("project_card", lambda q, a: q.asks == "what" and bool(q.names), lambda q, a: a.engine.words.project_card(q)),
    Step("goal", _goal_not_found, lambda q, a: table.no_goal(q, a.engine.facts)),
    Step("text_figures", lambda q, a: routes.statement(q, a.found(q)), _text_figures),
    Step("project_figures", lambda q, a: bool(q.project_ids) and not _table_project(q, a),
         lambda q, a: a.engine.projects.answer(q)),
    Step("narrative", _asks_for_words, _words),
    Step("table", lambda q, a: True, _table),
)


def gather(query: Query, ask: Ask, trace: list[dict[str, object]] | None = None) -> Evidence:
    """The evidence of the first answerer that applies and finds some (`trace`: the answerers tried)."""
    tried = []
    for step in PLAN:
        if step.applies(query, ask):
            tried.append(step.name)
            if (found := step.gather(query, ask)) is not None:
                if trace is not None:
                    trace.append({"stage": "plan", "tried": tried})
                return found
    raise AssertionError("the table answerer always answers")  # pragma: no cover

"""The match contract: how each figure an answer uses matches the question, and whether the
answer's status and first sentence are honest about it.

A figure matches exactly when it is about the asked subject (the organisation, its nämnd or
förvaltning; the named project or event; the asked fund) and the asked year. Anything else is a
relaxation on a slot (subject, fund, year), recorded as "slot:what was used". An answer is
`answered` only when every figure it states as its answer is exact; a relaxation is allowed only
with status `partial` or `not_reported` and a first sentence saying what is missing. Figures that
a ranking, a share's whole or a claim's comparison needs are the question's own context, not a
relaxation of it. Computed here from the Query and the facts alone, so no answerer can claim a match
its figures do not have.
"""

from __future__ import annotations

from core.entities import CITY, Registry, fold
from core.lang import cue
from core.schemas import Answer, Fact, Query

NAME_WINDOW = 1500  # characters before a figure in which a project's name still heads its text
SUBJECT_FREE = {"rank", "threshold", "share"}  # operations whose answer is about other subjects too


def units(orgs: list[str], registry: Registry) -> set[str]:
    """The organisations with their nämnd or förvaltning and successor: what counts as the asked subject."""
    out = set(orgs)
    for org in orgs:
        entity = registry.organisations.get(org)
        out.add(registry.unit_of(org))
        if entity is not None and entity.pair:
            out.add(entity.pair)
        if entity is not None and entity.successor:
            out.add(entity.successor)
    return out


def known_names(names: list[str], texts: dict[str, str]) -> list[str]:
    """The names the reports use at all (folded): a capitalised word they never write ('October') anchors nothing."""
    return [n for n in (fold(x) for x in names if len(x) > 1) if any(n in t for t in texts.values())]


def _names_near(fact: Fact, folded: list[str], texts: dict[str, str]) -> bool:
    """The fact is about a named project or event: its row, its sentence or section, or the text just before."""
    if fact.project and any(n in fold(fact.project) or fold(fact.project) in n for n in folded):
        return True
    own = fold(f"{fact.section or ''} {fact.label} {fact.quote}")
    if any(n in own for n in folded):
        return True
    before = texts.get(fact.doc_id, "")[max(0, fact.span_start - NAME_WINDOW):fact.span_start]
    return any(n in before for n in folded)


def own_facts(query: Query, registry: Registry) -> set[str]:
    """The figures of the named projects' own text and table rows."""
    return {i for pid in query.project_ids if pid in registry.projects for i in registry.projects[pid].fact_ids}


def relaxed(query: Query, fact: Fact, registry: Registry, texts: dict[str, str]) -> list[str]:
    """The slots on which `fact` differs from what `query` asks ("year:2021", "subject:malmo_stad");
    empty when it matches exactly. `texts` are the documents' folded texts."""
    out: list[str] = []
    orgs = [o for o in query.orgs if o != CITY]
    names = known_names(query.names, texts) if not (query.projects or query.project_ids or query.funds
                                                    or query.goals_named) else []
    if orgs:
        asked = units(orgs, registry)
        said = {m.entity_id for m in registry.find_orgs(f"{fact.section or ''} {fact.quote}")} \
            if fact.source == "text" else set()  # a sentence in another chapter that names the organisation
        if not ({fact.org, fact.unit_org, registry.unit_of(fact.org)} | said) & asked:
            out.append(f"subject:{fact.org}")
    elif names and not (_names_near(fact, names, texts) if fact.source == "text" else fact.project):
        out.append(f"subject:{fact.org}")  # a project or event asked: a figure that is not its own
    if query.project_ids and fact.fact_id not in own_facts(query, registry):
        out.append(f"subject:{fact.project or fact.org}")  # a named project: only figures of its own text
    elif query.projects and fact.source != "text" and fact.project not in query.projects:
        out.append(f"subject:{fact.project or fact.org}")
    if query.funds and fact.source != "text" and fact.fund not in query.funds and not (
            fact.fund is None and {m.entity_id for m in registry.find_funds(f"{fact.project or ''} {fact.quote}")}
            & set(query.funds)):
        out.append(f"fund:{fact.fund or 'total'}")
    if query.years and fact.year not in query.years:
        out.append(f"year:{fact.year}")
    return out


def context_ids(answer: Answer, query: Query) -> set[str]:
    """Facts the question itself needs beside its subject: the rows of a ranking, a share's whole, the figure
    a ranking claim is compared with."""
    ids: set[str] = set()
    free = query.operation in SUBJECT_FREE or query.ranked or query.mainly or query.threshold is not None
    if free:
        ids.update(f.fact_id for f in answer.figures)
    for comp in answer.computations:
        if comp.op == "share":
            ids.add(comp.operands[-1])  # the whole
        if comp.op in ("difference", "pct_change") and len(query.years) <= 1:
            ids.update(comp.operands)  # a change asked of one year's figure compares it with another year
    return ids


def says_missing(answer: Answer) -> bool:
    """The first sentence says that something is not reported (or is something else)."""
    first = fold(answer.text.strip().split("\n", 1)[0])
    return bool(cue("missing_said").search(first))


def violations(answer: Answer, facts: list[Fact], registry: Registry, texts: dict[str, str]) -> list[str]:
    """What breaks the contract: an `answered` answer resting on a relaxed figure, or a partial or not-reported
    answer whose first sentence does not say what is missing."""
    query = answer.query
    free = context_ids(answer, query)
    bad: list[str] = []
    if answer.status == "answered":
        for fact in facts:
            if fact.fact_id in free:
                continue
            slots = relaxed(query, fact, registry, texts)
            if slots:
                bad.append(f"answered with {fact.fact_id} relaxed on {', '.join(slots)}")
    elif answer.status in ("partial", "not_reported") and facts and not says_missing(answer):
        bad.append(f"{answer.status} without saying first what is missing")
    return bad


def with_matches(answer: Answer, facts: list[Fact], registry: Registry, texts: dict[str, str]) -> Answer:
    """The answer with each figure's match recorded (empty: exact)."""
    by_id = {f.fact_id: f for f in facts}
    figures = [fig.model_copy(update={"relaxed": relaxed(answer.query, by_id[fig.fact_id], registry, texts)})
               if fig.fact_id in by_id else fig for fig in answer.figures]
    return answer.model_copy(update={"figures": figures})


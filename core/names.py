"""Names as people type them: organisations, funds and metrics, exact or misspelled.

One matcher for the question reader (service/answer/understand.py reads "miljönämden" as
Miljönämnden) and the filters of the facts API and CLI (`resolve_filters`): a name is compared
with rapidfuzz's ratio against every name of the registries, folded; a score of SURE or more for
one entity (no other within TIE) reads the name as that entity, a lower one from UNSURE, or
several entities that near, is asked back by understand and refused by a filter. A refusal names
the nearest names (`UnknownName`, a 422 in the API, exit 2 in the CLI).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from core.entities import Registry, fold
from core.errors import UnknownName
from core.vocabulary import load as load_vocabulary

SURE = 88  # rapidfuzz ratio from which a misspelled name is read as that name
UNSURE = 84  # from here to SURE: asked back ("Menade du …?"), or refused with the nearest names
TIE = 2  # names within this many points of the best are equally near: none of them is sure
PREFIX = 3  # typos keep the start: a name is compared only with names that begin with the same letters
NEAREST = 5  # names offered when a value is refused
SEPARATORS = re.compile(r"[\s,\-–_]+")

Names = Sequence[tuple[str, str]]  # (folded name, the id it names)


def key(text: str) -> str:
    """A name as it is compared: folded (case, å/ä/ö), separators as one blank."""
    return SEPARATORS.sub(" ", fold(text)).strip()


def misspelled(word: str, names: Iterable[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """(sure, unsure) ids a folded word nearly names: one sure id when a single id scores SURE or
    more (none other within TIE of it), else the ids from UNSURE up as unsure."""
    scored = [(fuzz.ratio(word, name), found) for name, found in names if name[:PREFIX] == word[:PREFIX]]
    best = max((s for s, _ in scored), default=0)
    if best >= SURE:
        near = sorted({found for s, found in scored if s >= best - TIE})
        return (near, []) if len(near) == 1 else ([], near)
    if best >= UNSURE:
        return [], sorted({found for s, found in scored if s >= UNSURE})
    return [], []


def nearest(word: str, names: Names, *, first: Sequence[str] = (), limit: int = NEAREST) -> list[str]:
    """Up to `limit` ids whose names are nearest to a folded word (`first` before the others): what a
    refused value may have meant. Ranked by rapidfuzz's WRatio, which also ranks partial names ("miljo"),
    then by the plain ratio (the nearest in length among equals). A name under half the word's length
    ('mn' against 'gymnasienämnden') is no candidate: any part of the word would match it."""
    comparable = [n for n in names if 2 * len(n[0]) >= len(word)]
    ranked = sorted(comparable, key=lambda n: (-fuzz.WRatio(word, n[0]), -fuzz.ratio(word, n[0]), n[0]))
    return list(dict.fromkeys([*first, *(found for _, found in ranked)]))[:limit]


# --- the filters of the facts API and CLI ------------------------------------------------------------

FIELDS = {"org": "organisation", "fund": "fund or programme", "metric": "metric"}


@dataclass(frozen=True)
class Filters:
    """The org, fund and metric ids a listing of facts is filtered by, and which of them were read
    from a misspelled name (field -> id), to be said, never silently."""

    org: str | None = None
    fund: str | None = None
    metric: str | None = None
    interpreted: dict[str, str] = field(default_factory=dict)


@cache
def _names(registry: Registry, name: str) -> tuple[tuple[str, str], ...]:
    """(folded name, id) for every name of a field: an entity's name, aliases, colloquial names and id;
    a metric's id and its Swedish and English labels."""
    if name == "metric":
        metrics = load_vocabulary().metrics.values()
        return tuple(sorted({(key(n), m.id) for m in metrics for n in (m.id, m.sv, m.en)}))
    entities = (registry.organisations if name == "org" else registry.funds).values()
    return tuple(sorted({(key(n), e.id) for e in entities for n in (e.name, *e.aliases, *e.colloquial, e.id)}))


def _exact(registry: Registry, name: str, value: str) -> str | None:
    """The id an alias names as the text writes it (the registry's own matching, genitive s included)."""
    if name == "org":
        return registry.resolve_org(value) or registry.resolve_org_asked(value)
    if name == "fund":
        return registry.resolve_fund(value) or registry.resolve_fund_asked(value)
    return None


def _shown(registry: Registry, name: str, found: str) -> str:
    """An offered id as a person reads it: 'Miljönämnden (mn)'; a metric by its id."""
    entity = registry.organisations.get(found) if name == "org" else registry.funds.get(found)
    return f"{entity.name} ({found})" if name != "metric" and entity else found


def _hint(name: str) -> str:
    if name == "metric":
        return "use one of the metric ids above, or leave metric out"
    return f"use one of the names above (any alias of it works, or its id in parentheses), or leave {name} out"


def _resolve(registry: Registry, name: str, value: str) -> tuple[str, bool]:
    """(id, read from a misspelling) of a filter value, or UnknownName with the nearest names."""
    names = _names(registry, name)
    word = key(value)
    found = _exact(registry, name, value) or next((i for n, i in names if n == word), None)
    if found:
        return found, False
    sure, unsure = misspelled(word, names)
    if sure:
        return sure[0], True
    offered = [_shown(registry, name, i) for i in nearest(word, names, first=unsure)]
    raise UnknownName(name, value, offered, kind=FIELDS[name], hint=_hint(name))


def resolve_filters(registry: Registry, *, org: str | None = None, fund: str | None = None,
                    metric: str | None = None) -> Filters:
    """The ids of filter values as people type them: any alias, an id, or a near miss that is sure
    ("miljönämden"); an unknown or ambiguous value raises UnknownName naming the nearest names."""
    ids: dict[str, str] = {}
    interpreted: dict[str, str] = {}
    for name, value in (("org", org), ("fund", fund), ("metric", metric)):
        if value:
            ids[name], typo = _resolve(registry, name, value)
            if typo:
                interpreted[name] = ids[name]
    return Filters(**ids, interpreted=interpreted)

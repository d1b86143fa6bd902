"""Projects across documents: one project per set of shared aliases or names spelled nearly alike.

The projects of every document are grouped as they come: a project joins each group that shares a key
(a folded alias) with it or has a key spelled nearly like one of its own ('Wisdom Innovation',
'Wisdome Innovation'), and those groups become one. Shared keys are looked up, near spellings compared
in rapidfuzz's C code against every long key seen, so many projects do not make the ingest crawl.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from rapidfuzz import fuzz, process

from core.entities import fold
from core.schemas import Project

SPELLING_LETTERS = 10  # names this long may be one name spelled twice
SPELLING_SCORE = 92  # fuzz.ratio of two spellings of one name


class _Groups:
    """Groups by number in order of creation. A project that joins several groups makes them one: the
    oldest keeps its place and gets the others' projects (from the newest), then the project."""

    def __init__(self) -> None:
        self.members: dict[int, list[Project]] = {}  # the live groups, oldest first
        self._owner: dict[str, int] = {}  # key -> the group that first had it
        self._into: dict[int, int] = {}  # a group made one with another -> that group
        self._long: list[str] = []  # keys long enough to be compared for spelling, and their groups
        self._long_group: list[int] = []
        self._made = 0

    def _live(self, group: int) -> int:
        while group in self._into:
            group = self._into[group]
        return group

    def _hits(self, mine: set[str]) -> list[int]:
        hit = {self._live(self._owner[key]) for key in mine if key in self._owner}
        for key in mine:
            if len(key) >= SPELLING_LETTERS:
                near = process.extract(key, self._long, scorer=fuzz.ratio, score_cutoff=SPELLING_SCORE, limit=None)
                hit.update(self._live(self._long_group[i]) for _, _, i in near)
        return sorted(hit)

    def add(self, project: Project) -> None:
        mine = {fold(a) for a in [project.name, *project.aliases] if len(a) >= 4 or a.isupper()}
        hit = self._hits(mine)
        if hit:
            group = hit[0]
            for other in reversed(hit[1:]):
                self.members[group] += self.members.pop(other)
                self._into[other] = group
            self.members[group].append(project)
        else:
            group, self._made = self._made, self._made + 1
            self.members[group] = [project]
        for key in mine:
            if key not in self._owner:
                self._owner[key] = group
                if len(key) >= SPELLING_LETTERS:
                    self._long.append(key)
                    self._long_group.append(group)


def merge(found: list[Project]) -> list[Project]:
    """One project per set of shared aliases, across documents; ids from the name."""
    groups = _Groups()
    for project in found:
        groups.add(project)
    return sorted((_merged(group) for group in groups.members.values()), key=lambda p: fold(p.name))


def _merged(group: list[Project]) -> Project:
    headed = [p for p in group if any(s.heading for s in p.sources)]
    counts = Counter(fold(p.name) for p in group for _ in p.sources)
    name = min((p.name for p in (headed or group)), key=lambda n: (-counts[fold(n)], len(n)))
    latest = sorted(group, key=lambda p: max(p.years or [0]), reverse=True)
    owner = next((p for p in latest if p.owner_quote), None) or next((p for p in latest if p.owner), None)
    partners = next((p for p in latest if p.partners), None)
    return Project(
        project_id=re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") + "-" + hashlib.sha1(
            name.encode()).hexdigest()[:6],
        name=name,
        aliases=sorted({a for p in group for a in [p.name, *p.aliases]} - {name}),
        owner=owner.owner if owner else None, owner_name=owner.owner_name if owner else None,
        owner_quote=owner.owner_quote if owner else None, owner_doc=owner.owner_doc if owner else None,
        owner_page=owner.owner_page if owner else None, owner_role=owner.owner_role if owner else None,
        reported_by=list(dict.fromkeys(o for p in group for o in p.reported_by)),
        partner_role=list(dict.fromkeys(o for p in group for o in p.partner_role)),
        partners=partners.partners if partners else [],
        partners_quote=partners.partners_quote if partners else None,
        funds=list(dict.fromkeys(f for p in group for f in p.funds)),
        years=sorted({y for p in group for y in p.years}),
        fact_ids=list(dict.fromkeys(i for p in group for i in p.fact_ids)),
        text=" ".join(p.text for p in group)[:6000],
        sources=list({(s.doc_id, s.quote): s for p in group  # one per place; a heading's wins
                      for s in sorted(p.sources, key=lambda s: s.heading)}.values()),
    )

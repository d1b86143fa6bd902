"""The alias registry: organisations and funds/programmes, kept as data in data/entities.toml.

Matching folds case and å/ä/ö/é (so "miljonamnden" finds miljönämnden), treats hyphens,
commas and spaces between words alike, and accepts a genitive s.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from core.errors import CorpusError
from core.schemas import Project

DEFAULT_REGISTRY = Path(__file__).parent / "data" / "entities.toml"
CITY = "malmo_stad"
_FOLD = str.maketrans("åäöéüÅÄÖÉÜ", "aaoeuaaoeu")
_SEPARATORS = r"[\s,\-–]+"


def fold(text: str) -> str:
    """Lower case without Swedish diacritics; same length as the input."""
    return text.lower().translate(_FOLD)


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    name_en: str
    aliases: tuple[str, ...]
    kind: str = "fund"
    pair: str | None = None
    successor: str | None = None
    predecessors: tuple[str, ...] = ()
    colloquial: tuple[str, ...] = ()  # how people ask ("kulturförv", "gymnasie o vux"); questions only


@dataclass(frozen=True)
class Mention:
    entity_id: str
    start: int
    end: int


def _alias_pattern(alias: str) -> str:
    words = [re.escape(w) for w in re.split(_SEPARATORS, fold(alias).strip()) if w]
    return _SEPARATORS.join(words)


FUND_TAILS = r"(?:en|et|erna)?(?:-?(?:projekt\w*|medel\w*|pengar\w*|finansier\w*|program\w*))?"


@dataclass
class _Matcher:
    entities: dict[str, Entity]
    tails: str = ""
    spoken: bool = False  # also the colloquial names (for questions, never for report text)
    pattern: re.Pattern[str] = field(init=False)
    by_alias: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.by_alias = {}
        for entity in self.entities.values():
            for alias in (entity.name, *entity.aliases, *(entity.colloquial if self.spoken else ())):
                key = re.sub(_SEPARATORS, " ", fold(alias)).strip()
                owner = self.by_alias.setdefault(key, entity.id)
                if owner != entity.id:
                    raise CorpusError(
                        f"entities.toml: alias '{alias}' belongs to both {owner} and {entity.id}",
                        hint="give every alias to one entity only",
                    )
        ordered = sorted(self.by_alias, key=len, reverse=True)
        alternatives = "|".join(f"(?:{_alias_pattern(a)})" for a in ordered)
        self.pattern = re.compile(rf"(?<![\w])((?:{alternatives}))(?:s)?{self.tails}(?![\w])")

    def find(self, text: str) -> list[Mention]:
        out = []
        for m in self.pattern.finditer(fold(text)):
            key = re.sub(_SEPARATORS, " ", m.group(1)).strip()
            entity_id = self.by_alias.get(key) or self.by_alias.get(key[:-1])
            if entity_id or (entity_id := self.by_alias.get(re.sub(_SEPARATORS, " ", m.group()).strip())):
                out.append(Mention(entity_id, m.start(), m.end()))
        return out

    def resolve(self, name: str) -> str | None:
        key = re.sub(_SEPARATORS, " ", fold(name)).strip()
        return self.by_alias.get(key) or (self.by_alias.get(key[:-1]) if key.endswith("s") else None)


class Registry:
    def __init__(self, organisations: list[Entity], funds: list[Entity]) -> None:
        self.organisations = {e.id: e for e in organisations}
        self.funds = {e.id: e for e in funds}
        self.projects: dict[str, Project] = {}

    def with_projects(self, projects: list[Project]) -> Registry:
        """This registry with the projects one build found (core.schemas.Project, from ingest/projects.py)."""
        out = Registry(list(self.organisations.values()), list(self.funds.values()))
        out.projects = {p.project_id: p for p in projects}
        return out

    @cached_property
    def _projects(self) -> _Matcher:
        taken = set(self._orgs.by_alias) | set(self._funds.by_alias)
        entities = []
        for p in self.projects.values():
            forms = []
            for form in (p.name, *p.aliases):
                key = re.sub(_SEPARATORS, " ", fold(form)).strip()
                if len(key) >= PROJECT_FORM and key not in taken and not _word_like(form):
                    taken.add(key)
                    forms.append(form)
            if forms:
                entities.append(Entity(id=p.project_id, name=forms[0], name_en=forms[0], aliases=tuple(forms[1:]),
                                       kind="project"))
        return _Matcher({e.id: e for e in entities})

    @cached_property
    def _acronyms(self) -> list[tuple[re.Pattern[str], str]]:
        """Names that are also words ('MORE', 'UNITY', 'Studiebesök', 'Rebus'): a project only when written as the
        reports write them, capitals and all ("flest studiebesök" names no project)."""
        return [(re.compile(rf"(?<!\w){re.escape(form)}(?!\w)"), p.project_id) for p in self.projects.values()
                for form in (p.name, *p.aliases) if len(form) >= PROJECT_FORM and _word_like(form)]

    def find_projects(self, text: str) -> list[Mention]:
        """Projects a text names by any of their forms (name, short name, acronym), case and accents aside."""
        if not self.projects:
            return []
        found = self._projects.find(text)
        found += [Mention(pid, m.start(), m.end()) for pattern, pid in self._acronyms for m in pattern.finditer(text)]
        return sorted(found, key=lambda m: m.start)

    @cached_property
    def _project_of_fact(self) -> dict[str, Project]:
        out: dict[str, Project] = {}
        for p in sorted(self.projects.values(), key=lambda p: len(p.fact_ids)):  # the narrowest claim wins
            for i in p.fact_ids:
                out.setdefault(i, p)
        return out

    def project_of_fact(self, fact_id: str) -> Project | None:
        """The project whose own text states a figure."""
        return self._project_of_fact.get(fact_id)

    def project_forms(self) -> list[tuple[str, str]]:
        """(folded form, project id) of every form a project goes by, for fuzzy matching of typed names."""
        return list(self._projects.by_alias.items()) if self.projects else []

    @classmethod
    def load(cls, path: Path = DEFAULT_REGISTRY) -> Registry:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise CorpusError(f"{path}: cannot read the alias registry: {exc}", hint="fix the TOML file") from exc
        try:
            orgs = [_entity(row, "organisation") for row in data.get("organisation", [])]
            funds = [_entity(row, "fund") for row in data.get("fund", [])]
        except (KeyError, TypeError) as exc:
            raise CorpusError(f"{path}: entry without {exc}", hint="every entry needs id, name and aliases") from exc
        return cls(orgs, funds)

    @cached_property
    def _orgs(self) -> _Matcher:
        return _Matcher(self.organisations)

    @cached_property
    def _funds(self) -> _Matcher:
        return _Matcher(self.funds, FUND_TAILS)

    @cached_property
    def _spoken_orgs(self) -> _Matcher:
        return _Matcher(self.organisations, spoken=True)

    @cached_property
    def _spoken_funds(self) -> _Matcher:
        return _Matcher(self.funds, FUND_TAILS, spoken=True)

    def find_orgs_asked(self, question: str) -> list[Mention]:
        """Organisations a question names, colloquial names included ("kulturförv", "grundskolan")."""
        return self._spoken_orgs.find(question)

    def find_funds_asked(self, question: str) -> list[Mention]:
        return self._spoken_funds.find(question)

    def find_orgs(self, text: str) -> list[Mention]:
        return self._orgs.find(text)

    def find_funds(self, text: str) -> list[Mention]:
        return self._funds.find(text)

    def resolve_org(self, name: str) -> str | None:
        return self._orgs.resolve(name)

    def resolve_fund(self, name: str) -> str | None:
        return self._funds.resolve(name)

    def resolve_org_asked(self, name: str) -> str | None:
        """The organisation a name as people say it names, colloquial names too ("kulturförv")."""
        return self._spoken_orgs.resolve(name)

    def resolve_fund_asked(self, name: str) -> str | None:
        return self._spoken_funds.resolve(name)

    def unit_of(self, org_id: str) -> str:
        """The nämnd an organisation answers to (itself for a nämnd or the city)."""
        org = self.organisations.get(org_id)
        if org and org.kind == "forvaltning" and org.pair:
            return org.pair
        return org_id

    def display(self, entity_id: str, lang: str = "sv") -> str:
        entity = self.organisations.get(entity_id) or self.funds.get(entity_id)
        if entity is None:
            return entity_id
        return entity.name_en if lang == "en" and entity.name_en else entity.name

    def domain_words(self) -> list[str]:
        """Names of all entities: extra vocabulary for OCR repair."""
        return [e.name for e in (*self.organisations.values(), *self.funds.values())]


PROJECT_FORM = 3  # characters: a shorter form names no project
COMMON = 2.5  # Zipf frequency from which a word is common in Swedish or English


def _word_like(form: str) -> bool:
    """A one-word name that is also a word of Swedish or English."""
    return " " not in form.strip() and _common_word(form)


def _common_word(word: str) -> bool:
    from wordfreq import zipf_frequency
    return max(zipf_frequency(word.lower(), "sv"), zipf_frequency(word.lower(), "en")) >= COMMON


def _entity(row: dict[str, object], kind: str) -> Entity:
    return Entity(
        id=str(row["id"]),
        name=str(row["name"]),
        name_en=str(row.get("name_en", row["name"])),
        aliases=tuple(str(a) for a in row["aliases"]),  # type: ignore[attr-defined]
        kind=str(row.get("kind", kind)),
        pair=str(row["pair"]) if row.get("pair") else None,
        successor=str(row["successor"]) if row.get("successor") else None,
        predecessors=tuple(str(p) for p in row.get("predecessors", ())),  # type: ignore[attr-defined]
        colloquial=tuple(str(a) for a in row.get("colloquial", ())),  # type: ignore[attr-defined]
    )

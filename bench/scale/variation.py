"""The rewrites that turn one real report into a new one with the same layout.

Three passes over the text, each keeping every line break and every character that is not
part of what it rewrites:

- organisations: each nämnd/förvaltning pair of the registry is swapped for another pair
  (a permutation, so a city-wide report still names every organisation once); every mention
  is re-rendered in the form it was written in (abbreviation, English, indefinite, lower
  case, ASCII as in the OCR text, genitive s);
- project names: the names listed in projects.toml get coined names, the same within a report;
- numbers: years shift by the report's offset (except in programme names such as
  "Horizon 2020"), diarienummer get the new year and serial, and amounts of money are scaled
  by the report's factor and rounded to their original precision. Table rows are rounded
  cumulatively so the rows still add up to their "Summa"/"Totalt" line to the krona.
"""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from core.entities import DEFAULT_REGISTRY, Entity, Registry, fold

HERE = Path(__file__).parent
_ASCII = str.maketrans("åäöéüÅÄÖÉÜ", "aaoeuAAOEU")
_SEPARATORS = re.compile(r"[\s,\-–]+")
ENGLISH = re.compile(r"\b(Committee|Department|Board|Administration|Office|Services?)\b")
INDEFINITE_ENDINGS = ("namnd", "forvaltning", "kontor", "styrelse")
HYPHEN_BREAK = re.compile(r"-[ \t]*\n[ \t]*(?:en|et)(?![\w])")
CITY_BODIES = {"ks", "stk"}  # the city's own bodies write the reports: never swapped


def ascii_fold(text: str) -> str:
    """å/ä/ö/é/ü to a/a/o/e/u, case kept (the OCR text writes names this way)."""
    return text.translate(_ASCII)


def keep_breaks(written: str, new: str) -> str:
    """`new` with the line break(s) `written` was broken at, so the text keeps its lines: at
    the new name's last space, or before a one-word name."""
    m = re.search(r"[ \t]*\n\s*", written)
    if m is None:
        return new
    if " " in new:
        head, _, tail = new.rpartition(" ")
        return f"{head}{m.group()}{tail}"
    return m.group().lstrip(" \t") + new


def _key(text: str) -> str:
    return _SEPARATORS.sub(" ", fold(text)).strip()


def swappable_units(registry: Registry, path: Path = DEFAULT_REGISTRY) -> list[tuple[str, str]]:
    """(nämnd, förvaltning) pairs that exist today, the city's own bodies left out."""
    ended = {row["id"] for row in tomllib.loads(path.read_text(encoding="utf-8"))["organisation"]
             if row.get("valid_to")}
    units = []
    for org in registry.organisations.values():
        partner = registry.organisations.get(org.pair or "")
        if (org.kind == "namnd" and partner and partner.pair == org.id and org.id not in CITY_BODIES
                and not {org.id, partner.id} & ended):
            units.append((org.id, partner.id))
    return sorted(units)


def org_permutation(units: list[tuple[str, str]], rng: random.Random) -> dict[str, str]:
    """org id -> org id: nämnd to nämnd and förvaltning to förvaltning of a shuffled pair."""
    targets = units[:]
    rng.shuffle(targets)
    mapping: dict[str, str] = {}
    for (n, f), (tn, tf) in zip(units, targets, strict=True):
        mapping[n], mapping[f] = tn, tf
    return mapping


def abbreviation(entity: Entity) -> str | None:
    return next((a for a in entity.aliases if a.isupper() and 2 <= len(a) <= 5 and a.isalpha()), None)


@dataclass
class OrgSwap:
    registry: Registry
    mapping: dict[str, str]
    _keys: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        self._keys = {e.id: {_key(a) for a in (e.name, *e.aliases)} for e in self.registry.organisations.values()}

    def apply(self, text: str) -> str:
        out, last = [], 0
        for m in self.registry.find_orgs(text):
            if m.entity_id not in self.mapping:
                continue
            source = self.registry.organisations[m.entity_id]
            target = self.registry.organisations[self.mapping[m.entity_id]]
            in_diarienummer = re.match(r"-(?:19|20)\d\d-", text[m.end:m.end + 6]) is not None
            broken = HYPHEN_BREAK.match(text, m.end)  # "socialförvaltning-\nen": the ending on the next line
            end = broken.end() if broken else m.end
            out += [text[last:m.start], self.render(text[m.start:end], source, target, in_diarienummer)]
            last = end
        out.append(text[last:])
        return "".join(out)

    def render(self, written: str, source: Entity, target: Entity, in_diarienummer: bool = False) -> str:
        """The target organisation written the way `written` names the source."""
        genitive = written[-1:] in "sS" and _key(written) not in self._keys[source.id]
        core = written[:-1] if genitive else written
        short = abbreviation(target)
        if in_diarienummer:
            name = short or target.id.upper()
        elif core.isupper() and len(core) <= 5:
            name = short or target.name
        elif ENGLISH.search(core):
            name = target.name_en
        else:
            name = target.name
            if _key(core).endswith(INDEFINITE_ENDINGS) and name.endswith(("en", "et")):
                name = name[:-2]
            if core[:1].islower():
                name = name[:1].lower() + name[1:]
            if core.isupper():
                name = name.upper()
            if ascii_fold(core) == core and ascii_fold(source.name) != source.name:
                name = ascii_fold(name)
        return keep_breaks(core, name) + (written[-1] if genitive else "")


# ---------------------------------------------------------------------------------------------
# Project names
# ---------------------------------------------------------------------------------------------

CONSONANTS = "bdfgklmnprstv"
VOWELS = "aeiou"
ENDINGS = ("kraft", "bron", "steget", "navet", "porten", "platsen", "huset", "ringen", "linjen", "hamnen",
           "parken", "lyftet", "torget", "fyren", "kvarteret", "spaaret")


def load_project_groups(path: Path = HERE / "projects.toml") -> list[list[str]]:
    """Each group lists the ways the reports write one project's name."""
    return [list(g) for g in tomllib.loads(path.read_text(encoding="utf-8"))["projects"]]


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class Coiner:
    """Invented names, never the same twice in one generated corpus."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self.rng, self.used = rng, {t.lower() for t in taken}

    def _fresh(self, make: object) -> str:
        for _ in range(1000):
            word = make()  # type: ignore[operator]
            if word.lower() not in self.used:
                self.used.add(word.lower())
                return str(word)
        raise RuntimeError("no fresh name left; add ENDINGS")

    def word(self) -> str:
        def make() -> str:
            stem = "".join(self.rng.choice(CONSONANTS) + self.rng.choice(VOWELS) for _ in range(self.rng.randint(1, 2)))
            return stem.capitalize() + self.rng.choice(ENDINGS)
        return self._fresh(make)

    def acronym(self, length: int) -> str:
        letters = "ABDEFGHIKLMNOPRSTUVY"
        return self._fresh(lambda: "".join(self.rng.choice(letters) for _ in range(max(3, length))))


def rename_project(name: str, coiner: Coiner) -> str:
    """A new name of the same shape: its first distinctive word replaced by a coined one."""
    words = name.split(" ")
    at = next((i for i, w in enumerate(words) if fold(w) not in ("malmo", "i", "och")), 0)
    word = words[at]
    if _is_acronym(word):
        new = coiner.acronym(sum(c.isalpha() for c in word))
    else:
        new = coiner.word()
        if word[:1].islower():
            new = new.lower()
    words[at] = new
    return " ".join(words)


@dataclass
class ProjectSwap:
    """Variant -> new name for one report; acronyms match case-sensitively, names ignore case."""

    renames: dict[str, str]
    _pattern: re.Pattern[str] | None = field(init=False, default=None)
    _by_key: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        parts = []
        for variant in sorted(self.renames, key=len, reverse=True):
            words = [re.escape(ascii_fold(w)) for w in variant.split(" ")]
            body = r"[\s\-]+".join(words)
            parts.append(body if _is_acronym(variant) else f"(?i:{body})")
            self._by_key[self._norm(variant)] = self.renames[variant]
        if parts:
            self._pattern = re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?=s?(?![\w]))")

    @staticmethod
    def _norm(text: str) -> str:
        return re.sub(r"[\s\-]+", " ", ascii_fold(text).lower())

    def apply(self, text: str) -> str:
        if self._pattern is None:
            return text
        view = ascii_fold(text)  # same length as text
        out, last = [], 0
        for m in self._pattern.finditer(view):
            written = text[m.start():m.end()]
            new = self._by_key[self._norm(written)]
            if _is_acronym(written) and not _is_acronym(new):  # "REBUS" for "Rebus"
                new = new.upper()
            if ascii_fold(written) == written and ascii_fold(new) != new:
                new = ascii_fold(new)
            out += [text[last:m.start()], keep_breaks(written, new)]
            last = m.end()
        out.append(text[last:])
        return "".join(out)


def named_groups(groups: list[list[str]], text: str) -> list[list[str]]:
    """The groups whose project this text names (once per real report: its rewrites name the same)."""
    folded = fold(text)
    return [g for g in groups
            if any(re.search(r"(?<![\w])" + re.escape(fold(v)).replace(r"\ ", r"[\s\-]+") + r"(?![\w])", folded)
                   for v in g)]


def project_renames(named: list[list[str]], coiner: Coiner) -> dict[str, str]:
    """Variant -> new name for the named projects (one coined name per group)."""
    renames: dict[str, str] = {}
    for group in named:
        new = rename_project(group[0], coiner)
        for variant in group:
            renames[variant] = _respell(variant, group[0], new)
    return renames


def _respell(variant: str, first: str, new: str) -> str:
    """The new name in the shape of one variant: an acronym variant keeps the acronym's case."""
    if variant == first:
        return new
    if _is_acronym(variant) and not _is_acronym(new):
        return new.upper()
    if not _is_acronym(variant) and _is_acronym(first):
        return new.capitalize()
    return new

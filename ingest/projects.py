"""Projects: every project the reports name, with its own text, owner, partners, funds and figures.

A project is found where a report names it as one: a table row of projects, a heading whose section
tells of a project ("Hela Familjen 2.0", "React-EU Uppsök"), "projektet X", "X-projektet", "X, som är
ett Erasmus+ projekt". Its own text is the section its name heads, or the stretch of a paragraph from
its name to the next project's. From that text alone come its owner ("X är projektägare", "Projektet
ägs av X", "Projekt där X är projektägare" above it), its partners, its funds and its figures (the
running-text figures and table rows that stand there). The same project in several reports, under
short names, acronyms or without a version number, is one project with aliases.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from core.entities import CITY, Registry, fold
from core.schemas import Document, Fact, Project, ProjectSource
from ingest.chunk import CONTEXT_OWNER, SENTENCE_END, Section, section_at, sections
from ingest.normalize import Normalized, swedish_vocabulary

WORD = r"[A-ZÅÄÖ0-9][\w+\-.&'’åäöÅÄÖ]*[\w+åäöÅÄÖ]|[A-ZÅÄÖ]"
LINK = r"(?:for|of|the|in|och|i|på|för|till|mot|med|–|-|&)"
NAME = rf"(?:{WORD})(?:[ \t]+(?:{WORD}|{LINK}[ \t]+(?:{WORD})))*"
QUOTED = r"[”\"“]([^”\"“\n]{3,70})[”\"“]"
KIND = r"(?:EU-|eu-|pilot|Pilot|samverkans|Samverkans|del|ackrediterings|forsknings|utvecklings|Erasmus\+?\s?|ESF-)?"
IN_TEXT = [
    re.compile(rf"\b{KIND}[Pp]rojekte[nt]\s+(?:{QUOTED}|({NAME}))"),
    re.compile(rf"(?<![\w-])({NAME})[\s-]projektet\b"),
    re.compile(rf"(?<![\w-])({NAME})(?:\s*\([^)\n]{{2,60}}\))?,?\s+(?:som\s+)?(?:är|var)\s+ett\s+(?:[\w+\-]+\s+){{0,3}}?"
               rf"[\w+\-]*projekt\b"),
]
GENERIC = {"projektet", "projekt", "eu", "malmo", "malmo stad", "erasmus", "erasmus+", "esf", "eruf", "det", "den",
           "detta", "ett", "en", "ett eu", "under", "inom", "genom", "sverige", "europa", "eu:s", "bland annat",
           "projektagare", "projektpart", "syftet", "malet", "resultatet", "inom ramen", "horisont", "horizon",
           "interreg", "fonden", "tillvaxtverket", "svenska esf-radet", "esf-radet", "sida", "kommunen"}
HEADING_WORDS = 6
TABLE_NUMBER = re.compile(r"\d[\d ]{2,}\d")  # an amount of a table row
TABLE_LINE = 3  # amounts in one "sentence": a flattened table, not a sentence about one project
LEAD_WORDS = 8  # a sentence this short that names a project leads the paragraph about it
OWN_SECTION = 5000  # characters: a project's section is no longer than this
NAME_FIRST = 1500  # characters of a section in which its owner sentence is looked for
OWNER = [
    re.compile(r"(?:^|[.;:\n]\s*|\bdär\s+|\boch\s+|\bAtt\s+)([\wåäöÅÄÖ][\w\-åäöÅÄÖ ]{2,70}?)\s+(?:är|var|blev)\s+"
               r"(?:ensam\s+|själva\s+)?projektägare(?:n)?\b(?!\s*/)", re.IGNORECASE),
    re.compile(r"\b(?:ägs|leds|drivs|ägdes|leddes|drevs|koordineras|samordnas|koordinerades|samordnades)\s+av\s+"
               r"([^.;:()]{3,100})", re.IGNORECASE),
    re.compile(r"\b(?:projektägare|koordinator|samordnare)(?:n)?(?:\s+för\s+projektet)?\s+(?:är|var)\s+"
               r"([^.;:,()]{3,80}?)(?:\s+och\s+övriga\b|$|[.;:,()])", re.IGNORECASE),
    re.compile(r"\bhar\s+(\S+(?:\s+\S+){0,3}?)\s+projektlett", re.IGNORECASE),
]
FUNCTION_WORDS = {"det", "den", "de", "genom", "ett", "en", "under", "inom", "i", "pa", "for", "med", "som", "har",
                  "projekt", "projektet"}
HEADING_STOP = {"utbetalt", "antal", "sek", "forvaltning", "forvaltningarnas", "sammanfattning", "bedomning",
                "bedeomning", "signerad", "exempel", "deltagande", "kompetensutveckling", "implementering", "aktuellt",
                "rapportering", "instammande", "samverkanspart", "samverkansparter", "tjansteskrivelse",
                "innehallsforteckning", "beslutsplanering", "arendet", "malomrade", "eu-projekt", "eu-relaterade"}
HAS_PROJECT = re.compile(r"\s*([A-ZÅÄÖ][\w\-åäöÅÄÖ ]{2,60}?)\s+har\s+(?:under \d{4}\s+)?(?:ett|två|tre)\s+"
                         r"(?:[\w\-]+\s+)?(?:EU-)?projekt\b")
# a sentence that goes on about the project named before it ("Projektet har …", "Satsningen ingår …")
REFERS_BACK = re.compile(r"(?:Projektet|Projektets|Det|Den|De|Dessa|Detta|Satsningen|Arbetet|Inom projektet|"
                         r"I projektet|Under projekttiden|Målet|Syftet|Resultatet|Därutöver|Dessutom|Vidare|Totalt)\b")
ITALIC = re.compile(r"(?<![*\w])\*([^*\n]{3,90})\*(?![*\w])")
COMMON_ZIPF = 3.0  # a word this common in Swedish does not name a project by itself
PARTNER_AFTER = re.compile(r"(?:partners?|samarbetspart(?:ner|er)|samverkanspart(?:ner|er)|samverkande|projektparter|"
                           r"deltagande aktörer(?:na)?)"
                           r"\s+(?:i projektet\s+)?(?:är|var|:)\s+([^.;]{3,250})", re.IGNORECASE)
PARTNER_BEFORE = re.compile(r"([^.;]{3,250}?)\s+(?:är|var)\s+(?:[\wåäö]+s\s+)?"
                            r"(?:samarbetspartners?|samverkanspart(?:er|ner)"
                            r"|partners?|projektparter)\b", re.IGNORECASE)
PARTNER_WITH = re.compile(r"\b(?:i samverkan med|i samarbete med|tillsammans med)\s+([^.;]{3,200})", re.IGNORECASE)
LIST_SPLIT = re.compile(r",\s*|(?<!-)\s+och\s+|\s+samt\s+|\s+and\s+")
PRONOUN_OWNER = re.compile(r"^(?:förvaltningen|nämnden|vi|staden)$", re.IGNORECASE)
VERSION = re.compile(r"\s+\d+(?:\.\d+)*$")
PREFIX = re.compile(r"^(?:React[\s-]*EU)\s+", re.IGNORECASE)


@dataclass
class Found:
    """A project as one document names it."""

    name: str
    aliases: set[str] = field(default_factory=set)
    spans: list[tuple[int, int, bool]] = field(default_factory=list)  # readable offsets, headed by the name
    context_owner: tuple[str, str] | None = None  # ("miljöförvaltningen", "projektägare") from the heading above


@lru_cache(maxsize=1)
def _zipf() -> dict[str, float]:
    return swedish_vocabulary()


def distinctive(name: str, text: str = "") -> bool:
    """A name, not a phrase of common words: an acronym, a number, a capitalised word after the first, or a
    word Swedish seldom uses ('Sida vid Sida', 'HÅPP', 'Hela Familjen 2.0', 'Äldreomsorgslyftet'; not 'Hela')."""
    words = re.findall(r"[\wåäöÅÄÖ+]+", name)
    if not words:
        return False
    if fold(words[0]) in FUNCTION_WORDS or any(fold(w) in HEADING_STOP for w in words) or name.isupper() and len(
            name) > 6 and _zipf().get(name.lower(), 0.0) >= COMMON_ZIPF:
        return False
    if any(len(re.findall(r"[A-ZÅÄÖ]", w)) >= 2 for w in words) or any(w.isdigit() for w in words):
        return True
    if any(w[0].isupper() for w in words[1:]):
        return True
    zipf = _zipf()
    rare = any(zipf.get(w.lower(), 0.0) < COMMON_ZIPF for w in words if len(w) > 2)
    # a rare word is a name only where the reports capitalise it inside a sentence ("för Äldreomsorgslyftet")
    return rare and bool(re.search(r"[a-zåäö,][ \t]+" + re.escape(name) + r"\b", text))


def _clean(name: str) -> str:
    name = re.sub(r"[*_]|[”\"“]|[^\w)+.]+$", "", name)
    name = re.sub(r"-\s*\n\s*", "", name)
    name = re.sub(r"\s+", " ", name).strip(" ,.:;-–")
    return name


def _valid(name: str, registry: Registry) -> bool:
    folded = fold(name)
    if len(name) < 3 or folded in GENERIC or not re.search(r"[A-ZÅÄÖ]", name[:1] + name[1:]) and not name.isupper():
        return False
    if not re.match(r"[A-ZÅÄÖ0-9]", name) or len(name.split()) > 8 or re.fullmatch(r"[\d\s.,]+", name):
        return False
    if registry.resolve_org(name) or registry.resolve_fund(name):
        return False  # an organisation or a fund, not a project
    return not re.search(r"\b(?:förvaltning|nämnd|kommun|stad)(?:en|ens)?$", folded.replace("a", "a"))


def aliases_of(name: str, after: str = "") -> set[str]:
    """The forms a project goes by: the name, without its version, its '/' and '–' parts, an acronym in
    parentheses after it ('TEN (Telepresence Network)'), without a 'React-EU' prefix."""
    out = {name}
    if (bare := VERSION.sub("", name)) and len(bare) >= 3:
        out.add(bare)
    for part in re.split(r"\s*/\s*", name):
        if len(part) >= 3:
            out.add(part.strip())
    head = re.split(r"\s+[–-]\s+", name)[0]
    if len(head) >= 4:
        out.add(head)
    if PREFIX.match(name):
        out.add(PREFIX.sub("", name))
    head_word = name.split()[0] if name.split() else ""
    if len(name.split()) == 2 and head_word.isupper() and len(head_word) >= 3:
        out.add(head_word)  # "TAMU Malmö" is also "TAMU"
    inside = re.match(r"\s*\(([^)\n]{2,60})\)", after)
    if inside and not re.search(r"\d{4}|\b(?:se|fotnot)\b", inside.group(1), re.IGNORECASE):
        out.add(_clean(inside.group(1)))
    return {a for a in out if len(a) >= 3 or a.isupper()}


def _title_lines(text: str) -> list[tuple[int, int, str]]:
    """Short title lines of plain text that head a project's paragraph: 'React-EU Uppsök' before 'Projektet …'."""
    out = []
    offset = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        stripped = line.strip()
        prev_blank = i == 0 or not lines[i - 1].strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if (prev_blank and nxt and 2 < len(stripped) <= 60 and len(stripped.split()) <= HEADING_WORDS
                and re.match(r"[A-ZÅÄÖ]", stripped) and not re.search(r"[.:;,]$|\d{3}|\(\d", stripped)
                and not re.match(r"\d", stripped)):
            follow = fold(text[offset + len(line): offset + len(line) + 600])
            if distinctive(stripped, text) and ("projekt" in follow or fold(stripped.split()[0]) in follow):
                out.append((offset, offset + len(line), stripped))
        offset += len(line)
    return out


@dataclass
class _Chapters:
    """A document's sections with what is asked of each again and again, worked out once: its cleaned title,
    the nearest section above it of a lower level, and what the nearest heading at or above it that settles
    a context owner says (an owner; False: a numbered chapter, no owner; None: no such heading)."""

    secs: list[Section]
    titles: list[str] = field(default_factory=list)
    parents: list[Section | None] = field(default_factory=list)
    settled: list[tuple[str, str] | bool | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        open_levels: list[Section] = []  # sections above, levels rising: the nearest lower one is on top
        for i, sec in enumerate(self.secs):
            title = _clean(sec.title)
            self.titles.append(title)
            while open_levels and open_levels[-1].level >= sec.level:
                open_levels.pop()
            self.parents.append(open_levels[-1] if open_levels else None)
            open_levels.append(sec)
            m = CONTEXT_OWNER.match(title)
            owner: tuple[str, str] | bool | None = (m.group(1), m.group(2).lower()) if m else None
            if owner is None:
                owner = False if re.match(r"\d", title) else (self.settled[i - 1] if i else None)
            self.settled.append(owner)

    def upto(self, pos: int) -> int:
        """How many sections start at or before `pos`."""
        return bisect.bisect_right(self.secs, pos, key=lambda sec: sec.start)


def _heads(text: str, chapters: _Chapters, registry: Registry) -> list[tuple[int, int, str, Section | None]]:
    """Headings that name a project: (start of its text, end, name, the section above it)."""
    out = []
    secs = chapters.secs
    for i, sec in enumerate(secs):
        title = chapters.titles[i]
        if not title or re.match(r"\d", title) or len(title.split()) > HEADING_WORDS:
            continue
        body = fold(text[sec.start: sec.start + 700])
        under_projects = _context_owner(text, sec.start, chapters, i) is not None
        below = body[body.find("\n") + 1:]  # the section's text under its heading line
        repeated = fold(title.split()[0]) in below if title.split() else False
        if _valid(title, registry) and (distinctive(title, text) or under_projects and not re.search(
                r"\b(?:" + "|".join(HEADING_STOP) + r")\b", fold(title))) and ("projekt" in body or repeated):
            out.append((sec.start, min(sec.end, sec.start + OWN_SECTION), title, chapters.parents[i]))
    taken = {s.start for s in secs}
    for start, end, title in _title_lines(text):
        if start in taken or not _valid(_clean(title), registry):
            continue
        nxt = chapters.upto(start)
        stop = secs[nxt].start if nxt < len(secs) else len(text)
        later = [a for a, _, _ in _title_lines(text[end:stop])]
        stop = min(stop, end + later[0] if later else stop, start + OWN_SECTION)
        above = section_at(secs, start)
        out.append((start, stop, _clean(title), above))
    return out


def _context_owner(text: str, start: int, chapters: _Chapters, upto: int) -> tuple[str, str] | None:
    """'Projekt där arbetsmarknads- och socialförvaltningen är projektägare' above the project's heading
    (among the first `upto` sections, else in the lines above `start`)."""
    settled = chapters.settled[upto - 1] if upto else None
    if settled is not None:
        return settled if isinstance(settled, tuple) else None  # False: a new numbered chapter, no owner above
    head = text[max(0, start - 3000): start]
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    for line in reversed(lines):
        m = CONTEXT_OWNER.match(_clean(line))
        if m:
            return m.group(1), m.group(2).lower()
        if re.match(r"\d+(\.\d+)*\s+[A-ZÅÄÖ]", line):
            return None
    return None


def found_in(doc: Document, norm: Normalized, registry: Registry, facts: list[Fact]) -> list[Found]:
    """The projects one document names, with the stretches of its text that are theirs."""
    text = norm.text
    chapters = _Chapters(sections(text, registry, scope=doc.meta.scope))
    by_name: dict[str, Found] = {}

    def add(name: str, start: int, end: int, headed: bool, after: str = "") -> Found | None:
        name = _clean(name)
        inside = re.match(r"(.{3,}?)\s*(\([^)]{2,40}\))$", name)
        if inside:
            name, after = inside.group(1), inside.group(2)
        if not _valid(name, registry):
            return None
        key = fold(VERSION.sub("", name))
        entry = by_name.setdefault(key, Found(name=name))
        if headed or len(name) > len(entry.name):
            entry.name = name if headed or not any(h for *_, h in entry.spans) else entry.name
        entry.aliases |= aliases_of(name, after)
        entry.spans.append((start, end, headed))
        return entry

    for start, end, title, _ in _heads(text, chapters, registry):
        entry = add(title, start, end, True)
        if entry is not None and entry.context_owner is None:
            entry.context_owner = _context_owner(text, start, chapters, chapters.upto(start))
    mentions: list[tuple[int, int, str, str]] = []
    for pattern in IN_TEXT:
        for m in pattern.finditer(text):
            group = next((g for g in m.groups() if g), None)
            if group is None:
                continue
            at = m.start(m.lastindex or 1)
            name = _clean(_trim(group))
            if not distinctive(name, text):
                continue
            mentions.append((at, at + len(group), name, text[m.end(m.lastindex or 1): m.end(m.lastindex or 1) + 70]))
    for m in ITALIC.finditer(doc.text):
        if re.search(r"projekt\S*\s+$", doc.text[max(0, m.start() - 30):m.start()], re.IGNORECASE):
            at = norm.to_normalized(m.start(1))
            mentions.append((at, at + len(m.group(1)), _clean(m.group(1)), ""))
    for row in facts:
        if row.project:
            at = norm.to_normalized(row.span_start)
            mentions.append((at, at + len(row.project), row.project, ""))
    mentions.sort()
    breaks = _Breaks(text)
    for i, (start, end, name, after) in enumerate(mentions):
        para_start, para_end = breaks.start(start), breaks.end(end)
        nxt = _next_other(mentions, i, para_end)
        add(name, max(para_start, start - 200), nxt, False, after)  # its paragraph: a bullet tells of one project
    return list(by_name.values())


def _next_other(mentions: list[tuple[int, int, str, str]], i: int, para_end: int) -> int:
    """Where the next mention of another project in the paragraph of mention `i` starts (mentions in order),
    else the paragraph's end."""
    name = fold(mentions[i][2])
    for start, _, other, _ in islice(mentions, i + 1, None):
        if start >= para_end:
            break
        if fold(other) != name:
            return start
    return para_end


def _names_in(folded_names: list[str], text: str) -> bool:
    """Whether `text` names one of the (folded) names."""
    folded = fold(text)
    return any(n in folded for n in folded_names)


def _told_until(text: str, start: int, para_end: int) -> int:
    """Where the text about a project named at `start` ends: its sentence and those that go on about it
    ("Projektet …", "Det …"), or the paragraph a short lead names ("- **ICT to Enhance Learning.** …")."""
    told = ((a, b) for a, b in _sentences_from(text, max(0, start - 400), para_end) if b > start)
    first = next(told, None)
    if first is None:
        return para_end
    end = first[1]
    lead = len(text[first[0]:first[1]].split()) <= LEAD_WORDS
    for a, b in told:
        if b > start + OWN_SECTION or not lead and not REFERS_BACK.match(text[a:b].lstrip()):
            break  # a project's own text is no longer than a section of its own
        end = b
    return end


def _trim(name: str) -> str:
    """A name read from running text ends at its last capitalised word ('Bostad Först och om' -> 'Bostad Först')."""
    words = name.split()
    while words and (re.fullmatch(LINK, words[-1]) or words[-1] in ("-", "–")):
        words.pop()
    return " ".join(words)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return list(_sentences_from(text, start, end))


def _sentences_from(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of text[start:end], read as they are asked for."""
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        if m.start() > pos and text[pos:m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if end > pos and text[pos:end].strip():
        yield pos, end


def _names(phrase: str, registry: Registry) -> list[str]:
    """Organisations, cities and countries in a list ('Malmö stad, Försäkringskassan och Primärvården i Region
    Skåne')."""
    phrase = re.sub(r"\s+", " ", re.sub(r"-\s*\n\s*", "", phrase))
    phrase = re.split(r"\s+(?:i projektet|som|där|vilket|med syfte|för att)\b", phrase)[0]
    out = []
    for item in LIST_SPLIT.split(phrase):
        item = item.strip(" ()”\"“")
        item = re.sub(r"^(?:de övriga samverkande är|är|var|bland annat|bl\.a\.|även)\s+", "", item,
                      flags=re.IGNORECASE)
        item = re.sub(r"\s*\([^)]*\)?$", "", item)
        item = re.split(r"\s+[–-]\s+", item)[0]  # "Barnafrid – Nationellt centrum för …": the name
        if item and (re.match(r"[A-ZÅÄÖ]", item) or registry.find_orgs(item)) and len(item.split()) <= 4:
            out.append(item)
    return out


def _lead_or_own(said: str) -> str:
    """'owner' when the sentence says projektägare or 'ägs av'; 'lead' for leds, drivs, koordineras, projektlett."""
    return "owner" if re.search(r"ägs|ägdes|projektägare", said, re.IGNORECASE) else "lead"


def _owner(text: str, spans: list[tuple[int, int, bool]], names: set[str], registry: Registry,
           chapter: str | None) -> tuple[str | None, str, int, str] | None:
    """(org id, owner as written, offset of its sentence, 'owner' or 'lead') from a sentence of the project's
    own text."""
    folded_names = [fold(n) for n in names]
    for start, end, headed in spans:
        sentences = _sentences(text, start, min(end, start + NAME_FIRST) if headed else end)
        for i, (a, b) in enumerate(sentences):
            sentence = text[a:b]
            if not headed and not _names_in(folded_names, sentence):
                nxt = text[sentences[i + 1][0]:sentences[i + 1][1]] if i + 1 < len(sentences) else ""
                has = HAS_PROJECT.match(sentence)
                if has and _names_in(folded_names, nxt):  # "X har ett projekt … Projektet HÅPP …"
                    orgs = [o.entity_id for o in registry.find_orgs(has.group(1)) if o.entity_id != CITY]
                    if orgs:
                        return orgs[0], _clean(has.group(1)), a, "owner"
                continue
            for pattern in OWNER:
                m = pattern.search(sentence)
                if not m:
                    continue
                said = _clean(re.sub(r"^(?:där|och|att)\s+", "", m.group(1), flags=re.IGNORECASE))
                said = re.split(r"\s+(?:och är|som|och delfinansieras|och finansieras|och är helfinansierat)\b",
                                said)[0]
                if _names_in(folded_names, said) or fold(said).startswith("projekt"):
                    continue
                if PRONOUN_OWNER.match(said):
                    before = [o.entity_id for o in registry.find_orgs(text[max(0, a - 400):a]) if o.entity_id != CITY]
                    org = before[-1] if before else chapter
                    if org is None:
                        continue
                    entity = registry.organisations.get(org)
                    return org, entity.name if entity else said, a, _lead_or_own(m.group(0))
                orgs = [o.entity_id for o in registry.find_orgs(said) if o.entity_id != CITY]
                return (orgs[0] if orgs else None), said, a, _lead_or_own(m.group(0))
    return None


def _partners(text: str, spans: list[tuple[int, int, bool]], names: set[str],
              registry: Registry) -> tuple[list[str], int] | None:
    folded_names = [fold(n) for n in names]
    for start, end, headed in spans:
        for a, b in _sentences(text, start, end):
            sentence = text[a:b]
            if not headed and not _names_in(folded_names, sentence):
                continue
            for pattern in (PARTNER_AFTER, PARTNER_BEFORE, PARTNER_WITH):
                m = pattern.search(sentence)
                if m and (found := [n for n in _names(m.group(1), registry)
                                    if not any(x in fold(n) for x in folded_names)]):
                    return found, a
    return None


def _quote(doc: Document, norm: Normalized, text: str, span: tuple[int, int]) -> tuple[str, int, int]:
    a, b = norm.span_to_original(*span)
    raw = doc.text[a:b]
    lead = len(raw) - len(raw.lstrip())
    return raw.strip(), a + lead, a + lead + len(raw.strip())


def describe(doc: Document, norm: Normalized, registry: Registry, facts: list[Fact]) -> list[Project]:
    """The projects of one document as Project rows (merged across documents by `merge`)."""
    text = norm.text
    secs = sections(text, registry, scope=doc.meta.scope)
    out = []
    for found in found_in(doc, norm, registry, facts):
        spans = sorted(set(found.spans), key=lambda s: (not s[2], s[0]))
        names = found.aliases | {found.name}
        chapter_orgs = [sec.org for s, _, _ in spans if (sec := section_at(secs, s)) and sec.org]
        chapter = Counter(chapter_orgs).most_common(1)[0][0] if chapter_orgs else None
        folded_names = [fold(n) for n in names]
        sources = []
        own_text = []
        for start, end, headed in spans:
            sentences = _sentences(text, start, end)
            named = [s for s in sentences if _names_in(folded_names, text[s[0]:s[1]])
                     and not text[s[0]:s[1]].lstrip().startswith("#") and len(text[s[0]:s[1]].split()) >= 5]
            body = [s for s in sentences if len(text[s[0]:s[1]].split()) >= 5]
            intro = (named or body or sentences or [(start, end)])[0]
            quote, qa, qb = _quote(doc, norm, text, intro)
            o_start, o_end = norm.span_to_original(start, end)
            sec = section_at(secs, start)
            sources.append(ProjectSource(doc_id=doc.doc_id, year=doc.meta.year, page=doc.page_at(qa).number,
                                         span_start=o_start, span_end=o_end, quote=quote, heading=headed,
                                         org=sec.org if sec else None))
            own_text.append(text[start:end])
        owner = _owner(text, spans, names, registry, chapter)
        project = Project(project_id="", name=found.name, aliases=sorted(found.aliases - {found.name}),
                          years=[doc.meta.year] if doc.meta.year else [], sources=sources,
                          reported_by=[o for o in dict.fromkeys(chapter_orgs) if o != CITY],
                          text=re.sub(r"\s+", " ", " ".join(own_text))[:4000])
        if found.context_owner:
            said, role = found.context_owner
            orgs = [m.entity_id for m in registry.find_orgs(said)]
            if role == "projektpart" and orgs:
                project.partner_role = orgs[:1]
            elif orgs and owner is None:
                project.owner, project.owner_name = orgs[0], said
        if owner is not None:
            org, said, at, kind = owner
            project.owner_role = kind
            sentence = next(s for sp in spans for s in _sentences(text, sp[0], sp[1]) if s[0] == at)
            quote, qa, _ = _quote(doc, norm, text, sentence)
            project.owner, project.owner_name, project.owner_quote = org, said, quote
            project.owner_doc, project.owner_page = doc.doc_id, doc.page_at(qa).number
        elif project.owner:
            project.owner_doc = doc.doc_id
        partners = _partners(text, spans, names, registry)
        if partners is not None:
            project.partners = partners[0]
            sentence = next(s for sp in spans for s in _sentences(text, sp[0], sp[1]) if s[0] == partners[1])
            project.partners_quote = _quote(doc, norm, text, sentence)[0]
        first = " ".join(text[s: min(e, s + 900)] if headed else " ".join(
            text[a:b] for a, b in _sentences(text, s, e) if _names_in(folded_names, text[a:b])
            and len(TABLE_NUMBER.findall(text[a:b])) < TABLE_LINE)  # a flattened table names every row's fund
            for s, e, headed in spans)
        first += " " + (project.owner_quote or "")  # "X har ett projekt som finansieras via ESF …"
        folded = set(folded_names)
        rows = [f.fund for f in facts if f.project and f.fund and fold(f.project) in folded]
        project.funds = list(dict.fromkeys([*rows, *(m.entity_id for m in registry.find_funds(first))]))
        owned = [norm.span_to_original(s, e) for s, e, _ in spans]
        project.fact_ids = [f.fact_id for f in facts
                            if (f.project and (fold(f.project) in folded or fold(VERSION.sub("", f.project)) in folded))
                            or (f.source == "text" and any(a <= f.span_start < b for a, b in owned))]
        out.append(project)
    return out


def attach(projects: list[Project], doc: Document, norm: Normalized, facts: list[Fact],
           registry: Registry) -> None:
    """Every sentence that names a project gives it the figures that follow its name, up to the next
    project's name or the paragraph's end ('HÅPP har genomfört kompetenskartläggning av 297 medarbetare')."""
    text = norm.text
    for_registry = registry.with_projects(projects)
    mentions = sorted(for_registry.find_projects(text), key=lambda m: m.start)
    by_id = {p.project_id: p for p in projects}
    text_facts = sorted((norm.to_normalized(f.span_start), i, f) for i, f in enumerate(facts) if f.source == "text")
    at_list = [at for at, _, _ in text_facts]
    breaks = _Breaks(text)
    for i, m in enumerate(mentions):
        sentence_end = _told_until(text, m.start, breaks.end(m.end))
        stop = sentence_end
        for n in islice(mentions, i + 1, None):
            if n.start >= sentence_end:
                break
            if n.entity_id != m.entity_id:
                stop = n.start
                break
        project = by_id[m.entity_id]
        owned = set(project.fact_ids)
        told = sorted(text_facts[bisect.bisect_left(at_list, m.start):bisect.bisect_left(at_list, stop)],
                      key=lambda found: found[1])  # in the order of `facts`
        project.fact_ids += [f.fact_id for _, _, f in told if f.fact_id not in owned]


class _Breaks:
    """Where the paragraphs of a text break ('\\n\\n'), found once: the paragraph around a position by bisection."""

    def __init__(self, text: str) -> None:
        self._at = [m.start() for m in re.finditer(r"(?=\n\n)", text)]
        self._length = len(text)

    def start(self, pos: int) -> int:
        """Where the paragraph holding `pos` starts (as text.rfind('\\n\\n', 0, pos) + 1)."""
        i = bisect.bisect_right(self._at, pos - 2) - 1
        return self._at[i] + 1 if i >= 0 else 0

    def end(self, pos: int) -> int:
        """Where the paragraph going on at `pos` ends (as text.find('\\n\\n', pos), else the text's end)."""
        i = bisect.bisect_left(self._at, pos)
        return self._at[i] if i < len(self._at) else self._length

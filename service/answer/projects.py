"""Project cards: "Vad är HÅPP?", "What is Rebus?".

A project named in a question is found where the reports write about it: the sentences that
name it, the section headed by it, the project tables. The card says who runs it (the
organisation whose chapter it stands in), which fund finances it (funds named in its
sentences), the amounts stated for it (table rows and running-text figures near its name),
and quotes the sentences that introduce it. Every line is a stored fact or a cited quote.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from core.entities import CITY, Registry, fold
from core.schemas import Chunk, Fact, Sentence
from service.answer.lookup import Facts
from service.answer.retrieve import Retriever

INTRO_SENTENCES = 5
NAME_BEFORE = 600  # characters before a stated amount in which the project's name still heads it
AMOUNTS = 4


@dataclass
class Card:
    name: str
    org: str | None = None
    funds: list[str] = field(default_factory=list)
    amounts: list[Fact] = field(default_factory=list)
    intro: list[tuple[Chunk, Sentence]] = field(default_factory=list)


def card(name: str, retriever: Retriever, facts: Facts, registry: Registry, texts: dict[str, str]) -> Card | None:
    """What the reports say about one project, or None when they never name it."""
    pattern = re.compile(r"(?<!\w)" + re.escape(fold(name)).replace(r"\ ", r"[\s\-]+") + r"(?!\w)")
    folded = zip(retriever.chunks, retriever.folded, strict=True)
    hits = [(c, bool(pattern.search(section))) for c, (text, section) in folded
            if pattern.search(text) or pattern.search(section)]
    if not hits:
        return None
    mentioned = [c for c, _ in hits]
    own = [c for c, heads in hits if heads]
    found = Card(name=name)
    orgs = Counter(c.orgs[0] for c in (own or mentioned) if c.orgs and c.orgs[0] != CITY)
    found.org = orgs.most_common(1)[0][0] if orgs else None
    sentences = [(c, s) for c in (own or mentioned) for s in c.sentences
                 if pattern.search(fold(s.text)) or c in own]
    funds = Counter(m.entity_id for _, s in sentences for m in registry.find_funds(s.text))
    found.funds = [f for f, _ in funds.most_common(2)]
    found.intro = _intro(sentences, pattern)
    found.amounts = _amounts(name, pattern, facts, texts)
    return found


def _intro(sentences: list[tuple[Chunk, Sentence]], pattern: re.Pattern[str]) -> list[tuple[Chunk, Sentence]]:
    """The sentences that name the project, in reading order, headings and fragments left out."""
    seen: set[int] = set()
    out = []
    for chunk, sentence in sorted(sentences, key=lambda cs: (cs[0].doc_id, cs[1].start)):
        text = sentence.text.lstrip()
        if sentence.start in seen or text.startswith("#") or len(text.split()) < 6:
            continue
        seen.add(sentence.start)
        out.append((chunk, sentence))
    named = [cs for cs in out if pattern.search(fold(cs[1].text))]
    return (named + [cs for cs in out if cs not in named])[:INTRO_SENTENCES]


def _amounts(name: str, pattern: re.Pattern[str], facts: Facts, texts: dict[str, str]) -> list[Fact]:
    """Table rows of the project, and money stated in its sentences or shortly after its name."""
    rows = [f for f in facts.where(has=["project"]) if f.project and fold(name) in fold(f.project)]
    text = [f for f in facts.where(source="text", unit=["SEK", "EUR"])
            if (pattern.search(fold(f.label)) or pattern.search(fold(texts.get(f.doc_id, "")[
                max(0, f.span_start - NAME_BEFORE):f.span_start])))]
    return (rows + text)[:AMOUNTS]

"""Answers in words: quotes chosen by relevance, project cards ("vad är HÅPP?"), what the reports
say about a named project when they give no figure for it, and funds named in the text. Each answerer
returns Evidence (notes with the phrase keys of core/data/lang/*/narrative.toml, facts and quoted
sentences); compose writes it."""

from __future__ import annotations

import re
from functools import cached_property

from core.entities import CITY, fold
from core.numbers import parse_figures
from core.schemas import Chunk, Evidence, Item, Note, Query, Sentence
from core.words import tokenize
from service.answer import projects
from service.answer.base import Sources
from service.answer.compose import Draft, clean
from service.answer.retrieve import Passage, best_sentences

NARRATIVE_SENTENCES = 5
OWN_CHAPTER = 10  # passages of the organisation's own chapter that a question about it may quote
NOT_RECEIVED = re.compile(r"ej inkommit|inte inkommit|har inte rapporterat|ej rapporterat", re.IGNORECASE)
ANSWERER = "narrative"
WORD = re.compile(r"[^\W\d_]+")
KNOWN_STEM = 4  # letters of a stem that makes a word of the question one of the reports'


def quoted(chunk: Chunk, sentence: Sentence, *, bullet: bool = False, raw: bool = False,
           use: str = "answer") -> Item:
    """A sentence of a chunk, quoted as the chunk reads it (cleaned of markup unless `raw`) and cited."""
    return Item(kind="sentence", doc_id=chunk.doc_id, start=sentence.start, end=sentence.end,
                chunk_id=chunk.chunk_id, section=chunk.section, bullet=bullet,
                text=sentence.text if raw else clean(sentence.text), use=use)


def years_text(query: Query) -> str:
    return ", ".join(str(y) for y in query.years)


class Narrative(Sources):
    @cached_property
    def _vocabulary(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words of the reports' passages and section headings, folded, and their stems; read once per build."""
        words = frozenset(fold(w) for c in self.retriever.chunks for w in WORD.findall(f"{c.section or ''} {c.text}"))
        return words, frozenset(t for w in words for t in tokenize(w))

    def knows(self, word: str) -> bool:
        """A word the reports use, as written or by its stem ('projektens'); a short stem is no such word ('sit' of
        'sites')."""
        words, stems = self._vocabulary
        return fold(word) in words or any(len(t) >= KNOWN_STEM and t in stems for t in tokenize(word))

    @staticmethod
    def not_understood() -> Evidence:
        """A question of which nothing is understood: said, with no quotes that would answer another question."""
        return Evidence(answerer=ANSWERER, status="unclear", lines=[Note(key="narr_none")])

    def _org_list(self, query: Query, orgs: list[str]) -> str:
        """Several organisations' names joined with commas ('orgs:' joins with 'och'/'and')."""
        if len(orgs) == 1:
            return f"org:{orgs[0]}"
        names = Draft(query.lang, self.registry, self.docs)
        return "text:" + ", ".join(names.name(o) for o in orgs)

    def no_ranking(self, query: Query) -> Evidence:
        """A ranking the reports' tables do not give: said first, then what the text says."""
        what = f"metric:{query.metric or 'figure'}"
        when = years_text(query)
        head = (Note(key="narr_no_ranking_when", args={"what": what, "when": f"text:{when}"}) if when
                else Note(key="narr_no_ranking", args={"what": what}))
        told = self.narrative(query)
        body = told.lines[1:] if told.status == "answered" else []
        if body:
            return told.model_copy(update={"status": "partial", "lines": [head, *body]})
        return Evidence(answerer=ANSWERER, status="not_reported", lines=[head])

    def fund_mentions(self, query: Query, fund: str) -> list[Note | Item]:
        entity = self.registry.funds[fund]
        pattern = re.compile("|".join(re.escape(a) for a in (entity.name, *entity.aliases)), re.IGNORECASE)
        family = set(query.orgs) | {p for o in query.orgs if (p := self.facts.pair(o))}
        year = query.years[0] if query.years else None
        # the organisation's own chapters of that year that name the fund: a scan, no embedding (a figure
        # question whose split is missing stays a table look-up)
        passages = [Passage(c, 0.0, None, None) for c in self.retriever.chunks
                    if (not family or (c.orgs and c.orgs[0] in family)) and (year is None or c.year == year)
                    and pattern.search(c.text)]
        picked = [(p, s) for p, s in best_sentences(passages, f"{query.search_text} {entity.name}", limit=6,
                                                     must=pattern)
                  if len({m.entity_id for m in self.registry.find_funds(s.text)}) <= 2  # not overviews
                  and not any(f.money for f in parse_figures(s.text))][:4]  # names, not amounts to misread
        if not picked:
            return []
        lines: list[Note | Item] = [Note(key="narr_mentions", args={"fund": f"fund:{fund}"})]
        lines += [quoted(passage.chunk, sentence, bullet=True, raw=True) for passage, sentence in picked]
        return lines

    def project_card(self, query: Query) -> Evidence | None:
        """'Vad är HÅPP?': who runs it, which fund, the amounts stated for it, and how the reports describe it."""
        for name in query.name_forms:
            found = projects.card(name, self.retriever, self.facts, self.registry, self.statements.texts)
            if found is None or not found.intro:
                continue
            # the quotes are numbered first, as the project's introduction: the head cites the first, [1]
            lines: list[Note | Item] = [quoted(c, st, use="cite") for c, st in found.intro]
            head = (Note(key="narr_card_by", args={"name": f"text:{found.name}", "org": f"org:{found.org}",
                                                   "n": "text:1"}) if found.org
                    else Note(key="narr_card", args={"name": f"text:{found.name}", "n": "text:1"}))
            lines.append(head)
            if found.funds:
                funds = {f"fund{i}": f"fund:{f}" for i, f in enumerate(found.funds)}
                lines.append(Note(key=f"narr_funding_{len(funds)}", args=funds))
            for fact in found.amounts:
                lines.append(Item(kind="figure", fact_id=fact.fact_id, quote=False, bullet=True)
                             if fact.source == "text" else Item(kind="fact", fact_id=fact.fact_id, bullet=True))
            lines.append(Note(key="narr_quotes"))
            lines += [quoted(c, st) for c, st in found.intro]
            return Evidence(answerer=ANSWERER, status="answered", lines=lines)
        return None

    def narrative(self, query: Query) -> Evidence:
        year = query.years[0] if len(query.years) == 1 else None
        family = [o for o in query.orgs if o != CITY] + [p for o in query.orgs if (p := self.facts.pair(o))]
        passages: list[Passage] = self.retriever.search(query.search_text, k=6, year=year, orgs=family or None)
        if family and year:
            mentioned = [c for c in self.retriever.chunks if c.year == year and set(c.orgs) & set(family)]
            own = [Passage(c, 0.0, None, None) for c in mentioned if c.orgs[0] in family]  # its own chapter
            silent = [(p, s) for p in own for s in p.chunk.sentences if NOT_RECEIVED.search(s.text)]
            if not mentioned or silent:
                lines: list[Note | Item] = [Note(key="narr_no_account", args={
                    "who": self._org_list(query, query.orgs), "year": f"year:{year}"})]
                lines += [quoted(p.chunk, s, raw=True) for p, s in silent[:1]]
                return Evidence(answerer=ANSWERER, status="not_reported", lines=lines)
            found = [p for p in passages if set(p.chunk.orgs) & set(family)]
            ids = {p.chunk.chunk_id for p in found}
            passages = (found + [p for p in own if p.chunk.chunk_id not in ids])[:OWN_CHAPTER] or passages
        names = query.names
        must = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE) if names else None
        intro: list[tuple[Passage, Sentence]] = []
        if must is not None:
            # a substring test on the texts folded once per build picks the few chunks the pattern can match
            folded = [fold(n) for n in names]
            texts = [(c, t, s) for c, (t, s) in zip(self.retriever.chunks, self.retriever.folded, strict=True)
                     if any(n in t or n in s for n in folded)]
            named = [Passage(c, 0.0, None, None) for c, _, _ in texts if must.search(c.text)]
            passages = [p for p in passages if must.search(p.chunk.text)] + named[:8]
            about = [c for c, _, _ in texts if must.search(c.section or "")]  # its own section
            intro = [(Passage(c, 0.0, None, None), st) for c in about[:1] for st in c.sentences[:4]
                     if len(st.text.split()) > 5 and not st.text.lstrip().startswith("#")][:2]
        official = [p for p in passages if p.chunk.doc_id not in self.retriever.unofficial]
        best = self._best(official, query, must) or self._best(passages, query, must)  # unlisted ones last
        seen = {s.start for _, s in intro}
        picked = (intro + [(p, st) for p, st in best if st.start not in seen])[:NARRATIVE_SENTENCES]
        if not picked and names:
            return Evidence(answerer=ANSWERER, status="not_reported", lines=[
                Note(key="narr_nothing_about", args={"names": "text:" + ", ".join(names)})])
        if not picked:
            return Evidence(answerer=ANSWERER, status="unclear", lines=[Note(key="narr_none")])
        return Evidence(answerer=ANSWERER, status="answered",
                        lines=[Note(key="narr_quotes"), *(quoted(p.chunk, st) for p, st in picked)])

    @staticmethod
    def _best(passages: list[Passage], query: Query, must: re.Pattern[str] | None) -> list[tuple[Passage, Sentence]]:
        return best_sentences(passages, query.search_text, limit=NARRATIVE_SENTENCES, must=must) or best_sentences(
            passages, query.search_text, limit=NARRATIVE_SENTENCES)

    def fund_of_name(self, query: Query, name: str) -> Evidence | None:
        found = projects.card(name, self.retriever, self.facts, self.registry, self.statements.texts)
        if found is None or not found.funds:
            return None
        fund = found.funds[0]
        mention = next(((c, st) for c, st in found.intro if self.registry.find_funds(st.text)), None)
        if mention is None:
            pattern = re.compile(re.escape(name), re.IGNORECASE)
            mention = next(((c, st) for c in self.retriever.chunks for st in c.sentences
                            if pattern.search(c.text) and any(m.entity_id == fund
                                                              for m in self.registry.find_funds(st.text))), None)
        if mention is None:
            return None
        # the quote below is the answer's only citation: [1]
        head = Note(key="narr_fund_of_name", args={"fund": f"fund:{fund}", "name": f"text:{name}", "n": "text:1"})
        return Evidence(answerer=ANSWERER, status="answered", lines=[head, quoted(*mention)])

    def nothing_for(self, query: Query, names: list[str]) -> Evidence:
        who = ", ".join(names)
        what = f"metric:{query.metric or 'figure'}"
        rows = [f for f in self.facts.where(metric=query.metric or "eu_funds_paid", has=["project"])
                if f.project and any(fold(n) in fold(f.project) for n in names)]

        def head(about: str) -> Note:
            args = {"what": what, "who": f"text:{about}"}
            if query.years:
                return Note(key="narr_not_stated_years", args={**args, "years": f"text:{years_text(query)}"})
            return Note(key="narr_not_stated", args=args)

        if rows:  # the project's own row, another year: offered as such
            lines: list[Note | Item] = [head(str(rows[0].project)), Note(key="narr_nearest_other_year")]
            lines += [Item(kind="fact", fact_id=f.fact_id, bullet=True) for f in self.facts.primary_rows(rows)]
            return Evidence(answerer=ANSWERER, status="not_reported", lines=lines)
        told = self.narrative(query)
        if told.status == "answered":
            said = Note(key="narr_said_about", args={"who": f"text:{who}"})
            return told.model_copy(update={"status": "not_reported", "lines": [head(who), said, *told.lines[1:]]})
        return Evidence(answerer=ANSWERER, status="not_reported", lines=[head(who)])

"""Answers in words: quotes chosen by relevance, project cards ("vad är HÅPP?"), what the reports
say about a named project when they give no figure for it, and funds named in the text."""

from __future__ import annotations

import re

from core.entities import CITY, fold
from core.numbers import parse_figures
from core.schemas import Answer, Query, Sentence
from service.answer import projects
from service.answer.base import EngineBase
from service.answer.compose import Draft, best_sentences, clean
from service.answer.retrieve import Passage
from service.answer.understand import VOCAB

NARRATIVE_SENTENCES = 5
OWN_CHAPTER = 10  # passages of the organisation's own chapter that a question about it may quote
NOT_RECEIVED = re.compile(r"ej inkommit|inte inkommit|har inte rapporterat|ej rapporterat", re.IGNORECASE)


class Narrative(EngineBase):
    def _no_ranking(self, query: Query, draft: Draft) -> Answer:
        """A ranking the reports' tables do not give: said first, then what the text says."""
        what = VOCAB.metric_label(query.metric or "figure", draft.lang)
        when = ", ".join(str(y) for y in query.years)
        head = (f"Rapporterna har ingen tabell som rangordnar {what} på det sättet{' för ' + when if when else ''}."
                if draft.lang == "sv" else f"The reports have no table ranking the {what} that way"
                f"{' for ' + when if when else ''}.")
        told = self._narrative(query, Draft(draft.lang, self.registry, self.docs))
        body = told.text.split("\n", 1)[1] if told.status == "answered" and "\n" in told.text else ""
        return told.model_copy(update={"status": "partial", "text": f"{head}\n{body}".strip()}) if body else \
            self._finish(query, draft, "not_reported", head, [], [])

    def _fund_mentions(self, query: Query, draft: Draft, fund: str) -> list[str]:
        entity = self.registry.funds[fund]
        pattern = re.compile("|".join(re.escape(a) for a in (entity.name, *entity.aliases)), re.IGNORECASE)
        family = set(query.orgs) | {p for o in query.orgs if (p := self.facts.pair(o))}
        year = query.years[0] if query.years else None
        passages = [p for p in self.retriever.search(f"{entity.name} {query.search_text}", k=12, year=year,
                                                     orgs=list(family))
                    if (not family or (p.chunk.orgs and p.chunk.orgs[0] in family))
                    and (year is None or p.chunk.year == year)]
        picked = [(p, s) for p, s in best_sentences(passages, f"{query.search_text} {entity.name}", limit=6,
                                                     must=pattern)
                  if len({m.entity_id for m in self.registry.find_funds(s.text)}) <= 2  # not overviews
                  and not any(f.money for f in parse_figures(s.text))][:4]  # names, not amounts to misread
        if not picked:
            return []
        lines = [draft.w("mentions").format(fund=self.registry.display(fund, draft.lang))]
        for passage, sentence in picked:
            lines.append(f"- ”{sentence.text}” [{draft.cite_sentence(passage, sentence)}]")
        return lines

    def _project_card(self, query: Query, draft: Draft) -> Answer | None:
        """'Vad är HÅPP?': who runs it, which fund, the amounts stated for it, and how the reports describe it."""
        for name in query.name_forms:
            found = projects.card(name, self.retriever, self.facts, self.registry, self.statements.texts)
            if found is None or not found.intro:
                continue
            sv = draft.lang == "sv"
            cites = [draft.cite_sentence(Passage(c, 0.0, None, None), st) for c, st in found.intro]
            by = (f" – redovisas av {draft.name(found.org)}" if sv else f" – reported by {draft.name(found.org)}"
                  ) if found.org else ""
            head = f"{found.name}{by} [{cites[0]}]."
            lines = [head]
            if found.funds:
                funds = ", ".join(self.registry.display(f, draft.lang) for f in found.funds)
                lines.append(f"{'Finansiering' if sv else 'Funding'}: {funds}.")
            for fact in found.amounts:
                lines.append("- " + (draft.state_figure(fact, quote=False) if fact.source == "text"
                                     else draft.state(fact)))
            lines.append(draft.w("quotes"))
            lines += [f"”{clean(st.text)}” [{n}]" for (_, st), n in zip(found.intro, cites, strict=True)]
            return self._finish(query, draft, "answered", "\n".join(lines), [], [])
        return None

    def _narrative(self, query: Query, draft: Draft) -> Answer:
        year = query.years[0] if len(query.years) == 1 else None
        family = [o for o in query.orgs if o != CITY] + [p for o in query.orgs if (p := self.facts.pair(o))]
        passages: list[Passage] = self.retriever.search(query.search_text, k=6, year=year, orgs=family or None)
        if family and year:
            mentioned = [c for c in self.retriever.chunks if c.year == year and set(c.orgs) & set(family)]
            own = [Passage(c, 0.0, None, None) for c in mentioned if c.orgs[0] in family]  # its own chapter
            silent = [(p, s) for p in own for s in p.chunk.sentences if NOT_RECEIVED.search(s.text)]
            if not mentioned or silent:
                who = ", ".join(draft.name(o) for o in query.orgs)
                lines = [draft.w("no_account").format(who=who, year=year)]
                lines += [f"”{s.text}” [{draft.cite_sentence(p, s)}]" for p, s in silent[:1]]
                return self._finish(query, draft, "not_reported", "\n".join(lines), [], [])
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
        best = best_sentences(passages, query.search_text, limit=NARRATIVE_SENTENCES, must=must) or best_sentences(
            passages, query.search_text, limit=NARRATIVE_SENTENCES)
        seen = {s.start for _, s in intro}
        picked = (intro + [(p, st) for p, st in best if st.start not in seen])[:NARRATIVE_SENTENCES]
        if not picked and names:
            text = (f"Jag hittar inget om {', '.join(names)} i rapporterna." if draft.lang == "sv" else
                    f"I find nothing about {', '.join(names)} in the reports.")
            return self._finish(query, draft, "not_reported", text, [], [])
        if not picked:
            return self._finish(query, draft, "unclear", draft.w("none"), [], [])
        lines = [draft.w("quotes")]
        for passage, sentence in picked:
            lines.append(f"”{clean(sentence.text)}” [{draft.cite_sentence(passage, sentence)}]")
        return self._finish(query, draft, "answered", "\n".join(lines), [], [])

    def _fund_of_name(self, query: Query, draft: Draft, name: str) -> Answer | None:
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
        n = draft.cite_sentence(Passage(mention[0], 0.0, None, None), mention[1])
        text = f"{self.registry.display(fund, draft.lang)} ({name}) [{n}].\n”{clean(mention[1].text)}” [{n}]"
        return self._finish(query, draft, "answered", text, [], [])

    def _nothing_for(self, query: Query, draft: Draft, names: list[str]) -> Answer:
        who = ", ".join(names)
        what = VOCAB.metric_label(query.metric or "figure", draft.lang)
        head = (f"Rapporterna anger inte {what} för {who}" if draft.lang == "sv"
                else f"The reports do not state the {what} for {who}")
        head += (f" {', '.join(map(str, query.years))}." if query.years else ".")
        rows = [f for f in self.facts.where(metric=query.metric or "eu_funds_paid", has=["project"])
                if f.project and any(fold(n) in fold(f.project) for n in names)]
        if rows:  # the project's own row, another year: offered as such
            head = head.replace(who, str(rows[0].project))
            lines = [head, "Närmast, från ett annat år:" if draft.lang == "sv" else "Nearest, from another year:"]
            lines += [f"- {draft.state(f)}" for f in self.facts.primary_rows(rows)]
            return self._finish(query, draft, "not_reported", "\n".join(lines), [], [])
        told = self._narrative(query, Draft(draft.lang, self.registry, self.docs))
        if told.status == "answered":
            body = told.text.split("\n", 1)[1] if "\n" in told.text else ""
            said = f"Det som sägs om {who}:" if draft.lang == "sv" else f"What the reports say about {who}:"
            return told.model_copy(update={"status": "not_reported", "text": f"{head}\n{said}\n{body}".strip()})
        return self._finish(query, draft, "not_reported", head, [], [])

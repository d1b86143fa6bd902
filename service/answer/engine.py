"""The answer engine: question -> verified Answer. Opens the stores once."""

from __future__ import annotations

import logging
import re
import threading
import uuid
from collections import Counter, OrderedDict

from langchain_core.embeddings import Embeddings

from core.entities import CITY, Registry, fold
from core.numbers import parse_figures
from core.schemas import Answer, Fact, Query, Sentence, TableRow
from core.settings import Settings
from service.answer import arithmetic, followups, projects, routes
from service.answer.compose import METRIC, WORDS, Draft, best_sentences, caveat, clean, nearest_lines, series_rows
from service.answer.lookup import Evidence, Facts, lookup, same_unit
from service.answer.retrieve import Passage, Retriever
from service.answer.statements import Match, StatementIndex
from service.answer.understand import ONE_MILLION, VOCAB, follow_up, understand
from service.answer.verify import verify
from stores.sql import Store

log = logging.getLogger("faktakoll.answer")
MAX_CONVERSATIONS = 1000
NARRATIVE_SENTENCES = 5
LOOSE_CLAIM = 0.1  # "nästan/drygt/ungefär X" holds within 10 % of X
SERIES_MATCHES = 12
NOT_RECEIVED = re.compile(r"ej inkommit|inte inkommit|har inte rapporterat|ej rapporterat", re.IGNORECASE)


class Engine:
    def __init__(self, settings: Settings, *, store: Store | None = None, embeddings: Embeddings | None = None,
                 build_id: str | None = None) -> None:
        # every read comes from one build (the newest when None), even while an ingest writes the next
        self.store = (store or Store(settings)).at_build(build_id)
        self.registry = Registry.load()
        self.docs = {d.doc_id: d for d in self.store.load_documents()}
        all_facts = self.store.load_facts()
        unofficial = {d.doc_id for d in self.docs.values() if not d.meta.official}
        self.facts = Facts(all_facts, self.store.load_checks(), self.registry, unofficial)
        self.statements = StatementIndex(all_facts, {d.doc_id: d.text for d in self.docs.values()})
        self.retriever = Retriever(settings, self.store, embeddings)
        build = self.store.current_build() or {}
        self.corpus_version = str(build.get("corpus_version", ""))
        self.latest_year = max((d.meta.year for d in self.docs.values() if d.meta.year), default=None)
        self.conversations: OrderedDict[str, Query] = OrderedDict()
        self.last_figures: OrderedDict[str, list[str]] = OrderedDict()  # what a follow-up can point back to
        self.last_names: dict[str, list[str]] = {}  # the project or event the conversation is about
        self.stats: Counter[str] = Counter()
        self._lock = threading.Lock()  # conversations and counters are shared between request threads

    def ask(self, question: str, *, lang: str | None = None, conversation_id: str | None = None) -> Answer:
        query = understand(question, self.registry, latest_year=self.latest_year, lang=lang)
        previous: list[Fact] = []
        if conversation_id:
            with self._lock:
                previous = [self.facts.by_id[i] for i in self.last_figures.get(conversation_id, [])
                            if i in self.facts.by_id]
                query = followups.with_subject(follow_up(query, self.conversations.get(conversation_id)), previous)
                if lang:
                    query = query.model_copy(update={"lang": lang})
                self.conversations[conversation_id] = query
                self.conversations.move_to_end(conversation_id)
                while len(self.conversations) > MAX_CONVERSATIONS:
                    self.conversations.popitem(last=False)
                    self.last_figures.pop(next(iter(self.last_figures)), None)
                    self.last_names.pop(next(iter(self.last_names)), None)
        named = self.last_names.get(conversation_id, []) if conversation_id else []
        answer = self._about_previous(query, previous, named) or self._answer(query)
        if conversation_id:
            with self._lock:
                if answer.figures:
                    self.last_figures[conversation_id] = [f.fact_id for f in answer.figures]
                names = routes.names_in(query, self.registry)
                if names:
                    self.last_names[conversation_id] = names
                    self.last_figures.pop(conversation_id, None) if not answer.figures else None
        bad = verify(answer, answer_facts := [self.facts.by_id[f.fact_id] for f in answer.figures],
                     self.facts.checks_for(answer_facts))
        with self._lock:
            self.stats["answers"] += 1
            if bad:
                self.stats["verification_failed"] += 1
        if bad:
            log.warning("answer failed verification (%s): %s", ", ".join(bad), question)
            answer = self._strict(answer)
        return answer

    def _about_previous(self, query: Query, previous: list[Fact], names: list[str]) -> Answer | None:
        """'vilken fond var det?', 'vilket år?': answered from the previous answer's first figure, or from
        what the reports say about the project the conversation is about."""
        q = fold(query.question)
        if len(query.question.split()) > followups.SHORT:
            return None
        draft = Draft(query.lang, self.registry, self.docs)
        if not previous and names and followups.WHICH_FUND.search(q):
            return self._fund_of_name(query, draft, names[0])
        if not previous:
            return None
        fact = previous[0]
        sv = draft.lang == "sv"
        if followups.WHICH_FUND.search(q):
            fund = followups.fund_of(fact, self.registry)
            n = draft.cite_fact(fact)
            about = fact.project or draft.name(fact.org)
            if fund is None:
                text = (f"Källan anger ingen fond för {about} [{n}]." if sv else
                        f"The source names no fund for {about} [{n}].")
                return self._finish(query, draft, "not_reported", text, [], [])
            name = self.registry.display(fund, draft.lang)
            text = f"{name} ({about}) [{n}]." if sv else f"{name} ({about}) [{n}]."
            return self._finish(query, draft, "answered", text, [], [])
        if followups.WHICH_YEAR.search(q):
            n = draft.cite_fact(fact)
            text = (f"Uppgiften gäller {fact.year} [{n}]." if sv else f"The figure is for {fact.year} [{n}].")
            return self._finish(query, draft, "answered", text, [], [])
        return None

    def _fund_of_name(self, query: Query, draft: Draft, name: str) -> Answer | None:
        found = projects.card(name, self.retriever.chunks, self.facts, self.registry, self.statements.texts)
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

    def new_conversation(self) -> str:
        return uuid.uuid4().hex

    # --- composing -----------------------------------------------------------------
    def _answer(self, query: Query) -> Answer:
        draft = Draft(query.lang, self.registry, self.docs)
        if query.unresolved and not query.orgs:
            return self._unresolved(query, draft)
        if routes.arithmetic(query):
            answer = arithmetic.answer(query, self.facts, draft, self._finish)
            if answer is not None:
                return answer
            if query.operation == "rank":
                return self._no_ranking(query, draft)
        if projects.asks_what(query.question) and routes.names_in(query, self.registry):
            card = self._project_card(query, draft)  # "vad är X", "vem är projektägare för X": the project itself
            if card is not None:
                return card
        ev = lookup(query, self.facts)
        if self._goal_not_found(query, ev):
            return self._no_goal(query, draft)
        if routes.statement(query, ev, self.registry):
            answer = self._statement(query, draft)
            if answer is not None or query.metric == "figure":
                return answer or self._narrative(query, draft)
            names = routes.names_in(query, self.registry)
            if names and not query.orgs:  # a project or event: never answered with the city's figure
                return self._nothing_for(query, draft, names)
            if names and not ev.exact:
                return self._nothing_for(query, draft, names)
        if query.intent == "narrative" or (query.metric is None and not ev.exact):
            if projects.asks_what(query.question):
                return self._project_card(query, draft) or self._narrative(query, draft)
            return self._narrative(query, draft)
        lines: list[str] = []
        table: list[TableRow] = []
        status = "answered"
        if query.intent == "list" and ev.listing:
            lines = [f"- {draft.state(f)}" for f in ev.listing[:15]]
        elif ev.exact and query.intent in ("series", "comparison") and (len(ev.years) > 1 or len(ev.orgs) > 1):
            key = "year" if len(ev.years) > 1 else "org"
            table, lines = series_rows(draft, ev, key)
            if any(r.value is None for r in table):
                status = "partial"
        elif ev.exact and query.operation == "share" and len(ev.exact) == 1 and (
                shared := arithmetic.share_of_fact(query, ev.exact[0], self.facts, draft, self._finish)):
            return shared
        elif ev.exact:
            lines = [draft.state(f) for f in ev.exact[:8]]
            lines += self._pair_note(draft, ev)
            if query.intent == "check" and query.claimed is not None:
                asked = [f for f in ev.exact if not query.years or f.year in query.years]
                lines.insert(0, self._verdict(draft, query, (asked or ev.exact)[0]))
        else:
            split = arithmetic.split_sum(query, self.facts, draft, self._finish) if query.orgs else None
            if split is not None:
                return split
            status, lines = self._missing(query, draft, ev)
        return self._finish(query, draft, status, "\n".join(lines), table, [])

    def _statement(self, query: Query, draft: Draft) -> Answer | None:
        """A figure from running text; None when nothing in the text fits the question."""
        year = query.years[0] if len(query.years) == 1 else None
        passages = self.retriever.search(f"{query.question} {query.topic or ''}", k=6, year=year,
                                         orgs=query.orgs or None)
        spans = [(p.chunk.doc_id, p.chunk.start, p.chunk.end) for p in passages]
        matches = self.statements.search(query, passages=spans, names=routes.names_in(query, self.registry),
                                         k=SERIES_MATCHES if query.intent == "series" else 5)
        if not matches:
            return None
        best = matches[0]
        sv = draft.lang == "sv"
        if query.years and best.fact.year not in query.years:
            asked = ", ".join(str(y) for y in query.years)
            what = query.quantity or ("det" if sv else "that")
            lines = [(f"Rapporterna anger inget om {what} för {asked}. Närmast, från ett annat år:" if sv else
                      f"The reports state nothing on {what} for {asked}. Nearest, from another year:"),
                     draft.state_figure(best.fact)]
            return self._finish(query, draft, "not_reported", "\n".join(lines), [], [])
        if query.quantity and not best.counted:
            lines = [(f"Rapporterna anger inget antal {query.quantity} som svarar exakt på frågan. Närmast:" if sv
                      else f"The reports give no figure for “{query.quantity}” that answers exactly. Nearest:"),
                     draft.state_figure(best.fact)]
            return self._finish(query, draft, "partial", "\n".join(lines), [], [])
        if query.intent == "check" and query.claimed is not None:
            like = best.counted or (not query.quantity and best.fact.unit == (query.unit or best.fact.unit))
            if not like:
                text = ("Rapporterna säger inget som går att jämföra med påståendet." if sv else
                        "The reports say nothing that can be compared with the claim.")
                return self._finish(query, draft, "not_reported", text, [], [])
            lines = [self._verdict(draft, query, best.fact), draft.state_figure(best.fact)]
            return self._finish(query, draft, "answered", "\n".join(lines), [], [])
        if query.operation == "rank" and best.counted:
            return self._ranked_figures(query, draft, [m for m in matches if m.counted])
        if query.intent == "series" and best.counted:
            return self._figure_series(query, draft, [m for m in matches if m.counted])
        lines = [draft.state_figure(best.fact)]
        same = [m for m in matches[1:6] if m.counted == best.counted and m.fact.label == best.fact.label
                and (not query.years or m.fact.year in query.years)]
        lines += [draft.state_figure(m.fact, quote=False) for m in same[:4]]
        more = [m for m in matches[1:4] if m.counted == best.counted and m.fact.label != best.fact.label
                and m.score >= best.score * 0.8 and m.fact.year == best.fact.year]
        if more:
            lines.append("Rapporterna nämner också:" if sv else "The reports also state:")
            lines += [draft.state_figure(m.fact) for m in more]
        return self._finish(query, draft, "answered", "\n".join(lines), [], [])

    def _nothing_for(self, query: Query, draft: Draft, names: list[str]) -> Answer:
        who = ", ".join(names)
        what = VOCAB.metric_label(query.metric or "figure", draft.lang)
        head = (f"Rapporterna anger inte {what} för {who}." if draft.lang == "sv"
                else f"The reports do not state the {what} for {who}.")
        told = self._narrative(query, Draft(draft.lang, self.registry, self.docs))
        if told.status == "answered":
            body = told.text.split("\n", 1)[1] if "\n" in told.text else ""
            said = f"Det som sägs om {who}:" if draft.lang == "sv" else f"What the reports say about {who}:"
            return told.model_copy(update={"status": "not_reported", "text": f"{head}\n{said}\n{body}".strip()})
        return self._finish(query, draft, "not_reported", head, [], [])

    def _ranked_figures(self, query: Query, draft: Draft, matches: list[Match]) -> Answer:
        """'Vilken förvaltning tog emot flest studiebesök?': the stated figures of that quantity, largest first."""
        matches = [m for m in matches if not query.years or m.fact.year in query.years] or matches
        ranked = sorted(matches, key=lambda m: m.fact.value, reverse=not query.fewest)
        sv = draft.lang == "sv"
        most = ("Minst" if query.fewest else "Störst") if sv else ("Smallest" if query.fewest else "Largest")
        lines = [f"{most} enligt rapporternas uppgifter:" if sv else f"{most} of the figures the reports state:"]
        lines += [draft.state_figure(m.fact) for m in ranked[:4]]
        lines.append("Rapporterna har ingen samlad tabell över detta; jämförelsen gäller de siffror som nämns i texten."
                     if sv else "The reports have no table of this; the comparison covers the figures the text states.")
        return self._finish(query, draft, "answered", "\n".join(lines), [], [])

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

    def _figure_series(self, query: Query, draft: Draft, matches: list[Match]) -> Answer:
        """'Hur har antalet skjutningar förändrats?': every year the text states, in order."""
        by_year: dict[int, Match] = {}
        for m in matches:
            if m.fact.quantity == matches[0].fact.quantity or m.fact.unit == matches[0].fact.unit:
                by_year.setdefault(m.fact.year, m)
        ordered = [by_year[y] for y in sorted(by_year)]
        lines = [draft.state_figure(m.fact) for m in ordered]
        return self._finish(query, draft, "answered", "\n".join(lines), [], [])

    def _unresolved(self, query: Query, draft: Draft) -> Answer:
        names = ", ".join(f"”{n}”" for n in query.unresolved)
        text = (f"Jag känner inte igen {names} som en nämnd eller förvaltning i rapporterna, så jag svarar inte med "
                "en annan organisations siffror. Skriv gärna hela namnet eller förkortningen (t.ex. ASF, SBK, GVF)."
                if draft.lang == "sv" else
                f"I do not recognise {names} as a committee or department in the reports, so I will not answer with "
                "another organisation's figures. Please give the full name or abbreviation (e.g. ASF, SBK, GVF).")
        return self._finish(query, draft, "unclear", text, [], [])

    def _pair_note(self, draft: Draft, ev: Evidence) -> list[str]:
        return [draft.w("pair").format(asked=draft.name(a), used=draft.name(u)) for a, u in ev.pair_used.items()]

    def _verdict(self, draft: Draft, query: Query, fact: Fact) -> str:
        """Ja / Nej / Delvis for a claimed figure against the reported one of the same quantity."""
        sv = draft.lang == "sv"
        claimed = query.claimed if query.claimed is not None else 0.0
        if query.threshold is not None and abs(query.threshold - claimed) < 0.5:
            holds = fact.value > query.threshold if query.above else fact.value < query.threshold
            near = abs(fact.value - query.threshold) <= fact.precision / 2
            if near:
                return "Delvis: beloppet ligger inom rapportens avrundning av gränsen." if sv else \
                    "Partly: the figure is within the report's rounding of the limit."
            return ("Ja, det stämmer." if holds else "Nej, det stämmer inte.") if sv else \
                ("Yes, that is correct." if holds else "No, that is not correct.")
        stated = [f for f in parse_figures(ONE_MILLION.sub("1 ", query.question))
                  if abs(f.value - claimed) < 0.5 * max(1.0, f.precision)]
        slack = max(0.5, fact.precision / 2, stated[0].precision / 2 if stated else 0.0)
        loose = bool(stated and stated[0].qualifier)  # "nästan en miljon", "drygt 4 miljoner", "ungefär 50"
        if loose and abs(claimed - fact.value) <= LOOSE_CLAIM * abs(claimed):
            return "Ja, ungefär: avrundat stämmer det." if sv else "Yes, roughly: as a rounded figure."
        if abs(claimed - fact.value) <= max(0.5, fact.precision / 2):
            return draft.w("exact_yes")
        if abs(claimed - fact.value) <= slack:
            return "Ja, avrundat stämmer det." if sv else "Yes, as a rounded figure."
        if abs(claimed - fact.value) <= 0.05 * abs(fact.value):
            return "Delvis: ungefär, men rapporten anger en annan siffra." if sv else \
                "Partly: roughly, but the report gives a different figure."
        return draft.w("no")

    def _missing(self, query: Query, draft: Draft, ev: Evidence) -> tuple[str, list[str]]:
        metric = METRIC.get(ev.metric, (ev.metric, ev.metric))[0 if draft.lang == "sv" else 1]
        who = ", ".join(draft.name(o) for o in ev.orgs)
        when = ", ".join(str(y) for y in ev.years)
        fund = query.funds[0] if query.funds else None
        others = [n for n in ev.nearest if n.reason == "other_fund"]
        if fund and others:
            fund_name = self.registry.display(fund, draft.lang)
            lines = [f"{draft.w('not_reported')} {metric} {'från' if draft.lang == 'sv' else 'from'} {fund_name} "
                     f"({who} {when}).", draft.w("split_lists")]
            lines += nearest_lines(draft, others)
            return "not_reported", lines
        totals = [n for n in ev.nearest if n.reason == "org_total"]
        if fund and totals:
            fund_name = self.registry.display(fund, draft.lang)
            lines = [f"{draft.w('split')} {fund_name} ({who} {when}).".replace(" ()", ""),
                     f"{draft.w('total_instead')}:"]
            lines += nearest_lines(draft, totals)
            lines += self._fund_mentions(query, draft, fund)
            return "partial", lines
        what = f"{metric} för {who} {when}" if draft.lang == "sv" else f"{metric} for {who} {when}"
        lines = [f"{draft.w('not_reported')} {what.strip()}."]
        if ev.nearest:
            lines.append(draft.w("nearest"))
            lines += nearest_lines(draft, ev.nearest)
        return "not_reported", lines

    def _fund_mentions(self, query: Query, draft: Draft, fund: str) -> list[str]:
        entity = self.registry.funds[fund]
        pattern = re.compile("|".join(re.escape(a) for a in (entity.name, *entity.aliases)), re.IGNORECASE)
        family = set(query.orgs) | {p for o in query.orgs if (p := self.facts.pair(o))}
        year = query.years[0] if query.years else None
        passages = [p for p in self.retriever.search(f"{entity.name} {query.question}", k=12, year=year,
                                                     orgs=list(family))
                    if (not family or (p.chunk.orgs and p.chunk.orgs[0] in family))
                    and (year is None or p.chunk.year == year)]
        picked = [(p, s) for p, s in best_sentences(passages, query.question + " " + entity.name, limit=6, must=pattern)
                  if len({m.entity_id for m in self.registry.find_funds(s.text)}) <= 2  # not overviews
                  and not any(f.money for f in parse_figures(s.text))][:4]  # names, not amounts to misread
        if not picked:
            return []
        lines = [draft.w("mentions").format(fund=self.registry.display(fund, draft.lang))]
        for passage, sentence in picked:
            lines.append(f"- ”{sentence.text}” [{draft.cite_sentence(passage, sentence)}]")
        return lines

    def _goal_not_found(self, query: Query, ev: Evidence) -> bool:
        """A question about a kommunfullmäktige goal whose row the reports leave empty (or do not have)."""
        asks_goal = re.search(r"kf-?mal|kommunfullmaktigemal|budgetmal|\bmalet\b|\bmal \d|goal", fold(query.question))
        return bool(asks_goal) and query.metric in ("eu_funds_paid", "project_count") and not any(
            f.goal for f in ev.exact) and not query.orgs

    def _no_goal(self, query: Query, draft: Draft) -> Answer:
        year = query.years[0] if query.years else None
        rows = [f for f in self.facts.facts if f.goal and f.metric == (query.metric or "eu_funds_paid")
                and f.role == "part" and (year is None or f.year == year)]
        sv = draft.lang == "sv"
        when = f" {year}" if year else ""
        lines = [f"Rapporterna anger inget belopp för det målet{when}; målen som redovisas:" if sv else
                 f"The reports state no figure for that goal{when}; the goals they report:"]
        lines += [f"- {draft.state(f)}" for f in self.facts.primary_rows(rows)[:8]]
        return self._finish(query, draft, "not_reported", "\n".join(lines) if rows else lines[0].split(";")[0] + ".",
                            [], [])

    def _project_card(self, query: Query, draft: Draft) -> Answer | None:
        """'Vad är HÅPP?': who runs it, which fund, the amounts stated for it, and how the reports describe it."""
        names = [v for n in routes.names_in(query, self.registry) for v in projects.variants(query.question, n)]
        for name in names:
            found = projects.card(name, self.retriever.chunks, self.facts, self.registry, self.statements.texts)
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
        passages: list[Passage] = self.retriever.search(query.question, k=6, year=year, orgs=family or None)
        if family and year:
            mentioned = [c for c in self.retriever.chunks if c.year == year and set(c.orgs) & set(family)]
            own = [Passage(c, 0.0, None, None) for c in mentioned if c.orgs[0] in family]  # its own chapter
            silent = [(p, s) for p in own for s in p.chunk.sentences if NOT_RECEIVED.search(s.text)]
            if not mentioned or silent:
                who = ", ".join(draft.name(o) for o in query.orgs)
                lines = [draft.w("no_account").format(who=who, year=year)]
                lines += [f"”{s.text}” [{draft.cite_sentence(p, s)}]" for p, s in silent[:1]]
                return self._finish(query, draft, "not_reported", "\n".join(lines), [], [])
            passages = [p for p in passages if set(p.chunk.orgs) & set(family)] or passages
        names = routes.names_in(query, self.registry)
        must = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE) if names else None
        intro: list[tuple[Passage, Sentence]] = []
        if must is not None:
            named = [Passage(c, 0.0, None, None) for c in self.retriever.chunks if must.search(c.text)]
            passages = [p for p in passages if must.search(p.chunk.text)] + named[:8]
            about = [c for c in self.retriever.chunks if must.search(c.section or "")]  # its own section
            intro = [(Passage(c, 0.0, None, None), st) for c in about[:1] for st in c.sentences[:4]
                     if len(st.text.split()) > 5 and not st.text.lstrip().startswith("#")][:2]
        best = best_sentences(passages, query.question, limit=NARRATIVE_SENTENCES, must=must) or best_sentences(
            passages, query.question, limit=NARRATIVE_SENTENCES)
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

    def _unofficial_caveats(self, draft: Draft) -> list[str]:
        """An unlisted document that states another value for a figure the answer uses is named."""
        out = []
        keys = {same_unit(f): f for f in draft.used if f.doc_id not in self.facts.unofficial}
        for other in self.facts.facts:
            used = keys.get(same_unit(other))
            if other.doc_id in self.facts.unofficial and used is not None and abs(other.value - used.value) > max(
                    used.precision, other.precision) / 2:
                n = draft.cite_fact(other)  # its title can be anything: named by its citation, not in the text
                out.append(f"Ett dokument som inte är en officiell källa [{n}] anger {other.display}; svaret bygger "
                           "på den officiella rapporten." if draft.lang == "sv" else
                           f"A document that is not an official source [{n}] states {other.display}; the answer "
                           "uses the official report.")
        return out

    def _finish(self, query: Query, draft: Draft, status: str, text: str, table: list[TableRow],
                caveats: list[str]) -> Answer:
        unofficial = [f for f in draft.used if f.doc_id in self.facts.unofficial]
        if unofficial:
            refs = ", ".join(dict.fromkeys(f"[{draft.cite_fact(f)}]" for f in unofficial))
            text = (f"OBS: uppgifter i svaret kommer från ett dokument som inte är en officiell källa {refs} "
                    f"(det finns inte i manifestet).\n{text}" if draft.lang == "sv" else
                    f"Note: figures in this answer come from a document that is not an official source {refs} "
                    f"(it is not in the manifest).\n{text}")
        stated = [caveat(c, draft, self.facts.by_id) for c in self.facts.checks_for(draft.used)
                  if not any(f.doc_id in self.facts.unofficial for f in c.figures)]  # named below instead
        caveats = list(dict.fromkeys(caveats + stated + self._unofficial_caveats(draft)))
        return Answer(question=query.question, lang=draft.lang, status=status, text=text, figures=draft.figures,
                      table=table, citations=draft.citations, caveats=caveats, query=query,
                      corpus_version=self.corpus_version, verified=True)

    def _strict(self, answer: Answer) -> Answer:
        """Fallback: only the stored facts, each as its own sourced line."""
        draft = Draft(answer.lang, self.registry, self.docs)
        used = [self.facts.by_id[f.fact_id] for f in answer.figures]
        lines = [draft.state_figure(f) if f.source == "text" else draft.state(f) for f in used]
        text = "\n".join(lines) or WORDS[answer.lang]["none"]
        return answer.model_copy(update={"text": text, "figures": draft.figures, "citations": draft.citations,
                                         "table": [], "caveats": [], "computations": [],
                                         "verified": False})


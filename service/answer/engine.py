"""The answer engine: question -> verified Answer. Opens the stores once."""

from __future__ import annotations

import logging
import re
import threading
import uuid
from collections import Counter, OrderedDict

from langchain_core.embeddings import Embeddings

from core.entities import Registry
from core.schemas import Answer, Evidence, Fact, Note, Query, TableRow
from core.settings import Settings
from service.answer import arithmetic, claims, contract, followups, projects, routes
from service.answer.compose import WORDS, Context, Draft, cite_span, compose, nearest_lines, say, series_rows
from service.answer.figure_answers import FigureAnswers
from service.answer.lookup import Facts, Found, lookup
from service.answer.narrative import Narrative
from service.answer.retrieve import Retriever
from service.answer.statements import StatementIndex
from service.answer.understand import VOCAB, Lexicon, asks_back, follow_up, understand
from service.answer.verify import verify
from service.conversations import ConversationAway, Conversations, MemoryConversations, next_turn
from stores.sql import Store

log = logging.getLogger("faktakoll.answer")
MARKER = re.compile(r"\[(\d+)\]")
FRESH_IDS = 1000


class Engine(FigureAnswers, Narrative):
    def __init__(self, settings: Settings, *, store: Store | None = None, embeddings: Embeddings | None = None,
                 build_id: str | None = None, conversations: Conversations | None = None) -> None:
        # every read comes from one build (the newest when None), even while an ingest writes the next
        self.store = (store or Store(settings)).at_build(build_id)
        self.registry = Registry.load()
        self.docs = {d.doc_id: d for d in self.store.load_documents()}
        unofficial = {d.doc_id for d in self.docs.values() if not d.meta.official}
        self.facts = Facts(self.store, self.store.load_checks(), self.registry, unofficial)
        # the running-text figures are searched by their words: the statement index holds them
        texts = {d.doc_id: d.text for d in self.docs.values()}
        self.statements = StatementIndex(self.facts.where(source="text"), texts)
        # what a question may name that only this build knows: its table projects and goal labels
        goals = {(f.goal_label, f.goal, f.year) for f in self.facts.where(has=["goal"]) if f.goal_label and f.goal}
        self.lexicon = Lexicon(projects=frozenset(p for p in self.facts.distinct("project") if p),
                               goals=tuple(sorted(goals)))
        self.retriever = Retriever(settings, self.store, embeddings)
        self.corpus_version = str((self.store.current_build() or {}).get("corpus_version", ""))
        self.ctx = Context(self.registry, self.docs, self.facts, self.corpus_version)
        build = self.store.current_build() or {}
        self.corpus_version = str(build.get("corpus_version", ""))
        self.latest_year = max((d.meta.year for d in self.docs.values() if d.meta.year), default=None)
        self.doc_names = {n for d in self.docs.values() for n in (d.meta.title, d.meta.short_name)}  # for verify
        # what a follow-up points back to; given by the server, shared by every build (and worker, with Redis)
        self.conversations = conversations if conversations is not None else MemoryConversations()
        self.stats: Counter[str] = Counter()
        self._lock = threading.Lock()  # counters are shared between request threads
        self._fresh: OrderedDict[str, bool] = OrderedDict()  # ids made here, not yet asked with

    def ask(self, question: str, *, lang: str | None = None, conversation_id: str | None = None,
            new: bool = False) -> Answer:
        """The verified answer; `conversation_id` keeps what a follow-up needs (`new`: an id just made,
        with nothing to read yet)."""
        query = understand(question, self.registry, latest_year=self.latest_year, lang=lang, lexicon=self.lexicon)
        new = self._fresh.pop(conversation_id or "", False) or new  # popped either way: only its first question
        try:
            before = self.conversations.get(conversation_id) if conversation_id and not new else None
            forgotten = None
        except ConversationAway:  # logged by the store: answered on its own, and the answer says so
            before, forgotten = None, "forgotten"
        if conversation_id and not new and before is None and forgotten is None and asks_back(query):
            forgotten = "unknown_conversation"  # expired, or Redis lost it: a follow-up without its context
        previous = [f for i in (before.figures if before else []) if (f := self.facts.by_id.get(i)) is not None]
        if conversation_id:
            query = followups.with_subject(follow_up(query, before.query if before else None, self.registry), previous)
            if lang:
                query = query.model_copy(update={"lang": lang})
        answer = self._checked(query, self._about_previous(query, previous, before.names if before else [])
                               or self._answer(query))
        if query.parts:  # every part answered on its own, unless only the question as a whole is answered
            parts = self._parts(query)
            if parts.status == "answered" or answer.status != "answered":
                answer = parts
        if conversation_id:
            self.conversations.put(conversation_id, next_turn(before, query, [f.fact_id for f in answer.figures],
                                                              query.names))
        if query.interpreted:  # a misspelled name read as an organisation: said
            names = ", ".join(Draft(answer.lang, self.registry, self.docs).name(o) for o in query.interpreted)
            answer = answer.model_copy(update={"caveats": [WORDS[answer.lang]["interpreted"].format(names=names),
                                                           *answer.caveats]})
        if forgotten:
            answer = answer.model_copy(update={"caveats": [WORDS[answer.lang][forgotten], *answer.caveats]})
        return answer

    def _checked(self, query: Query, result: Answer | Evidence) -> Answer:
        """compose (evidence -> text), verify (every number traced) and the match contract; a failing answer
        falls back to what holds."""
        answer = compose(result, query, self.ctx) if isinstance(result, Evidence) else result
        bad = verify(answer, answer_facts := [self.facts.by_id[f.fact_id] for f in answer.figures],
                     self.facts.checks_for(answer_facts), self.doc_names)
        broken = [] if bad else contract.violations(answer, answer_facts, self.registry, self.statements.folded)
        with self._lock:
            self.stats["answers"] += 1
            if bad:
                self.stats["verification_failed"] += 1
            if broken:
                self.stats["contract_violations"] += 1
        if bad:
            log.warning("answer failed verification (%s): %s", ", ".join(bad), answer.question)
            answer = self._strict(answer)
        elif broken:
            log.warning("answer broke the match contract (%s): %s", "; ".join(broken), answer.question)
            answer = self._honest(answer, answer_facts)
        return contract.with_matches(answer, answer_facts, self.registry, self.statements.folded)

    def _parts(self, query: Query) -> Answer:
        """A question of several parts: each part answered and checked in order (a part that points back, 'hur
        mycket fick de?', takes its subject from the part before), then one answer: answered only when every
        part is, and what is missing said first."""
        answers: list[Answer] = []
        previous: list[Fact] = []
        for part in query.parts:
            part = followups.with_subject(part, previous) if answers else part
            answer = self._checked(part, self._answer(part))
            answers.append(answer)
            previous = [f for fig in answer.figures if (f := self.facts.by_id.get(fig.fact_id)) is not None]
        lang = query.lang
        offset = 0
        texts: list[str] = []
        out = Answer(question=query.question, lang=lang, status="answered", text="", query=query,
                     corpus_version=self.corpus_version, verified=all(a.verified for a in answers))
        for answer in answers:
            def shift(m: re.Match[str], by: int = offset) -> str:
                return f"[{int(m.group(1)) + by}]"
            texts.append(f"» {answer.query.question}\n{MARKER.sub(shift, answer.text)}")
            out.figures += [f.model_copy(update={"citation": f.citation + offset}) for f in answer.figures]
            out.citations += [c.model_copy(update={"n": c.n + offset}) for c in answer.citations]
            out.table += [r.model_copy(update={"citation": r.citation + offset if r.citation else None})
                          for r in answer.table]
            out.computations += answer.computations
            out.caveats += [MARKER.sub(shift, c) for c in answer.caveats if MARKER.sub(shift, c) not in out.caveats]
            offset += len(answer.citations)
        missing = [a for a in answers if a.status != "answered"]
        if missing:
            head = "; ".join(WORDS[lang]["part_missing"].format(part=a.query.question) for a in missing)
            texts.insert(0, f"{head}.")
            out.status = "partial" if len(missing) < len(answers) else missing[0].status
        out.text = "\n\n".join(texts)
        return out

    def _about_previous(self, query: Query, previous: list[Fact], names: list[str]) -> Answer | Evidence | None:
        """'vilken fond var det?', 'vilket år?': answered from the previous answer's first figure, or from
        what the reports say about the project the conversation is about."""
        if query.about_previous is None:
            return None
        draft = Draft(query.lang, self.registry, self.docs)
        if not previous and names and query.about_previous == "fund":
            return self._fund_of_name(query, names[0])
        if not previous:
            return None
        fact = previous[0]
        sv = draft.lang == "sv"
        if query.about_previous == "fund":
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
        if query.about_previous == "year":
            n = draft.cite_fact(fact)
            text = (f"Uppgiften gäller {fact.year} [{n}]." if sv else f"The figure is for {fact.year} [{n}].")
            return self._finish(query, draft, "answered", text, [], [])
        return None

    def new_conversation(self) -> str:
        """A new id; its first question has nothing to read."""
        conversation_id = uuid.uuid4().hex
        self._fresh[conversation_id] = True
        while len(self._fresh) > FRESH_IDS:
            self._fresh.popitem(last=False)
        return conversation_id

    # --- composing -----------------------------------------------------------------
    def _answer(self, query: Query) -> Answer | Evidence:
        draft = Draft(query.lang, self.registry, self.docs)
        if query.unresolved and not query.orgs:
            return self._unresolved(query, draft)
        if query.did_you_mean and not query.orgs:  # a name nearly like several: asked back, no figures
            joiner = " eller " if draft.lang == "sv" else " or "
            text = draft.w("did_you_mean").format(names=joiner.join(draft.name(o) for o in query.did_you_mean))
            return self._finish(query, draft, "unclear", text, [], [])
        if routes.arithmetic(query):
            answer = arithmetic.answer(query, self.facts, draft, self._finish)
            if answer is not None:
                return answer
            if query.operation == "rank":
                return self._no_ranking(query)
        if claims.is_rank_claim(query):
            verdict = claims.rank_verdict(query, self.facts, draft, self._finish)
            if verdict is not None:
                return verdict
        if query.intent == "check" and query.claimed is None and query.funds:
            verdict = self._fund_claim(query, draft)
            if verdict is not None:
                return verdict
        if query.asks == "what" and query.names:
            card = self._project_card(query)  # "vad är X", "vem är projektägare för X": the project itself
            if card is not None:
                return card
        ev = lookup(query, self.facts)
        if self._goal_not_found(query, ev):
            return self._no_goal(query, draft)
        if routes.statement(query, ev):
            answer = self._statement(query, draft)
            if answer is not None or query.metric == "figure":
                return answer or self._narrative(query)
            names = query.names
            if names and not query.orgs:  # a project or event: never answered with the city's figure
                return self._nothing_for(query, names)
            if names and not ev.exact:
                return self._nothing_for(query, names)
        # "Vilka samarbeten/nätverk …?": a list of something no table counts is told from the text
        about_a_name = query.metric is None and query.intent == "list" and (
            query.names or (query.dimension is None and not query.funds))
        if query.intent == "narrative" or (query.metric is None and not ev.exact) or about_a_name:
            if query.asks == "what":
                return self._project_card(query) or self._narrative(query)
            return self._narrative(query)
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
            lines = self._pair_note(draft, ev) + [draft.state(f) for f in ev.exact[:8]]  # what is offered, first
            if query.intent == "check" and query.claimed is not None:
                asked = [f for f in ev.exact if not query.years or f.year in query.years]
                lines.insert(0, self._verdict(draft, query, (asked or ev.exact)[0]))
        else:
            split = arithmetic.split_sum(query, self.facts, draft, self._finish) if query.orgs else None
            if split is not None:
                return split
            status, lines = self._missing(query, draft, ev)
        return self._finish(query, draft, status, "\n".join(lines), table, [])

    def _unresolved(self, query: Query, draft: Draft) -> Answer:
        names = ", ".join(f"”{n}”" for n in query.unresolved)
        text = (f"Jag känner inte igen {names} som en nämnd eller förvaltning i rapporterna, så jag svarar inte med "
                "en annan organisations siffror. Skriv gärna hela namnet eller förkortningen (t.ex. ASF, SBK, GVF)."
                if draft.lang == "sv" else
                f"I do not recognise {names} as a committee or department in the reports, so I will not answer with "
                "another organisation's figures. Please give the full name or abbreviation (e.g. ASF, SBK, GVF).")
        return self._finish(query, draft, "unclear", text, [], [])

    def _pair_note(self, draft: Draft, ev: Found) -> list[str]:
        return [draft.w("pair").format(asked=draft.name(a), used=draft.name(u)) for a, u in ev.pair_used.items()]

    def _missing(self, query: Query, draft: Draft, ev: Found) -> tuple[str, list[str]]:
        metric = VOCAB.metric_label(ev.metric, draft.lang)
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
            for line in self._fund_mentions(query, fund):  # converted with the table path
                if isinstance(line, Note):
                    lines.append(say(draft, line, self.facts, []))
                else:
                    n, quote = cite_span(draft, line)
                    lines.append(f"{'- ' if line.bullet else ''}”{quote}” [{n}]")
            return "partial", lines
        what = f"{metric} för {who} {when}" if draft.lang == "sv" else f"{metric} for {who} {when}"
        lines = [f"{draft.w('not_reported')} {what.strip()}."]
        if ev.nearest:
            lines.append(draft.w("nearest"))
            lines += nearest_lines(draft, ev.nearest)
        return "not_reported", lines

    def _fund_claim(self, query: Query, draft: Draft) -> Answer | None:
        for name in query.name_forms:
            card = projects.card(name, self.retriever, self.facts, self.registry, self.statements.texts)
            if card is None:
                continue
            verdict = claims.fund_verdict(query, name, card, draft, self._finish, self.registry.display)
            if verdict is not None:
                return verdict
        return None

    def _goal_not_found(self, query: Query, ev: Found) -> bool:
        """A question about a kommunfullmäktige goal whose row the reports leave empty (or do not have)."""
        return query.asks_goal and query.metric in ("eu_funds_paid", "project_count") and not any(
            f.goal for f in ev.exact) and not query.orgs

    def _no_goal(self, query: Query, draft: Draft) -> Answer:
        year = query.years[0] if query.years else None
        rows = self.facts.where(metric=query.metric or "eu_funds_paid", role="part", year=year, has=["goal"])
        sv = draft.lang == "sv"
        when = f" {year}" if year else ""
        lines = [f"Rapporterna anger inget belopp för det målet{when}; målen som redovisas:" if sv else
                 f"The reports state no figure for that goal{when}; the goals they report:"]
        lines += [f"- {draft.state(f)}" for f in self.facts.primary_rows(rows)[:8]]
        return self._finish(query, draft, "not_reported", "\n".join(lines) if rows else lines[0].split(";")[0] + ".",
                            [], [])

    def _honest(self, answer: Answer, used: list[Fact]) -> Answer:
        """Fallback for an answer that broke the match contract: the figures that match the question exactly
        are the answer; with none, it is said first that the asked figure is not reported and what the figures
        shown concern instead, each with its source."""
        draft = Draft(answer.lang, self.registry, self.docs)
        folded = self.statements.folded
        exact = [f for f in used if not contract.relaxed(answer.query, f, self.registry, folded)]
        if exact:
            lines = [draft.state_figure(f) if f.source == "text" else draft.state(f) for f in exact]
            return self._finish(answer.query, draft, "answered", "\n".join(lines), [], [])
        what: list[str] = []
        for fact in used:
            for slot in contract.relaxed(answer.query, fact, self.registry, folded):
                name, value = slot.split(":", 1)
                shown = draft.name(value) if name == "subject" and value in self.registry.organisations else (
                    self.registry.display(value, answer.lang) if name == "fund" and value != "total" else value)
                what.append(draft.w(f"relaxed_{name}").format(value=shown))
        lines = [draft.w("honest").format(what=", ".join(dict.fromkeys(what)))]
        lines += [draft.state_figure(f) if f.source == "text" else draft.state(f) for f in used]
        return self._finish(answer.query, draft, "not_reported", "\n".join(lines), [], [])

    def _strict(self, answer: Answer) -> Answer:
        """Fallback: only the stored facts, each as its own sourced line."""
        draft = Draft(answer.lang, self.registry, self.docs)
        used = [self.facts.by_id[f.fact_id] for f in answer.figures]
        lines = [draft.state_figure(f) if f.source == "text" else draft.state(f) for f in used]
        text = "\n".join(lines) or WORDS[answer.lang]["none"]
        return answer.model_copy(update={"text": text, "figures": draft.figures, "citations": draft.citations,
                                         "table": [], "caveats": [], "computations": [],
                                         "verified": False})


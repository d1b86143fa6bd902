"""The answer engine: question -> verified Answer, one walk per question:
understand -> plan (the first answerer that applies) -> gather (evidence) -> compose (text) -> verify
(numbers traced, then the match contract). Opens the stores once."""

from __future__ import annotations

import logging
import re
import threading
import uuid
from collections import Counter, OrderedDict

from langchain_core.embeddings import Embeddings

from core.entities import Registry
from core.schemas import Answer, Evidence, Fact, Item, Note, Query
from core.settings import Settings
from core.vocabulary import load as vocabulary
from service.answer import citations, contract, followups, plan, readable
from service.answer.compose import WORDS, Context, compose
from service.answer.figure_answers import FigureAnswers
from service.answer.lookup import Facts
from service.answer.narrative import Narrative
from service.answer.projects import ProjectAnswers
from service.answer.retrieve import Retriever
from service.answer.statements import StatementIndex
from service.answer.understand import Lexicon, asks_back, follow_up, reads_nothing, understand
from service.answer.verify import check
from service.conversations import ConversationAway, Conversations, MemoryConversations, next_turn
from stores.sql import Store

log = logging.getLogger("faktakoll.answer")
MARKER = re.compile(r"\[(\d+)\]")
FRESH_IDS = 1000
RARE_TERMS = 4096  # word stems remembered per engine
RARE_SHARE = 0.025  # a word in at most this share of the passages is rare ...
RARE_MIN = 3  # ... or in at most this many


class Engine:
    def __init__(self, settings: Settings, *, store: Store | None = None, embeddings: Embeddings | None = None,
                 build_id: str | None = None, conversations: Conversations | None = None) -> None:
        # every read comes from one build (the newest when None), even while an ingest writes the next
        self.store = (store or Store(settings)).at_build(build_id)
        self.registry = Registry.load().with_projects(self.store.load_projects())
        self.docs = {d.doc_id: d for d in self.store.load_documents()}
        unofficial = {d.doc_id for d in self.docs.values() if not d.meta.official}
        self.facts: Facts = Facts(self.store, self.store.load_checks(), self.registry, unofficial)
        # the running-text figures are searched by their words: the statement index holds them
        texts = {d.doc_id: d.text for d in self.docs.values()}
        self.statements = StatementIndex(self.facts.where(source="text"), texts)
        # what a question may name that only this build knows: its table projects and goal labels
        goals = {(f.goal_label, f.goal, f.year) for f in self.facts.where(has=["goal"]) if f.goal_label and f.goal}
        goals |= {(name, goal, year) for label, goal, year in goals for name in vocabulary().english_goals(label)}
        self.lexicon = Lexicon(projects=frozenset(p for p in self.facts.distinct("project") if p),
                               goals=tuple(sorted(goals)))
        self.retriever = Retriever(settings, self.store, embeddings)
        self.corpus_version = str((self.store.current_build() or {}).get("corpus_version", ""))
        self.ctx = Context(self.registry, self.docs, self.facts, self.corpus_version, rare=self._rare)
        self.figures: FigureAnswers = FigureAnswers(self)  # answerers over the running text: figures, words
        self.words: Narrative = Narrative(self)
        self.projects: ProjectAnswers = ProjectAnswers(self)  # the registry's projects, from their own text
        self.latest_year = max((d.meta.year for d in self.docs.values() if d.meta.year), default=None)
        self.doc_names = {n for d in self.docs.values() for n in (d.meta.title, d.meta.short_name)}  # for verify
        # a project's name ("Hela Familjen 2.0", "Malmökraften 2:0") names it: its digits are no figure
        self.doc_names |= {n for p in self.registry.projects.values() for n in (p.shown(), p.name, *p.aliases)}
        # what a follow-up points back to; given by the server, shared by every build (and worker, with Redis)
        self.conversations = conversations if conversations is not None else MemoryConversations()
        self.stats: Counter[str] = Counter()
        self._lock = threading.Lock()  # counters are shared between request threads
        self._fresh: OrderedDict[str, bool] = OrderedDict()  # ids made here, not yet asked with
        self._rare_terms: dict[str, bool] = {}  # word stem -> few passages use it

    def ask(self, question: str, *, lang: str | None = None, conversation_id: str | None = None,
            new: bool = False, trace: list[dict[str, object]] | None = None) -> Answer:
        """The verified answer; `conversation_id` keeps what a follow-up needs (`new`: an id just made,
        with nothing to read yet); `trace` collects the question's walk, one entry per stage."""
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
        # a question of which nothing is understood ('xxxx') takes nothing from the one before, and leaves the
        # conversation as it was
        kept = bool(conversation_id) and not reads_nothing(query, self.words.knows)
        if kept:
            query = followups.with_subject(follow_up(query, before.query if before else None, self.registry), previous)
            if query.inherited == ["project_ids"] and not query.asks_about and not self.figures.has_own(query):
                query = query.model_copy(update={"project_ids": [], "names": [], "name_forms": [], "projects": [],
                                                 "inherited": []})  # the project's text has no such figure
            if query.that_year and not query.years and previous:  # "… det året?": the year of the answer before
                query = query.model_copy(update={"years": [previous[0].year], "inherited": [*query.inherited, "years"]})
            if query.parts and before is not None:  # "vem ägde det och hur mycket fick de?": each part points back
                query = query.model_copy(update={"parts": [
                    followups.with_subject(follow_up(p, before.query, self.registry), previous) for p in query.parts]})
            if lang:
                query = query.model_copy(update={"lang": lang})
        earlier = [f for i in (before.earlier if before else []) if (f := self.facts.by_id.get(i)) is not None]
        answer = self._walk(query, plan.Ask(self, previous, before.names if before else [], earlier), trace)
        if query.parts:  # every part answered on its own, unless only the question as a whole is answered
            parts = self._parts(query, trace)
            whole = {f.fact_id for f in answer.figures}
            # the parts say what the whole said, and ask a year it did not ("… 2024? And the year before?")
            covers = bool(whole) and whole <= {f.fact_id for f in parts.figures} and any(
                set(p.years) - set(query.years) for p in query.parts)
            if parts.status == "answered" or answer.status != "answered" or covers:
                answer = parts
        if conversation_id and kept:
            self.conversations.put(conversation_id, next_turn(before, query, [f.fact_id for f in answer.figures],
                                                              query.names))
        if query.interpreted:  # a misspelled name read as an organisation: said
            names = ", ".join(self.registry.display(o, answer.lang) for o in query.interpreted)
            answer = answer.model_copy(update={"caveats": [WORDS[answer.lang]["interpreted"].format(names=names),
                                                           *answer.caveats]})
        if forgotten:
            answer = answer.model_copy(update={"caveats": [WORDS[answer.lang][forgotten], *answer.caveats]})
        return answer

    def check(self, query: Query) -> Answer:
        """A claim read elsewhere (a sentence of a draft under review) walked like a question of its own; drafts
        can be confidential, so nothing of its text is logged."""
        return self._walk(query, plan.Ask(self), private=True)

    def _walk(self, query: Query, ask: plan.Ask, trace: list[dict[str, object]] | None = None, *,
              private: bool = False) -> Answer:
        """plan -> gather -> compose -> verify, each once: the evidence of the first answerer that finds some,
        written, its numbers traced and its match with the question checked; a failing answer falls back to
        what holds."""
        if trace is not None:
            shown = query.model_dump(exclude={"question", "parts", "search_text", "terms", "topic_terms"})
            trace.append({"stage": "understand", "question": query.question,
                          "slots": {k: v for k, v in shown.items() if v not in (None, [], False, "")}})
        evidence = plan.gather(query, ask, trace)
        answer = compose(evidence, query, self.ctx)
        report = check(answer, answer_facts := [self.facts.by_id[f.fact_id] for f in answer.figures],
                       self.facts.checks_for(answer_facts), self.doc_names, self.registry, self.statements.folded)
        bad, broken = report.numbers, report.contract
        with self._lock:
            self.stats["answers"] += 1
            self.stats[f"answerer:{evidence.answerer}"] += 1
            if bad:
                self.stats["verification_failed"] += 1
            if broken:
                self.stats["contract_violations"] += 1
        if bad:
            if private:  # a draft under review: never its text
                log.warning("answer failed verification (%s) of a draft's claim", ", ".join(bad))
            else:
                log.warning("answer failed verification (%s): %s", ", ".join(bad), answer.question)
            answer = self._strict(query, answer.status, answer_facts)
        elif broken:
            if private:
                log.warning("answer broke the match contract (%s) of a draft's claim", "; ".join(broken))
            else:
                log.warning("answer broke the match contract (%s): %s", "; ".join(broken), answer.question)
            answer = self._honest(query, answer_facts)
        answer = contract.with_matches(answer, answer_facts, self.registry, self.statements.folded)
        if trace is not None:
            trace.append({"stage": "gather", "answerer": evidence.answerer, "status": evidence.status,
                          "lines": len(evidence.lines), "facts": [f.fact_id for f in answer_facts]})
            trace.append({"stage": "compose", "status": answer.status, "text": answer.text.split("\n", 1)[0]})
            trace.append({"stage": "verify", "numbers": report.numbers, "contract": report.contract,
                          "fallback": "strict" if bad else "contract" if broken else None,
                          "relaxed": {f.fact_id: f.relaxed for f in answer.figures if f.relaxed}})
        return answer

    def _parts(self, query: Query, trace: list[dict[str, object]] | None = None) -> Answer:
        """A question of several parts: each part walked in order (a part that points back, 'hur mycket fick
        de?', takes its subject from the part before), then one answer: answered only when every part is, and
        what is missing said first."""
        answers: list[Answer] = []
        previous: list[Fact] = []
        for part in query.parts:
            part = followups.with_subject(part, previous) if answers else part
            answer = self._walk(part, plan.Ask(self), trace)
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
            # parts all answered with their figures say what they are about; else each is headed by its question
            head = "" if all(a.status == "answered" and a.figures for a in answers) else f"» {answer.query.question}\n"
            texts.append(head + MARKER.sub(shift, answer.text))
            out.figures += [f.model_copy(update={"citation": f.citation + offset}) for f in answer.figures]
            out.citations += [c.model_copy(update={"n": c.n + offset}) for c in answer.citations]
            out.table += [r.model_copy(update={"citation": r.citation + offset if r.citation else None})
                          for r in answer.table]
            out.computations += answer.computations
            out.caveats += [MARKER.sub(shift, c) for c in answer.caveats if MARKER.sub(shift, c) not in out.caveats]
            offset += len(answer.citations)
        texts = readable.once(texts, verdicts=query.intent == "check")  # each line once; three quotes
        verdicts = [self._verdict(a) for a in answers] if query.intent == "check" else []
        if verdicts and all(verdicts):  # a claim of several figures: one verdict, figure by figure below
            key = ("claims_all_yes" if all(v == "yes" for v in verdicts) else
                   "claims_all_no" if all(v == "no" for v in verdicts) else "claims_partly")
            texts.insert(0, WORDS[lang][key])
        missing = [a for a in answers if a.status != "answered"]
        if missing:
            head = "; ".join(WORDS[lang]["part_missing"].format(part=a.query.question) for a in missing)
            texts.insert(0, f"{head}.")
            out.status = "partial" if len(missing) < len(answers) else missing[0].status
        out.text = "\n\n".join(texts)
        return citations.one_per_source(out, self.docs)

    def _rare(self, term: str) -> bool:
        """A word stem few passages use (in at most RARE_SHARE of them): it names what a quote is about."""
        if term not in self._rare_terms:
            folded = self.retriever.folded
            if len(self._rare_terms) >= RARE_TERMS:
                self._rare_terms.clear()
            self._rare_terms[term] = sum(term in text for text, _ in folded) <= max(RARE_MIN, RARE_SHARE * len(folded))
        return self._rare_terms[term]

    @staticmethod
    def _verdict(answer: Answer) -> str | None:
        """'yes' or 'no' from the first word of a claim's answer ('Ja,', not 'Jag kan inte …'), None when it gives
        no verdict."""
        first = answer.text.split("\n", 1)[0].lstrip()
        words = WORDS[answer.lang]
        for verdict, key in (("yes", "verdict_yes_word"), ("no", "verdict_no_word")):
            if re.match(rf"{re.escape(words[key])}\b", first):
                return verdict
        return None

    def new_conversation(self) -> str:
        """A new id; its first question has nothing to read."""
        conversation_id = uuid.uuid4().hex
        self._fresh[conversation_id] = True
        while len(self._fresh) > FRESH_IDS:
            self._fresh.popitem(last=False)
        return conversation_id

    @staticmethod
    def _stated(facts: list[Fact], use: str = "answer") -> list[Note | Item]:
        return [Item(kind="figure" if f.source == "text" else "fact", fact_id=f.fact_id, use=use) for f in facts]

    def _honest(self, query: Query, used: list[Fact]) -> Answer:
        """Fallback for an answer that broke the match contract: the figures that match the question exactly
        are the answer; with none, it is said first that the asked figure is not reported and what the figures
        shown concern instead, each with its source."""
        folded = self.statements.folded
        exact = [f for f in used if not contract.relaxed(query, f, self.registry, folded)]
        said = Note(key="fallback_contract")  # the answer says that it was replaced, last
        if exact:
            return compose(Evidence(answerer="contract", status="answered", lines=[*self._stated(exact), said]),
                           query, self.ctx)
        slots = [s for f in used for s in contract.relaxed(query, f, self.registry, folded)]
        head = Note(key="honest", args={"what": "relaxed:" + ";".join(dict.fromkeys(slots))})
        evidence = Evidence(answerer="contract", status="not_reported",
                            lines=[head, *self._stated(used, use="nearest"), said])
        return compose(evidence, query, self.ctx)

    def _strict(self, query: Query, status: str, used: list[Fact]) -> Answer:
        """Fallback for an answer whose text failed verification: only the stored facts, each as its own
        sourced line, under a first line that says so."""
        lines: list[Note | Item] = [Note(key="strict_head"), *self._stated(used)] if used else [
            Note(key="strict_none")]
        answer = compose(Evidence(answerer="strict", status=status, lines=lines), query, self.ctx)
        return answer.model_copy(update={"caveats": [], "verified": False})

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
from core.schemas import Chunk, Document, Evidence, Fact, Item, Note, Project, Query, Sentence
from core.words import tokenize
from service.answer.base import Sources
from service.answer.compose import clean
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


# --- the project registry (ingest/projects.py): what a named project is, who owns it, its money -----------

PROJECT_QUOTES = 2
PROJECT_AMOUNTS = 4
PROJECT_RESULTS = 4
LIST_ROWS = 20
STATED_ROLES = {"outcome": ("utfall", "utbetalt"), "paid": ("utbetalt", "utfall"), "requisition": ("rekvirera",),
                "granted": ("beviljat",), "budget": ("budget",), "target": ("mal",)}  # query role -> stated roles
MONEY = ("SEK", "EUR")


def _span(doc: Document, quote: str, near: int) -> tuple[int, int] | None:
    """Where a stored quote stands in its document (the first place from shortly before `near`)."""
    at = doc.text.find(quote, max(0, near - 2000))
    at = doc.text.find(quote) if at < 0 else at
    return None if at < 0 else (at, at + len(quote))


class ProjectAnswers(Sources):
    """Answers about a project of the registry, from its own text only: never another subject's figures."""

    def _quote(self, project: Project, quote: str | None, doc_id: str | None) -> str:
        source = next((s for s in project.sources if s.doc_id == doc_id), None)
        doc = self.docs.get(doc_id or "")
        found = _span(doc, quote, source.span_start if source else 0) if doc and quote else None
        return f"quote:{doc_id}:{found[0]}:{found[1]}:{self._chunk_at(doc_id, found[0])}" if found else "text:"

    def _chunk_at(self, doc_id: str | None, start: int) -> str:
        """The passage a quote stands in: the source viewer opens it with the quote highlighted."""
        return next((c.chunk_id for c in self.retriever.chunks if c.doc_id == doc_id and c.start <= start < c.end), "")

    def _intro(self, project: Project) -> list[Item]:
        out: list[Item] = []
        for source in sorted(project.sources, key=lambda s: (not s.heading, -(s.year or 0)))[:PROJECT_QUOTES]:
            doc = self.docs.get(source.doc_id)
            found = _span(doc, source.quote, source.span_start) if doc else None
            if found and all(i.start != found[0] for i in out):
                out.append(Item(kind="sentence", doc_id=source.doc_id, start=found[0], end=found[1],
                                text=clean(source.quote), chunk_id=self._chunk_at(source.doc_id, found[0]) or None))
        return out

    def _owner(self, project: Project) -> Note:
        name = f"text:{project.shown()}"
        if project.owner_name:
            owner = f"org:{project.owner}" if project.owner else f"text:{project.owner_name}"
            key = "proj_lead" if project.owner_role == "lead" else "proj_owner"
            n = self._quote(project, project.owner_quote, project.owner_doc)
            return Note(key=key if n != "text:" else f"{key}_plain", args={"name": name, "owner": owner, "n": n})
        if project.reported_by:
            return Note(key="proj_owner_unknown", args={"name": name, "orgs": "orgs:" + ",".join(project.reported_by)})
        return Note(key="proj_owner_none", args={"name": name})

    def _owner_verdict(self, query_project: Project, query: Query) -> Note:
        """'Är det ASF som äger det?': Ja / Nej against the owner the report states."""
        project = query_project
        claimed_org = next(o for o in query.orgs if o != CITY)
        claimed = {self.registry.unit_of(claimed_org), claimed_org}
        owner = {project.owner, self.registry.unit_of(project.owner)} if project.owner else set()
        name = f"text:{project.shown()}"
        if not project.owner_name:
            return Note(key="proj_owner_unknown_check", args={"name": name, "org": f"org:{claimed_org}"})
        said = f"org:{project.owner}" if project.owner else f"text:{project.owner_name}"
        n = self._quote(project, project.owner_quote, project.owner_doc)
        key = "proj_owner_yes" if claimed & owner else "proj_owner_no"
        return Note(key=key, args={"name": name, "owner": said, "org": f"org:{claimed_org}", "n": n})

    def _partners(self, project: Project) -> list[Note]:
        name = f"text:{project.shown()}"
        out = []
        if project.partners:
            source = next((s.doc_id for s in project.sources
                           if project.partners_quote and self.docs.get(s.doc_id)
                           and project.partners_quote in self.docs[s.doc_id].text), None)
            out.append(Note(key="proj_partners", args={"name": name, "partners": "list:" + "|".join(project.partners),
                                                       "n": self._quote(project, project.partners_quote, source)}))
        if project.partner_role:
            out.append(Note(key="proj_partner_role", args={"name": name,
                                                           "orgs": "orgs:" + ",".join(project.partner_role)}))
        return out or [Note(key="proj_partners_none", args={"name": name})]

    def _results(self, project: Project, query: Query) -> list[Fact]:
        """Counts of its own text, outcomes beside targets ('117 personer har skrivits in' and the target 200)."""
        facts = [self.facts.by_id[i] for i in project.fact_ids if i in self.facts.by_id]
        counts = [f for f in facts if f.unit == "count" and f.source == "text" and f.stated_role in ("utfall", "mal")
                  and (not query.years or f.year in query.years)]
        counts.sort(key=lambda f: (f.stated_role != "utfall", f.doc_id, f.span_start))
        return counts[:PROJECT_RESULTS]

    def _amounts(self, project: Project, query: Query) -> list[Fact]:
        facts = [self.facts.by_id[i] for i in project.fact_ids if i in self.facts.by_id]
        money = [f for f in facts if f.unit in MONEY and (not query.years or f.year in query.years)]
        roles = STATED_ROLES.get(query.role or "", ())
        if roles and any(f.stated_role in roles for f in money):  # "vad blev utfallet?": that role only
            money = [f for f in money if f.stated_role in roles]
        return sorted(money, key=lambda f: (f.source != "table", f.year))[:PROJECT_AMOUNTS]

    def answer(self, query: Query) -> Evidence | None:
        """'Vad är HÅPP?', 'vem äger Malmökraften?', 'vilka partner har Rebus?', 'hur mycket pengar fick Care for
        Ukraine?': the first line answers what was asked; an amount the reports do not give is said to be missing."""
        projects = [self.registry.projects[p] for p in query.project_ids if p in self.registry.projects]
        if not projects:
            return None
        project = projects[0]
        name = f"text:{project.shown()}"
        asked = set(query.asks_about)
        money = "money" in asked or query.unit in MONEY or query.metric == "eu_funds_paid"
        lines: list[Note | Item] = []
        status = "answered"
        if "results" in asked and not money and (results := self._results(project, query)):
            lines.append(Note(key="proj_results", args={"name": name}))
            lines += [Item(kind="figure", fact_id=f.fact_id, bullet=True) for f in results]
        if "owner" in asked and [o for o in query.orgs if o != CITY]:  # "är det ASF som äger det?"
            lines.append(self._owner_verdict(project, query))
        elif "owner" in asked:
            lines.append(self._owner(project))
            status = "answered" if project.owner_name else "not_reported"
        if "partners" in asked:
            lines += self._partners(project)
            status = "answered" if project.partners or project.partner_role else status
        if "fund" in asked and not money:
            lines.append(Note(key="proj_funds", args={"name": name, "funds": "list:" + "|".join(
                self.registry.display(f, query.lang) for f in project.funds)}) if project.funds
                else Note(key="proj_funds_none", args={"name": name}))
        if money or (query.quantity and not lines):
            amounts = self._amounts(project, query) if money else []
            if amounts:
                lines.append(Note(key="proj_money", args={"name": name}))
                lines += [Item(kind="figure", fact_id=f.fact_id, bullet=True) if f.source == "text"
                          else Item(kind="fact", fact_id=f.fact_id, bullet=True) for f in amounts]
            else:
                when = " ".join(str(y) for y in query.years)
                key = ("proj_no_money" if money else "proj_no_figure") + ("_when" if when else "")
                lines.insert(0, Note(key=key, args={"what": f"text:{query.quantity or ''}", "name": name,
                                                    "when": f"text:{when}"}))
                status = "not_reported" if not [n for n in lines[1:] if isinstance(n, Note)] else "partial"
        if not lines or query.asks == "what":
            if not lines:
                lines.append(self._owner(project))
            if project.funds and "fund" not in asked:
                lines.append(Note(key="proj_funds", args={"name": name, "funds": "list:" + "|".join(
                    self.registry.display(f, query.lang) for f in project.funds)}))
            amounts = self._amounts(project, query) if not money else []
            if amounts:
                lines.append(Note(key="proj_money", args={"name": name}))
                lines += [Item(kind="figure", fact_id=f.fact_id, bullet=True, quote=False) if f.source == "text"
                          else Item(kind="fact", fact_id=f.fact_id, bullet=True) for f in amounts]
            results = self._results(project, query)
            if results:
                lines.append(Note(key="proj_results", args={"name": name}))
                lines += [Item(kind="figure", fact_id=f.fact_id, bullet=True, quote=False) for f in results]
            if project.years:
                lines.append(Note(key="proj_years", args={"name": name, "years": "list:" + "|".join(
                    str(y) for y in project.years)}))
        intro = self._intro(project)
        if intro:
            lines.append(Note(key="proj_about", args={"name": name}))
            lines += intro
        return Evidence(answerer="project", status=status, lines=lines)

    def about(self, query: Query) -> Evidence | None:
        """'Vilka projekt handlade om klimat 2024?': projects whose own text has the topic's words."""
        terms = [t for t in query.topic_terms if t not in ("projekt", "handlad", "handl", "gall", "ror")]
        if not terms:
            return None
        found = []
        for project in self.registry.projects.values():
            if query.years and not set(project.years) & set(query.years):
                continue
            if query.orgs and not set(query.orgs) & {*project.reported_by, project.owner or "", *project.partner_role}:
                continue
            own = set(tokenize(project.text))
            hits = sum(1 for t in terms if any(w.startswith(t) for w in own))
            if hits:
                found.append((hits, project))
        if not found:
            return Evidence(answerer="project", status="not_reported",
                            lines=[Note(key="proj_none_topic", args={"topic": "text:" + " ".join(terms)})])
        found.sort(key=lambda hp: (-hp[0], fold(hp[1].name)))
        lines: list[Note | Item] = [Note(key="proj_topic", args={"topic": "text:" + " ".join(terms)})]
        for _, project in found[:8]:
            item = self._intro(project)[:1]
            ref = f"quote:{item[0].doc_id}:{item[0].start}:{item[0].end}:{item[0].chunk_id or ''}" if item else "text:"
            lines.append(Note(key="proj_topic_row", args={"name": f"text:{project.shown()}", "n": ref}))
        return Evidence(answerer="project", status="answered", lines=lines)

    def listing(self, query: Query) -> Evidence | None:
        """'Vilka projekt var ASF projektägare för 2022 och hur finansierades de?': the registry's projects of the
        organisation (as owner, projektpart, or in its chapter) and year, each with its role and funds, cited."""
        family = {o for org in query.orgs for o in (org, self.registry.unit_of(org), *(
            e.id for e in self.registry.organisations.values() if e.pair == org))}
        owned_only = "owner" in query.asks_about
        rows = []
        for project in self.registry.projects.values():
            if query.years and not set(project.years) & set(query.years):
                continue
            if query.funds and not set(query.funds) & set(project.funds):
                continue
            role = ("owner" if project.owner in family else "partner" if family & set(project.partner_role)
                    else "reports" if family & set(project.reported_by) else None) if family else "any"
            if role is None or (owned_only and role not in ("owner", "any")):
                continue
            rows.append((role, project))
        if not rows:
            return None
        rows.sort(key=lambda rp: (("owner", "partner", "reports", "any").index(rp[0]), fold(rp[1].name)))
        who = "orgs:" + ",".join(query.orgs) if query.orgs else "list:" + "|".join(
            self.registry.display(f, query.lang) for f in query.funds)  # "vilka projekt hade vi med Erasmus?"
        when = "".join(f" {y}" for y in query.years)
        key = "proj_list_owned" if owned_only and query.orgs else "proj_list" if query.orgs else "proj_list_fund"
        lines: list[Note | Item] = [Note(key=key, args={"who": who, "when": f"text:{when}"})]
        for role, project in rows[:LIST_ROWS]:
            intro = self._intro(project)[:1]
            funds = "list:" + "|".join(self.registry.display(f, query.lang) for f in project.funds)
            lines.append(Note(key=f"proj_list_row_{role}" + ("" if project.funds else "_nofund"), args={
                "name": f"text:{project.shown()}", "funds": funds,
                "n": f"quote:{intro[0].doc_id}:{intro[0].start}:{intro[0].end}:{intro[0].chunk_id or ''}"
                if intro else "text:"}))
        return Evidence(answerer="project", status="answered", lines=lines)

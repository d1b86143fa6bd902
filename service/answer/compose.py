"""Compose: facts and passages -> Answer text (Swedish or English) with numbered citations.

Figures are written from stored facts only; narrative answers are quotes from passages,
never invented prose. The texts here are the product's voice: short, scoped, sourced:
the first line answers (or says what is not reported), each figure is stated once and all amounts
of an answer in one form, at most three quoted sentences, each source cited once, and only the
caveats that concern a figure the answer uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from core.entities import CITY, Registry
from core.lang import LANGS, phrases
from core.numbers import RANGE_JOIN, format_value, parse_figures
from core.schemas import (
    Answer,
    Citation,
    Computation,
    Document,
    Evidence,
    Fact,
    FigureOut,
    Item,
    Note,
    Query,
    TableRow,
)
from core.vocabulary import load as load_vocabulary
from service.answer import citations as sources
from service.answer.amounts import amounts_scale, rewritten, shown_ids
from service.answer.caveats import caveat, concerns, unlabelled, unofficial_caveats
from service.answer.lookup import Facts
from service.answer.notes import REF, render, say
from service.answer.readable import (
    MARKERS,
    MAX_QUOTES,
    Candidate,
    Relevance,
    bullet_piece,
    choose,
    quantity_label,
    quotable,
    section_label,
    without_heading,
)

WORDS = {lang: phrases(lang) for lang in LANGS}  # the answer phrases: core/data/lang/*.toml
HEDGES = {"ca", "cirka", "omkring", "ungefär", "runt"}  # qualifiers that mean 'about': written as 'ca'


@dataclass
class Draft:
    lang: str
    registry: Registry
    docs: dict[str, Document]
    citations: list[Citation] = field(default_factory=list)
    figures: list[FigureOut] = field(default_factory=list)
    used: list[Fact] = field(default_factory=list)
    scale: str | None = None  # 'kronor' or 'millions': the one form of the answer's amounts
    nearest: set[str] = field(default_factory=set)  # facts offered instead of the asked figure
    quoted: set[tuple[str, str]] = field(default_factory=set)  # sentences already quoted (document, text)
    written: set[str] = field(default_factory=set)  # facts a note already states in full (a range's two ends)

    def w(self, key: str) -> str:
        return WORDS[self.lang][key]

    def name(self, entity_id: str) -> str:
        if entity_id == CITY:
            return self.w("city_name")
        return self.registry.display(entity_id, self.lang)

    def cite_fact(self, fact: Fact) -> int:
        for c in self.citations:
            if c.fact_id == fact.fact_id or (c.doc_id == fact.doc_id and c.span_start == fact.span_start
                                             and c.span_end == fact.span_end):
                return c.n
        doc = self.docs[fact.doc_id]
        n = len(self.citations) + 1
        self.citations.append(Citation(n=n, doc_id=fact.doc_id, title=doc.meta.title, year=doc.meta.year,
                                       page=fact.page, quote=fact.quote, fact_id=fact.fact_id,
                                       span_start=fact.span_start, span_end=fact.span_end,
                                       official=doc.meta.official, section=clean(fact.section or "") or None))
        return n

    def cite_span(self, item: Item) -> int:
        """A quoted sentence of a passage: its citation number."""
        doc = self.docs[str(item.doc_id)]
        start, end = int(item.start or 0), int(item.end or 0)
        quote = doc.text[start:end]
        for c in self.citations:
            if c.quote == quote:
                return c.n
        n = len(self.citations) + 1
        self.citations.append(Citation(n=n, doc_id=doc.doc_id, title=doc.meta.title, year=doc.meta.year,
                                       page=doc.page_at(start).number, quote=quote, chunk_id=item.chunk_id,
                                       span_start=start, span_end=end, official=doc.meta.official,
                                       section=clean(item.section or "") or None))
        return n

    def describe(self, fact: Fact) -> str:
        """'Utbetalda EU-medel till Miljönämnden 2024 från ESF' (no figure)."""
        metric = load_vocabulary().metric_label(fact.metric, self.lang)
        to = self.w("desc_to") if fact.metric == "eu_funds_paid" else self.w("desc_for")
        text = self.w("desc_head").format(metric=f"{metric[:1].upper()}{metric[1:]}", to=to, org=self.name(fact.org),
                                          year=fact.year)
        if fact.fund:
            text += self.w("desc_fund").format(fund=self.registry.display(fact.fund, self.lang))
        if fact.goal:
            text += self.w("desc_goal").format(goal=fact.goal)
            text += f" ({fact.goal_label})" if fact.goal_label else ""
        if fact.project:
            text += self.w("desc_project").format(project=fact.project)
        if fact.category:
            text += f", {fact.category}"
        return text

    def show(self, fact: Fact, precision: float | None = None) -> str:
        """A stored figure in the answer's language and its one form of amounts (a range, both ends)."""
        return RANGE_JOIN.join(format_value(v, fact.unit, approximate=fact.approximate,
                                            precision=precision or fact.precision, lang=self.lang, scale=self.scale)
                               for v in (fact.value, *([fact.high] if fact.high is not None else [])))

    def _record(self, fact: Fact, label: str, display: str, n: int) -> None:
        self.used.append(fact)
        self.figures.append(FigureOut(
            fact_id=fact.fact_id, label=label, org=fact.org, year=fact.year, metric=fact.metric, fund=fact.fund,
            value=fact.value, high=fact.high, unit=fact.unit, approximate=fact.approximate, display=display,
            citation=n))

    def state(self, fact: Fact) -> str:
        """One sentence stating a fact with its scope and its citation."""
        n = self.cite_fact(fact)
        display = self.show(fact)
        owner_only = "projektägare" in fact.quote and "projektpart" not in fact.quote
        scope = self.w("owner") if owner_only and fact.org == CITY else ""
        hedged = "ca" in display or "about" in display
        rounded = self.w("rounded") if fact.approximate and not fact.qualifier and not hedged else ""
        if fact not in self.used:
            self._record(fact, self.describe(fact), display, n)
        return f"{self.describe(fact)}: {display}{scope}{rounded} [{n}]."

    def figure_label(self, fact: Fact) -> str:
        """What a running-text figure counts, where and when: 'skjutningar (Sluta Skjut, 2022, ASF)'."""
        counted = fact.quantity and fact.unit == "count" and fact.quantity not in fact.display
        what = quantity_label(fact.quantity or "", fact.label) if counted else ""
        where = [str(fact.year)] + ([self.name(fact.org)] if fact.org != CITY else [])
        project = self.registry.project_of_fact(fact.fact_id)
        section = project.shown() if project else section_label(clean(fact.section or ""))  # not "Projekt där …"
        return f"{what} ({', '.join([section, *where] if section else where)})".strip()

    def state_figure(self, fact: Fact) -> str:
        """A running-text figure's head: the figure, what it counts, where and when, and its citation."""
        n = self.cite_fact(fact)
        label, display = self.figure_label(fact), self.show_figure(fact)
        if fact not in self.used:
            self._record(fact, label, display, n)
        return f"{display[:1].upper()}{display[1:]} {label} [{n}]"

    def figure_quote(self, fact: Fact) -> str | None:
        """The figure's own sentence to quote under its head: the list item that states it, once per answer,
        within the answer's quotes; None when it is no sentence worth quoting (the citation still holds it)."""
        text = bullet_piece(clean(fact.label), fact.display)
        key = (fact.doc_id, text)
        if key in self.quoted or len(self.quoted) >= MAX_QUOTES or not quotable(text):
            return None
        self.quoted.add(key)
        return text

    def show_figure(self, fact: Fact) -> str:
        """A running-text figure as the report writes it ('drygt 200'); an amount in the answer's one form
        ('ca 24 887 000 kr'); in English answers in English style. A range shows both ends."""
        if fact.high is not None:
            return RANGE_JOIN.join(self.range_ends(fact))
        return self._end(fact, fact.value, fact.display, fact.qualifier, fact.approximate)

    def range_ends(self, fact: Fact) -> tuple[str, str]:
        """The low and the high end of a range figure, each hedged as the report hedges it ('about SEK 250,000 –
        SEK 15,000,000'), amounts in the answer's one form."""
        low, _, high = fact.display.partition(RANGE_JOIN)
        said = [next(iter(parse_figures(end)), None) for end in (low, high)]
        ends = zip((fact.value, fact.high or 0.0), (low, high), said, strict=True)
        return tuple(self._end(fact, value, shown, fig.qualifier if fig else None, bool(fig and fig.approximate))
                     for value, shown, fig in ends)  # type: ignore[return-value]

    def _end(self, fact: Fact, value: float, display: str, qualifier_sv: str | None, approximate: bool) -> str:
        """One figure (or end of a range) of running text as the answer writes it."""
        qualifier = qualifier_sv or ""
        if fact.unit == "SEK":
            hedge = qualifier in HEDGES or (approximate and not qualifier)
            text = format_value(value, "SEK", approximate=hedge, precision=fact.precision, lang=self.lang,
                                scale=self.scale)
            word = EN_QUALIFIERS.get(qualifier, qualifier) if self.lang == "en" else qualifier
            return text if hedge or not qualifier else f"{word} {text}"
        if self.lang != "en":
            return display[:1].lower() + display[1:] if display[1:2].islower() else display
        return self._english(fact, value, qualifier_sv, approximate)

    @staticmethod
    def _english(fact: Fact, value: float, qualifier_sv: str | None, approximate: bool) -> str:
        qualifier = EN_QUALIFIERS.get(qualifier_sv or "")
        text = format_value(value, fact.unit, approximate=approximate and not qualifier,
                            precision=fact.precision, lang="en")
        return (f"{qualifier} " if qualifier else "") + text + {"EUR": " euro", "percent": " %"}.get(fact.unit, "")


EN_QUALIFIERS = {"över": "over", "drygt": "just over", "knappt": "just under", "nästan": "almost",
                 "närmare": "almost", "omkring": "about", "ungefär": "about", "runt": "about", "ca": "about",
                 "cirka": "about"}
MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|^#{1,6}\s*|\[(\d+)\]")


def clean(text: str) -> str:
    """Readable text: no Markdown or HTML markup, no citation-like brackets, one space between words."""
    text = MARKUP.sub(lambda m: m.group(1) or "", text)
    return " ".join(re.sub(r"[\u25a0-\u25ff\ue000-\uf8ff\u200b\u00ad]", "", text).split())


def show(fact: Fact, lang: str = "sv", precision: float | None = None) -> str:
    """The figure in the answer's language (a range, both ends); `precision` puts the rows of one list in one
    form."""
    return RANGE_JOIN.join(format_value(v, fact.unit, approximate=fact.approximate, precision=precision or
                                        fact.precision, lang=lang)
                           for v in (fact.value, *([fact.high] if fact.high is not None else [])))


# --- compose(evidence): the answer's text written from what an answerer found -----------------------


@dataclass
class Context:
    """What composing reads besides the evidence: names, documents, the facts of the build."""

    registry: Registry
    docs: dict[str, Document]
    facts: Facts
    corpus_version: str
    rare: Callable[[str], bool] = lambda term: True  # a word few passages use (it names what a quote is about)


# --- the lines --------------------------------------------------------------------------------------------

LEAD_ONLY = {"quotes", "narr_quotes"}  # 'Ur rapporterna:': no first line of its own; the quotes answer
SCOPE_NOTES = {"pair", "tab_scope_change"}  # 'the report gives the figure for the förvaltning'
SILENT = ("not_reported", "unclear")


def _is_table_row(note: Note, table_ids: set[str]) -> bool:
    """A list row of a figure that the answer's table shows: said once, in the table."""
    refs = [r.split(":")[1] for r in note.args.values() if r.startswith("fact:")]
    return note.key.endswith("_row") and bool(refs) and all(r in table_ids for r in refs)


def _scope_applies(note: Note, shown_orgs: set[str], asked: set[str]) -> bool:
    """A nämnd/förvaltning note only when a figure shown is the other one's and that one was not asked."""
    kind, _, rest = note.args.get("used", "").partition(":")
    used = set(rest.split(",")) if kind in ("org", "orgs", "names") else set()
    return bool((shown_orgs & used) - asked)


class Lines:
    """The answer's lines, written in the evidence's order."""

    def __init__(self, evidence: Evidence, query: Query, ctx: Context, draft: Draft,
                 computations: list[Computation]) -> None:
        self.evidence, self.query, self.ctx, self.draft, self.computations = evidence, query, ctx, draft, computations
        self.out: list[str] = []
        self.table_ids = {r.fact_id for r in evidence.table if r.fact_id}
        self.shown_orgs = {f.org for i in shown_ids(evidence) if (f := ctx.facts.by_id.get(i)) is not None}
        self.relevance = Relevance(query, ctx.registry, {d: doc.meta.year for d, doc in ctx.docs.items()},
                                   ctx.rare)
        self.stated: set[str] = set()
        self.after_note = False  # the last line written is a note (a heading of what follows, when it ends in ':')

    def write(self) -> list[str]:
        lines = self.evidence.lines
        i = 0
        while i < len(lines):
            run = self._quote_run(lines, i)
            if run:
                self.quotes(run)
                i += len(run)
                continue
            self.line(lines[i])
            i += 1
        return self.out

    @staticmethod
    def _quote_run(lines: list[Note | Item], i: int) -> list[Item]:
        """The quoted sentences that follow one another from line i (none when line i is no quote)."""
        run: list[Item] = []
        for line in lines[i:]:
            if not (isinstance(line, Item) and line.kind == "sentence" and line.use != "cite"):
                break
            run.append(line)
        return run

    def line(self, line: Note | Item) -> None:
        draft, facts = self.draft, self.ctx.facts
        if isinstance(line, Note):
            self.note(line)
            return
        self.after_note = False
        bullet = "- " if line.bullet else ""
        if line.kind == "sentence":  # 'cite': numbered here, quoted further down
            draft.cite_span(line)
            return
        fact = facts.by_id[str(line.fact_id)]
        if line.use == "nearest" or self.evidence.status in SILENT:
            draft.nearest.add(fact.fact_id)
        if fact.fact_id in self.stated:
            return  # each figure once
        self.stated.add(fact.fact_id)
        said = fact.fact_id in draft.written  # a note stated it: recorded and cited, not stated again
        if line.kind == "fact":
            head = draft.state(fact)
            self._add([] if said else [bullet + head])
            return
        head = draft.state_figure(fact)
        quote = draft.figure_quote(fact) if line.quote else None
        said_before = not said and self._said(f"{bullet}{head}.")  # another fact, the same statement
        self._add([] if said or said_before else [f"{bullet}{head}:" if quote else f"{bullet}{head}."])
        if quote and not said_before:
            self.out.append(f"”{quote}” [{draft.cite_fact(fact)}]")

    def _said(self, line: str) -> bool:
        """The same statement stands in the answer already (citation numbers aside)."""
        key = MARKERS.sub("", line).rstrip(":.")
        return any(MARKERS.sub("", out).rstrip(":.") == key for out in self.out)

    def _add(self, lines: list[str]) -> None:
        self.out += [line for line in lines if not self._said(line)]

    def note(self, note: Note) -> None:
        if note.key in LEAD_ONLY and not self.out:
            return
        if _is_table_row(note, self.table_ids):
            return
        if note.key in SCOPE_NOTES and not _scope_applies(note, self.shown_orgs, set(self.query.orgs)):
            return
        self.out.append(say(self.draft, note, self.ctx.facts, self.computations))
        self.after_note = True

    def quotes(self, items: list[Item]) -> None:
        """A run of quoted sentences: the ones worth quoting, within the answer's three; a heading of quotes
        ('Det som sägs om X:') goes when none is left to show."""
        draft = self.draft
        fresh = []
        for item in items:
            doc = self.ctx.docs[str(item.doc_id)]
            start, end = int(item.start or 0), int(item.end or 0)
            text = without_heading(item.text if item.text is not None else clean(doc.text[start:end]),
                                   clean(item.section or ""))
            if (doc.doc_id, text) not in draft.quoted:
                fresh.append((item, Candidate(text, doc.doc_id, start, end, item.section)))
        budget = MAX_QUOTES - len(draft.quoted)
        chosen = choose([c for _, c in fresh], self.relevance, budget, self._follows,
                        fallback=not draft.quoted) if budget > 0 else []
        if not chosen and self.after_note and self.out and self.out[-1].endswith(":"):
            self.out.pop()
        for index in chosen:
            item, candidate = fresh[index]
            draft.quoted.add((candidate.doc_id, candidate.text))
            self.out.append(f"{'- ' if item.bullet else ''}”{candidate.text}” [{draft.cite_span(item)}]")
        self.after_note = False

    def _follows(self, a: Candidate, b: Candidate) -> bool:
        """Sentence b comes right after sentence a in the same document."""
        return a.doc_id == b.doc_id and b.start >= a.end and not self.ctx.docs[a.doc_id].text[a.end:b.start].strip()


def compose(evidence: Evidence, query: Query, ctx: Context) -> Answer:
    """The answer written from the evidence in the query's language: notes from the language packs, each
    fact stated once with its scope and citation, the quotes that carry what was asked, in the evidence's
    order. Pure: the same evidence gives the same answer."""
    draft = Draft(query.lang, ctx.registry, ctx.docs, scale=amounts_scale(evidence, ctx.facts))
    computations = [rewritten(c, draft, ctx.facts) for c in evidence.computations]
    lines = Lines(evidence, query, ctx, draft, computations).write()
    status = evidence.status
    if not lines and not evidence.table and evidence.lines:  # every sentence offered was a heading or table row
        lines, status = [draft.w("none")], "unclear"
    table = []
    for row in evidence.table:
        label = render(draft, row.label, ctx.facts, computations) if REF.match(row.label) else row.label
        if row.fact_id is None:
            table.append(row.model_copy(update={"label": label, "display": draft.w("not_in_reports")}))
            continue
        fact = ctx.facts.by_id[row.fact_id]
        draft.state(fact)
        table.append(row.model_copy(update={"label": label, "display": draft.show(fact),
                                            "citation": draft.cite_fact(fact)}))
    if status in SILENT:
        draft.nearest |= {f.fact_id for f in draft.used}
    caveats = [say(draft, c, ctx.facts, computations) for c in evidence.caveats]
    return finish(ctx, query, draft, status, "\n".join(lines), table, caveats, computations)


def finish(ctx: Context, query: Query, draft: Draft, status: str, text: str, table: list[TableRow],
           caveats: list[str], computations: list[Computation] | None = None) -> Answer:
    """The answer with the caveats that concern the figures it uses (report inconsistencies), unlisted
    documents named, each source cited once, and the corpus version."""
    unofficial = {f.doc_id: draft.cite_fact(f) for f in reversed(draft.used) if f.doc_id in ctx.facts.unofficial}
    for c in reversed(draft.citations):  # quoted passages too; one reference per document
        if not c.official and f"[{c.n}]" in text:
            unofficial.setdefault(c.doc_id, c.n)
    if unofficial:
        refs = ", ".join(f"[{n}]" for n in sorted(set(unofficial.values())))
        text = f"{draft.w('unofficial_head').format(refs=refs)}\n{text}"
    shown = {f.fact_id for f in draft.used}
    answered = [f for f in draft.used if f.fact_id not in draft.nearest]
    stated = [caveat(c, draft, ctx.facts.by_id) for c in ctx.facts.checks_for(draft.used)
              if concerns(c, shown, answered, query)
              and not any(f.doc_id in ctx.facts.unofficial for f in c.figures)]  # named below instead
    caveats = list(dict.fromkeys(unlabelled(c) for c in caveats + stated + unofficial_caveats(ctx, draft)))
    answer = Answer(question=query.question, lang=draft.lang, status=status, text=text, figures=draft.figures,
                    table=table, citations=draft.citations, caveats=caveats, query=query,
                    corpus_version=ctx.corpus_version, verified=True, computations=list(computations or []))
    return sources.one_per_source(answer, ctx.docs)

"""Compose: facts and passages -> Answer text (Swedish or English) with numbered citations.

Figures are written from stored facts only; narrative answers are quotes from passages,
never invented prose. The texts here are the product's voice: short, scoped, sourced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.entities import CITY, Registry
from core.lang import LANGS, phrases
from core.numbers import RANGE_JOIN, format_value, parse_figures
from core.schemas import (
    SLIP_KINDS,
    Answer,
    Check,
    Citation,
    Computation,
    Document,
    Evidence,
    Fact,
    FigureOut,
    Item,
    Note,
    Query,
    Sentence,
    TableRow,
)
from core.vocabulary import load as load_vocabulary
from core.words import tokenize
from service.answer.lookup import Facts, FactsById, same_unit
from service.answer.retrieve import Passage

WORDS = {lang: phrases(lang) for lang in LANGS}  # the answer phrases: core/data/lang/*.toml


@dataclass
class Draft:
    lang: str
    registry: Registry
    docs: dict[str, Document]
    citations: list[Citation] = field(default_factory=list)
    figures: list[FigureOut] = field(default_factory=list)
    used: list[Fact] = field(default_factory=list)

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

    def cite_sentence(self, passage: Passage, sentence: Sentence) -> int:
        doc = self.docs[passage.chunk.doc_id]
        quote = doc.text[sentence.start : sentence.end]
        for c in self.citations:
            if c.quote == quote:
                return c.n
        n = len(self.citations) + 1
        self.citations.append(Citation(n=n, doc_id=doc.doc_id, title=doc.meta.title, year=doc.meta.year,
                                       page=doc.page_at(sentence.start).number, quote=quote,
                                       chunk_id=passage.chunk.chunk_id, span_start=sentence.start,
                                       span_end=sentence.end, official=doc.meta.official,
                                       section=clean(passage.chunk.section or "") or None))
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

    def state(self, fact: Fact) -> str:
        """One sentence stating a fact with its scope and its citation."""
        n = self.cite_fact(fact)
        display = show(fact, self.lang)
        owner_only = "projektägare" in fact.quote and "projektpart" not in fact.quote
        scope = self.w("owner") if owner_only and fact.org == CITY else ""
        hedged = "ca" in display or "about" in display
        rounded = self.w("rounded") if fact.approximate and not fact.qualifier and not hedged else ""
        if fact in self.used:
            return f"{self.describe(fact)}: {display}{scope}{rounded} [{n}]."
        self.used.append(fact)
        self.figures.append(FigureOut(
            fact_id=fact.fact_id, label=self.describe(fact), org=fact.org, year=fact.year, metric=fact.metric,
            fund=fact.fund, value=fact.value, unit=fact.unit, approximate=fact.approximate, display=display,
            citation=n))
        return f"{self.describe(fact)}: {display}{scope}{rounded} [{n}]."


    def state_figure(self, fact: Fact, *, quote: bool = True) -> str:
        """A running-text figure: the figure, what it counts, where and when, and its sentence as quote."""
        n = self.cite_fact(fact)
        self.used.append(fact)
        what = fact.quantity if fact.quantity and fact.unit == "count" and fact.quantity not in fact.display else ""
        where = [str(fact.year)]
        if fact.org != CITY:
            where.append(self.name(fact.org))
        project = self.registry.project_of_fact(fact.fact_id)
        section = project.shown() if project else clean(fact.section or "")  # the project, not "Projekt där …"
        if section and not re.search(r"\d", section) and len(section) < 80:
            where.insert(0, section)
        label = f"{what} ({', '.join(where)})".strip()
        self.figures.append(FigureOut(
            fact_id=fact.fact_id, label=label, org=fact.org, year=fact.year, metric=fact.metric, fund=fact.fund,
            value=fact.value, high=fact.high, unit=fact.unit, approximate=fact.approximate,
            display=self.show_figure(fact), citation=n))
        head = f"{self.show_figure(fact)} {label} [{n}]"
        return f"{head}:\n”{clean(fact.label)}” [{n}]" if quote else f"{head}."


    def show_figure(self, fact: Fact) -> str:
        """A running-text figure as the report writes it; in English answers in English style. A range shows
        both ends."""
        if fact.high is not None:
            return RANGE_JOIN.join(self.range_ends(fact))
        if self.lang != "en":
            return fact.display
        return self._english(fact, fact.value, fact.qualifier, fact.approximate)

    def range_ends(self, fact: Fact) -> tuple[str, str]:
        """The low and the high end of a range figure, each as the report writes it (in English style, each
        end hedged as the report hedges it: 'about SEK 250,000 – SEK 15,000,000')."""
        low, _, high = fact.display.partition(RANGE_JOIN)
        if self.lang != "en":
            return low, high
        said = [next(iter(parse_figures(end)), None) for end in (low, high)]
        return tuple(self._english(fact, value, fig.qualifier if fig else None, bool(fig and fig.approximate))
                     for value, fig in zip((fact.value, fact.high or 0.0), said, strict=True))  # type: ignore[return-value]

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


def best_sentences(passages: list[Passage], question: str, *, limit: int = 3,
                   must: re.Pattern[str] | None = None) -> list[tuple[Passage, Sentence]]:
    """The sentences of the top passages that share most word stems with the question. With `must`
    (a project's name), a sentence that names it and the one right after it ("Satsningen görs i
    samverkan med ...") are candidates."""
    terms = set(tokenize(question))
    scored: list[tuple[float, int, Passage, Sentence]] = []
    for rank, passage in enumerate(passages):
        previous_named = False
        for sentence in passage.chunk.sentences:
            named = must is None or bool(must.search(sentence.text))
            follows, previous_named = previous_named, named
            if not (named or follows):
                continue
            words = tokenize(sentence.text)
            if len(words) < 4 or sentence.text.lstrip().startswith("#") or NOT_PROSE.search(sentence.text):
                continue  # too short, a heading or a table of contents
            overlap = len(terms & set(words))
            scored.append((overlap - rank * 0.5, -rank, passage, sentence))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    out, seen = [], set()
    per_passage: dict[str, int] = {}
    for _, _, passage, sentence in scored:  # at most PER_PASSAGE from one passage: a chapter's several topics
        key = re.sub(r"\W+", "", sentence.text.lower())
        cid = passage.chunk.chunk_id
        if key not in seen and per_passage.get(cid, 0) < PER_PASSAGE:
            out.append((passage, sentence))
            seen.add(key)
            per_passage[cid] = per_passage.get(cid, 0) + 1
        if len(out) == limit:
            break
    return out


PER_PASSAGE = 3
NOT_PROSE = re.compile(r"^\d+(\.\d+)+\s|^\d+\s+\d+(\.\d+)+\s|\.{4,}|\t\d+\s*$")


def caveat(check: Check, draft: Draft, facts_by_id: FactsById) -> str:
    """A check of the reports that touches a used figure, in words, each figure as the report writes it."""
    if check.kind in SLIP_KINDS:
        return slip_caveat(check, draft, facts_by_id)
    parts = []
    for fig in check.figures:
        fact = facts_by_id.get(fig.fact_id)
        if fact is None:
            continue
        doc = draft.docs[fact.doc_id].meta.short_name
        page = draft.w("cav_page").format(page=fact.page) if fact.page else ""
        parts.append(draft.w("cav_figure").format(display=fact.display, doc=doc, page=page))
    unit = "SEK" if check.metric in ("eu_funds_paid", "total_budget") else "count"
    sum_text = format_value(check.actual, unit, lang=draft.lang)
    total = facts_by_id.get(check.figures[0].fact_id)
    total_text = draft.w("cav_report_display").format(display=total.display) if total else format_value(
        check.expected, "count", lang=draft.lang)
    if check.kind == "cross_report":
        return draft.w("cav_cross").format(parts=draft.w("and").join(parts))
    key = "cav_overlap" if check.status == "parts_exceed_total" else "cav_mismatch"  # counted twice: no error
    return draft.w(key).format(sum=sum_text, total=total_text)


def slip_caveat(check: Check, draft: Draft, facts_by_id: FactsById) -> str:
    """A report's own slip (ingest/slips.py) that touches a used figure: the figure it is about (the used
    one when the slip names several amounts alike), where it stands, and what the slip is."""
    figures = [facts_by_id[f.fact_id] for f in check.figures if f.fact_id in facts_by_id]
    used = {f.fact_id for f in draft.used}
    alike = check.kind in ("digit_slip", "rounding_claim")  # the used amount is the one to name
    shown = next((f for f in figures if f.fact_id in used and alike), figures[0] if figures else None)
    other = next((f for f in figures if f is not shown), shown)

    def cited(fact: Fact | None) -> str:
        if fact is None:
            return ""
        page = draft.w("cav_page").format(page=fact.page) if fact.page else ""
        return draft.w("cav_figure").format(display=fact.display, doc=draft.docs[fact.doc_id].meta.short_name,
                                            page=page)

    doc = draft.docs.get(check.doc_id or "")
    page = draft.w("cav_page").format(page=check.page) if check.page else ""
    expected = (percent(check.expected, draft.lang) if check.kind == "share_vs_counts"
                else str(round(check.expected)) if check.kind == "past_target_year"  # a year
                else format_value(check.expected, "count", lang=draft.lang))
    return draft.w(f"cav_{check.kind}").format(
        figure=cited(shown), other=draft.w("cav_report_display").format(display=other.display) if other else "",
        actual=str(round(check.actual)),  # a year ('1017', '2023') or how many amounts: no thousands separator
        expected=expected, where=f"{doc.meta.short_name}{page}" if doc else "")


# --- compose(evidence): the answer's text written from what an answerer found -----------------------


@dataclass
class Context:
    """What composing reads besides the evidence: names, documents, the facts of the build."""

    registry: Registry
    docs: dict[str, Document]
    facts: Facts
    corpus_version: str


def label_of(draft: Draft, fact: Fact) -> str:
    """What a table row is about: the fund, the goal, the project or the organisation."""
    if fact.dimension == "fund" and fact.fund:
        return draft.registry.display(fact.fund, draft.lang)
    if fact.dimension == "goal":
        return fact.goal_label or f"mål {fact.goal}"
    if fact.dimension == "project" and fact.project:
        return fact.project
    return draft.name(fact.org)


REF = re.compile(r"^[A-Za-z]+:")  # a table row's label may be a reference ('org:mn'); a year stays as it is


def _money(value: float, unit: str, lang: str) -> str:
    return format_value(value, unit, lang=lang)


def percent(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", phrases(lang)["decimal"]) + " %"


def render(draft: Draft, ref: str, facts: Facts, computations: list[Computation]) -> str:
    """One argument of a note in the answer's language (see core.schemas.Note)."""
    kind, _, rest = ref.partition(":")
    if kind[:1].isupper():  # 'Metric:eu_funds_paid': the same, with a capital first letter
        text = render(draft, f"{kind.lower()}:{rest}", facts, computations)
        return text[:1].upper() + text[1:]
    if kind == "text":
        return rest
    if kind == "year":
        return rest
    if kind == "org":
        return draft.name(rest)
    if kind == "orgs":
        return draft.w("and").join(draft.name(o) for o in rest.split(",") if o)
    if kind == "relaxed":  # how shown figures differ from the question: 'year:2021;subject:malmo_stad'
        out = []
        for slot in rest.split(";"):
            name, _, value = slot.partition(":")
            if name == "subject" and value in draft.registry.organisations:
                value = draft.name(value)
            elif name == "fund" and value in draft.registry.funds:
                value = draft.registry.display(value, draft.lang)
            out.append(draft.w(f"relaxed_{name}").format(value=value))
        return ", ".join(dict.fromkeys(out))
    if kind == "names":
        return ", ".join(draft.name(o) for o in rest.split(",") if o)
    if kind == "list":  # names as written in the reports: 'list:Malmö stad|Försäkringskassan'
        items = [x for x in rest.split("|") if x]
        return ", ".join(items[:-1]) + draft.w("and") + items[-1] if len(items) > 1 else "".join(items)
    if kind == "quote":  # the citation of a sentence of a document: 'quote:DOC:START:END'
        doc_id, start, end = rest.rsplit(":", 2)
        n, _ = cite_span(draft, Item(kind="sentence", doc_id=doc_id, start=int(start), end=int(end)))
        return f"[{n}]"
    if kind == "orgs_or":
        return draft.w("or").join(draft.name(o) for o in rest.split(",") if o)
    if kind == "fund":
        return draft.registry.display(rest, draft.lang)
    if kind == "metric":
        return load_vocabulary().metric_label(rest, draft.lang)
    if kind == "pct":
        return percent(float(rest), draft.lang)
    if kind == "value":
        value, _, unit = rest.partition(":")
        return _money(float(value), unit or "SEK", draft.lang)
    if kind in ("comp", "work"):
        comp = computations[int(rest)]
        return comp.display if kind == "comp" else comp.text
    if kind == "change":  # the signed difference of two facts: 'ca +27,9 miljoner kr'
        first, last = (facts.by_id[i] for i in rest.split(":"))
        diff = last.value - first.value
        sign = "+" if diff > 0 else "−" if diff < 0 else "±"
        amount = format_value(abs(diff), first.unit, approximate=first.approximate or last.approximate,
                              precision=max(first.precision, last.precision), lang=draft.lang)
        prefix = next((p for p in ("ca ", "about ") if amount.startswith(p)), "")
        return f"{prefix}{sign}{amount.removeprefix(prefix)}"
    fact_id, _, precision = rest.partition(":")
    fact = facts.by_id[fact_id]
    if kind == "fact":  # the figure and its citation, recorded as used
        draft.state(fact)
        return f"{show(fact, draft.lang, float(precision) if precision else None)} [{draft.cite_fact(fact)}]"
    if kind == "show":
        return show(fact, draft.lang)
    if kind == "showfig":
        return draft.show_figure(fact)
    if kind in ("low", "high"):  # an end of a range
        return draft.range_ends(fact)[kind == "high"]
    if kind == "describe":
        return draft.describe(fact)
    if kind == "label":
        return label_of(draft, fact)
    if kind == "cite":
        return f"[{draft.cite_fact(fact)}]"
    raise ValueError(f"unknown reference {ref!r}")


def say(draft: Draft, note: Note, facts: Facts, computations: list[Computation]) -> str:
    args = {name: render(draft, ref, facts, computations) for name, ref in note.args.items()}
    return draft.w(note.key).format(**args)


def cite_span(draft: Draft, item: Item) -> tuple[int, str]:
    """A quoted sentence of a passage: its citation number and its readable text."""
    doc = draft.docs[str(item.doc_id)]
    start, end = int(item.start or 0), int(item.end or 0)
    quote = doc.text[start:end]
    shown = item.text if item.text is not None else clean(quote)
    for c in draft.citations:
        if c.quote == quote:
            return c.n, shown
    n = len(draft.citations) + 1
    draft.citations.append(Citation(n=n, doc_id=doc.doc_id, title=doc.meta.title, year=doc.meta.year,
                                    page=doc.page_at(start).number, quote=quote, chunk_id=item.chunk_id,
                                    span_start=start, span_end=end, official=doc.meta.official,
                                    section=clean(item.section or "") or None))
    return n, shown


def compose(evidence: Evidence, query: Query, ctx: Context) -> Answer:
    """The answer written from the evidence in the query's language: notes from the language packs, each
    fact stated with its scope and citation, each quote verbatim and cited, in the evidence's order. Pure:
    the same evidence gives the same answer."""
    draft = Draft(query.lang, ctx.registry, ctx.docs)
    lines: list[str] = []
    for line in evidence.lines:
        if isinstance(line, Note):
            lines.append(say(draft, line, ctx.facts, evidence.computations))
            continue
        bullet = "- " if line.bullet else ""
        if line.kind == "fact":
            lines.append(bullet + draft.state(ctx.facts.by_id[str(line.fact_id)]))
        elif line.kind == "figure":
            lines.append(bullet + draft.state_figure(ctx.facts.by_id[str(line.fact_id)], quote=line.quote))
        elif line.kind == "sentence":
            n, text = cite_span(draft, line)
            if line.use != "cite":  # 'cite': numbered here, quoted further down
                lines.append(f"{bullet}”{text}” [{n}]")
    table = []
    for row in evidence.table:
        label = render(draft, row.label, ctx.facts, evidence.computations) if REF.match(row.label) else row.label
        if row.fact_id is None:
            table.append(row.model_copy(update={"label": label, "display": draft.w("not_in_reports")}))
            continue
        fact = ctx.facts.by_id[row.fact_id]
        draft.state(fact)
        table.append(row.model_copy(update={"label": label, "display": show(fact, draft.lang),
                                            "citation": draft.cite_fact(fact)}))
    caveats = [say(draft, c, ctx.facts, evidence.computations) for c in evidence.caveats]
    return finish(ctx, query, draft, evidence.status, "\n".join(lines), table, caveats, evidence.computations)


def finish(ctx: Context, query: Query, draft: Draft, status: str, text: str, table: list[TableRow],
           caveats: list[str], computations: list[Computation] | None = None) -> Answer:
    """The answer with the caveats of the figures it uses (report inconsistencies), unlisted documents named,
    and the corpus version."""
    unofficial = [f for f in draft.used if f.doc_id in ctx.facts.unofficial]
    if unofficial:
        refs = ", ".join(dict.fromkeys(f"[{draft.cite_fact(f)}]" for f in unofficial))
        text = f"{draft.w('unofficial_head').format(refs=refs)}\n{text}"
    stated = [caveat(c, draft, ctx.facts.by_id) for c in ctx.facts.checks_for(draft.used)
              if not any(f.doc_id in ctx.facts.unofficial for f in c.figures)]  # named below instead
    caveats = list(dict.fromkeys(caveats + stated + _unofficial_caveats(ctx, draft)))
    return Answer(question=query.question, lang=draft.lang, status=status, text=text, figures=draft.figures,
                  table=table, citations=draft.citations, caveats=caveats, query=query,
                  corpus_version=ctx.corpus_version, verified=True, computations=list(computations or []))


def _unofficial_caveats(ctx: Context, draft: Draft) -> list[str]:
    """An unlisted document that states another value for a figure the answer uses is named."""
    out: list[str] = []
    keys = {same_unit(f): f for f in draft.used if f.doc_id not in ctx.facts.unofficial}
    if not keys or not ctx.facts.unofficial:
        return out
    for other in ctx.facts.where(doc_id=sorted(ctx.facts.unofficial), year=[f.year for f in draft.used]):
        used = keys.get(same_unit(other))
        if other.doc_id in ctx.facts.unofficial and used is not None and abs(other.value - used.value) > max(
                used.precision, other.precision) / 2:
            n = draft.cite_fact(other)  # its title can be anything: named by its citation, not in the text
            out.append(draft.w("unofficial_value").format(n=n, display=other.display))
    return out

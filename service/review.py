"""Granska text (first part of issue 16): every figure of a pasted draft checked against the reports.

A draft is split into sentences; each figure of a sentence (amounts, counts, percentages, written-out
numbers; not years that are dates, diarienummer, page or phone numbers) becomes a claim read by the one
reader of questions ("Stämmer det att <sentence>?", the claimed figure that one), with the subject of the
sentences before it when the sentence names none ("Nämnden fick … Året efter ökade det till …"). The claim
is judged by the engine's claim answerers (roles, rounding, other years) and its verdict is read from the
answer: correct, rounded, deviates (the reported figure shown), other_role, other_year, not_in_reports.
Drafts are neither stored nor logged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from core.entities import CITY
from core.lang import phrase
from core.numbers import Figure, parse_figures
from core.schemas import Answer, Chunk, Fact, Query, Sentence
from ingest.ranges import Span, spans
from service.answer.understand import detect_lang, understand
from service.answer.verify import figures_in
from service.review_change import Operand, compute, kind, multiples, series
from service.review_figures import clause_of, figures_of, is_share, unreadable_of, with_multipliers
from service.review_match import (
    CITY_ORGANS,
    DISTINCT_DIGITS,
    FAIR,
    Context,
    Match,
    context,
    fact_role,
    match,
    range_match,
    substance,
    unit_of,
)
from service.review_match import (
    role_fit as _role_fit,
)
from service.review_years import NOW, dominant_year, figure_years, step_of

if TYPE_CHECKING:
    from service.answer.engine import Engine

SENTENCE = re.compile(r"(?:\b(?:ca|st|nr|kr|resp|bl|t\.ex|ex|s)\.(?=\s+(?-i:[a-zåäö0-9(\-–]))|[.,](?=\d)|[^.!?\n])+"
                      r"(?:[.!?]+|(?=\n)|$)", re.IGNORECASE)  # a line, or up to a full stop that ends no decimal
SUBJECT_SLOTS = ("orgs", "project_ids", "projects", "names", "name_forms", "funds")
EXACT = 0.5  # a reported figure this close to the claimed one is the same figure
# a claim's sources: where (document, page or section, quote) and the ids that open the passage (/api/sources/{id})
CITED = {"n", "doc_id", "title", "page", "section", "quote", "chunk_id", "fact_id", "span_start", "span_end"}
VERDICTS = ("correct", "rounded", "deviates", "other_role", "other_year", "not_in_reports", "unclear")


@dataclass
class Claim:
    start: int
    end: int
    figure: str
    sentence: str
    verdict: str
    reported: dict[str, Any] | None
    explanation: str
    citations: list[dict[str, Any]] = field(default_factory=list)


PART_OF = re.compile(r"\b(?:varav|of which|av dessa|of these)\s+$", re.IGNORECASE)  # a part: the engine's
PART_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:av|of)\s+(?:de|dem|dessa|projekten|the|these|them)\b", re.IGNORECASE)
BULLETS = "•-*–·▪"
AUTHOR = re.compile(r"\b(?:enligt|according to)\s+(?:\w+s\s+)?(?=\w+)|\b\w+s\s+(?=(?:års)?(?:redovisning|rapport|"
                    r"sammanställning|underlag|report)\b)", re.IGNORECASE)  # 'enligt stadskontorets redovisning'
CASE_NUMBER = re.compile(r"\(?\b[A-ZÅÄÖ]{2,5}-\d{4}-\d+\)?")  # '(STK-2025-405)': a case, not stadskontoret
CITY_BEFORE = re.compile(r"\b(?:av de|de|alla|samtliga|stadens|totalt|sammanlagt|all|all the|a total of|"
                         r"in total)\s+$", re.IGNORECASE)


def _read(engine: Engine, opener: str, text: str, lang: str) -> Query:
    """A sentence of the draft read as a claim ('Stämmer det att …?'), its first letter as inside a sentence."""
    text = AUTHOR.sub(" ", CASE_NUMBER.sub(" ", text)).strip().rstrip(".!?")  # who reports is no subject
    text = text.lstrip(BULLETS + " \t")  # '• Utbetalt 2022: …': a bullet's first word is no name
    text = text[:1].lower() + text[1:] if text[:2].istitle() and not text[:2].isupper() else text
    return understand(f"{opener} {text}?", engine.registry, latest_year=engine.latest_year, lang=lang,
                      lexicon=engine.lexicon)


def _starts_with_word(text: str, word: str) -> bool:
    """'Ja, det stämmer' starts with 'Ja'; 'Jag kan inte …' does not."""
    return re.match(rf"{re.escape(word)}\b", text) is not None


def _unit_class(unit: str) -> str:
    return "money" if unit in ("SEK", "EUR") else unit


def _verdict(answer: Answer, claimed: float, query: Query,
             unit: str | None = None) -> tuple[str, dict[str, Any] | None]:
    """The verdict an answer to a claim gives, and the reported figure it shows."""
    first = answer.text.split("\n", 1)[0].strip()
    shown = answer.figures[0] if answer.figures else None
    reported = {"value": shown.value, "display": shown.display} if shown else None
    words = {k: phrase(answer.lang, k) for k in ("verdict_yes_word", "verdict_no_word")}
    if answer.status in ("not_reported", "unclear") or shown is None:
        return "not_in_reports", None
    if unit and query.claimed_share is None and _unit_class(shown.unit) != _unit_class(unit):
        return "unclear", None  # a count shown for an amount: no comparison
    slack = max(0.5, query.claim_precision / 2)
    same = [f for f in answer.figures if abs(f.value - claimed) <= slack]
    if _starts_with_word(first, words["verdict_yes_word"]) and query.claimed_share is None:
        # the stored facts did not confirm the figure: a yes of the claim answers to it alone (a part, a
        # figure of a sentence found by retrieval) confirms too often what is wrong; said as unclear, unless
        # the answer's figure is the claimed one to the unit, of the draft's year and subject, and has
        # digits enough that no other count is it by chance (117, 275; not 10, 200)
        same_digits = [f for f in answer.figures if abs(f.value - claimed) <= EXACT and not f.relaxed
                       and (not query.years or f.year in query.years)]
        if same_digits and len(f"{claimed:.0f}".strip("0")) >= DISTINCT_DIGITS:
            return "correct", {"value": same_digits[0].value, "display": same_digits[0].display}
        near = [f for f in answer.figures if not f.relaxed and (not query.years or f.year in query.years)
                and len(f"{f.value:.0f}".strip("0")) >= DISTINCT_DIGITS
                and abs(f.value - claimed) <= min(slack, FAIR * abs(f.value)) and abs(f.value - claimed) > EXACT]
        if near:  # '19,3 mkr' for 19 328 949 of the draft's year and subject: the draft's rounding of it
            return "rounded", {"value": near[0].value, "display": near[0].display}
        if (not shown.relaxed and query.years and shown.year in query.years and shown.unit == answer.figures[0].unit
                and all(abs(f.value - claimed) > FAIR * abs(f.value) for f in answer.figures)):
            return "deviates", reported  # 'cirka 20 miljoner' for ca 22,5: a yes its own figures do not bear out
        return "unclear", reported
    if _starts_with_word(first, words["verdict_yes_word"]):
        if shown.relaxed or (query.years and shown.year not in query.years):
            return "unclear", reported  # confirmed for another year or subject than the draft's: not a yes
        exact = any(abs(f.value - claimed) <= EXACT for f in answer.figures)
        if query.claimed_share is None and not exact and not any(
                abs(f.value - claimed) <= FAIR * abs(f.value) for f in answer.figures):
            return "unclear", reported  # 'Ja' to 141 for 'över 100': the claim says more than the report
        return ("correct" if exact else "rounded"), reported
    stated = [f.value for f in figures_in(answer.text, answer.lang) if not f.is_year_like]
    said_no = _starts_with_word(first, words["verdict_no_word"]) or first.lower().startswith(("delvis", "partly"))
    if said_no and query.claimed_share is not None:  # 'Nej: andelen är 36,9 %, inte 50,0 %': the share computed
        share = next((f for f in figures_in(first, answer.lang) if abs(f.value - query.claimed_share) > 0.05), None)
        if share is None:  # a no without the share it computed: about something else ('två ESF-projekt')
            return "unclear", reported
        return "deviates", {"value": share.value, "display": f"{first[share.start:share.end]}"}
    if not same and any(abs(v - claimed) <= slack for v in stated):
        # "41 889 445 kronor är det som kunde rekvireras, inte utfallet"; a card listing it is no verdict
        return ("other_role" if said_no else "unclear"), reported
    if same and query.years and same[0].year not in query.years:
        return "other_year", {"value": same[0].value, "display": same[0].display}
    if same:  # the claimed figure is stated, of another role than claimed (said so), or listed
        return ("other_role" if said_no else "unclear"), reported
    elsewhere = any(r.startswith(("year:", "subject:")) for r in shown.relaxed)
    if elsewhere or (query.years and shown.year not in query.years):
        return "unclear", reported  # compared with another year's or subject's figure: no alarm on that
    if _starts_with_word(first, words["verdict_no_word"]) or first.lower().startswith(("delvis", "partly")):
        return "deviates", reported
    return "unclear", reported


SPOKEN_WORDS = 2  # stems of substance a report sentence shares with a draft's clause to speak of the same thing
_built: dict[tuple[int, str], Stated] = {}  # the build's Stated, made once (one entry: the build served)


class Stated:
    """The build's facts as a review compares with them, and how a verdict from them reads: made once per
    build (`of`), not per draft."""

    @classmethod
    def of(cls, engine: Engine) -> Stated:
        key = (id(engine), engine.corpus_version)
        if key not in _built:
            _built.clear()
            _built[key] = cls(engine)
        return _built[key]

    @cached_property
    def numbers(self) -> dict[int, list[tuple[Chunk, Sentence]]]:
        """Every number the reports' sentences write (the reports' own reader), with its sentences."""
        index: dict[int, list[tuple[Chunk, Sentence]]] = {}
        for chunk in self.engine.retriever.chunks:
            for st in chunk.sentences:
                for f in parse_figures(st.text):
                    index.setdefault(round(f.value), []).append((chunk, st))
        return index

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.rows: list[Fact] = engine.facts.where()
        orgs = engine.registry.organisations
        self.family: dict[str, set[str]] = {o: {o, e.pair} if e.pair else {o} for o, e in orgs.items()}
        self.project_of = {f.fact_id: p.project_id for f in self.rows
                           if (p := engine.registry.project_of_fact(f.fact_id)) is not None}
        for f in self.rows:  # a table row's project is the one its row names ('TAMU ESF': TAMU's)
            if f.project and (named := engine.registry.find_projects(f.project)):
                self.project_of[f.fact_id] = named[0].entity_id
        self.related = {p.project_id: {o for org in {p.owner, *p.reported_by, *p.partner_role} if org
                                       for o in self.family.get(org, {org})}
                        for p in engine.registry.projects.values()}  # the organisations tied to a project

    @cached_property
    def by_id(self) -> dict[str, Fact]:
        return {f.fact_id: f for f in self.rows}

    def operand(self, claim: Claim, year: int | None, unit: str) -> Operand | None:
        """A judged figure as an operand of a change the draft computes: its reported value and fact."""
        if claim.verdict not in ("correct", "rounded", "deviates") or claim.reported is None:
            return None
        fact = next((self.by_id[c["fact_id"]] for c in claim.citations if c.get("fact_id") in self.by_id), None)
        return Operand(claim.reported["value"], claim.reported["display"], fact.year if fact else year, unit,
                       claim.citations, fact)

    def counterpart(self, fact: Fact, year: int) -> Operand | None:
        """The same series' value of another year (one value, or the one its own report states)."""
        key = series(fact)
        same = sorted((f for f in self.rows if f.year == year and key is not None and series(f) == key),
                      key=lambda f: (f.precision, f.approximate))  # the most precise first
        if any(abs(f.value - same[0].value) > max(f.precision, 1.0) for f in same[1:]):
            same = [f for f in same if f.doc_id == fact.doc_id]  # 'ca 22,5 mkr' is 22 550 504; 43 is not 47
        if not same or any(abs(f.value - same[0].value) > max(f.precision, 1.0) for f in same[1:]):
            return None
        return Operand(same[0].value, same[0].display, year, fact.unit, [self._cite(same[0])], same[0])

    def spoken(self, fig: Figure, clause: str, years: list[int]) -> tuple[Chunk, Sentence] | None:
        """A report sentence of the draft's year that writes the draft's number and speaks of what its clause
        speaks of: a figure the facts do not hold is no deviation then."""
        words = substance(clause)
        for chunk, st in self.numbers.get(round(fig.value), []):
            if years and chunk.year not in years:
                continue
            if len(words & substance(st.text)) >= SPOKEN_WORDS:
                return chunk, st
        return None

    def spoken_claim(self, where: tuple[int, int, str, str], found: tuple[Chunk, Sentence], lang: str) -> Claim:
        chunk, st = found
        doc = self.engine.docs.get(chunk.doc_id)
        cite = {"n": 1, "doc_id": chunk.doc_id, "title": doc.meta.title if doc else chunk.doc_id,
                "page": chunk.pages[0] if chunk.pages else None, "section": chunk.section, "quote": st.text,
                "chunk_id": chunk.chunk_id, "fact_id": None, "span_start": st.start, "span_end": st.end}
        return Claim(*where, verdict="unclear", reported=None, explanation=phrase(lang, "review_in_text"),
                     citations=[cite])

    def _about(self, fact: Fact, lang: str) -> str:
        """' (Arbetsmarknads- och socialnämnden, 2024)': whom and which year a fact is about."""
        entity = self.engine.registry.organisations.get(fact.org or "")
        project = self.engine.registry.projects.get(self.project_of.get(fact.fact_id, ""))
        who = project.name if project else (entity.name_en if lang == "en" else entity.name) if entity else None
        parts = [p for p in (who, str(fact.year) if fact.year else None) if p]
        return f" ({', '.join(parts)})" if parts else ""

    def _role(self, fact: Fact | None, lang: str, role: str | None = None) -> str:
        if fact is not None:
            role = "budget" if fact.metric == "total_budget" else fact_role(fact)
        return phrase(lang, f"review_role_{role or 'outcome'}")

    def _cite(self, fact: Fact) -> dict[str, Any]:
        doc = self.engine.docs.get(fact.doc_id)
        return {"n": 1, "doc_id": fact.doc_id, "title": doc.meta.title if doc else fact.doc_id, "page": fact.page,
                "section": fact.section, "quote": fact.quote or fact.label or "", "chunk_id": None,
                "fact_id": fact.fact_id, "span_start": fact.span_start, "span_end": fact.span_end}

    def claim(self, where: tuple[int, int, str, str], found: Match, lang: str, role: str | None) -> Claim:
        """The claim of a verdict the facts gave; `role` the one the draft gives the figure (None: an outcome)."""
        fact, other = found.fact, found.other
        text = ""
        if found.verdict in ("correct", "rounded", "deviates") and other is None and fact is not None:
            text = phrase(lang, f"review_{found.verdict}").format(display=fact.display, about=self._about(fact, lang))
        elif other is not None:
            key = {"year": "review_other_year", "role": "review_other_role", "weak": "review_weak"}.get(
                found.off or "", "review_other_subject")
            text = phrase(lang, key).format(other=other.display, other_year=other.year or "",
                                            other_about=self._about(other, lang),
                                            other_role=self._role(other, lang),
                                            role=self._role(None, lang, role))
            if fact is not None:
                text += phrase(lang, "review_asked").format(display=fact.display, about=self._about(fact, lang))
        shown = fact or other
        reported = {"value": shown.value, "display": shown.display} if shown else None
        cites = [self._cite(f) for f in (fact, other) if f is not None]
        for n, c in enumerate(cites, start=1):
            c["n"] = n
        return Claim(*where, verdict=found.verdict, reported=reported, explanation=text, citations=cites)


ANAPHORS = {"org": re.compile(r"\b(?:nämnden|förvaltningen|nämndens|förvaltningens|the committee|the department)\b",
                              re.IGNORECASE),
            "project": re.compile(r"\b(?:projektet|projektets|the project)\b", re.IGNORECASE)}


@dataclass
class Subjects:
    """What a draft has named so far: the subject its sentences carry, and the last organisation and
    project named, which 'nämnden', 'förvaltningen' and 'projektet' refer back to."""

    current: Query | None = None
    last: dict[str, Query] = field(default_factory=dict)

    def referent(self, text: str) -> Query | None:
        return next((self.last[k] for k, word in ANAPHORS.items() if k in self.last and word.search(text)), None)

    def named(self, query: Query) -> None:
        if query.project_ids or query.projects:
            self.last["project"] = query
        elif any(o != CITY for o in query.orgs):
            self.last["org"] = query


def _range(sentence: str, pair: Span | None, read: Context, facts: Stated) -> Match:
    """A figure that is an end of a range the draft states, judged as that range (its unit the high end's)."""
    if pair is None:
        return Match("")
    return range_match(replace(read, unit=unit_of(sentence, pair.high)), pair.low_value, pair.high.value, facts.rows)


@dataclass
class _At:
    """What one sentence of a draft says around its figures: its query, the subject before it, whether it
    names its own, the figures whose year is written in it, and the ranges among its figures."""

    sentence: str
    query: Query
    prior: Query | None
    named_here: bool
    local: set[int]
    ranged: dict[int, Span]
    figs: list[Figure]


def _judge(engine: Engine, facts: Stated, named: Subjects, at: _At, i: int, fig: Figure, year: int | None,
           where: tuple[int, int, str, str], language: str) -> tuple[Claim, str]:
    """One figure's claim and its unit: the stored facts first, then the engine's claim answerers."""
    sentence, opener = at.sentence, phrase(language, "review_opener")
    claim_query, carried = _claim_query(engine, opener, sentence, fig, at.query, language, year, at.prior,
                                        at.named_here, named)
    if not claim_query.goals_named:  # a goal's name holds 'och' ('för arbete och näringsliv'): read from the
        # figure to the next one, not its clause
        upto = next((f.start for f in at.figs if f.start > fig.start), len(sentence))
        goals = _read(engine, opener, sentence[fig.start:upto], language).goals_named
        claim_query = claim_query.model_copy(update={"goals_named": goals}) if goals else claim_query
    part = PART_OF.search(sentence[max(0, fig.start - 12):fig.start]) or PART_AFTER.match(sentence[fig.end:])
    read = context(sentence, fig, claim_query, facts.family, carried=carried, year_local=i in at.local,
                   share=is_share(fig))
    # a part or a share: the claim answerers compute it
    found = Match("") if part or is_share(fig) else _range(sentence, at.ranged.get(fig.start), read, facts)
    found = found if found.verdict or part or is_share(fig) else match(read, facts.rows, facts.project_of,
                                                                        facts.related)
    said = facts.spoken(fig, clause_of(sentence, fig), claim_query.years) if found.verdict == "deviates" else None
    if said is not None and found.other is None:  # the number stands in a report sentence on it
        return facts.spoken_claim(where, said, language), read.unit
    if found.verdict:
        return facts.claim(where, found, language, read.role), read.unit
    answer = engine.check(claim_query)
    verdict, reported = _verdict(answer, fig.value, claim_query, read.unit)
    if verdict in ("correct", "rounded") and answer.figures and not _role_fit(read, facts.by_id.get(
            answer.figures[0].fact_id)):
        verdict = "other_role"  # '40 % av deltagarna har gått vidare' where the report's 40 % is what is expected
    said = facts.spoken(fig, clause_of(sentence, fig), claim_query.years) if verdict == "deviates" else None
    if said is not None:
        return facts.spoken_claim(where, said, language), read.unit
    return Claim(*where, verdict=verdict, reported=reported, explanation=answer.text.split("\n", 1)[0],
                 citations=[c.model_dump(include=CITED) for c in answer.citations[:2]]), read.unit


CITY_WHOLE = re.compile(r"\b(av|of)\s+(?:hela\s+)?(?:stadens|malmö stads|the city.s|all the city.s)\s+",
                        re.IGNORECASE)


def clause_at(sentence: str, clause: str) -> int:
    return max(0, sentence.find(clause))


def _claim_query(engine: Engine, opener: str, sentence: str, fig: Figure, base: Query, lang: str,
                 year: int | None, prior: Query | None = None, named_here: bool = True,
                 referent: Subjects | None = None) -> tuple[Query, bool]:
    """The query of one figure and whether its subject is the sentences' before: what its own clause says
    (role, what it counts, subject) and its year; a clause naming no subject speaks of the subject named
    before it in the sentence, else of the sentences' before ('… ut till förvaltningen, vilket var hälften
    av stadens EU-medel': the city is the other clause's), else of whatever its sentence names."""
    clause = clause_of(sentence, fig)  # "… och deltog i 25 projekt": what 25 counts is read from its clause
    head = sentence[:sentence.find(clause)].strip() if clause in sentence else ""
    if is_share(fig) and CITY_WHOLE.search(clause[fig.end - clause_at(sentence, clause):]):
        # 'svarade för hälften av stadens EU-medel': the city is the whole, the share is the subject's before
        clause = clause[:fig.end - clause_at(sentence, clause)] + CITY_WHOLE.sub(
            r"\1 ", clause[fig.end - clause_at(sentence, clause):])
    read = _read(engine, opener, clause, lang) if clause != sentence else base
    own_subject = (any(getattr(read, s) for s in SUBJECT_SLOTS) if clause != sentence
                   else named_here)  # the clause's subject is all of it
    source, from_before = base, not named_here
    if not own_subject and clause != sentence:
        ahead = _read(engine, opener, head, lang) if head else None
        back = referent.referent(clause) if referent is not None else None
        named_ahead = ahead is not None and any(getattr(ahead, s) for s in SUBJECT_SLOTS)
        if back is None and not named_ahead and referent is not None and head:
            back = referent.referent(head)  # '… ut till förvaltningen, vilket var nästan hälften av …'
        if back is not None:  # '… ut till förvaltningen': the organisation named last
            source, from_before = back, False
        elif ahead is not None and named_ahead:
            source, from_before = ahead, False
        elif prior is not None:
            source, from_before = prior, True
    carried = {} if own_subject else {s: getattr(source, s) for s in SUBJECT_SLOTS}
    from_before = from_before and not own_subject
    if CITY_BEFORE.search(sentence[max(0, fig.start - 24):fig.start]):
        carried.update({s: [] for s in SUBJECT_SLOTS})  # 'av de 60 EU-projekten': all of the city's
        from_before = False
    carried["years"] = [year] if year is not None else []
    return read.model_copy(update={
        **carried, "intent": "check", "operation": "verdict", "claimed": fig.value, "parts": [],
        "claim_precision": fig.precision, "claim_loose": fig.approximate or bool(fig.qualifier)}), from_before


MAX_PER_SENTENCE = 40  # figures judged in one sentence; more is a table or a run of numbers, not prose
MAX_CLAIMS = 400  # figures judged in one draft (a two-page draft has about 40)
SHOWN_SENTENCE = 600  # characters of a sentence returned with each of its claims


def _shown(sentence: str) -> str:
    return sentence if len(sentence) <= SHOWN_SENTENCE else sentence[:SHOWN_SENTENCE] + "…"


def review(engine: Engine, text: str, lang: str | None = None) -> dict[str, Any]:
    """Every figure claim of `text` with its verdict, reported figure, explanation and sources."""
    language = lang or detect_lang(text)
    facts = Stated.of(engine)
    opener = phrase(language, "review_opener")
    claims: list[Claim] = []
    before: list[Operand] = []  # the figures of the sentence before, found in the reports
    named = Subjects()
    dominant = running = dominant_year(text, engine.latest_year)
    end = 0
    for m in SENTENCE.finditer(text):
        sentence = m.group().strip()
        if not sentence:
            continue
        if "\n\n" in text[end:m.start() + 1] or "\n\n" in m.group()[:len(m.group()) - len(m.group().lstrip())]:
            running = dominant  # a new paragraph: back to the year the draft is about
            before = []  # and to no figures a change could be computed from
        if NOW.match(sentence):
            running = dominant  # 'Nu var tio förvaltningar med': after 'Året innan …', the year it is about
        end = m.end()
        offset = m.start() + (len(m.group()) - len(m.group().lstrip()))
        own = _read(engine, opener, sentence, language)
        named_here = any(getattr(own, s) for s in SUBJECT_SLOTS)
        back = None if named_here else named.referent(sentence)
        explicit = named_here or back is not None  # 'Förvaltningen var då …' names whose figure it is
        named.current = back or named.current  # 'Året efter sjönk förvaltningens belopp': the one named last
        subject = named.current
        query = own if named_here or subject is None else own.model_copy(
            update={s: getattr(subject, s) for s in SUBJECT_SLOTS})  # "Nämnden fick …": the subject before
        bullet = sentence[:1] in BULLETS  # a slide's bullet speaks of its heading's subject, the next one too
        prior = subject
        process = not figures_of(sentence, language) and set(own.orgs) <= CITY_ORGANS and not (
            own.project_ids or own.projects or own.funds)  # 'som kommunstyrelsen behandlade den 18 oktober'
        if named_here and not process:
            named.named(own)
            named.current = own if not bullet else named.current
        names = [(n.start, n.end) for n in engine.registry.find_projects(sentence)]
        figs = with_multipliers(sentence, figures_of(sentence, language, names))
        figs = sorted([*figs, *(m for m in multiples(sentence) if not any(f.start < m.end and m.start < f.end
                                                                         for f in figs))], key=lambda f: f.start)
        if len(figs) > MAX_PER_SENTENCE or len(claims) + len(figs) > MAX_CLAIMS:
            room = max(0, min(MAX_PER_SENTENCE, MAX_CLAIMS - len(claims)))
            rest = figs[room:]
            if rest:  # a run of numbers is no sentence a writer checks figure by figure: said once, not judged
                claims.append(Claim(offset + rest[0].start, offset + rest[-1].end, sentence[rest[0].start:rest[0].end],
                                    _shown(sentence), verdict="unclear", reported=None,
                                    explanation=phrase(language, "review_too_many").format(n=len(rest))))
            figs = figs[:room]
        years, topic = figure_years(sentence, figs, running, engine.latest_year)
        if topic is None and not figs and running is not None:
            topic = running + step_of(sentence) if step_of(sentence) else None  # a heading: 'Två år tidigare'
        running = topic if topic is not None else running
        local = {i for i, y in enumerate(years) if y is not None and y != running} | (
            set(range(len(figs))) if topic is not None else set())  # a year written in this sentence
        for a, b in unreadable_of(sentence, language):
            if any(x <= a < y for x, y in names):
                continue
            claims.append(Claim(offset + a, offset + b, sentence[a:b], sentence, verdict="unclear", reported=None,
                                explanation=phrase(language, "claim_unreadable").format(numbers=sentence[a:b])))
        ranged = {f.start: pair for pair in spans(sentence, figs) for f in (pair.low, pair.high)}
        at = _At(sentence, query, prior, explicit, local, ranged, figs)
        mine: list[Operand] = []
        later = []
        for i, (fig, year) in enumerate(zip(figs, years, strict=True)):
            where = (offset + fig.start, offset + fig.end, sentence[fig.start:fig.end], _shown(sentence))
            how = kind(sentence, fig)
            if how is not None:  # a change: computed from the figures it compares, judged first
                later.append((fig, year, how, where))
                continue
            claim, unit = _judge(engine, facts, named, at, i, fig, year, where, language)
            claims.append(claim)
            if (operand := facts.operand(claim, year, unit)) is not None:
                mine.append(operand)
        for fig, _year, how, where in later:
            done = compute(sentence, fig, how, unit_of(sentence, fig), [*before, *mine], language, facts.counterpart)
            claims.append(Claim(*where, verdict=done.verdict,
                                reported={"value": done.value, "display": done.display} if done.value is not None
                                else None, explanation=phrase(language, f"review_computed_{done.verdict}").format(
                                    operation=done.operation), citations=done.citations or []))
        before = [*before[-8:], *(replace(o, here=False) for o in mine)]  # the figures of the sentences before
    claims.sort(key=lambda c: c.start)
    summary = Counter(c.verdict for c in claims)
    return {"claims": [c.__dict__ for c in claims], "summary": {v: summary.get(v, 0) for v in VERDICTS},
            "corpus_version": engine.corpus_version, "lang": language}


__all__ = ["review", "figures_of"]

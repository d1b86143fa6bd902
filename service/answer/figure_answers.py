"""Answers from the figures of running text: the stated figure that fits the question, rankings
and series of such figures, and Ja / Nej / Delvis for a claim against the figure of the same quantity."""

from __future__ import annotations

import re

from core.lang import phrases
from core.schemas import Computation, Evidence, Fact, Item, Note, Query
from core.words import tokenize
from service.answer import arithmetic
from service.answer.base import Sources
from service.answer.compose import Draft
from service.answer.contract import own_facts
from service.answer.routes import between_roles
from service.answer.statements import Match

LOOSE_CLAIM = 0.1  # "nästan/drygt/ungefär X" holds within 10 % of X
SERIES_MATCHES = 12
TIED = 0.5  # score difference below which figures of one sentence answer the question equally


TARGET_REACH = 1500  # characters after a target in which its outcome is reported


def position(fact: Fact) -> int:
    """Where a figure stands in its sentence ("cirka 300" is not the start of "cirka 3000")."""
    found = re.search(re.escape(fact.display) + r"(?![\d,])", fact.label)
    return found.start() if found else len(fact.label)


ROLE_OF_QUERY = {"requisition": "rekvirera", "granted": "beviljat", "budget": "budget", "target": "mal"}


def _role_class(fact: Fact) -> str:
    """What a running-text figure states: an outcome (what happened, what was paid), a target, what could be
    requisitioned, what was granted, a budget or a share."""
    role = fact.stated_role or "utfall"
    return "utfall" if role == "utbetalt" else role


class FigureAnswers(Sources):
    def statement(self, query: Query) -> Evidence | None:
        """A figure from running text; None when nothing in the text fits the question."""
        year = query.years[0] if len(query.years) == 1 else None
        between = between_roles(query)
        if between and (found := self._role_arithmetic(query, None)):
            return found  # a project's target the question states, and its outcome
        if between:
            query = query.model_copy(update={"unit": None})  # the share is a percent; its operands are not
        passages = self.retriever.search(query.search_text, k=6, year=year,
                                         orgs=query.orgs or None)
        spans = [(p.chunk.doc_id, p.chunk.start, p.chunk.end) for p in passages]
        only = own_facts(query, self.registry) if query.project_ids else None
        matches = self._official_first(self.statements.search(query, passages=spans, names=query.names, only=only,
                                                              k=SERIES_MATCHES if query.intent == "series" else 5))
        of_year = [m for m in matches if m.fact.year in query.years]
        if not of_year and query.years and query.quantity:  # nothing for that year: say so, then the nearest year
            other = self.statements.search(query.model_copy(update={"years": []}), passages=spans,
                                           names=query.names, only=only)
            near = sorted((m for m in other if m.counted and m.fact.year not in query.years),
                          key=lambda m: min(abs(m.fact.year - y) for y in query.years))
            matches = near[:1] or matches  # the nearest year
        if not matches:
            return None
        best = matches[0]
        if query.years and best.fact.year not in query.years:
            asked = "text:" + ", ".join(str(y) for y in query.years)
            head = (Note(key="fig_other_year", args={"what": f"text:{query.quantity}", "asked": asked})
                    if query.quantity else Note(key="fig_other_year_it", args={"asked": asked}))
            return _evidence("not_reported", [head, _figure(best.fact)])
        stated = self._claimed_here(query, matches) if query.intent == "check" else None
        outcome_asked = query.role != "target" and (query.intent != "check" or stated is None) and (
            query.operation not in ("share", "difference"))
        if best.fact.stated_role == "mal" and outcome_asked:
            head = Note(key="fig_only_target", args={"quantity": f"text:{query.quantity or ''}"})
            return _evidence("not_reported", [head, _figure(best.fact)])  # an outcome asked, only a target stated
        if query.quantity and not best.counted:
            head = Note(key="fig_no_exact_count", args={"quantity": f"text:{query.quantity}"})
            return _evidence("partial", [head, _figure(best.fact)])
        if query.operation in ("share", "difference"):
            for m in matches[:5] if between else matches[:1]:
                if found := self._role_arithmetic(query, m.fact):
                    return found
        if stated is not None:  # "187 blev självförsörjande": the claimed figure stands in a sentence found
            best = stated
        if query.intent == "check" and query.claimed is not None:
            like = best.counted or stated is not None or (
                not query.quantity and best.fact.unit == (query.unit or best.fact.unit) and query.unit != "count")
            if not like:
                return _evidence("not_reported", [Note(key="fig_no_comparable")])
            basis, shifted = self._by_role(query, best.fact)
            said: list[Note | Item] = [self.verdict(query, basis)]
            if shifted is not None:  # the claim's figure is of another role: named, the verdict is on the asked one
                said.append(Note(key="fig_other_role", args={"other": f"showfig:{shifted.fact_id}",
                                                             "role": f"text:{self._role_word(query, shifted)}",
                                                             "asked": f"text:{self._role_word(query, basis)}"}))
            return _evidence("answered", [*said, _figure(basis)])
        if query.operation == "rank" and best.counted and _single(best.fact):
            return self._ranked_figures(query, [m for m in matches if m.counted and _single(m.fact)])
        if query.intent == "series" and best.counted and _single(best.fact):
            return self._figure_series(query, [m for m in matches if m.counted and _single(m.fact)])
        if query.operation == "sum":
            together = [m.fact for m in matches if m.fact.label == best.fact.label and m.fact.unit == best.fact.unit
                        and m.counted and best.counted and _single(m.fact)]
            if len(together) > 1:
                return self._figure_sum(query, together)
        lines: list[Note | Item] = [_figure(best.fact)]
        same = [m for m in matches[1:6] if m.counted == best.counted and m.fact.label == best.fact.label
                and (not query.years or m.fact.year in query.years)
                and m.score >= best.score - TIED]  # the question's words picked one of them: that one only
        lines += [_figure(m.fact, quote=False) for m in same[:4]]
        more = [m for m in matches[1:4] if m.counted == best.counted and m.fact.label != best.fact.label
                and m.score >= best.score * 0.8 and m.fact.year == best.fact.year
                and (m.fact.value, m.fact.unit) != (best.fact.value, best.fact.unit)]  # not the same figure again
        if more:
            lines.append(Note(key="fig_also"))
            lines += [_figure(m.fact) for m in more]
        return _evidence("answered", lines)

    def target_verdict(self, query: Query) -> Evidence | None:
        """'Nådde Malmökraften målet att 1800 skulle gå till arbete eller studier?': the outcome the project's text
        reports after the target the question states, against it (Ja when it reached the target)."""
        pair = self._target_and_outcome(query)
        if pair is None:
            return None
        done, target = pair
        key = "fig_target_reached" if done.value >= target.value else "fig_target_missed"
        return _evidence("answered", [Note(key=key, args={"done": f"showfig:{done.fact_id}",
                                                          "target": f"showfig:{target.fact_id}"}),
                                      _figure(done), _figure(target, quote=done.label != target.label)])

    def has_own(self, query: Query) -> bool:
        """Whether the named project's own text has a figure of what the question counts."""
        only = own_facts(query, self.registry)
        found = self.statements.search(query, names=query.names, only=only)
        return any(m.counted for m in found) if query.quantity else bool(found)

    def _official_first(self, matches: list[Match]) -> list[Match]:
        """A document the manifest does not list never outranks an official one (stable otherwise)."""
        return sorted(matches, key=lambda m: m.fact.doc_id in self.facts.unofficial)

    def _claimed_here(self, query: Query, matches: list[Match]) -> Match | None:
        """The claim's own figure, when a sentence the question's words found states it: '1870 har gått vidare'
        beside 'cirka 100 personer', 'varav 187 nu är självförsörjande' beside 'över 300 deltagare'. The
        verdict is then on that figure (and its role), never on a neighbour of another quantity."""
        if query.claimed is None or not matches:
            return None
        sentences = {m.fact.label for m in matches[:3]}
        official = [m for m in matches if m.fact.doc_id not in self.facts.unofficial]
        for m in official if any(m.counted for m in official) else matches:  # an unlisted file confirms nothing
            near = abs(m.fact.value - query.claimed) <= max(0.5, m.fact.precision / 2, query.claim_precision / 2)
            if query.years and m.fact.year not in query.years:
                continue
            if near and (m.counted or m.fact.label in sentences) and m.fact.unit == (query.unit or m.fact.unit):
                return m
        return None

    def span(self, query: Query) -> Evidence | None:
        """'Vad var spannet för projektens budgetar 2024?': the range the text states, both its ends (of each
        asked year; else the nearest year, said first); None when the text states no range that fits."""
        year = query.years[0] if len(query.years) == 1 else None
        passages = self.retriever.search(query.search_text, k=6, year=year, orgs=query.orgs or None)
        spans = [(p.chunk.doc_id, p.chunk.start, p.chunk.end) for p in passages]
        matches = self.statements.search(query, passages=spans, names=query.names, k=SERIES_MATCHES, ranges=True)
        matches = [m for m in matches if not query.unit or query.unit == "count" or m.fact.unit == query.unit]
        if not matches:
            return None
        found = [next(m for m in matches if m.fact.year == y) for y in query.years
                 if any(m.fact.year == y for m in matches)] if query.years else matches[:1]
        lines: list[Note | Item] = []
        if not found:  # not for the asked year: said first, then the nearest year's
            found = [min(matches, key=lambda m: min(abs(m.fact.year - y) for y in query.years))]
            lines.append(Note(key="fig_other_year_it", args={"asked": "text:" + ", ".join(map(str, query.years))}))
        for m in found:
            ref = m.fact.fact_id
            lines += [Note(key="fig_range", args={"low": f"low:{ref}", "high": f"high:{ref}"}), _figure(m.fact)]
        return _evidence("not_reported" if len(lines) > 2 * len(found) else "answered", lines)

    def _by_role(self, query: Query, fact: Fact) -> tuple[Fact, Fact | None]:
        """The figure a claim is checked against: of the role the claim states ("fick 41,9 miljoner" claims
        what was received, not what could be requisitioned; "1 870 gick vidare" an outcome, not the target).
        When the best match is of another role and its sentence states one of the asked role, that one is the
        basis and the other is named."""
        asked = ROLE_OF_QUERY.get(query.role or "", "utfall")
        if _role_class(fact) == asked:
            return fact, None
        same = [f for f in self.statements.figures if f.doc_id == fact.doc_id and f.label == fact.label
                and f.unit == fact.unit and f.fact_id != fact.fact_id and _role_class(f) == asked and _single(f)]
        if not same:
            return fact, None
        return min(same, key=lambda f: abs(f.span_start - fact.span_start)), fact

    def _role_arithmetic(self, query: Query, fact: Fact | None) -> Evidence | None:
        """'Hur stor andel av de möjliga medlen användes?': a sentence that states an outcome and what could be
        requisitioned, was granted, budgeted or targeted, in one unit: the outcome as a share of the other and
        the difference, with the work shown."""
        same = [f for f in self.statements.figures if fact is not None and f.doc_id == fact.doc_id
                and f.label == fact.label and f.unit == fact.unit and f.unit != "percent" and _single(f)]
        outcome = [f for f in same if _role_class(f) == "utfall"]
        other = [f for f in same if _role_class(f) in ("rekvirera", "beviljat", "budget", "mal")]
        if (len(outcome) != 1 or len(other) != 1) and (pair := self._target_and_outcome(query)):
            outcome, other = [pair[0]], [pair[1]]
        if len(outcome) != 1 or len(other) != 1:
            return None
        done, whole = outcome[0], other[0]
        work = arithmetic.Work(query.lang)
        shown = Draft(query.lang, self.registry, self.docs).show_figure  # the computation's text only
        share = work.computed("share", [done, whole], f"{shown(done)} / {shown(whole)} = {{result}}", "percent")
        diff = work.computed("difference", [done, whole], f"{shown(whole)} − {shown(done)} = {{result}}", done.unit)
        lines: list[Note | Item] = [
            Note(key="fig_role_share", args={"share": work.comp(share), "work": work.work(share),
                                             "role": f"text:{self._role_word(query, whole)}"}),
            Note(key="fig_role_difference", args={"diff": work.comp(diff), "work": work.work(diff)}),
            _figure(done, quote=False), _figure(whole)]
        return Evidence(answerer="figures", status="answered", lines=lines, computations=work.computations)

    def _target_and_outcome(self, query: Query) -> tuple[Fact, Fact] | None:
        """'Hur stor andel av målet på 200 inskrivna har React-EU Uppsök nått?': the project's target that the
        question states, and the first outcome its text reports after it (same unit, within its paragraphs)."""
        if not query.project_ids or not query.asked_numbers:
            return None
        own = [self.facts.by_id[i] for i in own_facts(query, self.registry) if i in self.facts.by_id]
        targets = [f for f in own if _role_class(f) == "mal" and f.value in query.asked_numbers]
        for target in targets:
            terms = set(query.terms)
            after = sorted((f for f in own if f.doc_id == target.doc_id and f.unit == target.unit
                            and _role_class(f) == "utfall" and 0 < f.span_start - target.span_start <= TARGET_REACH),
                           key=lambda f: (-len(terms & set(tokenize(f.label))), f.span_start, position(f)))
            if after:
                return after[0], target
        return None

    def _role_word(self, query: Query, fact: Fact) -> str:
        return phrases(query.lang).get(f"fig_role_{_role_class(fact)}", _role_class(fact))

    def _figure_sum(self, query: Query, figures: list[Fact]) -> Evidence:
        """'Hur många deltog totalt, på plats och digitalt?': the figures one sentence states, added up."""
        work = arithmetic.Work(query.lang)
        ordered = sorted(figures, key=lambda f: position(f))
        lines: list[Note | Item] = [_figure(ordered[0]), *(_figure(f, quote=False) for f in ordered[1:])]
        shown = Draft(query.lang, self.registry, self.docs).show_figure  # the computation's text only
        terms = " + ".join(shown(f) for f in ordered)
        comp = work.computed("sum", ordered, f"{terms} = {{result}}", ordered[0].unit)
        approx = any(f.approximate for f in ordered)
        about = approx and not comp.display.startswith(("ca ", "about "))
        lines.insert(0, Note(key="fig_sum_about" if about else "fig_sum",
                             args={"comp": work.comp(comp), "work": work.work(comp)}))
        return _evidence("answered", lines, work.computations)

    def _ranked_figures(self, query: Query, matches: list[Match]) -> Evidence:
        """'Vilken förvaltning tog emot flest studiebesök?': the stated figures of that quantity, largest first."""
        matches = [m for m in matches if not query.years or m.fact.year in query.years] or matches
        ranked = sorted(matches, key=lambda m: m.fact.value, reverse=not query.fewest)
        lines: list[Note | Item] = [Note(key="fig_ranked_smallest" if query.fewest else "fig_ranked_largest")]
        lines += [_figure(m.fact) for m in ranked[:4]]
        lines.append(Note(key="fig_ranked_scope"))
        return _evidence("answered", lines)

    def _figure_series(self, query: Query, matches: list[Match]) -> Evidence:
        """'Hur har antalet skjutningar förändrats?': every year the text states, in order."""
        by_year: dict[int, Match] = {}
        for m in matches:
            if m.fact.quantity == matches[0].fact.quantity or m.fact.unit == matches[0].fact.unit:
                by_year.setdefault(m.fact.year, m)
        ordered = [by_year[y] for y in sorted(by_year)]
        lines: list[Note | Item] = [_figure(m.fact) for m in ordered]
        return _evidence("answered", lines)

    def verdict(self, query: Query, fact: Fact) -> Note:
        """Ja / Nej / Delvis for a claimed figure against the reported one of the same quantity (within a
        range the report states: Delvis)."""
        claimed = query.claimed if query.claimed is not None else 0.0
        if fact.high is not None:
            within = fact.value - fact.precision / 2 <= claimed <= fact.high + fact.precision / 2
            return Note(key="fig_verdict_in_range", args={"low": f"low:{fact.fact_id}", "high": f"high:{fact.fact_id}"}
                        ) if within else Note(key="no")
        if query.threshold is not None and abs(query.threshold - claimed) < 0.5:
            holds = fact.value > query.threshold if query.above else fact.value < query.threshold
            near = abs(fact.value - query.threshold) <= fact.precision / 2
            if near:
                return Note(key="fig_verdict_near_limit")
            return Note(key="exact_yes" if holds else "no")
        slack = max(0.5, fact.precision / 2, query.claim_precision / 2)  # either figure rounded
        loose = query.claim_loose  # "nästan en miljon", "drygt 4 miljoner", "ungefär 50"
        if loose and abs(claimed - fact.value) <= LOOSE_CLAIM * abs(claimed):
            return Note(key="fig_verdict_roughly")
        if abs(claimed - fact.value) <= max(0.5, fact.precision / 2):
            return Note(key="exact_yes")
        if abs(claimed - fact.value) <= slack:
            return Note(key="fig_verdict_rounded")
        if abs(claimed - fact.value) <= 0.05 * abs(fact.value):
            return Note(key="fig_verdict_partly")
        return Note(key="no")


def _single(fact: Fact) -> bool:
    """A figure of one value, not a range (a range is no term of a sum, no row of a ranking)."""
    return fact.high is None


def _figure(fact: Fact, *, quote: bool = True) -> Item:
    """A running-text figure, with its sentence as quote unless `quote` is False."""
    return Item(kind="figure", fact_id=fact.fact_id, quote=quote)


def _evidence(status: str, lines: list[Note | Item], computations: list[Computation] | None = None) -> Evidence:
    return Evidence(answerer="figures", status=status, lines=lines, computations=list(computations or []))

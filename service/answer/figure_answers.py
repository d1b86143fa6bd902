"""Answers from the figures of running text: the stated figure that fits the question, rankings
and series of such figures, and Ja / Nej / Delvis for a claim against the figure of the same quantity."""

from __future__ import annotations

import re

from core.schemas import Answer, Fact, Query
from service.answer import arithmetic
from service.answer.base import EngineBase
from service.answer.compose import Draft
from service.answer.statements import Match

LOOSE_CLAIM = 0.1  # "nästan/drygt/ungefär X" holds within 10 % of X
SERIES_MATCHES = 12
TIED = 0.5  # score difference below which figures of one sentence answer the question equally


def position(fact: Fact) -> int:
    """Where a figure stands in its sentence ("cirka 300" is not the start of "cirka 3000")."""
    found = re.search(re.escape(fact.display) + r"(?![\d,])", fact.label)
    return found.start() if found else len(fact.label)


class FigureAnswers(EngineBase):
    def _statement(self, query: Query, draft: Draft) -> Answer | None:
        """A figure from running text; None when nothing in the text fits the question."""
        year = query.years[0] if len(query.years) == 1 else None
        passages = self.retriever.search(query.search_text, k=6, year=year,
                                         orgs=query.orgs or None)
        spans = [(p.chunk.doc_id, p.chunk.start, p.chunk.end) for p in passages]
        matches = self.statements.search(query, passages=spans, names=query.names,
                                         k=SERIES_MATCHES if query.intent == "series" else 5)
        if not matches and query.years and query.quantity:  # nothing for that year: say so, then other years
            other = self.statements.search(query.model_copy(update={"years": []}), passages=spans,
                                           names=query.names)
            near = sorted((m for m in other if m.counted and m.fact.year not in query.years),
                          key=lambda m: min(abs(m.fact.year - y) for y in query.years))
            matches = near[:1]  # the nearest year
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
        if query.operation == "sum":
            together = [m.fact for m in matches if m.fact.label == best.fact.label and m.fact.unit == best.fact.unit
                        and m.counted and best.counted]
            if len(together) > 1:
                return self._figure_sum(query, draft, together)
        lines = [draft.state_figure(best.fact)]
        same = [m for m in matches[1:6] if m.counted == best.counted and m.fact.label == best.fact.label
                and (not query.years or m.fact.year in query.years)
                and m.score >= best.score - TIED]  # the question's words picked one of them: that one only
        lines += [draft.state_figure(m.fact, quote=False) for m in same[:4]]
        more = [m for m in matches[1:4] if m.counted == best.counted and m.fact.label != best.fact.label
                and m.score >= best.score * 0.8 and m.fact.year == best.fact.year]
        if more:
            lines.append("Rapporterna nämner också:" if sv else "The reports also state:")
            lines += [draft.state_figure(m.fact) for m in more]
        return self._finish(query, draft, "answered", "\n".join(lines), [], [])

    def _figure_sum(self, query: Query, draft: Draft, figures: list[Fact]) -> Answer:
        """'Hur många deltog totalt, på plats och digitalt?': the figures one sentence states, added up."""
        sv = draft.lang == "sv"
        work = arithmetic.Work(draft)
        ordered = sorted(figures, key=lambda f: position(f))
        lines = [draft.state_figure(ordered[0])] + [draft.state_figure(f, quote=False) for f in ordered[1:]]
        terms = " + ".join(draft.show_figure(f) for f in ordered)
        comp = work.computed("sum", ordered, f"{terms} = {{result}}", ordered[0].unit)
        approx = any(f.approximate for f in ordered)
        about = ("ca " if sv else "about ") if approx and not comp.display.startswith(("ca ", "about ")) else ""
        lines.insert(0, (f"Sammanlagt {about}{comp.display} (beräknat: {comp.text})." if sv else
                         f"Together {about}{comp.display} (computed: {comp.text})."))
        answer = self._finish(query, draft, "answered", "\n".join(lines), [], [])
        return answer.model_copy(update={"computations": work.computations})

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

    def _figure_series(self, query: Query, draft: Draft, matches: list[Match]) -> Answer:
        """'Hur har antalet skjutningar förändrats?': every year the text states, in order."""
        by_year: dict[int, Match] = {}
        for m in matches:
            if m.fact.quantity == matches[0].fact.quantity or m.fact.unit == matches[0].fact.unit:
                by_year.setdefault(m.fact.year, m)
        ordered = [by_year[y] for y in sorted(by_year)]
        lines = [draft.state_figure(m.fact) for m in ordered]
        return self._finish(query, draft, "answered", "\n".join(lines), [], [])

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
        slack = max(0.5, fact.precision, query.claim_precision)  # rounded or truncated
        loose = query.claim_loose  # "nästan en miljon", "drygt 4 miljoner", "ungefär 50"
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

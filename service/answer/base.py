"""What every answering stage of the engine shares: the stores of one build and how an Answer
is finished (caveats of the figures used, unlisted documents named, the corpus version)."""

from __future__ import annotations

from core.entities import Registry
from core.schemas import Answer, Document, Query, TableRow
from service.answer.compose import Draft, caveat
from service.answer.lookup import Facts, same_unit
from service.answer.retrieve import Retriever
from service.answer.statements import StatementIndex


class EngineBase:
    registry: Registry
    docs: dict[str, Document]
    facts: Facts
    statements: StatementIndex
    retriever: Retriever
    corpus_version: str

    def _unofficial_caveats(self, draft: Draft) -> list[str]:
        """An unlisted document that states another value for a figure the answer uses is named."""
        out: list[str] = []
        keys = {same_unit(f): f for f in draft.used if f.doc_id not in self.facts.unofficial}
        if not keys or not self.facts.unofficial:
            return out
        for other in self.facts.where(doc_id=sorted(self.facts.unofficial), year=[f.year for f in draft.used]):
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

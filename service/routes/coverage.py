"""GET /api/coverage: what the service covers (documents, years, nämnder, how many figures),
example questions that work, and how answers are checked. The home page shows the same."""

from __future__ import annotations

from collections import Counter, defaultdict

from fastapi import APIRouter

from core.entities import CITY, Registry
from core.schemas import Fact
from service.deps import KeyDep, ServedDep
from service.models import CoverageDocument, CoverageOut, LocalizedText, Organisation
from service.routes import KEYED, errors
from service.serving import Served

router = APIRouter(prefix="/api", tags=["coverage"])

# Questions the engine answers from the corpus (tests/test_api.py asks each one in both languages).
EXAMPLES = [
    LocalizedText(sv="Hur mycket EU-medel fick miljönämnden 2024?",
                  en="How much EU funding did the environment committee get in 2024?"),
    LocalizedText(sv="Hur har antalet EU-projekt utvecklats 2018–2024?",
                  en="How has the number of EU projects developed 2018–2024?"),
    LocalizedText(sv="Vilka fonder fick Malmö stad EU-medel från 2024?",
                  en="Which funds did Malmö receive EU funding from in 2024?"),
    LocalizedText(sv="Hur mycket fick TAMU 2019?", en="How much did TAMU get in 2019?"),
    LocalizedText(sv="Hur många samverkansparter hade Malmö stad 2019?",
                  en="How many cooperation partners did Malmö have in 2019?"),
]
CHECKING = LocalizedText(
    sv="Varje siffra i ett svar är hämtad ur rapporterna eller räknad ur dem; den visas med dokument, sida eller "
       "avsnitt och det ordagranna citatet, och rapporternas egna motsägelser anges.",
    en="Every figure in an answer is taken from the reports or computed from them; it is shown with its document, "
       "page or section and the verbatim quote, and contradictions between the reports are pointed out.",
)

COVERAGE_EXAMPLE = {
    "documents": [{
        "doc_id": "2024_stk_redovisning_internationellt_arbete",
        "title": "Redovisning av internationellt arbete 2024 (tjänsteskrivelse, STK-2025-405)",
        "short_name": "Redovisning 2024", "year": 2024, "official": True, "pages": 6, "facts": 84,
        "table_facts": 40, "text_figures": 44,
        "organisations": [{"id": "asn", "name": "Arbetsmarknads- och socialnämnden",
                           "name_en": "Labour Market and Social Services Committee"}],
    }],
    "years": [2018, 2019, 2022, 2024], "facts": 360, "table_facts": 160, "text_figures": 200,
    "organisations": [{"id": "miljon", "name": "Miljönämnden", "name_en": "Environment Committee"}],
    "examples": [EXAMPLES[0].model_dump()], "checking": CHECKING.model_dump(), "corpus_version": "…",
}


def _organisations(facts: list[Fact], registry: Registry) -> list[Organisation]:
    """The nämnder (and the city as a whole) the facts are about, by Swedish name."""
    ids = {registry.unit_of(f.org) for f in facts}
    out = [Organisation(id=i, name=registry.display(i), name_en=registry.display(i, "en")) for i in ids]
    return sorted(out, key=lambda o: (o.id != CITY, o.name))


@router.get("/coverage", response_model=CoverageOut,
            responses={200: {"content": {"application/json": {"example": COVERAGE_EXAMPLE}}}, **errors(*KEYED)})
def coverage(_key: KeyDep, served: ServedDep) -> CoverageOut:
    """What can be asked: the documents (title, year, whether official, how many figures:
    table facts and running-text figures), the years and nämnder they cover, example
    questions (Swedish and English) that are answered from them, and how answers are checked."""
    found = _COMPUTED.get(served.build_id)
    if found is None:  # once per build (the home page asks on every visit): a build never changes
        found = _coverage(served)
        _COMPUTED.clear()
        _COMPUTED[served.build_id] = found
    return found


_COMPUTED: dict[str, CoverageOut] = {}


def _coverage(served: Served) -> CoverageOut:
    facts = served.engine.facts.all()
    registry = served.engine.registry
    per_doc = Counter(f.doc_id for f in facts)
    text_per_doc = Counter(f.doc_id for f in facts if f.source == "text")
    by_doc: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_doc[f.doc_id].append(f)
    documents = []
    for row in served.documents:
        meta = row["meta"]
        documents.append(CoverageDocument(
            doc_id=row["doc_id"], title=meta["title"], short_name=meta["short_name"], year=meta["year"],
            official=bool(meta.get("official", False)), pages=sum(1 for p in row["pages"] if p.get("number")),
            facts=per_doc[row["doc_id"]], table_facts=per_doc[row["doc_id"]] - text_per_doc[row["doc_id"]],
            text_figures=text_per_doc[row["doc_id"]], organisations=_organisations(by_doc[row["doc_id"]], registry)))
    documents.sort(key=lambda d: (-(d.year or 0), d.doc_id))
    text_figures = sum(text_per_doc.values())
    return CoverageOut(
        documents=documents, years=sorted({d.year for d in documents if d.year is not None}),
        facts=len(facts), table_facts=len(facts) - text_figures, text_figures=text_figures,
        organisations=_organisations(facts, registry), examples=EXAMPLES, checking=CHECKING,
        corpus_version=served.corpus_version)

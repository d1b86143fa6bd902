"""The data types that flow through Faktakoll: Document -> Page -> Chunk, Fact, Check.

One module on purpose: every stage imports its input and output types from here.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class SourceFormat(StrEnum):
    pdf = "pdf"
    text = "text"
    markdown = "markdown"


class DocMeta(BaseModel):
    """What a document is: detected from its text, overridable by the manifest."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(description="Readable title, e.g. 'Redovisning av internationellt arbete 2022'.")
    short_name: str = Field(description="Short citation name, e.g. 'Redovisning 2022'.")
    year: int | None = Field(description="The year the report is about (year reported).")
    kind: str = Field(description="Document kind: rapport, tjansteskrivelse, protokoll.")
    issuer: str | None = Field(default=None, description="Issuing body as written, e.g. 'Stadskontoret'.")
    diarienummer: str | None = Field(default=None, description="Case number such as STK-2025-405.")
    scope: str = Field(
        default="malmo_stad",
        description="Organisation id the report is about as a whole (the city, or one nämnd).",
    )
    ocr: bool = Field(default=False, description="True when the text came from OCR and needs repair.")
    official: bool = Field(
        default=False,
        description="True when corpus/manifest.toml lists the document (an official source); "
        "an unlisted document is titled by its file name.",
    )


class Page(BaseModel):
    """One page of a document. `start`/`end` are offsets into Document.text."""

    number: int | None = Field(description="1-based page in the source; None when the source has no pages.")
    label: str | None = Field(default=None, description="Printed page label found on the page, e.g. '21(36)'.")
    start: int
    end: int


class Document(BaseModel):
    doc_id: str = Field(description="Stable id: the file name without extension.")
    path: str
    source_format: SourceFormat
    content_hash: str = Field(description="sha256 of the file bytes.")
    text: str = Field(description="Original text, verbatim; quotes are taken from here.")
    pages: list[Page]
    meta: DocMeta

    def page_at(self, offset: int) -> Page:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page
        return self.pages[-1]


class Sentence(BaseModel):
    """A readable sentence of a chunk and where it stands, verbatim, in the source."""

    text: str
    start: int
    end: int


class Chunk(BaseModel):
    chunk_id: str = Field(description="Content-derived id; equal text and place give an equal id.")
    doc_id: str
    ordinal: int
    text: str = Field(description="Readable (normalized) text, used for search and display.")
    original: str = Field(description="The same passage verbatim from the source.")
    start: int = Field(description="Offset of `original` in Document.text.")
    end: int
    pages: list[int] = Field(default_factory=list)
    section: str | None = None
    orgs: list[str] = Field(default_factory=list, description="Organisation ids the chunk is about.")
    year: int | None = None
    citation: str = Field(description="Readable citation, e.g. 'Redovisning 2022, s. 21'.")
    sentences: list[Sentence] = Field(default_factory=list, description="Sentences, for quoting.")


class Fact(BaseModel):
    """One figure stated in a report, with the verbatim line it came from."""

    fact_id: str
    doc_id: str
    org: str = Field(description="Canonical organisation id (the city is 'malmo_stad').")
    unit_org: str = Field(description="The nämnd the organisation belongs to; used to compare reports.")
    year: int
    metric: str
    value: float = Field(description="The figure; of a range, its low end.")
    high: float | None = Field(default=None, description="The high end of a range stated in running text ('från "
                               "70 000 kronor ... till 220 000 000 kronor'); None for a single figure.")
    unit: str = Field(description="'SEK' or 'count'.")
    approximate: bool = False
    qualifier: str | None = Field(default=None, description="Word before the figure: ca, cirka, över, ...")
    precision: float = Field(default=1.0, description="Size of the last stated digit, e.g. 100000 for '8,3 miljoner'.")
    fund: str | None = None
    goal: str | None = Field(default=None, description="Kommunfullmäktige goal number as stated, e.g. '2'.")
    goal_label: str | None = None
    project: str | None = None
    category: str | None = Field(default=None, description="Other row label, e.g. a partner sector.")
    role: str = Field(default="value", description="'value', 'part' (a row of a table) or 'total'.")
    group: str | None = Field(default=None, description="Table or list the fact belongs to.")
    dimension: str | None = Field(default=None, description="What the table's rows are: org, fund, goal, ...")
    label: str = Field(description="The row label or phrase as read (normalized).")
    display: str = Field(description="The figure as the report writes it, e.g. 'ca 8,3 miljoner kr'.")
    page: int | None
    quote: str = Field(description="Verbatim source text; Document.text[span_start:span_end] == quote.")
    span_start: int
    span_end: int
    source: str = Field(default="table", description="'table' (a table row or a known metric in prose) or "
                        "'text' (any other number in running text).")
    quantity: str | None = Field(default=None, description="What a running-text figure counts, as written: "
                                 "'deltagare', 'skjutningar', 'kronor', 'euro', 'procent av deltagarna'.")
    stated_role: str | None = Field(default=None, description="utfall, mal, budget, beviljat, rekvirera, "
                                    "utbetalt or andel (running-text figures).")
    section: str | None = Field(default=None, description="Heading of the section the figure stands in.")


ACRONYM = 8  # letters: a longer all-capitals alias is a name, not an acronym


class ProjectSource(BaseModel):
    """One place a report writes about a project: its own section or a paragraph that names it."""

    doc_id: str
    year: int | None = Field(description="The year the document reports on.")
    page: int | None
    span_start: int = Field(description="Offsets of the project's own text in Document.text.")
    span_end: int
    quote: str = Field(description="The sentence that introduces the project there, verbatim.")
    heading: bool = Field(default=False, description="A section headed by the project's name.")
    org: str | None = Field(default=None, description="The organisation whose chapter the text stands in.")


class Project(BaseModel):
    """A project the reports name, found at ingest: a table row, a heading, 'projektet X', 'X är ett …projekt'."""

    project_id: str
    name: str
    aliases: list[str] = Field(default_factory=list, description="Short names, acronyms, without version numbers.")
    owner: str | None = Field(default=None, description="Organisation id of the project owner, when a report says.")
    owner_name: str | None = Field(default=None, description="The owner as written ('Skåne Stadsmission').")
    owner_quote: str | None = Field(default=None, description="The sentence that names the owner, verbatim.")
    owner_role: str | None = Field(default=None, description="'owner' (projektägare, ägs av) or 'lead' (leds, drivs, "
                                   "koordineras av): what the sentence calls it.")
    owner_doc: str | None = None
    owner_page: int | None = None
    reported_by: list[str] = Field(default_factory=list, description="Organisations whose chapters tell of it.")
    partner_role: list[str] = Field(default_factory=list, description="Organisations the reports call projektpart.")
    partners: list[str] = Field(default_factory=list, description="Partners named in its text, as written.")
    partners_quote: str | None = None
    funds: list[str] = Field(default_factory=list, description="Fund ids named in its text.")
    years: list[int] = Field(default_factory=list, description="Years of the reports that tell of it.")
    fact_ids: list[str] = Field(default_factory=list, description="Figures of its own text and table rows.")
    text: str = Field(default="", description="Its own text (readable), for topic search.")
    sources: list[ProjectSource] = Field(default_factory=list)

    def shown(self) -> str:
        """The name with its acronym, as people know it: 'Hållbar plattform för kompetensutveckling (HÅPP)'."""
        acronym = next((a for a in self.aliases if a.isupper() and len(a) <= ACRONYM and a not in self.name), None)
        return f"{self.name} ({acronym})" if acronym else self.name


class CheckFigure(BaseModel):
    fact_id: str
    label: str
    value: float
    doc_id: str
    page: int | None


SLIP_KINDS = ("implausible_year", "past_target_year", "digit_slip", "share_vs_counts", "rounding_claim")


class Check(BaseModel):
    check_id: str
    kind: str = Field(description="Arithmetic over the figures: parts_vs_total, count_parts_vs_total, rows_vs_count, "
                      "cross_report; a report's own slip (ingest/slips.py): " + ", ".join(SLIP_KINDS) + ".")
    description: str
    year: int
    metric: str
    status: str = Field(description="'ok', 'mismatch' or 'parts_exceed_total'.")
    expected: float = Field(description="The stated total (or the first report's figure).")
    actual: float = Field(description="The sum of the parts (or the other report's figure).")
    difference: float
    tolerance: float
    figures: list[CheckFigure]
    doc_id: str | None = Field(default=None, description="A slip: the document it stands in.")
    page: int | None = Field(default=None, description="A slip: its page.")
    quote: str | None = Field(default=None, description="A slip: its sentence or table caption, verbatim "
                              "(Document.text[span_start:span_end]).")
    span_start: int | None = None
    span_end: int | None = None


# --- the answer engine -------------------------------------------------------------


class Query(BaseModel):
    """What a question asks, as slots; follow-ups inherit the slots they leave empty."""

    question: str
    lang: str = Field(description="'sv' or 'en': the language of the answer.")
    intent: str = Field(description="figure, count, list, comparison, series, narrative or check.")
    years: list[int] = Field(default_factory=list)
    orgs: list[str] = Field(default_factory=list, description="Organisation ids named in the question.")
    funds: list[str] = Field(default_factory=list)
    metric: str | None = None
    also_metrics: list[str] = Field(default_factory=list, description="Further metrics the question asks for.")
    goals: list[str] = Field(default_factory=list, description="Kommunfullmäktige goal numbers asked about.")
    projects: list[str] = Field(default_factory=list, description="Projects of the reports' tables the question "
                                "names, as the tables write them.")
    goals_named: list[str] = Field(default_factory=list, description="Goal numbers asked about, by number or by "
                                   "the words of their label.")
    ranked: bool = Field(default=False, description="The question asks for the most/least.")
    dimension: str | None = Field(default=None, description="What a list asks for: fund, org, goal or project.")
    claimed: float | None = Field(default=None, description="The figure a 'stämmer det att ...' question claims.")
    inherited: list[str] = Field(default_factory=list, description="Slots taken from the previous question.")
    quantity: str | None = Field(default=None, description="The noun asked for when it is not a table metric: "
                                 "'deltagare', 'skjutningar', 'medarbetare och chefer'.")
    operation: str | None = Field(default=None, description="value, sum, difference, pct_change, share, threshold, "
                                  "rank or verdict.")
    threshold: float | None = Field(default=None, description="The limit of a 'mer än X' question.")
    above: bool = Field(default=True, description="Threshold direction: True for 'mer än', False for 'mindre än'.")
    fewest: bool = Field(default=False, description="A ranking asks for the least/fewest.")
    unit: str | None = Field(default=None, description="The kind of number asked: SEK, EUR, percent or count.")
    topic: str | None = Field(default=None, description="The earlier question a follow-up continues; its words "
                              "still say what is asked about.")
    unresolved: list[str] = Field(default_factory=list, description="Names in the question that match no "
                                  "organisation, fund or text in the reports; never replaced by another subject.")
    # --- what understand read so that no later stage reads the question again
    names: list[str] = Field(default_factory=list, description="Names of projects or events as typed (capitalised "
                             "words, acronyms, quoted phrases that are no organisation or fund): 'HÅPP', 'Sluta'.")
    name_forms: list[str] = Field(default_factory=list, description="Each name with the lower-case words after it, "
                                  "longest first: 'Sluta skjut', 'Sluta'.")
    role: str | None = Field(default=None, description="The role of the figure asked for: requisition, granted, "
                             "budget, cost, outcome, target or paid.")
    roles: list[str] = Field(default_factory=list, description="Every role the question's words point to.")
    asks: str | None = Field(default=None, description="What is asked about a named subject: 'what' (what is it, "
                             "who runs it, which fund finances it).")
    project_ids: list[str] = Field(default_factory=list, description="Projects of the registry the question names "
                                   "(by name, short name, acronym, or nearly: 'malmokraften', 'happ').")
    asks_about: list[str] = Field(default_factory=list, description="What is asked about a named project: owner, "
                                  "partners, fund, money.")
    claimed_share: float | None = Field(default=None, description="A share a claim states, in percent: 'hälften' "
                                        "50, 'en tredjedel' 33,3, '20 av 47' 42,6, '40 %' 40.")
    claimed_whole: float | None = Field(default=None, description="The whole of 'N av M' in a claim (M).")
    share_cmp: str | None = Field(default=None, description="'more' ('mer än hälften'), 'less' or None (about).")
    per_unit: bool = Field(default=False, description="Asks per förvaltning or nämnd ('i genomsnitt per "
                           "förvaltning', 'förvaltningarna i snitt').")
    that_year: bool = Field(default=False, description="Points back to the previous answer's year ('det året').")
    reached_target: bool = Field(default=False, description="Asks whether a target was reached ('nådde X målet').")
    which_projects: bool = Field(default=False, description="Asks which projects ('vilka projekt hade ASF 2022?').")
    projects_about: bool = Field(default=False, description="Asks which projects were about a topic "
                                 "('vilka projekt handlade om klimat?').")
    about_previous: str | None = Field(default=None, description="A short 'which fund/which year' question about "
                                       "the previous answer: 'fund' or 'year'.")
    points_back: bool = Field(default=False, description="A short question whose words point back at the previous "
                              "answer's subject ('hur mycket fick de?').")
    asks_goal: bool = Field(default=False, description="The question names a kommunfullmäktige goal.")
    both_ends: bool = Field(default=False, description="A ranking asks for the most and the least.")
    asks_range: bool = Field(default=False, description="The question asks for a range, both its ends: 'spannet', "
                             "'what was the range', 'hur stora ... från minst till störst'.")
    rank_by: str | None = Field(default=None, description="What the rows of a ranking or threshold are: org, fund, "
                                "goal or project.")
    mainly: bool = Field(default=False, description="A claim that something came mainly or mostly from one source.")
    claim_precision: float = Field(default=0.0, description="The last stated digit of the claimed figure.")
    claim_loose: bool = Field(default=False, description="The claim hedges its figure: 'nästan', 'drygt', 'ca'.")
    asked_numbers: list[float] = Field(default_factory=list, description="Numbers the asker wrote (not years).")
    asks_number: bool = Field(default=False, description="The question asks for a number ('hur många', 'hur stor "
                              "del', 'how often'): quoted sentences that state a figure are shown first.")
    search_text: str = Field(default="", description="What retrieval searches for: the question and the topic it "
                             "continues.")
    terms: list[str] = Field(default_factory=list, description="Word stems of the question (and its topic) that "
                             "are no question words.")
    noun_terms: list[str] = Field(default_factory=list, description="Stems of the reports' Swedish nouns for the "
                                  "English nouns of the question ('visitors' -> 'besok'): words of the question "
                                  "in a figure's sentence, never a name.")
    topic_terms: list[str] = Field(default_factory=list, description="Distinctive stems: no question, metric, "
                                   "organisation or fund words.")
    places: list[str] = Field(default_factory=list, description="Stems of where something happened ('i "
                              "mässorna'), not what is counted.")
    interpreted: list[str] = Field(default_factory=list, description="Organisation ids read from a misspelled name "
                                   "('miljönämden' -> mn); the answer says 'Tolkat som …'.")
    did_you_mean: list[str] = Field(default_factory=list, description="Organisation ids a misspelled name may be, "
                                    "when no one is sure: the answer asks, with no figures.")
    parts: list[Query] = Field(default_factory=list, description="One sub-query per part of a question with "
                               "several parts, in order; empty for a question of one part.")


class FigureOut(BaseModel):
    """A figure the answer states, always one stored fact."""

    fact_id: str
    label: str = Field(description="What the figure is, in the answer's language.")
    org: str
    year: int
    metric: str
    fund: str | None = None
    value: float = Field(description="The figure; of a range, its low end.")
    high: float | None = Field(default=None, description="The high end of a range; None for a single figure.")
    unit: str
    approximate: bool
    display: str = Field(description="Swedish style: 'ca 8,3 miljoner kr', '1 680 158 kr'.")
    citation: int = Field(description="Number of the citation (1-based) that backs this figure.")
    relaxed: list[str] = Field(default_factory=list, description="How the figure differs from what was asked, "
                               "slot by slot ('year:2021', 'subject:malmo_stad', 'fund:total'); empty: exact.")


class Citation(BaseModel):
    n: int
    doc_id: str
    title: str
    year: int | None
    page: int | None
    quote: str = Field(description="Verbatim text from the source.")
    chunk_id: str | None = None
    fact_id: str | None = None
    span_start: int | None = None
    span_end: int | None = None
    official: bool = Field(default=True, description="False for a document not listed in corpus/manifest.toml.")
    section: str | None = Field(default=None, description="Heading of the section the quote stands in: the "
                                "location in documents without pages (Markdown).")


class TableRow(BaseModel):
    """One row of a series or comparison: language-neutral; the page localizes the headers."""

    label: str = Field(description="The row: a year, an organisation, a fund.")
    value: float | None = Field(description="The figure; null when the reports do not state it (never 0).")
    display: str = Field(description="The figure as shown ('ca 8,3 miljoner kr'), or 'ej redovisat'.")
    unit: str | None = None
    fact_id: str | None = None
    citation: int | None = Field(default=None, description="Number of the citation that backs the value.")
    computed: bool = Field(default=False, description="True for a computed value (shown with its operands).")


class Computation(BaseModel):
    """A figure computed from stored facts, shown with its operands ("beräknat")."""

    op: str = Field(description="sum, difference, pct_change, share or count.")
    value: float
    display: str
    unit: str = Field(description="SEK, count or percent.")
    operands: list[str] = Field(description="fact_id of every operand, in order.")
    text: str = Field(description="The computation written out, e.g. '8,3 + 3,9 = 12,2 miljoner kr'.")


class Note(BaseModel):
    """A sentence of the answer's own (a head, a verdict, what is missing, a list row): a phrase key of the
    language packs and its arguments. Arguments are language-neutral references that compose writes in the
    answer's language: 'org:mn', 'fund:esf', 'metric:eu_funds_paid', 'fact:ID' (the figure and its
    citation), 'fact:ID:PRECISION', 'show:ID' (the figure alone), 'showfig:ID' (a running-text figure),
    'low:ID' / 'high:ID' (an end of a range), 'describe:ID', 'label:ID' (what a table row is about), 'cite:ID',
    'orgs:a,b' (names joined), 'value:V:UNIT', 'pct:V', 'comp:I' / 'work:I' (the I-th
    computation's display / written-out work), 'text:…' (as the report writes it), 'year:Y'. A capital
    first letter ('Metric:…') capitalises the rendering."""

    key: str
    args: dict[str, str] = Field(default_factory=dict)


class Item(BaseModel):
    """A piece of evidence an answer shows, in order: a stored fact, a running-text figure (with its
    sentence as quote), a quoted sentence of a passage, or a computation."""

    kind: str = Field(description="fact, figure, sentence or computation.")
    fact_id: str | None = None
    doc_id: str | None = None
    start: int | None = Field(default=None, description="A sentence's span in Document.text.")
    end: int | None = None
    chunk_id: str | None = None
    section: str | None = None
    text: str | None = Field(default=None, description="A sentence as quoted, verbatim (the chunk's "
                             "reading of it); without it, the span of Document.text, cleaned.")
    computation: int | None = Field(default=None, description="Index into Evidence.computations.")
    quote: bool = Field(default=True, description="A figure shown with its sentence.")
    bullet: bool = False
    use: str = Field(default="answer", description="answer, context (a ranking's rows, a share's whole), "
                     "nearest (offered instead, said so first) or cite (a sentence numbered where it stands, "
                     "quoted by a later item).")


class Evidence(BaseModel):
    """What an answerer found for a query, never text: the status it supports, the lines to say in order
    (notes and items), table rows (by fact), computations with their operands, and caveats of its own.
    compose(evidence, lang) writes the answer from it; verify checks the numbers and the match contract."""

    answerer: str
    status: str
    lines: list[Note | Item] = Field(default_factory=list)
    table: list[TableRow] = Field(default_factory=list)
    computations: list[Computation] = Field(default_factory=list)
    caveats: list[Note] = Field(default_factory=list)


class Answer(BaseModel):
    """The API's answer shape (keep stable)."""

    question: str
    lang: str
    status: str = Field(description="answered, partial, not_reported or unclear.")
    text: str
    figures: list[FigureOut] = Field(default_factory=list)
    table: list[TableRow] = Field(default_factory=list, description="Rows for series and comparisons.")
    citations: list[Citation] = Field(default_factory=list)
    caveats: list[str] = Field(default_factory=list)
    query: Query
    corpus_version: str
    verified: bool = Field(description="True when every number in `text` traced to a figure or a quote.")
    computations: list[Computation] = Field(default_factory=list, description="Figures computed from the used "
                                            "facts (sums, differences, shares), each with its operands.")


Query.model_rebuild()

"""PDFs as they really come: the two Markdown reports printed to PDF by Chromium at A4 and at
Letter (real tables, ligatures, soft hyphens, a running footer), and as a Markdown renderer prints
them (a table's rows flow as one paragraph), and read back. The PDF gives the
same facts as the Markdown, with the same subjects (issue 18): every table, prose and running-text
fact, with its page. What makes this hold whatever the page layout: chapters come from section
numbers, not from the Markdown's '#'s (which the print does not keep and the reports get wrong:
"## Hållbar utveckling" inside chapter 6); a table's caption is read above its first rows even
when these have no figure; a table printed as running text is known by its total
(ingest/flat_tables.py); a table of contents line is no figure however it is spaced."""

from __future__ import annotations

import json
import re
import shutil
import string
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from playwright.sync_api import sync_playwright

from core.entities import Registry
from core.schemas import Fact
from core.settings import Settings
from ingest.metadata import load_manifest
from ingest.normalize import normalize
from ingest.parse import read
from ingest.pipeline import extract
from tests.conftest import ASN_2018, CORPUS

MS_2019 = "2019_malmo_stad_redovisning_internationellt_arbete.md"
REPORTS = [ASN_2018, MS_2019]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TEMPLATE = Path(__file__).parent / "print" / "report.html"
FOOTER = ('<div style="font-size:8pt;width:100%;text-align:right;margin:0 20mm">'
          '<span class="title"></span> <span class="pageNumber"></span>(<span class="totalPages"></span>)</div>')
MARGINS = {"top": "22mm", "bottom": "24mm", "left": "20mm", "right": "20mm"}
CUT_BAR = re.compile(r"^[\s\-–_=]+$")  # a "-----" line under a table row in the Markdown
LONG_WORD = re.compile(r"(?<![&#\w])[^\W\d_]{14,}")
VOWELS = set("aeiouyåäöé")
PAPERS = ["A4", "Letter"]
LAYOUTS = ["tables", "markdown"]


def pipe_tables(markdown: str) -> str:
    """Tab-separated rows (how these Markdown files carry their tables) as Markdown pipe tables."""
    lines, out, i = markdown.split("\n"), [], 0
    while i < len(lines):
        if "\t" not in lines[i]:
            out.append(lines[i])
            i += 1
            continue
        rows = []
        while i < len(lines) and ("\t" in lines[i] or (not lines[i].strip() and "\t" in "".join(lines[i + 1 : i + 2]))):
            if "\t" in lines[i] and not CUT_BAR.match(lines[i]):
                rows.append([cell.strip().replace("|", "\\|") for cell in lines[i].split("\t")])
            i += 1
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        out += ["", "| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        out += ["| " + " | ".join(r) + " |" for r in rows[1:]] + [""]
    return "\n".join(out)


def soft_hyphens(html: str) -> str:
    """A soft hyphen in every long word, where the printer may break it at a line end."""
    def one(m: re.Match[str]) -> str:
        word = m.group()
        cuts = [i for i in range(5, len(word) - 5)  # before the last consonant ahead of a vowel: "för-valt"
                if not {word[i - 1].lower(), word[i].lower()} & VOWELS and word[i + 1].lower() in VOWELS]
        if not cuts:
            return word
        cut = min(cuts, key=lambda i: abs(i - len(word) / 2))
        return word[:cut] + "\u00ad" + word[cut:]
    parts = re.split(r"(<[^>]*>)", html)
    return "".join(p if p.startswith("<") else LONG_WORD.sub(one, p) for p in parts)


def to_html(markdown: str, title: str, paper: str, layout: str) -> str:
    """The report as a page: its tab-separated rows as tables ("tables"), or the Markdown as a
    Markdown renderer gives it ("markdown": a paragraph's lines joined, so a table flows as text)."""
    body = MarkdownIt("commonmark").enable("table").render(pipe_tables(markdown) if layout == "tables" else markdown)
    return string.Template(TEMPLATE.read_text(encoding="utf-8")).substitute(title=title, paper=paper,
                                                                            body=soft_hyphens(body))


def print_reports(folder: Path, paper: str, layout: str) -> Path:
    """`folder` with the two reports as PDFs and a manifest naming the PDFs."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make browser` installs Debian's chromium package")
    manifest = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    entries = {e["file"]: e for e in manifest["document"]}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page()
        for name in REPORTS:
            html = folder / f"{Path(name).stem}.html"
            markdown = (CORPUS / name).read_text(encoding="utf-8")
            html.write_text(to_html(markdown, entries[name]["title"], paper, layout), encoding="utf-8")
            page.goto(html.as_uri())
            page.pdf(path=str(folder / f"{Path(name).stem}.pdf"), format=paper, display_header_footer=True,
                     header_template="<span></span>", footer_template=FOOTER, margin=MARGINS)
            html.unlink()
        browser.close()
    lines = []
    for name in REPORTS:
        lines += ["[[document]]", f'file = "{Path(name).stem}.pdf"']
        lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in entries[name].items()
                  if key != "file"]
    (folder / "manifest.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session", params=[(paper, layout) for layout in LAYOUTS for paper in PAPERS],
                ids=lambda param: "-".join(param))
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two reports printed on one paper size in one layout."""
    paper, layout = request.param
    return print_reports(tmp_path_factory.mktemp(f"printed-{paper}-{layout}"), paper, layout)


@pytest.fixture(scope="session", params=PAPERS)
def printed_tables(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two reports printed on one paper size, their tables as tables."""
    return print_reports(tmp_path_factory.mktemp(f"printed-{request.param}"), request.param, "tables")


def facts_of(folder: Path, name: str, tmp: Path) -> list[Fact]:
    """The facts ingest extracts from one file (parse, normalize, facts; no embedding)."""
    settings = Settings(corpus_dir=folder, data_dir=tmp)
    out = extract(settings, [folder / name], load_manifest(folder), Registry.load(), lambda items, _label: items)
    assert not out.skipped, out.skipped
    return out.facts


def stated(facts: list[Fact]) -> Counter[tuple[object, ...]]:
    """Facts by what they say: value, quantity, subject (organisation, project, fund, goal, category),
    year and role; a table or prose fact's label too (a running-text figure's label is its sentence)."""
    return Counter(
        (f.org, f.project, f.year, f.metric, f.fund, f.goal, f.category, f.value, f.high, f.role, f.stated_role,
         " ".join(f.label.split()) if f.metric != "figure" else None)
        for f in facts
    )


@pytest.mark.parametrize(("name", "table_facts", "figures"), [(ASN_2018, 11, 10), (MS_2019, 5, 80)])
def test_pdf_gives_the_markdown_facts_with_their_subjects_and_pages(printed, tmp_path, name, table_facts, figures):
    pdf = f"{Path(name).stem}.pdf"
    md_facts = facts_of(CORPUS, name, tmp_path / "md")
    assert sum(f.metric != "figure" for f in md_facts) >= table_facts
    assert sum(f.metric == "figure" for f in md_facts) >= figures
    from_md = stated(md_facts)
    from_pdf = facts_of(printed, pdf, tmp_path / "pdf")
    missing, extra = from_md - stated(from_pdf), stated(from_pdf) - from_md
    assert not missing, f"{len(missing)} Markdown facts not found in the PDF: {sorted(missing, key=str)}"
    assert not extra, f"{len(extra)} PDF facts the Markdown does not give: {sorted(extra, key=str)}"
    text = read(printed / pdf, max_bytes=10**8).text
    for fact in from_pdf:
        assert fact.page is not None and fact.page >= 1, fact
        assert text[fact.span_start : fact.span_end] == fact.quote


def test_printed_pdf_has_ligatures_and_soft_hyphens(printed_tables):
    """The fixture is what makes the other tests mean something: its text layer has ligatures
    and hyphenated line ends, which the reading must repair."""
    text = read(printed_tables / f"{Path(ASN_2018).stem}.pdf", max_bytes=10**8).text
    assert re.search("[\ufb00-\ufb04]", text)
    assert re.search("\u2010\n", read(printed_tables / f"{Path(MS_2019).stem}.pdf", max_bytes=10**8).text)


def test_table_rows_stay_lines_of_their_own(printed_tables):
    """Each row of the partners table is one line, with nothing of a heading or caption
    glued to it, and the table's total row is kept whole."""
    text = normalize(read(printed_tables / f"{Path(ASN_2018).stem}.pdf", max_bytes=10**8).text, ocr=False).text
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    rows = ["Offentlig 13", "Privat 5", "Universitet/forskning 3", "Ideell sektor 9", "Summa 30",
            "Arbetsmarknads- och socialförvaltningen 20 038 526"]  # the last one wraps in its cell
    for row in rows:
        assert row in lines, (row, lines)
    assert "3 Samverkansparter 2018" in lines  # the heading above the table, a line of its own


@pytest.mark.parametrize(("source", "word", "verbatim"), [
    ("Oﬀentlig ﬁnansiering", "Offentlig", "Oﬀentlig"),
    ("Oﬀentlig ﬁnansiering", "finansiering", "ﬁnansiering"),
    ("ﬂera ﬃga ﬄ", "flera ffiga ffl", "ﬂera ﬃga ﬄ"),
    ("en utveck-\nling av", "utveckling", "utveck-\nling"),
    ("för-\nvaltningarnas", "förvaltningarnas", "för-\nvaltningarnas"),
    ("social ‐\nförvaltningen", "socialförvaltningen", "social ‐\nförvaltningen"),
    ("social\u00ad\nförvaltningen", "socialförvaltningen", "social\u00ad\nförvaltningen"),
    ("Arbetsmarknads- och social ‐förvaltningen", "socialförvaltningen", "social ‐förvaltningen"),
])
def test_ligatures_and_hyphenation_are_repaired_with_offsets_kept(source, word, verbatim):
    norm = normalize(source, ocr=False)
    start = norm.text.index(word)
    a, b = norm.span_to_original(start, start + len(word))
    assert source[a:b] == verbatim


@pytest.mark.parametrize(("source", "readable"), [
    ("hälso- och\nsjukvård", "hälso- och\nsjukvård"), ("it-\nstöd", "it-stöd"), ("EU-\nprojekt", "EU-projekt"),
    ("Malmö-\nLund", "Malmö-Lund"), ("under två-\nårsperioden", "under två-årsperioden"),
])
def test_real_hyphens_at_line_ends_stay(source, readable):
    assert normalize(source, ocr=False).text == readable


def test_running_footer_is_left_out_and_the_sentence_reads_on():
    page1 = "Under\nåret har förvaltningarna samverkat med\n\nRedovisning av internationellt arbete 2019 2(35)\n"
    page2 = "275 antal externa aktörer.\nNy mening.\n\nRedovisning av internationellt arbete 2019 3(35)\n"
    page3 = "Rubrik\n"
    source = page1 + page2 + page3
    norm = normalize(source, ocr=False, page_starts=[len(page1), len(page1 + page2)])
    assert norm.text == ("Under\nåret har förvaltningarna samverkat med\n275 antal externa aktörer.\nNy mening.\n"
                         "\nRubrik\n")
    start = norm.text.index("275")
    assert source[slice(*norm.span_to_original(start, start + 3))] == "275"


def test_table_goes_on_over_a_page_break(tmp_path):
    """The column header repeated after the footer is passed over: the total row is kept."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rapport.txt").write_text(
        "Redovisning av internationellt arbete 2018\n\nTabell 4, Samverkanssektorer 2018\n\n"
        "Samverkanspart\tAntal\nOffentlig\t13\nPrivat\t5\n"
        "Redovisning av internationellt arbete 2018 2(6)\n"
        "Samverkanspart\tAntal\nSumma\t18\n\nSlut.\n", encoding="utf-8")
    facts = [f for f in facts_of(folder, "rapport.txt", tmp_path / "data") if f.metric == "partners"]
    assert [(f.label, f.value, f.role, f.page) for f in facts] == [
        ("Offentlig", 13, "part", 1), ("Privat", 5, "part", 1), ("Summa", 18, "total", 2)]


def test_a_wrapped_label_of_an_empty_row_is_no_part_of_the_total(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "rapport.txt").write_text(
        "Redovisning av internationellt arbete 2018\n\nUtbetalda EU-medel per målområde\n\n"
        "Målområde\tUtbetalt belopp SEK\n8. En ekologiskt hållbar stad\t307 312\n"
        "9. En stad med bra\narbetsvillkor\nSumma\t307 312\n", encoding="utf-8")
    facts = facts_of(folder, "rapport.txt", tmp_path / "data")
    assert [(f.label, f.role, f.goal) for f in facts if f.metric == "eu_funds_paid"] == [
        ("En ekologiskt hållbar stad", "part", "8"), ("Summa", "total", None)]


def _one_file(tmp_path: Path, text: str, suffix: str = ".txt") -> list[Fact]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / f"rapport{suffix}").write_text(text, encoding="utf-8")
    return facts_of(folder, f"rapport{suffix}", tmp_path / "data")


GOAL_TABLE = ("Redovisning av internationellt arbete 2018\n\nTabell 3, redogör för utbetalda EU-medel fördelat "
              "efter budgetmål\n\nMålområde\tUtbetalt belopp SEK\n{first}"
              "2. En stad för näringsliv och arbete\t19 328 949\n{gap}6. En trygg stad\t402 264\n"
              "{gap}Summa\t19 731 213\n")


@pytest.mark.parametrize(("first", "gap"), [
    ("1. En ung, global och modern stad\n", ""),  # the empty first row on one line, rows close together
    ("1. En ung, global och modern\nstad\n\n", "\n"),  # its label wrapped, rows spaced apart
])
def test_a_caption_above_empty_first_rows_names_the_table(tmp_path, first, gap):
    """How the printed page wraps and spaces a table's empty first row does not change what its
    caption says (before: the caption was the empty row's wrapped word, or nothing, and the paid EU
    funds became bare counts)."""
    facts = _one_file(tmp_path, GOAL_TABLE.format(first=first, gap=gap))
    assert [(f.metric, f.value, f.role, f.goal) for f in facts if f.source != "text"] == [
        ("eu_funds_paid", 19328949, "part", "2"), ("eu_funds_paid", 402264, "part", "6"),
        ("eu_funds_paid", 19731213, "total", None)]


def test_a_column_header_repeated_after_a_page_break_over_empty_first_rows(tmp_path):
    text = ("Redovisning av internationellt arbete 2018\n\nTabell 3, utbetalda EU-medel per budgetmål\n\n"
            "Målområde\tUtbetalt belopp SEK\n1. En ung stad\n2. En stad för arbete\t19 328 949\n"
            "Redovisning av internationellt arbete 2018 1(6)\n"
            "Målområde\tUtbetalt belopp SEK\n6. En trygg stad\t402 264\nSumma\t19 731 213\n")
    facts = [f for f in _one_file(tmp_path, text) if f.source != "text"]
    assert [(f.metric, f.value, f.role, f.page) for f in facts] == [
        ("eu_funds_paid", 19328949, "part", 1), ("eu_funds_paid", 402264, "part", 2),
        ("eu_funds_paid", 19731213, "total", 2)]


def test_justified_lines_that_end_in_figures_are_no_table(tmp_path):
    text = ("Redovisning av internationellt arbete 2019\n\nProjektet har uppmärksammats i tidningen Förskolan.\n"
            "Projektet. Tidningen har läsare över hela Sverige och når 100 000\n"
            "förskollärare och pedagoger. Förskoleforum, en webbplats, där ca 65 %\n"
            "av alla förskolor i riket är anslutna, har också skrivit om projektet.\n")
    assert not [f for f in _one_file(tmp_path, text) if f.source != "text"]


def test_a_contents_line_is_no_figure_however_it_is_spaced(tmp_path):
    text = ("Redovisning av internationellt arbete 2018\n\nInnehållsförteckning\n\n1 Projektredovisning 3\n\n"
            "3 Samverkansparter 2018 5\n\n1 Projektredovisning\n\nUnder året deltog 40 personer.\n")
    assert [(f.value, f.quantity) for f in _one_file(tmp_path, text)] == [(40, "personer")]


MD_CHAPTERS = """# Redovisning av internationellt arbete 2019

## 6 Grundskolenämnden

### 6.1 Del 2; Internationellt arbete i Malmö stads förvaltningar 2019

#### Digitalisering

## Hållbar utveckling

Sammanlagt sex länder deltar.

### **6.1.2 Personella resurser**

Under året arbetade två konstnärer med lärarna.

## **Projekt där arbetsmarknads- och socialförvaltningen är projektägare**

##### *Hela Familjen 2.0*

I projektet arbetar 15 socialsekreterare.
"""


def test_markdown_chapters_follow_section_numbers_not_hashes(tmp_path):
    """'## Hållbar utveckling' inside chapter 6 does not close it: its figures are the
    Grundskolenämnden's, as the printed report (which keeps no '#') gives them; 'Projekt där
    arbetsmarknads- och socialförvaltningen är projektägare' makes the projects' headings below
    it that förvaltning's until the next numbered heading, in Markdown as in a PDF's title lines."""
    facts = _one_file(tmp_path, MD_CHAPTERS, ".md")
    assert [(f.value, f.org) for f in facts] == [(6, "grn"), (2, "grn"), (15, "asf")]


def test_a_table_printed_as_running_text_is_read_by_its_total(tmp_path):
    """A Markdown renderer joins a table's rows into a paragraph that wraps where the page ends a
    line; the total equal to the sum of the figures before it shows where the rows are."""
    text = ("Redovisning av internationellt arbete 2018\n\nTabell 4, Samverkanssektorer 2018\n\n"
            "Samverkanspart Antal Offentlig 13 Privat 5 Universitet/forskning 3 Ideell\nsektor 9 Summa 30\n\n"
            "Under året deltog 12 personer och 8 föreläsare, totalt 20.\n")
    facts = _one_file(tmp_path, text)
    assert [(f.metric, " ".join(f.label.split()), f.value, f.role) for f in facts if f.source != "text"] == [
        ("partners", "Offentlig", 13, "part"), ("partners", "Privat", 5, "part"),
        ("partners", "Universitet/forskning", 3, "part"), ("partners", "Ideell sektor", 9, "part"),
        ("partners", "Summa", 30, "total")]
    assert {12, 8} <= {f.value for f in facts if f.source == "text"}  # a sentence with a total is no table


@pytest.mark.parametrize("wrapped", [
    "men nu har skolan en struktur och en\nplan på hur de kan tävla igen nästa år men även med elever från åk 4\n"
    "och åk 5.\n",
    "men nu har skolan en struktur och en plan. Även med elever från åk 4\noch åk 5.\n",
])
def test_a_wrapped_sentence_that_ends_a_line_in_a_number_is_no_table(tmp_path, wrapped):
    """Issue 18: an A4 print of the 2019 report wrapped "…elever från åk 4" / "och åk 5." — two lines
    that end in figures, read as a table of two rows (count 4 and 5, the sentence as their category).
    A row's label that starts in lower case continues the sentence above, unless it ends a label begun
    on the line above (a table's wrapped cell)."""
    text = ("Redovisning av internationellt arbete 2019\n\nDet var första gången som skolan tävlade i "
            "First Lego League " + wrapped)
    assert not [f for f in _one_file(tmp_path, text) if f.source != "text"]


def test_a_wrapped_cell_label_in_lower_case_is_still_a_row(tmp_path):
    text = ("Redovisning av internationellt arbete 2018\n\nTabell 2, utbetalda EU-medel per förvaltning\n\n"
            "Förvaltning\tUtbetalt belopp SEK\nArbetsmarknads- och\nsocialförvaltningen\t20 038 526\n"
            "Fritidsförvaltningen\t1 000\nSumma\t20 039 526\n")
    rows = [f.value for f in _one_file(tmp_path, text) if f.source != "text"]
    assert rows == [20038526, 1000, 20039526]

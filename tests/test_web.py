"""The running service: a live uvicorn for streaming, and the chat and facts pages in a
real headless Chromium (Debian's, driven by Playwright). Screenshots go to test-artifacts/."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import openpyxl
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from core.settings import PROJECT_ROOT, Settings
from tests.live import live_server
from tests.unlisted import unlisted_build

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def server(ingested) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with live_server(ingested[0].corpus_dir, ingested[0].data_dir) as base:
        yield base


def test_chat_streams_status_first_then_answer_then_citations(server):
    events: list[tuple[str, object]] = []
    with httpx.stream("POST", f"{server}/api/chat", json={"question": "Hur mycket EU-medel fick ASF 2022?"},
                      timeout=30) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        buffer = ""
        for text in response.iter_text():
            buffer += text
            while "\n\n" in buffer:
                block, buffer = buffer.split("\n\n", 1)
                lines = dict(line.split(": ", 1) for line in block.splitlines())
                events.append((lines["event"], json.loads(lines["data"])))
    names = [name for name, _ in events]
    assert names[0] == "status" and events[0][1] == {"message": "Söker i rapporterna…"}
    assert "text" in names and names.index("text") < names.index("citations") < names.index("done")
    done = events[-1][1]
    assert isinstance(done, dict) and done["figures"][0]["value"] == 8_300_000 and done["conversation_id"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def _csp_violations(page: Page) -> list[str]:
    """Collects what the Content-Security-Policy blocks on this page (Chromium reports each
    on the console and as a `securitypolicyviolation` event)."""
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));")
    return found


def _ask(page: Page, question: str) -> None:
    count = page.locator(".answer").count()
    page.get_by_label("Din fråga").fill(question)
    page.keyboard.press("Enter")
    expect(page.locator(".answer")).to_have_count(count + 1, timeout=30_000)


def test_chat_page(server, browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    page = context.new_page()
    violations = _csp_violations(page)
    page.goto(server + "/")
    expect(page.get_by_role("heading", name="Faktakoll")).to_be_visible()

    _ask(page, "Hur mycket EU-medel fick miljönämnden 2024?")
    answer = page.locator(".answer").last
    expect(answer.locator(".figure-value").first).to_have_text("ca 10 404 000 kr")
    expect(answer.locator(".badge")).to_have_text("Besvarad")
    page.screenshot(path=ARTIFACTS / "01-figure.png", full_page=True)

    answer.locator(".cite").first.click()
    panel = page.locator("#source-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("mark")).to_have_text("Miljonamnden 25 projekt 10 404 000 kronor")
    page.screenshot(path=ARTIFACTS / "02-source-panel.png")
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()

    _ask(page, "och 2022?")
    expect(page.locator(".answer").last.locator(".figure-value").first).to_have_text("ca 1,6 miljoner kr")
    page.screenshot(path=ARTIFACTS / "03-follow-up.png", full_page=True)

    _ask(page, "Hur har antalet EU-projekt utvecklats 2018–2024?")
    series = page.locator(".answer").last
    expect(series.locator("table.series .bar")).to_have_count(6)  # the table is the chart: a bar per reported year
    expect(series.locator("table.series tbody tr")).to_have_count(7)
    series.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "04-series-chart.png", full_page=True)

    _ask(page, "Vilka program fick EU-medel 2024?")
    expect(page.locator(".answer").last.locator(".caveat").first).to_contain_text("49 834 469 kr")
    copy = page.locator(".answer").last.locator(".copy")
    copy.click()
    expect(copy).to_have_attribute("data-copied", __import__("re").compile("Källor:.*\\[1\\].*Korpusversion", 16))
    page.screenshot(path=ARTIFACTS / "05-caveat.png", full_page=True)
    assert violations == []
    context.close()


def test_page_in_english_and_on_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server + "/")
    page.get_by_role("button", name="Switch to English").click()
    page.get_by_label("Your question").fill("How much ESF money did ASF get in 2022?")
    page.keyboard.press("Enter")
    answer = page.locator(".answer").last
    expect(answer.locator(".badge")).to_have_text("Partly reported", timeout=30_000)
    # the total offered instead of the ESF part is a line of the text, not a figure shown as the answer
    expect(answer.locator(".text")).to_contain_text("about SEK 8.3 million")
    expect(answer.locator(".figure-value")).to_have_count(0)
    page.screenshot(path=ARTIFACTS / "06-phone-english.png", full_page=True)
    context.close()


def test_facts_page_filters_sorts_and_downloads_csv(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    violations = _csp_violations(page)
    page.goto(server + "/fakta")
    page.get_by_label("År").fill("2024")
    page.get_by_label("Organisation").fill("miljönämnden")
    page.get_by_role("button", name="Filtrera").click()
    expect(page.locator("#count")).to_have_text("2 fakta")
    page.get_by_role("button", name="Värde").click()
    expect(page.locator("#facts tbody tr").first.locator("td").nth(4)).to_have_text("25")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV för verktyg").click()
    content = Path(info.value.path()).read_text(encoding="utf-8")
    assert content.startswith("year,org,org_name,metric") and ",10404000," in content and "2023" not in content
    with page.expect_download() as info:
        page.get_by_role("link", name="Ladda ner för Excel").click()
    assert info.value.suggested_filename == "faktakoll-fakta.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))["Fakta"]  # saved without .xlsx
    values = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sheet["D1"].value == "Värde" and sorted(values) == [25, 10_404_000]  # the filtered rows, as numbers
    page.screenshot(path=ARTIFACTS / "07-facts.png", full_page=True)
    assert violations == [] and page.locator(".unofficial").count() == 0  # every report here is in the manifest
    context.close()


def test_api_docs_render_offline_under_their_policy(server, browser):
    """/docs (Swagger UI) and /redoc (ReDoc) work with every request off this server
    aborted: their files come from an installed package, and their policy blocks none of them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def local_only(route):  # type: ignore[no-untyped-def]
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", local_only)
    page = context.new_page()
    violations = _csp_violations(page)
    page.goto(server + "/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Faktakoll")
    expect(page.locator(".opblock-summary-path", has_text="/api/ask").first).to_be_visible()
    page.screenshot(path=ARTIFACTS / "09-docs.png")
    assert violations == []
    page.goto(server + "/redoc")
    expect(page.get_by_role("heading", name="Faktakoll").first).to_be_visible()
    expect(page.get_by_text("/api/facts").first).to_be_attached()
    page.screenshot(path=ARTIFACTS / "10-redoc.png")
    # ReDoc's attribution logo is hard-coded to its CDN: the policy keeps it from leaving the machine
    assert outside == [] and all("cdn.redoc.ly/redoc/logo-mini.svg" in v for v in violations), violations
    context.close()


@pytest.fixture(scope="module")
def unlisted_server(ingested, tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    settings = unlisted_build(tmp_path_factory.mktemp("unlisted-web"), ingested[0])
    with live_server(settings.corpus_dir, settings.data_dir) as base:
        yield base


def test_facts_page_says_a_name_it_cannot_read_and_one_it_read(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/fakta")
    page.get_by_label("Organisation").fill("Hittepånämnden")
    page.get_by_role("button", name="Filtrera").click()
    expect(page.locator("#count")).to_contain_text("Ingen organisation heter ”Hittepånämnden”. Närmast:")
    page.get_by_label("År").fill("2024")
    page.get_by_label("Organisation").fill("miljönämden")  # misspelled: read as Miljönämnden, and said
    page.get_by_role("button", name="Filtrera").click()
    expect(page.locator("#count")).to_have_text("2 fakta (tolkat som Miljönämnden)")
    context.close()


def test_facts_page_marks_unlisted_documents(unlisted_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(unlisted_server + "/fakta")
    fake = page.locator("#facts tbody tr", has_text="99 000 000")
    expect(fake.first.locator(".unofficial")).to_have_text("ej officiell källa")
    official = page.locator("#facts tbody tr", has_text="Redovisning 2019 (ASN)")
    expect(official.first).to_be_visible()
    assert official.count() > 0 and official.locator(".unofficial").count() == 0
    page.screenshot(path=ARTIFACTS / "08-facts-unlisted.png", full_page=True)
    context.close()


# Swedish UI words that must not remain on the page in English mode (the reports' own words, in
# quotes, document titles and section headings, are not UI strings and are not looked at).
SWEDISH_UI = re.compile(r"\b(Kopiera|Kopierat|Källa|Källor|Besvarad|Delvis|Redovisas|Oklart|Avser|Värde|Fråga|Din|"
                        r"Stäng|avsnitt|Samtal|siffror|nämnder|Prova|Korpusversion|Faktatabell|sidor|beräknat|"
                        r"Beräknat|Söker|rapporter|Läsbar|Diagram|Obs|ej)\b")
UI_CHROME = """() => {
  const nodes = document.querySelectorAll("[data-i18n], .badge, th, .copy, .version, #guide h2, #coverage-summary,"
    + " #coverage-orgs-summary, .example, #checking, #source-title, .computed");
  const texts = [document.title, ...[...nodes].map((n) => n.textContent)];
  for (const n of document.querySelectorAll("[aria-label], [placeholder], [title]"))
    texts.push(n.getAttribute("aria-label") || "", n.getAttribute("placeholder") || "", n.getAttribute("title") || "");
  return texts.join(" | ");
}"""


def _failed_requests(page: Page) -> list[str]:
    """Responses with an error status and console errors (a missing favicon shows as both)."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
    return failed


def test_home_page_guides_with_examples_that_are_answered(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed = _failed_requests(page)
    with page.expect_response(lambda r: r.url.endswith("/favicon.svg")) as icon:
        page.goto(server + "/")
    assert icon.value.status == 200 and icon.value.headers["content-type"].startswith("image/svg+xml")
    guide = page.locator("#guide")
    expect(guide.locator(".example")).to_have_count(5)
    expect(page.locator("#coverage-summary")).to_contain_text("5 rapporter om åren 2018, 2019, 2022 och 2024")
    expect(page.locator("#coverage-docs li")).to_have_count(5)
    expect(page.locator("#checking")).to_contain_text("citatet")
    page.screenshot(path=ARTIFACTS / "11-home-sv.png", full_page=True)
    guide.locator(".example").first.click()
    answer = page.locator(".answer").last
    expect(answer.locator(".badge")).to_have_text("Besvarad", timeout=30_000)
    expect(answer.locator(".figure-value").first).to_have_text("ca 10 404 000 kr")
    expect(page.locator(".question").last).to_have_text("Hur mycket EU-medel fick miljönämnden 2024?")
    expect(guide).to_be_hidden()
    assert failed == []
    context.close()


def test_english_mode_has_no_swedish_ui_strings(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/")
    page.get_by_role("button", name="Switch to English").click()
    expect(page.locator("#coverage-summary")).to_contain_text("5 reports on the years 2018, 2019, 2022 and 2024")
    page.screenshot(path=ARTIFACTS / "12-home-en.png", full_page=True)
    page.get_by_role("button", name="How has the number of EU projects developed 2018–2024?").click()
    series = page.locator(".answer").last
    expect(series.locator(".badge")).to_have_text("Partly reported", timeout=30_000)
    expect(series.locator("table.series th")).to_have_text(["Item", "Value"])
    page.get_by_label("Your question").fill("How much EU funding did the environment committee get in 2024?")
    page.keyboard.press("Enter")
    figure = page.locator(".answer").nth(1).locator(".figure-value").first
    expect(figure).to_have_text(re.compile(r"^(about )?SEK [\d,.]+( million)?$"), timeout=30_000)
    page.locator(".answer").nth(1).locator(".cite").first.click()
    expect(page.locator("#source-title")).to_have_text("Source [1]")
    chrome = page.evaluate(UI_CHROME)
    assert "Copy with sources" in chrome and "Close source" in chrome and not SWEDISH_UI.findall(chrome), chrome
    context.close()


def test_source_panel_shows_a_markdown_source_as_clean_text_with_its_section(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/")
    page.get_by_role("button", name="Hur många samverkansparter hade Malmö stad 2019?").click()
    answer = page.locator(".answer").last
    expect(answer.locator(".badge")).to_have_text("Besvarad", timeout=30_000)
    answer.locator(".cite").first.click()
    panel = page.locator("#source-panel")
    expect(panel.locator("#source-path")).to_have_text(
        "avsnitt: 1 Malmö stad › 1.1 Del 2; Internationellt arbete i Malmö stads förvaltningar 2019 › "
        "1.1.1 Sammanfattning")
    expect(panel.locator("mark")).to_have_text(
        "Under året har förvaltningarna samverkat med 275 antal externa aktörer i projekten.")
    text = panel.locator("#source-text").inner_text()
    assert "8 Kommunstyrelsen\t25" in text  # a table-of-contents line of this passage, without its markup
    assert "<b>" not in text and "...." not in text and not re.search(r"(?m)^\s*#", text)
    page.screenshot(path=ARTIFACTS / "13-answer-markdown-source.png")
    context.close()


def test_facts_page_fits_1280_with_titles_merged_duplicates_and_a_kind_filter(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "/fakta")
    expect(page.locator("#count")).to_contain_text("fakta")
    expect(page.locator("#facts tbody td:nth-child(6)").first).not_to_be_empty()  # the rows are drawn
    assert page.evaluate("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
    sources = " ".join(page.locator("#facts tbody td:nth-child(6)").all_inner_texts())
    assert "Redovisning 2022, s. 7" in sources and "_redovisning_" not in sources
    page.screenshot(path=ARTIFACTS / "14-facts-1280.png")

    stated = httpx.get(f"{server}/api/facts", params={"year": 2018}).json()
    assert sum(1 for r in stated if r["value"] == 20_038_526) == 2  # ASF's row and the one-row total
    page.get_by_label("År").fill("2018")
    _filter(page)
    values = [v.replace("\xa0", " ") for v in page.locator("#facts tbody td:nth-child(5)").all_inner_texts()]
    assert values.count("20 038 526") == 1 and "sammanslagna" in page.locator("#count").inner_text()

    page.get_by_label("År").fill("")
    page.get_by_label("Slag").select_option("text")
    _filter(page)
    assert set(page.locator("#facts tbody td:nth-child(3)").all_inner_texts()) == {"siffra i löptext"}
    page.get_by_label("Slag").select_option("table")
    _filter(page)
    assert "siffra i löptext" not in page.locator("#facts tbody td:nth-child(3)").all_inner_texts()
    assert page.evaluate("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
    context.close()


def _filter(page: Page) -> None:
    """Submit the filters and wait for the new rows (the count changes)."""
    before = page.locator("#count").inner_text()
    page.get_by_role("button", name="Filtrera").click()
    expect(page.locator("#count")).not_to_have_text(before)


def test_the_page_says_so_when_a_store_is_away(browser, tmp_path):
    """The vectors' Chroma server stops under a running service: a figure is still answered, a question
    that needs passages gets one plain sentence on the page (the operator's details go to the console)."""
    from contextlib import ExitStack

    from ingest.pipeline import run_ingest
    from tests.conftest import ASN_2019, small_corpus
    from tests.servers import chroma

    with ExitStack() as service, ExitStack() as vectors:
        url = vectors.enter_context(chroma(tmp_path / "chroma"))
        settings = Settings(corpus_dir=small_corpus(tmp_path, ASN_2019), data_dir=tmp_path / "data", chroma_url=url)
        run_ingest(settings)
        base = service.enter_context(live_server(settings.corpus_dir, settings.data_dir, CHROMA_URL=url))
        vectors.close()  # the Chroma server stops; the service runs on
        page = browser.new_page()
        page.goto(base + "/")
        _ask(page, "Hur mycket EU-medel fick ASF 2019?")  # figures come from the database
        expect(page.locator(".answer").last.locator(".figure-value").first).to_be_visible()
        answers = page.locator(".answer").count()
        page.get_by_label("Din fråga").fill("Hur sprids projektresultaten?")  # needs passages
        page.keyboard.press("Enter")
        expect(page.locator("#status")).to_have_text("Tjänsten når inte sina källor just nu. Försök igen om en stund.")
        assert page.locator(".answer").count() == answers
        page.screenshot(path=ARTIFACTS / "09-store-away.png")


def _search(page: Page, button: str = "Sök") -> None:
    """Submit the project search and wait for its answer (a count, or an error)."""
    with page.expect_response(lambda r: "/api/projects" in r.url):
        page.get_by_role("button", name=button).click()


def test_projects_page_finds_a_project_as_typed_with_its_owner_and_sources(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    violations, failed = _csp_violations(page), _failed_requests(page)
    page.goto(server + "/fakta")
    page.get_by_role("link", name="Projekt", exact=True).click()
    expect(page).to_have_url(server + "/projekt")
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^\d\d+ projekt$"))
    page.get_by_label("Projektnamn").fill("malmokraften")
    _search(page)
    expect(page.get_by_role("status")).to_have_text("1 projekt")
    card = page.get_by_role("article", name="Malmökraften")
    expect(card.get_by_role("heading", name="Malmökraften")).to_be_visible()
    owner = card.locator("dd .owner")
    expect(owner.locator(".owner-name")).to_have_text("Arbetsförmedlingen")
    expect(owner.locator("blockquote")).to_have_text(  # the report's sentence, its line break as a space
        "Arbetsförmedlingen är projektägare och de övriga samverkande är Malmö stad, Försäkringskassan och "
        "Primärvården i Region Skåne.")
    expect(owner.locator("cite")).to_have_text("Redovisning 2022, s. 23")
    expect(card.locator("dd", has_text="Försäkringskassan").first).to_be_visible()
    expect(card.locator(".project-figures tbody tr", has_text="4000 deltagare")).not_to_have_count(0)
    expect(card.locator(".project-sources li").first).to_contain_text("Redovisning av internationellt arbete 2022")
    assert "malmokraften" in page.url  # the search is a link that can be shared
    page.screenshot(path=ARTIFACTS / "15-projects.png", full_page=True)

    page.get_by_label("Projektnamn").fill("Bostad Först")
    _search(page)
    expect(page.get_by_role("article", name="Bostad Först").locator(".no-owner")).to_have_text(
        "Rapporterna anger ingen projektägare.")
    page.get_by_label("Projektnamn").fill("inget sådant projekt")
    _search(page)
    expect(page.get_by_role("status")).to_have_text(re.compile("^Inga projekt matchar sökningen"))
    expect(page.locator(".project-card")).to_have_count(0)
    page.get_by_role("link", name="Fråga", exact=True).click()
    expect(page.get_by_role("link", name="Projekt", exact=True)).to_have_attribute("href", "/projekt")
    assert violations == [] and failed == []
    context.close()


def test_projects_page_names_the_field_of_an_unknown_filter(server, browser):
    page = browser.new_page()
    page.goto(server + "/projekt")
    page.get_by_label("Organisation").fill("Hittepånämnden")
    _search(page)
    error = page.get_by_role("alert")
    expect(error).to_contain_text("Organisation: ingen organisation heter ”Hittepånämnden”")
    expect(error).to_contain_text("nearest: ")  # the API's own message with the nearest names, for whoever scripts it
    expect(page.get_by_label("Organisation")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".project-card")).to_have_count(0)
    page.get_by_label("Organisation").fill("")
    page.get_by_label("Fond/program").fill("Hittepåfonden")
    _search(page)
    expect(error).to_contain_text("Fond/program: ingen fond eller inget program heter ”Hittepåfonden”")
    expect(page.get_by_label("Organisation")).not_to_have_attribute("aria-invalid", "true")
    page.get_by_label("Fond/program").fill("ESF")
    _search(page)
    expect(error).to_be_hidden()
    expect(page.locator(".project-card")).not_to_have_count(0)
    page.close()


def test_projects_page_in_english(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server + "/projekt?q=malmokraften")
    expect(page.get_by_role("status")).to_have_text("1 projekt")
    page.get_by_role("button", name="Switch to English").click()
    expect(page.get_by_role("status")).to_have_text("1 project")
    expect(page.get_by_label("Project name")).to_have_value("malmokraften")
    card = page.get_by_role("article", name="Malmökraften")
    expect(card.locator("dt")).to_contain_text(["Project owner", "Reported by", "Project partner (city)", "Partners",
                                                "Funds and programmes", "Years in the reports"])
    expect(card.get_by_role("heading", level=4)).to_have_text([re.compile(r"^Figures \(\d+\)$"),
                                                                re.compile(r"^Sources \(\d+\)$")])
    expect(card.locator("dd .owner cite")).to_have_text("Redovisning 2022, p. 23")
    assert page.evaluate("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
    page.screenshot(path=ARTIFACTS / "16-projects-phone-english.png", full_page=True)
    chrome = page.evaluate(UI_CHROME) + " | " + " | ".join(card.locator("dt, h4").all_inner_texts())
    assert "Search" in chrome and "Facts table" in chrome and not SWEDISH_UI.findall(chrome), chrome
    page.get_by_role("button", name="Byt till svenska").click()
    expect(card.locator("dt").first).to_have_text("Projektägare")
    context.close()

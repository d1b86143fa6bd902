"""The pages as a reader sees them, in a real headless Chromium at 1280 px and on a 390x844 phone (the browser
and live-server fixtures of tests/test_web.py): the facts page's cards and sorting, the answer's table with
bars, the chat kept in the tab, its language and its refusals (with the pages' own rate-limit budget; the same
with an API key: tests/test_api.py). Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from tests.live import live_server
from tests.test_web import ARTIFACTS, browser, server  # noqa: F401  (fixtures shared with the other page tests)

WIDTHS: dict[str, ViewportSize] = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Words (runs of letters and digits) that the layout broke across lines: a word whose pieces sit on more than
# one line. A break at a space, a hyphen or a dash is a line break, not a broken word.
BROKEN_WORDS = """(root) => {
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/[^\\s\\-\\u2010-\\u2015\\/]{2,}/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""

# Pairs of sort buttons whose boxes overlap.
OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll("#facts th button")]
    .map((b) => [b.textContent, b.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
  const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return boxes.flatMap(([n, a], i) => boxes.slice(i + 1).filter(([, b]) => hit(a, b)).map(([m]) => `${n} / ${m}`));
}"""


def _context(chromium: Browser, size: str) -> BrowserContext:
    return chromium.new_context(viewport=WIDTHS[size], is_mobile=size == "phone")


def _no_sideways_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"))


def _sort_mark(page: Page, column: str) -> str:
    """The mark after a column's sort button (an arrow: up, down, or both when the column is not sorted)."""
    button = page.locator("#facts th button", has_text=column)
    return str(button.evaluate("b => getComputedStyle(b, '::after').content"))


@pytest.mark.parametrize("size", WIDTHS)
def test_facts_page_reads_on_a_phone_and_a_desktop(server, browser, size):  # noqa: F811
    context = _context(browser, size)
    page = context.new_page()
    page.goto(server + "/fakta")
    rows = page.locator("#facts tbody tr")
    expect(rows.first).to_be_visible()
    shown = rows.count()
    assert shown > 300
    assert _no_sideways_scroll(page)
    assert page.evaluate(BROKEN_WORDS, page.locator("#facts").element_handle()) == []
    assert page.evaluate(OVERLAPS) == []
    height = page.evaluate("document.scrollingElement.scrollHeight")
    assert height < 200 * shown, f"{height} px for {shown} facts"  # a card or a row, not a letter, per line
    page.screenshot(path=ARTIFACTS / f"facts-{size}.png")

    assert page.locator("#facts th", has_text="År").get_attribute("aria-sort") == "ascending"
    assert "▲" in _sort_mark(page, "År") and "↕" in _sort_mark(page, "Värde")
    page.locator("#facts th button", has_text="Värde").click()
    expect(page.locator("#facts th", has_text="Värde")).to_have_attribute("aria-sort", "ascending")
    page.locator("#facts th button", has_text="Värde").click()
    expect(page.locator("#facts th", has_text="Värde")).to_have_attribute("aria-sort", "descending")
    assert "▼" in _sort_mark(page, "Värde") and "↕" in _sort_mark(page, "År")
    page.screenshot(path=ARTIFACTS / f"facts-sorted-{size}.png")
    assert page.evaluate(BROKEN_WORDS, page.locator("#facts").element_handle()) == []
    context.close()


def _ask(page: Page, question: str) -> None:
    count = page.locator(".answer").count()
    page.locator("#question").fill(question)
    page.keyboard.press("Enter")
    expect(page.locator(".answer")).to_have_count(count + 1, timeout=30_000)


def _text(locator) -> str:  # type: ignore[no-untyped-def]
    return str(locator.evaluate("n => n.textContent")).replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("size", WIDTHS)
def test_a_series_is_one_table_with_bars_and_its_gaps(server, browser, size):  # noqa: F811
    context = _context(browser, size)
    page = context.new_page()
    page.goto(server + "/")
    _ask(page, "Hur har antalet EU-projekt utvecklats 2018–2024?")
    series = page.locator(".answer").last
    rows = series.locator("table.series tbody tr")
    expect(rows).to_have_count(7)
    expect(series.locator(".bar")).to_have_count(6)  # 2020 is not reported: a gap in its place, no bar
    gap = rows.filter(has_text="2020")
    expect(gap).to_have_class("gap")
    expect(gap).to_contain_text("ej redovisat")
    expect(gap.locator(".bar")).to_have_count(0)
    assert series.locator("svg").count() == 0
    widths = {year: rows.filter(has_text=year).locator(".bar").bounding_box()["width"] for year in ("2019", "2024")}
    assert abs(widths["2024"] / widths["2019"] - 60 / 51) < 0.02  # one scale: 60 and 51 projects
    sizes = series.locator("table.series td").evaluate_all(
        "cells => cells.map(c => parseFloat(getComputedStyle(c).fontSize))")
    assert min(sizes) >= 14
    page.screenshot(path=ARTIFACTS / f"series-{size}.png", full_page=True)

    _ask(page, "Jämför EU-medel för ASF och miljönämnden 2024")
    compared = page.locator(".answer").last
    label = compared.locator("table.series td", has_text="socialförvaltningen")
    expect(label).to_have_text("Arbetsmarknads- och socialförvaltningen")  # the whole name, in the page's text
    assert label.evaluate("c => c.scrollWidth <= c.clientWidth")
    assert page.evaluate(BROKEN_WORDS, compared.element_handle()) == []
    assert _text(compared).count("10 404 000") == 1  # one figure shown once
    compared.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / f"series-compared-{size}.png")
    context.close()


@pytest.mark.parametrize("size", WIDTHS)
def test_the_conversation_stays_in_the_tab_and_follows_the_toggle(server, browser, size):  # noqa: F811
    context = _context(browser, size)
    page = context.new_page()
    page.goto(server + "/")
    expect(page.locator("#lang-note")).to_have_text("Svaren kommer på svenska. Välj English för svar på engelska.")
    expect(page.get_by_role("button", name="Ny konversation")).to_be_hidden()
    _ask(page, "How much EU funding did the environment committee get in 2024?")  # the toggle decides: Swedish
    first = page.locator(".answer").first
    expect(first.locator(".figure-value")).to_have_text("ca 10 404 000 kr")
    expect(first.locator(".text")).to_contain_text("Utbetalda EU-medel")

    page.reload()
    expect(page.locator(".answer")).to_have_count(1)
    expect(page.locator(".question")).to_have_text(["How much EU funding did the environment committee get in 2024?"])
    expect(page.locator("#guide")).to_be_hidden()
    _ask(page, "och 2022?")  # the follow-up continues the conversation kept across the reload
    expect(page.locator(".answer").last.locator(".figure-value").first).to_have_text("ca 1,6 miljoner kr")

    page.get_by_role("button", name="Switch to English").click()
    expect(page.locator(".answer .badge")).to_have_text(["Answered", "Answered"])
    expect(page.locator(".answer .copy")).to_have_text(["Copy with sources", "Copy with sources"])
    expect(page.locator("#lang-note")).to_have_text("Answers come in English. Choose Svenska for answers in Swedish.")
    _ask(page, "Hur mycket EU-medel fick miljönämnden 2024?")
    expect(page.locator(".answer").last.locator(".figure-value")).to_have_text(re.compile(r"^about SEK "))
    page.reload()
    expect(page.locator(".answer .badge")).to_have_text(["Answered"] * 3)
    page.screenshot(path=ARTIFACTS / f"chat-kept-english-{size}.png", full_page=True)

    other_tab = context.new_page()  # the conversation is this tab's
    other_tab.goto(server + "/")
    expect(other_tab.locator("#guide .example")).to_have_count(5)
    assert other_tab.locator(".answer").count() == 0
    other_tab.close()

    page.get_by_role("button", name="New conversation").click()
    expect(page.locator(".answer")).to_have_count(0)
    expect(page.locator("#guide")).to_be_visible()
    page.reload()
    expect(page.locator("#guide .example")).to_have_count(5)
    assert page.locator(".answer, .question").count() == 0
    context.close()


@pytest.fixture(scope="module")
def limited_server(ingested) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with live_server(ingested[0].corpus_dir, ingested[0].data_dir, RATE_LIMIT="2/minute") as base:
        yield base


def test_a_refused_question_is_one_sentence_and_the_guide_stays(limited_server, browser):  # noqa: F811
    pages = {}
    for size in WIDTHS:  # each page's guide is one request of the pages' budget of two
        pages[size] = _context(browser, size).new_page()
        pages[size].goto(limited_server + "/")
        expect(pages[size].locator("#guide .example")).to_have_count(5)
    script = [httpx.get(f"{limited_server}/api/facts", params={"year": 2024}).status_code for _ in range(3)]
    assert script == [200, 200, 429]  # a script from the same address has a budget of its own

    desktop, phone = pages["desktop"], pages["phone"]
    desktop.locator("#guide .example").first.click()
    expect(desktop.locator("#status")).to_have_text(
        "Du har ställt många frågor på kort tid. Vänta 60 sekunder och fråga igen.")
    expect(desktop.locator("#guide")).to_be_visible()
    expect(desktop.locator("#question")).to_have_value("Hur mycket EU-medel fick miljönämnden 2024?")
    assert desktop.locator(".question, .answer").count() == 0
    desktop.screenshot(path=ARTIFACTS / "chat-rate-limited-desktop.png")

    phone.get_by_role("button", name="Switch to English").click()
    phone.locator("#question").fill("How much EU funding did ASF get in 2022?")
    phone.keyboard.press("Enter")
    expect(phone.locator("#status")).to_have_text(
        "You have asked many questions in a short time. Wait 60 seconds and ask again.")
    expect(phone.locator("#guide")).to_be_visible()
    phone.screenshot(path=ARTIFACTS / "chat-rate-limited-phone.png")
    for page in pages.values():
        page.context.close()


# Cards whose organisation and value overlap as drawn (the text's own boxes: a name can overflow its cell onto the
# value while the cells' boxes stay apart), allowing a pixel of rounding, as "org | value".
CARD_OVERLAPS = """() => [...document.querySelectorAll("#facts tbody tr")].flatMap((tr) => {
  const drawn = (td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return [...range.getClientRects()].filter((r) => r.width > 0);
  };
  const [org, value] = [tr.children[1], tr.querySelector("td.num")];
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const overlaps = drawn(org).some((a) => drawn(value).some((b) => hit(a, b)));
  return overlaps ? [`${org.textContent} | ${value.textContent}`] : [];
})"""


# Figures drawn on more than one line: each side of a range ("250 000 kronor – 15 000 000 kronor") and the
# text before a " (avrundat)" is one figure.
BROKEN_FIGURES = """() => [...document.querySelectorAll("#facts td.num")].flatMap((td) => {
  const text = td.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return [];
  const figures = [...text.data.split(" (")[0].matchAll(/[^–]+/g)].map((m) => [m.index, m[0].trim()]);
  return figures.filter(([at, figure]) => {
    const range = document.createRange();
    const start = text.data.indexOf(figure, at);
    range.setStart(text, start);
    range.setEnd(text, start + figure.length);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size > 1;
  }).map(([, figure]) => figure);
})"""


def test_facts_cards_keep_the_name_apart_from_the_figure_on_a_phone(server, browser):  # noqa: F811
    context = _context(browser, "phone")
    page = context.new_page()
    page.goto(server + "/fakta")
    expect(page.locator("#facts tbody tr").first).to_be_visible()
    assert page.locator("#facts tbody tr").count() > 300
    overlaps, broken = page.evaluate(CARD_OVERLAPS), page.evaluate(BROKEN_FIGURES)
    assert overlaps == [] and broken == []
    eu = page.locator("#facts tbody tr", has_text="Grundskolenämnden").filter(has_text="2024").first
    eu.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "facts-cards-phone.png")
    context.close()


@pytest.mark.parametrize("width", [360, 390, 800, 1024, 1280, 1920])
def test_facts_page_never_scrolls_sideways(server, browser, width):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 640)
    page = context.new_page()
    page.goto(server + "/fakta")
    expect(page.locator("#facts tbody tr").first).to_be_visible()
    assert _no_sideways_scroll(page)
    box = page.locator("#facts th", has_text="Citat").bounding_box()
    assert box is None or box["x"] + box["width"] <= width  # the quote column (hidden on cards) is on screen
    assert page.evaluate(BROKEN_WORDS, page.locator("#facts").element_handle()) == []
    page.screenshot(path=ARTIFACTS / f"facts-{width}.png")
    context.close()


def test_facts_page_says_an_unknown_name_in_its_language(server, browser):  # noqa: F811
    refused = httpx.get(f"{server}/api/facts", params={"org": "xyzzy"})
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert (error["field"], error["value"]) == ("org", "xyzzy") and error["nearest"]
    assert error["message"].startswith("org: no organisation is named 'xyzzy'; nearest: ")  # for scripts, as before
    page = browser.new_page(viewport=WIDTHS["desktop"])
    page.goto(server + "/fakta?org=xyzzy")
    count = page.locator("#count")
    expect(count).to_have_class(re.compile(r"\berror\b"))
    expect(count).to_contain_text("Ingen organisation heter ”xyzzy”. Närmast: ")
    assert "nearest" not in _text(count) and "no organisation" not in _text(count)
    page.screenshot(path=ARTIFACTS / "facts-unknown-org.png")
    page.get_by_role("button", name="Switch to English").click()
    expect(count).to_contain_text("No organisation is named “xyzzy”. Nearest: ")
    page.get_by_role("button", name="Byt till svenska").click()
    page.get_by_label("Organisation").fill("miljönämden")  # misspelled: read as Miljönämnden, named so
    page.get_by_label("År").fill("2024")
    page.get_by_role("button", name="Filtrera").click()
    expect(count).to_have_text("2 fakta (tolkat som Miljönämnden)")
    page.close()


def test_facts_filters_are_in_the_address(server, browser):  # noqa: F811
    page = browser.new_page(viewport=WIDTHS["desktop"])
    page.goto(server + "/fakta?year=2024&metric=eu_funds_paid")
    expect(page.get_by_label("År")).to_have_value("2024")
    expect(page.locator("#f-metric")).to_have_value("eu_funds_paid")
    stated = httpx.get(f"{server}/api/facts", params={"year": 2024, "metric": "eu_funds_paid"}).json()
    expect(page.locator("#count")).to_contain_text(" fakta")
    assert set(page.locator("#facts tbody td:nth-child(1)").all_inner_texts()) == {"2024"}
    assert len(stated) >= page.locator("#facts tbody tr").count() > 0
    page.get_by_label("Organisation").fill("ASF")
    page.get_by_role("button", name="Filtrera").click()
    expect(page).to_have_url(re.compile(r"/fakta\?year=2024&org=ASF&metric=eu_funds_paid$"))
    page.wait_for_load_state("networkidle")  # the filtered answer is drawn, not the one before it
    shown = page.locator("#count").text_content()
    assert shown and shown.split()[0].isdigit() and int(shown.split()[0]) < len(stated), shown
    page.reload()  # the shared address opens the same view
    expect(page.get_by_label("Organisation")).to_have_value("ASF")
    expect(page.locator("#count")).to_have_text(shown or "")
    page.get_by_label("År").fill("")
    page.get_by_label("Organisation").fill("")
    page.locator("#f-metric").select_option("")
    page.get_by_role("button", name="Filtrera").click()
    expect(page).to_have_url(re.compile(r"/fakta$"))
    page.close()

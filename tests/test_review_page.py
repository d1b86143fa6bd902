"""Granska text with files and on its page: uploads (.txt, .md, .docx, .pdf made here with python-docx and fpdf2)
through the API and the CLI, their errors, and the /granska page in a real headless Chromium against a live server
(marks in their verdict's colour, click and keyboard to verdict and source, summary, corrections, report, errors).
The verdicts are those tests/test_review.py checks against the reports' text."""

from __future__ import annotations

import io
import json
import logging
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import docx
import httpx
import pytest
from fpdf import FPDF
from playwright.sync_api import Browser, Page, expect, sync_playwright
from typer.testing import CliRunner

from core.settings import PROJECT_ROOT, Settings
from service.app import create_app
from service.cli import app as cli
from service.serving import Serving
from tests.live import live_server

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

RIGHT = "Miljönämnden fick ca 10,4 miljoner kronor i EU-medel 2024 och deltog i 25 projekt."  # rounded, correct
WRONG = "Kulturnämnden fick 2 miljoner kronor i EU-medel 2024."  # deviates: 424 000 kronor (2024, s. 3)
NINE = "Under 2024 deltog nio av stadens nämnder i EU-projekt."  # correct
REPORTED = re.compile(r"^(ca )?424 000 (kr|kronor)$")  # WRONG's reported figure, "ca 424 000 kr" or as the fact says
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def make_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    document.add_heading("Utkast till pressmeddelande", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(*paragraphs: str, width_mm: float = 70) -> bytes:
    """A PDF whose sentences wrap over several printed lines (a narrow column)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for text in paragraphs:
        pdf.multi_cell(width_mm, 7, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
    return bytes(pdf.output())


def blank_pdf() -> bytes:
    """A PDF of a scanned page: a drawing, no text."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


# --- the API and the CLI ------------------------------------------------------------------------------------------

def _client(ingested, **settings) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    base = ingested[0]
    merged = Settings(corpus_dir=base.corpus_dir, data_dir=base.data_dir, **settings)
    app = create_app(merged, serving=Serving(merged, store=ingested[1]))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def _upload(client: httpx.AsyncClient, name: str, data: bytes, **form: str) -> httpx.Response:
    return await client.post("/api/review/file", files={"file": (name, data)}, data=form)


async def test_txt_md_docx_and_pdf_uploads_are_reviewed_with_their_text(ingested):
    async with _client(ingested) as client:
        for name, data in [("utkast.txt", f"{RIGHT}\n{WRONG}".encode()), ("utkast.md", f"# Utkast\n\n{WRONG}".encode()),
                           ("utkast.docx", make_docx(RIGHT, WRONG)), ("utkast.pdf", make_pdf(RIGHT, WRONG))]:
            response = await _upload(client, name, data)
            assert response.status_code == 200, (name, response.text)
            body = response.json()
            verdicts = {c["figure"]: c["verdict"] for c in body["claims"]}
            assert verdicts["2 miljoner kronor"] == "deviates", name
            assert all(body["text"][c["start"]:c["end"]] == c["figure"] for c in body["claims"]), name
        # the PDF's narrow column wraps each sentence over several lines: read back as whole sentences
        assert RIGHT in body["text"] and WRONG in body["text"]
        assert {c["sentence"] for c in body["claims"]} == {RIGHT, WRONG}
        assert {c["figure"]: c["verdict"] for c in body["claims"]}["ca 10,4 miljoner kronor"] == "rounded"
        wrong = next(c for c in body["claims"] if c["verdict"] == "deviates")
        assert wrong["reported"]["value"] == 424_000
        cited = wrong["citations"][0]
        assert cited["page"] == 3 and "424 000" in cited["quote"] and (cited["fact_id"] or cited["chunk_id"])
        source = await client.get(f"/api/sources/{cited['fact_id'] or cited['chunk_id']}",
                                  params={"start": cited["span_start"], "end": cited["span_end"]})
        assert source.status_code == 200 and "424 000" in source.json()["text"]  # what the page's panel opens
        pasted = await client.post("/api/review", json={"text": WRONG})
        assert pasted.json()["text"] is None  # a pasted draft's offsets are in the text sent
        field = await client.post("/api/review/file", files={"file": (None, WRONG.encode())})  # curl -F "file=<a.txt"
        assert field.status_code == 200 and field.json()["text"] == WRONG


async def test_unsupported_unreadable_and_empty_files_are_named_with_what_to_do(ingested):
    async with _client(ingested) as client:
        cases = [
            ("utkast.odt", b"PK\x03\x04", "utkast.odt kan inte granskas: filtypen .odt stöds inte", ".docx eller .pdf"),
            ("utkast", b"text", "utkast kan inte granskas: filen har ingen filändelse", ".txt, .md"),
            ("trasig.pdf", b"%PDF-1.7\n1 0 obj <<", "trasig.pdf kunde inte läsas: det är ingen giltig PDF",
             "spara utkastet som .txt eller .docx"),
            ("skannad.pdf", blank_pdf(), "skannad.pdf kunde inte läsas: PDF:en har inget textlager", "OCR"),
            ("trasig.docx", b"PK\x03\x04 not a zip", "trasig.docx kunde inte läsas: det är ingen giltig Word-fil",
             "spara utkastet som .txt"),
            ("bild.txt", bytes(range(256)) * 4, "bild.txt kunde inte läsas: det är ingen text", ".txt eller .docx"),
            ("tom.docx", make_docx(), "tom.docx", None),  # only the heading: words, no figures, is read
            ("blank.txt", b" \n\n ", "blank.txt innehåller ingen text", "välj filen"),
        ]
        for name, data, message, hint in cases:
            response = await _upload(client, name, data)
            if hint is None:
                assert response.status_code == 200 and response.json()["claims"] == []
                continue
            error = response.json()["error"]
            assert response.status_code == 400 and error["code"] == "bad_request", (name, response.text)
            assert error["message"].startswith(message) and hint in error["hint"], (name, error)
        english = (await _upload(client, "trasig.pdf", b"%PDF-", lang="en")).json()["error"]
        assert english["message"] == "trasig.pdf could not be read: it is not a valid PDF"
        assert english["hint"] == "save the draft as .txt or .docx and try again"
        for bad, message in [
            (await client.post("/api/review/file", json={"text": WRONG}),
             "send the draft as multipart/form-data, the file in the field 'file'"),
            (await client.post("/api/review/file", files={"utkast": ("a.txt", b"x")}), "file: no file was sent"),
            (await _upload(client, "a.txt", b"Hej", lang="de"), "lang: must be sv or en"),
        ]:
            assert bad.status_code == 400 and bad.json()["error"]["message"] == message


async def test_one_size_limit_for_pasted_and_uploaded_drafts(ingested):
    limit = 20_000
    async with _client(ingested, max_draft_bytes=limit, max_request_bytes=16_384) as client:
        within = "ord " * 4500  # 18 000 bytes: over the limit of a question's request, within a draft's
        assert (await client.post("/api/review", json={"text": within})).status_code == 200
        pasted = await client.post("/api/review", json={"text": "ord " * 5500})
        assert pasted.status_code == 413 and pasted.json()["error"]["code"] == "too_large"
        assert "FAKTAKOLL_MAX_DRAFT_BYTES" in pasted.json()["error"]["hint"]
        assert (await _upload(client, "lagom.txt", within.encode())).status_code == 200
        named = await _upload(client, "stort.txt", b"ord " * 5500)  # 22 000 bytes: read, then refused by name
        error = named.json()["error"]
        assert named.status_code == 413
        assert error["message"] == "stort.txt är 22 kB, över gränsen för ett utkast (20 kB)"
        assert "dela upp utkastet" in error["hint"]
        huge = await _upload(client, "jättestort.txt", b"ord " * 20_000)  # refused before it is read
        assert huge.status_code == 413 and huge.json()["error"]["code"] == "too_large"
        question = await client.post("/api/ask", json={"question": "x" * 17_000})
        assert question.status_code == 413  # every other route keeps FAKTAKOLL_MAX_REQUEST_BYTES


async def test_uploads_are_rate_limited_as_questions_and_never_logged(ingested, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "Hemlignämnden fick 77 miljoner kronor i EU-medel 2024."
    async with _client(ingested, rate_limit="3/minute") as client:
        assert (await _upload(client, "hemligt-utkast.docx", make_docx(secret))).status_code == 200
        assert (await _upload(client, "hemligt-utkast.pdf", b"%PDF-broken")).status_code == 400
        asked = await client.post("/api/ask", json={"question": "Hur mycket EU-medel fick ASF 2022?"})
        assert asked.status_code == 200
        limited = await _upload(client, "hemligt-utkast.txt", secret.encode())
        assert limited.status_code == 429 and limited.json()["error"]["code"] == "rate_limited"
    assert "Hemlignämnden" not in caplog.text and "hemligt-utkast" not in caplog.text


def test_cli_reviews_docx_and_pdf_as_the_api_reads_them(ingested, tmp_path):
    data = ["--data-dir", str(ingested[0].data_dir)]
    for name, content in [("utkast.docx", make_docx(NINE, WRONG)), ("utkast.pdf", make_pdf(NINE, WRONG))]:
        (tmp_path / name).write_bytes(content)
        result = CliRunner().invoke(cli, ["review", str(tmp_path / name), "--json", *data])
        assert result.exit_code == 1, result.output  # a figure deviates
        body = json.loads(result.output)
        verdicts = {c["figure"]: c["verdict"] for c in body["claims"]}
        assert verdicts == {"nio": "correct", "2 miljoner kronor": "deviates"}
        assert all(body["text"][c["start"]:c["end"]] == c["figure"] for c in body["claims"])
    (tmp_path / "trasig.pdf").write_bytes(b"%PDF-1.4 broken")
    result = CliRunner().invoke(cli, ["review", str(tmp_path / "trasig.pdf"), *data])
    assert result.exit_code == 2 and "trasig.pdf kunde inte läsas: det är ingen giltig PDF" in result.output


# --- the page -----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(ingested) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with live_server(ingested[0].corpus_dir, ingested[0].data_dir) as base:
        yield base


@pytest.fixture(scope="module")
def strict_server(ingested) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A small draft limit and a low rate limit, to see their errors on the page."""
    with live_server(ingested[0].corpus_dir, ingested[0].data_dir, MAX_DRAFT_BYTES="16384",
                     RATE_LIMIT="4/minute") as base:
        yield base


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


def _violations(page: Page) -> list[str]:
    """What the Content-Security-Policy blocks, and any other console error."""
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if m.type == "error" or "Content Security" in m.text else None)
    return found


def _review(page: Page) -> None:
    before = page.locator("#summary").inner_text() if page.locator("#result").is_visible() else None
    page.get_by_role("button", name=re.compile("^(Granska|Check)$")).click()
    summary = page.locator("#summary")
    expect(summary).to_be_visible(timeout=60_000)
    if before is not None:
        expect(summary).not_to_have_text(before, timeout=60_000)


def _colour(page: Page, selector: str) -> str:
    """Fill and underline of the first node that matches."""
    return str(page.eval_on_selector(selector, "n => { const s = getComputedStyle(n); "
                                               "return s.backgroundColor + ' ' + s.borderBottomColor; }"))


# A line with an emoji before the figures (one code point in the API's offsets, two UTF-16 units in the page's),
# and markup that must stay text.
PASTED = f"📊 Utkast <img src=x onerror=\"document.title='hackad'\">\n{RIGHT}\n{WRONG}\n{NINE}"


def test_page_marks_figures_and_shows_verdict_and_source(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors = _violations(page)
    page.goto(server + "/")
    page.get_by_role("link", name="Granska text").click()
    expect(page).to_have_url(server + "/granska")
    expect(page.locator("#privacy")).to_contain_text("Utkastet sparas inte och loggas inte")
    page.get_by_label("Klistra in texten").fill(PASTED)
    _review(page)
    expect(page.locator("#summary")).to_have_text("4 siffror: 2 stämmer, 1 avrundad, 1 avviker")
    marks = page.locator("#draft-view mark.claim")
    expect(marks).to_have_text(["ca 10,4 miljoner kronor", "25", "2 miljoner kronor", "nio"])
    assert [m.get_attribute("data-verdict") for m in marks.all()] == ["rounded", "correct", "deviates", "correct"]
    expect(marks.nth(2)).to_have_class(re.compile(r"\bverdict-deviates\b"))
    assert page.locator("#draft-view img").count() == 0 and "<img src=x" in page.locator("#draft-view").inner_text()
    for verdict in ("correct", "deviates", "rounded"):  # each mark in its legend colour, no two alike
        assert _colour(page, f"mark.verdict-{verdict}") == _colour(page, f"#legend .verdict-{verdict}")
    assert len({_colour(page, f"mark.verdict-{v}") for v in ("correct", "deviates", "rounded")}) == 3
    page.screenshot(path=ARTIFACTS / "20-granska.png", full_page=True)

    marks.nth(2).focus()  # by keyboard: Tab reaches a figure, Enter opens it
    page.keyboard.press("Enter")
    detail = page.locator("#claim-detail")
    expect(detail.locator(".verdict-badge")).to_have_text("Avviker")
    expect(detail).to_contain_text(WRONG)
    expect(detail.locator("dd").nth(1)).to_have_text(REPORTED)  # the reported figure as the API displays it
    expect(detail.locator(".source-where").first).to_have_text(re.compile(r"^Redovisning av internationellt arbete "
                                                                          r"2024 .*, s\. 3$"))
    expect(detail.locator(".quote").first).to_contain_text("424 000 kronor")
    detail.get_by_role("button", name="Visa källan").first.click()
    panel = page.locator("#source-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("mark")).to_contain_text("424 000")
    expect(panel.locator("#source-meta")).to_contain_text("s. 3")
    page.screenshot(path=ARTIFACTS / "21-granska-source.png")
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    marks.nth(1).focus()
    page.keyboard.press(" ")
    expect(detail.locator(".verdict-badge")).to_have_text("Stämmer")

    copy = page.get_by_role("button", name="Kopiera rättelser")
    copy.click()
    expect(copy).to_have_attribute("data-copied", re.compile("^Rättelser"))  # the copy is awaited
    copied = copy.get_attribute("data-copied") or ""
    assert copied.startswith("Rättelser: 1 av 4 siffror") and '1. "2 miljoner kronor" – Avviker' in copied
    assert f"Meningen: {WRONG}" in copied and ", s. 3: \"" in copied
    assert re.search(r"Rapporterna anger: (ca )?424 000 kr", copied)
    assert '"25"' not in copied  # a right figure is no correction
    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ner rapport").click()
    assert info.value.suggested_filename.endswith(".html")
    report = Path(info.value.path()).read_text(encoding="utf-8")
    assert report.startswith("<!doctype html>") and "4 siffror: 2 stämmer, 1 avrundad, 1 avviker" in report
    assert report.count("<tr>") == 5 and re.search(r"<td>(ca )?424 000 kr", report) and "<style>" in report

    page.get_by_role("button", name="Switch to English").click()
    expect(page.locator("#summary")).to_have_text("4 figures: 2 correct, 1 fairly rounded, 1 deviates")
    expect(page.locator("#legend li").first).to_have_text("Correct")
    expect(page.get_by_role("button", name="Copy corrections")).to_be_visible()
    page.evaluate("localStorage.clear()")
    assert page.title() != "hackad" and errors == [], errors
    context.close()


def test_page_checks_an_uploaded_docx_and_pdf(server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = _violations(page)
    page.goto(server + "/granska")
    (tmp_path / "utkast.docx").write_bytes(make_docx(RIGHT, WRONG))
    page.get_by_label("… eller välj en fil").set_input_files(tmp_path / "utkast.docx")
    _review(page)
    expect(page.locator("#result-source")).to_have_text("Texten ur utkast.docx")
    expect(page.locator("#draft-view mark.claim")).to_have_text(["ca 10,4 miljoner kronor", "25", "2 miljoner kronor"])
    expect(page.locator("#draft-view")).to_contain_text("Utkast till pressmeddelande")
    expect(page.get_by_label("Klistra in texten")).to_have_value(re.compile("^Utkast till pressmeddelande\n"))

    (tmp_path / "utkast.pdf").write_bytes(make_pdf(NINE, WRONG))
    page.get_by_label("… eller välj en fil").set_input_files(tmp_path / "utkast.pdf")
    _review(page)
    expect(page.locator("#result-source")).to_have_text("Texten ur utkast.pdf")
    marks = page.locator("#draft-view mark.claim")
    expect(marks).to_have_text(["nio", "2 miljoner kronor"])
    assert [m.get_attribute("data-verdict") for m in marks.all()] == ["correct", "deviates"]
    expect(page.locator("#summary")).to_have_text("2 siffror: 1 stämmer, 1 avviker")
    marks.first.click()
    expect(page.locator("#claim-detail .verdict-badge")).to_have_text("Stämmer")
    page.screenshot(path=ARTIFACTS / "22-granska-pdf.png", full_page=True)
    assert errors == [], errors
    context.close()


def test_page_says_what_went_wrong_in_one_sentence(strict_server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(strict_server + "/granska")
    error = page.locator("#error")
    page.get_by_role("button", name="Granska").click()
    expect(error).to_have_text("Klistra in en text eller välj en fil först.")  # nothing sent

    def upload(name: str, content: bytes) -> None:
        (tmp_path / name).write_bytes(content)
        page.get_by_label("… eller välj en fil").set_input_files(tmp_path / name)
        with page.expect_response(lambda r: "/api/review" in r.url):
            page.get_by_role("button", name="Granska").click()

    upload("trasig.pdf", b"%PDF-1.4 trasig")
    expect(error).to_have_text("trasig.pdf kunde inte läsas: det är ingen giltig PDF. "
                               "Spara utkastet som .txt eller .docx och försök igen.")
    upload("stort.txt", b"ord " * 5000)  # 20 kB, over FAKTAKOLL_MAX_DRAFT_BYTES=16384
    expect(error).to_have_text("stort.txt är för stor för en granskning. Dela upp utkastet i mindre delar, eller "
                               "spara det som .txt utan bilder.")
    page.screenshot(path=ARTIFACTS / "23-granska-error-phone.png", full_page=True)
    page.get_by_label("… eller välj en fil").set_input_files([])
    page.get_by_label("Klistra in texten").fill(NINE)
    _review(page)
    expect(error).to_be_hidden()
    with page.expect_response(lambda r: r.status == 429):  # the fifth request in a minute, with FAKTAKOLL_RATE_LIMIT=4
        page.get_by_label("Klistra in texten").fill(WRONG)
        page.get_by_role("button", name="Granska").click()
        page.get_by_role("button", name="Granska").click()
    expect(error).to_have_text("Du har gjort många granskningar på kort tid. Vänta en minut och försök igen.")
    context.close()

"""Granska text: every figure of a draft checked against the reports (API, CLI, not logged). Each verdict
is checked against the report's text named beside it."""

from __future__ import annotations

import logging

import httpx
import pytest
from typer.testing import CliRunner

from service.app import create_app
from service.cli import app
from service.review import figures_of, review
from service.serving import Serving

DRAFT = (
    "Miljönämnden fick ca 10,4 miljoner kronor i EU-medel 2024 och deltog i 25 projekt. "
    "Året efter ökade det till 12 miljoner.\n"
    "Hälsa-, vård- och omsorgsnämnden fick 41,9 miljoner kronor för Äldreomsorgslyftet 2022. "
    "Mötet hölls den 12 mars 2025 (dnr STK-2025-405).\n"
    "Under 2024 deltog nio av stadens nämnder i EU-projekt."
)


def test_each_figure_gets_its_verdict_with_the_reported_figure(engine):
    result = review(engine, DRAFT)
    found = {(DRAFT[c["start"]:c["end"]], c["verdict"]) for c in result["claims"]}
    assert found == {
        ("ca 10,4 miljoner kronor", "rounded"),  # "Miljonamnden 25 projekt 10 404 000 kronor" (2024, s. 3)
        ("25", "correct"),
        ("12 miljoner", "not_in_reports"),  # "Året efter": 2025, no report
        # "Nämnden hade möjlighet att rekvirera 41 889 445 kronor och utfallet blev 24 887 000 kronor."
        ("41,9 miljoner kronor", "other_role"),
        ("nio", "correct"),  # "Under 2024 har nio av stadens nämnder deltagit i EU-projekt"
    }
    other = next(c for c in result["claims"] if c["verdict"] == "other_role")
    assert other["reported"]["value"] == 24_887_000 and other["citations"]
    assert result["summary"]["correct"] == 2 and result["summary"]["deviates"] == 0


@pytest.mark.parametrize("text", ["Mötet hölls den 12 mars 2025.", "Se dnr STK-2025-405 på s. 3.",
                                  "Ring tel. 040-34 10 00."])
def test_dates_case_numbers_pages_and_phones_are_no_claims(text):
    assert figures_of(text, "sv") == []


def test_a_wrong_amount_deviates_never_correct(engine):
    result = review(engine, "Kulturnämnden fick 2 miljoner kronor i EU-medel 2024.")  # 424 000 kronor (2024, s. 3)
    (claim,) = result["claims"]
    assert claim["verdict"] == "deviates" and claim["reported"]["value"] == 424_000


async def test_the_api_reviews_a_draft_and_logs_none_of_it(ingested, caplog):
    serving = Serving(ingested[0], store=ingested[1])
    app_ = create_app(ingested[0], serving=serving)
    caplog.set_level(logging.DEBUG)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app_), base_url="http://test") as client:
        response = await client.post("/api/review", json={"text": DRAFT})
        assert response.status_code == 200
        body = response.json()
        assert {c["figure"] for c in body["claims"]} >= {"ca 10,4 miljoner kronor", "25", "nio"}
        assert all(DRAFT[c["start"]:c["end"]] == c["figure"] for c in body["claims"])
        assert body["corpus_version"] and sum(body["summary"].values()) == len(body["claims"])
        blank = await client.post("/api/review", json={"text": "   "})
        assert blank.status_code == 422
    assert "Äldreomsorgslyftet" not in caplog.text and "Miljönämnden fick" not in caplog.text


def test_cli_exit_codes(ingested, tmp_path):
    data = ["--data-dir", str(ingested[0].data_dir)]
    right = tmp_path / "right.txt"
    right.write_text("Under 2024 deltog nio av stadens nämnder i EU-projekt.", encoding="utf-8")
    assert CliRunner().invoke(app, ["review", str(right), *data]).exit_code == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Kulturnämnden fick 2 miljoner kronor i EU-medel 2024.", encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(wrong), *data])
    assert result.exit_code == 1 and "deviates" in result.output
    binary = tmp_path / "draft.docx"
    binary.write_bytes(b"\xff\xfe\x00PK\x03\x04")
    result = CliRunner().invoke(app, ["review", str(binary), *data])
    assert result.exit_code == 2 and "draft.docx" in result.output

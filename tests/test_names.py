"""Names as people type them in the facts filters (API and CLI): an alias, an id or a sure near miss is
read (and said), anything else is refused with the field, the value and the nearest names."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from core.entities import Registry
from core.names import NEAREST, resolve_filters
from service.answer.understand import misspelled_orgs
from service.cli import app
from service.facts_export import INTERPRETED_HEADER
from service.serving import Serving
from tests.test_api import _client, _is_error


@pytest.fixture(scope="module")
def serving(ingested) -> Serving:  # type: ignore[no-untyped-def]
    return Serving(ingested[0], store=ingested[1])


@pytest.fixture
async def client(ingested, serving):  # type: ignore[no-untyped-def]
    async with _client(ingested[0], serving) as c:
        yield c


def _refused(response, field: str, value: str) -> tuple[list[str], str]:  # type: ignore[no-untyped-def]
    """The nearest names a 422 offers, and its hint; the message names the field and the value."""
    _is_error(response, 422, "bad_request")
    error = response.json()["error"]
    head, _, offered = error["message"].partition("; nearest: ")
    assert head.startswith(f"{field}: ") and repr(value) in head, error
    assert error["hint"] and f"leave {field} out" in error["hint"]
    assert (error["field"], error["value"], error["nearest"]) == (field, value, offered.split("; "))
    return offered.split("; "), error["hint"]


def test_questions_and_filters_read_a_misspelled_name_alike():
    registry = Registry.load()
    assert misspelled_orgs("Hur mycket fick miljönämden 2024?", registry, [])[0] == ["mn"]
    assert resolve_filters(registry, org="miljönämden").org == "mn"


async def test_a_misspelled_org_is_read_and_said_in_a_header(client):
    exact = await client.get("/api/facts", params={"year": 2024, "org": "Miljönämnden"})
    typed = await client.get("/api/facts", params={"year": 2024, "org": "miljönämden"})
    assert typed.status_code == 200 and typed.json() == exact.json() and typed.json()
    assert typed.headers[INTERPRETED_HEADER] == "org=mn" and INTERPRETED_HEADER not in exact.headers
    csv_text = await client.get("/api/facts", params={"year": 2024, "org": "miljönämden", "format": "csv"})
    assert csv_text.headers[INTERPRETED_HEADER] == "org=mn" and "10404000" in csv_text.text


async def test_aliases_and_ids_are_read_without_a_word(client):
    for org in ("ASF", "asf", "arbetsmarknads- och socialförvaltningen"):
        rows = await client.get("/api/facts", params={"year": 2022, "org": org, "metric": "eu_funds_paid"})
        assert rows.status_code == 200 and INTERPRETED_HEADER not in rows.headers
        assert any(r["display"] == "ca 8,3 miljoner kr" for r in rows.json())


async def test_an_unknown_org_is_a_422_with_the_nearest_names(client):
    offered, _ = _refused(await client.get("/api/facts", params={"org": "Gymnasienämnden"}), "org", "Gymnasienämnden")
    assert len(offered) == NEAREST and "Gymnasie- och vuxenutbildningsnämnden (gvn)" in offered
    offered, _ = _refused(await client.get("/api/facts", params={"org": "xyzförvaltningen", "format": "csv"}),
                          "org", "xyzförvaltningen")
    assert all(name.endswith(")") for name in offered)  # each with the id to type


async def test_an_unknown_fund_is_a_422_with_the_nearest_names(client):
    offered, _ = _refused(await client.get("/api/facts", params={"fund": "Interegg"}), "fund", "Interegg")
    assert offered[0] == "Interreg (interreg)"
    typed = await client.get("/api/facts", params={"fund": "Horizn", "year": 2024})
    assert typed.headers[INTERPRETED_HEADER] == "fund=horisont" and {r["value"] for r in typed.json()} == {9_239_146}


async def test_an_unknown_metric_is_a_422_with_the_metric_ids(client):
    offered, hint = _refused(await client.get("/api/facts", params={"metric": "budget"}), "metric", "budget")
    assert offered[0] == "total_budget" and "metric ids" in hint
    typed = await client.get("/api/facts", params={"metric": "eu_funds_payed", "year": 2024, "org": "mn"})
    assert typed.headers[INTERPRETED_HEADER] == "metric=eu_funds_paid"
    assert {r["metric"] for r in typed.json()} == {"eu_funds_paid"}


def test_cli_reads_a_near_miss_on_stderr_and_exits_2_on_an_unknown_name(ingested):
    data_dir = str(ingested[0].data_dir)
    read = CliRunner().invoke(app, ["facts", "--org", "miljönämden", "--year", "2024", "--format", "json",
                                    "--data-dir", data_dir])
    assert read.exit_code == 0 and "tolkat: --org 'miljönämden' som Miljönämnden (mn)" in read.stderr
    assert 10_404_000 in {r["value"] for r in json.loads(read.stdout)}
    for option, value in (("--org", "xyzförvaltningen"), ("--fund", "Interegg"), ("--metric", "budget")):
        refused = CliRunner().invoke(app, ["facts", option, value, "--data-dir", data_dir])
        field = option.removeprefix("--")
        assert refused.exit_code == 2 and not refused.stdout, refused.output
        line = refused.stderr.strip()
        assert line.startswith(f"fel: {field}: no ") and repr(value) in line and "nearest: " in line
        assert f"leave {field} out" in line and "\n" not in line

"""Operations (issue 18 item 7): HEAD answered like GET without a body, a port in use said in one line with
exit 3, one access log line per request that a setting turns off, and `--help` in one language."""

from __future__ import annotations

import logging
import re
import socket
import subprocess

import httpx
import pytest
import typer
from typer.testing import CliRunner

from service.cli import app as cli
from service.operations import ACCESS_LOGGER
from service.serving import Serving
from tests.live import FAKTAKOLL, live_server, this_checkout
from tests.test_api import _client

ACCESS_LINE = re.compile(r"(GET|HEAD|POST) (\S+) (\d{3}) (\d+\.\d) ms build=(\S+)$")


@pytest.fixture(scope="module")
def serving(ingested) -> Serving:  # type: ignore[no-untyped-def]
    return Serving(ingested[0], store=ingested[1])


@pytest.mark.parametrize("path", ["/", "/api/health", "/fakta"])
async def test_head_answers_like_get_without_a_body(ingested, serving, path):
    async with _client(ingested[0], serving) as client:
        got, head = await client.get(path), await client.head(path)
    assert got.status_code == head.status_code == 200 and got.content and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    if path != "/api/health":  # a page: the same bytes each time, so the same length
        assert head.headers["content-length"] == got.headers["content-length"] == str(len(got.content))


async def test_a_head_of_an_unknown_path_is_a_404_without_a_body(ingested, serving):
    async with _client(ingested[0], serving) as client:
        head = await client.head("/nowhere")
    assert head.status_code == 404 and head.content == b""


async def test_every_request_is_one_access_log_line(ingested, serving, caplog):
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
    async with _client(ingested[0], serving) as client:
        await client.get("/api/health")
        await client.get("/api/facts", params={"year": 2024, "org": "nowhere-at-all"})  # a 422
        await client.head("/")
    lines = [r.getMessage() for r in caplog.records if r.name == ACCESS_LOGGER]
    found = [ACCESS_LINE.match(line) for line in lines]
    assert all(found), lines
    assert [(m[1], m[2], m[3]) for m in found if m] == [("GET", "/api/health", "200"), ("GET", "/api/facts", "422"),
                                                        ("HEAD", "/", "200")]
    assert {m[5] for m in found if m} == {serving.served.build_id}  # the build, also for a page


async def test_the_access_log_is_turned_off_by_a_setting(ingested, serving, caplog):
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
    quiet = ingested[0].model_copy(update={"access_log": False})
    async with _client(quiet, serving) as client:
        assert (await client.get("/api/health")).status_code == 200
    assert not [r for r in caplog.records if r.name == ACCESS_LOGGER]


def test_a_live_server_logs_each_request_and_answers_head(ingested, tmp_path):
    settings = ingested[0]
    output = tmp_path / "serve.log"
    with live_server(settings.corpus_dir, settings.data_dir, output=output) as base:
        head = httpx.head(f"{base}/api/health")
        assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0
        assert httpx.head(f"{base}/").status_code == 200
    lines = output.read_text(encoding="utf-8").splitlines()
    logged = [m.groups()[:3] for line in lines if (m := ACCESS_LINE.search(line))]
    assert ("HEAD", "/api/health", "200") in logged and ("HEAD", "/", "200") in logged
    assert not any("Traceback" in line for line in lines)


def test_a_port_in_use_is_one_line_naming_the_setting_and_exit_3(ingested):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([FAKTAKOLL, "serve", "--data-dir", str(ingested[0].data_dir)], capture_output=True,
                              text=True, timeout=120, env=this_checkout(FAKTAKOLL_PORT=str(port)))
    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fel: ") and "FAKTAKOLL_PORT" in lines[0] and str(port) in lines[0]
    assert "Traceback" not in done.stderr and not done.stdout


# Swedish words an English help text never has (quoted examples such as "och 2024?" are left out).
SWEDISH = {"och", "av", "ur", "för", "att", "som", "med", "på", "är", "inte", "eller", "till", "det", "från",
           "frågor", "siffror", "verifierade"}
QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|\([^)]*\)")


def _helps(group: typer.Typer, prefix: list[str]) -> dict[str, str]:
    """The --help text of a group and of every command in it."""
    runner = CliRunner()
    out = {" ".join(prefix) or "faktakoll": runner.invoke(cli, [*prefix, "--help"]).output}
    for command in group.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        out[" ".join([*prefix, name])] = runner.invoke(cli, [*prefix, name, "--help"]).output
    for sub in group.registered_groups:
        if sub.typer_instance and sub.name:
            out.update(_helps(sub.typer_instance, [*prefix, sub.name]))
    return out


def test_help_is_in_one_language():
    helps = _helps(cli, [])
    assert len(helps) > 10
    for command, text in helps.items():
        words = set(re.findall(r"\w+", QUOTED.sub(" ", text).lower()))
        assert not words & SWEDISH, f"{command} --help has Swedish words {words & SWEDISH}"

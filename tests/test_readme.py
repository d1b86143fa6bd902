"""The README and docs/ as a reader meets them: every relative link and image leads to a file of the
repository (and a named heading to a heading of it), the README's test command is the one CI runs,
every setting is documented, every `faktakoll` command shown exists, and the README stays short."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from typer.core import TyperGroup

from core.settings import PROJECT_ROOT, Settings
from service.cli import app

README = PROJECT_ROOT / "README.md"
DOCS = sorted((PROJECT_ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]
README_MAX_BYTES = 8 * 1024  # a user reads what they get first; the rest lives in docs/
IMAGE_MAX_BYTES = 200 * 1024  # a screenshot, not a download

FENCE = re.compile(r"^```.*?^```", re.S | re.M)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)  # http:, https:, mailto:
COMMAND = re.compile(r"\bfaktakoll((?:\s+[a-z][a-z-]*)+)")


def _prose(path: Path) -> str:
    """The page without its code blocks: a link in a shell example is no link."""
    return FENCE.sub("", path.read_text(encoding="utf-8"))


def _code(path: Path) -> str:
    return "\n".join(FENCE.findall(path.read_text(encoding="utf-8")))


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    return {_slug(h) for h in HEADING.findall(_prose(path))}


def _links() -> list[tuple[Path, str]]:
    return [(page, target) for page in PAGES for target in LINK.findall(_prose(page))
            if not EXTERNAL.match(target)]


def test_there_are_links_to_check() -> None:
    targets = {t for _, t in _links()}
    assert {"docs/img/chat.png", "docs/img/fakta.png", "docs/exports.md", "docs/architecture.md"} <= targets


@pytest.mark.parametrize(("page", "target"), _links(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_a_relative_link_leads_to_a_file_of_the_repository(page: Path, target: str) -> None:
    name, _, anchor = target.partition("#")
    linked = (page.parent / name).resolve() if name else page
    assert linked.is_relative_to(PROJECT_ROOT), f"{page.name}: {target} leads out of the repository"
    assert linked.is_file(), f"{page.name}: {target} names no file"
    if anchor:
        assert anchor in _anchors(linked), f"{page.name}: {target} names no heading of {linked.name}"


def test_no_page_names_a_path_outside_the_repository() -> None:
    outside = [page.name for page in PAGES if "../" in page.read_text(encoding="utf-8")]
    assert not outside, f"{outside} name a path outside the repository"


def test_the_readme_test_command_is_the_one_ci_runs() -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"^## Two commands\n+```sh\n(.*?)^```", text, re.S | re.M)
    assert block, "README.md has no '## Two commands' block"
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["make run", "make test"]
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    run = [line.strip() for line in ci if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert run == [commands[1]], f".ci/run runs {run}, the README says {commands[1]!r}"
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert all(re.search(rf"^{c.split()[1]}:", makefile, re.M) for c in commands)


def test_every_setting_is_documented() -> None:
    doc = (PROJECT_ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    missing = [n for n in Settings.model_fields if f"| `FAKTAKOLL_{n.upper()}` |" not in doc]
    assert not missing, f"docs/deployment.md's settings table lacks {missing}"


def _commands(group: TyperGroup) -> set[str]:
    """Each command, and each command of a group as 'group command' (never the group alone)."""
    names = set()
    for name, command in group.commands.items():
        if isinstance(command, TyperGroup):
            names |= {f"{name} {sub}" for sub in command.commands}
        else:
            names.add(name)
    return names


def test_every_faktakoll_command_shown_exists() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    known = _commands(group)
    shown = {(page.name, " ".join(m.split()[:2])) for page in PAGES for m in COMMAND.findall(_code(page))}
    unknown = {(page, words) for page, words in shown if words not in known and words.split()[0] not in known}
    assert shown and not unknown, f"commands shown that the CLI does not have: {sorted(unknown)}"


def test_the_readme_is_short_and_its_screenshots_small() -> None:
    assert len(README.read_bytes()) < README_MAX_BYTES
    images = [PROJECT_ROOT / t for t in LINK.findall(_prose(README)) if t.endswith(".png")]
    assert images and all(i.stat().st_size < IMAGE_MAX_BYTES for i in images), images


def test_every_route_is_documented(tmp_path: Path) -> None:
    from service.app import create_app

    doc = (PROJECT_ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    spec = create_app(Settings(data_dir=tmp_path)).openapi()
    routes = [f"{method.upper()} {re.sub(r'{[^}]+}', '{}', path)}" for path, item in spec["paths"].items()
              for method in item]
    documented = {re.sub(r"{[^}]+}", "{}", r) for r in re.findall(r"^\| `([A-Z]+ /[^`]+)` \|", doc, re.M)}
    assert routes and not [r for r in routes if r not in documented], "docs/api.md's route table lacks some"

"""The `faktakoll` command: ingest, facts, checks, search, settings.

Start-up is kept short (`faktakoll --help` loads typer and nothing else): each command
imports what it needs, so `ask` never loads the ingest stages and `--help` never loads
SQLAlchemy, pydantic-settings or the search index (bench/bench_cli.py measures it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from core.errors import FaktakollError
    from core.settings import Settings
    from stores.sql import Store

KEY_NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")  # printed in listings: no control characters, no spaces

app = typer.Typer(help="Faktakoll: checked figures from Malmö stad's reports on international work.",
                  no_args_is_help=True, add_completion=False)

EXIT_SKIPPED = 3  # ingest finished, but some files were skipped
EXIT_NO_PORT = 3  # serve: the address cannot be listened on (the port is in use)

CorpusOpt = Annotated[Path | None, typer.Option("--corpus", help="Folder with the reports (default: corpus/).")]
DataOpt = Annotated[Path | None, typer.Option("--data-dir", help="Folder for the stores (default: data/).")]


def load_settings(corpus: Path | None = None, data_dir: Path | None = None) -> Settings:
    from pydantic import ValidationError

    from core.settings import Settings

    overrides: dict[str, Any] = {}
    if corpus:
        overrides["corpus_dir"] = corpus
    if data_dir:
        overrides["data_dir"] = data_dir
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"]) or "settings"
            typer.echo(f"fel: inställningen FAKTAKOLL_{field.upper()}: {err['msg']}", err=True)
        raise typer.Exit(2) from exc


def _fail(exc: FaktakollError, code: int = 1) -> typer.Exit:
    from core.errors import one_line

    typer.echo(f"fel: {one_line(str(exc))}", err=True)
    return typer.Exit(code)


@app.command()
def ingest(corpus: CorpusOpt = None, data_dir: DataOpt = None,
           force: Annotated[bool, typer.Option(help="Rebuild even if the corpus is unchanged.")] = False) -> None:
    """Read the corpus into the facts store and the search index."""
    from core.errors import FaktakollError, one_line
    from ingest.pipeline import run_ingest
    from ingest.progress import progress

    settings = load_settings(corpus, data_dir)
    try:
        report = run_ingest(settings, progress=progress, force=force)
    except FaktakollError as exc:
        raise _fail(exc) from exc
    state = "oförändrad korpus, inget att göra" if report.up_to_date else f"{report.embedded} nya avsnitt inbäddade"
    typer.echo(
        f"Korpusversion {report.corpus_version}: {report.documents} dokument, {report.pages} sidor, "
        f"{report.chunks} avsnitt, {report.facts} fakta, {report.checks_failing} kontroller med avvikelse "
        f"({state}, {report.seconds:.1f} s)"
    )
    for line in report.warned:
        typer.echo(f"varning: {one_line(line)}", err=True)
    for line in report.rejected:
        typer.echo(f"avvisad: {one_line(line)}", err=True)
    for line in report.skipped:
        typer.echo(f"hoppade över: {one_line(line)}", err=True)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _open_store(data_dir: Path | None) -> Store:
    from core.errors import FaktakollError
    from stores.sql import Store

    try:
        store = Store(load_settings(None, data_dir))
        store.document_rows()  # fails clearly when nothing is ingested; no document texts loaded
    except FaktakollError as exc:
        raise _fail(exc) from exc
    return store


@app.command()
def facts(
    year: Annotated[int | None, typer.Option(help="Year the figure is about.")] = None,
    org: Annotated[str | None, typer.Option(help="Organisation name, alias or id (ASF, miljönämnden, ...).")] = None,
    fund: Annotated[str | None, typer.Option(help="Fund or programme name, alias or id (ESF, Erasmus+, ...).")] = None,
    metric: Annotated[str | None, typer.Option(help="eu_funds_paid, project_count, partners, ...")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    data_dir: DataOpt = None,
) -> None:
    """List stored facts with their source (document, page, verbatim quote). Names as people type them:
    a near miss that can only be one name is read as it and said on stderr; an unknown name exits 2 with
    the nearest names."""
    from core.entities import Registry
    from core.errors import UnknownName
    from core.names import resolve_filters
    from service.facts_export import doc_titles, fact_rows, filter_facts, official_docs, to_csv
    from service.facts_table import print_facts

    if fmt not in ("table", "csv", "json"):
        typer.echo("fel: --format måste vara table, csv eller json", err=True)
        raise typer.Exit(2)
    registry = Registry.load()
    try:
        named = resolve_filters(registry, org=org, fund=fund, metric=metric)
    except UnknownName as exc:
        raise _fail(exc, code=2) from exc
    given = {"org": org, "fund": fund, "metric": metric}
    for name, found in named.interpreted.items():  # said on stderr: stdout stays the listing (csv, json)
        shown = found if name == "metric" else f"{registry.display(found)} ({found})"
        typer.echo(f"tolkat: --{name} {given[name]!r} som {shown}", err=True)
    store = _open_store(data_dir)
    documents = store.document_rows()
    rows = fact_rows(filter_facts(store.load_facts(), registry, year=year, org=named.org, fund=named.fund,
                                  metric=named.metric), registry, official_docs(documents), doc_titles(documents))
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        typer.echo(to_csv(rows), nl=False)
    else:
        print_facts(rows)


@app.command()
def checks(data_dir: DataOpt = None,
           only_failing: Annotated[bool, typer.Option("--failing", help="Only checks that found a gap.")] = False,
           as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the consistency checks (parts against totals, report against report, the reports' own slips)."""
    from core.numbers import format_value
    from core.schemas import SLIP_KINDS

    store = _open_store(data_dir)
    items = [c for c in store.load_checks() if c.status != "ok" or not only_failing]
    items.sort(key=lambda c: (c.status == "ok", c.year, c.kind))
    if as_json:
        typer.echo(json.dumps([c.model_dump() for c in items], ensure_ascii=False, indent=2))
        return
    marks = {"ok": "OK     ", "mismatch": "AVVIKER", "parts_exceed_total": "ÖVER   "}
    for c in items:
        unit = "SEK" if c.metric in ("eu_funds_paid", "total_budget") else "count"
        gap = "" if c.kind in SLIP_KINDS else f"; skillnad {format_value(c.difference, unit)}"  # a slip says its own
        typer.echo(f"{marks.get(c.status, c.status)} {c.description}{gap}")
    typer.echo(f"{len(items)} kontroller, {sum(c.status != 'ok' for c in items)} med avvikelse")


@app.command()
def search(question: str, k: Annotated[int, typer.Option("--k", help="Passages to show.")] = 5,
           as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
           data_dir: DataOpt = None) -> None:
    """Show the best passages (keyword + dense, fused) with citations."""
    from core.entities import Registry
    from core.errors import FaktakollError
    from service.answer.retrieve import Retriever, hints

    settings = load_settings(None, data_dir)
    store = _open_store(data_dir)
    year, orgs = hints(question, Registry.load())
    try:
        passages = Retriever(settings, store).search(question, k=k, year=year, orgs=orgs)
    except FaktakollError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps([
            {"chunk_id": p.chunk.chunk_id, "citation": p.chunk.citation, "doc_id": p.chunk.doc_id,
             "pages": p.chunk.pages, "section": p.chunk.section, "score": round(p.score, 5), "text": p.chunk.text}
            for p in passages], ensure_ascii=False, indent=2))
        return
    for i, p in enumerate(passages, start=1):
        typer.echo(f"[{i}] {p.chunk.citation} — {p.chunk.section}")
        typer.echo("    " + " ".join(p.chunk.text.split())[:400])
    if not passages:
        typer.echo("Inga träffar.")


@app.command("settings")
def show_settings() -> None:
    """Print the effective settings and what each one means."""
    from core.settings import describe

    for name, value, text in describe(load_settings()):
        typer.echo(f"{name}={value}\n    {text}")


def _engine(data_dir: Path | None):  # type: ignore[no-untyped-def]
    from core.errors import FaktakollError
    from service.answer.engine import Engine

    settings = load_settings(None, data_dir)
    try:
        return Engine(settings)
    except FaktakollError as exc:
        raise _fail(exc) from exc


def render(answer: Any) -> str:
    """An answer as terminal text: the answer, a table, caveats, numbered sources, corpus version."""
    lines = [answer.text]
    if answer.table:
        lines.append("")
        lines.extend(f"  {row.label:<40}  {row.display}" + (f" [{row.citation}]" if row.citation else "")
                     for row in answer.table)
    for caveat in answer.caveats:
        lines.append(f"\n⚠ {caveat}")
    if answer.citations:
        lines.append("\nKällor:" if answer.lang == "sv" else "\nSources:")
        for c in answer.citations:
            sv = answer.lang == "sv"
            where = ("s." if sv else "p.") if c.page else ("avsnitt" if sv else "section")
            page = f", {where} {c.page}" if c.page else (f", {where} {c.section}" if c.section else "")
            lines.append(f"  [{c.n}] {c.title}{page}: «{' '.join(c.quote.split())}»")
    version = "Korpusversion" if answer.lang == "sv" else "Corpus version"
    lines.append(f"\n({version} {answer.corpus_version})")
    return "\n".join(lines)


@app.command()
def ask(
    question: str,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Answer object (the API's JSON shape).")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="sv or en (default: the question's language).")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Also print the question's walk: the slots understood, "
                                          "the answerers tried, the evidence, verify and the match contract.")] = False,
    data_dir: DataOpt = None,
) -> None:
    """Answer a question with verified figures and numbered sources."""
    if lang not in (None, "sv", "en"):
        typer.echo("fel: --lang måste vara sv eller en", err=True)
        raise typer.Exit(2)
    trace: list[dict[str, object]] | None = [] if explain else None
    answer = _asked(_engine(data_dir), question, lang, trace=trace)
    typer.echo(answer.model_dump_json(indent=2) if as_json else render(answer))
    for step in trace or []:
        typer.echo(json.dumps(step, ensure_ascii=False, default=str), err=True)


WRONG = ("deviates", "other_role", "other_year")  # verdicts of a figure the reports contradict


@app.command()
def review(
    file: Annotated[Path, typer.Argument(help="The draft: a .txt, .md, .docx or .pdf file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the review (the API's JSON shape).")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="sv or en (default: the draft's language).")] = None,
    data_dir: DataOpt = None,
) -> None:
    """Check every figure of a draft against the reports; exit 1 when any figure deviates from them, 2 when the
    file cannot be read (read as the API reads an upload: a PDF's lines joined into paragraphs)."""
    from core.errors import FaktakollError
    from service.draft_file import read_draft_file
    from service.review import review as review_text

    settings = load_settings(None, data_dir)
    try:
        text = read_draft_file(file.name, file.read_bytes(), max_bytes=settings.max_draft_bytes, lang=lang or "sv")
    except OSError as exc:
        typer.echo(f"fel: {file} kan inte läsas ({exc.strerror or exc.__class__.__name__})", err=True)
        raise typer.Exit(2) from exc
    except FaktakollError as exc:
        raise _fail(exc, 2) from exc
    result = {**review_text(_engine(data_dir), text, lang), "text": text}  # as /api/review/file: offsets in `text`
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    else:
        for c in result["claims"]:
            shown = c["reported"]["display"] if c["reported"] else "–"
            typer.echo(f"{c['figure'][:28]:28}  {c['verdict']:15} {shown:>22}  {c['explanation'][:70]}")
        typer.echo(", ".join(f"{k}: {v}" for k, v in result["summary"].items() if v))
    if any(c["verdict"] in WRONG for c in result["claims"]):
        raise typer.Exit(1)


def _asked(engine: Any, question: str, lang: str | None, conversation: str | None = None,
           trace: list[dict[str, object]] | None = None) -> Any:
    """The answer, or one line and exit 1 when a store it needs is away (e.g. the Chroma server)."""
    from core.errors import FaktakollError

    try:
        return engine.ask(question, lang=lang, conversation_id=conversation, trace=trace)
    except FaktakollError as exc:
        raise _fail(exc) from exc


@app.command()
def chat(lang: Annotated[str | None, typer.Option("--lang", help="sv or en.")] = None,
         data_dir: DataOpt = None) -> None:
    """Interactive session; follow-up questions ("och 2024?") reuse what was asked before."""
    engine = _engine(data_dir)
    conversation = engine.new_conversation()
    typer.echo("Ställ en fråga om Malmö stads internationella arbete (tom rad avslutar).")
    while True:
        try:
            question = input("> ").strip()
        except EOFError:
            break
        if not question:
            break
        typer.echo(render(_asked(engine, question, lang, conversation)) + "\n")


WorkersOpt = Annotated[int | None, typer.Option(
    min=1, max=64, help="Worker processes on the one port (default FAKTAKOLL_WORKERS, 1); with more than one, "
    "set FAKTAKOLL_REDIS_URL so that follow-ups and rate limits hold across them.")]


def _check_stores(settings: Settings) -> None:
    """Before serving (and before any worker starts): something is ingested and Redis, when set,
    answers; else one line and exit 1."""
    from core.errors import FaktakollError, StoreError
    from service.conversations import check_redis
    from stores.sql import Store

    try:
        store = Store(settings).at_build()
        if settings.chroma_url:  # a server away, emptied or another one: said now, not at the first question
            from stores.index import missing_vectors

            ids, collection = store.chunk_ids(), str((store.current_build() or {})["collection"])
            if lost := missing_vectors(settings, collection, ids):
                raise StoreError(f"the Chroma server at {settings.chroma_url} lacks {lost} of the {len(ids)} "
                                 "passages of the current build (FAKTAKOLL_CHROMA_URL)",
                                 hint="run `faktakoll ingest` to embed them again, or correct FAKTAKOLL_CHROMA_URL")
        if settings.redis_url:
            check_redis(settings.redis_url)
    except FaktakollError as exc:
        raise _fail(exc) from exc


def _check_address(host: str, port: int) -> None:
    """One line and exit 3 when serve cannot listen on host:port, before uvicorn tries (its error is a log
    record, or a traceback with several workers)."""
    import errno
    import os

    from service.operations import bind_error

    exc = bind_error(host, port)
    if exc is None:
        return
    if exc.errno == errno.EADDRINUSE:
        other = 8081 if port == 8080 else 8080
        typer.echo(f"fel: port {port} på {host} används redan av ett annat program; välj en annan port med "
                   f"FAKTAKOLL_PORT (t.ex. FAKTAKOLL_PORT={other}) eller --port, eller stoppa det som kör där",
                   err=True)
    else:
        why = os.strerror(exc.errno) if exc.errno else str(exc)
        typer.echo(f"fel: kan inte lyssna på {host}:{port} ({why}); rätta FAKTAKOLL_HOST eller "
                   "FAKTAKOLL_PORT (eller --host, --port)", err=True)
    raise typer.Exit(EXIT_NO_PORT)


@app.command()
def serve(host: Annotated[str | None, typer.Option(help="Address (default FAKTAKOLL_HOST, 127.0.0.1).")] = None,
          port: Annotated[int | None, typer.Option(help="Port (default FAKTAKOLL_PORT, 8000).")] = None,
          workers: WorkersOpt = None, data_dir: DataOpt = None) -> None:
    """Start the web service: chat page at /, facts at /fakta, API at /api, docs at /docs."""
    import os

    import uvicorn

    from service.app import create_app
    from service.server import uvicorn_options

    settings = load_settings(None, data_dir)
    host, port, workers = host or settings.host, port or settings.port, workers or settings.workers
    _check_address(host, port)
    _check_stores(settings)
    if workers > 1 and not settings.redis_url:
        typer.echo(f"varning: {workers} workers utan FAKTAKOLL_REDIS_URL: varje worker har egna följdfrågor och egen "
                   "gräns för anrop; sätt FAKTAKOLL_REDIS_URL=redis://värd:6379/0 för att dela dem", err=True)
    typer.echo(f"Faktakoll körs på http://{host}:{port}/  (API-dokumentation: http://{host}:{port}/docs)"
               + (f", {workers} workers" if workers > 1 else ""))
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, **uvicorn_options(settings))
        return
    # every worker builds its own app from the environment (create_app() reads Settings()): options go there
    os.environ["FAKTAKOLL_DATA_DIR"] = str(settings.data_dir)
    uvicorn.run("service.app:create_app", factory=True, workers=workers, host=host, port=port,
                **uvicorn_options(settings))


keys_app = typer.Typer(help="API keys for the JSON API (stored hashed).", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("add")
def keys_add(name: str, data_dir: DataOpt = None) -> None:
    """Create a key; it is printed once and only its hash is stored."""
    from core.errors import FaktakollError
    from service.security import hash_key, new_key
    from stores.sql import Store

    if not KEY_NAME.fullmatch(name):
        typer.echo(f"error: key name {name!r} is not allowed\n  → use 1–64 letters, digits, '.', '_' or '-'", err=True)
        raise typer.Exit(2)
    key = new_key()
    try:
        Store(load_settings(None, data_dir)).add_api_key(name, hash_key(key))
    except FaktakollError as exc:
        raise _fail(exc) from exc
    typer.echo(key)


@keys_app.command("list")
def keys_list(data_dir: DataOpt = None) -> None:
    """Names and creation dates of the keys."""
    from stores.sql import Store

    for name, created in Store(load_settings(None, data_dir)).api_key_names():
        typer.echo(f"{name}\t{created}")


@keys_app.command("remove")
def keys_remove(name: str, data_dir: DataOpt = None) -> None:
    """Revoke a key."""
    from stores.sql import Store

    if not Store(load_settings(None, data_dir)).remove_api_key(name):
        typer.echo(f"fel: ingen nyckel med namnet {name}", err=True)
        raise typer.Exit(1)
    typer.echo(f"nyckeln {name} är borttagen; den gäller inte längre")

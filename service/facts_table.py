"""`faktakoll facts` as a table in the terminal: a header row, every cell whole (long names and quotes wrap
onto more lines, never cut), the value right-aligned, the source as the document's title and page."""

from __future__ import annotations

import sys
from typing import Any

from core.numbers import format_value

FILE_WIDTH = 200  # characters per line when the output is a file or a pipe (a terminal gives its own width)
HEADERS = ("År", "Organisation", "Mått", "Avser", "Värde", "Källa", "Citat")


def _what(row: dict[str, Any]) -> str:
    """What a row is about beyond organisation and metric: fund, goal, project, category."""
    goal = row["goal"] and f"mål {row['goal']}"
    return " ".join(str(x) for x in (row["fund"], goal, row["project"], row["category"]) if x)


def print_facts(rows: list[dict[str, Any]]) -> None:
    """The rows (service.facts_export.fact_rows) as a table on stdout, then their number."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(*HEADERS, box=box.SIMPLE_HEAD, header_style="bold", show_edge=False)
    table.columns[HEADERS.index("Värde")].justify = "right"
    table.columns[HEADERS.index("Värde")].no_wrap = True
    for r in rows:
        value = format_value(r["value"], r["unit"], approximate=r["approximate"])
        source = f"{r['title']}, s. {r['page']}" if r["page"] else r["title"]
        table.add_row(str(r["year"]), r["org_name"], r["metric"], _what(r), value, source, " ".join(r["quote"].split()))
    console = Console(width=None if sys.stdout.isatty() else FILE_WIDTH, highlight=False)
    console.print(table)
    console.print(f"{len(rows)} fakta")

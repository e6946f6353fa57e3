"""What every vnnews command shares: the consoles, the option types, usage errors, progress, and list output.

Every list prints as a table for people, or as jsonl (the stable contract for scripts: one object per row, the
record's fields) or csv (a header, then the same fields flattened).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from vnnews.model import Failure, InputError
from vnnews.store import SchemaError

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


Paths = Annotated[list[str], typer.Argument(help="Files, directories, globs, JSONL files, or - for stdin.")]
Meta = Annotated[
    Path | None,
    typer.Option("--meta", exists=True, dir_okay=False, help="Manifest (JSONL) with url, site, published per file."),
]
Db = Annotated[Path | None, typer.Option("--db", help="Database file [default: $VNNEWS_DB or the user data dir].")]
Format = Annotated[ListFormat, typer.Option("--format", help="table, jsonl (stable fields) or csv.")]
Limit = Annotated[int, typer.Option("--limit", min=0, help="At most this many rows.")]
Offset = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first.")]
Since = Annotated[str | None, typer.Option("--since", help="YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option("--until", help="YYYY, YYYY-MM or YYYY-MM-DD.")]


@contextmanager
def usage_errors() -> Iterator[None]:
    """A bad manifest, date or database is the caller's to fix: one line on stderr and exit code 2."""
    try:
        yield
    except (InputError, SchemaError) as exc:
        err.print(f"vnnews: {exc}", markup=False)
        raise typer.Exit(2) from None


@contextmanager
def progress(label: str) -> Iterator[Callable[[str, str], None] | None]:
    """A per-page progress callback drawing a bar on a terminal's stderr; None when stderr is not a terminal."""
    if not err.is_terminal:
        yield None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def advance(source: str, outcome: str) -> None:
            bar.update(task, advance=1, description=f"{outcome}: {Path(source).name}")

        yield advance


def report(failure: Failure) -> None:
    err.print(f"{failure.source}: {failure.reason}", markup=False, soft_wrap=True)


def write_jsonl(row: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_rows(
    rows: list[dict[str, Any]], format: ListFormat, table: list[str], *, total: int | None = None, offset: int = 0
) -> None:
    """Rows as jsonl (every field), csv (every field, lists joined with "; ") or a table of the ``table`` columns."""
    if format is ListFormat.jsonl:
        for row in rows:
            write_jsonl(row)
        return
    if format is ListFormat.csv:
        fields = list(rows[0]) if rows else table
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
        return
    if not rows:
        out.print("nothing found")
        return
    grid = Table()
    for column in table:
        grid.add_column(column, overflow="fold", no_wrap=column in ("date", "id", "root"))
    for row in rows:
        grid.add_row(*(Text(_cell(row.get(column))) for column in table))
    out.print(grid)
    if total is not None:
        out.print(f"{offset + 1}–{offset + len(rows)} of {total}", style="dim")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)

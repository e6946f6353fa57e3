"""The vnnews command line: extract, ingest, search, show, stats, demo.

Exit codes: 0 when every input was handled, 1 when any input failed (the other pages' output is still complete),
2 on a usage error. Data goes to stdout, progress and "FILE: reason" failure lines to stderr.
"""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from itertools import chain, islice
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

import vnnews
from vnnews import cli_analysis
from vnnews.cli_output import (
    Db,
    ExtractFormat,
    ListFormat,
    Meta,
    Paths,
    Since,
    Until,
    err,
    out,
    progress,
    report,
    usage_errors,
    write_jsonl,
)
from vnnews.model import Article, Failure
from vnnews.service import GUILLEMETS, Explained, Marks, SearchPage, Service

app = typer.Typer(
    name="vnnews",
    help="Vietnamese news intelligence: clean articles out of scraped news pages, stored, analysed and searchable.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Snippet markers: jsonl and csv carry «…» around matched words; the table marks them with private-use
# characters that never occur in news text and turns them into bold.
_TABLE_MARKS = Marks("\ue000", "\ue001")


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def extract(
    paths: Paths,
    meta: Meta = None,
    format: Annotated[
        ExtractFormat | None, typer.Option("--format", help="json (pretty; default for one page) or jsonl.")
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show every line with its role and why.")] = False,
) -> None:
    """Print the clean article of each page, without storing anything."""
    service = Service()
    failed = False
    with usage_errors():
        if explain:
            for item in service.explain(paths, meta):
                failed |= isinstance(item, Failure)
                if isinstance(item, Failure):
                    report(item)
                else:
                    _print_explained(item, format)
            raise typer.Exit(1 if failed else 0)
        items = service.extract(paths, meta)
        head = list(islice(items, 2))
        chosen = format or (ExtractFormat.json if len(head) < 2 else ExtractFormat.jsonl)
        articles: list[Article] = []
        for item in chain(head, items):
            if isinstance(item, Failure):
                failed = True
                report(item)
            elif chosen is ExtractFormat.jsonl:
                write_jsonl(item.to_dict())
            else:
                articles.append(item)
    if articles:
        data = articles[0].to_dict() if len(articles) == 1 else [a.to_dict() for a in articles]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(1 if failed else 0)


def _print_explained(explained: Explained, format: ExtractFormat | None) -> None:
    if format is ExtractFormat.jsonl:
        for line in explained.lines:
            write_jsonl(
                {
                    "source": explained.source,
                    "line_no": line.line_no,
                    "role": line.role,
                    "reason": line.reason,
                    "text": line.text,
                }
            )
        return
    table = Table(title=explained.source, title_justify="left", show_lines=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("role", style="cyan", no_wrap=True)
    table.add_column("why", style="dim")
    table.add_column("text", overflow="fold")
    for line in explained.lines:
        table.add_row(str(line.line_no), line.role, line.reason, Text(line.text))
    out.print(table)


@app.command()
def ingest(
    paths: Paths,
    meta: Meta = None,
    force: Annotated[
        bool, typer.Option("--force", help="Extract pages already stored as they are again, with the current rules.")
    ] = False,
    db: Db = None,
) -> None:
    """Extract and analyse every page and store it; pages already stored as they are count as unchanged.

    A page whose article changed (edited, or read better with --force) replaces the article it gave before."""
    with Service(db) as service, usage_errors(), progress("ingesting") as advance:
        summary = service.ingest(paths, meta, progress=advance, force=force)
    for failure in summary.failed:
        report(failure)
    out.print(f"{summary.ingested} ingested, {summary.unchanged} unchanged, {len(summary.failed)} failed")
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words to find, with or without accents: "nato rut quan".')],
    limit: Annotated[int, typer.Option("--limit", min=0)] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    site: Annotated[str | None, typer.Option("--site", help="Only this site, e.g. baoquocte.vn.")] = None,
    since: Since = None,
    until: Until = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help='Only articles naming this actor: id or any name ("Russia", "Nga").')
    ] = None,
    format: Annotated[ListFormat, typer.Option("--format", help="table, or jsonl/csv with «…» marks.")] = (
        ListFormat.table
    ),
    db: Db = None,
) -> None:
    """Full-text search, best match first; snippets show the matched words."""
    marks = _TABLE_MARKS if format is ListFormat.table else GUILLEMETS
    with Service(db) as service, usage_errors():
        page = service.search(
            query, limit=limit, offset=offset, site=site, since=since, until=until, marks=marks, actor=actor
        )
    rows = [hit.to_dict() for hit in page.results]
    if format is ListFormat.jsonl:
        for row in rows:
            write_jsonl(row)
    elif format is ListFormat.csv:
        writer = csv.DictWriter(
            sys.stdout, fieldnames=["id", "title", "source", "site", "published", "score", "snippet"]
        )
        writer.writeheader()
        writer.writerows(rows)
    else:
        _print_hits(page, offset)


def _marked(snippet: str) -> Text:
    """A table snippet with the marked words in bold."""
    text = Text()
    for i, piece in enumerate(snippet.replace(_TABLE_MARKS.close, _TABLE_MARKS.open).split(_TABLE_MARKS.open)):
        text.append(piece, style="bold yellow" if i % 2 else None)
    return text


def _print_hits(page: SearchPage, offset: int) -> None:
    if not page.results:
        out.print("no matches")
        return
    table = Table(show_lines=True)
    table.add_column("#", justify="right", style="dim")
    table.add_column("article")
    table.add_column("published", no_wrap=True)
    table.add_column("score", justify="right", style="dim")
    for rank, hit in enumerate(page.results, start=offset + 1):
        cell = Text(hit.title, style="bold")
        cell.append(f"\n{hit.id} · {hit.site or hit.source}\n", style="dim")
        cell.append_text(_marked(hit.snippet))
        table.add_row(str(rank), cell, hit.published or "", f"{hit.score:.2f}")
    out.print(table)
    out.print(f"{offset + 1}–{offset + len(page.results)} of {page.total}", style="dim")


@app.command()
def show(
    id: Annotated[str, typer.Argument(help="Article id, or a unique prefix of it.")],
    format: Annotated[ShowFormat, typer.Option("--format")] = ShowFormat.text,
    db: Db = None,
) -> None:
    """Read one stored article."""
    with Service(db) as service, usage_errors():
        article = service.article(id)
    if article is None:
        err.print(f"vnnews: no article with id {id!r} in {service.db_path}", markup=False)
        raise typer.Exit(1)
    if format is ShowFormat.json:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_article(article)


def _print_article(article: Article) -> None:
    """A clean reading view: title, one meta line, the lead in bold, paragraphs, captions, related links."""
    out.print(Text(article.title, style="bold underline"))
    facts = [article.site, article.section, article.published, article.author, article.source_agency]
    out.print(Text(" · ".join(f for f in facts if f) or article.source, style="dim"))
    if article.url:
        out.print(Text(article.url, style="dim"))
    out.print()
    if article.lead:
        out.print(Text(article.lead, style="bold"))
        out.print()
    for paragraph in article.body:
        out.print(Text(paragraph))
        out.print()
    for caption in article.captions:
        credit = f" ({caption.credit})" if caption.credit else ""
        out.print(Text(f"▣ {caption.text}{credit}", style="italic"))
    if article.related:
        out.print(Text("\nRelated", style="bold"))
        for title in article.related:
            out.print(Text(f"• {title}"))
    out.print(Text(f"\nid {article.id} · {article.source}", style="dim"))


@app.command()
def stats(
    format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
    db: Db = None,
) -> None:
    """What the database holds."""
    with Service(db) as service, usage_errors():
        numbers = service.stats()
    if format is ListFormat.jsonl:
        write_jsonl(numbers)
        return
    rows = [(key, value) for key, value in numbers.items() if key != "sites"]
    rows += [(f"site {site}", count) for site, count in numbers["sites"].items()]
    if format is ListFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["metric", "value"])
        writer.writerows((k, "" if v is None else v) for k, v in rows)
        return
    table = Table(show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for key, value in rows:
        table.add_row(key, "—" if value is None else str(value))
    out.print(table)


@app.command()
def demo(
    db: Db = None,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="End by serving the web desk.")] = True,
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
) -> None:
    """Ingest the bundled sample pages, run a search and show an actor, then serve the web desk on 127.0.0.1."""
    samples = Path(vnnews.__file__).resolve().parents[1] / "samples"
    if not samples.is_dir():
        err.print(f"vnnews: no samples/ beside the package ({samples}); demo needs a source checkout", markup=False)
        raise typer.Exit(1)
    manifest = samples / "manifest.jsonl"
    with Service(db) as service, usage_errors():
        summary = service.ingest([str(samples)], manifest if manifest.exists() else None)
        out.print(
            f"{summary.ingested} ingested, {summary.unchanged} unchanged, {len(summary.failed)} failed "
            f"into {service.db_path}"
        )
        for failure in summary.failed:
            report(failure)
        query = "tong thu ky nato gap trump"
        out.print(f'\n$ vnnews search "{query}"')
        page = service.search(query, limit=3, marks=_TABLE_MARKS)
        _print_hits(page, 0)
        top = service.actors(limit=1).results
        if top:
            out.print(f"\n$ vnnews timeline {top[0].name}")
            cli_analysis.print_timeline(service.timeline(top[0].id, limit=8).results)
    db_flag = f" --db {service.db_path}" if db else ""
    out.print("\nNext:")
    out.print(f'  vnnews search "nato rut quan"{db_flag}', markup=False)
    if page.results:
        out.print(f"  vnnews show {page.results[0].id[:8]}{db_flag}", markup=False)
    out.print(f"  vnnews actors{db_flag}", markup=False)
    if top:
        out.print(f'  vnnews actor "{top[0].name}"{db_flag}', markup=False)
    out.print(f'  vnnews search "nato" --actor Nga{db_flag}', markup=False)
    out.print(f"  vnnews events --root 04{db_flag}", markup=False)
    out.print(f"  vnnews stats{db_flag}", markup=False)
    if serve:
        out.print(f"\nServing the web desk at http://127.0.0.1:{port}/ (Ctrl-C to stop)")
        cli_analysis.serve_app(service.db_path, "127.0.0.1", port, None)
    raise typer.Exit(1 if summary.failed else 0)


cli_analysis.register(app)


def main() -> None:
    app()

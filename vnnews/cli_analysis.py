"""The vnnews commands over the analysis: analyze, reanalyze, actors, actor, events, timeline, quotes, export, serve.

Actor arguments take an id or any of the actor's names, in any case and with or without accents ("Russia", "Nga").
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from enum import StrEnum
from itertools import chain, islice
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from vnnews.cli_output import (
    Db,
    ExtractFormat,
    Format,
    Limit,
    ListFormat,
    Meta,
    Offset,
    Paths,
    Since,
    Until,
    err,
    out,
    progress,
    report,
    usage_errors,
    write_jsonl,
    write_rows,
)
from vnnews.model import Failure
from vnnews.service import Service, TimelineRow, period

ActorArg = Annotated[str, typer.Argument(help='Actor id or any of its names: "NATO", "Russia", "Nga".')]


def register(app: typer.Typer) -> None:
    for command in (analyze, reanalyze, actors, actor, events, timeline, quotes, export, serve):
        app.command()(command)


def analyze(
    paths: Paths,
    meta: Meta = None,
    format: Annotated[
        ExtractFormat | None, typer.Option("--format", help="json (pretty; default for one page) or jsonl.")
    ] = None,
) -> None:
    """Print each page's article with its entities, dates, events and quotes, without storing anything."""
    failed, found = False, []
    with usage_errors():
        items = Service().analyze(paths, meta)
        head = list(islice(items, 2))
        chosen = format or (ExtractFormat.json if len(head) < 2 else ExtractFormat.jsonl)
        for item in chain(head, items):
            if isinstance(item, Failure):
                failed = True
                report(item)
            elif chosen is ExtractFormat.jsonl:
                write_jsonl(item.to_dict())
            else:
                found.append(item.to_dict())
    if found:
        sys.stdout.write(json.dumps(found[0] if len(found) == 1 else found, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(1 if failed else 0)


def reanalyze(db: Db = None) -> None:
    """Rebuild actors, mentions, roles, dates, events and quotes of every stored article from its stored text."""
    with Service(db) as service, usage_errors(), progress("analysing") as advance:
        summary = service.reanalyze(progress=advance)
    for failure in summary.failed:
        report(failure)
    out.print(f"{summary.analysed} analysed, {len(summary.failed)} failed")
    raise typer.Exit(1 if summary.failed else 0)


def actors(
    top: Annotated[int, typer.Option("--top", min=0, help="How many actors.")] = 20,
    offset: Offset = 0,
    q: Annotated[str | None, typer.Option("--q", help="Only actors with a name containing this.")] = None,
    format: Format = ListFormat.table,
    db: Db = None,
) -> None:
    """The most named actors, with how often and in how many articles."""
    with Service(db) as service, usage_errors():
        page = service.actors(limit=top, offset=offset, q=q)
    rows = [a.to_dict() for a in page.results]
    write_rows(rows, format, ["id", "name", "kind", "mentions", "articles"], total=page.total, offset=offset)


class ActorFormat(StrEnum):
    text = "text"
    json = "json"


def actor(
    name: ActorArg,
    articles: Annotated[int, typer.Option("--articles", min=0, help="How many of its articles to list.")] = 10,
    format: Annotated[ActorFormat, typer.Option("--format")] = ActorFormat.text,
    db: Db = None,
) -> None:
    """One actor: canonical name, aliases, the roles articles show it in (with dates), its articles."""
    with Service(db) as service, usage_errors():
        found = service.actor(name)
        listed = service.actor_articles(found.id, limit=articles) if found else None
    if found is None:
        err.print(f"vnnews: no actor named {name!r} in {service.db_path}", markup=False)
        raise typer.Exit(1)
    if format is ActorFormat.json:
        data = {**found.to_dict(), "recent_articles": [hit.to_dict() for hit in listed.results]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(Text(found.name, style="bold underline"))
    out.print(Text(f"{found.id} · {found.kind} · {found.mentions} mentions in {found.articles} articles", style="dim"))
    out.print(Text("aliases: " + ", ".join(found.aliases)))
    if found.roles:
        grid = Table(title="roles", title_justify="left")
        for column in ("title", "org", "as printed", "first seen", "last seen", "inferred"):
            grid.add_column(column)
        for role in found.roles:
            grid.add_row(
                role.title,
                role.org or "",
                role.phrase or "",
                role.seen or "",
                role.last_seen or "",
                "yes" if role.inferred else "",
            )
        out.print(grid)
    grid = Table(title=f"articles ({listed.total})", title_justify="left")
    for column in ("id", "published", "mentions", "title"):
        grid.add_column(column, no_wrap=column != "title")
    for hit in listed.results:
        grid.add_row(hit.id, hit.published or "", str(int(hit.score)), Text(hit.title))
    out.print(grid)


def events(
    actor: Annotated[str | None, typer.Option("--actor", help="Either side, or a person acting for it.")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root code 01–20.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = ListFormat.table,
    db: Db = None,
) -> None:
    """Coded events in calendar order: who did what to whom, where, when."""
    with Service(db) as service, usage_errors():
        page = service.events(actor=actor, root=root, since=since, until=until, limit=limit, offset=offset)
    rows = [e.to_dict() for e in page.results]
    write_rows(rows, format, ["date", "actor1", "root", "label", "actor2", "location"], total=page.total, offset=offset)


def timeline(
    name: ActorArg,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Format = ListFormat.table,
    db: Db = None,
) -> None:
    """An actor's events (its own and those of people acting for it) and quotes, in calendar order."""
    with Service(db) as service, usage_errors():
        if service.resolve_actor(name) is None:
            err.print(f"vnnews: no actor named {name!r} in {service.db_path}", markup=False)
            raise typer.Exit(1)
        page = service.timeline(name, limit=limit, offset=offset)
    if format is ListFormat.table:
        print_timeline(page.results)
        out.print(f"{offset + 1}–{offset + len(page.results)} of {page.total}", style="dim")
    else:
        write_rows([r.to_dict() for r in page.results], format, [])


def print_timeline(rows: list[TimelineRow]) -> None:
    grid = Table(expand=True)
    for column in ("date", "kind", "actor1", "root", "actor2"):
        grid.add_column(column, no_wrap=True, max_width=24)
    grid.add_column("text", ratio=1)
    for row in rows:
        text = row.text if len(row.text) <= 160 else row.text[:159] + "…"
        grid.add_row(row.date or "", row.kind, row.actor1, row.root or "", row.actor2 or "", Text(text))
    out.print(grid)


def quotes(
    speaker: Annotated[str | None, typer.Option("--speaker", help="Only this speaker (id or any name).")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = ListFormat.table,
    db: Db = None,
) -> None:
    """Who said what: direct and reported quotes in calendar order."""
    with Service(db) as service, usage_errors():
        page = service.quotes(speaker=speaker, limit=limit, offset=offset)
    rows = [q.to_dict() for q in page.results]
    write_rows(rows, format, ["date", "speaker", "text", "via", "channel"], total=page.total, offset=offset)


class ExportKind(StrEnum):
    events = "events"
    quotes = "quotes"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


# GDELT 1.0 event columns we can fill, in GDELT's order, then ours. QuadClass is GDELT's grouping of CAMEO roots.
EVENT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year DatePrecision Actor1Code Actor1Name Actor2Code Actor2Name EventCode "
    "EventBaseCode EventRootCode EventLabel QuadClass GoldsteinScale NumMentions NumArticles ActionGeo_FullName "
    "SOURCEURL Factuality Trigger Sentence Confidence ArticleID PipelineVersion"
).split()
QUOTE_COLUMNS = (
    "QUOTEID SQLDATE DatePrecision SpeakerCode SpeakerName Quote Direct Via Channel ArticleID SOURCEURL PipelineVersion"
).split()
_INT_COLUMNS = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "QuadClass", "NumMentions", "NumArticles", "QUOTEID"}


def _quad_class(root: str) -> int:
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


def _dates(date: str | None) -> dict[str, Any]:
    """SQLDATE as GDELT writes it (YYYYMMDD): the first day of a year-, month- or week-dated event, with the
    precision beside it."""
    span = period(date)
    if date is None or span is None:
        return {"SQLDATE": None, "MonthYear": None, "Year": None, "DatePrecision": None}
    first = span[0].replace("-", "")
    precision = "week" if "W" in date else {4: "year", 7: "month"}.get(len(date), "day")
    return {"SQLDATE": int(first), "MonthYear": int(first[:6]), "Year": int(first[:4]), "DatePrecision": precision}


def _all(method: Any, **filters: Any) -> Iterator[Any]:
    offset = 0
    while True:
        page = method(limit=500, offset=offset, **filters)
        yield from page.results
        offset += len(page.results)
        if not page.results or offset >= page.total:
            return


def export_rows(service: Service, kind: ExportKind) -> list[dict[str, Any]]:
    """Every stored event or quote as a GDELT-style row."""
    urls: dict[str, str | None] = {}

    def url(article_id: str) -> str | None:
        if article_id not in urls:
            article = service.article(article_id)
            urls[article_id] = (article.url or article.source) if article else None
        return urls[article_id]

    if kind is ExportKind.quotes:
        return [
            {
                "QUOTEID": q.id,
                **{k: v for k, v in _dates(q.date).items() if k in QUOTE_COLUMNS},
                "SpeakerCode": q.speaker_id,
                "SpeakerName": q.speaker,
                "Quote": q.text,
                "Direct": q.direct,
                "Via": q.via,
                "Channel": q.channel,
                "ArticleID": q.article_id,
                "SOURCEURL": url(q.article_id),
                "PipelineVersion": q.pipeline_version,
            }
            for q in _all(service.quotes)
        ]
    return [
        {
            "GLOBALEVENTID": e.id,
            **_dates(e.date),
            "Actor1Code": e.actor1_id,
            "Actor1Name": e.actor1,
            "Actor2Code": e.actor2_id,
            "Actor2Name": e.actor2,
            "EventCode": e.code,
            "EventBaseCode": e.code[:3],
            "EventRootCode": e.root,
            "EventLabel": e.label,
            "QuadClass": _quad_class(e.root),
            "GoldsteinScale": e.goldstein,
            "NumMentions": e.mentions,
            "NumArticles": e.sources,
            "ActionGeo_FullName": e.location,
            "SOURCEURL": url(e.article_id),
            "Factuality": e.factuality,
            "Trigger": e.trigger,
            "Sentence": e.sentence,
            "Confidence": e.confidence,
            "ArticleID": e.article_id,
            "PipelineVersion": e.pipeline_version,
        }
        for e in _all(service.events)
    ]


def export(
    kind: Annotated[ExportKind, typer.Argument(help="events or quotes.")],
    format: Annotated[ExportFormat, typer.Option("--format", help="csv or parquet.")] = ExportFormat.csv,
    out_file: Annotated[Path | None, typer.Option("--out", help="File to write [csv: default stdout].")] = None,
    db: Db = None,
) -> None:
    """Every event or quote in GDELT-style columns (GLOBALEVENTID, SQLDATE, Actor1Code…), as CSV or Parquet."""
    if format is ExportFormat.parquet and out_file is None:
        err.print("vnnews: parquet needs --out FILE", markup=False)
        raise typer.Exit(2)
    with Service(db) as service, usage_errors():
        rows = export_rows(service, kind)
    columns = EVENT_COLUMNS if kind is ExportKind.events else QUOTE_COLUMNS
    if format is ExportFormat.parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {c: pa.int64() if c in _INT_COLUMNS else pa.string() for c in columns}
        types.update({"GoldsteinScale": pa.float64(), "Confidence": pa.float64(), "Direct": pa.bool_()})
        schema = pa.schema([(c, types[c]) for c in columns])
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), out_file)
    else:
        with open(out_file, "w", newline="", encoding="utf-8") if out_file else nullcontext(sys.stdout) as stream:
            writer = csv.DictWriter(stream, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
    if out_file:
        err.print(f"{len(rows)} {kind.value} written to {out_file}", markup=False)


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None, typer.Option("--token", envvar="VNNEWS_TOKEN", help="Bearer token that allows POST /api/ingest.")
    ] = None,
) -> None:
    """Serve the web desk and the JSON API (read-only unless a token is given)."""
    with Service(db) as service:
        path = service.db_path
    out.print(f"Serving {path} at http://{host}:{port}/ (Ctrl-C to stop)")
    serve_app(path, host, port, token)


def serve_app(db_path: Path, host: str, port: int, token: str | None) -> None:
    from vnnews import api

    api.run(db_path, host=host, port=port, token=token)

"""The server-rendered pages of the desk: dashboard, search, article reading view, actors.

Every page works on a database that holds articles only: an analysis the Service cannot give yet is shown as
"not analysed yet" instead of breaking the page.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import yaml
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from vnnews.service import Marks
from vnnews.web import charts
from vnnews.web.access import DATE_PATTERN, ServicePool, accepts, is_article_id, optional, page_of
from vnnews.web.text import PAGE_MARKS, annotate, safe_href, snippet_parts

HERE = Path(__file__).parent
PAGE_SIZE = 20
TEMPLATES = Jinja2Templates(env=Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
))
TEMPLATES.env.globals.update(snippet_parts=snippet_parts, safe_href=safe_href)

PageNumber = Annotated[int, Query(ge=1, le=5000)]
DateParam = Annotated[str | None, Query(pattern=DATE_PATTERN)]
Text = Annotated[str | None, Query(max_length=200)]


@cache
def event_roots() -> dict[str, str]:
    """CAMEO root code → label, for the event-type facet."""
    with open(HERE / "data" / "event_roots.yaml", encoding="utf-8") as handle:
        return {str(code): label for code, label in yaml.safe_load(handle).items()}


def error_page(request: Request, status: int, message: str, detail: list[dict[str, Any]]) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, "error.html", {"status": status, "message": message, "detail": detail},
                                      status_code=status)


def router(pool: ServicePool) -> APIRouter:
    """The HTML routes, reading through ``pool``'s Services."""
    pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

    @pages.get("/")
    def dashboard(request: Request) -> Any:
        service = pool.get()
        volume, actors, latest = optional(service, "volume"), optional(service, "actors"), optional(service, "latest")
        return TEMPLATES.TemplateResponse(request, "dashboard.html", {
            "stats": service.stats(),
            "volume": charts.volume_chart(volume() or []) if volume else None,
            "actors": page_of(actors(limit=10))[1] if actors else None,
            "latest": latest(limit=10) if latest else None,
        })

    @pages.get("/search")
    def search(
        request: Request,
        q: Annotated[str, Query(max_length=500)] = "",
        site: Text = None,
        since: DateParam = None,
        until: DateParam = None,
        actor: Text = None,
        root: Annotated[str | None, Query(pattern=r"^(\d{2})?$")] = None,
        page: PageNumber = 1,
    ) -> Any:
        service = pool.get()
        site, actor, root = site or None, actor or None, root or None
        filters: dict[str, Any] = {"site": site, "since": since or None, "until": until or None}
        unsupported = [name for name, value in (("actor", actor), ("root", root))
                       if value and not accepts(service.search, name)]
        filters.update({name: value for name, value in (("actor", actor), ("root", root))
                        if value and name not in unsupported})
        found = None
        if q.strip() or "actor" in filters:  # an actor alone lists the articles naming it
            found = service.search(q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, marks=Marks(*PAGE_MARKS),
                                   **filters)
        total, hits = page_of(found)
        events = optional(service, "events")
        event_rows = None
        if events and (actor or root):
            event_rows = page_of(events(actor=actor, root=root, since=filters["since"], until=filters["until"],
                                        limit=10))[1]
        kept = {k: v for k, v in {"q": q, "site": site, "since": since, "until": until, "actor": actor,
                                  "root": root}.items() if v}
        return TEMPLATES.TemplateResponse(request, "search.html", {
            "q": q, "site": site, "since": since or "", "until": until or "", "actor": actor or "", "root": root,
            "hits": hits, "total": total, "page": page, "pages": -(-total // PAGE_SIZE),
            "offset": (page - 1) * PAGE_SIZE, "sites": list(service.stats().get("sites", {})),
            "roots": event_roots(), "unsupported": unsupported, "events": event_rows, "searched": found is not None,
            "page_link": lambda n: "/search?" + urlencode({**kept, "page": n}),
        })

    @pages.get("/articles/{article_id}")
    def article(request: Request, article_id: str) -> Any:
        service = pool.get()
        found = service.article(article_id) if is_article_id(article_id) else None
        if found is None:
            raise HTTPException(404, f"No article with id {article_id}")
        analysis_method, related_method = optional(service, "article_analysis"), optional(service, "related")
        analysis = analysis_method(found.id) if analysis_method else None
        related = related_method(found.id, limit=5) if related_method else None
        return TEMPLATES.TemplateResponse(request, "article.html", article_context(found, analysis, related))

    @pages.get("/actors")
    def actors(request: Request, q: Text = None, page: PageNumber = 1) -> Any:
        method = optional(pool.get(), "actors")
        total, rows = (0, [])
        if method:
            total, rows = page_of(method(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, q=q or None))
        kept = {"q": q} if q else {}
        return TEMPLATES.TemplateResponse(request, "actors.html", {
            "q": q or "", "rows": rows, "total": total, "page": page, "pages": -(-total // PAGE_SIZE),
            "analysed": method is not None, "page_link": lambda n: "/actors?" + urlencode({**kept, "page": n}),
        })

    @pages.get("/actors/{actor_id}")
    def actor(request: Request, actor_id: str) -> Any:
        service = pool.get()
        lookup = optional(service, "actor")
        found = lookup(actor_id) if lookup else None
        if found is None:
            raise HTTPException(404, f"No actor {actor_id}" + ("" if lookup else ": actors are not analysed yet"))
        timeline, quotes = optional(service, "timeline"), optional(service, "quotes")
        network, articles = optional(service, "network"), optional(service, "actor_articles")
        rows = page_of(timeline(found.id, limit=500))[1] if timeline else []
        graph = network(found.id, limit=30) if network else None
        return TEMPLATES.TemplateResponse(request, "actor.html", {
            "actor": found,
            "chart": charts.timeline_chart(rows),
            "timeline": rows[-15:][::-1],
            "timeline_total": len(rows),
            "quotes": page_of(quotes(speaker=found.id, limit=20))[1] if quotes else None,
            "network": charts.network_drawing(graph.nodes, graph.edges, found.id) if graph else None,
            "articles": page_of(articles(found.id, limit=10))[1] if articles else None,
        })

    return pages


def article_context(article: Any, analysis: Any, related: list[Any] | None) -> dict[str, Any]:
    """What the reading view shows: the text with its entities marked, and the analysis beside it when there is one."""
    entities = list(getattr(analysis, "entities", []) or [])
    return {
        "article": article,
        "text": annotate(article.title, article.lead, article.body, entities),
        "url": safe_href(article.url),
        "analysed": analysis is not None,
        "entities": _distinct_actors(entities),
        "events": list(getattr(analysis, "events", []) or []),
        "quotes": list(getattr(analysis, "quotes", []) or []),
        "related": related,
    }


def _distinct_actors(entities: list[Any]) -> list[dict[str, Any]]:
    """Each actor the article mentions once, with how often, most mentioned first."""
    seen: dict[str, dict[str, Any]] = {}
    for entity in entities:
        key = getattr(entity, "actor_id", None) or getattr(entity, "canonical", None) or getattr(entity, "text", "")
        row = seen.setdefault(key, {"name": getattr(entity, "canonical", None) or getattr(entity, "text", ""),
                                    "type": getattr(entity, "type", ""), "actor_id": getattr(entity, "actor_id", None),
                                    "count": 0})
        row["count"] += 1
    return sorted(seen.values(), key=lambda row: -row["count"])

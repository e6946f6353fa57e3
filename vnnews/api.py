"""The analyst's desk over HTTP: JSON under /api, server-rendered pages elsewhere, all through one Service.

Read-only unless started with a token; every list is bounded; every bad parameter or unknown id answers a 4xx
with a JSON body (pages asked for by a browser get the same status as an HTML page).
"""

from __future__ import annotations

import hmac
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from vnnews.model import InputError
from vnnews.web import pages, schemas
from vnnews.web.access import DATE_PATTERN, ServicePool, accepts, as_dict, is_article_id, optional, page_of

NOT_ANALYSED = "not analysed yet"
MAX_INGEST_BYTES = 64 * 1024 * 1024
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        b"font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=100_000)]
DateParam = Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=200)]


class SecurityHeaders:
    """Adds the CSP and friends to every response; plain ASGI so it costs nothing per request."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | Path | None, token: str | None = None) -> FastAPI:
    """The app over the database at ``db_path``; ``token`` enables POST /api/ingest for bearers of it."""
    pool = ServicePool(db_path)
    app = FastAPI(title="vnnews", version="0.1.0", description="Vietnamese news intelligence: search, actors, events.",
                  docs_url=None, redoc_url=None)
    app.state.pool = pool
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "web" / "static"), name="static")
    _add_error_handlers(app)
    _add_read_routes(app, pool)
    if token:
        _add_ingest_route(app, pool, token)
    app.include_router(pages.router(pool))
    return app


def run(db_path: str | Path | None, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the desk until interrupted (what ``vnnews serve`` calls)."""
    import uvicorn

    uvicorn.run(create_app(db_path, token=token), host=host, port=port, log_level="info")


def _error(status: int, message: str, detail: list[dict[str, Any]] | None = None) -> JSONResponse:
    body = schemas.ErrorBody(error=message, status=status, detail=detail or [])
    return JSONResponse(body.model_dump(), status_code=status)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        detail = [{"param": str(e["loc"][-1]) if e.get("loc") else "", "message": str(e.get("msg", ""))}
                  for e in exc.errors()]
        if _wants_html(request):
            return pages.error_page(request, 422, "Invalid parameters", detail)
        return _error(422, "invalid parameters", detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if _wants_html(request):
            return pages.error_page(request, exc.status_code, message, [])
        return _error(exc.status_code, message)

    @app.exception_handler(Exception)
    async def failed(request: Request, exc: Exception) -> Any:
        """A bug still answers in the API's shape, so a client never has to parse an HTML stack page."""
        return _error(500, f"internal error: {type(exc).__name__}")

    @app.exception_handler(InputError)
    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: Exception) -> Any:
        if _wants_html(request):
            return pages.error_page(request, 400, str(exc), [])
        return _error(400, str(exc))


def _add_read_routes(app: FastAPI, pool: ServicePool) -> None:
    @app.get("/api/search", response_model=schemas.SearchPage, tags=["articles"])
    def search(
        q: Annotated[str, Query(max_length=500)] = "",
        limit: Limit = 20,
        offset: Offset = 0,
        site: Text = None,
        actor: Text = None,
        since: DateParam = None,
        until: DateParam = None,
    ) -> Any:
        """Accent-insensitive full-text search, ranked; snippets mark matches with « »."""
        service = pool.get()
        filters: dict[str, Any] = {"site": site, "since": since, "until": until}
        if actor:
            if not accepts(service.search, "actor"):
                return schemas.SearchPage(total=0, limit=limit, offset=offset, results=[], note=NOT_ANALYSED)
            filters["actor"] = actor
        page = service.search(q, limit=limit, offset=offset, **filters)
        total, results = page_of(page)
        return {"total": total, "limit": limit, "offset": offset, "results": [as_dict(r) for r in results]}

    @app.get("/api/articles/{article_id}", response_model=schemas.ArticleOut, tags=["articles"],
             responses={404: {"model": schemas.ErrorBody}})
    def article(article_id: str) -> Any:
        """One article by id (or unique id prefix), with its entities, events, quotes and related articles."""
        service = pool.get()
        found = service.article(article_id) if is_article_id(article_id) else None
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        data = as_dict(found)
        analysis = optional(service, "article_analysis")
        related = optional(service, "related")
        data["analysis"] = as_dict(analysis(found.id)) if analysis else None
        data["related_articles"] = [as_dict(hit) for hit in related(found.id, limit=5)] if related else []
        return data

    @app.get("/api/actors", response_model=schemas.ActorPage, tags=["actors"])
    def actors(limit: Limit = 20, offset: Offset = 0, q: Text = None) -> Any:
        """Actors ranked by how often they are mentioned; ``q`` matches any name or alias."""
        method = optional(pool.get(), "actors")
        if method is None:
            return {"total": 0, "limit": limit, "offset": offset, "results": [], "note": NOT_ANALYSED}
        total, results = page_of(method(limit=limit, offset=offset, q=q))
        return {"total": total, "limit": limit, "offset": offset, "results": [as_dict(r) for r in results]}

    @app.get("/api/actors/{actor_id}", response_model=schemas.ActorDetail, tags=["actors"],
             responses={404: {"model": schemas.ErrorBody}})
    def actor(actor_id: str) -> Any:
        """One actor by id or any of its names, with aliases and roles."""
        return as_dict(_actor_or_404(pool, actor_id))

    @app.get("/api/actors/{actor_id}/timeline", response_model=schemas.TimelinePage, tags=["actors"],
             responses={404: {"model": schemas.ErrorBody}})
    def timeline(actor_id: str, limit: Annotated[int, Query(ge=1, le=500)] = 100, offset: Offset = 0) -> Any:
        """The actor's events and quotes in calendar order."""
        found = _actor_or_404(pool, actor_id)
        method = optional(pool.get(), "timeline")
        if method is None:
            return {"total": 0, "limit": limit, "offset": offset, "results": [], "note": NOT_ANALYSED}
        total, results = page_of(method(found.id, limit=limit, offset=offset))
        return {"total": total, "limit": limit, "offset": offset, "results": [as_dict(r) for r in results]}

    @app.get("/api/actors/{actor_id}/network", response_model=schemas.Network, tags=["actors"],
             responses={404: {"model": schemas.ErrorBody}})
    def network(actor_id: str, limit: Annotated[int, Query(ge=1, le=100)] = 30) -> Any:
        """Who acts with this actor, nodes and edges weighted by shared events."""
        found = _actor_or_404(pool, actor_id)
        method = optional(pool.get(), "network")
        if method is None:
            return {"nodes": [], "edges": [], "note": NOT_ANALYSED}
        return as_dict(method(found.id, limit=limit))

    @app.get("/api/events", response_model=schemas.EventPage, tags=["events"])
    def events(
        actor: Text = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
        since: DateParam = None,
        until: DateParam = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        """Coded events (CAMEO root ``01``–``20``), filtered by actor, type and date range."""
        method = optional(pool.get(), "events")
        if method is None:
            return {"total": 0, "limit": limit, "offset": offset, "results": [], "note": NOT_ANALYSED}
        found = method(actor=actor, root=root, since=since, until=until, limit=limit, offset=offset)
        total, results = page_of(found)
        return {"total": total, "limit": limit, "offset": offset, "results": [as_dict(r) for r in results]}

    @app.get("/api/quotes", response_model=schemas.QuotePage, tags=["events"])
    def quotes(speaker: Text = None, limit: Limit = 50, offset: Offset = 0) -> Any:
        """Attributed quotes, direct and reported, optionally by one speaker."""
        method = optional(pool.get(), "quotes")
        if method is None:
            return {"total": 0, "limit": limit, "offset": offset, "results": [], "note": NOT_ANALYSED}
        total, results = page_of(method(speaker=speaker, limit=limit, offset=offset))
        return {"total": total, "limit": limit, "offset": offset, "results": [as_dict(r) for r in results]}

    @app.get("/api/stats", response_model=schemas.Stats, tags=["corpus"])
    def stats() -> Any:
        """Corpus counts: articles, sites, date span, failures, schema version."""
        return as_dict(pool.get().stats())


def _actor_or_404(pool: ServicePool, actor_id: str) -> Any:
    method = optional(pool.get(), "actor")
    found = method(actor_id) if method else None
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}" if method else f"no actor {actor_id!r}: {NOT_ANALYSED}")
    return found


def _add_ingest_route(app: FastAPI, pool: ServicePool, token: str) -> None:
    expected = token.encode("utf-8")

    @app.post("/api/ingest", response_model=schemas.IngestResult, tags=["corpus"],
              responses={401: {"model": schemas.ErrorBody}, 413: {"model": schemas.ErrorBody}})
    async def ingest(request: Request) -> Any:
        """Store pages sent as JSON (one object or a list) or JSONL of ``{url?, html? | text?, site?, published?}``.

        Needs ``Authorization: Bearer <token>``, the token the server was started with.
        """
        given = request.headers.get("authorization", "").removeprefix("Bearer ").encode("utf-8")
        if not hmac.compare_digest(given, expected):
            raise HTTPException(401, "a valid bearer token is needed to ingest")
        body = await _read_capped(request)
        pages_in = _parse_pages(body)
        with tempfile.TemporaryDirectory(prefix="vnnews-ingest-") as folder:
            batch = Path(folder) / "request.jsonl"
            batch.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages_in), encoding="utf-8")
            summary = pool.get().ingest([str(batch)])
        failed = [{"source": f.source.replace(str(batch), "page"), "reason": f.reason} for f in summary.failed]
        return {"ingested": summary.ingested, "unchanged": summary.unchanged, "failed": failed}


async def _read_capped(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_INGEST_BYTES:
        raise HTTPException(413, f"request body over {MAX_INGEST_BYTES} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_INGEST_BYTES:
            raise HTTPException(413, f"request body over {MAX_INGEST_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse_pages(body: bytes) -> list[dict[str, Any]]:
    """JSON object, JSON list or JSONL; each page needs a string ``html`` or ``text``."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError("the body is not UTF-8") from exc
    try:
        parsed = json.loads(text)
        rows = parsed if isinstance(parsed, list) else [parsed]
    except json.JSONDecodeError:
        try:
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise ValueError(f"the body is neither JSON nor JSONL: {exc.msg} at line {exc.lineno}") from exc
    if not rows:
        raise ValueError("no pages in the body")
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not any(isinstance(row.get(k), str) for k in ("html", "text")):
            raise ValueError(f"page {number}: an object with a string 'html' or 'text' is needed")
    return rows

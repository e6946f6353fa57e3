"""The JSON shapes of /api: typed so /openapi.json documents them and a client can rely on every field.

Fields mirror the Service records. Anything the analysis layers may leave unknown is optional, so a database
ingested before those layers existed still answers.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    error: str
    status: int
    detail: list[dict[str, Any]] = Field(default_factory=list)


class SearchHit(BaseModel):
    id: str
    title: str
    source: str | None = None
    site: str | None = None
    published: str | None = None
    score: float | None = None
    snippet: str | None = None


class SearchPage(BaseModel):
    total: int
    limit: int
    offset: int
    results: list[SearchHit]
    note: str | None = None


class Caption(BaseModel):
    text: str
    credit: str | None = None


class Entity(BaseModel):
    text: str
    type: str
    canonical: str | None = None
    actor_id: str | None = None
    field: str
    start: int
    end: int
    role: str | None = None
    inferred: bool = False


class EventRow(BaseModel):
    id: str | int | None = None
    date: str | None = None
    date_precision: str | None = None
    actor1: str | None = None
    actor1_id: str | None = None
    root: str | int | None = None
    code: str | int | None = None
    label: str | None = None
    goldstein: float | None = None
    actor2: str | None = None
    actor2_id: str | None = None
    location: str | None = None
    factuality: str | float | None = None
    trigger: str | None = None
    sentence: str | None = None
    article_id: str | None = None
    sources: int | list[str] | None = None
    confidence: float | None = None


class QuoteRow(BaseModel):
    id: str | int | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    text: str
    direct: bool | None = None
    via: str | None = None
    channel: str | None = None
    date: str | None = None
    article_id: str | None = None


class ArticleAnalysis(BaseModel):
    entities: list[Entity] = Field(default_factory=list)
    events: list[EventRow] = Field(default_factory=list)
    quotes: list[QuoteRow] = Field(default_factory=list)


class ArticleOut(BaseModel):
    id: str
    source: str | None = None
    title: str
    lead: str | None = None
    body: list[str] = Field(default_factory=list)
    author: str | None = None
    source_agency: str | None = None
    site: str | None = None
    section: str | None = None
    url: str | None = None
    published: str | None = None
    published_precision: str | None = None
    captions: list[Caption] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    fetched_at: str | None = None
    analysis: ArticleAnalysis | None = None
    related_articles: list[SearchHit] = Field(default_factory=list)


class ActorSummary(BaseModel):
    id: str
    name: str
    kind: str | None = None
    mentions: int = 0
    articles: int = 0


class Role(BaseModel):
    title: str | None = None
    org: str | None = None
    seen: str | int | None = None
    last_seen: str | None = None
    phrase: str | None = None
    inferred: bool = False


class ActorDetail(ActorSummary):
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)


class TimelineRow(BaseModel):
    date: str | None = None
    date_precision: str | None = None
    kind: str
    actor1: str | None = None
    actor1_id: str | None = None
    root: str | int | None = None
    code: str | int | None = None
    label: str | None = None
    actor2: str | None = None
    actor2_id: str | None = None
    text: str | None = None
    article_id: str | None = None


class NetworkNode(BaseModel):
    id: str
    name: str
    kind: str | None = None
    weight: float = 0


class NetworkEdge(BaseModel):
    source: str
    target: str
    weight: float = 0


class Network(BaseModel):
    nodes: list[NetworkNode] = Field(default_factory=list)
    edges: list[NetworkEdge] = Field(default_factory=list)
    note: str | None = None


class ActorPage(BaseModel):
    total: int
    limit: int
    offset: int
    results: list[ActorSummary]
    note: str | None = None


class TimelinePage(BaseModel):
    total: int
    limit: int
    offset: int
    results: list[TimelineRow]
    note: str | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    results: list[EventRow]
    note: str | None = None


class QuotePage(BaseModel):
    total: int
    limit: int
    offset: int
    results: list[QuoteRow]
    note: str | None = None


class Stats(BaseModel, extra="allow"):
    articles: int = 0
    sites: dict[str, int] = Field(default_factory=dict)
    first_published: str | None = None
    last_published: str | None = None
    failures: int = 0
    schema_version: int | None = None


class IngestFailure(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    ingested: int
    unchanged: int
    failed: list[IngestFailure]

"""The analysis records the store writes and answers with; their ``to_dict`` forms are the API's and CLI's JSON.

``Findings`` is what the service hands over for one article; the other records are read back, shaped as the
Service contract names them, so the CLI, the API and the web pages show the same fields.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from vnnews.events import Event, Quote
from vnnews.model import DateMention, Entity


class _Dict:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class KnownActor(_Dict):
    """An actor as analysis names it, with every alias it is known by (so "Russia" and "Nga" find LOC:RU)."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class SeenRole(_Dict):
    """An office an article shows a person holding, on the article's date; ``inferred`` when the article did not
    name the person but the holder known for that date was taken."""

    actor_id: str
    title: str
    org_id: str | None
    org: str | None
    phrase: str | None
    seen: str | None
    inferred: bool


@dataclass
class Findings:
    """Everything the language and events stages found in one article, and the versions that found it."""

    language_version: str
    events_version: str
    actors: list[KnownActor] = field(default_factory=list)
    roles: list[SeenRole] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Page(_Dict):
    """One page of rows and how many there are in all."""

    total: int
    results: list


@dataclass
class ActorSummary(_Dict):
    id: str
    name: str
    kind: str
    mentions: int
    articles: int


@dataclass
class Role(_Dict):
    """An office held, first and last seen in the stored articles (YYYY, YYYY-MM or YYYY-MM-DD)."""

    title: str
    org: str | None
    seen: str | None
    inferred: bool
    last_seen: str | None = None
    phrase: str | None = None


@dataclass
class ActorDetail(_Dict):
    id: str
    name: str
    kind: str
    aliases: list[str]
    roles: list[Role]
    mentions: int
    articles: int


@dataclass
class EventRow(_Dict):
    """One event; its trigger, sentence and article are those of the first article that reported it, ``sources``
    how many articles did (GDELT's NumArticles)."""

    id: int
    date: str | None
    date_precision: str | None
    actor1: str
    actor1_id: str
    root: str
    code: str
    label: str
    goldstein: float
    actor2: str | None
    actor2_id: str | None
    location: str | None
    factuality: str
    trigger: str
    sentence: str
    article_id: str
    sources: int
    mentions: int = 1
    confidence: float = 0.0
    actor1_org: str | None = None
    actor1_org_id: str | None = None
    pipeline_version: str | None = None


@dataclass
class QuoteRow(_Dict):
    id: int
    speaker: str
    speaker_id: str
    text: str
    direct: bool
    via: str | None
    channel: str | None
    date: str | None
    article_id: str
    pipeline_version: str | None = None


@dataclass
class TimelineRow(_Dict):
    date: str | None
    date_precision: str | None
    kind: str  # "event" | "quote"
    actor1: str
    actor1_id: str
    root: str | None
    code: str | None
    label: str | None
    actor2: str | None
    actor2_id: str | None
    text: str
    article_id: str


@dataclass
class NetworkNode(_Dict):
    id: str
    name: str
    kind: str
    weight: float


@dataclass
class NetworkEdge(_Dict):
    source: str
    target: str
    weight: float


@dataclass
class Network(_Dict):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


@dataclass
class ArticleAnalysis(_Dict):
    entities: list[Entity]
    events: list[EventRow]
    quotes: list[QuoteRow]
    dates: list[DateMention] = field(default_factory=list)


@dataclass
class VolumePoint(_Dict):
    period: str
    articles: int

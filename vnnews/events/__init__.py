"""Events and quotes: who did what to whom, where and when, and who said what.

Door: ``extract(article, analysis) -> (events, quotes)``. ``analysis`` is the language layer's result; only its
``entities`` (actors with canonical ids), ``role_mentions`` (nameless role phrases resolved to a person, optional)
and ``dates`` (resolved date mentions) are read.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Protocol

from vnnews.model import Article, DateMention, Entity

PIPELINE_VERSION = "events-2"
EVENT_RECORD_KEYS = (
    "actor1",
    "actor1_id",
    "root",
    "code",
    "label",
    "goldstein",
    "actor2",
    "actor2_id",
    "location",
    "date",
    "date_precision",
    "factuality",
    "trigger",
    "sentence",
    "confidence",
)
QUOTE_RECORD_KEYS = ("speaker", "speaker_id", "text", "direct", "via", "channel")


@dataclass
class Event:
    """One coded act: actor1 does the CAMEO action to actor2; actors are the language layer's canonical actors."""

    actor1: str
    actor1_id: str
    root: str
    code: str
    label: str
    goldstein: float
    actor2: str | None
    actor2_id: str | None
    location: str | None
    location_id: str | None
    date: str | None
    date_precision: str | None
    factuality: str
    trigger: str
    field: str
    trigger_start: int
    trigger_end: int
    sentence: str
    confidence: float
    article_id: str
    pipeline_version: str = PIPELINE_VERSION
    actor1_org: str | None = None
    actor1_org_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_record(self) -> dict[str, Any]:
        """The flat form ``vnnews analyze --format jsonl`` prints under "events"."""
        return {key: getattr(self, key) for key in EVENT_RECORD_KEYS}


@dataclass
class Quote:
    """Words attributed to a speaker: the quoted text itself when ``direct``, else the reported clause."""

    speaker: str
    speaker_id: str
    text: str
    direct: bool
    via: str | None
    channel: str | None
    field: str
    start: int
    end: int
    sentence: str
    date: str | None
    article_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_record(self) -> dict[str, Any]:
        """The flat form ``vnnews analyze --format jsonl`` prints under "quotes"."""
        return {key: getattr(self, key) for key in QUOTE_RECORD_KEYS}


class Analysis(Protocol):
    entities: list[Entity]
    dates: list[DateMention]


def extract(article: Article, analysis: Analysis) -> tuple[list[Event], list[Quote]]:
    """The events and quotes of one article."""
    from vnnews.events.coding import article_events
    from vnnews.events.quotes import article_quotes

    entities = [*analysis.entities, *(getattr(analysis, "role_mentions", None) or [])]
    dates = list(getattr(analysis, "dates", []) or [])
    return article_events(article, entities, dates), article_quotes(article, entities, dates)


def event_key(event: Event) -> tuple[str, str, str, str]:
    """The identity of an act across articles, as GDELT counts NumArticles: same actors, root and day."""
    return (event.actor1_id, event.root, event.actor2_id or "", event.date or "")


def involves(event: Event, actor_id: str) -> bool:
    """Whether an actor's timeline holds the event: as actor1, actor2, or the organisation actor1 acts for."""
    return actor_id in {event.actor1_id, event.actor2_id, event.actor1_org_id}

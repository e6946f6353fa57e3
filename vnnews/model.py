"""The records that flow through vnnews, one stage to the next.

Every stage takes and returns these plain dataclasses; their ``to_dict`` forms are the JSONL contract
documented in the README, so field names here are stable.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class PageMeta:
    """What a crawler recorded beside a page (manifest or JSONL fields); the page's own text may refine it."""

    url: str | None = None
    site: str | None = None
    section: str | None = None
    published: str | None = None
    fetched_at: str | None = None
    title: str | None = None  # the title recorded beside the page: it marks the headline when the page prints it


@dataclass
class RawPage:
    """One input page before extraction: exactly one of ``text`` and ``html`` is set."""

    source: str
    text: str | None = None
    html: str | None = None
    meta: PageMeta = field(default_factory=PageMeta)


@dataclass
class Caption:
    text: str
    credit: str | None = None


@dataclass
class Article:
    """The clean article a page carries; everything else on the page has been dropped."""

    source: str
    title: str
    lead: str | None = None
    body: list[str] = field(default_factory=list)
    author: str | None = None
    source_agency: str | None = None
    site: str | None = None
    section: str | None = None
    url: str | None = None
    published: str | None = None
    published_precision: str | None = None
    captions: list[Caption] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    fetched_at: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.title, self.lead, self.body)

    @property
    def text(self) -> str:
        """Lead and body as one text, paragraphs separated by newlines."""
        return "\n".join(p for p in [self.lead or "", *self.body] if p)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {"id": data.pop("id"), **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["captions"] = [Caption(**c) for c in known.get("captions") or []]
        return cls(**known)


def article_id(title: str, lead: str | None, body: list[str], *, normalised: bool = False) -> str:
    """A stable id: the same article text gives the same id whichever file or batch it came from.

    The text is normalised the way extraction leaves it (NFC, runs of white space as one space), so an article
    built elsewhere gets the id extraction would give it; `normalised` says the text is so already."""
    text = "\n".join([title, lead or "", *body])
    if not normalised:
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if "  " in text or "\t" in text or "\xa0" in text or "\r" in text:
            text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Entity:
    """A named mention (PER, ORG, LOC) resolved to a canonical actor; offsets index into ``field``'s text."""

    text: str
    type: str
    canonical: str | None
    actor_id: str | None
    field: str
    start: int
    end: int
    role: str | None = None
    inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DateMention:
    """A date expression put on the calendar; ``value`` is None when nothing in the text supports a year."""

    text: str
    value: str | None
    precision: str | None
    field: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Failure:
    """An input that could not become an article, with the reason a user can act on."""

    source: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class InputError(Exception):
    """A page or file that cannot be read or holds no article; the message names the reason."""

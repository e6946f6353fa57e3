"""Page text cut into plain and marked parts, so templates escape every part and never trust a string as HTML.

Entity offsets, search-match markers and links all come from scraped pages, which are hostile by assumption:
nothing here builds markup, it only says which run of text is an entity or a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

# Markers around matched words in snippets: the pages ask Service.search for private-use characters, which no page
# text carries; hits that come with the default guillemets (related articles, the JSON API's) are read too.
PAGE_MARKS = ("\ue000", "\ue001")
GUILLEMETS = ("«", "»")
BODY_FIELD = re.compile(r"^body\W*(\d+)\W*$")


@dataclass
class Part:
    """A run of text; ``kind`` is the entity type (PER/ORG/LOC) or "match", None for plain text."""

    text: str
    kind: str | None = None
    actor_id: str | None = None
    title: str | None = None


@dataclass
class AnnotatedArticle:
    title: list[Part]
    lead: list[Part]
    body: list[list[Part]]


def annotate(title: str, lead: str | None, body: list[str], entities: list[Any]) -> AnnotatedArticle:
    """Title, lead and paragraphs with each entity mention marked where its offsets say it is."""
    texts: dict[tuple[str, int], str] = {("title", 0): title, ("lead", 0): lead or ""}
    texts.update({("body", i): paragraph for i, paragraph in enumerate(body)})
    spans: dict[tuple[str, int], list[tuple[int, int, Any]]] = {key: [] for key in texts}
    for entity in entities:
        located = _locate(str(_get(entity, "field") or ""), _int(_get(entity, "start")), _int(_get(entity, "end")),
                          lead, body)
        if located and located[0] in texts:
            key, start, end = located
            spans[key].append((start, end, entity))
    return AnnotatedArticle(
        title=mark(title, spans[("title", 0)]),
        lead=mark(lead or "", spans[("lead", 0)]),
        body=[mark(paragraph, spans[("body", i)]) for i, paragraph in enumerate(body)],
    )


def mark(text: str, spans: list[tuple[int, int, Any]]) -> list[Part]:
    """``text`` cut at the spans that fit inside it; overlapping or out-of-range spans are skipped."""
    parts: list[Part] = []
    cursor = 0
    for start, end, entity in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < cursor or end > len(text) or start >= end:
            continue
        if start > cursor:
            parts.append(Part(text[cursor:start]))
        canonical = _get(entity, "canonical")
        parts.append(Part(text[start:end], kind=str(_get(entity, "type") or "ENT"), actor_id=_get(entity, "actor_id"),
                          title=canonical if canonical and canonical != text[start:end] else None))
        cursor = end
    if cursor < len(text) or not parts:
        parts.append(Part(text[cursor:]))
    return parts


def snippet_parts(snippet: str | None) -> list[Part]:
    """A search snippet with its matched words as match parts and the markers removed."""
    snippet = snippet or ""
    opener, closer = PAGE_MARKS if PAGE_MARKS[0] in snippet else GUILLEMETS
    parts: list[Part] = []
    for index, piece in enumerate(re.split(f"[{opener}{closer}]", snippet)):
        if piece:
            parts.append(Part(piece, kind="match" if index % 2 else None))
    return parts


def safe_href(url: str | None) -> str | None:
    """The URL when it is a plain http(s) link, else None: a javascript: or data: link is never rendered."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _locate(field: str, start: int | None, end: int | None, lead: str | None,
            body: list[str]) -> tuple[tuple[str, int], int, int] | None:
    """Which text an entity's ``field`` and offsets point into: a paragraph index, or a joined text split back."""
    if start is None or end is None:
        return None
    if field in ("title", "lead"):
        return (field, 0), start, end
    numbered = BODY_FIELD.match(field)
    if numbered:
        return ("body", int(numbered.group(1))), start, end
    if field not in ("body", "text"):
        return None
    pieces = [(("body", i), p) for i, p in enumerate(body)]
    if field == "text" and lead:
        pieces.insert(0, (("lead", 0), lead))
    offset = 0
    for key, piece in pieces:
        if offset <= start and end <= offset + len(piece):
            return key, start - offset, end - offset
        offset += len(piece) + 1
    return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) else None


def _get(record: Any, name: str) -> Any:
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)

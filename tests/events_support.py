"""Running the events stage over sentences written for a test, with entities placed by hand."""

from __future__ import annotations

from vnnews.events import Event, Quote, extract
from vnnews.model import Article, Entity


class Analysis:
    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.dates = []


def analysed(paragraphs: list[str], names: list[tuple[str, str, str]]) -> tuple[list[Event], list[Quote]]:
    """``names``: (mention, type, canonical), each at its first place after the previous one in the body."""
    text = "\n".join(paragraphs)
    entities, position = [], 0
    for mention, kind, canonical in names:
        start = text.index(mention, position)
        entities.append(Entity(mention, kind, canonical, canonical, "body", start, start + len(mention)))
        position = start + len(mention)
    article = Article(source="t", title="", body=paragraphs, published="2024-10")
    return extract(article, Analysis(entities))

"""The language layer's door: who an article names, as canonical actors, and when things happened.

``analyze(article)`` reads the title, lead, body (paragraphs joined with "\\n") and captions (caption texts
joined with "\\n" in order, so a caption's index is the number of "\\n" before an offset) as the fields
"title", "lead", "body" and "caption"; every offset indexes that field's text. ``entities`` holds named
mentions only (the annotation guidelines); nameless role phrases resolved to a person ("Ngoại trưởng Mỹ" →
Antony Blinken) are in ``role_mentions``, with ``inferred`` set when the person came from the known holders
of that office on the publication date rather than from the article.

Entities come from rules first (ner.py: gazetteer, cue words, capitalisation) and then from a CRF trained on
the rules' labels (crf.py), which may only add multi-word capitalised names where no rule mention lies.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vnnews.language.actors import Resolver
from vnnews.language.crf import extra_mentions
from vnnews.language.cues import key_of
from vnnews.language.gazetteer import Actor, Role, load
from vnnews.language.ner import tag
from vnnews.model import Article, DateMention, Entity

__all__ = ["PIPELINE_VERSION", "Actor", "Analysis", "Role", "analyze", "article_fields"]

PIPELINE_VERSION = "language-1"  # stored beside each analysis; bump when entities, actors or dates change


@dataclass
class Analysis:
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    role_mentions: list[Entity] = field(default_factory=list)


def article_fields(article: Article) -> list[tuple[str, str]]:
    """(field, text) in reading order, empty fields left out."""
    fields = [
        ("title", article.title),
        ("lead", article.lead or ""),
        ("body", "\n".join(article.body)),
        ("caption", "\n".join(c.text for c in article.captions)),
    ]
    return [(name, text) for name, text in fields if text]


def _dates(article: Article) -> list[DateMention]:
    try:
        from vnnews.language.dates import article_dates
    except ImportError:  # the dates module is optional to the entity layer
        return []
    return article_dates(article)


def analyze(article: Article, *, crf: bool = True) -> Analysis:
    """Entities resolved to actors, role phrases resolved to people, and dates of one article.

    ``crf=False`` keeps the rules' mentions only: the silver labels the CRF is trained on.
    """
    gazetteer = load()
    resolver = Resolver(gazetteer, article.published)
    tagged = [(name, tag(text, gazetteer)) for name, text in article_fields(article)]
    if crf:
        for (_, found), (_, text) in zip(tagged, article_fields(article), strict=True):
            found.mentions = sorted([*found.mentions, *extra_mentions(text, found.mentions)], key=lambda m: m.start)
    products = set().union(*(t.products for _, t in tagged))
    for _, found in tagged:
        found.mentions = [m for m in found.mentions if m.actor or key_of(m.text) not in products]
    resolver.learn_names([m for _, found in tagged for m in found.mentions])
    analysis = Analysis(dates=_dates(article))
    for name, found in tagged:
        analysis.entities.extend(e for m in found.mentions if (e := resolver.resolve(m, name)) is not None)
    for name, found in tagged:
        analysis.role_mentions.extend(e for r in found.roles if (e := resolver.resolve_role(r, name)) is not None)
    analysis.actors = resolver.actors
    return analysis

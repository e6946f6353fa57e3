"""Mentions resolved to canonical actors: known names, short forms inside a document, nameless role phrases.

Ids: countries "LOC:<ISO2>", other known places "LOC:<slug>", organisations "ORG:<id>" (an acronym where one
exists), people "PER:<slug of the full name>"; a name no list holds gets "<TYPE>:<slug of its text>", so the same
name gives the same id in every article. A surname alone ("ông Rutte", "Trump") is the person of the article
whose full name ends with it, else the one known person with that surname. A role phrase without a name ("Tổng
Thư ký NATO nhất trí") is the person the article names with that role, else the known holder on the
publication date, marked inferred.
"""

from __future__ import annotations

import re

from vnnews.language.cues import key_of
from vnnews.language.gazetteer import TOKEN, Actor, Gazetteer, Role, slug
from vnnews.language.ner import Mention, RolePhrase
from vnnews.model import Entity

_HYPHEN = re.compile(r"\s*-\s*")
_KINDS = {"PER": "person", "ORG": "org", "LOC": "place"}


class Resolver:
    """Actors of one article, built as its mentions are resolved in reading order."""

    def __init__(self, gazetteer: Gazetteer, published: str | None) -> None:
        self.gaz = gazetteer
        self.published = published
        self.actors: dict[str, Actor] = {}
        self.full_names: dict[str, Actor] = {}  # surname key -> person named in full in this article
        self.given_first: dict[str, list[Actor]] = {}  # first-word key -> people (East Asian order: "Liu")
        self.holders: dict[tuple[str, str], Actor] = {}  # (title, org id) -> person named with it here

    def learn_names(self, mentions: list[Mention]) -> None:
        """First pass over all fields: the people named in full, so later short forms find them."""
        for mention in mentions:
            words = TOKEN.findall(mention.text)
            if mention.type == "PER" and len(words) > 1:
                actor = mention.actor or self._unknown(mention)
                self.full_names.setdefault(key_of(words[-1]), actor)
                self.given_first.setdefault(key_of(words[0]), []).append(actor)

    def _unknown(self, mention: Mention) -> Actor:
        name = _HYPHEN.sub("-", mention.text)  # "Jean - Yves Le Drian" -> "Jean-Yves Le Drian"
        actor_id = f"{mention.type}:{slug(name)}"
        return self.actors.get(actor_id) or Actor(actor_id, name, _KINDS[mention.type or "PER"])

    def _short_form(self, mention: Mention) -> Actor | None:
        words = TOKEN.findall(mention.text)
        if len(words) != 1:
            return None
        key = key_of(words[0])
        if key in self.full_names:
            return self.full_names[key]
        if len({a.id for a in self.given_first.get(key, [])}) == 1 and mention.type == "PER":
            return self.given_first[key][0]
        known = self.gaz.surnames.get(key, [])
        return known[0] if len(known) == 1 else None

    def resolve(self, mention: Mention, field: str) -> Entity | None:
        """The entity for one mention, or None for a lone capitalised word that names nobody known."""
        actor = mention.actor
        if mention.type in (None, "PER") and actor is None:
            actor = self._short_form(mention)
            if actor is not None:
                mention.type = "PER"
        if mention.type is None:
            return None
        actor = actor or self._unknown(mention)
        actor = self.actors.setdefault(actor.id, Actor(actor.id, actor.name, actor.kind, [], [], actor.country))
        if mention.text not in actor.aliases:
            actor.aliases.append(mention.text)
        role = None
        if mention.title and mention.type == "PER":
            found = Role(mention.title, mention.title_org, self.published)
            if all((r.title, r.org) != (found.title, found.org) for r in actor.roles):
                actor.roles.append(found)
            if found.org:
                self.holders.setdefault((found.title, found.org), actor)
            role = self._role_text(found.title, found.org)
        return Entity(mention.text, mention.type, actor.name, actor.id, field, mention.start, mention.end, role)

    def _role_text(self, title: str, org: str | None) -> str:
        if org is None:
            return title
        known = self.gaz.actors.get(org) or self.actors.get(org)
        return f"{title}, {known.name if known else org}"

    def resolve_role(self, phrase: RolePhrase, field: str) -> Entity | None:
        """The person a nameless role phrase stands for: named here with that role, else the known holder."""
        actor, inferred = self.holders.get((phrase.title, phrase.org)), False
        if actor is None:
            actor, inferred = self.gaz.holder(phrase.title, phrase.org, self.published), True
        if actor is None:
            return None
        actor = self.actors.setdefault(actor.id, Actor(actor.id, actor.name, actor.kind, [actor.name], []))
        role = self._role_text(phrase.title, phrase.org)
        return Entity(phrase.text, "PER", actor.name, actor.id, field, phrase.start, phrase.end, role, inferred)

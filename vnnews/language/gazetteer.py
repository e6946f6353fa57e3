"""Known names: countries (CLDR), places, regions, organisations and people, looked up by token sequence.

Aliases are matched on tokens folded with normalise.match_key (case, tone placement, quotes), with one rule
kept from the alias's spelling: a capital in the alias must be a capital in the text (so "Anh" the country is
not "anh" the pronoun, and the acronym "IS" is not the word "is"). Actor ids: countries "LOC:<ISO2>", other
places "LOC:<slug>", organisations "ORG:<id>", people "PER:<slug>".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from vnnews.language.normalise import match_key

DATA = Path(__file__).parent / "data"
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Role:
    """An office a person held: English title, the org or country (canonical id tail), when it was seen or held."""

    title: str
    org: str | None
    seen: str | None = None
    until: str | None = None


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # country | org | person | place
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    country: str | None = None


@dataclass(frozen=True)
class Alias:
    keys: tuple[str, ...]
    capitals: tuple[int, ...]  # 0 any case, 1 first letter upper, 2 all upper
    actor: Actor


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def case_class(token: str) -> int:
    letters = [c for c in token if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return 2
    return 1 if token[:1].isupper() else 0


def token_key(token: str) -> str:
    return match_key(token)


class Gazetteer:
    """Every alias of every known actor, indexed by its first token's key for longest-match scanning."""

    def __init__(self, actors: list[Actor], demonyms: dict[str, str] | None = None) -> None:
        self.demonyms = demonyms or {}
        self.actors = {actor.id: actor for actor in actors}
        self.by_first: dict[str, list[Alias]] = {}
        for actor in actors:
            for alias in dict.fromkeys([*actor.aliases]):
                tokens = TOKEN.findall(alias)
                entry = Alias(tuple(token_key(t) for t in tokens), tuple(case_class(t) for t in tokens), actor)
                self.by_first.setdefault(entry.keys[0], []).append(entry)
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e.keys))
        self.surnames: dict[str, list[Actor]] = {}
        for actor in actors:
            if actor.kind == "person":
                for alias in actor.aliases:
                    last = TOKEN.findall(alias)[-1]
                    if case_class(last) and len(last) > 2:
                        bucket = self.surnames.setdefault(token_key(last), [])
                        if actor not in bucket:
                            bucket.append(actor)

    def match(self, tokens: list[str], keys: list[str], at: int) -> Alias | None:
        """The longest alias starting at token ``at`` whose case rule the text keeps."""
        for entry in self.by_first.get(keys[at], ()):
            end = at + len(entry.keys)
            if end > len(tokens) or tuple(keys[at:end]) != entry.keys:
                continue
            if all(case_class(tokens[at + i]) >= need for i, need in enumerate(entry.capitals)):
                return entry
        return None

    def holder(self, title: str, org: str, on: str | None) -> Actor | None:
        """The known person who held ``title`` of ``org`` on date ``on`` (ISO prefix), if exactly one did."""
        day = {10: on[:10], 7: f"{on}-15", 4: f"{on}-07-01"}.get(len(on[:10]), on[:10]) if on else None
        found = []
        for actor in self.actors.values():
            for role in actor.roles:
                if role.title != title or role.org != org:
                    continue
                if day is None or ((role.seen or "") <= day and (role.until is None or day <= role.until)):
                    found.append(actor)
        return found[0] if len(found) == 1 else None


def _org_id(key: str) -> str:
    return (
        key if key.startswith(("LOC:", "ORG:")) else (f"LOC:{key}" if len(key) == 2 and key.isupper() else f"ORG:{key}")
    )


@cache
def load() -> Gazetteer:
    """The shipped gazetteer: countries_cldr.tsv plus the hand lists of entities.yaml."""
    hand = yaml.safe_load((DATA / "entities.yaml").read_text(encoding="utf-8"))
    overrides = hand["countries"]
    actors: list[Actor] = []
    for line in (DATA / "countries_cldr.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, english, vietnamese = line.split("\t")
        extra = overrides.get(code, {})
        aliases = [vietnamese.split(" (")[0], *extra.get("aliases", [])]
        if english.isascii() and " " not in english and "&" not in english:
            aliases.append(english)
        actors.append(Actor(f"LOC:{code}", extra.get("name", english), "country", aliases, country=code))
    for entry in hand["places"]:
        actors.append(
            Actor(f"LOC:{slug(entry['name'])}", entry["name"], "place", entry["aliases"], country=entry["country"])
        )
    for entry in hand["regions"]:
        actors.append(Actor(f"LOC:{slug(entry['name'])}", entry["name"], "place", entry["aliases"]))
    for entry in hand["orgs"]:
        actors.append(Actor(f"ORG:{entry['id']}", entry["name"], "org", entry["aliases"]))
    for entry in hand["people"]:
        roles = [
            Role(r["title"], _org_id(str(r["org"])), str(r["from"]), str(r["to"]) if r.get("to") else None)
            for r in entry.get("roles", [])
        ]
        actors.append(Actor(f"PER:{slug(entry['name'])}", entry["name"], "person", entry["aliases"], roles))
    return Gazetteer(actors, hand.get("demonyms", {}))


@cache
def cues() -> dict:
    return yaml.safe_load((DATA / "cues.yaml").read_text(encoding="utf-8"))

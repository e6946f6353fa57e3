"""Cue words as token phrases: titles, honorifics, place and organisation classifiers, institution heads.

The lists live in data/cues.yaml; here they become phrase tables matched on token keys, longest first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from vnnews.language.gazetteer import TOKEN, cues, token_key

# Bounded so that memory stays flat over a long ingest: Vietnamese has some 7,000 syllables, and names and numbers
# beyond the most frequent 30,000 tokens are cheap to key again.
key_of = lru_cache(maxsize=30_000)(token_key)
_VIETNAMESE_MARKS = set("\u0306\u0302\u031b\u0309\u0323\u0300\u0303\u0301")
_FOREIGN_MARKS = set("\u0327\u0308\u030c\u030a")


def is_vietnamese(token: str) -> bool:
    """A syllable written with Vietnamese letters or tone marks (foreign names in the press rarely are)."""
    if token.isascii():
        return False
    marks = set(unicodedata.normalize("NFD", token))
    return bool(marks & _VIETNAMESE_MARKS or "đ" in token.lower()) and not marks & _FOREIGN_MARKS


class Phrases:
    """Multi-token cue phrases matched on token keys, longest first."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, value in phrases.items():
            keys = tuple(token_key(t) for t in TOKEN.findall(phrase))
            self.by_first.setdefault(keys[0], []).append((keys, value))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match(self, keys: list[str], at: int) -> tuple[int, str] | None:
        for phrase, value in self.by_first.get(keys[at], ()):
            if tuple(keys[at : at + len(phrase)]) == phrase:
                return len(phrase), value
        return None


@dataclass(frozen=True)
class Lexicon:
    titles: Phrases
    honorifics: Phrases
    places: Phrases
    orgs: Phrases
    heads: Phrases
    portfolios: Phrases
    not_names: frozenset[str]
    non_entity_before: Phrases  # "all": a people or language follows; "unknown": a product, unless a known place
    not_entities: frozenset[str]
    surnames: frozenset[str]
    english_org_heads: frozenset[str]
    english_not_names: frozenset[str]
    english_places: frozenset[str]
    cue_words: frozenset[str]  # every word of every cue phrase: a name after one is not glued to it


@cache
def lexicon() -> Lexicon:
    data = cues()
    need_name = set(data["heads_need_name"])
    return Lexicon(
        titles=Phrases(data["person_titles"]),
        honorifics=Phrases({h: "" for h in data["honorifics"]}),
        places=Phrases({c: "" for c in data["location_cues"]}),
        orgs=Phrases({c: "" for c in data["org_cues"]}),
        heads=Phrases({h: "name" if h in need_name else "" for h in data["org_heads"]}),
        portfolios=Phrases({p: english or "" for p, english in data["portfolios"].items()}),
        not_names=frozenset(data["not_names"]),
        non_entity_before=Phrases(
            {**{w: "unknown" for w in data["product_words"]}, **{w: "all" for w in data["non_entity_before"]}}
        ),
        not_entities=frozenset(token_key(w) for w in data["not_entities"]),
        surnames=frozenset(data["surnames"]),
        english_org_heads=frozenset(token_key(w) for w in data["english_org_heads"]),
        english_not_names=frozenset(token_key(w) for w in data["english_not_names"]),
        english_places=frozenset(token_key(w) for w in data["english_places"]),
        cue_words=frozenset(
            token_key(token)
            for group in ("person_titles", "honorifics", "location_cues", "org_cues", "org_heads", "portfolios")
            for phrase in data[group]
            for token in TOKEN.findall(phrase)
        ),
    )

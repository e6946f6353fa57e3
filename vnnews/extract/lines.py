"""What one line of a page looks like, before anyone decides its role: its shape, its repetitions, and whether
it is a known piece of page furniture."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import compress

import yaml

from vnnews.extract import meta

_SENTENCE_ENDS = frozenset(".!?…")
_CLOSING_QUOTES = "\"”»’')"
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Furniture:
    kinds: dict[str, str]  # folded line → "end" | "related" | "widget"
    patterns: re.Pattern[str]  # variable-part lines; the matching group's name is the kind
    inline_link: re.Pattern[str]


@cache
def furniture() -> Furniture:
    data = yaml.safe_load(resources.files("vnnews.extract").joinpath("data/page_furniture.yaml").read_text("utf-8"))
    kinds = {k: "widget" for k in data["widgets"]}
    kinds.update({k: "related" for k in data["related_markers"]})
    kinds.update({k: "end" for k in data["end_markers"]})
    end = "|".join(f"(?:{p})" for p in data["end_patterns"])
    widget = "|".join(f"(?:{p})" for p in data["widget_patterns"])
    prefixes = "|".join(re.escape(p) for p in data["inline_link_prefixes"])
    return Furniture(
        kinds=kinds,
        patterns=re.compile(f"(?P<end>{end})|(?P<widget>{widget})"),
        inline_link=re.compile(rf"^(?:{prefixes})\s*[:>»]+\s*(?P<title>\S.{{8,}})$", re.IGNORECASE),
    )


def key(line: str) -> str:
    """The case-folded form used to compare a line with the furniture lists."""
    return line.casefold().rstrip(":").strip()


_FURNITURE_MAX_WORDS = 16  # headings, widgets and footer lines are short; prose lines skip those checks
_INLINE_LINK_STARTS = frozenset("XxĐđTtMm>")
_SLUG_STARTS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


class _once:  # noqa: N801 - reads as a decorator
    """functools.cached_property without its per-access lock (Python 3.11), which costs more than most features."""

    def __init__(self, compute):
        self.compute, self.name, self.__doc__ = compute, compute.__name__, compute.__doc__

    def __get__(self, line, owner=None):
        if line is None:
            return self
        value = line.__dict__[self.name] = self.compute(line)
        return value


class Line:
    """One non-blank line with the shape features its role is decided by, each computed at most once."""

    def __init__(self, no: int, text: str, count: int):
        self.no = no  # 1-based line number in the page
        self.text = text
        self.count = count  # how many times this exact line occurs in the page
        self.words = text.count(" ") + 1
        last = text.rstrip(_CLOSING_QUOTES)[-1:] or " "  # the closing character, looking through closing quotes
        self.ends_sentence = last in _SENTENCE_ENDS
        # Prose that closes with a full stop: what a lead looks like, and a headline ending in "?" does not.
        self.statement = (last in ".…" and self.words >= 8) or self.words >= 45

    @_once
    def truncated(self) -> bool:
        """A teaser cut short by the site: "... tham gia ..." ."""
        return self.text.endswith((" ...", " …")) and self.words >= 6

    @_once
    def plain_prose(self) -> bool:
        """A sentence line with no credit, slug, link or furniture shape: prose, whatever else is on the page.

        It must end with a bare full stop, which no headline-shaped line does: a line ending in "?" or a quote may
        be a link title above a teaser, and goes through the whole decision list."""
        text = self.text
        if self.count != 1 or text[-1] != ".":
            return False
        first = text[0]
        if (first in _SLUG_STARTS and self.slug is not None) or (
            first in _INLINE_LINK_STARTS and self.inline_link is not None
        ):
            return False
        words = self.words
        return (
            words >= 9
            and not self.credit_hint
            and not text.endswith((" ...", " …"))
            and self.doubled is None
            and (words > _FURNITURE_MAX_WORDS or self.furniture is None)
        )

    @_once
    def paragraph(self) -> bool:
        """Shaped like running prose: a sentence of some length, or a long line."""
        return (self.ends_sentence and self.words >= 8) or self.words >= 30

    @_once
    def titleish(self) -> bool:
        """Shaped like a headline: a few words, no closing full stop, starting with a capital, digit or quote."""
        first = self.text[0]
        return (
            2 <= self.words <= 40
            and not self.text.endswith((".", ":", ",", ";"))
            and (first.isupper() or first.isdigit() or first in "'\"‘“[(")
        )

    @_once
    def credit_hint(self) -> bool:
        """Whether a photo credit's label ("Nguồn:", "Ảnh:") may close the line: a cheap test before the pattern."""
        return meta.credit_hint(self.text)

    # The metadata parses are asked of the same header lines by the headline search, the header reading and the
    # walk: each line is parsed once.
    @_once
    def stamp(self) -> meta.Stamp | None:
        return meta.parse_stamp(self.text)

    @_once
    def byline(self) -> meta.Byline | None:
        """The line read as a byline, a bare name allowed."""
        return meta.parse_byline(self.text)

    @_once
    def caption(self) -> tuple[str, str | None] | None:
        return meta.parse_caption(self.text) if self.credit_hint else None

    @_once
    def short(self) -> bool:
        """Short enough to be a byline, a time stamp or a credit."""
        return len(self.text) <= 90

    @_once
    def furniture(self) -> str | None:
        """The kind of page furniture the line is: "end" (a heading that ends the article), "related" (a related
        box heading), "widget", or None."""
        if self.words > _FURNITURE_MAX_WORDS:
            return None
        k = key(self.text)
        f = furniture()
        kind = f.kinds.get(k)
        if kind is None and (match := f.patterns.match(k)) is not None:
            kind = match.lastgroup
        return kind

    @property
    def end_marker(self) -> bool:
        return self.furniture == "end"

    @property
    def related_marker(self) -> bool:
        return self.furniture == "related"

    @property
    def widget(self) -> bool:
        return self.furniture == "widget"

    @_once
    def doubled(self) -> str | None:
        """A link whose title is printed twice on one line ("X X"): the title, else None."""
        text, n = self.text, len(self.text)
        if n >= 21 and n % 2 == 1 and text[n // 2] == " " and text[n // 2 + 1:] == text[: n // 2]:
            return text[: n // 2]
        return None

    @_once
    def inline_link(self) -> str | None:
        if self.text[0] not in _INLINE_LINK_STARTS:
            return None
        match = furniture().inline_link.match(self.text)
        return match.group("title") if match else None

    @_once
    def slug(self) -> tuple[str, str] | None:
        """A URL slug ("iraq bat den xanh cho nato o lai"), alone or glued before a link title: (slug, rest)."""
        if not ("a" <= self.text[0] <= "z" or self.text[0].isdigit()):
            return None
        tokens = self.text.split(" ")
        n = 0
        while n < len(tokens) and _SLUG_WORD.fullmatch(tokens[n]):
            n += 1
        if n < 3:
            return None
        return " ".join(tokens[:n]), " ".join(tokens[n:])


_INVISIBLE_MARKS = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")


def split_lines(text: str) -> list[Line]:
    """Every non-blank line of a page with its shape; blank lines only separate blocks and carry no role."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if any(mark in text for mark in _INVISIBLE_MARKS):
        text = _INVISIBLE.sub("", text)
    stripped = list(map(str.strip, text.splitlines()))
    numbers = compress(range(1, len(stripped) + 1), stripped)
    kept = list(filter(None, stripped))
    if "  " in text or "\t" in text or "\xa0" in text:
        kept = [" ".join(line.split()) for line in kept]
    counts = Counter(kept)
    return list(map(Line, numbers, kept, map(counts.__getitem__, kept)))

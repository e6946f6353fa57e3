"""What one line of a page looks like, before anyone decides its role: its shape, its repetitions, and whether
it is a known piece of page furniture."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

_SENTENCE_END = re.compile(r"[.!?…][\"”»’')]*$")
_STATEMENT_END = re.compile(r"[.…][\"”»’')]*$")
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


@dataclass(frozen=True)
class Furniture:
    end_markers: frozenset[str]
    end_patterns: tuple[re.Pattern[str], ...]
    related_markers: frozenset[str]
    inline_link: re.Pattern[str]
    widgets: frozenset[str]
    widget_patterns: tuple[re.Pattern[str], ...]


@cache
def furniture() -> Furniture:
    data = yaml.safe_load(resources.files("vnnews.extract").joinpath("data/page_furniture.yaml").read_text("utf-8"))
    prefixes = "|".join(re.escape(p) for p in data["inline_link_prefixes"])
    return Furniture(
        end_markers=frozenset(data["end_markers"]),
        end_patterns=tuple(re.compile(p) for p in data["end_patterns"]),
        related_markers=frozenset(data["related_markers"]),
        inline_link=re.compile(rf"^(?:{prefixes})\s*[:>»]+\s*(?P<title>\S.{{8,}})$", re.IGNORECASE),
        widgets=frozenset(data["widgets"]),
        widget_patterns=tuple(re.compile(p) for p in data["widget_patterns"]),
    )


def clean(line: str) -> str:
    """NFC, invisible characters removed, runs of whitespace folded: the text a reader sees."""
    return " ".join(unicodedata.normalize("NFC", line).translate(_INVISIBLE).split())


def key(line: str) -> str:
    """The case-folded form used to compare a line with the furniture lists."""
    return line.casefold().rstrip(":").strip()


@dataclass
class Line:
    no: int  # 1-based line number in the page
    text: str
    words: int
    count: int  # how many times this exact line occurs in the page

    @property
    def key(self) -> str:
        return key(self.text)

    @property
    def ends_sentence(self) -> bool:
        return _SENTENCE_END.search(self.text) is not None

    @property
    def truncated(self) -> bool:
        """A teaser cut short by the site: "... tham gia ..." ."""
        return self.text.endswith((" ...", " …")) and self.words >= 6

    @property
    def paragraph(self) -> bool:
        """Shaped like running prose: a sentence of some length, or a long line."""
        return (self.ends_sentence and self.words >= 8) or self.words >= 30

    @property
    def statement(self) -> bool:
        """Prose that closes with a full stop: what a lead looks like, and a headline ending in "?" does not."""
        return (_STATEMENT_END.search(self.text) is not None and self.words >= 8) or self.words >= 45

    @property
    def titleish(self) -> bool:
        """Shaped like a headline: a few words, no closing full stop, starting with a capital, digit or quote."""
        first = self.text[0]
        return (
            2 <= self.words <= 40
            and not self.text.endswith((".", ":", ",", ";"))
            and (first.isupper() or first.isdigit() or first in "'\"‘“[(")
        )

    @property
    def end_marker(self) -> bool:
        f, k = furniture(), self.key
        return k in f.end_markers or any(p.match(k) for p in f.end_patterns)

    @property
    def related_marker(self) -> bool:
        return self.key in furniture().related_markers

    @property
    def widget(self) -> bool:
        k = self.key
        f = furniture()
        return k in f.widgets or any(p.match(k) for p in f.widget_patterns)

    @property
    def inline_link(self) -> str | None:
        match = furniture().inline_link.match(self.text)
        return match.group("title") if match else None

    @property
    def doubled(self) -> str | None:
        """A link whose title is printed twice on one line ("X X"): the title, else None."""
        text, n = self.text, len(self.text)
        if n >= 21 and n % 2 == 1 and text[n // 2] == " " and text[: n // 2] == text[n // 2 + 1:]:
            return text[: n // 2]
        return None

    def slug_split(self) -> tuple[str, str] | None:
        """A URL slug ("iraq bat den xanh cho nato o lai"), alone or glued before a link title: (slug, rest)."""
        tokens = self.text.split(" ")
        n = 0
        while n < len(tokens) and _SLUG_WORD.fullmatch(tokens[n]):
            n += 1
        if n < 3:
            return None
        return " ".join(tokens[:n]), " ".join(tokens[n:])


def split_lines(text: str) -> list[Line]:
    """Every non-blank line of a page with its shape; blank lines only separate blocks and carry no role."""
    cleaned = [(no, clean(raw)) for no, raw in enumerate(text.splitlines(), start=1)]
    kept = [(no, t) for no, t in cleaned if t]
    counts = Counter(t for _, t in kept)
    return [Line(no, t, len(t.split()), counts[t]) for no, t in kept]

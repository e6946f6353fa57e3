"""What one line of a page looks like, before anyone decides its role: its shape, its repetitions, and whether
it is a known piece of page furniture.

Each feature is a function of the line's text. `Line` caches them for the lines whose role takes a decision list;
running prose is recognised straight from its text (`plain_prose`), which is most of an article."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from itertools import compress

import yaml
from mypy_extensions import mypyc_attr

from vnnews.extract import meta, stamps, wrapped

_SENTENCE_ENDS = frozenset(".!?…")
_CLOSING_QUOTES = "\"”»’')"
_STATEMENT_LAST = ".…?" + _CLOSING_QUOTES
_STATEMENT_WORDS = 45  # a line this long is a statement whatever its end
_QUESTION_WORDS = 20
_SENTENCE_INSIDE = re.compile(rf"[.!?…] +[{meta.UPPER}\"“]")  # a sentence ends and the next one starts
# Three words or more of lower-case ASCII letters and digits, each ending at a space or the end of the line.
_SLUG = re.compile(r"[a-z0-9]+(?: [a-z0-9]+){2,}(?= |$)")
_CHARACTER_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Furniture:
    kinds: dict[str, str]  # folded line → "end" | "related" | "widget"
    patterns: re.Pattern[str]  # variable-part lines; the matching group's name is the kind
    link_prefixes: tuple[str, ...]  # folded openings of an inline link ("xem thêm")
    inline_link: re.Pattern[str]
    end_or_related: frozenset[str]  # end headings also set over a box of links inside the article
    widget_openings: frozenset[str]  # the first words of the widget labels


def read_furniture(unknown: frozenset[str] = frozenset()) -> Furniture:
    """The furniture lists, less the `unknown` kinds ("end", "related", "widget"): with some left out, a measure can
    show how the rules read a site whose headings the lists do not know."""
    data = yaml.safe_load(resources.files("vnnews.extract").joinpath("data/page_furniture.yaml").read_text("utf-8"))
    kinds = {k: "widget" for k in data["widgets"] if "widget" not in unknown}
    kinds.update({k: "related" for k in data["related_markers"] if "related" not in unknown})
    kinds.update({k: "end" for k in data["end_markers"] if "end" not in unknown})
    never = "(?!)"  # a kind whose patterns are unknown matches no line
    end = never if "end" in unknown else "|".join(f"(?:{p})" for p in data["end_patterns"])
    widget = never if "widget" in unknown else "|".join(f"(?:{p})" for p in data["widget_patterns"])
    # A word prefix needs its separator ("Xem thêm: <title>"); a sign such as ">>" is one ("&gt;&gt; <title>").
    words = "|".join(re.escape(p) for p in data["inline_link_prefixes"] if any(c.isalnum() for c in p))
    signs = "|".join(re.escape(p) for p in data["inline_link_prefixes"] if not any(c.isalnum() for c in p))
    return Furniture(
        kinds=kinds,
        patterns=re.compile(f"(?P<end>{end})|(?P<widget>{widget})"),
        link_prefixes=tuple(p.casefold() for p in data["inline_link_prefixes"]),
        inline_link=re.compile(rf"^(?:(?:{words})\s*[:>»]+|{signs})\s*(?P<title>\S.{{8,}})$", re.IGNORECASE),
        end_or_related=frozenset(k for k in data["end_or_related"] if kinds.get(k) == "end"),
        widget_openings=frozenset(k.split()[0] for k, kind in kinds.items() if kind == "widget" and k.split()),
    )


FURNITURE = read_furniture()  # asked of every short line: read once, at import


def key(line: str) -> str:
    """The case-folded form used to compare a line with the furniture lists."""
    return line.casefold().rstrip(":").strip()


_FURNITURE_MAX_WORDS = 16  # headings, widgets and footer lines are short; prose lines skip those checks
_WORDS_ENOUGH = 50  # no rule asks about more words than this: longer lines are counted only that far
# Words are counted over a first stretch of the line, which holds enough of them in most prose; a long line with
# fewer is counted whole.
_WORDS_SCAN = 260  # holds _WORDS_ENOUGH words in 99% of the longer lines of Vietnamese news pages
_PROSE_SCAN = 120  # enough for more than _FURNITURE_MAX_WORDS words
INLINE_LINK_STARTS = frozenset("XxĐđTtMm>")
SLUG_STARTS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def count_words(text: str) -> int:
    """The number of words, exact up to _WORDS_ENOUGH."""
    words = text.count(" ", 0, _WORDS_SCAN) + 1
    return words if words >= _WORDS_ENOUGH or len(text) <= _WORDS_SCAN else text.count(" ") + 1


def furniture_kind(text: str, words: int) -> str | None:
    """The kind of page furniture a line is: "end" (a heading that ends the article), "related" (a related box
    heading), "widget", or None."""
    if words > _FURNITURE_MAX_WORDS:
        return None
    k = text.casefold().rstrip(":").strip()  # key(text), spelled out: this runs on every short line
    kind = FURNITURE.kinds.get(k)
    if kind is None and (match := FURNITURE.patterns.match(k)) is not None:
        kind = match.lastgroup
    return kind


def doubled_title(text: str) -> str | None:
    """A link whose title is printed twice on one line ("X X"): the title, else None."""
    n = len(text)
    if n >= 21 and n % 2 == 1 and text[n // 2] == " " and text[n // 2 + 1:] == text[: n // 2]:
        return text[: n // 2]
    return None


def inline_link_title(text: str) -> str | None:
    """The title of a related link printed inside the body ("Xem thêm: <title>"), else None."""
    if text[0] not in INLINE_LINK_STARTS:
        return None
    if not text[:16].casefold().startswith(FURNITURE.link_prefixes):
        return None
    match = FURNITURE.inline_link.match(text)
    return match.group("title") if match else None


def url_slug(text: str) -> tuple[str, str] | None:
    """A URL slug ("iraq bat den xanh cho nato o lai"), alone or glued before a link title: (slug, rest)."""
    if text[0] not in SLUG_STARTS or (match := _SLUG.match(text)) is None:
        return None
    return match[0], text[match.end() + 1:]


_BAR_WORDS = 10
_BAR_TOKEN = re.compile(r"[^\s\[\]|]+")  # words, with the brackets and bars a text dump prints around buttons
_LABEL_MAX_WORDS = 4


def widget_bar(text: str) -> bool:
    """A bar of two or more widget labels printed on one line ("Chia sẻ Facebook Zalo In bài", "[A-] [A+] [In]"):
    the line read from its start as labels of the furniture lists, each as long as it can be."""
    first = text.split(" ", 1)[0].strip("[]|").casefold()
    if first not in FURNITURE.widget_openings:
        return False  # most lines are told at their first word
    words, kinds = _BAR_TOKEN.findall(text.casefold()), FURNITURE.kinds
    start, labels = 0, 0
    while start < len(words):
        for end in range(min(len(words), start + _LABEL_MAX_WORDS), start, -1):
            if kinds.get(" ".join(words[start:end])) == "widget":
                start, labels = end, labels + 1
                break
        else:
            return False
    return labels >= 2


def could_be_statement(text: str) -> bool:
    """False for a line that cannot be a Line.statement: no closing full stop or question mark, and too short to
    pass on length."""
    return text[-1] in _STATEMENT_LAST or len(text) >= 2 * _STATEMENT_WORDS - 1


def plain_prose(text: str, count: int) -> bool:
    """A sentence line with no credit, slug, link or furniture shape: prose, whatever else is on the page.

    It must end with a bare full stop, which no headline-shaped line does: a line ending in "?" or a quote may be
    a link title above a teaser, and goes through the whole decision list. The cheapest tests come first."""
    if text[-1] != "." or count != 1 or text.endswith(" ..."):
        return False
    # Only "at least 9 words" and "more than _FURNITURE_MAX_WORDS" are asked: a short stretch tells for most lines.
    words = text.count(" ", 0, _PROSE_SCAN) + 1
    if words <= _FURNITURE_MAX_WORDS and len(text) > _PROSE_SCAN:
        words = count_words(text)
    if words < 9:
        return False
    first = text[0]
    if (first in SLUG_STARTS and url_slug(text) is not None) or (
        first in INLINE_LINK_STARTS and inline_link_title(text) is not None
    ):
        return False
    return (
        not meta.credit_hint(text)
        and doubled_title(text) is None
        and (words > _FURNITURE_MAX_WORDS or furniture_kind(text, words) is None)
    )


class _Unread:
    """The value of a feature not computed yet: a type of its own, so that it is told from None (a feature's
    common value) by one isinstance test, which compiled code does with one comparison."""


_UNREAD = _Unread()


class Line:
    """One non-blank line with the shape features its role is decided by, each computed at most once."""

    def __init__(self, text: str):
        self.text = text
        words = text.count(" ", 0, _WORDS_SCAN) + 1  # count_words(text), spelled out: every Line asks it
        self.words = words = words if words >= _WORDS_ENOUGH or len(text) <= _WORDS_SCAN else text.count(" ") + 1
        last = text[-1]  # the closing character, looking through closing quotes
        if last in _CLOSING_QUOTES:
            last = text.rstrip(_CLOSING_QUOTES)[-1:] or " "
        self.ends_sentence = last in _SENTENCE_ENDS
        # Prose that closes with a full stop: what a lead looks like, and a headline ending in "?" does not.
        # A paragraph of several sentences that ends with a question is prose too (a reader's letter, an interview
        # question); a headline is one sentence.
        self.statement = (last in ".…" and words >= 8) or words >= _STATEMENT_WORDS or (
            last == "?" and words >= _QUESTION_WORDS and _SENTENCE_INSIDE.search(text) is not None
        )
        # The cheap shapes are set at once: most of them are asked of every line that gets a Line.
        self.furniture = furniture_kind(text, words)
        # A teaser cut short by the site: "... tham gia ..." .
        self.truncated = words >= 6 and text.endswith((" ...", " …"))
        # Shaped like running prose: a sentence of some length, or a long line.
        self.paragraph = (self.ends_sentence and words >= 8) or words >= 30
        # Shaped like a headline: a few words, no closing full stop, starting with a capital, digit, quote or hashtag
        # ("#MeToo"), or with a brand that puts its capital second ("iTunes", "eBay").
        first = text[0]
        self.titleish = (
            2 <= words <= 40
            and not text.endswith((".", ":", ",", ";"))
            and (first.isupper() or first.isdigit() or first in "'\"‘“[(#" or (first.islower() and text[1:2].isupper()))
        )
        # The metadata parses, each computed when first asked and kept in a plain attribute: the compiled class
        # keeps it in a slot of its own.
        self._stamp: stamps.Stamp | None | _Unread = _UNREAD
        self._signed_stamp: tuple[meta.Byline, stamps.Stamp] | None | _Unread = _UNREAD
        self._byline: meta.Byline | None | _Unread = _UNREAD
        self._caption: tuple[str, str | None] | None | _Unread = _UNREAD
        self._doubled: str | None | _Unread = _UNREAD
        self._inline_link: str | None | _Unread = _UNREAD
        self._slug: tuple[str, str] | None | _Unread = _UNREAD
        self._widget_bar: bool | _Unread = _UNREAD

    # The metadata parses are asked of the same header lines by the headline search, the header reading and the
    # walk: each line is parsed once.
    @property
    def stamp(self) -> stamps.Stamp | None:
        value = self._stamp
        if isinstance(value, _Unread):
            value = self._stamp = stamps.parse_stamp(self.text)
        return value

    @property
    def signed_stamp(self) -> tuple[meta.Byline, stamps.Stamp] | None:
        """The line read as a byline and a time stamp together ("Ngọc Anh | 02/12/2024 10:15")."""
        value = self._signed_stamp
        if isinstance(value, _Unread):
            value = self._signed_stamp = meta.parse_signed_stamp(self.text)
        return value

    @property
    def byline(self) -> meta.Byline | None:
        """The line read as a byline, a bare name allowed."""
        value = self._byline
        if isinstance(value, _Unread):
            value = self._byline = meta.parse_byline(self.text)
        return value

    @property
    def caption(self) -> tuple[str, str | None] | None:
        """(text, credit) when the line is a photo caption closing with its credit."""
        value = self._caption
        if isinstance(value, _Unread):
            value = self._caption = meta.parse_caption(self.text)
        return value

    @property
    def end_marker(self) -> bool:
        return self.furniture == "end"

    @property
    def related_marker(self) -> bool:
        return self.furniture == "related"

    @property
    def widget(self) -> bool:
        return self.furniture == "widget"

    @property
    def doubled(self) -> str | None:
        value = self._doubled
        if isinstance(value, _Unread):
            value = self._doubled = doubled_title(self.text)
        return value

    @property
    def inline_link(self) -> str | None:
        value = self._inline_link
        if isinstance(value, _Unread):
            value = self._inline_link = inline_link_title(self.text)
        return value

    @property
    def slug(self) -> tuple[str, str] | None:
        value = self._slug
        if isinstance(value, _Unread):
            value = self._slug = url_slug(self.text)
        return value

    @property
    def widget_bar(self) -> bool:
        value = self._widget_bar
        if isinstance(value, _Unread):
            value = self._widget_bar = self.words <= _BAR_WORDS and widget_bar(self.text)
        return value


_INVISIBLE_MARKS = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
# Line boundaries str.splitlines knows besides "\n"; a page with none of them splits faster on "\n" alone.
_OTHER_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def clean_line(text: str) -> str:
    """One line of text as split_lines leaves a page's lines: NFC, no invisible marks, white space folded."""
    return " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFC", text)).split())


@mypyc_attr(native_class=False)  # compiled, it stays a Python class: a dict with __missing__
class PageLines(dict):
    """The non-blank lines of a page, indexed from 0; `size` of them. A Line, with its cached features, is made
    only when a decision asks for it (dict.__missing__, so that a line already made costs one lookup): prose lines
    are read from their text, and no line below the article's end is looked at. The dict holds the lines made so
    far, so its len() is not the page's."""

    def __init__(self, stripped: list[str], texts: list[str]):
        super().__init__()
        self._stripped = stripped  # every line of the page, stripped: blank ones too, for the line numbers
        self.texts = texts
        self.size = len(texts)
        self.counts = Counter(texts)  # how many times each line occurs in the page

    def __missing__(self, i: int) -> Line:
        line = self[i] = Line(self.texts[i])
        return line

    @property
    def numbers(self) -> list[int]:
        """The 1-based line number in the page of each non-blank line (asked only when explaining)."""
        return list(compress(range(1, len(self._stripped) + 1), self._stripped))


def split_lines(text: str) -> PageLines:
    """Every non-blank line of a page; blank lines only separate blocks and carry no role."""
    if "&" in text and _CHARACTER_REFERENCE.search(text):  # a text copy of HTML that kept "&gt;&gt;", "&quot;"
        text = html.unescape(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if any(map(text.__contains__, _INVISIBLE_MARKS)):
        text = _INVISIBLE.sub("", text)
    lines = text.splitlines() if any(map(text.__contains__, _OTHER_BREAKS)) else text.split("\n")
    # No line longer than a terminal's, or a list of links at the foot (lynx): maybe a text-mode browser's dump.
    if max(map(len, lines)) <= wrapped.WIDTH_MAX or "://" in lines[-1] or (len(lines) > 1 and "://" in lines[-2]):
        lines = wrapped.unwrap(lines)
    stripped = list(map(str.strip, lines))
    kept = list(filter(None, stripped))
    if "  " in text or "\t" in text or "\xa0" in text:
        # Only a line with two spaces in a row or other white space (none of it printable) changes when folded.
        kept = [" ".join(line.split()) if "  " in line or not line.isprintable() else line for line in kept]
    return PageLines(stripped, kept)

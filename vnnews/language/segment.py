"""Sentences and words of Vietnamese news text, as spans of the text itself.

Sentences come from a rule over the stops a news text uses, which is cheap enough for every article: a stop
(. ! ? …) followed by a space and a capital, digit, quote or dash ends a sentence unless the word before it
is a listed abbreviation (TP., PGS.TS., St.) or an initial (J. Biden); a line break always ends one.
Words come from pyvi's CRF segmenter (MIT), chosen over underthesea's by bench/segmenter_choice.py; it is the
slow path, so callers that only need sentences never load it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

import yaml

from vnnews.language.normalise import nfc_with_offsets

Span = tuple[int, int]


class Token(NamedTuple):
    """A word as the page writes it (a compound keeps its spaces: "Tổng thư ký") and where it sits."""

    text: str
    start: int
    end: int


_STOP = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"”’»)\]]*(?=\s+[\"“‘«(\[\-–—\d\w])")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_NEXT_START = re.compile(r"\s+(.)")
# A closing quote set apart by a space ('lắm. "' in re-tokenised corpora) still belongs to the sentence before;
# a straight quote closes when the line ends or punctuation follows it, or an odd number of them precede it on
# the line. When punctuation or a lowercase word follows the closing quote, the sentence goes on.
_DETACHED_QUOTE = re.compile(r"\s+(?P<quote>[\"”»])(?:(?P<last>\s*$)|(?P<mark>\s*[,.;:!?)])|\s+(?P<letter>[^\W\d_]))?")


@cache
def _abbreviations() -> frozenset[str]:
    data = resources.files("vnnews.language").joinpath("data/sentence_abbreviations.yaml").read_text("utf-8")
    return frozenset(yaml.safe_load(data)["abbreviations"])


def _is_abbreviation(text: str, stop_at: int) -> bool:
    """Whether the full stop at ``stop_at`` closes an abbreviation or an initial rather than a sentence."""
    before = _WORD_BEFORE.search(text, max(0, stop_at - 40), stop_at)
    if before is None:
        return False
    parts = [p for p in before.group(0).split(".") if p]
    if not parts:
        return False
    if all(len(p) == 1 and p.isupper() for p in parts):
        return True
    return all(p in _abbreviations() for p in parts)


def _line_sentences(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    begin = start
    for stop in _STOP.finditer(text, start, end):
        mark = stop.group(0)
        if mark.startswith(".") and not mark.startswith("..") and _is_abbreviation(text, stop.start()):
            continue
        stop_end = stop.end()
        detached = _DETACHED_QUOTE.match(text, stop_end, end)
        if detached:
            goes_on = bool(detached["mark"] or (detached["letter"] or "A").islower())
            closing = detached["quote"] != '"' or detached["last"] is not None or goes_on
            if closing or text.count('"', start, stop_end) % 2:
                if goes_on:
                    continue
                stop_end = detached.start("letter") if detached["letter"] else detached.end()
        following = _NEXT_START.match(text, stop_end, end)
        if following and following.group(1).islower():
            continue
        spans.append((begin, stop_end))
        begin = following.start(1) if following else stop_end
    spans.append((begin, end))
    return spans


def sentences(text: str) -> list[Span]:
    """(start, end) of each sentence in ``text``, with surrounding whitespace left out; no word segmentation."""
    spans: list[Span] = []
    position = 0
    for line in text.split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        for begin, end in _line_sentences(text, line_start, line_end):
            while begin < end and text[begin].isspace():
                begin += 1
            while end > begin and text[end - 1].isspace():
                end -= 1
            if begin < end:
                spans.append((begin, end))
    return spans


@cache
def _pyvi_tokenize():
    from pyvi import ViTokenizer

    return ViTokenizer.tokenize


def _align(text: str, segmented: str) -> list[Token]:
    """Map pyvi's output (words joined by "_", tokens by " ") back onto spans of the original text."""
    tokens: list[Token] = []
    cursor = 0
    for piece in segmented.split():
        syllables = [s for s in piece.split("_") if s] or [piece]
        start = text.find(syllables[0], cursor)
        if start < 0:
            continue
        end = start + len(syllables[0])
        for syllable in syllables[1:]:
            gap = end
            while gap < len(text) and text[gap].isspace():
                gap += 1
            if not text.startswith(syllable, gap):
                break
            end = gap + len(syllable)
        tokens.append(Token(text[start:end], start, end))
        cursor = end
    return tokens


def words(text: str) -> list[Token]:
    """Word tokens of ``text`` with offsets, punctuation as tokens of its own; decomposed marks are fine."""
    tokenize = _pyvi_tokenize()
    composed, origins = nfc_with_offsets(text)
    tokens: list[Token] = []
    for begin, end in sentences(composed):
        for token in _align(composed[begin:end], tokenize(composed[begin:end])):
            start, stop = token.start + begin, token.end + begin
            if origins:
                start, stop = origins[start], origins[stop]
            tokens.append(Token(text[start:stop], start, stop))
    return tokens

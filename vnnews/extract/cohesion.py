"""Whether paragraphs tell other stories than the article: the telling words they share with it and with each other.

A page's lists of other stories (most read, latest news) sit under headings that vary from site to site; when the
heading is one the furniture lists do not know, what gives the list away is that its paragraphs are about other
things: each shares few telling words with the article, and with the others. Telling words are the syllables left
once the common ones of Vietnamese news (data/common_syllables.txt) and numbers are taken out; text in which the
common syllables are not common is not Vietnamese, and is never judged so.
"""

from __future__ import annotations

import re
from importlib import resources
from itertools import combinations

_WORD = re.compile(r"\w+")
_COMMON = frozenset(
    line
    for line in resources.files("vnnews.extract").joinpath("data/common_syllables.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("#")
)
OTHER_STORY_SHARE = 0.2  # a paragraph sharing no more than this share of its telling words tells another story
# Common syllables make up over 43% of 95% of VNTC's paragraphs (65% at the median), and under 10% of English text.
_COMMON_SHARE = 0.35
_ARTICLE_WORDS = 40  # fewer telling words in the article read so far, and a comparison says little
_PARAGRAPH_WORDS = 6  # nor with fewer in a paragraph
_STORY_WORDS = 15  # telling words of an article that a paragraph going on with its story shares a fifth of


def common(syllable: str) -> bool:
    """Whether a (lower-case) syllable is one of the common ones of Vietnamese news."""
    return syllable in _COMMON


def telling_words(*texts: str) -> set[str]:
    """The syllables of the texts that say what they are about."""
    words = set(_WORD.findall(" ".join(texts).lower()))
    words -= _COMMON
    return {w for w in words if not w.isdigit()}


def _vietnamese_telling_words(text: str) -> set[str] | None:
    syllables = _WORD.findall(text.lower())
    common = sum(map(_COMMON.__contains__, syllables))
    if common < _COMMON_SHARE * len(syllables):
        return None
    words = set(syllables)
    words -= _COMMON
    return {w for w in words if not w.isdigit()}


def _shares_little(words: set[str], other: set[str]) -> bool:
    return len(words & other) <= OTHER_STORY_SHARE * len(words)


def other_stories(paragraphs: list[str], article: list[str]) -> bool:
    """Whether each paragraph tells a story of its own, neither the article's (the texts of `article`, headline
    first) nor another paragraph's. The paragraphs are compared with each other first, then with the headline and
    lead, then with the body from its end up: a paragraph that shares a story is found before the article is read
    whole."""
    found = [_vietnamese_telling_words(p) for p in paragraphs]
    words = [w for w in found if w is not None and len(w) >= _PARAGRAPH_WORDS]
    if len(words) < len(found):
        return False
    if not all(_shares_little(a, b) and _shares_little(b, a) for a, b in combinations(words, 2)):
        return False
    article_words: set[str] = set()
    for text in [*article[:2], *reversed(article[2:])]:
        article_words |= telling_words(text)
        if not all(_shares_little(w, article_words) for w in words):
            return False
    return len(article_words) >= _ARTICLE_WORDS


def tells_the_article(paragraph: str, article: list[str]) -> bool:
    """Whether a paragraph goes on with the article's story: it shares more than a few of its telling words with
    the article (the texts of `article`), and both say enough for the comparison to tell."""
    words = _vietnamese_telling_words(paragraph)
    if words is None or len(words) < _PARAGRAPH_WORDS:
        return False
    article_words = telling_words(*article)
    return len(article_words) >= _STORY_WORDS and not _shares_little(words, article_words)

"""Vietnamese accent folding for search, and snippets cut from the original text.

Readers type "nato rut quan" for "NATO rút quân", so the index holds folded text and queries are folded the same way.
The fold maps every character of NFC text to exactly one character, so an offset found in folded text is the same
offset in the original: snippets are cut and highlighted in the page's own words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Tokens as SQLite's unicode61 tokenizer sees them: runs of letters and digits (underscore separates).
TOKEN = re.compile(r"[^\W_]+")


def _fold_char(char: str) -> str:
    """One character, lower-cased and stripped of its diacritics; unchanged when that would not stay one character."""
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[0]
    lowered = base.lower()
    return lowered if len(lowered) == 1 else char


class _FoldTable(dict[int, str]):
    """A str.translate table that works each character out the first time it is met."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """NFC text lower-cased and without diacritics, one output character per input character (đ/Đ → d)."""
    text = unicodedata.normalize("NFC", text)
    return text.lower() if text.isascii() else text.translate(_FOLD)


def query_terms(query: str) -> list[str]:
    """The folded words of a user query, in order and without repeats; every operator and quote is dropped."""
    return list(dict.fromkeys(TOKEN.findall(fold(query))))


def fts_query(terms: list[str], *, any_term: bool = False, phrases: bool = True) -> str:
    """An FTS5 MATCH expression in which every term is a quoted literal, so no query syntax survives.

    Vietnamese words are runs of syllables ("rút quân"), so each adjacent pair of query terms is added as an
    optional phrase: it never changes which articles match, but BM25 scores the articles holding the pair higher.
    ``phrases=False`` leaves them out: the same matches, cheaper to count and rank.
    """
    words = [f'"{term}"' for term in terms]
    required = f"({' OR '.join(words) if any_term else ' AND '.join(words)})"
    pairs = [f'"{a} {b}"' for a, b in zip(terms, terms[1:], strict=False)] if phrases else []
    if not pairs:
        return required
    return f"{required} AND ({' OR '.join([*pairs, required])})"


@dataclass(frozen=True)
class Marks:
    """What a surface puts around a matched word in a snippet."""

    open: str = "«"
    close: str = "»"


GUILLEMETS = Marks()


@lru_cache(maxsize=1)
def _folds_to() -> dict[str, str]:
    """Every letter a Vietnamese page may print, grouped by what it folds to: "a" → "aàáảãạăằ…AÀÁ…"."""
    groups: dict[str, list[str]] = {}
    for code in [*range(0x20, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        groups.setdefault(_fold_char(char), []).append(char)
    return {base: "".join(chars) for base, chars in groups.items()}


@lru_cache(maxsize=256)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds the terms as whole words in unfolded text, accents and case ignored."""
    folds_to = _folds_to()

    def term_pattern(term: str) -> str:
        return "".join(f"[{re.escape(folds_to[c])}]" if c in folds_to else re.escape(c) for c in term)

    alternatives = "|".join(term_pattern(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def match_spans(text: str, terms: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of every whole word of ``text`` that folds to one of ``terms``; offsets index ``text``.

    The words are found in the text as printed, so a long article is never folded whole for its snippet."""
    if not terms:
        return []
    return [(m.start(), m.end(), fold(m.group())) for m in _terms_pattern(tuple(terms)).finditer(text)]


SNIPPET_SCAN = 50_000  # characters of an article searched for its snippet: enough for news, bounded for giants


def snippet(text: str, terms: list[str], marks: Marks = GUILLEMETS, width: int = 200) -> str:
    """About ``width`` characters of ``text`` around the densest cluster of query words, those words marked."""
    text = text[:SNIPPET_SCAN]
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    spans = match_spans(text, terms)
    if not spans:
        return _cut(text, 0, min(len(text), width), [], marks)
    order = {term: n for n, term in enumerate(terms)}
    # A query word followed at once by the next query word: the reader's multi-syllable word, worth showing first.
    joined = [
        order[b[2]] == order[a[2]] + 1 and not text[a[1] : b[0]].strip() for a, b in zip(spans, spans[1:], strict=False)
    ]
    best, best_score = (0, 0), (-1, -1, -1)
    for i, (start, _, _) in enumerate(spans):
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - start <= width:
            j += 1
        score = (len({term for _, _, term in spans[i : j + 1]}), sum(joined[i:j]), j - i + 1)
        if score > best_score:
            best, best_score = (i, j), score
    first, last = spans[best[0]], spans[best[1]]
    slack = max(0, width - (last[1] - first[0]))
    start = max(0, first[0] - slack // 3)
    end = min(len(text), max(last[1], start + width))
    return _cut(text, start, end, spans, marks)


def _cut(text: str, start: int, end: int, spans: list[tuple[int, int, str]], marks: Marks) -> str:
    """text[start:end] widened to whole words, matched words marked, an ellipsis where the text goes on."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    pieces, cursor = [], start
    for s, e, _ in spans:
        if s >= start and e <= end:
            pieces += [text[cursor:s], marks.open, text[s:e], marks.close]
            cursor = e
    pieces.append(text[cursor:end])
    body = " ".join("".join(pieces).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")

"""A CRF tagger (python-crfsuite) trained on the rules' own labels, to reach names no list or cue holds.

The rules decide wherever they fire; the CRF only adds capitalised spans they left untouched, where the
context it learnt over thousands of articles (the words around a name, its shape) says PER, ORG or LOC.
The model is data/ner.crfsuite, rebuilt by ``python -m vnnews.language.train_crf``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pycrfsuite

from vnnews.language.cues import is_vietnamese, key_of, lexicon
from vnnews.language.gazetteer import TOKEN, case_class
from vnnews.language.ner import Mention

MODEL = Path(__file__).parent / "data" / "ner.crfsuite"


def _shape(token: str) -> str:
    if token.isdigit():
        return "d"
    if not token[:1].isalnum():
        return "p"
    return ("x", "X", "XX")[case_class(token)] + ("v" if is_vietnamese(token) else "")


def features(tokens: list[str]) -> list[list[str]]:
    """Per token: its key and shape, affixes, and the keys and shapes of two tokens either side."""
    keys = [key_of(t) for t in tokens]
    shapes = [_shape(t) for t in tokens]
    rows = []
    for i, key in enumerate(keys):
        row = [f"w={key}", f"s={shapes[i]}", f"p3={key[:3]}", f"x3={key[-3:]}"]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(keys):
                row += [f"w{offset}={keys[j]}", f"s{offset}={shapes[j]}"]
            else:
                row.append(f"edge{offset}")
        if i > 0:
            row.append(f"ww-1={keys[i - 1]}|{key}")
        if i > 1:
            row.append(f"w-2w-1={keys[i - 2]}|{keys[i - 1]}")
        rows.append(row)
    return rows


@cache
def _tagger() -> pycrfsuite.Tagger | None:
    if not MODEL.exists():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def _plausible(tokens: list[str], kind: str) -> bool:
    """Only what the rules could not have meant to drop: names of two or more words, none a common word,
    and a Vietnamese person's name opening with a family name."""
    words = [t for t in tokens if t.isalpha()]
    lex = lexicon()
    if len(words) < 2 or len(words) != len(tokens) or not all(case_class(t) == 1 and len(t) > 1 for t in words):
        return False
    if any(t in lex.not_names or key_of(t) in lex.cue_words for t in words):
        return False
    return kind != "PER" or words[0] in lex.surnames or not any(is_vietnamese(t) for t in words)


def _uncovered_pair(tokens: list[str], spans: list[tuple[int, int]], taken: list[tuple[int, int]]) -> bool:
    """Whether two capitalised words in a row lie outside every rule mention (what _plausible needs)."""
    free = [
        case_class(token) == 1 and not any(a <= start < b for a, b in taken)
        for token, (start, _) in zip(tokens, spans, strict=True)
    ]
    return any(a and b for a, b in zip(free, free[1:], strict=False))


def extra_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Capitalised spans the CRF tags that no rule mention overlaps, one paragraph at a time."""
    tagger = _tagger()
    if tagger is None:
        return []
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    offset = 0
    for line in text.split("\n"):
        spans = [(m.start() + offset, m.end() + offset) for m in TOKEN.finditer(line)]
        offset += len(line) + 1
        if not spans:
            continue
        tokens = [text[s:e] for s, e in spans]
        if not _uncovered_pair(tokens, spans, taken):
            continue  # nothing the CRF may add here: skip the costly part
        labels = tagger.tag(features(tokens)) + ["O"]
        start = None
        for i, label in enumerate(labels):
            if start is not None and not (label.startswith("I-") and label[2:] == labels[start][2:]):
                first, last = spans[start][0], spans[i - 1][1]
                kind = labels[start][2:]
                if _plausible(tokens[start:i], kind) and not any(a < last and first < b for a, b in taken):
                    found.append(Mention(first, last, text[first:last], kind))
                start = None
            if label.startswith("B-"):
                start = i
    return found

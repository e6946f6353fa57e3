"""Normalisation for matching: one spelling of a Vietnamese word whatever keyboard or page produced it.

Pages write the same word several ways: composed or decomposed Unicode, the tone mark on either vowel of
"oa", "oe", "uy" (hoà / hòa, thuý / thúy), curly or straight quotes, odd spaces. Index keys, gazetteer
look-ups and actor aliases compare the folded forms made here; the stored and shown text is never rewritten.

Tone placement follows the press's usual rule (hòa, khỏe, thúy): in an open syllable whose vowel is exactly
"oa", "oe" or "uy", the mark sits on the first vowel; with a final consonant (hoàng, thuyết) or a third vowel
(ngoài, khuya) it stays where it is, and after "q" the "u" belongs to the consonant (quý, quỳ, quà).
"""

from __future__ import annotations

import re
import unicodedata

_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}  # huyền, sắc, hỏi, ngã, nặng
_QUOTES = "\"'“”„‟‘’‚‛«»‹›`´″"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\n\v\f"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _split_tone(char: str) -> tuple[str, str]:
    """A vowel with a tone mark as (the vowel without its tone, the tone's combining mark)."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = "".join(c for c in decomposed if c in _TONES)
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return bare, tone


def _with_tone(vowel: str, tone: str) -> str:
    return unicodedata.normalize("NFC", vowel + tone)


def _build_tone_moves() -> dict[str, tuple[str, str]]:
    """Marked second vowels of oa/oe/uy mapped to (the bare vowel, the tone to put on the first vowel)."""
    moves: dict[str, tuple[str, str]] = {}
    for base in "aeyAEY":
        for tone in _TONES:
            marked = _with_tone(base, tone)
            moves[marked] = (base, tone)
    return moves


_TONE_MOVES = _build_tone_moves()
_MARKED_A_E = "".join(c for c, (base, _) in _TONE_MOVES.items() if base in "aeAE")
_MARKED_Y = "".join(c for c, (base, _) in _TONE_MOVES.items() if base in "yY")
# The pair must be the whole vowel of an open syllable: no letter after it (checked here), no vowel or "q"
# before it (checked in _move_tone, since look-behinds cannot list every marked vowel).
_OPEN_PAIR = re.compile(rf"(?:([oO])([{_MARKED_A_E}])|([uU])([{_MARKED_Y}]))(?![^\W\d_])")
_NOT_BEFORE_PAIR = set("qQ") | {c for c in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"}


def _move_tone(match: re.Match[str]) -> str:
    start = match.start()
    if start and fold_chars(match.string[start - 1]) in _NOT_BEFORE_PAIR:
        return match.group(0)
    first = match.group(1) or match.group(3)
    base, tone = _TONE_MOVES[match.group(2) or match.group(4)]
    return _with_tone(first, tone) + base


def nfc(text: str) -> str:
    """Unicode NFC, skipping the work when the text already is (most page text is)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def tone_normalise(text: str) -> str:
    """NFC text with tone marks placed one way (hoà → hòa, thuý → thúy); same length as nfc(text)."""
    return _OPEN_PAIR.sub(_move_tone, nfc(text))


def _build_strip_table() -> dict[int, str]:
    """Every precomposed Latin letter mapped to its bare lowercase letter (đ → d), quotes to '"'."""
    table: dict[int, str] = {}
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0].lower()
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[code] = base
    table.update({ord("đ"): "d", ord("Đ"): "d"})
    return table


_QUOTE_TABLE = {ord(q): '"' for q in _QUOTES}
_SPACE_TABLE = {ord(s): " " for s in _SPACES}
_DROP_TABLE = {ord(c): None for c in _INVISIBLE}
_STRIP_TABLE = {**_build_strip_table(), **_QUOTE_TABLE, **_SPACE_TABLE, **_DROP_TABLE}
_KEY_TABLE = {**_QUOTE_TABLE, **_SPACE_TABLE, **_DROP_TABLE}
_COMBINING = re.compile(r"[\u0300-\u036f]")
_SAME_LENGTH_TABLE = {
    **{k: v for k, v in _STRIP_TABLE.items() if v is not None},
    **{ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
}


def match_key(text: str) -> str:
    """A look-up key that keeps diacritics: NFC, one tone placement, lowercase, quotes and spaces folded."""
    return " ".join(tone_normalise(text).translate(_KEY_TABLE).lower().split())


def fold(text: str) -> str:
    """The loosest key: match_key without diacritics ("Hòa Bình", "hoà  bình", "HOA BINH" → "hoa binh")."""
    stripped = nfc(text).translate(_STRIP_TABLE).lower()
    if not stripped.isascii():
        stripped = _COMBINING.sub("", unicodedata.normalize("NFD", stripped))
        stripped = unicodedata.normalize("NFC", stripped).translate(_STRIP_TABLE)
    return " ".join(stripped.split())


def fold_chars(text: str) -> str:
    """fold() one character for one: offsets in the result are offsets in ``text``.

    For scanning a text with folded patterns and reporting spans of the original. Expects NFC text (what
    extraction stores); each Latin letter becomes its bare lowercase form, quotes '"', odd spaces ' '.
    Characters outside Latin (and ones whose lowercase is longer) are kept as they are.
    """
    return text.translate(_SAME_LENGTH_TABLE)


_MARKED = re.compile(r".[\u0300-\u036f]+", re.DOTALL)


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """NFC text for scanning, and where each of its offsets (and its end) lies in ``text``.

    Pages and corpora sometimes store decomposed marks; patterns and segmenters see the composed text,
    while the spans they find must index the text as stored. The map is None when ``text`` is already NFC.
    A letter with its combining marks becomes one character; anything else NFC would change is composed
    cluster by cluster, the slow way.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    origins: list[int] = []
    done = 0
    for marked in _MARKED.finditer(text):
        composed = unicodedata.normalize("NFC", marked.group())
        pieces += [text[done : marked.start()], composed]
        origins += [*range(done, marked.start()), *[marked.start()] * len(composed)]
        done = marked.end()
    pieces.append(text[done:])
    origins += [*range(done, len(text)), len(text)]
    joined = "".join(pieces)
    return (joined, origins) if unicodedata.is_normalized("NFC", joined) else _nfc_by_cluster(text)


def _nfc_by_cluster(text: str) -> tuple[str, list[int]]:
    pieces: list[str] = []
    origins: list[int] = []
    start = 0
    while start < len(text):
        end = start + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        composed = unicodedata.normalize("NFC", text[start:end])
        pieces.append(composed)
        origins.extend([start] * len(composed))
        start = end
    origins.append(len(text))
    return "".join(pieces), origins

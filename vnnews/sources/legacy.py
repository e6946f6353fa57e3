"""Vietnamese text written before Unicode: Windows-1258, TCVN3 (ABC) and VNI fonts.

Such files are still common in archives. None of them announces itself, so each candidate decoding is read back and
judged by how many of its accented words are well-formed Vietnamese syllables; a decoding that does not look like
Vietnamese is refused rather than guessed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
_NUCLEUS = "[aăâeêioôơuưy]{1,3}"
_CODA = "ch|ng|nh|[cmnpt]"
_SYLLABLE = re.compile(f"(?:{_ONSET})?{_NUCLEUS}(?:{_CODA})?")
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 3
MIN_SHARE = 0.8
SAMPLE_BYTES = 65536


@dataclass(frozen=True)
class Reading:
    """One candidate decoding and how Vietnamese it looks."""

    encoding: str
    text: str
    valid_words: int
    accented_words: int

    @property
    def share(self) -> float:
        return self.valid_words / self.accented_words if self.accented_words else 0.0


@cache
def _tcvn3_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for line in _data_lines("tcvn3.tsv"):
        byte, code = line.split("\t")[:2]
        table[int(byte, 16)] = chr(int(code, 16))
    return table


@cache
def _tcvn3_charmap() -> str:
    return _charmap(_tcvn3_table())


@cache
def _windows_1252_charmap() -> str:
    return _charmap(_windows_1252())


def _charmap(table: dict[int, str]) -> str:
    """A 256-character decoding table for codecs.charmap_decode; bytes the table leaves out read as Latin-1."""
    return "".join(table.get(b, chr(b)) for b in range(256))


@cache
def _vni_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for line in _data_lines("vni.tsv"):
        letter, vni = line.split("\t")[:2]
        table[vni] = letter
    # Longest first, so that a base letter with its mark wins over the bare letter.
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), table


def _data_lines(name: str) -> list[str]:
    text = resources.files("vnnews.sources").joinpath(f"data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def decode_tcvn3(data: bytes) -> str:
    return unicodedata.normalize("NFC", codecs.charmap_decode(data, "strict", _tcvn3_charmap())[0])


@cache
def _windows_1252() -> dict[int, str]:
    """VNI fonts are Windows-1252 fonts; the five bytes that code page leaves undefined are kept as Latin-1."""
    table = {}
    for b in range(0x80, 0xA0):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


def decode_vni(data: bytes) -> str:
    pattern, table = _vni_pattern()
    text = codecs.charmap_decode(data, "strict", _windows_1252_charmap())[0]
    return unicodedata.normalize("NFC", pattern.sub(lambda m: table[m.group()], text))


def decode_cp1258(data: bytes) -> str:
    """Windows-1258 writes tones as combining marks after the letter; NFC puts them back together."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether a word is a well-formed Vietnamese syllable: one tone at most, Vietnamese onset, vowels and coda."""
    parts = unicodedata.normalize("NFD", word.lower())
    if sum(parts.count(mark) for mark in TONE_MARKS) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def score(encoding: str, text: str) -> Reading:
    accented = [w for w in _WORD.findall(text) if not w.isascii()]
    valid = sum(1 for w in accented if is_syllable(w))
    return Reading(encoding, text, valid, len(accented))


DECODERS = {"windows-1258": decode_cp1258, "tcvn3": decode_tcvn3, "vni": decode_vni}


def best_reading(data: bytes) -> Reading | None:
    """The legacy decoding under which the text reads as Vietnamese, or None when none of them does.

    The encodings are told apart on the first SAMPLE_BYTES; the whole file is then decoded with the winner.
    """
    sample = data[:SAMPLE_BYTES]
    readings = [score(name, decode(sample)) for name, decode in DECODERS.items()]
    best = max(readings, key=lambda r: (r.share, r.valid_words))
    if best.valid_words < MIN_WORDS or best.share < MIN_SHARE:
        return None
    if len(data) > len(sample):
        return Reading(best.encoding, DECODERS[best.encoding](data), best.valid_words, best.accented_words)
    return best

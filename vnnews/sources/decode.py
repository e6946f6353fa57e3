"""Bytes to NFC text, or a reason the bytes are not a text page.

Vietnamese pages arrive as UTF-8 (with or without BOM), UTF-16 (VNTC ships UTF-16LE without BOM, CRLF lines),
Windows-1258 or the TCVN3/VNI font encodings. Only bytes that fail strict UTF-8 are tried as legacy encodings, so
ordinary UTF-8 is never re-read; bytes that are mostly good UTF-8 with a few bad ones are refused, not "repaired".
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from vnnews.sources.legacy import best_reading

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_HIGH_BYTES = bytes(range(0x80, 0x100))
_SNIFF_BYTES = 8192
MIN_NUL_SHARE = 0.2
MAX_STRAY_NUL_SHARE = 0.02
MAX_CONTROL_SHARE = 0.01


class NotText(Exception):
    """The bytes are not a text page; the message is the reason shown to the user."""


def decode(data: bytes) -> str:
    """The text the bytes hold, NFC-normalised with \\n line ends; raises NotText with the reason."""
    if not data:
        raise NotText("empty file")
    try:
        text = _decode_unicode(data)
    except UnicodeDecodeError as exc:
        text = _decode_legacy(data, exc.start)
    return clean(text)


def clean(text: str) -> str:
    """Decoded text in the one form later stages expect: NFC, \n line ends, no BOM; refuses binary content."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    controls = len(_CONTROL.findall(text))
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        raise NotText("binary file (control characters)")
    return text


def _decode_unicode(data: bytes) -> str:
    """UTF-16 or UTF-8 text; UnicodeDecodeError when the bytes are neither (and may be a legacy encoding)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec)
    utf16 = _utf16_without_bom(data[:_SNIFF_BYTES])
    if utf16:
        return _strict(data, utf16)
    if b"\x00" in data:
        raise NotText("binary file (NUL bytes)")
    return data.decode("utf-8")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16LE/BE told by its NUL bytes: ASCII characters leave a NUL in every other byte on one side only."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = head[0 : pairs * 2 : 2].count(0) / pairs
    odd = head[1 : pairs * 2 : 2].count(0) / pairs
    if odd >= MIN_NUL_SHARE and even <= MAX_STRAY_NUL_SHARE:
        return "utf-16-le"
    if even >= MIN_NUL_SHARE and odd <= MAX_STRAY_NUL_SHARE:
        return "utf-16-be"
    return None


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise NotText(f"not valid {codec.upper().removesuffix('-SIG')} at byte {exc.start}") from exc


def _decode_legacy(data: bytes, first_bad: int) -> str:
    """Windows-1258, TCVN3 or VNI when the bytes read as Vietnamese under one of them; otherwise refuse."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    reason = f"not valid UTF-8 at byte {first_bad} and not a Vietnamese legacy encoding"
    if in_sequences * 2 >= high:
        raise NotText(reason)
    reading = best_reading(data)
    if reading is None:
        raise NotText(reason)
    return reading.text


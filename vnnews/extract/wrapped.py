"""Pages saved by a text-mode browser (lynx, w3m) or any tool that wraps text at a fixed width: their paragraphs are
broken into lines of 70-80 columns, where the line rules expect one block a line. Such a page is told by its width
(no line longer than a terminal's, many lines filling it) and its lines are joined back into blocks: a line is
continued by the next one when the next line's first word would not have fitted on it.
"""

from __future__ import annotations

import re

from vnnews.extract import stamps

_WIDTH_MIN, WIDTH_MAX = 60, 100  # the widths text-mode browsers and wrapping tools use
_FULL_SLACK = 15  # a line within this many columns of the width was broken by the wrapping
_FULL_SHARE = 0.25  # of the non-blank lines, at least this share fill the width in a wrapped page
_FULL_MIN = 4  # distinct lines filling the width
_BROKEN_MIN = 2  # lines filling the width whose sentence goes on, in small letters, on the next line
_ITEM_MARKS = ("*", "•", "-", "–", "+", "#", "[IMG]")  # a line that starts an item, never a continuation
_LINK_NUMBER = re.compile(r"\[\d{1,4}\]")  # lynx numbers every link: "[31]Trang chủ"
_IMAGE = re.compile(r"\[IMG\]\s*")


def unwrap(lines: list[str]) -> list[str]:
    """The lines of a page with each wrapped block joined back into its first line (the lines it took up become
    blank, so the page's line numbers stand); a page that is not wrapped is returned as it is."""
    widths = [len(line.rstrip()) for line in lines]
    # lynx lists its links in full at the foot of the page: their width is not the wrapping width
    width = max((w for w, line in zip(widths, lines, strict=True) if "://" not in line), default=0)
    if not _WIDTH_MIN <= width <= WIDTH_MAX:
        return lines
    filled = {line.strip() for w, line in zip(widths, lines, strict=True) if w > width - _FULL_SLACK}
    if len(filled) < _FULL_MIN or len(filled) < _FULL_SHARE * sum(w > 0 for w in widths):
        return lines
    # A sentence broken by the wrapping goes on in small letters on the next line, here and there at least.
    broken = sum(
        widths[k] > width - _FULL_SLACK and lines[k + 1].strip()[:1].islower() for k in range(len(lines) - 1)
    )
    if broken < _BROKEN_MIN:
        return lines
    out = [_IMAGE.sub("", _LINK_NUMBER.sub("", line)).strip() for line in lines]
    k = 0
    while k < len(out):
        j = k
        while j + 1 < len(out) and out[j + 1] and out[k] and _continues(widths[j], out[j + 1], width):
            out[k] = f"{out[k]} {out[j + 1]}"
            out[j + 1] = ""
            j += 1
        k = j + 1
    return out


def _continues(line_width: int, following: str, width: int) -> bool:
    """Whether a line of `line_width` columns was broken before `following`: its first word would not have fitted,
    and `following` is no line of its own (an item, a time stamp under a long headline)."""
    if following.startswith(_ITEM_MARKS) or line_width + 1 + len(following.split(" ", 1)[0]) <= width:
        return False
    return stamps.parse_stamp(following) is None

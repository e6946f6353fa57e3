"""Where a page stands on its site and which site it is: the breadcrumb above the headline, the dateline that
opens the lead ("TTO - ", "(Dân trí) - "), and the domain a line names."""

from __future__ import annotations

import re

from vnnews.extract.meta import LOWER as _LOWER
from vnnews.extract.meta import UPPER as _UPPER

_CAPITALISED_ITEM = re.compile(rf"[{_UPPER}0-9][^\s]*(?:\s+[{_LOWER}][^\s]*)*")
_BREADCRUMB_SEP = re.compile(r"\s*(?:>|»|›|/|\|)\s*")
_HOME = re.compile(r"^(?:trang chủ|home|trang nhất)\b\s*[>»›/|]?\s*", re.IGNORECASE)


def home_item(text: str) -> bool:
    """Whether a breadcrumb item is the link to the home page ("Trang chủ", "Home")."""
    home = _HOME.match(text)
    return home is not None and home.end() == len(text)


def parse_breadcrumb(line: str) -> list[str] | None:
    """ "Trang chủ Quốc tế Nhịp sống" or "Thế giới > Châu Âu" → ["Quốc tế", "Nhịp sống"]."""
    home = _HOME.match(line) if line[:1] in "TtHh" else None
    if not home and not ("> " in line or "» " in line or "› " in line):
        return None
    rest = line[home.end():] if home else line
    parts = [p for p in _BREADCRUMB_SEP.split(rest) if p]
    if len(parts) == 1:
        # Printed without separators: every item starts with a capital ("Quốc tế Nhịp sống"), and the items are the
        # whole line ("Trang nhất báo Pháp nói gì ...?" is a headline that opens with "front page").
        parts = _CAPITALISED_ITEM.findall(rest)
        if " ".join(parts) != " ".join(rest.split()):
            return None
    if not parts or any(len(p.split()) > 6 for p in parts):
        return None
    return [p.strip() for p in parts]


_DATELINE = re.compile(
    r"^(?:\((?P<paren>[^()]{2,30})\)\s*[-–—:]?\s*"
    r"|(?P<dash>[\w.]{2,16}(?: Online)?)\s*[-–—]\s+"  # "TTO - ", "VOV.VN - ", "QĐND Online - "
    r"|(?P<dot>[A-ZĐ]{2,10})\.\s+(?=[A-ZĐ\d]))"
)


_DATELINE_HEAD = 40  # "QĐND Online - " and a 16-character name: the dash of a dateline comes before this
_LATIN_CAPITAL = re.compile(r"[A-ZĐ]")


def split_dateline(lead: str) -> tuple[str | None, str]:
    """ "TGVN. Ngày 13/2, ..." → ("TGVN", "Ngày 13/2, ..."); "(Dân trí) - ..." → ("Dân trí", "...")."""
    # What each form needs, looked for before the pattern: a bracket first, a dash early on, or a full stop after
    # the capitals.
    head = lead[:_DATELINE_HEAD]
    if lead[:1] != "(" and "-" not in head and "–" not in head and "—" not in head and "." not in lead[:11]:
        return None, lead
    match = _DATELINE.match(lead)
    if not match:
        return None, lead
    prefix = match.group("paren") or match.group("dash") or match.group("dot")
    if match.group("dash") and sum(c.isupper() for c in prefix) < 2:
        return None, lead
    if match.group("paren") and not _LATIN_CAPITAL.search(prefix):
        return None, lead
    if match.group("dot") in _ABBREVIATIONS:
        return None, lead
    return prefix.strip(), lead[match.end():]


# Capitals with a full stop that open Vietnamese sentences and names, not a paper's dateline: "TP. HCM" (thành phố),
# "PGS. TS. Nguyễn ...", "NXB. Trẻ".
_ABBREVIATIONS = frozenset({"TP", "TX", "TT", "GS", "PGS", "TS", "TSKH", "BS", "LS", "KS", "KTS", "CN", "NSND", "NXB"})


_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:vn|com|net|org|info))\b", re.IGNORECASE)


def find_domain(line: str) -> str | None:
    match = _DOMAIN.search(line)
    return match.group(1).lower().removeprefix("www.") if match else None


_LONE_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+(?:vn|com|net|org)", re.IGNORECASE)


def lone_domain(line: str) -> str | None:
    """A line that is only a domain, as a site prints its name by its logo ("Znews.vn")."""
    return line.lower() if len(line) <= 40 and _LONE_DOMAIN.fullmatch(line) else None


_COPYRIGHT_OPENINGS = ("©", "copyright", "bản quyền", "(c)")
_COPYRIGHT_FIRSTS = frozenset("©CcBb(")
FOOTER_LINES = 12  # the last lines of a page, where its copyright line stands


def copyright_domain(texts: list[str]) -> str | None:
    """The domain named by the copyright line among the last lines of a page ("© Bản quyền thuộc về Znews.vn",
    "Copyright © Kenh14.vn"): the site's own."""
    for text in reversed(texts[-FOOTER_LINES:]):
        if text[0] in _COPYRIGHT_FIRSTS and text[:10].lower().startswith(_COPYRIGHT_OPENINGS):
            if (domain := find_domain(text)) is not None:
                return domain
    return None

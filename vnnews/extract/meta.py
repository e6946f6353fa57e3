"""Parsers for the metadata lines of a Vietnamese news page: bylines (alone or with a time stamp) and photo
credits. Each takes one line and answers None when the line is not of its kind."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from vnnews.extract import cohesion, stamps

# Words that end a photo caption's credit ("(Nguồn: Reuters)", "Ảnh: TTXVN"): a cheap test before the full pattern.
# What every photo credit the caption patterns read carries: a label and its colon, or "ảnh minh họa". A cheap test
# before the full patterns, and one that the everyday word "ảnh hưởng" (influence) does not pass.
_LABEL_COLON = re.compile(r"(?:guồn|GUỒN|ảnh|Ảnh|ẢNH|hoto|HOTO|ồ họa|ồ hoạ|Ồ HỌA|ideo|IDEO|lip|LIP)\s*:")
_ILLUSTRATION = re.compile(r"[Mm][Ii][Nn][Hh]\s+[Hh][OoỌọ][AaẠạ]")


def credit_hint(line: str) -> bool:
    """Whether the end of a line may hold a photo credit (plain substring tests first: this runs on every line).

    A credit after a label and its colon ends within the last 80 characters; without a colon, only "ảnh minh họa"
    closing the line is a credit, and it sits in the last few, or a credit in capitals with no label."""
    tail = line[-80:]
    if ":" in tail:
        if _LABEL_COLON.search(tail):
            return True
    else:
        tail = line[-_ILLUSTRATION_TAIL:]
    if ("nh h" in tail or "NH H" in tail or "nh H" in tail) and _ILLUSTRATION.search(tail) is not None:
        return True
    return line[-1:].isupper() and capitals_credit(line) is not None


_ILLUSTRATION_TAIL = 20  # "(ảnh minh họa)." and some white space

_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
UPPER = _UPPER  # the capitals of Vietnamese text, for character classes
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
LOWER = _LOWER  # the small letters of Vietnamese text, for character classes
# One capitalised name part: a Vietnamese syllable, a foreign name, a hyphenated or dotted form ("Jong-Un", "J.").
_NAME_WORD = rf"(?:[{_UPPER}][{_LOWER}]*(?:[-'’][{_UPPER}{_LOWER}][{_LOWER}]*)*\.?|[{_UPPER}]{{2,}})"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}"
_CAPS_NAME = rf"[{_UPPER}]+(?:\s+[{_UPPER}]+){{1,3}}"

# "(TH)", "(tổng hợp)", "(lược dịch)", "(thực hiện)", "(ghi)": the writer compiled, translated, conducted the interview
# or wrote down the talk; no agency is credited.
_COMPILED = re.compile(
    r"^(?:th|t[./]h|tổng hợp|lược dịch|dịch|biên dịch|tổng hợp và dịch|thực hiện|ghi|lược ghi|ghi chép|biên soạn)\.?$",
    re.IGNORECASE,
)
# Initials, alone or before a given name: "H.Y", "Đ. Đ", "V.Hương", "N.T.Hà".
_INITIALS_NAME = rf"[{_UPPER}]\.\s?(?:[{_UPPER}]\.\s?){{0,2}}[{_UPPER}][{_LOWER}]*\.?"
_WRITERS = rf"{_NAME}(?:\s*[-–,]\s*{_NAME})?"  # one writer, or two joined by a dash or a comma
_GIVEN_NAMES = rf"{_NAME_WORD}\s*[-–]\s*{_NAME_WORD}"  # two writers by their given names: "Huyền - Viên (TH)"
_CREDIT_PAREN = re.compile(
    rf"^(?P<name>{_WRITERS}|{_GIVEN_NAMES}|{_CAPS_NAME}|{_INITIALS_NAME})\s*\((?P<inner>[^()]{{1,60}})\)\s*\.?$"
)
_BARE_NAME = re.compile(rf"^(?:{_NAME}|{_CAPS_NAME})$")
# "Theo Reuters", "Theo báo Nhân Dân", "Nguồn: TTXVN": an agency credit line (never "Theo ông X, ..." prose).
_THEO = re.compile(
    rf"^(?:[Tt]heo\s+|[Nn]guồn\s*:\s*)(?P<agency>(?:(?:báo|tờ|hãng|hãng tin|đài|trang|tạp chí|kênh)\s+)?"
    rf"[{_UPPER}0-9][^,]{{0,60}}?)\s*\.?$"
)
# "Theo Reuters, Bloomberg": several agencies, each a capitalised name ("Theo Bộ Y tế, nước này ..." is prose).
_THEO_SEVERAL = re.compile(
    rf"^(?:[Tt]heo\s+|[Nn]guồn\s*:\s*)(?P<agency>[{_UPPER}][^,()]{{0,30}}(?:,\s*[{_UPPER}][^,()]{{0,30}}){{1,3}}?)\s*\.?$"
)
_PAREN_ONLY = re.compile(r"^\((?P<inner>[^()]{2,40})\)\.?$")
_OUTLET = re.compile(
    rf"^(?P<name>{_NAME})\s*/\s*(?P<outlet>[^\s/()][^/()]{{1,40}}?)\s*(?:\((?P<inner>[^()]{{1,60}})\))?\.?$"
)


_BYLINE_LABEL = re.compile(
    r"^(?:tác giả|bài và ảnh|bài & ảnh|bài, ảnh|bài|thực hiện|phóng viên|nhóm phóng viên|nhóm pv)\s*:\s*", re.IGNORECASE
)
# "Minh Anh - Ảnh: Hoàng Hà": the photographer credited after the writer.
_PHOTOS_BY = re.compile(r"\s*[-–,|]\s*(?:ảnh|ảnh và video|video|clip|đồ họa|đồ hoạ)\s*:.*$", re.IGNORECASE)
# "NGỌC ĐỨC thực hiện", "Minh Anh ghi": the writer's role after the name, without parentheses.
_ROLE_AFTER = (" thực hiện", " ghi")
_THEO_AFTER_COMMA = re.compile(r",\s+(?=[Tt]heo\s)")
_THEO_AFTER_OUTLET = re.compile(r"\s[Tt]heo\s+(\S.*)$")
# "PV Minh Anh", "Phóng viên Minh Anh": the writer's role before the name.
_WRITER_ROLE = re.compile(rf"^(?:pv|ctv|phóng viên|nhà báo)\s+(?=[{_UPPER}])", re.IGNORECASE)
_CREDIT_ONLY = re.compile(
    r"^\(?\s*(?:ảnh|ảnh minh h[oọ][aạ]|nguồn ảnh|photo|đồ họa|đồ hoạ|video|clip)\s*:"
    r"\s*(?P<credit>[^()]{1,60}?)\s*\)?\.?$|"
    r"^\(?\s*ảnh\s+minh\s+h[oọ][aạ]\s*\)?\.?$",
    re.IGNORECASE,
)
# "... hội nghị. (Theo Reuters)" or "(TTXVN/Vietnam+)" closing the last paragraph credits the article's agency.
_TRAILING_CREDIT = re.compile(
    r"\((?:[Tt]heo\s+(?P<theo>[^()]{2,40})|(?P<slash>[A-ZĐ][A-ZĐ0-9.]{1,14})/[^()]{1,30})\)\.?$"
)


@dataclass
class Byline:
    author: str | None
    agency: str | None


def _agency_from(inner: str) -> tuple[bool, str | None]:
    """Read the parenthesised part of a byline: (is a credit, agency or None)."""
    inner = inner.strip()
    if _COMPILED.match(inner):
        return True, None
    match = _THEO_INNER.match(inner)
    if match:
        return True, match.group(1).strip().rstrip(".")
    if _AGENCY_CODES.fullmatch(inner) and _HAS_CAPITAL.search(inner):
        return True, inner
    if match := _AGENCY_SLASH_OUTLET.fullmatch(inner):  # "TTXVN/Vietnam+": the agency, then the paper printing it
        return True, match.group(1)
    return False, None


# "(theo AP)", "(nguồn: TTXVN)", "(tổng hợp từ Reuters)", "(lược dịch theo AFP)": the agency the piece comes from.
_THEO_INNER = re.compile(
    r"^(?:(?:tổng hợp|lược dịch|dịch|biên dịch)\s+(?:từ|theo)|theo|nguồn)\s*:?\s*(.+)$", re.IGNORECASE
)
_AGENCY_CODES = re.compile(rf"[{_UPPER}0-9.\-]{{2,15}}(?:\s*,\s*[{_UPPER}0-9.\-]{{2,15}})*")  # "TTXVN", "AP, AFP"
_HAS_CAPITAL = re.compile(rf"[{_UPPER}]")
_AGENCY_SLASH_OUTLET = re.compile(r"([A-ZĐ][A-ZĐ0-9.]{1,14})/[^()/]{1,30}")


def _outlet_agency(outlet: str) -> str | None:
    """The outlet after a writer's slash is the agency when it is one ("Thu Hằng/TTXVN"); the writer's own paper,
    site or bureau ("Hồng Nhung/Báo Tin tức", "Thanh Hà/VTV.vn", "Thu Hằng/VOV-Brussels") credits no agency, unless
    an agency is credited after it ("Hồng Quân/VOV.VN Theo Reuters")."""
    if (theo := _THEO_AFTER_OUTLET.search(outlet)) is not None:
        return theo.group(1).rstrip(".")
    if outlet.upper() in _CREDITS_IN_CAPITALS or ("." not in outlet and "-" not in outlet and (
        _AGENCY_CODES.fullmatch(outlet) and outlet.isupper()
    )):
        return outlet
    return None


_THEO_STARTS = frozenset("TtNn")
# Writers signing with initials ("H.Y", "Đ. Đ"), as a team of the paper ("Nhóm PV", "CTV"), or with an academic or
# professional title before their name ("GS.TS Phạm Tất Dong", "ThS. Lê Hoa"), as Vietnamese papers print them.
_INITIALS = re.compile(rf"^{_INITIALS_NAME}$")
_TEAM = re.compile(r"^(?:nhóm\s+)?(?:pv|phóng viên|ctv|cộng tác viên|pv\s*-\s*ctv)$", re.IGNORECASE)
_TITLED_NAME = re.compile(rf"^(?:GS|PGS|TS|ThS|BS|LS|KTS|NSND|NSƯT|NB)(?:\.(?:GS|TS|BS))?\.?\s+(?P<name>{_NAME})$")


def parse_byline(line: str, *, bare_ok: bool = True) -> Byline | None:
    """A byline: "Thế Việt (theo AP)", "Hà Linh (TH)", "Hoàng Anh/VOV.VN", "Theo Reuters", or a bare name; or the
    writer and the agency set apart by "|" ("Minh Anh | Theo Reuters")."""
    line = line.strip()
    if ":" in line:  # every label ends with a colon
        line = _PHOTOS_BY.sub("", _BYLINE_LABEL.sub("", line))
    if len(line) > 90:
        return None
    if line[:1] in "PpCcNn" and (role := _WRITER_ROLE.match(line)):
        line = line[role.end():]
    elif line.endswith(_ROLE_AFTER) and (name := line[: line.rindex(" ")].removesuffix(" thực")) and (
        _BARE_NAME.match(name) or _is_caps_name(name)
    ):
        line = name  # "NGỌC ĐỨC thực hiện": the interview conducted by
    if ", " in line and "heo " in line:
        line = _THEO_AFTER_COMMA.sub(" | ", line)  # "Thanh Hà, Theo Reuters" reads as "Thanh Hà | Theo Reuters"
    if "|" in line:
        return _joined_byline([parse_byline(part, bare_ok=bare_ok) for part in line.split("|")])
    # Most lines asked are not bylines: each pattern is tried only when the line holds what it needs (a name
    # starts with a capital; "(", "/" or a separator must be there), which keeps the answers and skips the regexes.
    first = line[:1]
    named = first.isupper()
    match = _CREDIT_PAREN.match(line) if named and "(" in line else None
    if match and (_vietnamese_name(match.group("name").replace(",", " ")) or _initials(match.group("name"))):
        is_credit, agency = _agency_from(match.group("inner"))
        if is_credit:
            return Byline(match.group("name").strip(), agency)
        return None
    match = _OUTLET.match(line) if named and "/" in line else None
    if match and (_vietnamese_name(match.group("name")) or _TEAM.match(match.group("name"))):
        agency = _agency_from(match.group("inner"))[1] if match.group("inner") else None
        return Byline(match.group("name").strip(), agency or _outlet_agency(match.group("outlet").strip()))
    match = _PAREN_ONLY.match(line) if first == "(" else None
    if match:
        is_credit, agency = _agency_from(match.group("inner").split("/")[0])
        return Byline(None, agency) if is_credit and agency else None
    match = (_THEO.match(line) or _THEO_SEVERAL.match(line)) if first in _THEO_STARTS else None
    if match and len(match.group("agency").split()) <= 6 and not match.group("agency").endswith(","):
        return Byline(None, match.group("agency").rstrip("."))
    if not (bare_ok and named):
        return None
    if (_BARE_NAME.match(line) and not line.isupper() or _is_caps_name(line)) and _vietnamese_name(line):
        return Byline(line, None)
    match = _TWO_NAMES.match(line) if "," in line or "-" in line or "–" in line else None
    if match and _vietnamese_name(match.group(1)) and _vietnamese_name(match.group(2)):
        return Byline(line, None)  # two writers, as the page joins them: "Xuân Mai - Hoàng Trường"
    if _initials(line) or _TEAM.match(line):
        return Byline(line, None)
    match = _TITLED_NAME.match(line)
    if match and _vietnamese_name(match.group("name")):
        return Byline(line, None)
    return None


def _joined_byline(parts: list[Byline | None]) -> Byline | None:
    """One writer and at most one agency, each part of the line read as a byline of its own."""
    if not all(parts):
        return None
    authors = [part.author for part in parts if part and part.author]
    agencies = [part.agency for part in parts if part and part.agency]
    if len(authors) > 1 or len(agencies) > 1:
        return None
    return Byline(authors[0] if authors else None, agencies[0] if agencies else None)


CREDIT_STARTS = frozenset("(ẢảNnPpĐđVvCc")
_BYLINE_OPENERS = ("theo", "nguồn", "tác giả", "bài", "phóng viên", "nhóm phóng viên")


def could_be_byline(line: str, words: int) -> bool:
    """A cheap test before the byline patterns: bylines are a few words, or carry a credit in () or after /."""
    return words <= 6 or "(" in line or "/" in line or line[:16].lower().startswith(_BYLINE_OPENERS)


def parse_credit(line: str) -> tuple[str | None] | None:
    """A photo credit standing alone ("Ảnh: Reuters", "(Ảnh minh họa)"): (credit,), else None."""
    if len(line) > 80:
        return None
    match = _CREDIT_ONLY.match(line)
    if not match:
        return None
    return (match.group("credit").strip() if match.group("credit") else None,)


def trailing_agency(paragraph: str) -> str | None:
    match = _TRAILING_CREDIT.search(paragraph[-60:])
    if not match:
        return None
    return (match.group("theo") or match.group("slash")).strip().rstrip(".")


# A Vietnamese syllable, read through its diacritics: onset, vowel nucleus, coda. Foreign words ("Log", "Accept",
# "Page") rarely fit it, which keeps English interface labels from passing for a writer's name.
_ONSETS, _CODAS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr"), ("ch", "ng", "nh")
_TWO_NAMES = re.compile(rf"^({_NAME})\s*[-–,]\s*({_NAME})$")


def _letter_forms() -> dict[str, str]:
    """Each Latin letter with every accented form that reduces to it (đ to d), in either case."""
    forms = {c: c + c.upper() for c in "abcdefghijklmnopqrstuvwxyz"}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        plain = unicodedata.normalize("NFD", "d" if char in "đĐ" else char)
        base = "".join(c for c in plain if not unicodedata.combining(c)).lower()
        if base in forms:
            forms[base] += char
    return forms


def _syllable_pattern() -> str:
    forms = _letter_forms()

    def any_of(letters: str) -> str:
        return "[" + "".join(forms[c] for c in letters) + "]"

    def word(letters: str) -> str:
        return "".join(any_of(c) for c in letters)

    onset = "|".join([*map(word, _ONSETS), any_of("bcdghklmnpqrstvx")])
    coda = "|".join([*map(word, _CODAS), any_of("cmnpt")])
    return rf"(?:{onset})?{any_of('aeiouy')}{{1,3}}(?:{coda})?"


_SYLLABLE = _syllable_pattern()
# A name whose every part, between spaces or hyphens, is a Vietnamese syllable.
_SYLLABLES = re.compile(rf"[\s-]*(?:{_SYLLABLE}(?:[\s-]+{_SYLLABLE})*)?[\s-]*")


def _initials(name: str) -> bool:
    """Initials, with a Vietnamese given name after them if any ("N.T.Hà"; not "N. Ireland")."""
    if not _INITIALS.match(name):
        return False
    last = name.rstrip(".").rsplit(".", 1)[-1].strip()
    return len(last) == 1 or _vietnamese_name(last)


def _vietnamese_name(name: str) -> bool:
    return _SYLLABLES.fullmatch(name) is not None


def _is_caps_name(line: str) -> bool:
    return line.isupper() and bool(_CAPS_NAME_LINE.fullmatch(line)) and len(line.split()) <= 4


_CAPS_NAME_LINE = re.compile(_CAPS_NAME)


_SIGNED_STAMP_MAX = 120  # a writer's name, "|" and the longest stamp layouts


def parse_signed_stamp(line: str) -> tuple[Byline, stamps.Stamp] | None:
    """A byline and a time stamp printed on one line, set apart by "|" in either order:
    "Ngọc Anh | Thứ hai, 02/12/2024 10:15 (GMT+7)" → (Byline("Ngọc Anh", None), Stamp(...))."""
    if len(line) > _SIGNED_STAMP_MAX or "|" not in line:
        return None
    parts = [part.strip() for part in line.split("|")]
    if not any(part[:1].isupper() for part in parts):
        return None  # no part starts as a name does ("18:19 | 14/08/2021 GMT+7")
    for k in range(1, len(parts)):  # the stamp itself may hold a "|" ("18:19 | 14/08/2021")
        first, rest = " | ".join(parts[:k]), " | ".join(parts[k:])
        for name, when in ((first, rest), (rest, first)):
            if (stamp := stamps.parse_stamp(when)) is not None and (byline := parse_byline(name)) is not None:
                return byline, stamp
    return None




_CREDIT = re.compile(
    r"(?:\(\s*(?P<label1>nguồn|ảnh|photo|đồ họa|đồ hoạ|video|clip|ảnh minh họa|ảnh minh hoạ)\s*:"
    r"\s*(?P<credit1>[^()]{1,60})\)"
    r"|(?<!\w)(?P<label2>nguồn|ảnh minh họa|ảnh minh hoạ|ảnh|photo)\s*:"  # not "cảnh:"
    r"\s*(?P<credit2>(?:[^.()]|\.(?=\s*[\w]))[^()]{0,39}?))\s*\.?\s*$",
    re.IGNORECASE,
)
_CREDIT_TAIL = 120  # "(" + the longest label + ":" + a 60-character credit + ")" + "." and white space
_ILLUSTRATIVE = re.compile(r"\(?\s*ảnh\s+minh\s+h[oọ][aạ]\s*\)?\.?\s*$", re.IGNORECASE)


_CREDITS_FILE = resources.files("vnnews.extract").joinpath("data/credits_in_capitals.txt")
_CREDITS_IN_CAPITALS = frozenset(
    entry for entry in _CREDITS_FILE.read_text("utf-8").splitlines() if entry and not entry.startswith("#")
)
_CAPITALS_CREDIT_WORDS = 4  # "BS ĐÀO XUÂN DŨNG"
_CAPTION_WORDS = 6  # a caption says what the picture shows: a credit in capitals closes a line of this many words
_CAPTION_MAX_WORDS = 60  # and in a few sentences: a longer line is a paragraph


def capitals_credit(line: str) -> tuple[str, str] | None:
    """A caption closing with its credit in capitals and no label: "... tại Brussels hôm 1.12 REUTERS" →
    (text, "REUTERS"). The credit is a listed agency or stock credit, or a photographer's name: two to four
    Vietnamese syllables, one at least uncommon enough to be a name ("NGỌC THẮNG", not "VIỆT NAM")."""
    words = line.split()
    if len(words) > _CAPTION_MAX_WORDS:
        return None
    first = len(words)
    while first > 0 and len(words) - first < _CAPITALS_CREDIT_WORDS and words[first - 1].isupper():
        first -= 1
    if first < _CAPTION_WORDS or words[first - 1].isupper() or words[first - 1].lower() == "theo":
        return None
    for start in range(first, len(words)):
        credit = " ".join(words[start:])
        if credit in _CREDITS_IN_CAPITALS or (len(words) - start >= 2 and _photographer(credit)):
            return " ".join(words[:start]), credit
    return None


def person_in_capitals(name: str) -> bool:
    """Whether a name printed in capitals has a syllable uncommon enough to name a person ("TRẦN ĐỨC KHANG"), as
    a label in capitals ("TRỰC TIẾP", "BÌNH LUẬN") has not."""
    return _photographer(name)


def _photographer(name: str) -> bool:
    return _vietnamese_name(name) and not all(cohesion.common(syllable) for syllable in name.lower().split())


def parse_caption(line: str) -> tuple[str, str | None] | None:
    """A photo caption ends with its credit: "... ngày 19/10. (Nguồn: Reuters)" → (text, "Reuters")."""
    if len(line) > 600 or not credit_hint(line) or _BYLINE_LABEL.match(line):
        return None  # "Bài và ảnh: Quế Chi" is the writer's line
    # A credit holds no parentheses and ends the line: it starts at the line's last "(" or after it, within the
    # last _CREDIT_TAIL characters.
    match = _CREDIT.search(line, max(len(line) - _CREDIT_TAIL, line.rfind("("), 0))
    if match:
        credit = (match.group("credit1") or match.group("credit2")).strip().rstrip(".")
        text = line[: match.start()].strip().rstrip("-–—|").strip()
        label = (match.group("label1") or match.group("label2")).lower()
        writer = label == "nguồn" and text[-1:] != "." and (_BARE_NAME.match(text) or _is_caps_name(text))
        if not text or writer:
            return None  # "MINH HÒA (Nguồn: Reuters)": the writer and the source of the article
        return text, credit
    match = _ILLUSTRATIVE.search(line)
    if match and match.start() > 0:
        return line[: match.start()].strip(), None
    return capitals_credit(line) if line[-1:].isupper() else None

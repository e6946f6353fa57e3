"""Parsers for the metadata lines of a Vietnamese news page: bylines, time stamps, breadcrumbs, datelines,
photo credits. Each takes one line and answers None when the line is not of its kind."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words that end a photo caption's credit ("(Nguồn: Reuters)", "Ảnh: TTXVN"): a cheap test before the full pattern.
# What every photo credit the caption patterns read carries: a label and its colon, or "ảnh minh họa". A cheap test
# before the full patterns, and one that the everyday word "ảnh hưởng" (influence) does not pass.
_LABEL_COLON = re.compile(r"(?:guồn|GUỒN|ảnh|Ảnh|ẢNH|hoto|HOTO|ồ họa|ồ hoạ|Ồ HỌA|ideo|IDEO|lip|LIP)\s*:")
_ILLUSTRATION = re.compile(r"[Mm][Ii][Nn][Hh]\s+[Hh][OoỌọ][AaẠạ]")


def credit_hint(line: str) -> bool:
    """Whether the end of a line may hold a photo credit (plain substring tests first: this runs on every line).

    A credit after a label and its colon ends within the last 80 characters; without a colon, only "ảnh minh họa"
    closing the line is a credit, and it sits in the last few."""
    tail = line[-80:]
    if ":" in tail:
        if _LABEL_COLON.search(tail):
            return True
    else:
        tail = line[-_ILLUSTRATION_TAIL:]
    return ("nh h" in tail or "NH H" in tail or "nh H" in tail) and _ILLUSTRATION.search(tail) is not None


_ILLUSTRATION_TAIL = 20  # "(ảnh minh họa)." and some white space

_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
UPPER = _UPPER  # the capitals of Vietnamese text, for character classes
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
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
_CREDIT_PAREN = re.compile(
    rf"^(?P<name>{_WRITERS}|{_CAPS_NAME}|{_INITIALS_NAME})\s*\((?P<inner>[^()]{{1,60}})\)\s*\.?$"
)
_BARE_NAME = re.compile(rf"^(?:{_NAME}|{_CAPS_NAME})$")
# "Theo Reuters", "Theo báo Nhân Dân", "Nguồn: TTXVN": an agency credit line (never "Theo ông X, ..." prose).
_THEO = re.compile(
    rf"^(?:[Tt]heo\s+|[Nn]guồn\s*:\s*)(?P<agency>(?:(?:báo|tờ|hãng|hãng tin|đài|trang|tạp chí|kênh)\s+)?"
    rf"[{_UPPER}0-9][^,]{{0,60}}?)\s*\.?$"
)
_PAREN_ONLY = re.compile(r"^\((?P<inner>[^()]{2,40})\)\.?$")
_OUTLET = re.compile(
    rf"^(?P<name>{_NAME})\s*/\s*(?P<outlet>[^\s/()][^/()]{{1,40}}?)\s*(?:\((?P<inner>[^()]{{1,60}})\))?\.?$"
)


_BYLINE_LABEL = re.compile(r"^(?:tác giả|bài và ảnh|bài, ảnh|bài|phóng viên|nhóm phóng viên)\s*:\s*", re.IGNORECASE)
_CREDIT_ONLY = re.compile(
    r"^\(?\s*(?:ảnh|nguồn ảnh|photo|đồ họa|đồ hoạ|video|clip)\s*:\s*(?P<credit>[^()]{1,60}?)\s*\)?\.?$|"
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


_THEO_STARTS = frozenset("TtNn")
# Writers signing with initials ("H.Y", "Đ. Đ"), as a team of the paper ("Nhóm PV", "CTV"), or with an academic or
# professional title before their name ("GS.TS Phạm Tất Dong", "ThS. Lê Hoa"), as Vietnamese papers print them.
_INITIALS = re.compile(rf"^{_INITIALS_NAME}$")
_TEAM = re.compile(r"^(?:nhóm\s+)?(?:pv|phóng viên|ctv|cộng tác viên|pv\s*-\s*ctv)$", re.IGNORECASE)
_TITLED_NAME = re.compile(rf"^(?:GS|PGS|TS|ThS|BS|LS|KTS|NSND|NSƯT|NB)(?:\.(?:GS|TS|BS))?\.?\s+(?P<name>{_NAME})$")


def parse_byline(line: str, *, bare_ok: bool = True) -> Byline | None:
    """A byline: "Thế Việt (theo AP)", "Hà Linh (TH)", "Hoàng Anh/VOV.VN", "Theo Reuters", or a bare name."""
    line = line.strip()
    if ":" in line:  # every label ends with a colon
        line = _BYLINE_LABEL.sub("", line)
    if len(line) > 90:
        return None
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
    if match and _vietnamese_name(match.group("name")):
        agency = _agency_from(match.group("inner"))[1] if match.group("inner") else None
        return Byline(match.group("name").strip(), agency or match.group("outlet").strip())
    match = _PAREN_ONLY.match(line) if first == "(" else None
    if match:
        is_credit, agency = _agency_from(match.group("inner").split("/")[0])
        return Byline(None, agency) if is_credit and agency else None
    match = _THEO.match(line) if first in _THEO_STARTS else None
    if match and len(match.group("agency").split()) <= 5 and not match.group("agency").endswith(","):
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


# Time stamps: "18:19 | 14/08/2021 GMT+7", "Thứ hai, 14/8/2021, 18:19 (GMT+7)", "2021-08-14T18:19:00+07:00".
_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d{2})(?!\d)")
_DATE_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_TIME = re.compile(r"(?<![\d/])(\d{1,2})\s*[:hH]\s*(\d{2})(?::(\d{2}))?(?!\d)")
# "GMT+7", or an offset right after the time it qualifies ("18:19:00+07:00"): "2024-10:15" is a date and a time.
_ZONE = re.compile(r"(?:GMT|UTC)\s*([+\-]\s*\d{1,2})(?::?(\d{2}))?|(?:(?<=:\d\d)|(?<=:\d\d ))([+\-]\d{2}):?(\d{2})$")
_STAMP_WORDS = re.compile(
    r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cập\s+nhật|đăng|ngày|lúc|giờ|sáng|chiều|tối|"
    r"thời\s+gian|xuất\s+bản|"
    r"am|pm|sa|ch|gmt|utc|ict|published|updated|t[2-7]|cn)\b",
    re.IGNORECASE,
)


_WORD = re.compile(r"\w+")


@dataclass
class Stamp:
    value: str
    precision: str


def may_be_stamp(line: str) -> bool:
    """A short line holding what may be a year: the test parse_stamp starts with, cheap enough for every line."""
    return len(line) <= 80 and ("19" in line or "20" in line)


# The stamps most sites print, read in one match: "Cập nhật: 05:18 04/02/2020", "Thứ năm, 14/3/2024 - 10:15",
# "18:19 | 14/08/2021 GMT+7". Every line it matches gets from it what the general reading below gives.
_SEP = r"(?:\s*[|,\-]\s*|\s+)"
_COMMON_STAMP = re.compile(
    r"(?:(?:Cập nhật|Thứ (?:hai|ba|tư|năm|sáu|bảy)|Chủ nhật)\s*[:,]?\s*)?"
    rf"(?:(?P<h1>\d{{1,2}}):(?P<m1>\d{{2}}){_SEP})?"
    r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d{2})"
    rf"(?:{_SEP}(?P<h2>\d{{1,2}}):(?P<m2>\d{{2}}))?"
    r"(?:\s*\(?(?:GMT|UTC)\s*\+\s*7\)?)?"
)


def parse_stamp(line: str) -> Stamp | None:
    """A line that is a publication time stamp and little else."""
    if not may_be_stamp(line) or not ("/" in line or "-" in line or "." in line):  # no year, or no date shape
        return None
    common = _COMMON_STAMP.fullmatch(line)
    if common is None:
        return _read_stamp(line)
    day, month, year, h1, m1, h2, m2 = common.group("day", "month", "year", "h1", "m1", "h2", "m2")
    day, month, year, hour, minute = int(day), int(month), int(year), h1 or h2, m1 or m2
    # These layouts print a 24-hour clock in Vietnam's time (GMT+7 stated or not): nothing more to look for.
    return _stamp(year, month, day, int(hour) if hour else None, int(minute) if minute else None, None)


def _read_stamp(line: str) -> Stamp | None:
    """The general reading: one date, any times, zones and stamp words around it, and at most one other word."""
    dmy = _DATE_DMY.search(line)
    iso = None if dmy else _DATE_ISO.search(line)
    if not (iso or dmy):
        return None
    rest = _ZONE.sub(" ", _TIME.sub(" ", (_DATE_ISO if iso else _DATE_DMY).sub(" ", line)))
    # Taking the stamp words out removes whole words: only a rest of two words or more needs it.
    if len(_WORD.findall(rest)) > 1 and len(_WORD.findall(_STAMP_WORDS.sub(" ", rest))) > 1:
        return None
    if iso:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        hour, minute = (int(iso.group(4)), int(iso.group(5))) if iso.group(4) else (None, None)
    else:
        day, month, year = int(dmy.group(1)), int(dmy.group(2)), int(dmy.group(3))
        time = _TIME.search(line[: dmy.start()] + " " + line[dmy.end():])
        hour, minute = (int(time.group(1)), int(time.group(2))) if time else (None, None)
    return _stamp(year, month, day, hour, minute, line)


def _stamp(year: int, month: int, day: int, hour: int | None, minute: int | None, line: str | None) -> Stamp | None:
    """The stamp of a date and time read off `line`, whose words tell the half of the day and the zone; None for
    `line` when they are known to be the 24-hour clock and GMT+7."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if hour is None or minute is None or not (0 <= hour <= 23 and 0 <= minute <= 59):
        return Stamp(f"{year:04d}-{month:02d}-{day:02d}", "day")
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if line is None:
        return Stamp(f"{date}T{hour:02d}:{minute:02d}:00+07:00", "minute")
    if hour < 12 and _AFTERNOON.search(line):
        hour += 12
    elif hour == 12 and _MORNING.search(line):
        hour = 0
    return Stamp(f"{date}T{hour:02d}:{minute:02d}:00{_offset(line)}", "minute")


# A 12-hour clock's half of the day: "PM", and Vietnamese "CH" (chiều), "chiều", "tối"; "AM", "SA" (sáng), "sáng".
_AFTERNOON = re.compile(r"\b(?:pm|p\.m\.|ch|chiều|tối)(?!\w)", re.IGNORECASE)
_MORNING = re.compile(r"\b(?:am|a\.m\.|sa|sáng)(?!\w)", re.IGNORECASE)


def _offset(line: str) -> str:
    """The stated zone; Vietnamese news sites print local time (UTC+7) when they state none."""
    zone = _ZONE.search(line)
    if not zone:
        return "+07:00"
    hours = (zone.group(1) or zone.group(3)).replace(" ", "")
    minutes = zone.group(2) or zone.group(4) or "00"
    sign = "-" if hours.startswith("-") else "+"
    return f"{sign}{abs(int(hours)):02d}:{minutes}"


_CAPITALISED_ITEM = re.compile(rf"[{_UPPER}0-9][^\s]*(?:\s+[{_LOWER}][^\s]*)*")
_BREADCRUMB_SEP = re.compile(r"\s*(?:>|»|›|/|\|)\s*")
_HOME = re.compile(r"^(?:trang chủ|home|trang nhất)\b\s*[>»›/|]?\s*", re.IGNORECASE)


def parse_breadcrumb(line: str) -> list[str] | None:
    """ "Trang chủ Quốc tế Nhịp sống" or "Thế giới > Châu Âu" → ["Quốc tế", "Nhịp sống"]."""
    home = _HOME.match(line) if line[:1] in "TtHh" else None
    if not home and not ("> " in line or "» " in line or "› " in line):
        return None
    rest = line[home.end():] if home else line
    parts = [p for p in _BREADCRUMB_SEP.split(rest) if p]
    if len(parts) == 1:
        # Printed without separators: every item starts with a capital ("Quốc tế Nhịp sống").
        parts = _CAPITALISED_ITEM.findall(rest)
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


_CREDIT = re.compile(
    r"(?:\(\s*(?P<label1>nguồn|ảnh|photo|đồ họa|đồ hoạ|video|clip|ảnh minh họa|ảnh minh hoạ)\s*:"
    r"\s*(?P<credit1>[^()]{1,60})\)"
    r"|(?P<label2>nguồn|ảnh|photo)\s*:\s*(?P<credit2>(?:[^.()]|\.(?=\s*[\w]))[^()]{0,39}?))\s*\.?\s*$",
    re.IGNORECASE,
)
_CREDIT_TAIL = 120  # "(" + the longest label + ":" + a 60-character credit + ")" + "." and white space
_ILLUSTRATIVE = re.compile(r"\(?\s*ảnh\s+minh\s+h[oọ][aạ]\s*\)?\.?\s*$", re.IGNORECASE)


def parse_caption(line: str) -> tuple[str, str | None] | None:
    """A photo caption ends with its credit: "... ngày 19/10. (Nguồn: Reuters)" → (text, "Reuters")."""
    if len(line) > 600 or not credit_hint(line):
        return None
    # A credit holds no parentheses and ends the line: it starts at the line's last "(" or after it, within the
    # last _CREDIT_TAIL characters.
    match = _CREDIT.search(line, max(len(line) - _CREDIT_TAIL, line.rfind("("), 0))
    if match:
        credit = (match.group("credit1") or match.group("credit2")).strip().rstrip(".")
        text = line[: match.start()].strip().rstrip("-–—|").strip()
        return (text, credit) if text else None
    match = _ILLUSTRATIVE.search(line)
    if match and match.start() > 0:
        return line[: match.start()].strip(), None
    return None


_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:vn|com|net|org|info))\b", re.IGNORECASE)


def find_domain(line: str) -> str | None:
    match = _DOMAIN.search(line)
    return match.group(1).lower() if match else None

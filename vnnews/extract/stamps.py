"""Publication time stamps as Vietnamese news pages print them: "18:19 | 14/08/2021 GMT+7",
"Thứ hai, 14/8/2021, 18:19 (GMT+7)", "Cập nhật: 05:18 04/02/2020", "2021-08-14T18:19:00+07:00"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d{2})(?!\d)")
# The date spelled out, as some papers print it: "ngày 2 tháng 12 năm 2024", "2 tháng 12, 2024".
_DATE_WORDS = re.compile(
    r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+|\s*/\s*)((?:19|20)\d{2})(?!\d)", re.IGNORECASE
)
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
    if not may_be_stamp(line) or not ("/" in line or "-" in line or "." in line or "háng" in line or "HÁNG" in line):
        return None  # no year, or no date shape
    common = _COMMON_STAMP.fullmatch(line)
    if common is None:
        return _read_stamp(line) or (_stamp_beside_label(line) if "|" in line else None)
    day, month, year, h1, m1, h2, m2 = common.group("day", "month", "year", "h1", "m1", "h2", "m2")
    day, month, year, hour, minute = int(day), int(month), int(year), h1 or h2, m1 or m2
    # These layouts print a 24-hour clock in Vietnam's time (GMT+7 stated or not): nothing more to look for.
    return _stamp(year, month, day, int(hour) if hour else None, int(minute) if minute else None, None)


_LABEL_WORDS = 5


def _stamp_beside_label(line: str) -> Stamp | None:
    """A stamp set apart by "|" from a short label, the section or the site ("19-06-2025 - 06:12 AM | Tài chính
    quốc tế")."""
    read = [(part, parse_stamp(part)) for part in map(str.strip, line.split("|"))]
    found = [stamp for _, stamp in read if stamp is not None]
    labels = [part for part, stamp in read if stamp is None]
    if len(found) == 1 and all(len(label.split()) <= _LABEL_WORDS and (
        not any(map(str.isdigit, label)) or _COUNTER.fullmatch(label)
    ) for label in labels):
        return found[0]
    return None


_COUNTER = re.compile(r"[^\d:]+:\s*[\d.,]+")  # "Lượt xem: 1245"


def _read_stamp(line: str) -> Stamp | None:
    """The general reading: one date, any times, zones and stamp words around it, and at most one other word."""
    dmy = _DATE_DMY.search(line) or _DATE_WORDS.search(line)
    date = dmy or _DATE_ISO.search(line)
    if date is None:
        return None
    rest = _ZONE.sub(" ", _TIME.sub(" ", date.re.sub(" ", line)))
    # Taking the stamp words out removes whole words: only a rest of two words or more needs it.
    if len(_WORD.findall(rest)) > 1 and len(_WORD.findall(_STAMP_WORDS.sub(" ", rest))) > 1:
        return None
    if dmy is None:
        year, month, day = int(date.group(1)), int(date.group(2)), int(date.group(3))
        hour, minute = (int(date.group(4)), int(date.group(5))) if date.group(4) else (None, None)
        second = int(date.group(6)) if date.group(6) else 0
    else:
        day, month, year = int(dmy.group(1)), int(dmy.group(2)), int(dmy.group(3))
        time = _TIME.search(line[: dmy.start()] + " " + line[dmy.end():])
        hour, minute = (int(time.group(1)), int(time.group(2))) if time else (None, None)
        second = int(time.group(3)) if time and time.group(3) else 0
    return _stamp(year, month, day, hour, minute, line, second)


def _stamp(
    year: int, month: int, day: int, hour: int | None, minute: int | None, line: str | None, second: int = 0
) -> Stamp | None:
    """The stamp of a date and time read off `line`, whose words tell the half of the day and the zone; None for
    `line` when they are known to be the 24-hour clock and GMT+7. Seconds are kept when the page prints them."""
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
    if not 0 <= second <= 59:
        second = 0
    precision = "second" if second else "minute"
    return Stamp(f"{date}T{hour:02d}:{minute:02d}:{second:02d}{_offset(line)}", precision)


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

"""Date expressions of Vietnamese news put on the calendar, against the publication date.

Values are ISO: "2024-10-19" (day), "2024-W47" (ISO week, for "tuần qua"), "2024-10" (month), "2024" (year).
A value is only given when the text and the reference support it: a day-month without a year takes its year
from the reference, a relative word ("hôm qua") needs a reference at least as fine as itself ("hôm nay" with a
month-only reference gives that month; "hôm qua" gives nothing), and without any reference only dates that
write their year get a value. A range "ngày 27-28/11" is given as its first day, "năm 2023-2024" as its first
year. A mention's text keeps the words that say it is a day ("ngày 19/10", "hôm 20/6", "tối chủ nhật 21-4",
"ngày hôm nay 29-11"); finding the expressions is dates_scan's part, the words and shapes are data
(data/dates_vi.yaml, data/dates_patterns.yaml).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from vnnews.language.dates_scan import Found, date_words, find_expressions, relative_words
from vnnews.language.normalise import nfc_with_offsets
from vnnews.model import Article, DateMention

# A day-month within this many days after the reference (or ~10 months before it) keeps the reference's year;
# news reports what happened and announces what is weeks away, rarely further.
_DAYS_AHEAD = 62
_DAYS_BEHIND = 303
_MONTHS_AHEAD = 2
_MONTHS_BEHIND = 10


@dataclass(frozen=True)
class Reference:
    """The date things are resolved against, with the precision it is known at (day, month or year)."""

    date: dt.date
    precision: str

    @property
    def first(self) -> dt.date:
        return {"year": self.date.replace(month=1, day=1), "month": self.date.replace(day=1)}.get(
            self.precision, self.date
        )

    @property
    def last(self) -> dt.date:
        month_end = self.date.replace(day=calendar.monthrange(self.date.year, self.date.month)[1])
        return {"year": self.date.replace(month=12, day=31), "month": month_end}.get(self.precision, self.date)


def parse_reference(ref: str | None, ref_precision: str | None = None) -> Reference | None:
    """A publication date ("2024-10-19", "2024-10", "2024", "2021-08-14T18:19:00+07:00") as a Reference."""
    match = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", ref or "")
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    found = "day" if day else "month" if month else "year"
    precision = ref_precision if ref_precision in {"day", "month", "year"} else found
    order = ["year", "month", "day"]
    precision = order[min(order.index(precision), order.index(found))]
    try:
        return Reference(dt.date(int(year), int(month or 1), int(day or 1)), precision)
    except ValueError:
        return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_day(day: int, month: int, ref: Reference) -> dt.date | None:
    if ref.precision == "year":
        return _day(ref.date.year, month, day)
    year = ref.date.year
    candidate = _day(year, month, day) or _day(year - 1, month, day) or _day(year + 1, month, day)
    if candidate is None:
        return None
    if candidate > ref.last + dt.timedelta(days=_DAYS_AHEAD):
        year -= 1
    elif candidate < ref.first - dt.timedelta(days=_DAYS_BEHIND):
        year += 1
    return _day(year, month, day)


def _month_year(month: int, ref: Reference, match: re.Match[str]) -> int:
    """The year of a bare month: the coming one after "tới", the past one after "vừa qua", else the nearest."""
    year = ref.date.year
    if ref.precision == "year":
        return year
    if match["ahead"]:
        return year + (month <= ref.date.month)
    if match["behind"]:
        return year - (month > ref.date.month)
    distance = month - ref.date.month
    return year - (distance > _MONTHS_AHEAD) + (distance < -_MONTHS_BEHIND)


def _shift_months(date: dt.date, months: int) -> str:
    index = date.year * 12 + date.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _shift(precision: str, offset: int, ref: Reference | None) -> tuple[str | None, str]:
    """The reference moved by ``offset`` (days for day and week, else months or years), at ``precision``.

    A reference coarser than the precision gives its own month or year for offset 0, else nothing.
    """
    if ref is None:
        return None, precision
    if precision == "year":
        return str(ref.date.year + offset), precision
    if precision == "month" and ref.precision != "year":
        return _shift_months(ref.date, offset), precision
    if ref.precision == "day":
        shifted = ref.date + dt.timedelta(days=offset)
        week = shifted.isocalendar()
        return (shifted.isoformat() if precision == "day" else f"{week.year}-W{week.week:02d}"), precision
    coarse = ref.date.isoformat()[:7] if ref.precision == "month" else str(ref.date.year)
    return (coarse, ref.precision) if offset == 0 else (None, precision)


def _ago(match: re.Match[str], ref: Reference | None) -> tuple[str | None, str]:
    """ "hai tuần trước", "3 năm trước": the reference moved back by the count."""
    count = match["n"].lower()
    count = int(count) if count.isdigit() else date_words()["numbers"][count]
    precision, factor = {"ngày": ("day", 1), "tuần": ("week", 7), "tháng": ("month", 1), "năm": ("year", 1)}[
        match["unit"].lower()
    ]
    return _shift(precision, -count * factor, ref)


def _weekday(match: re.Match[str], ref: Reference | None) -> str | None:
    if ref is None or ref.precision != "day":
        return None
    target = 7 if match["cn"] else date_words()["weekdays"][match["wd"]]
    when = " ".join((match["when"] or "").split())
    if when.startswith("tuần"):
        weeks = {"này": 0, "trước": -1, "qua": -1, "tới": 1, "sau": 1}[when.split()[-1]]
        monday = ref.date - dt.timedelta(days=ref.date.isoweekday() - 1) + dt.timedelta(weeks=weeks)
        return (monday + dt.timedelta(days=target - 1)).isoformat()
    if when == "tới":
        return (ref.date + dt.timedelta(days=(target - ref.date.isoweekday() - 1) % 7 + 1)).isoformat()
    return (ref.date - dt.timedelta(days=(ref.date.isoweekday() - target) % 7)).isoformat()


def _resolve(found: Found, ref: Reference | None, previous: str | None) -> tuple[str | None, str | None]:
    match, kind = found.match, found.kind
    if kind in {"iso", "dmy"} or (kind == "dm_words" and match["y"]):
        value = _day(int(match["y"]), int(match["m"]), int(match["d"]))
        return (value.isoformat() if value else None), "day"
    if kind in {"dm", "dm_words", "day_list"}:
        value = _nearest_day(int(match["d"]), int(match["m"]), ref) if ref else None
        return (value.isoformat() if value else None), "day"
    if kind == "month_year":
        return f"{match['y']}-{int(match['m']):02d}", "month"
    if kind == "month":
        month = int(match["m"]) if match["m"] else date_words()["month_words"][match["mw"]]
        if not 1 <= month <= 12:
            return None, "month"
        if match["y"]:
            year: int | None = int(match["y"])
        elif match["rel"]:
            year = ref.date.year + date_words()["relative_years"][match["rel"]] if ref else None
        else:
            year = _month_year(month, ref, match) if ref else None
        return (f"{year:04d}-{month:02d}" if year else None), "month"
    if kind in {"year", "bare_year"}:
        return match["y"], "year"
    if kind == "relative":
        return _shift(*relative_words()[" ".join(match["rel"].lower().split())], ref)
    if kind == "ago":
        return _ago(match, ref)
    if kind == "weekday":
        return _weekday(match, ref), "day"
    return previous, "day"  # same_day: the date last mentioned


_EXPLICIT = {"iso", "dmy", "dm", "dm_words", "day_list"}


def resolve_dates(
    text: str, field: str, ref: str | None, ref_precision: str | None, *, previous: str | None = None
) -> list[DateMention]:
    """Every date expression in ``text`` with its ISO value and precision; offsets index ``text``.

    ``ref`` is the publication date (any ISO prefix), ``ref_precision`` how much of it is known;
    ``previous`` is the day-precision value of the date mentioned last before this text, for "cùng ngày".
    A relative word right before an explicit date ("ngày hôm nay 29-11") makes one mention with it.
    """
    reference = parse_reference(ref, ref_precision)
    composed, origins = nfc_with_offsets(text)
    found = find_expressions(composed)
    mentions: list[DateMention] = []
    index = 0
    while index < len(found):
        item = following = found[index]
        index += 1
        if index < len(found) and item.kind == "relative" and found[index].kind in _EXPLICIT:
            if not composed[item.end : found[index].start].strip():
                following = found[index]
                index += 1
        value, precision = _resolve(following, reference, previous)
        if precision == "day" and value is not None:
            previous = value
        start, end = item.start, following.end
        start, end = (origins[start], origins[end]) if origins else (start, end)
        mentions.append(DateMention(text[start:end], value, precision, field, start, end))
    return mentions


def latest_full_date(texts: Iterable[str]) -> str | None:
    """The latest date written with day, month and year in any of ``texts``: the fallback reference.

    None when the texts also write a later year: the article is then later than its latest full date
    (an old photo's date, say), and that date cannot stand for its publication.
    """
    mentions = [m for text in texts for m in resolve_dates(text, "", None, None) if m.value]
    latest = max((m.value for m in mentions if m.precision == "day"), default=None)
    if latest is None or any(m.value[:4] > latest[:4] for m in mentions):
        return None
    return latest


def article_fields(article: Article) -> list[tuple[str, str]]:
    """(field, text) in reading order; body paragraphs and captions each joined with "\\n"."""
    fields = [("title", article.title), ("lead", article.lead or ""), ("body", "\n".join(article.body))]
    fields.append(("caption", "\n".join(c.text for c in article.captions)))
    return [(name, text) for name, text in fields if text]


def _fields_dates(fields: list[tuple[str, str]], ref: str | None, precision: str | None) -> list[DateMention]:
    mentions: list[DateMention] = []
    previous: str | None = None
    for name, text in fields:
        found = resolve_dates(text, name, ref, precision, previous=previous)
        previous = next((m.value for m in reversed(found) if m.precision == "day" and m.value), previous)
        mentions.extend(found)
    return mentions


def article_dates(article: Article) -> list[DateMention]:
    """The dates of a whole article, against its publication date or else its latest full date.

    A publication date known only to the month is narrowed to the latest written day inside that month
    ("Ngày 23/11, ..." in an article of 2024-11), so that "tuần qua" and "hôm qua" can be placed.
    """
    fields = article_fields(article)
    ref, precision = article.published, article.published_precision
    if not ref:
        ref, precision = latest_full_date(text for _, text in fields), "day"
    mentions = _fields_dates(fields, ref, precision)
    reference = parse_reference(ref, precision)
    if reference is None or reference.precision == "day":
        return mentions
    period = (reference.first.isoformat(), reference.last.isoformat())
    written = [
        m.value
        for m in mentions
        if m.precision == "day" and m.value and period[0] <= m.value <= period[1] and any(c.isdigit() for c in m.text)
    ]
    return _fields_dates(fields, max(written), "day") if written else mentions

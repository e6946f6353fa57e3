"""Calendar periods for published dates that are only as precise as the page: a year, a month or a day.

A page dated "2024-10" was published some day in October 2024, so it matches any search range that overlaps that
month; storing each date as its first and last possible day makes that an interval-overlap test in SQL.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from vnnews.model import InputError

_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})$")


def period(value: str | None) -> tuple[str, str] | None:
    """(first day, last day) as YYYY-MM-DD of an ISO date, ISO week (2021-W32) or timestamp's calendar date; None
    when it is no date."""
    week = _WEEK.match(value or "")
    if week:
        try:
            monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError:
            return None
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    match = _PERIOD.match(value or "")
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        last = calendar.monthrange(year, month)[1]
        if day is None:
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        if not 1 <= day <= last:
            return None
    except calendar.IllegalMonthError:
        return None
    return (f"{year:04d}-{month:02d}-{day:02d}",) * 2


def bound(value: str | None, name: str) -> tuple[str, str] | None:
    """A --since/--until value (YYYY, YYYY-MM or YYYY-MM-DD) as a period; InputError names what is wrong."""
    if value is None:
        return None
    found = period(value) if _PERIOD.fullmatch(value) else None
    if found is None:
        raise InputError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return found

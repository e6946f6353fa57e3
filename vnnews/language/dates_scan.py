"""Finding date expressions in Vietnamese text: where they are and which shape they have, not yet their dates.

The shapes are regular expressions in data/dates_patterns.yaml over the words of data/dates_vi.yaml. Each is
tried only where an expression can start (a head word or a number followed by a date separator), then the
matches that are fractions, codes, counts, durations or names are dropped and the longest leftmost kept.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


def _data(name: str) -> str:
    return resources.files("vnnews.language").joinpath(f"data/{name}").read_text("utf-8")


@cache
def date_words() -> dict:
    return yaml.safe_load(_data("dates_vi.yaml"))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The expression shapes of data/dates_patterns.yaml with their <<placeholders>> filled in."""
    words = date_words()
    rules = yaml.safe_load(_data("dates_patterns.yaml"))
    pieces = {
        "weekdays": _alternation(words["weekdays"]),
        "day_names": _alternation(k for k in words["weekdays"] if not k.isdigit()),
        "sunday": _alternation(words["sunday"]),
        "months": _alternation(words["month_words"]),
        "relative": _alternation(relative_words()),
        "relative_years": _alternation(words["relative_years"]),
        "numbers": _alternation(words["numbers"]),
    }

    def expand(pattern: str) -> str:
        return re.sub(r"<<(\w+)>>", lambda m: pieces[m.group(1)], pattern)

    for name, fragment in rules["fragments"].items():
        pieces[name] = expand(fragment)
    return {kind: re.compile(expand(pattern)) for kind, pattern in rules["patterns"].items()}


@dataclass
class Found:
    start: int
    end: int
    kind: str
    match: re.Match[str]


@cache
def _ending_with(choices: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(choices)})\s*$", re.IGNORECASE)


@cache
def _starting_with(choices: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_alternation(choices)})(?!\w)", re.IGNORECASE)


def _word_before(text: str, position: int, choices: Iterable[str]) -> bool:
    return bool(_ending_with(tuple(choices)).search(text, max(0, position - 24), position))


def _word_after(text: str, position: int, choices: Iterable[str]) -> bool:
    return bool(_starting_with(tuple(choices)).match(text, position))


def _plausible_day_month(text: str, found: Found) -> bool:
    """Whether a bare "d/m" is a date rather than a fraction, ratio, score, count or code."""
    match, words = found.match, date_words()
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= month <= 12 and 1 <= day <= 31) or day > calendar.monthrange(2024, month)[1]:
        return False
    if _word_before(text, found.start, words["not_date_before"]):
        return False
    if _word_after(text, found.end, words["not_date_after"]):
        return False
    if match["ngay"] or match["weekday"] or match["part"]:
        return True
    if _word_before(text, found.start, [*words["day_cues"], *words["relative_days"]]):
        return True
    if match["sep"] != "/":
        return False
    if _LISTED_DAY_BEFORE.search(text, max(0, found.start - 12), found.start):
        return True
    if _word_before(text, found.start, words["range_cues"]) or text[max(0, found.start - 1) : found.start] == "(":
        return True
    return not (day < month <= 10 or (day, month) == (24, 7))


def _plausible_bare_year(text: str, found: Found) -> bool:
    """Whether "2015" is a year: after a time word ("hồi 2015") or closing a phrase ("thoả thuận hạt nhân 2015.")."""
    words = date_words()
    if _word_before(text, found.start, [*words["not_date_before"], "năm"]):
        return False
    if _word_after(text, found.end, words["not_date_after"]):
        return False
    closes = found.end == len(text) or text[found.end] in '.,;:!?)"”\n'
    return closes or _word_before(text, found.start, words["range_cues"])


def _is_named_month(text: str, found: Found) -> bool:
    """Whether a capitalised "Tháng Tám" inside a sentence is part of a name ("Cách mạng Tháng Tám")."""
    return (
        bool(found.match["mw"])
        and text[found.start] == "T"
        and bool(text[: found.start].rstrip(' "“(')[-1:].strip(".!?:\n"))
    )


def _is_duration(text: str, start: int) -> bool:
    """Whether a count before ``start`` makes a span of time ("hai tuần qua", "3 năm sau"), not a date."""
    before = text[max(0, start - 12) : start].rstrip()
    return bool(before) and (before[-1].isdigit() or _word_before(text, start, date_words()["quantifiers"]))


@cache
def _head_words() -> tuple[str, ...]:
    """The lowercase words every word-led expression starts with: where a scan needs to try the patterns."""
    heads = {p.split()[0].lower() for p in [*relative_words(), *date_words()["sunday"]]}
    return tuple(sorted(heads | {"thứ", "tháng", "năm", "ngày", "cùng", "khuya"}))


_NUMBER_HEAD = re.compile(r"\d{1,4}(?:[:h/.-]|\s*[-–]\s*\d{1,2}/)\d|(?<!\d)(?:19|20)\d\d(?!\d)")
_LISTED_DAY_BEFORE = re.compile(r"\d\s*(?:,|và|đến|tới)\s*$")  # "ngày 7 và 8/7": the second day of a list


@cache
def _count_before() -> re.Pattern[str]:
    """A count and a unit right before "trước" ("hai tuần trước"): where an "ago" expression starts."""
    return re.compile(rf"(?<!\w)(?:\d{{1,2}}|{_alternation(date_words()['numbers'])})\s+(?:ngày|tuần|tháng|năm)\s+$")


def _anchors(text: str) -> list[int]:
    """Where an expression may start: a head word at a word start, or digits followed by a date separator.

    Scanning for these literals and trying the patterns only there is several times faster than running
    every pattern over the whole text.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    positions = {m.start() for m in _NUMBER_HEAD.finditer(text)}
    at = lowered.find("trước")
    while at >= 0:
        if count := _count_before().search(lowered, max(0, at - 16), at):
            positions.add(count.start())
        at = lowered.find("trước", at + 1)
    for head in _head_words():
        at = lowered.find(head)
        while at >= 0:
            if at == 0 or not lowered[at - 1].isalnum():
                positions.add(at)
            at = lowered.find(head, at + 1)
    return sorted(positions)


def find_expressions(text: str) -> list[Found]:
    patterns = _patterns().items()
    found = [
        Found(m.start(), m.end(), kind, m)
        for at in _anchors(text)
        for kind, pattern in patterns
        if (m := pattern.match(text, at))
    ]
    words = date_words()
    rejects = {
        "dm": lambda f: not _plausible_day_month(text, f),
        "dm_words": lambda f: not (f.match["ngay"] or f.match["y"]),
        "relative": lambda f: _is_duration(text, f.start),
        "weekday": lambda f: _is_duration(text, f.start) or _word_after(text, f.end, words["habitual_after"]),
        "month_year": lambda f: not (1 <= int(f.match["m"]) <= 12 and _word_before(text, f.start, words["range_cues"])),
        "month": lambda f: _word_after(text, f.end, words["not_date_after"]) or _is_named_month(text, f),
        "year": lambda f: _word_before(text, f.start, words["not_year_before"]),
        "bare_year": lambda f: not _plausible_bare_year(text, f),
    }
    kept = [f for f in found if not (f.kind in rejects and rejects[f.kind](f))]
    kept.sort(key=lambda f: (f.start, -(f.end - f.start)))
    chosen: list[Found] = []
    for item in kept:
        if not chosen or item.start >= chosen[-1].end:
            chosen.append(item)
    return chosen


@cache
def relative_words() -> dict[str, tuple[str, int]]:
    """Every relative word, lowercase, with its precision and its offset from the reference."""
    tables = {"relative_days": "day", "relative_weeks": "week", "relative_months": "month", "relative_years": "year"}
    return {k.lower(): (precision, v) for table, precision in tables.items() for k, v in date_words()[table].items()}

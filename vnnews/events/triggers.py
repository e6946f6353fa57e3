"""The trigger lexicon: Vietnamese verbs and verb phrases found in a sentence and put on the CAMEO scale.

Phrases match whole syllables, case-insensitively and whatever the tone placement ("đe doạ" = "đe dọa"),
longest first, so "hỗ trợ quân sự" (072) wins over "hỗ trợ"
(070) and "bắt" never fires inside "bắt đầu" unless the lexicon lists it as a phrase.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from vnnews.language.normalise import tone_normalise


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Trigger:
    """A trigger phrase found in a text: offsets index that text."""

    text: str
    start: int
    end: int
    cameo: CameoCode


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("vnnews.events").joinpath(f"data/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code with its label and Goldstein value, roots included."""
    return {
        row["code"]: CameoCode(row["code"], row["label"], float(row["goldstein"]))
        for row in _data_rows("cameo_codes.tsv")
    }


@cache
def markers() -> dict[str, list[str]]:
    """The function-word lists of data/markers_vi.yaml."""
    data = resources.files("vnnews.events").joinpath("data/markers_vi.yaml").read_text("utf-8")
    return yaml.safe_load(data)


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """A pattern for any of ``phrases`` as whole syllables, longest first."""
    return _compiled_phrases(tuple(phrases))


@cache
def _compiled_phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


@cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, CameoCode | None]]:
    """The phrase pattern and each phrase's code; phrases coded "-" are words that only look like triggers."""
    codes = cameo_codes()
    rows = _data_rows("triggers_vi.tsv")
    by_phrase = {tone_normalise(row["phrase"]).lower(): codes.get(row["code"]) for row in rows}
    return phrase_pattern(list(by_phrase)), by_phrase


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Every trigger phrase in ``text[start:end]``, left to right, without overlaps."""
    pattern, by_phrase = _lexicon()
    end = len(text) if end is None else end
    # tone_normalise keeps the length, so offsets in the normalised slice are offsets in ``text``.
    window = tone_normalise(text[start:end])
    if len(window) != end - start:  # text that is not NFC: match it as written
        window = text[start:end]
    found = []
    for match in pattern.finditer(window):
        cameo = by_phrase[" ".join(match.group(0).lower().split())]
        if cameo is not None:
            first, last = start + match.start(), start + match.end()
            found.append(Trigger(text[first:last], first, last, cameo))
    return found

"""Quotes: direct quotes with the speaker before or after them, reported speech, relaying outlets, channels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnnews.events import Quote, extract
from vnnews.language import analyze
from vnnews.model import Article, Entity

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "annotated"


class Analysis:
    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.dates = []


def quotes_of(text: str, names: dict[str, tuple[str, str]]) -> list[Quote]:
    """``names`` maps each mention (first occurrence in order) to (type, canonical)."""
    entities, position = [], 0
    for name, (kind, canonical) in names.items():
        start = text.index(name, position)
        entities.append(Entity(name, kind, canonical, canonical, "body", start, start + len(name)))
        position = start + len(name)
    article = Article(source="t", title="", body=text.split("\n"), published="2024-10")
    return extract(article, Analysis(entities))[1]


def test_speaker_before_a_colon_and_the_channel() -> None:
    text = 'Phát biểu trên X, ông Rutte viết: "Rất vui khi được ở Naples với các Bộ trưởng Quốc phòng G7".'
    (quote,) = quotes_of(text, {"Rutte": ("PER", "Mark Rutte")})
    assert (quote.speaker, quote.direct, quote.channel) == ("Mark Rutte", True, "X")
    assert quote.text == "Rất vui khi được ở Naples với các Bộ trưởng Quốc phòng G7"
    assert text[quote.start : quote.end] == quote.text


def test_speaker_after_a_dash() -> None:
    text = "“Mục tiêu của chúng tôi vẫn là hỗ trợ chính phủ Afghanistan” - ông Stoltenberg tuyên bố."
    quotes = quotes_of(text, {"Afghanistan": ("LOC", "Afghanistan"), "Stoltenberg": ("PER", "Jens Stoltenberg")})
    assert [(q.speaker, q.direct) for q in quotes] == [("Jens Stoltenberg", True)]


def test_an_organisation_statement() -> None:
    text = 'Tuyên bố của NATO nhấn mạnh: "Taliban cần hiểu họ sẽ không được cộng đồng quốc tế công nhận."'
    quotes = quotes_of(text, {"NATO": ("ORG", "NATO"), "Taliban": ("ORG", "Taliban")})
    assert [(q.speaker, q.direct) for q in quotes] == [("NATO", True)]


def test_reported_speech_drops_the_complementiser() -> None:
    text = "Nga đã nhiều lần tuyên bố rằng việc cung cấp vũ khí cho Ukraine cản trở hòa bình."
    (quote,) = quotes_of(text, {"Nga": ("LOC", "Russia"), "Ukraine": ("LOC", "Ukraine")})
    assert (quote.speaker, quote.direct) == ("Russia", False)
    assert quote.text == "việc cung cấp vũ khí cho Ukraine cản trở hòa bình"


def test_speech_verb_at_the_end_takes_the_clause_before() -> None:
    text = "Quân đội sẽ rút khỏi thành phố trong tuần tới, Bộ Quốc phòng cho biết."
    (quote,) = quotes_of(text, {"Bộ Quốc phòng": ("ORG", "Ministry of Defence")})
    assert quote.text == "Quân đội sẽ rút khỏi thành phố trong tuần tới"


def test_joint_speakers_and_the_relaying_outlet() -> None:
    text = "Hãng TASS dẫn lời Mỹ và Anh cho biết đã điều binh sĩ tới Kabul."
    quotes = quotes_of(
        text, {"TASS": ("ORG", "TASS"), "Mỹ": ("LOC", "United States"), "Anh": ("LOC", "United Kingdom")}
    )
    assert [(q.speaker, q.via) for q in quotes] == [("United States", "TASS"), ("United Kingdom", "TASS")]
    assert all(q.text == "đã điều binh sĩ tới Kabul" for q in quotes)


def test_criticism_without_a_clause_is_no_quote() -> None:
    assert quotes_of("Ông Trump chỉ trích NATO.", {"Trump": ("PER", "Donald Trump"), "NATO": ("ORG", "NATO")}) == []


def seed(name: str) -> tuple[dict, list[Quote]]:
    """A seed page's extracted text through the real language layer, then this stage."""
    path = next(GOLD.glob(f"{name}_*.json"), None)
    if path is None:
        pytest.skip("seed annotations not present")
    doc = json.loads(path.read_text(encoding="utf-8"))
    fields = doc["fields"]
    article = Article(
        source=doc["source"],
        title=fields["title"],
        lead=fields["lead"],
        body=fields["body"].split("\n"),
        published=doc["published"],
    )
    return doc, extract(article, analyze(article))[1]


def test_seed_quotes_rutte_on_x() -> None:
    _, quotes = seed("000")
    direct = [q for q in quotes if q.direct]
    assert [(q.speaker, q.channel) for q in direct] == [("Mark Rutte", "X")]
    assert direct[0].text.startswith("Rất vui khi được ở Naples")


def test_seed_quotes_stoltenberg_and_nato_statement() -> None:
    doc, quotes = seed("002")
    direct = {(q.speaker, q.start, q.end) for q in quotes if q.direct}
    gold = {(q["speaker"], q["start"], q["end"]) for q in doc["quotes"] if q["direct"]}
    assert gold == direct


def test_a_post_abroad_is_part_of_the_title() -> None:
    text = "Đại sứ Mỹ tại Liên Hợp Quốc Nikki Haley cho rằng bất ổn tại Iran có thể leo thang."
    names = {
        "Mỹ": ("LOC", "United States"),
        "Liên Hợp Quốc": ("ORG", "United Nations"),
        "Nikki Haley": ("PER", "Nikki Haley"),
        "Iran": ("LOC", "Iran"),
    }
    (quote,) = quotes_of(text, names)
    assert (quote.speaker, quote.text) == ("Nikki Haley", "bất ổn tại Iran có thể leo thang")

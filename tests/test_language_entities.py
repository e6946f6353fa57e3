"""Named entities: spans without titles, the seeds' actors, ministries split from countries, non-entities."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from vnnews.language import analyze, article_fields
from vnnews.model import Article, Caption

GOLD = Path(__file__).parent / "gold" / "annotated"
SEEDS = sorted(p for p in GOLD.glob("*.json") if "fields" in json.loads(p.read_text(encoding="utf-8")))
OBVIOUS = {
    "NATO", "Mark Rutte", "Jens Stoltenberg", "G7", "Ukraine", "Iran", "Hamas", "Hezbollah", "Houthi",
    "Antony Blinken", "Donald Trump", "Taliban", "Kabul", "Iraq", "Naples", "Palm Beach",
}  # fmt: skip


def seed_article(path: Path) -> tuple[Article, dict]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    fields = gold["fields"]
    published = gold["published"]
    article = Article(
        source=gold["source"],
        title=fields["title"],
        lead=fields.get("lead"),
        body=fields["body"].split("\n"),
        published=published,
        published_precision="month" if len(published) == 7 else "day",
    )
    return article, gold


def spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in analyze(Article(source="t", title=text)).entities]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_obvious_actors_have_their_gold_spans(path: Path) -> None:
    article, gold = seed_article(path)
    found = {(e.field, e.start, e.end, e.type, e.canonical) for e in analyze(article).entities}
    wanted = {
        (e["field"], e["start"], e["end"], e["type"], e["canonical"])
        for e in gold["entities"]
        if e["canonical"] in OBVIOUS
    }
    assert wanted, "each seed names some of the obvious actors"
    assert wanted <= found, sorted(wanted - found)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_offsets_index_the_field_text_and_spans_hold_no_titles(path: Path) -> None:
    article, _ = seed_article(path)
    texts = dict(article_fields(article))
    for entity in analyze(article).entities:
        assert texts[entity.field][entity.start : entity.end] == entity.text
        assert not entity.text.lower().startswith(("ông ", "bà ", "tổng thống", "tổng thư ký", "ngoại trưởng"))


def test_titles_and_classifiers_stay_outside_the_span() -> None:
    text = "Tổng thống Mỹ Donald Trump gặp ông Mark Rutte tại bang Florida và thành phố Naples, sân bay Baghdad."
    assert spans(text) == [
        ("Mỹ", "LOC"), ("Donald Trump", "PER"), ("Mark Rutte", "PER"), ("Florida", "LOC"), ("Naples", "LOC"),
        ("Baghdad", "LOC"),
    ]  # fmt: skip


def test_ministry_and_its_country_are_two_entities() -> None:
    assert spans("Bộ Quốc phòng Mỹ cho biết sẽ điều thêm quân.") == [("Bộ Quốc phòng", "ORG"), ("Mỹ", "LOC")]
    found = analyze(Article(source="t", title="Bộ Ngoại giao Đức triệu tập đại sứ Nga.")).entities
    assert [(e.text, e.canonical) for e in found] == [
        ("Bộ Ngoại giao", "German Foreign Ministry"), ("Đức", "Germany"), ("Nga", "Russia"),
    ]  # fmt: skip


def test_institutions_keep_their_head_noun() -> None:
    text = "Đại diện Nhà Trắng, Liên minh châu Âu và Hội đồng Bảo an Liên hợp quốc đã họp."
    assert spans(text) == [("Nhà Trắng", "ORG"), ("Liên minh châu Âu", "ORG"), ("Hội đồng Bảo an Liên hợp quốc", "ORG")]


def test_peoples_languages_and_products_are_not_entities() -> None:
    text = "Người Kurd và người Mỹ học tiếng Anh; tên lửa Iskander của Nga được triển khai, bão Doksuri đổ bộ."
    assert spans(text) == [("Nga", "LOC")]


def test_sentence_initial_words_are_not_names() -> None:
    text = "Theo Reuters, Trong khi đó các nước G20 họp. Ngày 5/11, Taliban tuyên bố."
    assert spans(text) == [("Reuters", "ORG"), ("G20", "ORG"), ("Taliban", "ORG")]


def test_other_topics_vietnamese_names_and_places() -> None:
    text = (
        "Thủ tướng Phạm Minh Chính chủ trì phiên họp tại Hà Nội. Ông Nguyễn Văn Anh, trú tại huyện Con Cuông, "
        "tỉnh Nghệ An, cho biết tập đoàn Samsung sẽ mở nhà máy ở Bắc Ninh."
    )
    assert spans(text) == [
        ("Phạm Minh Chính", "PER"), ("Hà Nội", "LOC"), ("Nguyễn Văn Anh", "PER"), ("Con Cuông", "LOC"),
        ("Nghệ An", "LOC"), ("Samsung", "ORG"), ("Bắc Ninh", "LOC"),
    ]  # fmt: skip


def test_foreign_names_with_hyphens_numerals_and_initials() -> None:
    text = "Quốc vương Abdullah II tiếp Tổng thống Kassym-Jomart Tokayev và Ngoại trưởng Pháp Jean - Yves Le Drian."
    assert spans(text) == [
        ("Abdullah II", "PER"), ("Kassym-Jomart Tokayev", "PER"), ("Pháp", "LOC"), ("Jean - Yves Le Drian", "PER"),
    ]  # fmt: skip


def test_captions_are_one_field_joined_by_newlines() -> None:
    article = Article(
        source="t",
        title="Hội nghị",
        captions=[Caption("Ảnh minh họa."), Caption("Tổng thư ký NATO Jens Stoltenberg. (Nguồn: AP)")],
    )
    found = [(e.field, e.text, e.start) for e in analyze(article).entities]
    joined = "Ảnh minh họa.\nTổng thư ký NATO Jens Stoltenberg. (Nguồn: AP)"
    assert found == [
        ("caption", "NATO", joined.index("NATO")),
        ("caption", "Jens Stoltenberg", joined.index("Jens")),
        ("caption", "AP", joined.index("AP)")),
    ]


@pytest.mark.parametrize("path", SEEDS[:2], ids=lambda p: p.stem)
def test_crf_only_adds_capitalised_names_the_rules_left_alone(path: Path) -> None:
    article, _ = seed_article(path)
    rules = analyze(article, crf=False).entities
    both = analyze(article).entities
    key = {(e.field, e.start, e.end) for e in rules}
    assert key <= {(e.field, e.start, e.end) for e in both}
    for extra in (e for e in both if (e.field, e.start, e.end) not in key):
        words = extra.text.split()
        assert len(words) >= 2 and all(w[:1].isupper() for w in words)
        assert not any(r.field == extra.field and r.start < extra.end and extra.start < r.end for r in rules)


def test_english_names_take_their_type_from_their_last_word() -> None:
    text = "Vụ nổ gần Times Square, theo Port Authority, không ảnh hưởng tới Intermediate-Range Nuclear Forces Treaty."
    assert spans(text) == [("Times Square", "LOC"), ("Port Authority", "ORG")]


def test_decomposed_text_keeps_offsets_into_the_text_as_given() -> None:
    text = unicodedata.normalize("NFD", "Ngoại trưởng Mỹ Antony Blinken tới Hà Nội.")
    found = analyze(Article(source="t", title=text)).entities
    assert [(text[e.start : e.end] == e.text, e.canonical) for e in found] == [
        (True, "United States"), (True, "Antony Blinken"), (True, "Hanoi"),
    ]  # fmt: skip

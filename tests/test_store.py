"""The SQLite store on a real file: schema, idempotent puts, accent-folded search, snippets, date ranges."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnnews import store
from vnnews.model import Article, Caption, InputError
from vnnews.store import sqlite as sqlite_store
from vnnews.store.fold import Marks, fold, fts_query, match_spans, query_terms, snippet
from vnnews.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration


def make_article(title: str, body: list[str], **fields) -> Article:
    return Article(source=fields.pop("source", "page.txt"), title=title, body=body, **fields)


WITHDRAWAL = make_article(
    "Mỹ và NATO rút quân khỏi Afghanistan",
    ["Các nước thành viên NATO đã hoàn tất việc rút quân.", "Đà Nẵng đón đoàn đại biểu Ukraine."],
    lead="Tổng thư ký NATO xác nhận kế hoạch rút quân.",
    site="baoquocte.vn",
    published="2024-10",
    captions=[Caption("Binh sĩ NATO tại Kabul.", "Reuters")],
    related=["NATO họp thượng đỉnh"],
)
SUMMIT = make_article(
    "Hội nghị thượng đỉnh NATO tại Washington",
    ["Các nhà lãnh đạo thảo luận ngân sách quốc phòng."],
    site="vnexpress.net",
    published="2025-07-11T09:30:00+07:00",
)


@pytest.fixture
def db(db_path: Path):
    with store.open(db_path) as opened:
        opened.put(WITHDRAWAL, "a.txt", "sha-a")
        opened.put(SUMMIT, "b.txt", "sha-b")
        yield opened


def test_fold_strips_vietnamese_accents_and_keeps_length():
    original = "NATO rút quân khỏi Đà Nẵng; ĐẶNG Thị Ánh"
    assert fold(original) == "nato rut quan khoi da nang; dang thi anh"
    assert len(fold(original)) == len(original)


@given(st.text())
def test_fold_maps_every_nfc_character_to_one(text):
    nfc = unicodedata.normalize("NFC", text)
    assert len(fold(nfc)) == len(nfc)


def test_query_terms_drop_every_fts_operator():
    assert query_terms('"NATO" AND (rút* OR -quân): ^near/3') == ["nato", "and", "rut", "or", "quan", "near", "3"]
    assert fts_query(["rut", "quan"]) == '("rut" AND "quan") AND ("rut quan" OR ("rut" AND "quan"))'


def test_schema_is_migrated_once_and_in_wal_mode(db_path: Path):
    store.open(db_path).close()
    with store.open(db_path) as reopened:
        assert reopened.schema_version == SCHEMA_VERSION
        assert reopened.stats()["schema_version"] == SCHEMA_VERSION
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(store.SchemaError):
        store.open(db_path)


def test_a_new_migration_runs_once_on_an_existing_database(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    with store.open(db_path) as old:
        old.put(WITHDRAWAL, "a.txt", "sha-a")
    notes = Migration("notes", ("CREATE TABLE notes (article_id TEXT NOT NULL, text TEXT NOT NULL)",))
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", (*MIGRATIONS, notes))
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    for _ in range(2):
        with store.open(db_path) as upgraded:
            assert upgraded.schema_version == SCHEMA_VERSION + 1
            assert upgraded.search("rut quan").total == 1
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT count(*) FROM notes").fetchone() == (0,)


def test_same_article_twice_is_stored_once(db):
    assert db.put(WITHDRAWAL, "copy-of-a.txt", "sha-copy") is False
    assert db.stats()["articles"] == 2
    assert db.is_unchanged("copy-of-a.txt", "sha-copy")
    assert not db.is_unchanged("a.txt", "another sha")
    assert db.search("rut quan").total == 1


def test_article_round_trips_with_every_field(db):
    stored = db.article(WITHDRAWAL.id)
    assert stored == WITHDRAWAL
    assert db.article(WITHDRAWAL.id[:6]) == WITHDRAWAL
    assert db.article("ffffffffffffffff") is None
    assert db.article("") is None


def test_ambiguous_prefix_is_an_input_error(db_path: Path):
    with store.open(db_path) as opened:
        articles = [make_article(f"Tin số {n}", ["Nội dung."]) for n in range(40)]
        for n, article in enumerate(articles):
            opened.put(article, f"{n}.txt", str(n))
        first_chars = [a.id[0] for a in articles]
        shared = max(set(first_chars), key=first_chars.count)
        with pytest.raises(InputError, match="more than one"):
            opened.article(shared)


@pytest.mark.parametrize("query", ["nato rut quan", "NATO RÚT QUÂN", "Nato Rút quân", "rút quân NATO"])
def test_accent_free_and_accented_queries_find_the_same_article(db, query):
    page = db.search(query)
    assert page.total == 1
    assert page.results[0].id == WITHDRAWAL.id


def test_title_outranks_body(db_path: Path):
    with store.open(db_path) as opened:
        in_body = make_article("Tin thế giới", ["Hôm nay Iraq bật đèn xanh cho dự án."])
        in_title = make_article("Iraq bật đèn xanh", ["Chính phủ đồng ý."])
        opened.put(in_body, "1.txt", "1")
        opened.put(in_title, "2.txt", "2")
        assert [hit.id for hit in opened.search("iraq bat den xanh").results] == [in_title.id, in_body.id]


def test_snippet_is_cut_from_the_original_text_with_marks(db):
    hit = db.search("da nang", marks=Marks("[", "]")).results[0]
    assert "[Đà] [Nẵng]" in hit.snippet
    assert db.search("kabul").total == 0, "captions are not indexed"


def test_snippet_windows_on_the_densest_cluster():
    text = "nato " + "lorem ipsum " * 40 + "nato rút quân khỏi Kabul " + "dolor sit " * 40
    cut = snippet(text, ["nato", "rut", "quan"], Marks("<", ">"), width=60)
    assert "<nato> <rút> <quân>" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert match_spans("Rút quân", ["rut"]) == [(0, 3, "rut")]


def test_snippet_prefers_query_words_that_stand_together():
    text = "Vấn đề quan trọng với NATO. " + "Tin khác. " * 30 + "Đồng minh NATO rút phần lớn binh sĩ."
    cut = snippet(text, ["nato", "rut", "quan"], Marks("<", ">"), width=60)
    assert "<NATO> <rút>" in cut and "<quan>" not in cut


@pytest.mark.parametrize(
    "query", ['"', '"nato', "nato*", "(", ")", "AND", "OR NOT", "NEAR(", "-", "^", ":", "title:nato", "' OR 1=1 --"]
)
def test_query_syntax_never_raises(db, query):
    page = db.search(query)
    assert page.total >= len(page.results)


def test_words_missing_together_fall_back_to_any_word(db):
    page = db.search("nato xyzzy")
    assert page.total == 2


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2024-10-15", None, {"w", "s"}),  # a month-precise date overlaps a range starting mid-month
        (None, "2024-10-01", {"w"}),
        ("2024-11", "2025-06", set()),
        ("2025", "2025-07-11", {"s"}),
        ("2025-07-12", None, set()),
    ],
)
def test_partial_dates_match_ranges_they_overlap(db, since, until, expected):
    names = {WITHDRAWAL.id: "w", SUMMIT.id: "s"}
    bounds = {"since": store.bound(since, "since"), "until": store.bound(until, "until")}
    assert {names[hit.id] for hit in db.search("nato", **bounds).results} == expected


def test_site_filter_and_paging(db):
    assert [hit.site for hit in db.search("nato", site="VNExpress.net").results] == ["vnexpress.net"]
    first, second = db.search("nato", limit=1), db.search("nato", limit=1, offset=1)
    assert first.total == second.total == 2
    assert first.results[0].id != second.results[0].id


def test_periods():
    assert store.period("2024-02") == ("2024-02-01", "2024-02-29")
    assert store.period("2021-08-14T18:19:00+07:00") == ("2021-08-14", "2021-08-14")
    assert store.period("2024-13") is None
    assert store.period("hôm qua") is None
    with pytest.raises(InputError, match="since"):
        store.bound("10/2024", "since")


def test_stats_and_failures(db):
    db.put_failure("bad.txt", "no article found")
    db.put_failure("bad.txt", "still no article")
    stats = db.stats()
    assert stats["articles"] == 2
    assert stats["sites"] == {"baoquocte.vn": 1, "vnexpress.net": 1}
    assert (stats["first_published"], stats["last_published"]) == ("2024-10", "2025-07-11T09:30:00+07:00")
    assert stats["failures"] == 1
    assert [(f.source, f.reason) for f in db.failures()] == [("bad.txt", "still no article")]
    db.put(make_article("Trang đã sửa", ["Có bài."]), "bad.txt", "fixed")
    assert db.stats()["failures"] == 0


def test_periods_of_weeks_months_and_timestamps():
    assert store.period("2021-W32") == ("2021-08-09", "2021-08-15")
    assert store.period("2021-W60") is None
    assert store.period("2024-02") == ("2024-02-01", "2024-02-29")
    assert store.period("2021-08-14T18:19:00+07:00") == ("2021-08-14", "2021-08-14")

"""Date expressions resolved against the publication date, never given a value the text does not support."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnnews.language.dates import article_dates, latest_full_date, parse_reference, resolve_dates
from vnnews.model import Article


def _found(text, ref="2024-10-15", precision=None):
    return [(m.text, m.value, m.precision) for m in resolve_dates(text, "body", ref, precision)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 19/10", ("ngày 19/10", "2024-10-19", "day")),
        ("Sáng 13/2, đoàn đến", ("Sáng 13/2", "2024-02-13", "day")),
        ("ngày 19/10/2024", ("ngày 19/10/2024", "2024-10-19", "day")),
        ("ngày 19-10-2024", ("ngày 19-10-2024", "2024-10-19", "day")),
        ("ngày 19 tháng 10 năm 2024", ("ngày 19 tháng 10 năm 2024", "2024-10-19", "day")),
        ("họp từ ngày 27-28/11", ("ngày 27-28/11", "2024-11-27", "day")),
        ("vào tháng 6, ", ("tháng 6", "2024-06", "month")),
        ("tháng 6/2024", ("tháng 6/2024", "2024-06", "month")),
        ("vào tháng 6 năm sau", ("tháng 6 năm sau", "2025-06", "month")),
        ("tháng Sáu vừa qua", ("tháng Sáu", "2024-06", "month")),
        ("vào năm 2018", ("năm 2018", "2018", "year")),
        ("năm ngoái", ("năm ngoái", "2023", "year")),
        ("năm nay", ("năm nay", "2024", "year")),
        ("tuần qua", ("tuần qua", "2024-W41", "week")),
        ("tuần trước", ("tuần trước", "2024-W41", "week")),
        ("tuần này", ("tuần này", "2024-W42", "week")),
        ("Hôm nay", ("Hôm nay", "2024-10-15", "day")),
        ("hôm qua", ("hôm qua", "2024-10-14", "day")),
        ("sáng nay", ("sáng nay", "2024-10-15", "day")),
        ("tối qua", ("tối qua", "2024-10-14", "day")),
        ("18:19 | 14/08/2021 GMT+7", ("18:19 | 14/08/2021 GMT+7", "2021-08-14", "day")),
        ("Chủ nhật ngày 7/12/2025: tin", ("Chủ nhật ngày 7/12/2025", "2025-12-07", "day")),
        ("thứ Hai tuần trước", ("thứ Hai tuần trước", "2024-10-07", "day")),
        ("hôm thứ Bảy", ("thứ Bảy", "2024-10-12", "day")),
        ("Sáng 23-10, đoàn đến", ("Sáng 23-10", "2024-10-23", "day")),
        ("tối chủ nhật 21-4", ("tối chủ nhật 21-4", "2024-04-21", "day")),
        ("Hai tuần trước, ông nói", ("Hai tuần trước", "2024-W40", "week")),
        ("3 năm trước", ("3 năm trước", "2021", "year")),
        ("5 tháng trước", ("5 tháng trước", "2024-05", "month")),
        ("từ 5/11", ("5/11", "2024-11-05", "day")),
        ("kéo dài đến 9/2017, nhiều", ("9/2017", "2017-09", "month")),
        ("ngày 2024-10-03", ("2024-10-03", "2024-10-03", "day")),
    ],
)
def test_expressions_resolve_against_a_day_reference(text, expected):
    assert _found(text) == [expected]


def test_day_month_takes_the_year_nearest_the_reference():
    assert _found("ngày 28/12", "2024-01-03") == [("ngày 28/12", "2023-12-28", "day")]
    assert _found("ngày 5/1", "2024-12-20") == [("ngày 5/1", "2025-01-05", "day")]
    assert _found("ngày 12/12", "2024-10", "month") == [("ngày 12/12", "2024-12-12", "day")]
    assert _found("tháng 12", "2024-01-10") == [("tháng 12", "2023-12", "month")]


def test_past_week_is_the_seven_days_up_to_the_reference():
    saturday = "2021-08-14T18:19:00+07:00"
    assert _found("trong tuần qua", saturday, "minute") == [("tuần qua", "2021-W32", "week")]
    assert _found("tuần trước", saturday, "minute") == [("tuần trước", "2021-W31", "week")]
    assert _found("tuần qua", "2021-08-16") == [("tuần qua", "2021-W32", "week")]


def test_months_named_as_coming_or_past_and_months_inside_names():
    assert _found("vào tháng 3 tới") == [("tháng 3", "2025-03", "month")]
    assert _found("tháng 12 vừa qua") == [("tháng 12", "2023-12", "month")]
    assert _found("kỷ niệm Cách mạng Tháng Tám và Quốc khánh") == []
    assert _found("Tháng Tám năm nay, họ đi") == [("Tháng Tám năm nay", "2024-08", "month")]
    assert _found("mở cửa vào Chủ nhật hằng tuần") == []


def test_same_day_takes_the_date_last_mentioned():
    assert _found("Ngày 5/11, ông đắc cử. Cùng ngày, ông nói.")[1] == ("Cùng ngày", "2024-11-05", "day")
    assert _found("Cùng ngày, ông nói.") == [("Cùng ngày", None, "day")]


def test_relative_words_never_invent_a_finer_date_than_the_reference():
    assert _found("hôm nay", "2024-10", "month") == [("hôm nay", "2024-10", "month")]
    assert _found("hôm qua", "2024-10", "month") == [("hôm qua", None, "day")]
    assert _found("tuần qua", "2024-10", "month") == [("tuần qua", None, "week")]
    assert _found("năm ngoái", "2024-10", "month") == [("năm ngoái", "2023", "year")]
    assert _found("thứ Hai tuần trước", "2024-10", "month") == [("thứ Hai tuần trước", None, "day")]


def test_without_reference_only_written_years_get_values():
    assert _found("ngày 19/10, hôm qua, tháng 6, ngày 2/4/2024, năm 2018", None) == [
        ("ngày 19/10", None, "day"),
        ("hôm qua", None, "day"),
        ("tháng 6", None, "month"),
        ("ngày 2/4/2024", "2024-04-02", "day"),
        ("năm 2018", "2018", "year"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "tỷ số 3/4 nghiêng về đội khách",
        "1/2 dân số",
        "phục vụ 24/7",
        "Nghị quyết số 24/NQ-HĐND",
        "Nghị định 15/2020/NĐ-CP",
        "hội nghị COP30 và nhóm G7",
        "gọi 0912.345.678",
        "hai tuần qua",
        "hai ngày trước khi",
        "một năm sau khi",
        "mỗi tháng 6 triệu đồng",
        "những năm 1990",
        "lần thứ hai",
        "ngày nay",
        "3/4 số phiếu",
        "ngày 31/2",
        "từ 3-5 ngày",
        "tỷ lệ 9/2017",
        "khoảng 2/3",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert _found(text) == []


def test_relative_word_before_an_explicit_date_makes_one_mention_with_it():
    assert _found("hôm nay 12/12: tin nóng", "2024-12-12") == [("hôm nay 12/12", "2024-12-12", "day")]
    assert _found("vào ngày hôm nay 29-11", None) == [("ngày hôm nay 29-11", None, "day")]
    assert _found("hôm qua, 19/10", "2024-10-20") == [("hôm qua", "2024-10-19", "day"), ("19/10", "2024-10-19", "day")]


def test_day_lists_and_bare_years():
    assert _found("trong hai ngày 7 và 8/7.", "2017-07-05") == [
        ("ngày 7", "2017-07-07", "day"),
        ("8/7", "2017-07-08", "day"),
    ]
    assert _found("thoả thuận đạt được hồi 2015.") == [("2015", "2015", "year")]
    assert _found("thoả thuận hạt nhân 2015.") == [("2015", "2015", "year")]
    assert _found("có 2015 người tham gia, số 2015 trên") == []
    assert _found("Ông Trump hôm 20/6 nói", None) == [("hôm 20/6", None, "day")]


def test_reference_parsing():
    assert parse_reference("2021-08-14T18:19:00+07:00").precision == "day"
    assert parse_reference("2024-10").precision == "month"
    assert parse_reference("2024-10-15", "month").precision == "month"
    assert parse_reference("2024-10", "day").precision == "month"
    assert parse_reference(None) is None


def test_article_dates_fall_back_to_the_latest_full_date_and_name_fields():
    article = Article(
        source="x",
        title="NATO họp ngày 19/10",
        lead="Hội nghị ngày 18/10/2024 ở Brussels.",
        body=["Hôm qua ông Rutte nói.", "Cùng ngày, Mỹ tuyên bố. Sự kiện 2023-01-05 đã qua."],
    )
    mentions = article_dates(article)
    assert latest_full_date([article.lead]) == "2024-10-18"
    assert [(m.field, m.text, m.value) for m in mentions] == [
        ("title", "ngày 19/10", "2024-10-19"),
        ("lead", "ngày 18/10/2024", "2024-10-18"),
        ("body", "Hôm qua", "2024-10-17"),
        ("body", "Cùng ngày", "2024-10-17"),
        ("body", "2023-01-05", "2023-01-05"),
    ]
    body = "\n".join(article.body)
    assert all(body[m.start : m.end] == m.text for m in mentions if m.field == "body")


def test_seed_like_month_reference():
    article = Article(source="x", title="t", body=["vào ngày 19/10, từ ngày 27-28/11"], published="2024-10")
    assert [m.value for m in article_dates(article)] == ["2024-10-19", "2024-11-27"]


def test_month_reference_is_narrowed_to_the_latest_written_day_in_it():
    article = Article(
        source="x", title="t", lead="Ngày 23/11, NATO họp.", body=["Tuần qua, hôm qua."], published="2024-11"
    )
    assert [(m.text, m.value) for m in article_dates(article)] == [
        ("Ngày 23/11", "2024-11-23"),
        ("Tuần qua", "2024-W47"),
        ("hôm qua", "2024-11-22"),
    ]


def test_a_full_date_older_than_a_written_year_is_no_reference():
    article = Article(source="x", title="t", body=["Ảnh chụp ngày 26/10/2014.", "Ngày 7/7, rút khỏi năm 2018."])
    assert [(m.text, m.value) for m in article_dates(article)] == [
        ("ngày 26/10/2014", "2014-10-26"),
        ("Ngày 7/7", None),
        ("năm 2018", "2018"),
    ]


date_words = st.sampled_from(
    [
        "ngày",
        "19/10",
        "13/2",
        "/",
        "-",
        "tháng",
        "6",
        "năm",
        "2018",
        "sau",
        "hôm",
        "nay",
        "qua",
        "tuần",
        "Cùng",
        "ngày 31/12/2024",
        "3/4",
        "số",
        "thứ",
        "Hai",
        "24/7",
        "Chủ nhật",
        ",",
        ".",
        "GMT+7",
        "18:19",
        "|",
        "2024",
    ]
)
references = st.one_of(
    st.none(),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(lambda d: d.isoformat()[:7]),
)


@given(st.lists(date_words, max_size=20).map(" ".join), references)
def test_mentions_slice_their_text_and_values_are_calendar_dates(text, ref):
    previous_end = 0
    for mention in resolve_dates(text, "body", ref, None):
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end
        previous_end = mention.end
        if mention.value is None:
            continue
        if mention.precision == "day":
            dt.date.fromisoformat(mention.value)
        elif mention.precision == "week":
            dt.date.fromisocalendar(int(mention.value[:4]), int(mention.value[6:]), 1)
        elif mention.precision == "month":
            dt.date.fromisoformat(mention.value + "-01")


@given(st.lists(date_words, max_size=20).map(" ".join))
def test_no_reference_no_year_no_value(text):
    for mention in resolve_dates(text, "body", None, None):
        if mention.value is not None:
            assert mention.value[:4] in text


def test_decomposed_text_is_read_and_offsets_index_it():
    text = unicodedata.normalize("NFD", "Hội nghị ngày 19 tháng 10 năm 2024, hôm qua.")
    mentions = resolve_dates(text, "body", "2024-10-20", None)
    assert [(m.value, m.precision) for m in mentions] == [("2024-10-19", "day"), ("2024-10-19", "day")]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert unicodedata.normalize("NFC", mentions[1].text) == "hôm qua"


def test_fractions_after_ordinary_words_stay_fractions():
    assert _found("vượt qua 3/4 chặng đường") == []
    assert _found("trong 2/3 số phiếu") == []
    assert _found("Hôm qua 3/4, ông nói", "2024-04-04") == [("Hôm qua 3/4", "2024-04-03", "day")]


@given(st.lists(date_words, max_size=20).map(" ".join), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
def test_month_reference_never_gives_an_unwritten_day(text, day):
    earlier: set[str] = set()
    for mention in resolve_dates(text, "body", day.isoformat()[:7], "month"):
        if mention.precision == "day" and mention.value:
            assert any(c.isdigit() for c in mention.text) or mention.value in earlier
            earlier.add(mention.value)

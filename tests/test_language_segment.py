"""Sentence spans over news text and pyvi words mapped back onto the text."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from vnnews.language.segment import sentences, words


def _texts(text):
    return [text[s:e] for s, e in sentences(text)]


def test_abbreviations_initials_and_numbers_do_not_end_sentences():
    text = (
        "PGS.TS. Nguyễn Văn An làm việc tại TP. Hồ Chí Minh. Ông J. Biden thăm St. Louis, giá 1.000 USD, tăng 3,5%. "
        "ThS. Lê Hoa nói ở Tp. Huế. Tổng thống Mỹ phát biểu."
    )
    assert _texts(text) == [
        "PGS.TS. Nguyễn Văn An làm việc tại TP. Hồ Chí Minh.",
        "Ông J. Biden thăm St. Louis, giá 1.000 USD, tăng 3,5%.",
        "ThS. Lê Hoa nói ở Tp. Huế.",
        "Tổng thống Mỹ phát biểu.",
    ]


def test_quotes_ellipses_questions_and_lines():
    text = "“Chúng tôi sẽ hỗ trợ Ukraine.” Ông Rutte nói vậy... rồi đi. Vì sao? NATO trả lời!\nDòng hai không có dấu"
    assert _texts(text) == [
        "“Chúng tôi sẽ hỗ trợ Ukraine.”",
        "Ông Rutte nói vậy... rồi đi.",
        "Vì sao?",
        "NATO trả lời!",
        "Dòng hai không có dấu",
    ]


def test_ellipsis_before_a_capital_ends_a_sentence():
    assert _texts("Họ chờ đợi... Sau đó NATO họp.") == ["Họ chờ đợi...", "Sau đó NATO họp."]


def test_words_join_compounds_and_keep_offsets():
    text = "Tổng thư ký NATO Mark Rutte hôm 19/10 nói:  “Chúng tôi sẽ hỗ trợ Ukraine.”"
    tokens = words(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    surfaces = [t.text for t in tokens]
    assert "Tổng thư ký" in surfaces
    assert "hỗ trợ" in surfaces
    assert "Ukraine" in surfaces


@given(
    st.lists(
        st.sampled_from(
            ["Ông", "J.", "Biden", "nói", "TP.", "Huế", "...", "vậy.", "Mỹ", "?", "“Họ", "đi.”", "\n", "1.000"]
        ),
        max_size=25,
    )
)
def test_sentence_spans_are_ordered_trimmed_and_cover_every_word(parts):
    text = " ".join(parts)
    spans = sentences(text)
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(text.split()) == "".join(covered.split())


def test_initial_chains_and_quotes_set_apart_by_spaces():
    assert _texts("Nạn nhân là chị N.T. L.H. sống ở Huế.") == ["Nạn nhân là chị N.T. L.H. sống ở Huế."]
    assert _texts('Anh nói: " Tôi đi. " Ông Đức gật đầu.') == ['Anh nói: " Tôi đi. "', "Ông Đức gật đầu."]
    assert _texts('Rất vui... ", Xuân Bắc nói. Họ cười.') == ['Rất vui... ", Xuân Bắc nói.', "Họ cười."]
    assert _texts('Họ đi. " Tôi không biết ", ông nói.') == ["Họ đi.", '" Tôi không biết ", ông nói.']


def test_words_of_decomposed_text_index_the_text_as_stored():
    text = unicodedata.normalize("NFD", "Bộ Ngoại giao Việt Nam hỗ trợ người dân.")
    tokens = words(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [unicodedata.normalize("NFC", t.text) for t in tokens][:2] == ["Bộ", "Ngoại giao"]

"""Matching keys: one form per word whatever composition, tone placement, case, quotes or spacing."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from vnnews.language.normalise import fold, fold_chars, match_key, nfc, nfc_with_offsets, tone_normalise

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
vietnamese_text = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " \u00a0\t\n“”‘’«»\"'.,", max_size=60)


def test_tone_placement_old_style_for_open_oa_oe_uy():
    assert tone_normalise("hoà") == "hòa"
    assert tone_normalise("thuý") == "thúy"
    assert tone_normalise("khoẻ") == "khỏe"
    assert tone_normalise("Uỷ ban Hoà bình") == "Ủy ban Hòa bình"
    assert tone_normalise("HOÀ") == "HÒA"


def test_tone_placement_leaves_qu_gi_closed_syllables_and_triphthongs():
    for word in ["quý", "quỳ", "quà", "quả", "giá", "hoàng", "thuyết", "ngoài", "khuya", "hòa", "thủy"]:
        assert tone_normalise(word) == word


def test_tone_placement_keeps_length():
    text = "Nguyễn Thị Thuý ở Hoà Bình, toà án, hoạ sĩ"
    assert len(tone_normalise(text)) == len(text)
    assert tone_normalise(text) == "Nguyễn Thị Thúy ở Hòa Bình, tòa án, họa sĩ"


def test_fold_strips_marks_case_quotes_and_spaces():
    assert fold("  “Đà  Nẵng”\u00a0\tHOÀ ") == '"da nang" hoa'
    assert fold("Hòa Bình") == fold("hoà bình") == fold("HOA BINH") == "hoa binh"
    assert fold("Tổ chức Hiệp ước Bắc Đại Tây Dương") == "to chuc hiep uoc bac dai tay duong"
    assert fold("O’Brien") == fold("O'Brien")


def test_match_key_keeps_diacritics_but_not_placement_or_case():
    assert match_key("Hoà  Bình") == match_key("hòa bình") == "hòa bình"
    assert match_key("Hòa") != match_key("Hoa")
    assert match_key("«Mỹ»") == match_key('"mỹ"')


def test_fold_chars_keeps_offsets():
    text = "Tổng thư ký “NATO” Mark Rutte"
    folded = fold_chars(text)
    assert len(folded) == len(text)
    assert folded == 'tong thu ky "nato" mark rutte'
    assert folded.index("nato") == text.index("NATO")


@given(vietnamese_text)
def test_fold_and_keys_are_idempotent(text):
    assert fold(fold(text)) == fold(text)
    assert match_key(match_key(text)) == match_key(text)
    assert tone_normalise(tone_normalise(text)) == tone_normalise(text)


@given(vietnamese_text)
def test_nfc_and_nfd_inputs_agree(text):
    decomposed = unicodedata.normalize("NFD", text)
    assert nfc(decomposed) == nfc(text)
    assert fold(decomposed) == fold(text)
    assert match_key(decomposed) == match_key(text)
    assert tone_normalise(decomposed) == tone_normalise(text)


@given(vietnamese_text)
def test_tone_placement_is_length_stable_and_fold_is_plain(text):
    composed = nfc(text)
    assert len(tone_normalise(composed)) == len(composed)
    assert len(fold_chars(composed)) == len(composed)
    assert fold(text).isascii()
    assert fold(text) == fold(tone_normalise(text))


@given(vietnamese_text)
def test_nfc_offsets_map_composed_spans_back_to_the_stored_text(text):
    stored = unicodedata.normalize("NFD", text)
    composed, origins = nfc_with_offsets(stored)
    assert composed == nfc(text)
    if origins is None:
        assert stored == composed
        return
    assert len(origins) == len(composed) + 1 and origins[-1] == len(stored)
    assert origins == sorted(origins)
    for index in range(len(composed)):
        assert nfc(stored[origins[index] : origins[index + 1]]) == composed[index]


def test_nfc_offsets_are_skipped_for_composed_text():
    assert nfc_with_offsets("Hòa Bình") == ("Hòa Bình", None)

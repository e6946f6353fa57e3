"""A giant page is analysed by its beginning, so one page cannot stall an ingest."""

from vnnews.model import Article
from vnnews.service import ANALYSIS_MAX_BODY, _bounded


def test_long_body_is_cut_to_a_prefix_and_keeps_its_id():
    paragraph = "Mỹ và Anh ngày 12/8 cho biết điều hàng nghìn binh sĩ tới Afghanistan để sơ tán nhân viên."
    article = Article(source="x", title="NATO họp khẩn", lead="Tại cuộc họp khẩn.", body=[paragraph] * 5000)
    bounded = _bounded(article)
    text, full = "\n".join(bounded.body), "\n".join(article.body)
    assert len(text) <= ANALYSIS_MAX_BODY
    assert full.startswith(text)  # offsets found in the analysed body hold in the stored one
    assert bounded.id == article.id


def test_short_body_is_untouched():
    article = Article(source="x", title="NATO họp khẩn", body=["Một đoạn ngắn."])
    assert _bounded(article) is article

"""vnnews.extract.html: the article blocks and metadata of a handwritten Vietnamese news page."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from vnnews import extract as extraction
from vnnews.extract.html import html_content
from vnnews.model import Caption, RawPage
from vnnews.sources import read

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>NATO họp thượng đỉnh tại Washington | Báo Quốc tế</title>
<meta property="og:site_name" content="Báo Quốc tế">
<meta property="og:title" content="NATO họp thượng đỉnh tại Washington">
{published}
<meta name="author" content="Nhất Phong">
</head><body>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/the-gioi">Thế giới</a></div>
<div class="menu"><a href="/kinh-te">Kinh tế</a> <a href="/the-thao">Thể thao</a></div>
<article>
<h1>NATO họp thượng đỉnh tại Washington</h1>
<p>Lãnh đạo các nước thành viên NATO nhóm họp tại Washington nhân kỷ niệm 75 năm thành lập liên minh.</p>
<figure><img src="a.jpg" alt="ảnh">
<figcaption>Toàn cảnh hội nghị thượng đỉnh NATO. (Nguồn: Reuters)</figcaption></figure>
<p>Ngày 10/7, hội nghị thượng đỉnh NATO đã khai mạc tại thủ đô Washington với sự tham dự của 32 nước thành viên.</p>
<h2>Hỗ trợ Ukraine</h2>
<p>Các nhà lãnh đạo thảo luận về việc tiếp tục hỗ trợ quân sự cho Ukraine trong năm tới.<br>Theo TTXVN</p>
<ul><li>Tăng chi tiêu quốc phòng lên 2% GDP.</li><li>Tăng cường phòng không cho Ukraine.</li></ul>
<p>Hội nghị sẽ kéo dài trong ba ngày và kết thúc vào ngày 12/7 với một tuyên bố chung của các nước.</p>
</article>
<footer><p>Bản quyền thuộc về Báo Quốc tế. Giấy phép số 123/GP-BTTTT.</p></footer>
</body></html>
"""
TIMED = '<meta property="article:published_time" content="2024-07-10T08:30:00+07:00">'
TONES = "\u0300\u0301\u0303\u0309\u0323"
DATED = '<meta name="date" content="2024-07-10">'


def test_blocks_come_out_one_per_line_in_page_order() -> None:
    content = html_content(PAGE.format(published=TIMED), "https://www.baoquocte.vn/nato-hop-123.html")
    assert content.title == "NATO họp thượng đỉnh tại Washington"
    assert content.lines == [
        "NATO họp thượng đỉnh tại Washington",
        "Lãnh đạo các nước thành viên NATO nhóm họp tại Washington nhân kỷ niệm 75 năm thành lập liên minh.",
        "Toàn cảnh hội nghị thượng đỉnh NATO. (Nguồn: Reuters)",
        "Ngày 10/7, hội nghị thượng đỉnh NATO đã khai mạc tại thủ đô Washington với sự tham dự của 32 nước thành viên.",
        "Hỗ trợ Ukraine",
        "Các nhà lãnh đạo thảo luận về việc tiếp tục hỗ trợ quân sự cho Ukraine trong năm tới.",
        "Theo TTXVN",
        "Tăng chi tiêu quốc phòng lên 2% GDP.",
        "Tăng cường phòng không cho Ukraine.",
        "Hội nghị sẽ kéo dài trong ba ngày và kết thúc vào ngày 12/7 với một tuyên bố chung của các nước.",
    ]
    assert content.captions == [Caption("Toàn cảnh hội nghị thượng đỉnh NATO.", "Reuters")]


def test_page_metadata() -> None:
    content = html_content(PAGE.format(published=TIMED), "https://www.baoquocte.vn/nato-hop-123.html")
    assert (content.published, content.published_precision) == ("2024-07-10T08:30:00+07:00", "minute")
    assert content.author == "Nhất Phong"
    assert content.site == "Báo Quốc tế"
    assert content.section == "Thế giới"
    assert content.url == "https://www.baoquocte.vn/nato-hop-123.html"


def test_the_section_is_the_top_of_the_breadcrumb_with_or_without_the_home_link() -> None:
    page = PAGE.format(published=TIMED).replace(
        '<a href="/">Trang chủ</a> › <a href="/the-gioi">Thế giới</a>',
        '<a href="/the-gioi">Thế giới</a> › <a href="/the-gioi/quan-su">Quân sự</a>',
    )
    assert "quan-su" in page
    assert html_content(page, "https://www.baoquocte.vn/nato-hop-123.html").section == "Thế giới"
    single = PAGE.format(published=TIMED).replace('<a href="/">Trang chủ</a> › ', "")
    assert html_content(single, "https://www.baoquocte.vn/nato-hop-123.html").section == "Thế giới"


def test_a_date_without_time_is_day_precision_and_the_host_names_a_site_without_og() -> None:
    page = PAGE.format(published=DATED).replace('<meta property="og:site_name" content="Báo Quốc tế">', "")
    content = html_content(page, "https://www.baoquocte.vn/nato-hop-123.html")
    assert (content.published, content.published_precision) == ("2024-07-10", "day")
    assert content.site == "baoquocte.vn"


def test_a_page_without_an_article_gives_no_lines() -> None:
    assert html_content("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>").lines == []


def test_html_files_are_read_as_html_whatever_their_declared_charset(tmp_path: Path) -> None:
    page = PAGE.format(published=TIMED).replace('charset="utf-8"', 'charset="windows-1258"')
    path = tmp_path / "trang.html"
    # Windows-1258 stores the tone as a combining mark after the letter; NFD then recomposing the base does that.
    split = (unicodedata.normalize("NFD", c) if not c.isascii() else c for c in page)
    path.write_bytes("".join(unicodedata.normalize("NFC", c[:1] + "".join(m for m in c[1:] if m not in TONES))
                             + "".join(m for m in c[1:] if m in TONES) for c in split).encode("cp1258"))
    [raw] = read([str(path)])
    assert isinstance(raw, RawPage) and raw.text is None
    assert "Hỗ trợ Ukraine" in html_content(raw.html or "").lines


def test_the_sapo_printed_outside_the_article_is_the_lead() -> None:
    sapo = "Lãnh đạo NATO nhất trí tăng cường phòng không cho Ukraine trước mùa đông, theo tuyên bố chung của hội nghị."
    description = f'<meta name="description" content="{sapo}">'
    page = PAGE.format(published=TIMED + description).replace(
        "<article>", f'<h2 class="detail-sapo">(Dân trí) - {sapo}</h2>\n<article>'
    )
    article = extraction.page(RawPage(source="p.html", html=page))
    assert article.lead == sapo
    assert article.body[0].startswith("Lãnh đạo các nước thành viên NATO")
    # Without the page's description, the block the site's markup names a sapo is read as one; a block merely
    # classed "description" is not.
    without = extraction.page(RawPage(source="p.html", html=page.replace(description, "")))
    assert without.lead == sapo
    plain = extraction.page(RawPage(source="p.html", html=page.replace(description, "").replace(
        'class="detail-sapo"', 'class="description"')))
    assert plain.lead.startswith("Lãnh đạo các nước thành viên NATO")

"""Line-role rules on page shapes other than the seeds': the way Vietnamese news sites lay out a text page."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews.extract import explain, merge_published, meta, page, stamps
from vnnews.extract.lines import split_lines
from vnnews.extract.meta import parse_byline, parse_caption
from vnnews.extract.site import parse_breadcrumb, split_dateline
from vnnews.extract.stamps import parse_stamp
from vnnews.model import InputError, PageMeta, RawPage

P1 = "Bộ trưởng Ngoại giao hai nước đã trao đổi về tình hình khu vực và các biện pháp thúc đẩy hợp tác song phương."
P2 = "Hai bên nhất trí tăng cường trao đổi đoàn các cấp, mở rộng hợp tác kinh tế, thương mại và đầu tư trong năm tới."
P3 = (
    "Theo kế hoạch, hội nghị cấp cao tiếp theo sẽ diễn ra tại thủ đô Hà Nội vào cuối năm nay"
    " với sự tham gia của các nước."
)


def extract(text: str, **meta) -> "page":
    return page(RawPage(source="t.txt", text=text, meta=PageMeta(**meta)))


def test_clean_page_comes_out_whole():
    art = extract(f"Hai nước thúc đẩy hợp tác toàn diện\n\n{P1}\n\n{P2}\n\n{P3}\n")
    assert art.title == "Hai nước thúc đẩy hợp tác toàn diện"
    assert [art.lead, *art.body] == [P1, P2, P3]


def test_menu_date_caption_and_trailing_byline_with_agency():
    text = "\n".join([
        "Thời sự", "Thế giới", "Kinh doanh", "Thể thao",
        "Thứ hai, 14/8/2021, 18:19 (GMT+7)",
        "Hai nước thúc đẩy hợp tác toàn diện",
        "(Dân trí) - " + P1,
        "Quang cảnh cuộc hội đàm tại Hà Nội hôm 13/8. Ảnh: TTXVN",
        P2, P3,
        "Minh Phương (Theo Reuters)",
        "Chia sẻ",
        "Bình luận (12)",
        "Một bài khác hoàn toàn không liên quan đến nội dung bài báo này, được in dưới phần bình luận.",
    ])
    art = extract(text)
    assert art.title == "Hai nước thúc đẩy hợp tác toàn diện"
    assert art.lead == P1
    assert art.body == [P2, P3]
    assert (art.author, art.source_agency) == ("Minh Phương", "Reuters")
    assert art.published == "2021-08-14T18:19:00+07:00" and art.published_precision == "minute"
    assert art.captions[0].credit == "TTXVN"


def test_comment_header_ends_article_even_when_teasers_read_like_prose():
    text = f"Hai nước thúc đẩy hợp tác toàn diện\n{P1}\n{P2}\nÝ KIẾN\n{P3}\n"
    assert extract(text).body == [P2]


def test_related_box_inside_article_is_stepped_over():
    text = "\n".join([
        "Hai nước thúc đẩy hợp tác toàn diện", P1,
        "Tin liên quan",
        "Thủ tướng tiếp Đại sứ Nhật Bản chào từ biệt",
        "Thủ tướng tiếp Đại sứ Nhật Bản chào từ biệt",
        "Chiều 12/8, tại trụ sở Chính phủ, Thủ tướng đã tiếp Đại sứ Nhật Bản đến chào từ biệt ...",
        "Ảnh tư liệu về cuộc gặp năm ngoái. (Ảnh: TTXVN)",
        P2, P3,
    ])
    art = extract(text)
    assert art.body == [P2, P3]
    assert art.related == ["Thủ tướng tiếp Đại sứ Nhật Bản chào từ biệt"]


def test_box_of_bare_titles_inside_the_article_is_stepped_over_and_the_article_resumes():
    related = ["Thủ tướng tiếp Đại sứ Nhật Bản chào từ biệt", "Hai nước ký kết thỏa thuận hợp tác về giáo dục"]
    more = P1 + " Thêm."
    text = "\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, P2, "TIN LIÊN QUAN", *related, P3, more, "Tags"])
    art = extract(text)
    assert art.body == [P2, P3, more]
    assert art.related == related


def test_a_box_with_summaries_keeps_its_prose_as_summaries():
    text = "\n".join([
        "Hai nước thúc đẩy hợp tác toàn diện", P1, P2, "Tin liên quan",
        "Thủ tướng tiếp Đại sứ Nhật Bản chào từ biệt", P3,
        "Hai nước ký kết thỏa thuận hợp tác về giáo dục", P1 + " Thêm.", "Xem nhiều",
    ])
    assert extract(text).body == [P2]


def test_author_line_between_the_lead_and_the_body():
    art = extract("\n".join(["Hai nước thúc đẩy hợp tác toàn diện", "TTO - " + P1, "BẢO ANH", P2, P3]))
    assert (art.author, art.lead, art.body) == ("BẢO ANH", P1, [P2, P3])


def test_author_agency_and_time_between_the_lead_and_the_body():
    text = "\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, "Thu Hằng", "Theo Reuters", "18:05 12/2/2024", P2, P3,
                      "Bạn đọc bình luận", "Một bài khác về chủ đề khác"])
    art = extract(text)
    assert (art.author, art.source_agency, art.published) == ("Thu Hằng", "Reuters", "2024-02-12T18:05:00+07:00")
    assert (art.body, art.related) == ([P2, P3], [])


def test_a_credited_byline_right_under_the_lead_is_the_bodys_when_prose_follows():
    interview = ["- Ông đánh giá thế nào về kết quả hội nghị lần này?", P2, "- Bước tiếp theo của hai nước là gì?", P3]
    art = extract("\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, "Hoàng Bách (thực hiện)", *interview]))
    assert (art.author, art.body) == ("Hoàng Bách", interview)
    closing = extract("\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, P2, "Hoàng Bách (thực hiện)", P3]))
    assert (closing.author, closing.body) == ("Hoàng Bách", [P2])


def test_a_byline_under_the_lead_with_links_and_a_photo_before_the_body():
    slug = "nato hop khan ve ukraine"
    lines = ["NATO họp khẩn về Ukraine", P1, "Nhất Phong", f"{slug} Hai nước thúc đẩy hợp tác toàn diện",
             f"{slug} Hội nghị cấp cao sẽ diễn ra tại Hà Nội", slug, "Toàn cảnh hội nghị. (Nguồn: Reuters)", P2, P3]
    art = extract("\n".join(lines))
    assert (art.author, art.body) == ("Nhất Phong", [P2, P3])
    assert art.related == ["Hai nước thúc đẩy hợp tác toàn diện", "Hội nghị cấp cao sẽ diễn ra tại Hà Nội"]


def test_a_list_opened_by_a_colon_is_kept_item_by_item():
    items = ["- Tăng chi tiêu quốc phòng vượt mức 2% GDP;", "- Mở rộng năng lực sản xuất đạn dược;", "- Hỗ trợ Ukraine"]
    opening = "Theo ông Rutte, các ưu tiên của liên minh gồm:"
    art = extract("\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, opening, *items, P2, "- Một dòng lẻ loi", P3]))
    assert art.body == [opening, *items, P2, P3]


def test_inline_link_and_doubled_title_are_related_not_body():
    doubled = "Thủ tướng tiếp Đại sứ Nhật Bản Thủ tướng tiếp Đại sứ Nhật Bản"
    text = "\n".join(["Hai nước thúc đẩy hợp tác", P1, "Xem thêm: Thủ tướng tiếp Đại sứ Hàn Quốc", doubled, P2])
    art = extract(text)
    assert art.body == [P2]
    assert art.related == ["Thủ tướng tiếp Đại sứ Hàn Quốc", "Thủ tướng tiếp Đại sứ Nhật Bản"]


def test_two_writers_and_a_question_title_below_them():
    teaser = "Lập trường nhất quán của Việt Nam là ủng hộ cuộc đấu tranh chính nghĩa của nhân dân Palestine."
    text = "\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, P2, "Võ Văn Thành - Xuân Hoa",
                      "Máy bay không người lái tấn công căn cứ: Kẻ nào đứng sau?", teaser])
    art = extract(text)
    assert (art.author, art.body) == ("Võ Văn Thành - Xuân Hoa", [P2])


def test_a_byline_followed_by_link_titles_and_summaries_closes_the_article():
    teaser = "Lập trường nhất quán của Việt Nam là ủng hộ cuộc đấu tranh chính nghĩa của nhân dân Palestine."
    text = "\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, P2, "Tuấn Lan",
                      "Việt Nam ủng hộ giải pháp hai Nhà nước", teaser, "Liên hệ quảng cáo"])
    art = extract(text)
    assert (art.author, art.body, art.related) == ("Tuấn Lan", [P2], ["Việt Nam ủng hộ giải pháp hai Nhà nước"])


def test_a_line_too_long_for_a_headline_under_the_headline_and_byline_is_the_lead():
    long_lead = ("Bão Tembin có di chuyển lệch về phía Nam khoảng 10km, ông Hoàng Đức Cường, giám đốc Trung tâm"
                 " Dự báo khí tượng thủy văn trung ương khẳng định như vậy trưa 25-12")
    text = "\n".join(["Bão Tembin lệch Nam nhưng vẫn nguy hiểm", "Tuấn Quang", long_lead, P1, P2])
    art = extract(text)
    assert (art.title, art.author, art.lead, art.body) == ("Bão Tembin lệch Nam nhưng vẫn nguy hiểm", "Tuấn Quang",
                                                           long_lead, [P1, P2])
    # Right under the headline, with a widget between it and the body.
    art = extract("\n".join(["Bão Tembin lệch Nam nhưng vẫn nguy hiểm", long_lead, "Theo dõi Vov.vn trên", P1, P2]))
    assert (art.title, art.lead, art.body) == ("Bão Tembin lệch Nam nhưng vẫn nguy hiểm", long_lead, [P1, P2])


def test_a_lead_opening_with_a_dateline_is_no_headline_even_without_a_full_stop():
    lead = "Tức giận do chị T. không chịu rút đơn ly hôn, Hùng đã dùng dao đâm người vợ tử vong tại nhà riêng"
    art = extract("\n".join(["Truy tố người chồng đâm chết vợ", f"(Dân trí) - {lead}", P1, P2]))
    assert (art.title, art.lead, art.body) == ("Truy tố người chồng đâm chết vợ", lead, [P1, P2])


def test_a_blurb_in_the_page_header_does_not_pass_for_the_article():
    blurb = "Báo Điện tử Tin Nhanh là cơ quan ngôn luận của Hội Nhà báo, cập nhật tin tức mỗi ngày."
    text = "\n".join(["Trang chủ", "Giới thiệu", blurb, "Ban Biên Tập",
                      "Hai nước thúc đẩy hợp tác toàn diện", P1, P2, P3, "Bình luận", "Một bài khác"])
    art = extract(text)
    assert (art.title, art.lead, art.body) == ("Hai nước thúc đẩy hợp tác toàn diện", P1, [P2, P3])
    assert [r.role for r in explain(RawPage(source="t.txt", text=text))][:5] == ["header"] * 4 + ["title"]


def test_a_short_brief_stays_the_article_whatever_the_teasers_below_it():
    brief = "Ngày 13/2, các bộ trưởng quốc phòng NATO đã họp khẩn tại Brussels."
    teasers = [f"Tin số {n} về hội nghị quốc phòng châu Âu" if n % 2 else P1 for n in range(8)]
    art = extract("\n".join(["NATO họp khẩn về Ukraine", brief, "Xem nhiều", *teasers]))
    assert (art.title, art.lead, art.body) == ("NATO họp khẩn về Ukraine", brief, [])


def test_an_advertisement_label_inside_the_article_does_not_end_it():
    assert extract("\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, P2, "Quảng cáo", P3])).body == [P2, P3]


def test_a_button_in_capitals_is_no_closing_byline():
    art = extract("\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, P2, "ĐĂNG KÝ", "Nhận tin mới mỗi ngày", P3]))
    assert art.author is None and art.body[-1] == P3


def test_a_headline_closing_with_a_full_stop_under_the_menu():
    title = "Nga và Ukraine trao đổi tù binh lần thứ 50 kể từ khi xung đột bắt đầu."
    art = extract("\n".join(["Thời sự", "Thế giới", "14/03/2024 10:15", title, P1 + " Hai bên ký kết văn kiện.", P2]))
    assert (art.title, art.lead, art.body) == (title, P1 + " Hai bên ký kết văn kiện.", [P2])


def test_page_without_article_is_refused_with_reason():
    with pytest.raises(InputError, match="no article"):
        extract("Trang chủ\nThời sự\nThế giới\nLiên hệ\n")


def test_explain_gives_every_line_a_role_and_reason():
    text = f"Hai nước thúc đẩy hợp tác\n\naa\n{P1}\n{P2}\nĐọc nhiều\n{P3}"
    roles = explain(RawPage(source="t.txt", text=text))
    assert [r.role for r in roles] == ["title", "widget", "lead", "body", "end-marker", "after-end"]
    assert all(r.reason for r in roles)
    assert [r.line_no for r in roles] == [1, 3, 4, 5, 6, 7]


def test_same_page_gives_same_id_whatever_its_source():
    text = f"Hai nước thúc đẩy hợp tác\n{P1}\n{P2}"
    a = page(RawPage(source="a.txt", text=text))
    b = page(RawPage(source="b/c.txt", text=text.replace("\n", "\r\n")))
    assert a.id == b.id


@pytest.mark.parametrize(
    ("line", "author", "agency"),
    [
        ("Thế Việt (theo AP)", "Thế Việt", "AP"),
        ("Hà Linh (TH)", "Hà Linh", None),
        ("Thu Hằng (TTXVN)", "Thu Hằng", "TTXVN"),
        ("Hoàng Anh/VOV.VN (Theo Reuters)", "Hoàng Anh", "Reuters"),
        ("Theo AFP", None, "AFP"),
        ("(TTXVN/Vietnam+)", None, "TTXVN"),
        ("Hà Ngọc (TTXVN/Vietnam+)", "Hà Ngọc", "TTXVN"),
        ("Hoàng Hà (thực hiện)", "Hoàng Hà", None),
        ("Minh Hòa (t/h)", "Minh Hòa", None),
        ("Nguyễn Hưng - Nhật Minh (Theo Tuổi trẻ)", "Nguyễn Hưng - Nhật Minh", "Tuổi trẻ"),
        ("Phương Anh, Hoàng Hà (TTXVN)", "Phương Anh, Hoàng Hà", "TTXVN"),
        ("V.Hương", "V.Hương", None),
        ("Võ Văn Thành - Xuân Hoa", "Võ Văn Thành - Xuân Hoa", None),
        ("Minh Hòa (tổng hợp từ Reuters)", "Minh Hòa", "Reuters"),
        ("Xuân Mai - Hoàng Trường", "Xuân Mai - Hoàng Trường", None),
        ("H.Y (TH)", "H.Y", None),
        ("Đ. Đ", "Đ. Đ", None),
        ("Nhóm PV", "Nhóm PV", None),
        ("GS.TS Phạm Tất Dong", "GS.TS Phạm Tất Dong", None),
        ("Nhất Phong", "Nhất Phong", None),
        ("Minh Anh | Theo Reuters", "Minh Anh", "Reuters"),
        ("PV Minh Anh", "Minh Anh", None),
        ("Huyền - Viên (TH)", "Huyền - Viên", None),
        ("Bài: Minh Anh - Ảnh: Hoàng Hà", "Minh Anh", None),
    ],
)
def test_bylines(line, author, agency):
    byline = parse_byline(line)
    assert (byline.author, byline.agency) == (author, agency)


@pytest.mark.parametrize(
    "line",
    ["Theo ông Rutte, điều này là sai.", "Xem nhiều", "Hội nghị Bộ trưởng Quốc phòng", "N. Ireland", "T.J. Carrie",
     "Thế giới | Quân sự", "Theo Minh Anh | Theo Reuters"],
)
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_stamps_captions_datelines_breadcrumbs():
    assert parse_stamp("18:19 | 14/08/2021 GMT+7").value == "2021-08-14T18:19:00+07:00"
    assert parse_stamp("Thứ Bảy, 14/08/2021").value == "2021-08-14"
    assert parse_stamp("Thứ Hai, ngày 02 tháng 12 năm 2024 10:15").value == "2024-12-02T10:15:00+07:00"
    assert parse_stamp("Hội nghị ngày 2 tháng 12 năm 2024 tại Brussels") is None
    assert parse_stamp("2:30 CH, 14/03/2024 GMT+7").value == "2024-03-14T14:30:00+07:00"  # chiều: afternoon
    assert parse_stamp("14/03/2024 12:05 AM").value == "2024-03-14T00:05:00+07:00"
    assert parse_stamp("Thời gian đăng: 10:15 14/03/2024").value == "2024-03-14T10:15:00+07:00"
    assert parse_stamp("Ngày xuất bản: 14/03/2024").value == "2024-03-14"
    assert parse_stamp("14/03/2024-10:15").value == "2024-03-14T10:15:00+07:00"  # a dash, not a zone, before 10:15
    assert parse_stamp("2024-03-14 10:15 -05:00").value == "2024-03-14T10:15:00-05:00"
    assert parse_stamp("Ngày 14/8/2021, NATO họp khẩn về Afghanistan") is None
    caption = parse_caption("Tổng thư ký NATO Jens Stoltenberg. (Nguồn: AP)")
    assert caption == ("Tổng thư ký NATO Jens Stoltenberg.", "AP")
    assert parse_caption(P1) is None
    assert split_dateline("TGVN. Ngày 13/2, NATO họp.") == ("TGVN", "Ngày 13/2, NATO họp.")
    assert split_dateline("Mỹ - NATO thảo luận về an ninh.") == (None, "Mỹ - NATO thảo luận về an ninh.")
    assert split_dateline("QĐND Online - Sáng 5/6, NATO họp.") == ("QĐND Online", "Sáng 5/6, NATO họp.")
    assert split_dateline("TP. HCM có thêm 6 tuyến xe buýt.") == (None, "TP. HCM có thêm 6 tuyến xe buýt.")
    assert parse_breadcrumb("Trang chủ Quốc tế Nhịp sống") == ["Quốc tế", "Nhịp sống"]
    assert parse_breadcrumb("Trang nhất báo Pháp nói gì về vụ cháy Nhà thờ Đức Bà Paris?") is None


def test_page_stated_time_wins_over_coarser_manifest_and_manifest_fills_gaps():
    assert merge_published("2021-08-14T18:19:00+07:00", "minute", "2021-08") == ("2021-08-14T18:19:00+07:00", "minute")
    assert merge_published(None, None, "2024-10") == ("2024-10", "month")
    assert merge_published("2021-08-14", "day", "2021-08-14T18:19:00+07:00") == ("2021-08-14T18:19:00+07:00", "minute")
    assert merge_published(None, None, None) == (None, None)


def test_credit_on_its_own_line_turns_the_line_above_into_a_caption():
    caption = "Ông Stoltenberg tại Brussels hôm 13/8."
    text = "\n".join(["Hai nước thúc đẩy hợp tác", P1, caption, "Ảnh: Reuters", P2, P3])
    art = extract(text)
    assert art.body == [P2, P3]
    assert [(c.text, c.credit) for c in art.captions] == [("Ông Stoltenberg tại Brussels hôm 13/8.", "Reuters")]


def test_agency_credited_at_the_end_of_the_last_paragraph():
    text = "\n".join(["Hai nước thúc đẩy hợp tác", P1, P2, P3[:-1] + ". (TTXVN/Vietnam+)"])
    assert extract(text).source_agency == "TTXVN"
    assert extract("\n".join(["Hai nước thúc đẩy hợp tác", P1, P2 + " (NATO)."])).source_agency is None


def test_labelled_byline_under_the_headline():
    art = extract("\n".join(["Hai nước thúc đẩy hợp tác", "Tác giả: Minh Anh", P1, P2]))
    assert art.author == "Minh Anh"


@pytest.mark.parametrize("line", [
    "Ngọc Anh | Thứ hai, 02/12/2024 10:15 (GMT+7)",
    "10:15 | 02/12/2024 | Ngọc Anh",
    "Ngọc Anh (theo Reuters) | 02/12/2024 10:15",
])
def test_a_byline_and_the_time_stamp_on_one_line_under_the_headline(line):
    art = extract("\n".join(["Thế giới", "Hai nước thúc đẩy hợp tác toàn diện", line, P1, P2]))
    assert (art.title, art.lead, art.body) == ("Hai nước thúc đẩy hợp tác toàn diện", P1, [P2])
    assert (art.author, art.published) == ("Ngọc Anh", "2024-12-02T10:15:00+07:00")


@pytest.mark.parametrize("line", ["Thế giới | Quân sự", "Ngọc Anh | Thế giới", "02/12/2024 | Xem nhiều"])
def test_not_a_byline_with_a_time_stamp(line):
    assert meta.parse_signed_stamp(line) is None


@pytest.mark.parametrize("title", ["Trang nhất báo Pháp nói gì về vụ cháy Nhà thờ Đức Bà Paris?",
                                   "#MeToo ở Hàn Quốc: lạm dụng tình dục bị phanh phui"])
def test_headlines_that_open_like_a_breadcrumb_or_with_a_hashtag(title):
    art = extract("\n".join(["Trang chủ / Thế giới", title, "aa", P1, P2]))
    assert (art.title, art.lead, art.body) == (title, P1, [P2])


def test_a_breadcrumb_printed_one_item_a_line_names_the_section():
    lines = ["Thế giới", "Quân sự", "Thứ hai, 02/12/2024 - 10:15", "Hai nước thúc đẩy hợp tác toàn diện", P1, P2]
    assert extract("\n".join(lines)).section == "Thế giới"
    roles = explain(RawPage(source="t.txt", text="\n".join(lines)))
    assert [r.role for r in roles[:3]] == ["breadcrumb", "breadcrumb", "timestamp"]


@pytest.mark.parametrize("top", [
    ["Thời sự", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao"],  # the site's menu
    ["Thế giới", "Tin 24h qua"],
    ["Đọc báo, đọc tin nhanh - Tin tức 24h"],
])
def test_other_lines_above_the_headline_name_no_section(top):
    assert extract("\n".join([*top, "Hai nước thúc đẩy hợp tác toàn diện", P1, P2])).section is None


@pytest.mark.parametrize(("line", "text", "credit"), [
    ("Tổng thư ký NATO Mark Rutte phát biểu tại Brussels hôm 1.12 REUTERS",
     "Tổng thư ký NATO Mark Rutte phát biểu tại Brussels hôm 1.12", "REUTERS"),
    ("Cảnh sát Pháp tuần tra tại Paris sau vụ tấn công AFP/TTXVN", "Cảnh sát Pháp tuần tra tại Paris sau vụ tấn công",
     "AFP/TTXVN"),
    ("Hiện trường vụ tai nạn trên quốc lộ 1A sáng nay NGỌC THẮNG", "Hiện trường vụ tai nạn trên quốc lộ 1A sáng nay",
     "NGỌC THẮNG"),
    ("Ông Rutte tại cuộc họp báo ở trụ sở NATO CHỤP MÀN HÌNH", "Ông Rutte tại cuộc họp báo ở trụ sở NATO",
     "CHỤP MÀN HÌNH"),
])
def test_captions_closing_with_a_credit_in_capitals(line, text, credit):
    assert parse_caption(line) == (text, credit)


@pytest.mark.parametrize("line", [
    "Đội tuyển bóng đá nam giành huy chương vàng VIỆT NAM",  # a place, not a photographer
    "Chuyên ngành quản lý môi trường của Trường ĐH Nông lâm TPHCM",
    "Ông Putin phát biểu tại Điện Kremlin ngày 5.3 theo AFP",
    "Chính phủ Mỹ tăng cường hợp tác với NATO",
    "ẢNH TƯ LIỆU",
    " ".join(["Hai bên nhất trí tăng cường hợp tác"] * 10) + " REUTERS",  # a paragraph, not a caption
])
def test_lines_that_end_in_capitals_without_a_credit(line):
    assert parse_caption(line) is None


def test_a_caption_with_its_credit_in_capitals_is_no_body():
    caption = "Tổng thư ký NATO Mark Rutte phát biểu tại Brussels hôm 1.12 REUTERS"
    art = extract("\n".join(["Hai nước thúc đẩy hợp tác toàn diện", P1, caption, P2, P3]))
    assert art.body == [P2, P3]
    assert [(c.text, c.credit) for c in art.captions] == [(caption.removesuffix(" REUTERS"), "REUTERS")]


_LABELS = st.sampled_from(["", "Cập nhật: ", "Cập nhật ", "Thứ năm, ", "Thứ hai ", "Chủ nhật, ", "CẬP NHẬT: ", "Đăng "])
_SEPARATORS = st.sampled_from([" ", " | ", ", ", " - ", "-", "|", "  ", ",", " , "])
_ZONES = st.sampled_from(["", " GMT+7", " (GMT+7)", "GMT+7", " GMT +7", " GMT+07:00", " UTC+7", " +07:00", "(GMT+7)"])


@st.composite
def _stamp_like(draw: st.DrawFn) -> str:
    day, month = draw(st.integers(0, 39)), draw(st.integers(0, 19))
    year = draw(st.sampled_from(["2019", "2020", "2024", "1999", "2102", "20"]))
    date = f"{day}{draw(st.sampled_from(['/', '-', '.', ' / ']))}{month}/{year}"
    times = [f"{draw(st.integers(0, 29))}{draw(st.sampled_from([':', 'h', ':']))}{draw(st.integers(0, 69)):02d}"
             for _ in range(2)]
    parts = draw(st.sampled_from([[date], [date, times[0]], [times[0], date], [times[0], date, times[1]]]))
    text = draw(_LABELS) + draw(_SEPARATORS).join(parts) + draw(_ZONES)
    return text + draw(st.sampled_from(["", "", " sáng", " x", "5"]))


@given(_stamp_like())
@settings(max_examples=3000, deadline=None)
def test_common_stamps_read_as_the_general_reading_reads_them(line: str):
    """The one-match reading of the usual stamp layouts is a shortcut: it must agree with the general one."""
    assert parse_stamp(line) == (stamps._read_stamp(line) if stamps.may_be_stamp(line) else None)


_LINE_SHAPES = st.sampled_from([
    "Hai nước thúc đẩy hợp tác toàn diện", P1, P2, P3, "Thu Hằng", "Theo Reuters", "Hà Ngọc (TTXVN/Vietnam+)",
    "H.Y (TH)", "Thứ năm, 14/3/2024, 10:15 (GMT+7)", "Trang chủ > Thế giới > Châu Âu", "Tin liên quan", "Xem nhiều",
    "Bình luận (12)", "Chia sẻ", "ĐĂNG KÝ", "Quảng cáo", "Ảnh minh họa", "Ảnh: Reuters",
    "Quang cảnh cuộc hội đàm tại Hà Nội hôm 13/8. Ảnh: TTXVN", "iraq bat den xanh cho nato o lai Iraq bật đèn xanh",
    "Thủ tướng tiếp Đại sứ Nhật Bản Thủ tướng tiếp Đại sứ Nhật Bản", "Xem thêm: Thủ tướng tiếp Đại sứ Hàn Quốc",
    "Chiều 12/8, tại trụ sở Chính phủ, Thủ tướng đã tiếp Đại sứ Nhật Bản đến chào từ biệt ...",
    "(Dân trí) - Tức giận do chị T. không chịu rút đơn ly hôn, Hùng đã dùng dao đâm người vợ tử vong",
    "Theo ông Rutte, các ưu tiên của liên minh gồm:", "- Tăng chi tiêu quốc phòng;", "", "  ", ":", "?", "...",
])


_PRINTED = st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), max_size=40)


@given(st.lists(st.one_of(_LINE_SHAPES, _PRINTED), max_size=30))
@settings(max_examples=400, deadline=None)
def test_any_page_gives_an_article_or_a_reason_and_a_role_per_line(lines: list[str]):
    raw = RawPage(source="fuzz.txt", text="\n".join(lines))
    try:
        article = page(raw)
    except InputError as exc:
        assert "no article" in str(exc) or "empty" in str(exc)
        return
    roles = explain(raw)
    assert [r.line_no for r in roles] == sorted({r.line_no for r in roles})
    assert len(roles) == sum(1 for line in raw.text.splitlines() if line.strip())
    assert article.title and page(raw) == article


_SPACED = st.lists(st.text(st.sampled_from([*"ab ăư.", "\t", "\xa0", "\u2009", "\u3000", "\u202f"]),
                           max_size=12), max_size=8)


@given(_SPACED)
@settings(max_examples=1000, deadline=None)
def test_white_space_inside_lines_folds_to_one_space_as_if_every_line_were_folded(lines: list[str]):
    """split_lines folds only the lines that change when folded: the result must be that of folding them all."""
    texts = split_lines("\n".join(lines)).texts
    folded = [" ".join(line.split()) for line in lines if line.strip()]
    spaced = any("  " in line or "\t" in line or "\xa0" in line for line in lines)
    assert texts == (folded if spaced else [line.strip() for line in lines if line.strip()])

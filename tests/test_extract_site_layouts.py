"""Layouts of Vietnamese news sites that the seeds do not show: a date of the day in the site's header, sharing and
font-size bars with labels the lists may not know, text-to-speech and video players, boxes of bare link titles set
inside the article, tags, and the bylines and credits those sites print."""

import pytest

from vnnews.extract import explain, page
from vnnews.extract.meta import parse_byline, parse_caption
from vnnews.extract.stamps import parse_stamp
from vnnews.model import RawPage

TITLE = "Hai nước thúc đẩy hợp tác toàn diện trong năm tới"
P1 = "Bộ trưởng Ngoại giao hai nước đã trao đổi về tình hình khu vực và các biện pháp thúc đẩy hợp tác song phương."
P2 = "Hai bên nhất trí tăng cường trao đổi đoàn các cấp, mở rộng hợp tác kinh tế, thương mại và đầu tư trong năm tới."
P3 = "Theo kế hoạch, hội nghị cấp cao tiếp theo sẽ diễn ra tại Hà Nội vào cuối năm nay với sự tham gia của các nước."
P4 = "Các chuyên gia nhận định quan hệ giữa hai nước đang bước vào giai đoạn phát triển mới với nhiều triển vọng."
LINK1 = "Giá vàng thế giới lập đỉnh mới trong phiên giao dịch đầu tuần"
LINK2 = "Nhật Bản ghi nhận số ca sinh thấp kỷ lục năm thứ chín liên tiếp"


def extract(*lines: str):
    return page(RawPage(source="t.txt", text="\n".join(lines)))


def roles(*lines: str) -> dict[str, str]:
    return {r.text: r.role for r in explain(RawPage(source="t.txt", text="\n".join(lines)))}


def test_the_stamp_nearest_the_headline_wins_over_the_date_of_the_day_in_the_sites_header():
    art = extract("Thứ Hai, 18/11/2024", "Đăng nhập", "Thời sự", "Thế giới",
                  "Thứ sáu, 15/11/2024 - 09:12", TITLE, P1, P2)
    assert art.published == "2024-11-15T09:12:00+07:00"


def test_a_stamp_under_the_headline_is_the_articles_and_stands():
    art = extract("Thứ Hai, 18/11/2024", TITLE, "Minh An", "Thứ sáu, 15/11/2024 19:40 (GMT+7)",
                  "Cập nhật: 16/11/2024 08:00", P1, P2)
    assert art.published == "2024-11-15T19:40:00+07:00"


def test_a_stamp_beside_the_section_name():
    assert parse_stamp("19-06-2025 - 06:12 AM | Tài chính quốc tế").value == "2025-06-19T06:12:00+07:00"
    assert parse_stamp("Hà Nội có mưa | 12/3/2024 | 18 độ") is None  # more than a label beside it


@pytest.mark.parametrize("bar", [
    ["Chia sẻ", "Facebook", "Zalo", "Sao chép liên kết", "Lưu", "In bài", "Cỡ chữ", "A", "A"],
    ["Chia sẻ", "Copy link", "A-", "A+", "In bài", "Nghe bài viết", "00:00 / 02:48", "Tốc độ 1x", "Giọng nữ miền Bắc"],
    ["Lưu", "Chia sẻ", "In bài", "Phóng to chữ", "A"],  # a label the lists do not know, between two controls
])
def test_a_sharing_font_size_or_reading_bar_between_the_headline_and_the_lead_is_stepped_over(bar):
    art = extract("Thời sự", TITLE, *bar, P1, P2)
    assert (art.title, art.lead, art.body) == (TITLE, P1, [P2])


def test_video_player_labels_are_not_body():
    art = extract(TITLE, P1, P2, "Video đang được tải...", "Phát", "00:00", "Tắt tiếng", "Toàn màn hình", P3)
    assert art.body == [P2, P3]


def test_the_prose_under_a_box_of_bare_link_titles_is_the_articles_again():
    art = extract(TITLE, P1, P2, "Tin liên quan", LINK1, LINK1, LINK2, LINK2, P3, "Một thách thức khác", P4)
    assert art.body == [P2, P3, "Một thách thức khác", P4]
    assert art.related == [LINK1, LINK2]


def test_a_summary_under_the_last_title_of_a_list_is_still_a_summary():
    art = extract(TITLE, P1, P2, "Tin liên quan", LINK1, LINK1, LINK2, LINK2, P3, "Xem nhiều", P4)
    assert art.body == [P2]


def test_tags_are_neither_body_nor_related_nor_the_byline():
    art = extract(TITLE, P1, P2, "Theo TTXVN", "Xuất khẩu lao động", "Hàn Quốc", "Visa E-8",
                  "#năng lượng #khí đốt #LNG", "Bình luận (0)")
    assert (art.body, art.author, art.source_agency, art.related) == ([P2], None, "TTXVN", [])


def test_a_writers_line_right_under_the_closing_agency_line_still_counts():
    art = extract(TITLE, P1, P2, "Theo Reuters", "Minh An", "Bình luận (0)")
    assert (art.author, art.source_agency) == ("Minh An", "Reuters")


def test_a_source_line_under_a_video_player_credits_the_video_not_the_article():
    art = extract(TITLE, P1, "Video: Người dân biểu tình ở trung tâm thành phố", "00:00 / 01:08",
                  "Nguồn: Reuters", P2, P3)
    assert (art.body, art.source_agency) == ([P2, P3], None)
    assert roles(TITLE, P1, "Xem video", "00:00 / 01:08", "Nguồn: Reuters", P2)["Nguồn: Reuters"] == "credit"


def test_a_quotation_set_apart_in_the_body_is_body():
    quote = '"Nếu không có người nước ngoài, nhiều cơ sở ở nông thôn đã phải đóng cửa từ lâu"'
    art = extract(TITLE, P1, P2, quote, "Trông cậy vào lao động nước ngoài", P3)
    assert art.body == [P2, quote, "Trông cậy vào lao động nước ngoài", P3]


@pytest.mark.parametrize(("line", "author", "agency"), [
    ("Thanh Hà, Theo Reuters", "Thanh Hà", "Reuters"),
    ("NGỌC ĐỨC thực hiện", "NGỌC ĐỨC", None),
    ("Thực hiện: Thái Phương", "Thái Phương", None),
    ("Bài và ảnh: Quế Chi", "Quế Chi", None),
    ("MINH HÒA (Nguồn: Reuters)", "MINH HÒA", "Reuters"),
    ("Minh Hòa/TTXVN", "Minh Hòa", "TTXVN"),
    ("Thu Hằng/VOV-Brussels", "Thu Hằng", None),  # the paper's own bureau
    ("Hồng Nhung/Báo Tin tức", "Hồng Nhung", None),
    ("Thanh Hà/VTV.vn", "Thanh Hà", None),
])
def test_bylines_of_other_sites(line, author, agency):
    byline = parse_byline(line)
    assert (byline.author, byline.agency) == (author, agency)
    assert parse_caption(line) is None


@pytest.mark.parametrize(("line", "caption"), [
    ("Áp dụng với mọi hình thức nhập cảnh: đường hàng không và đường biển.", None),  # "ảnh:" inside "cảnh:"
    ("Giá vàng thế giới liên tục lập đỉnh mới. Ảnh minh họa: AFP", ("Giá vàng thế giới liên tục lập đỉnh mới.", "AFP")),
    ("Ông Lê Văn Thành. (Nguồn: ĐỨC NGUYỄN)", ("Ông Lê Văn Thành.", "ĐỨC NGUYỄN")),
    ("Donald Trump (Ảnh: Reuters)", ("Donald Trump", "Reuters")),
])
def test_captions_and_what_only_looks_like_one(line, caption):
    assert parse_caption(line) == caption


def test_an_interviewers_line_under_the_headline_is_the_byline():
    art = extract("Thế giới", TITLE, "Thực hiện: PHƯƠNG LINH", "Thứ Hai, 03/02/2025 06:15", P1, P2)
    assert (art.title, art.author, art.lead) == (TITLE, "PHƯƠNG LINH", P1)


def test_a_short_label_above_a_question_headline_is_not_the_headline():
    question = "Mùa đông thứ ba không khí đốt Nga: Châu Âu đã đủ sức chống chịu?"
    art = extract("Thế giới", "Bình luận quốc tế", "Thứ Hai, 02/12/2024 - 06:00", question, P1, P2)
    assert (art.title, art.lead) == (question, P1)


def test_a_short_line_under_a_box_of_bare_titles_is_a_subheading_only_over_prose():
    art = extract(TITLE, P1, P2, "Tin liên quan", LINK1, LINK1, LINK2, LINK2, "Sức ép luận tội", P3, P4)
    assert art.body == [P2, "Sức ép luận tội", P3, P4]
    art = extract(TITLE, P1, P2, "Tin liên quan", LINK1, LINK1, LINK2, LINK2, "Xe máy Honda", "5.349.000 đồng",
                  "Xem nhiều", P3)
    assert art.body == [P2]


def test_one_title_printed_three_times_is_one_link_and_the_prose_under_it_its_summary():
    art = extract(TITLE, P1, P2, "Tin liên quan", LINK1, LINK1, LINK1, P3, "Xem nhiều", P4)
    assert (art.body, art.related) == ([P2], [LINK1])


def test_prose_under_bare_titles_is_a_summary_when_a_form_follows():
    art = extract(TITLE, P1, P2, "Tin liên quan", LINK1, LINK2, P3, "Họ tên (bắt buộc)", "Email (bắt buộc)")
    assert art.body == [P2]


def test_a_subheading_over_the_sentence_that_opens_a_list_is_body():
    opener = "Theo biên bản ghi nhớ vừa được ký kết, hai thành phố sẽ tập trung vào các lĩnh vực sau:"
    item = "Chia sẻ kinh nghiệm xây dựng trung tâm điều hành đô thị thông minh;"
    art = extract(TITLE, P1, P2, "Ba lĩnh vực hợp tác trọng tâm", opener, item, P3)
    assert art.body == [P2, "Ba lĩnh vực hợp tác trọng tâm", opener, item, P3]


def test_one_hashtag_a_line_is_a_run_of_tags():
    art = extract(TITLE, P1, P2, "Thu Hà", "#Việt Nam - New Zealand", "#Đối tác Chiến lược Toàn diện", "Bình luận")
    assert (art.body, art.related, art.author) == ([P2], [], "Thu Hà")


def test_a_credit_line_under_its_caption_may_say_the_photo_is_illustrative():
    caption = "Sinh viên quốc tế tham gia hoạt động ngoại khóa tại một trường đại học ở Hà Nội."
    art = extract(TITLE, P1, P2, caption, "Ảnh minh họa: Phạm Minh", P3)
    assert art.body == [P2, P3]
    assert [(c.text, c.credit) for c in art.captions] == [(caption, "Phạm Minh")]


def test_prose_under_bare_titles_goes_on_through_a_pull_quote():
    quote = '"Chúng tôi đang trả giá cho nhiều năm bỏ bê mạng lưới đường sắt"'
    art = extract(TITLE, P1, P2, "Tin liên quan", LINK1, LINK2, P3, quote, "Hành khách phải chấp nhận bất tiện", P4)
    assert art.body == [P2, P3, quote, "Hành khách phải chấp nhận bất tiện", P4]


def test_the_time_of_an_update_does_not_replace_the_publication_time():
    art = extract("Thứ Hai, 18/11/2024", "Đăng lúc 10:00 15/11/2024", "Cập nhật: 11:30 16/11/2024", TITLE, P1, P2)
    assert art.published == "2024-11-15T10:00:00+07:00"
    assert extract("Cập nhật: 11:30 16/11/2024", TITLE, P1, P2).published == "2024-11-16T11:30:00+07:00"


OIL = [
    "Giá dầu Brent giảm tuần thứ ba liên tiếp khi OPEC+ cân nhắc chậm lại kế hoạch tăng sản lượng",
    "Giá dầu thô khép lại tuần giao dịch với mức giảm hơn 3% do lo ngại nhu cầu yếu tại Trung Quốc và tồn kho dầu"
    " thô của Mỹ tăng mạnh, trong khi OPEC+ cân nhắc chậm lại việc nâng sản lượng khai thác.",
    "Kết thúc phiên giao dịch ngày 20/6, giá dầu Brent giao tháng 8 giảm 1,12 USD xuống 70,48 USD/thùng, còn giá dầu"
    " WTI giảm 0,95 USD xuống 67,15 USD/thùng.",
]
OIL_MORE = ("Ở châu Á, lượng dầu thô được các nhà máy lọc dầu Trung Quốc xử lý trong tháng 5 giảm, cho thấy nhu cầu"
            " xăng dầu và nhiên liệu của nền kinh tế lớn thứ hai thế giới vẫn yếu.")


def test_a_read_more_box_inside_the_article_gives_it_back_when_its_story_goes_on_below():
    art = extract(*OIL, "Đọc thêm", LINK1, LINK1, LINK2, LINK2, OIL_MORE, P4)
    assert art.body == [OIL[2], OIL_MORE, P4]
    assert art.related == [LINK1, LINK2]


def test_a_read_more_list_of_other_stories_still_ends_the_article():
    teaser = "Nhìn chung, hôm nay, đà tăng giá heo hơi vẫn tiếp tục kéo dài tại thị trường miền Bắc và miền Trung."
    art = extract(*OIL, "Đọc thêm", LINK1, LINK1, teaser, P4)
    assert art.body == [OIL[2]]


def test_a_live_blogs_updates_under_its_sorting_toggle_are_the_article():
    update = "Các nhà lãnh đạo đã thông qua tuyên bố chung về tầm nhìn phát triển của khối trong hai mươi năm tới."
    art = extract(TITLE, P1, "Tự động cập nhật", "Mới nhất", "Cũ nhất", "12:10", update, "11:20", P2)
    assert art.body == [update, P2]


def test_a_comment_button_between_the_headline_and_the_lead_is_not_the_headline():
    stamp = "Thứ Hai, 27/10/2025 06:30 (GMT+7)"
    art = extract("Quốc tế", TITLE, "Hoàng Yến", stamp, "Chia sẻ", "Gửi bình luận", P1, P2)
    assert (art.title, art.author, art.lead) == (TITLE, "Hoàng Yến", P1)


def test_the_writers_office_under_a_column_byline_is_not_the_headline():
    office = "Nhà nghiên cứu kinh tế quốc tế, Viện Nghiên cứu Phát triển TPHCM"
    art = extract("BÌNH LUẬN", "Thuế quan và lựa chọn của những nền kinh tế mở", "TRẦN ĐỨC KHANG", office,
                  "Thứ Hai, 7/7/2025 06:00", P1, P2)
    assert (art.title, art.author, art.lead) == ("Thuế quan và lựa chọn của những nền kinh tế mở", "TRẦN ĐỨC KHANG", P1)


def test_a_label_in_capitals_between_a_menu_and_the_headline_leaves_the_headline_alone():
    live = "Trực tiếp: Hội nghị Cấp cao ASEAN lần thứ 46 tại Kuala Lumpur"
    art = extract("Hồ sơ", "Quan sát - Bình luận", "Người Việt bốn phương", "Thứ Hai, 08:30, 26/05/2025", "TRỰC TIẾP",
                  live, P1, P2)
    assert art.title == live


@pytest.mark.parametrize("bar", [
    ["Chia sẻ", "In bài", "Gửi thư góp"],  # labels the lists do not know, under a headline-length line
    ["NGỌC ĐỨC", "Gửi ngôi sao", "Chia sẻ", "Lưu"],
    ["Thứ Ba, 05/11/2024 | 10:25", "Lượt xem: 1.284", "A", "A"],
])
def test_a_short_label_above_the_lead_under_the_headline_is_a_control(bar):
    art = extract("Thế giới", TITLE, *bar, P1, P2)
    assert (art.title, art.lead) == (TITLE, P1)


def test_an_update_stamp_replaces_the_date_of_the_day_in_the_sites_header():
    art = extract("Thứ hai, 28/10/2024", "Kinh doanh", "Cập nhật: 28/10/2024 - 06:11", TITLE, P1, P2)
    assert art.published == "2024-10-28T06:11:00+07:00"


def test_an_agency_credited_after_the_writers_own_outlet():
    byline = parse_byline("Hồng Quân/VOV.VN Theo Reuters")
    assert (byline.author, byline.agency) == ("Hồng Quân", "Reuters")


def test_several_agencies_credited_on_one_line():
    assert parse_byline("Theo Reuters, Bloomberg").agency == "Reuters, Bloomberg"
    assert parse_byline("Theo Bộ Y tế, nước này sẽ cần thêm hàng trăm nghìn nhân viên") is None


def test_a_name_among_a_tables_cells_is_not_a_closing_byline():
    cells = ["Bảng C", "Đội", "Đ1-", "Thụy Điển", "42-", "Đan Mạch", "43-"]
    art = extract(TITLE, P1, P2, *cells, P3, "Minh Anh")
    assert (art.body, art.author) == ([P2, P3], "Minh Anh")


def test_a_bulleted_list_goes_on_past_an_item_that_closes_with_a_full_stop():
    items = ["Điều kiện để bạn tham gia chương trình:", "- Học lực đại học 6,5 trở lên",
             "- Anh ngữ 525 TOEFL (nếu chưa có điểm, bạn có thể học ở Mỹ).", "- Nộp 5.000 USD mỗi năm",
             "Quyền lợi của bạn:", "- Được miễn 100% học phí khóa thạc sĩ"]
    art = extract(TITLE, P1, *items, P2)
    assert art.body == [*items, P2]


def test_a_clean_page_whose_text_opens_with_no_lead_shaped_paragraph_comes_out_whole():
    lines = ["Những trường hợp khiếu nại không được thụ lý?", "Trả lời:",
             "Luật khiếu nại, tố cáo quy định những trường hợp sau không được thụ lý để giải quyết:",
             "- Người đại diện không hợp pháp;", "- Thời hiệu khiếu nại đã hết;", P1, P2]
    art = extract(*lines)
    assert (art.title, art.lead, art.body) == (lines[0], lines[1], lines[2:])


def test_a_box_of_links_each_under_its_url_slug_gives_the_article_back():
    slug1, slug2 = "gia vang the gioi lap dinh moi", "nhat ban ghi nhan so ca sinh thap ky luc"
    caption = "Người dân chờ đón người thân tại điểm trao trả. Ảnh: AFP"
    box = [slug1, LINK1, LINK1, slug2, LINK2, LINK2]
    art = extract(TITLE, P1, P2, *box, P3, "nguoi dan cho don nguoi than", caption, P4)
    assert art.body == [P2, P3, P4]
    assert art.related == [LINK1, LINK2]
    assert [c.credit for c in art.captions] == ["AFP"]


def test_a_stamp_with_seconds_beside_a_section_and_a_view_counter():
    stamp = parse_stamp("Cập nhật: 06-08-2024 05:22:31 | Thế giới | Lượt xem: 1245")
    assert (stamp.value, stamp.precision) == ("2024-08-06T05:22:31+07:00", "second")


def test_a_subheading_shorter_than_the_link_titles_above_it_resumes_the_article():
    heading = "Bảo hiểm vẫn là rào cản lớn"
    art = extract(TITLE, P1, P2, "Tin liên quan", LINK1, LINK2, heading, P3)
    assert (art.body, art.related) == ([P2, heading, P3], [LINK1, LINK2])


def test_the_copyright_line_at_the_foot_of_the_page_names_the_site():
    footer = ["Bình luận (0)", "Liên hệ quảng cáo: 0919 405 885", "© Bản quyền thuộc về Znews.vn. Cấm sao chép."]
    assert extract(TITLE, P1, P2, *footer).site == "znews.vn"
    assert extract(TITLE, P1, P2, "Bình luận (0)", "Copyright © www.Kenh14.vn").site == "kenh14.vn"
    assert extract(TITLE, P1, P2, "Bình luận (0)", "Email: toasoan@nld.com.vn").site is None


def test_a_short_subheading_under_a_box_of_titles_with_summaries_resumes_the_article():
    summary = "Kế hoạch mới của Ủy ban châu Âu dự kiến loại bỏ dần khí đốt Nga trong vòng ba năm tới đây."
    box = ["Tin liên quan", LINK1, summary, LINK2, summary.replace("ba năm", "hai năm")]
    art = extract(TITLE, P1, P2, *box, "Bài toán dài hạn", P3, P4)
    assert art.body == [P2, "Bài toán dài hạn", P3, P4]
    art = extract(TITLE, P1, P2, *box, "Bài toán dài hạn", P3, "Xem nhiều", P4)
    assert art.body == [P2]  # one paragraph under it: a third link and its summary


def test_a_byline_printed_above_the_headline_leaves_the_headline_alone():
    art = extract("Thế giới > Châu Âu", "Minh An", "Đức công bố gói chi tiêu quốc phòng mới", P1, P2)
    assert (art.title, art.lead) == ("Đức công bố gói chi tiêu quốc phòng mới", P1)

"""Pages saved by text-mode browsers (lynx, w3m): paragraphs wrapped at a terminal's width, link numbers, buttons
printed on one line. The lines are joined back into blocks before any role is given."""

import textwrap

from vnnews.extract import page
from vnnews.extract.lines import widget_bar
from vnnews.extract.wrapped import unwrap
from vnnews.model import RawPage

TITLE = "Nga tập kích quy mô lớn vào hệ thống năng lượng Ukraine"
P1 = ("Ngày 17/11, Nga tiến hành một trong những đợt tập kích bằng tên lửa và máy bay không người lái lớn nhất"
      " trong nhiều tháng qua, nhắm vào các cơ sở năng lượng tại nhiều khu vực của Ukraine, buộc nước này phải"
      " cắt điện khẩn cấp trên diện rộng.")
P2 = ("Theo Không quân Ukraine, Nga đã sử dụng tổng cộng khoảng 120 tên lửa các loại và 90 máy bay không người"
      " lái trong đợt tấn công kéo dài từ rạng sáng đến trưa cùng ngày, nhằm vào các trạm biến áp lớn.")
P3 = ("Công ty vận hành lưới điện quốc gia Ukrenergo thông báo áp dụng lịch cắt điện luân phiên tại hầu hết"
      " các địa phương từ ngày 18/11, và cảnh báo tình trạng thiếu hụt có thể kéo dài khi trời chuyển lạnh.")


def wrapped(paragraph: str, indent: str = "   ") -> list[str]:
    return textwrap.wrap(paragraph, width=78, initial_indent=indent, subsequent_indent=indent)


def lynx_page() -> str:
    lines = ["   [1]Báo Quân đội Nhân dân", "     * [11]Trang chủ", "     * [12]Quốc tế", "",
             "   [25]Quốc tế > [26]Tin tức", "", TITLE, "", "   Thứ Hai, 18/11/2024 | 08:15",
             "   [27]Chia sẻ [28]Facebook [29]Zalo [30]In bài", ""]
    for paragraph in (P1, P2, P3):
        lines += [*wrapped(paragraph), ""]
    lines += ["   Ý kiến bạn đọc", "", "References", "", "   1. https://www.qdnd.vn/" + "a" * 120]
    return "\n".join(lines)


def test_a_lynx_dump_comes_out_as_its_article():
    art = page(RawPage(source="t.txt", text=lynx_page()))
    assert (art.title, art.lead, art.body) == (TITLE, P1, [P2, P3])
    assert art.published == "2024-11-18T08:15:00+07:00"


def test_a_w3m_dump_keeps_a_time_stamp_apart_from_the_long_headline_above_it():
    title = "Bầu cử Đức: Liên minh CDU/CSU giành chiến thắng, AfD vươn lên vị trí thứ hai tại"
    lines = [title, "24/02/2025 - 14:12", "Google News  [A-] [A+]  [In]", ""]
    for paragraph in (P1, P2, P3):
        lines += [*wrapped(paragraph, indent=""), ""]
    art = page(RawPage(source="t.txt", text="\n".join(lines)))
    assert (art.title, art.published, art.lead) == (title, "2025-02-24T14:12:00+07:00", P1)


def test_a_page_not_wrapped_is_left_as_it_is():
    lines = ["Thế giới", "Hai nước thúc đẩy hợp tác", "Chia sẻ", "", "Một câu ngắn.", "Một câu khác."]
    assert unwrap(lines) == lines


def test_buttons_printed_on_one_line_are_a_widget_bar():
    assert widget_bar("Chia sẻ Facebook Zalo In bài") and widget_bar("Google News [A-] [A+] [In]")
    assert not widget_bar("Chia sẻ") and not widget_bar("Thế giới Thời sự")


def test_lines_of_a_page_repeated_at_one_width_are_not_a_wrapped_page():
    doubled = "Thủ tướng tiếp Đại sứ Nhật Bản Thủ tướng tiếp Đại sứ Nhật Bản"
    lines = ["Hai nước thúc đẩy hợp tác toàn diện", doubled, doubled, doubled,
             "Quang cảnh cuộc hội đàm tại Hà Nội hôm 13/8. Ảnh: TTXVN"]
    assert unwrap(lines) == lines

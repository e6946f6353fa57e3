"""Lists of other stories under headings the furniture lists do not know: the paragraphs printed right under the
heading tell other stories than the article, and with that the heading ends the article. A heading over more of the
same story stays in it, and text that is not Vietnamese is never judged by Vietnamese words."""

from vnnews.extract import cohesion, explain, page
from vnnews.model import RawPage

TITLE = "NATO họp bàn tăng ngân sách quốc phòng cho sườn phía Đông"
LEAD = (
    "Bộ trưởng Quốc phòng các nước thành viên NATO nhóm họp tại Brussels để bàn việc tăng ngân sách quốc phòng và"
    " triển khai thêm lữ đoàn tới Ba Lan, Litva và Romania."
)
BODY = [
    "Tổng thư ký NATO Mark Rutte cho biết liên minh cần tăng chi tiêu quốc phòng lên ít nhất 3% GDP để bảo vệ sườn"
    " phía Đông trước sức ép từ Nga.",
    "Theo kế hoạch được thảo luận, Đức sẽ đưa một lữ đoàn thiết giáp tới Litva, còn Mỹ duy trì hệ thống phòng không"
    " Patriot tại Ba Lan và Romania.",
    "Ông Rutte nhấn mạnh các đồng minh châu Âu phải gánh phần lớn hơn trong ngân sách chung của liên minh quân sự"
    " xuyên Đại Tây Dương.",
    "Các nước Baltic đề nghị NATO bố trí thêm máy bay tiêm kích và tàu khu trục tuần tra biển Baltic, nơi nhiều"
    " tuyến cáp ngầm bị hư hại thời gian qua.",
]
OTHER_STORIES = [
    "Giá vàng miếng SJC sáng nay tăng thêm 500.000 đồng mỗi lượng, theo đà đi lên của giá vàng thế giới khi đồng"
    " USD suy yếu trước cuộc họp của Cục Dự trữ Liên bang Mỹ.",
    "Cơn bão số 6 đổ bộ vào các tỉnh miền Trung khiến hàng nghìn ngôi nhà tốc mái, nhiều tuyến đường ở Quảng Ngãi"
    " ngập sâu.",
    "Câu lạc bộ Hà Nội thắng đậm Hải Phòng 4-1 trên sân Hàng Đẫy, vươn lên dẫn đầu bảng xếp hạng V-League sau vòng"
    " đấu thứ 12.",
    "Sở Giáo dục TP.HCM công bố điểm chuẩn lớp 10 công lập, trường Trung học phổ thông Nguyễn Thượng Hiền lấy cao"
    " nhất thành phố.",
]
UNKNOWN_HEADING = "Tin nóng"  # not in data/page_furniture.yaml


def extract(lines: list[str]):
    return page(RawPage(source="t.txt", text="\n".join(lines)))


def test_an_unknown_heading_over_other_stories_ends_the_article():
    art = extract([TITLE, LEAD, *BODY, UNKNOWN_HEADING, *OTHER_STORIES])
    assert art.body == BODY
    roles = {r.text: r for r in explain(RawPage(source="t.txt", text="\n".join([TITLE, LEAD, *BODY, UNKNOWN_HEADING,
                                                                              *OTHER_STORIES])))}
    assert roles[UNKNOWN_HEADING].role == "end-marker"
    assert "other stories" in roles[UNKNOWN_HEADING].reason


def test_a_heading_over_more_of_the_story_stays_in_the_article():
    more = [
        "Nga phản đối kế hoạch triển khai lữ đoàn của NATO, cho rằng việc đưa quân tới Litva và Ba Lan đe dọa an"
        " ninh của Moskva.",
        "Điện Kremlin tuyên bố sẽ đáp trả nếu liên minh tăng hiện diện quân sự ở sườn phía Đông.",
        "Các bộ trưởng NATO sẽ họp tiếp vào tháng sau để chốt ngân sách quốc phòng chung.",
    ]
    art = extract([TITLE, LEAD, *BODY, "Phản ứng", *more])
    assert art.body == BODY + more


def test_a_list_with_titles_between_its_items_is_not_judged():
    """An article's sections under their subheadings are printed the same way."""
    titled = [x for k, story in enumerate(OTHER_STORIES) for x in (f"Tin thứ {k + 1} trong ngày", story)]
    art = extract([TITLE, LEAD, *BODY, UNKNOWN_HEADING, *titled])
    assert OTHER_STORIES[-1] in art.body


def test_a_short_list_is_left_alone():
    """Two paragraphs say too little: the heading stays a line of the article."""
    art = extract([TITLE, LEAD, *BODY, UNKNOWN_HEADING, *OTHER_STORIES[:2]])
    assert art.body == BODY + OTHER_STORIES[:2]


def test_telling_words_leave_out_the_common_syllables_and_numbers():
    words = cohesion.telling_words("Bộ trưởng Quốc phòng các nước NATO họp tại Brussels ngày 13")
    assert {"nato", "brussels"} <= words
    assert not {"các", "tại", "ngày", "13"} & words


def test_text_that_is_not_vietnamese_is_not_judged():
    english = [
        "Shares of the chip maker rose sharply after it raised its revenue forecast for the coming quarter.",
        "Heavy snow closed several mountain passes and left thousands of travellers stranded overnight.",
        "The museum reopened its main gallery after a renovation that took nearly three years to finish.",
    ]
    assert cohesion.other_stories(OTHER_STORIES[:3], [TITLE, LEAD, *BODY])
    assert not cohesion.other_stories(english, [TITLE, LEAD, *BODY])


def test_paragraphs_that_share_a_story_are_not_a_list_of_other_stories():
    storm = [
        "Cơn bão số 6 đổ bộ vào các tỉnh miền Trung khiến hàng nghìn ngôi nhà tốc mái ở Quảng Ngãi.",
        "Tại Quảng Ngãi, cơn bão số 6 làm ngập sâu nhiều tuyến đường và tốc mái hàng nghìn ngôi nhà.",
        "Chính quyền Quảng Ngãi sơ tán dân khỏi vùng ngập sau khi bão số 6 làm tốc mái nhà.",
    ]
    assert not cohesion.other_stories(storm, [TITLE, LEAD, *BODY])


def test_a_digest_set_in_sections_under_short_headings_stays_whole():
    """A digest's sections are other stories too; once a short heading has opened one of them, the next short
    heading opens the next."""
    asia = [
        "Nhật Bản và Hàn Quốc nhất trí nối lại đối thoại an ninh cấp thứ trưởng sau nhiều năm gián đoạn vì tranh chấp"
        " lịch sử.",
        "Indonesia khai trương tuyến đường sắt cao tốc nối Jakarta với Bandung, rút ngắn thời gian đi lại còn 40 phút.",
    ]
    europe = [
        "Quốc hội Pháp thông qua luật hưu trí mới sau nhiều tuần tranh cãi gay gắt giữa các đảng phái cánh tả.",
        "Tây Ban Nha hứng chịu đợt mưa lũ lịch sử ở vùng Valencia khiến giao thông đường sắt bị đình trệ nhiều ngày.",
        "Ireland công bố kế hoạch xây thêm hai mươi nghìn căn hộ giá rẻ cho người thuê nhà ở thủ đô Dublin.",
    ]
    page_lines = [TITLE, LEAD, *BODY[:2], "Châu Á", *asia, "Châu Âu", *europe]
    assert extract(page_lines).body == [*BODY[:2], *asia, *europe]
    # The first section, under a one-paragraph introduction.
    intro = " ".join(BODY)
    assert extract([TITLE, LEAD, intro, "Châu Âu", *europe]).body == [intro, *europe]

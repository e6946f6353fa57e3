"""Clean pages (a title line, then the text) in the shapes papers print beside plain news: a reader's question and
the answer, a list under the sentence that opens it, a brand for a headline, a headline that trails off, a text copy
that kept the HTML's character references. Each must come out whole, under its own title."""

from vnnews.extract import page
from vnnews.model import RawPage

ANSWER = (
    "Theo quy định hiện hành, người lao động được nghỉ phép năm 12 ngày nếu làm việc trong điều kiện bình thường."
    " Số ngày nghỉ tăng thêm theo thâm niên làm việc tại doanh nghiệp."
)
MORE = "Doanh nghiệp có trách nhiệm lập kế hoạch nghỉ phép năm và thông báo cho người lao động từ đầu năm."


def extract(text: str):
    return page(RawPage(source="t.txt", text=text))


def test_a_readers_question_that_ends_with_a_question_mark_is_the_lead():
    question = (
        "Tôi làm việc tại một công ty may được gần năm năm. Năm nay công ty chỉ cho tôi nghỉ phép 10 ngày."
        " Xin hỏi công ty làm như vậy có đúng quy định không?"
    )
    art = extract("\n".join(["Nghỉ phép năm bao nhiêu ngày", question, "Trả lời:", ANSWER, MORE]))
    assert art.title == "Nghỉ phép năm bao nhiêu ngày"
    assert art.lead == question
    assert art.body == [ANSWER, MORE]


def test_a_one_sentence_question_is_still_a_headline():
    title = "Vì sao doanh nghiệp chỉ cho người lao động nghỉ phép 10 ngày trong năm nay?"
    art = extract("\n".join([title, ANSWER, MORE]))
    assert (art.title, art.lead) == (title, ANSWER)


def test_the_sentence_that_opens_a_list_is_the_lead():
    opener = "Sản phẩm mới của công ty có những đặc điểm sau:"
    items = ["- Cài đặt được trên mọi điện thoại có hỗ trợ Java.", "- Dung lượng nhỏ, chỉ 57 KB.",
             "- Tra cứu được khi không có kết nối mạng."]
    art = extract("\n".join(["Từ điển Anh - Việt cho điện thoại di động", opener, *items]))
    assert art.title == "Từ điển Anh - Việt cho điện thoại di động"
    assert [art.lead, *art.body] == [opener, *items]


def test_a_headline_may_open_with_a_brand_written_lower_case_first():
    lead = "Kho nhạc trực tuyến của Apple vừa bán ra bài hát thứ một tỷ, chưa đầy ba năm sau ngày mở cửa."
    art = extract("\n".join(["iTunes bán ra bài hát thứ một tỷ", lead, MORE]))
    assert (art.title, art.lead, art.body) == ("iTunes bán ra bài hát thứ một tỷ", lead, [MORE])


def test_a_headline_that_trails_off_is_a_headline_and_a_teaser_cut_short_is_not():
    lead = "Các lực sĩ thể hình nổi tiếng hầu như chẳng ai xuất thân từ gia đình giàu có, ai cũng từng rất vất vả."
    art = extract("\n".join(["Cuộc chiến thầm lặng của những lực sĩ...", lead, MORE]))
    assert (art.title, art.lead, art.body) == ("Cuộc chiến thầm lặng của những lực sĩ...", lead, [MORE])
    teaser = "Các lực sĩ thể hình nổi tiếng hầu như chẳng ai xuất thân từ gia đình ..."
    art = extract("\n".join(["Cuộc chiến thầm lặng của những lực sĩ", lead, MORE, teaser]))
    assert art.body == [MORE]


def test_character_references_left_in_a_text_copy_are_read():
    quote = "Ông Nam nói: &quot;Chúng tôi sẽ hoàn thành công trình trước mùa mưa năm nay&quot;, theo kế hoạch đã duyệt."
    text = "\n".join(["Công trình cầu vượt sẽ xong trước mùa mưa", "&gt;&gt; Thêm một cầu vượt được khởi công",
                      ANSWER, quote])
    art = extract(text)
    assert art.title == "Công trình cầu vượt sẽ xong trước mùa mưa"
    assert art.related == ["Thêm một cầu vượt được khởi công"]
    assert art.lead == ANSWER
    assert art.body == [quote.replace("&quot;", '"')]

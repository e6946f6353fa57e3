"""Quotes as Vietnamese news writes them: quotes over several paragraphs, speakers after the quote, relayed
sources, "theo X", speech verbs that also take objects, pronoun speakers."""

from __future__ import annotations

from events_support import analysed

from vnnews.events import Quote


def quotes_of(paragraphs: list[str], names: list[tuple[str, str, str]]) -> list[Quote]:
    return analysed(paragraphs, names)[1]


def test_a_straight_quote_over_two_paragraphs_with_the_speaker_after() -> None:
    paragraphs = ['" Chúng tôi kêu gọi Nga ngừng gây bất ổn ở Ukraine.', 'Chúng tôi muốn hoà bình ", ông Trump nói.']
    names = [("Nga", "LOC", "Russia"), ("Ukraine", "LOC", "Ukraine"), ("Trump", "PER", "Donald Trump")]
    (quote,) = quotes_of(paragraphs, names)
    assert (quote.speaker, quote.direct) == ("Donald Trump", True)
    assert quote.text == "Chúng tôi kêu gọi Nga ngừng gây bất ổn ở Ukraine.\nChúng tôi muốn hoà bình"


def test_the_speaker_an_outlet_relays_after_the_quote() -> None:
    paragraph = '" Chúng tôi rất tiếc về quyết định này ", AFP dẫn lời Maja Kocijancic, người phát ngôn EU.'
    names = [("AFP", "ORG", "AFP"), ("Maja Kocijancic", "PER", "Maja Kocijancic"), ("EU", "ORG", "European Union")]
    (quote,) = quotes_of([paragraph], names)
    assert (quote.speaker, quote.via, quote.direct) == ("Maja Kocijancic", "AFP", True)


def test_according_to_after_the_quote() -> None:
    paragraph = '" Hội đồng vẫn bị lạm dụng vì mục đích chính trị ", theo ông Khoshroo.'
    (quote,) = quotes_of([paragraph], [("Khoshroo", "PER", "Gholamali Khoshroo")])
    assert (quote.speaker, quote.direct) == ("Gholamali Khoshroo", True)


def test_according_to_a_person_opens_reported_speech_but_not_a_source() -> None:
    paragraph = "Theo Safronkov, thắt chặt kinh tế với Triều Tiên là không thể chấp nhận được."
    names = [("Safronkov", "PER", "Vassily Safronkov"), ("Triều Tiên", "LOC", "North Korea")]
    (quote,) = quotes_of([paragraph], names)
    assert (quote.speaker, quote.direct) == ("Vassily Safronkov", False)
    assert quote.text == "thắt chặt kinh tế với Triều Tiên là không thể chấp nhận được"
    assert quotes_of(["Theo Reuters, Nga đã rút quân khỏi thành phố."], [("Reuters", "ORG", "Reuters")]) == []
    source = "Theo thông báo từ Nhà Trắng, ông Trump đã điện đàm với Ukraine."
    names = [("Nhà Trắng", "ORG", "White House"), ("Trump", "PER", "Donald Trump"), ("Ukraine", "LOC", "Ukraine")]
    assert quotes_of([source], names) == []


def test_an_accusation_reports_a_clause_only_when_one_follows() -> None:
    (quote,) = quotes_of(
        ["Anh cáo buộc Nga đứng sau vụ đầu độc."], [("Anh", "LOC", "United Kingdom"), ("Nga", "LOC", "Russia")]
    )
    assert (quote.speaker, quote.text) == ("United Kingdom", "Nga đứng sau vụ đầu độc")
    assert (
        quotes_of(
            ["Nga cáo buộc các tàu chiến của Ukraine."], [("Nga", "LOC", "Russia"), ("Ukraine", "LOC", "Ukraine")]
        )
        == []
    )
    assert (
        quotes_of(
            ["Mỹ cảnh báo Nga về hậu quả nghiêm trọng."], [("Mỹ", "LOC", "United States"), ("Nga", "LOC", "Russia")]
        )
        == []
    )
    (warning,) = quotes_of(
        ["Mỹ cảnh báo sẵn sàng dùng vũ lực với Triều Tiên."],
        [("Mỹ", "LOC", "United States"), ("Triều Tiên", "LOC", "North Korea")],
    )
    assert warning.text == "sẵn sàng dùng vũ lực với Triều Tiên"


def test_the_source_an_outlet_relays_speaks() -> None:
    paragraph = "Putin đã điện đàm với Merkel về Iran, AFP dẫn thông báo từ Điện Kremlin cho biết."
    names = [
        ("Putin", "PER", "Vladimir Putin"),
        ("Merkel", "PER", "Angela Merkel"),
        ("Iran", "LOC", "Iran"),
        ("AFP", "ORG", "AFP"),
        ("Điện Kremlin", "ORG", "Kremlin"),
    ]
    (quote,) = quotes_of([paragraph], names)
    assert (quote.speaker, quote.via) == ("Kremlin", "AFP")
    assert quote.text == "Putin đã điện đàm với Merkel về Iran"


def test_a_pronoun_speaker_is_the_last_person_named() -> None:
    paragraphs = [
        "Giám đốc Sergey Naryshkin thừa nhận có nhân viên tình báo trong phái đoàn.",
        "Ông nói thêm rằng con số này rất nhỏ.",
    ]
    quotes = quotes_of(paragraphs, [("Sergey Naryshkin", "PER", "Sergey Naryshkin")])
    assert [(q.speaker, q.text) for q in quotes][-1] == ("Sergey Naryshkin", "con số này rất nhỏ")


def test_a_quoted_phrase_inside_a_reported_clause_is_not_its_subject_speaking() -> None:
    paragraph = 'Nga nói rằng Mỹ " can thiệp vào những vấn đề nội bộ của các nước ".'
    quotes = quotes_of([paragraph], [("Nga", "LOC", "Russia"), ("Mỹ", "LOC", "United States")])
    assert {q.speaker for q in quotes} == {"Russia"}


def test_a_closing_speech_verb_followed_by_the_scene_adds_no_clause() -> None:
    paragraph = '" Chúng tôi kêu gọi Nga ngừng gây bất ổn ", Reuters dẫn lại lời Donald Trump nói tại Warsaw.'
    names = [
        ("Nga", "LOC", "Russia"),
        ("Reuters", "ORG", "Reuters"),
        ("Donald Trump", "PER", "Donald Trump"),
        ("Warsaw", "LOC", "Warsaw"),
    ]
    quotes = quotes_of([paragraph], names)
    assert [(q.speaker, q.direct, q.via) for q in quotes] == [("Donald Trump", True, "Reuters")]


def test_a_person_after_a_place_and_a_comma_can_speak() -> None:
    paragraph = "Trong cuộc họp báo tại Brussels, ông Stoltenberg cho biết Iraq đã đồng ý tiếp tục hợp tác."
    names = [("Brussels", "LOC", "Brussels"), ("Stoltenberg", "PER", "Jens Stoltenberg"), ("Iraq", "LOC", "Iraq")]
    (quote,) = quotes_of([paragraph], names)
    assert (quote.speaker, quote.text) == ("Jens Stoltenberg", "Iraq đã đồng ý tiếp tục hợp tác")


def test_an_accusation_after_with_is_a_noun() -> None:
    paragraph = "Iran bắt tàu của Anh với cáo buộc không tôn trọng các quy tắc hàng hải quốc tế."
    assert quotes_of([paragraph], [("Iran", "LOC", "Iran"), ("Anh", "LOC", "United Kingdom")]) == []

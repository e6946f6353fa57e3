"""Events from how Vietnamese news sentences are built: coordination, pronouns, serial verbs, appositions."""

from __future__ import annotations

from events_support import analysed

from vnnews.events import Event
from vnnews.events.triggers import find_triggers


def events_of(paragraphs: list[str], names: list[tuple[str, str, str]]) -> list[Event]:
    return analysed(paragraphs, names)[0]


def triples(events: list[Event]) -> list[tuple[str, str, str | None]]:
    return [(e.actor1, e.root, e.actor2) for e in events if e.factuality == "asserted"]


US, RU, UK = ("Mỹ", "LOC", "United States"), ("Nga", "LOC", "Russia"), ("Anh", "LOC", "United Kingdom")


def test_triggers_match_either_tone_placement() -> None:
    assert [t.cameo.code for t in find_triggers("Nga đe doạ Mỹ")] == ["130"]
    assert [t.cameo.code for t in find_triggers("Nga đe dọa Mỹ")] == ["130"]
    (trigger,) = find_triggers("Hai nước bình thường hoá quan hệ")
    assert trigger.text == "bình thường hoá quan hệ" and trigger.cameo.root == "05"


def test_a_headline_dash_joins_the_parties_of_a_meeting() -> None:
    events = events_of(["Mỹ - NATO thảo luận các vấn đề an ninh toàn cầu"], [US, ("NATO", "ORG", "NATO")])
    assert triples(events) == [("United States", "04", "NATO")]


def test_two_parties_restoring_relations_act_on_each_other() -> None:
    events = events_of(["Nga và Thổ Nhĩ Kỳ khôi phục quan hệ."], [RU, ("Thổ Nhĩ Kỳ", "LOC", "Turkey")])
    assert triples(events) == [("Russia", "05", "Turkey"), ("Turkey", "05", "Russia")]


def test_the_side_taken_is_the_target() -> None:
    names = [("Trung Quốc", "LOC", "China"), ("Bolivia", "LOC", "Bolivia"), RU]
    events = events_of(["Chỉ có Trung Quốc và Bolivia đứng về phía Nga."], names)
    assert triples(events) == [("China", "05", "Russia"), ("Bolivia", "05", "Russia")]


def test_coordinated_objects_give_one_event_each() -> None:
    names = [("Iran", "LOC", "Iran"), ("Israel", "LOC", "Israel"), ("Arab Saudi", "LOC", "Saudi Arabia")]
    events = events_of(["Giới chức Iran cáo buộc Israel và Arab Saudi đứng sau bất ổn."], names)
    assert triples(events) == [("Iran", "11", "Israel"), ("Iran", "11", "Saudi Arabia")]


def test_they_stand_for_the_last_state_acting() -> None:
    paragraphs = ["Anh cáo buộc Nga đứng sau vụ đầu độc.", "Họ đã trục xuất 23 nhà ngoại giao Nga."]
    events = events_of(paragraphs, [UK, RU, RU])
    assert triples(events)[-1] == ("United Kingdom", "16", "Russia")


def test_a_pronoun_before_a_passive_is_the_one_acted_on() -> None:
    paragraphs = ["Juan Guaido tự xưng là tổng thống lâm thời.", "Ông được Mỹ ủng hộ."]
    events = events_of(paragraphs, [("Juan Guaido", "PER", "Juan Guaido"), US])
    assert triples(events) == [("United States", "05", "Juan Guaido")]


def test_a_title_renamed_after_a_comma_is_one_person() -> None:
    names = [("NATO", "ORG", "NATO"), ("Mark Rutte", "PER", "Mark Rutte"), ("Donald Trump", "PER", "Donald Trump")]
    events = events_of(["Tổng thư ký NATO, ông Mark Rutte đã gặp Donald Trump."], names)
    assert triples(events) == [("Mark Rutte", "04", "Donald Trump")]


def test_a_verb_after_and_keeps_the_first_subject() -> None:
    names = [("Donald Trump", "PER", "Donald Trump"), ("NATO", "ORG", "NATO")]
    events = events_of(["Donald Trump chỉ trích NATO và thảo luận về ngân sách quốc phòng."], names)
    assert triples(events) == [("Donald Trump", "11", "NATO"), ("Donald Trump", "04", None)]


def test_an_apposition_does_not_lend_its_modality_to_the_verb() -> None:
    paragraph = "Nhật Bản, quốc gia duy nhất phải hứng chịu tấn công hạt nhân, cũng phản đối."
    events = events_of([paragraph], [("Nhật Bản", "LOC", "Japan")])
    assert triples(events) == [("Japan", "12", None)]


def test_a_classifier_makes_the_verb_a_noun() -> None:
    assert events_of(["Mỹ lo ngại mối đe dọa từ Triều Tiên."], [US, ("Triều Tiên", "LOC", "North Korea")]) == []


def test_a_post_the_tagger_left_unnamed_is_part_of_the_title() -> None:
    names = [RU, ("Dmitry Polyanskiy", "PER", "Dmitry Polyanskiy"), ("Ukraine", "LOC", "Ukraine")]
    events = events_of(["Phó đại diện của Nga tại LQH Dmitry Polyanskiy cáo buộc Ukraine."], names)
    assert triples(events) == [("Dmitry Polyanskiy", "11", "Ukraine")]


def test_readiness_is_an_intent_and_new_verb_classes_are_coded() -> None:
    assert triples(events_of(["Iran sẵn sàng làm giàu uranium."], [("Iran", "LOC", "Iran")])) == [("Iran", "03", None)]
    names = [("Thổ Nhĩ Kỳ", "LOC", "Turkey"), RU]
    assert triples(events_of(["Thổ Nhĩ Kỳ bắn hạ một chiến đấu cơ Nga."], names)) == [("Turkey", "19", "Russia")]
    names = [("Vladimir Putin", "PER", "Vladimir Putin"), ("Angela Merkel", "PER", "Angela Merkel")]
    events = events_of(["Vladimir Putin gọi điện cho Thủ tướng Angela Merkel."], names)
    assert triples(events) == [("Vladimir Putin", "04", "Angela Merkel")]


def test_acts_inside_a_quote_of_several_paragraphs_are_not_events() -> None:
    paragraphs = [
        'Bà Nikki Haley nói rằng " Mỹ luôn chào đón quan hệ bình thường với Nga.',
        'Nhưng Nga phải dừng lại ".',
    ]
    events = events_of(paragraphs, [("Nikki Haley", "PER", "Nikki Haley"), US, RU, RU])
    assert [e.root for e in events] == []


def test_closing_an_embassy_reduces_relations_with_the_state_it_is_in() -> None:
    names = [("Đan Mạch", "LOC", "Denmark"), ("Na Uy", "LOC", "Norway"), ("Kabul", "LOC", "Kabul")]
    events = events_of(["Đan Mạch và Na Uy cho biết đã đóng cửa đại sứ quán tại thủ đô Kabul."], names)
    assert triples(events) == [("Denmark", "16", "Afghanistan"), ("Norway", "16", "Afghanistan")]


def test_a_wished_or_purposed_act_is_not_asserted() -> None:
    names = [("Israel", "LOC", "Israel"), ("EU", "ORG", "European Union"), ("Iran", "LOC", "Iran")]
    events = events_of(["Thủ tướng Israel muốn EU trừng phạt Iran ngay lập tức."], names)
    assert [(e.actor1, e.root, e.factuality) for e in events] == [("European Union", "16", "hypothetical")]
    names = [("Đức", "LOC", "Germany"), ("Iran", "LOC", "Iran")]
    events = events_of(["Đức sẽ làm mọi điều để đảm bảo Iran vẫn cam kết với thoả thuận."], names)
    assert all(e.factuality != "asserted" for e in events)


def test_a_schedule_noun_makes_the_verb_a_noun() -> None:
    names = [("Zarif", "PER", "Mohammad Javad Zarif"), ("Trung Quốc", "LOC", "China")]
    assert events_of(["Zarif có mặt ở Bắc Kinh, trong lịch trình công du Trung Quốc."], names) == []

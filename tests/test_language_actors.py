"""Actors: canonical names and ids, short forms inside an article, roles, nameless role phrases."""

from __future__ import annotations

from vnnews.language import analyze
from vnnews.model import Article


def article(body: str, published: str | None = "2024-10", title: str = "Tin thế giới") -> Article:
    precision = {None: None, 4: "year", 7: "month"}.get(published and len(published), "day")
    return Article(source="t", title=title, body=body.split("\n"), published=published, published_precision=precision)


def canonical(body: str, **kwargs) -> list[tuple[str, str | None, str | None]]:
    return [(e.text, e.canonical, e.actor_id) for e in analyze(article(body, **kwargs)).entities]


def test_press_forms_share_one_country_actor() -> None:
    found = canonical("Mỹ, Hoa Kỳ, Anh, Nga, Triều Tiên, Hàn Quốc, Ukraina và Palestine đều lên tiếng.")
    assert found == [
        ("Mỹ", "United States", "LOC:US"), ("Hoa Kỳ", "United States", "LOC:US"), ("Anh", "United Kingdom", "LOC:GB"),
        ("Nga", "Russia", "LOC:RU"), ("Triều Tiên", "North Korea", "LOC:KP"), ("Hàn Quốc", "South Korea", "LOC:KR"),
        ("Ukraina", "Ukraine", "LOC:UA"), ("Palestine", "Palestine", "LOC:PS"),
    ]  # fmt: skip


def test_acronyms_and_expansions_are_one_organisation() -> None:
    body = "Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO), Liên minh Bắc Đại Tây Dương và Liên hợp quốc (LHQ) họp ở Kiev."
    found = canonical(body)
    assert found == [
        ("Tổ chức Hiệp ước Bắc Đại Tây Dương", "NATO", "ORG:NATO"), ("NATO", "NATO", "ORG:NATO"),
        ("Liên minh Bắc Đại Tây Dương", "NATO", "ORG:NATO"), ("Liên hợp quốc", "United Nations", "ORG:UN"),
        ("LHQ", "United Nations", "ORG:UN"), ("Kiev", "Kyiv", "LOC:kyiv"),
    ]  # fmt: skip


def test_short_forms_resolve_to_the_full_name_in_the_article() -> None:
    body = "Ông Farah Dakhlallah phát biểu.\nSau đó, ông Dakhlallah nói thêm và Dakhlallah rời đi."
    found = canonical(body)
    assert [c for _, c, _ in found] == ["Farah Dakhlallah"] * 3
    assert len({actor_id for _, _, actor_id in found}) == 1


def test_known_surname_resolves_without_the_full_name() -> None:
    found = canonical("Ông Trump chỉ trích NATO. Ông Stoltenberg đáp lại.")
    assert found == [
        ("Trump", "Donald Trump", "PER:donald-trump"), ("NATO", "NATO", "ORG:NATO"),
        ("Stoltenberg", "Jens Stoltenberg", "PER:jens-stoltenberg"),
    ]  # fmt: skip


def test_unknown_names_get_the_same_id_in_every_article() -> None:
    first = canonical("Ông Matthew Whitaker được đề cử.")
    second = canonical("Ngoại trưởng Matthew Whitaker tới Brussels.", published="2025-03")
    assert first[0][2] == second[0][2] == "PER:matthew-whitaker"


def test_titles_become_dated_roles_of_the_person() -> None:
    analysis = analyze(article("Tổng thư ký NATO Mark Rutte gặp Ngoại trưởng Mỹ Antony Blinken.", published="2024-12"))
    rutte = analysis.actors["PER:mark-rutte"]
    assert [(r.title, r.org, r.seen) for r in rutte.roles] == [("Secretary-General", "ORG:NATO", "2024-12")]
    blinken = next(e for e in analysis.entities if e.text == "Antony Blinken")
    assert blinken.role == "Foreign Minister, United States"


def test_role_phrases_resolve_to_the_person_named_in_the_article() -> None:
    body = (
        "Ngoại trưởng Mỹ Antony Blinken gặp Tổng thư ký NATO Mark Rutte.\n"
        "Về Ukraine, Ngoại trưởng Mỹ và Tổng Thư ký NATO nhất trí tăng cường viện trợ."
    )
    roles = analyze(article(body, published="2024-12")).role_mentions
    assert [(r.text, r.canonical, r.inferred) for r in roles] == [
        ("Ngoại trưởng Mỹ", "Antony Blinken", False),
        ("Tổng Thư ký NATO", "Mark Rutte", False),
    ]


def test_role_phrase_without_a_name_is_the_known_holder_on_that_date() -> None:
    body = "Tổng thư ký NATO cho biết liên minh sẽ hỗ trợ Iraq."
    then = analyze(article(body, published="2020-02")).role_mentions
    now = analyze(article(body, published="2025-03")).role_mentions
    assert [(r.canonical, r.inferred) for r in then] == [("Jens Stoltenberg", True)]
    assert [(r.canonical, r.inferred) for r in now] == [("Mark Rutte", True)]
    assert analyze(article(body, published=None)).role_mentions == []
    assert all(e.type != "PER" for e in analyze(article(body)).entities), "a role phrase is not a named mention"


def test_seed_dates_come_through_the_door() -> None:
    analysis = analyze(article("Ngày 19/10, NATO họp tại Naples.", published="2024-10"))
    assert [(d.text, d.value, d.field) for d in analysis.dates] == [("Ngày 19/10", "2024-10-19", "body")]

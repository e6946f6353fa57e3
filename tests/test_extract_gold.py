"""The extraction bar on the seed pages, held against the hand-made gold in tests/gold/extract/.

Token F1 is the same function bench/extract_eval.py reports (one copy, imported from there).
"""

import json
import random
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from extract_eval import Score, article_text, html_to_lines, token_score  # noqa: E402
from pages import article_parts, paragraphs, render  # noqa: E402

from vnnews.extract import page  # noqa: E402
from vnnews.model import Caption, RawPage  # noqa: E402

GOLD = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests/gold/extract").glob("*.json"))}
SEEDS = sorted(GOLD)


def seed_text(stem: str) -> str:
    return (ROOT / "samples" / f"{stem}.txt").read_text(encoding="utf-8")


def extract_seed(stem: str):
    return page(RawPage(source=f"{stem}.txt", text=seed_text(stem)))


def gold_text(gold: dict) -> str:
    return article_text(gold["lead"], gold["body"])


def test_every_seed_has_gold():
    assert SEEDS == sorted(p.stem for p in (ROOT / "samples").glob("*.txt"))


@pytest.mark.parametrize("stem", SEEDS)
def test_gold_follows_its_conventions(stem):
    gold, page_text = GOLD[stem], " ".join(seed_text(stem).split())
    strings = [gold["title"], gold["lead"], *gold["body"], *gold["related"], *(c["text"] for c in gold["captions"])]
    assert all(s == " ".join(s.split()) for s in strings)
    assert all(p in page_text for p in [gold["title"], *gold["body"], *gold["related"]])
    assert gold["lead"] in page_text and not gold["lead"].startswith(("TGVN", "TTO", "VOV", "(Dân trí)"))
    assert not [t for t in gold["related"] if any(t in p for p in gold["body"])]


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_text_f1(stem):
    art = extract_seed(stem)
    score = token_score(art.text, gold_text(GOLD[stem]))
    assert score.f1 >= 0.95, (score.precision, score.recall)


def test_seed_micro_f1():
    total = sum((token_score(extract_seed(s).text, gold_text(GOLD[s])) for s in SEEDS), Score())
    assert total.f1 >= 0.97


@pytest.mark.parametrize("unknown", [{"end"}, {"end", "related"}])
@pytest.mark.parametrize("stem", SEEDS)
def test_seed_text_f1_when_the_lists_do_not_know_the_headings(stem, unknown, monkeypatch):
    """A site the furniture lists have not seen: its comment, most-read and related-links headings are unknown, and
    the article must still start and end where it does."""
    from vnnews.extract import lines

    monkeypatch.setattr(lines, "FURNITURE", lines.read_furniture(frozenset(unknown)))
    assert lines.furniture_kind("Ý KIẾN", 2) is None
    score = token_score(extract_seed(stem).text, gold_text(GOLD[stem]))
    assert score.f1 >= 0.95, (score.precision, score.recall)


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_metadata(stem):
    art, gold = extract_seed(stem), GOLD[stem]
    assert art.title == gold["title"]
    assert (art.author, art.source_agency) == (gold["author"], gold["source_agency"])
    assert art.published == gold["published"]  # no manifest given: only what the page states
    assert [c.credit for c in art.captions] == [c["credit"] for c in gold["captions"]]


@pytest.mark.parametrize("stem", [s for s in SEEDS if GOLD[s]["related"]])
def test_no_related_title_in_body(stem):
    art = extract_seed(stem)
    kept = "\n".join([art.lead or "", *art.body])
    assert not [t for t in GOLD[stem]["related"] if t in kept]


def test_same_article_alone_or_in_a_batch():
    alone = {s: extract_seed(s) for s in SEEDS}
    batch = [page(RawPage(source=f"{s}.txt", text=seed_text(s))) for s in reversed(SEEDS)]
    assert {a.source.removesuffix(".txt"): a.id for a in batch} == {s: a.id for s, a in alone.items()}
    assert [a.to_dict() for a in reversed(batch)] == [alone[s].to_dict() for s in SEEDS]


@pytest.mark.parametrize("stem", SEEDS)
def test_clean_page_comes_out_whole(stem):
    gold = GOLD[stem]
    clean = "\n\n".join([gold["title"], gold["lead"], *gold["body"]]) + "\n"
    art = page(RawPage(source="clean.txt", text=clean))
    assert art.title == gold["title"]
    assert [art.lead, *art.body] == [gold["lead"], *gold["body"]]


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def to_cp1258(text: str) -> bytes:
    """Windows-1258 spells a toned Vietnamese letter as its base letter (â, ơ, ư ...) plus a combining tone mark."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            out.append((base + "".join(c for c in parts if c in TONE_MARKS)).encode("cp1258"))
    return b"".join(out)


def test_cp1258_helper_round_trips():
    text = seed_text(SEEDS[2])
    assert unicodedata.normalize("NFC", to_cp1258(text).decode("cp1258")) == text


@pytest.mark.parametrize("encoding", ["utf-16", "cp1258"])
@pytest.mark.parametrize("stem", [SEEDS[0], SEEDS[3]])
def test_other_encodings_give_the_same_article(tmp_path, stem, encoding):
    read = getattr(pytest.importorskip("vnnews.sources"), "read", None)
    if read is None:
        pytest.skip("vnnews.sources.read is not there yet")
    text = seed_text(stem)
    path = tmp_path / f"{stem}.txt"
    path.write_bytes(text.encode("utf-16") if encoding == "utf-16" else to_cp1258(text))
    raws = [r for r in read([str(path)]) if isinstance(r, RawPage)]
    assert len(raws) == 1
    art, want = page(raws[0]), extract_seed(stem)
    assert art.id == want.id
    assert (art.title, art.author, art.source_agency) == (want.title, want.author, want.source_agency)


# ---- the yardsticks themselves -------------------------------------------------------------------------------


def test_token_score_counts_a_multiset_of_folded_words():
    score = token_score("Hà Nội, hà nội", "HÀ NỘI hôm nay")
    assert (score.overlap, score.predicted, score.gold) == (2, 4, 4)
    assert score.f1 == pytest.approx(0.5)
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    assert token_score(decomposed, "việt nam").f1 == 1.0
    assert token_score("", "").f1 == 1.0 and token_score("a", "").f1 == 0.0


def test_html_rendered_one_block_per_line_with_its_boilerplate():
    html = (b"<html><head><title>T</title><style>p{}</style></head><body><nav><a>Home</a><a>World</a></nav>"
            b"<h1>Head</h1><p>One <b>bold</b> line<br>next</p><script>x()</script><ul><li>a</li><li>b</li></ul>"
            b"<footer>\xc2\xa9 Site</footer></body></html>")
    assert html_to_lines(html).splitlines() == ["HomeWorld", "Head", "One bold line", "next", "a", "b", "© Site"]


ARTICLE = {
    "id": "x",
    "title": "Hai nước thúc đẩy hợp tác toàn diện",
    "lead": "Bộ trưởng Ngoại giao hai nước đã trao đổi về tình hình khu vực và hợp tác song phương.",
    "body": [
        "Hai bên nhất trí tăng cường trao đổi đoàn các cấp.", "Vợ chồng ông Th.", "đưa cho ông H. 10 triệu đồng.",
        "Theo kế hoạch, hội nghị tiếp theo sẽ diễn ra tại Hà Nội.", "Minh Phương (Theo Reuters)",
        "Quang cảnh cuộc hội đàm tại Hà Nội hôm 13/8 - Ảnh: TTXVN",
    ],
}
POOL = [{"title": f"Tin khác số {i} về thời tiết", "lead": f"Mưa lớn kéo dài ở nhiều tỉnh phía Bắc lần {i}."}
        for i in range(10)]


def test_vietnews_record_taken_apart():
    parts = article_parts(ARTICLE)
    assert (parts.author, parts.agency) == ("Minh Phương", "Reuters")
    assert parts.captions == [("Quang cảnh cuộc hội đàm tại Hà Nội hôm 13/8", "TTXVN")]
    for seed in range(10):  # a paragraph never breaks after a name initial
        assert not [p for p in paragraphs(parts.sentences, random.Random(seed)) if p.endswith("Th.")]


def test_rendered_page_is_deterministic_and_holds_its_gold():
    first = render(ARTICLE, random.Random(7), POOL)
    assert first == render(ARTICLE, random.Random(7), POOL)
    for seed in range(20):
        text, gold = render(ARTICLE, random.Random(seed), POOL)
        assert text.index(gold["title"]) < text.index(gold["lead"])
        positions = [text.index(p) for p in gold["body"]]
        assert positions == sorted(positions)
        assert all(t in text for t in gold["related"])
        assert [Caption(**c).credit for c in gold["captions"]] in ([], ["TTXVN"])

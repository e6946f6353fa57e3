"""vnnews.sources: inputs of every shape, every Vietnamese encoding, and the refusals a user can act on."""

from __future__ import annotations

import gzip
import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from vnnews.extract import page
from vnnews.model import Failure, InputError, RawPage
from vnnews.sources import legacy, read
from vnnews.sources.decode import NotText, decode

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEEDS = sorted(SAMPLES.glob("*.txt"))
ASCII_PUNCTUATION = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})


def seed_text(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def _split_tone(char: str) -> tuple[str, str]:
    """A letter as its base (with circumflex, breve, horn kept) and its tone mark, as legacy encodings store it."""
    parts = unicodedata.normalize("NFD", char)
    tone = "".join(c for c in parts if c in legacy.TONE_MARKS)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in legacy.TONE_MARKS)), tone


def to_tcvn3(text: str) -> bytes:
    table = legacy._tcvn3_table()
    letters = {ch: b for b, ch in table.items() if not unicodedata.combining(ch)}
    marks = {ch: b for b, ch in table.items() if unicodedata.combining(ch)}
    out = bytearray()
    for char in text:
        if ord(char) < 0x80 or (ord(char) < 0x100 and ord(char) not in table):
            out.append(ord(char))
        elif char in letters:
            out.append(letters[char])
        else:  # an uppercase toned letter: base letter, then the tone as a combining mark
            base, tone = _split_tone(char)
            out += bytes([letters.get(base, ord(base))]) + bytes(marks[m] for m in tone)
    return bytes(out)


def to_vni(text: str) -> bytes:
    table = dict(line.split("\t") for line in legacy._data_lines("vni.tsv"))
    return "".join(table.get(char, char) for char in text).encode("cp1252")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 has the base letters but not the toned ones: tones go after the letter as combining marks."""
    out = []
    for char in text:
        try:
            char.encode("cp1258")
            out.append(char)
        except UnicodeEncodeError:
            out.append("".join(_split_tone(char)))
    return "".join(out).encode("cp1258")


ENCODINGS = {
    "utf-16le-no-bom-crlf": lambda t: t.replace("\n", "\r\n").encode("utf-16-le"),
    "utf-16be-no-bom": lambda t: t.encode("utf-16-be"),
    "utf-16-bom": lambda t: t.encode("utf-16"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "utf-8-crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "windows-1258": to_cp1258,
    "tcvn3": to_tcvn3,
    "vni": to_vni,
}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_every_encoding_round_trips_a_seed(tmp_path: Path, seed: Path, encoding: str) -> None:
    text = seed_text(seed)
    if encoding in ("tcvn3", "vni"):  # font encodings carry no typographic quotes or dashes
        text = text.translate(ASCII_PUNCTUATION)
    path = tmp_path / "page.txt"
    path.write_bytes(ENCODINGS[encoding](text))
    assert path.read_bytes() != text.encode("utf-8")
    [page] = read([str(path)])
    assert isinstance(page, RawPage), page
    assert page.text == text


def test_legacy_detection_leaves_utf8_alone() -> None:
    text = "Tổng thư ký NATO Mark Rutte; ‘Trục kháng chiến’ – aù oø ñ ¸µ¶"
    assert decode(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (NUL bytes)"),
        (b"text\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12", "binary file (control characters)"),
        (b"plain ascii then \xff\xfe\xfd", "not valid UTF-8 at byte 17 and not a Vietnamese legacy encoding"),
    ],
)
def test_refusals_name_the_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    assert list(read([str(path)])) == [Failure(str(path), reason)]


def test_mostly_valid_utf8_is_refused_not_read_as_windows_1258() -> None:
    good = seed_text(SEEDS[1]).encode("utf-8")
    broken = good[:300] + b"\xe1" + good[300:]  # one stray byte among hundreds of good UTF-8 letters
    with pytest.raises(NotText, match="not valid UTF-8 at byte 300 and not a Vietnamese legacy encoding"):
        decode(broken)


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:  # sparse: 52.4 MB on paper, nothing on disk
        out.truncate(52_400_000)
    assert list(read([str(path)])) == [Failure(str(path), "file too large: 52.4 MB > 20 MB limit")]
    small = tmp_path / "small.txt"
    small.write_text("Hà Nội " * 20, encoding="utf-8")
    refusal = Failure(str(small), "file too large: 200 bytes > 100 bytes limit")
    assert list(read([str(small)], max_bytes=100)) == [refusal]


def test_whitespace_only_page_is_a_failure_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Hà Nội mùa thu", encoding="utf-8")
    got = list(read([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "b.txt")]))
    assert [type(item).__name__ for item in got] == ["Failure", "Failure", "RawPage"]
    assert got[0].reason == "no text in the page"
    assert got[1].reason == "no such file or directory"


def test_directories_recurse_sorted_and_skip_hidden_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/c.html", ".hidden.txt", ".git/x.txt", "a/.DS_Store"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<html><body><p>Xin chào</p></body></html>" if name.endswith("html") else "Xin chào")
    got = list(read([str(tmp_path)]))
    assert [Path(p.source).relative_to(tmp_path).as_posix() for p in got] == ["a/c.html", "a/z.txt", "b.txt"]
    assert got[0].html is not None and got[0].text is None
    assert got[1].text == "Xin chào" and got[1].html is None


def test_globs_and_relative_sources_stay_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLES.parent)
    got = list(read(["samples/*.txt"]))
    assert [p.source for p in got] == [f"samples/{p.name}" for p in SEEDS]
    assert list(read(["samples/*.nothing"])) == [Failure("samples/*.nothing", "no files match this pattern")]


def test_stdin_text_page_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Tin mới\r\nHà Nội".encode("utf-16"))))
    assert list(read(["-"])) == [RawPage(source="-", text="Tin mới\nHà Nội")]
    rows = b'{"text": "Tin A", "url": "https://vnexpress.net/a"}\n\n{"html": "<p>Tin B</p>"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(rows)))
    first, second = read(["-"])
    assert (first.source, first.text, first.meta.url) == ("-:1", "Tin A", "https://vnexpress.net/a")
    assert (second.source, second.html) == ("-:3", "<p>Tin B</p>")


def test_jsonl_pages_plain_and_gzipped(tmp_path: Path) -> None:
    rows = [
        {"url": "https://tuoitre.vn/x.htm", "html": "<html><p>Một</p></html>", "site": "tuoitre.vn"},
        {"text": "Hai\r\nba", "section": "Thế giới", "published": "2024-10-19", "fetched_at": "2024-10-20T01:00:00Z"},
        {"title": "no page here"},
        {"text": ""},
    ]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n"
    (tmp_path / "pages.jsonl").write_text(lines, encoding="utf-8")
    with gzip.open(tmp_path / "pages.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(lines)
    for name in ("pages.jsonl", "pages.jsonl.gz"):
        source = str(tmp_path / name)
        got = list(read([source]))
        assert [item.source for item in got] == [f"{source}:{n}" for n in (1, 2, 3, 4, 5)]
        assert got[0].html == "<html><p>Một</p></html>" and got[0].meta.site == "tuoitre.vn"
        assert got[1].text == "Hai\nba" and got[1].meta.section == "Thế giới"
        assert got[1].meta.published == "2024-10-19" and got[1].meta.fetched_at == "2024-10-20T01:00:00Z"
        assert got[2] == Failure(f"{source}:3", 'no "text" or "html" field, nor "title" and "body"')
        assert got[3] == Failure(f"{source}:4", "no text in the page")
        assert isinstance(got[4], Failure) and got[4].reason.startswith("invalid JSON")


def test_manifest_fills_meta_by_relative_path_then_by_name(tmp_path: Path) -> None:
    (tmp_path / "vn" / "a").mkdir(parents=True)
    (tmp_path / "vn" / "a" / "p.txt").write_text("Trang một", encoding="utf-8")
    (tmp_path / "vn" / "q.txt").write_text("Trang hai", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "r.txt").write_text("Trang ba", encoding="utf-8")
    manifest = tmp_path / "vn" / "manifest.jsonl"
    rows = [
        {"file": "a/p.txt", "url": "https://baoquocte.vn/p", "published": "2024-10"},
        {"file": "q.txt", "site": "Báo Quốc tế", "note": "ignored"},
        {"file": "r.txt", "section": "Thế giới"},
    ]
    manifest.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    got = {Path(p.source).name: p.meta for p in read([str(tmp_path)], meta=manifest)}
    assert set(got) == {"p.txt", "q.txt", "r.txt"}  # the manifest itself is no page
    assert (got["p.txt"].url, got["p.txt"].published) == ("https://baoquocte.vn/p", "2024-10")
    assert got["q.txt"].site == "Báo Quốc tế"
    assert got["r.txt"].section == "Thế giới"


def test_seed_manifest_in_the_directory_is_skipped_silently() -> None:
    got = list(read([str(SAMPLES)]))
    assert [Path(p.source).name for p in got] == [p.name for p in SEEDS]
    assert all(isinstance(p, RawPage) for p in got)
    published = {Path(p.source).name: p.meta.published for p in read([str(SAMPLES)], meta=SAMPLES / "manifest.jsonl")}
    assert published["002_4ce85a08e201a52f.txt"] == "2021-08-14T18:19:00+07:00"


def test_bad_manifest_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="manifest not found"):
        list(read([str(SAMPLES)], meta=tmp_path / "none.jsonl"))
    bad = tmp_path / "m.jsonl"
    bad.write_text('{"file": "a.txt"}\n{"url": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"m\.jsonl:2"):
        list(read([str(SAMPLES)], meta=bad))


def test_jsonl_article_rows_become_clean_pages(tmp_path: Path) -> None:
    lead = "Ngày 25/2, các bộ trưởng ngoại giao của khối đã họp tại Brussels để bàn về hỗ trợ quân sự cho Ukraine."
    body = ["Cuộc họp kéo dài hơn bốn giờ và kết thúc bằng một tuyên bố chung của tất cả các nước thành viên.",
            "Theo kế hoạch, hội nghị tiếp theo sẽ diễn ra tại Washington vào tháng Bảy năm nay với nhiều nội dung."]
    rows = [
        {"id": "000001.txt", "title": "NATO họp bàn về Ukraine", "lead": lead, "body": body, "site": "vietnews"},
        {"title": "Một đoạn", "body": body[0]},
        {"title": "Sai kiểu", "body": [1, 2]},
    ]
    source = tmp_path / "corpus.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    first, second, third = read([str(source)])
    assert first.text == "\n\n".join(["NATO họp bàn về Ukraine", lead, *body]) and first.meta.site == "vietnews"
    article = page(first)
    assert (article.title, article.lead, article.body) == ("NATO họp bàn về Ukraine", lead, body)
    assert second.text == f"Một đoạn\n\n{body[0]}"
    assert third == Failure(f"{source}:3", '"title" and "lead" must be strings, "body" a string or a list of strings')

"""The hand-annotated gold must say what it claims: every offset points at its mention in the field text.

Seed documents carry their field texts; VietNews documents carry only references, so their checks rebuild the
fields from the dataset (default ../shared/data relative to the repo root, or $VNNEWS_DATA) and are skipped
when it is absent.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "annotated"
DATA = Path(os.environ.get("VNNEWS_DATA", ROOT.parent / "shared" / "data"))
VIETNEWS = DATA / "vietnews" / "articles.jsonl.gz"

FIELDS = ("title", "lead", "body")
TYPES = {"PER", "ORG", "LOC"}
FACTUALITY = {"asserted", "negated", "hypothetical", "planned"}
VALUE_FORMS = {
    "day": r"\d{4}-\d{2}-\d{2}",
    "week": r"\d{4}-W\d{2}",
    "month": r"\d{4}-\d{2}",
    "year": r"\d{4}",
}
QUOTE_PREFIX = 60

DOCS = sorted(GOLD.glob("*.json"))
SEEDS = [p for p in DOCS if json.loads(p.read_text(encoding="utf-8"))["source"].startswith("samples/")]
VIETNEWS_DOCS = [p for p in DOCS if p not in SEEDS]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def vietnews_records() -> dict[int, dict]:
    """The dataset lines the gold refers to, read in one pass (the file holds some 22,000 articles)."""
    wanted = {int(load(path)["source"].removeprefix("vietnews:")) for path in VIETNEWS_DOCS}
    records = {}
    with gzip.open(VIETNEWS, "rt", encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if number in wanted:
                records[number] = json.loads(raw)
    return records


def vietnews_fields(line: int) -> dict[str, str]:
    """The documented rebuild: title, lead, body paragraphs joined with a newline, all NFC."""
    record = vietnews_records()[line]
    return {
        "title": unicodedata.normalize("NFC", record["title"]),
        "lead": unicodedata.normalize("NFC", record["lead"] or ""),
        "body": unicodedata.normalize("NFC", "\n".join(record["body"])),
        "id": record["id"],
    }


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def check_offsets(doc: dict, fields: dict[str, str]) -> None:
    for entity in doc["entities"]:
        assert fields[entity["field"]][entity["start"] : entity["end"]] == entity["text"], entity
    for date in doc["dates"]:
        assert fields[date["field"]][date["start"] : date["end"]] == date["text"], date
    for event in doc["events"]:
        text = fields[event["field"]]
        start = event["trigger_start"]
        assert text[start : start + len(event["trigger"])] == event["trigger"], event
        assert 0 <= event["sentence_start"] <= start, event
        assert not re.search(r"[.!?]\s", text[event["sentence_start"] : start].rstrip(".!?")), event
    for quote in doc["quotes"]:
        span = fields[quote["field"]][quote["start"] : quote["end"]]
        if doc["source"].startswith("samples/"):
            assert span == quote["text"], quote
        else:
            assert span[:QUOTE_PREFIX] == quote["text"], quote


def test_gold_is_present() -> None:
    assert len(SEEDS) == 5
    assert len(DOCS) >= 10


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_document_schema(path: Path) -> None:
    doc = load(path)
    assert doc["doc"] == path.stem
    for entity in doc["entities"]:
        assert entity["field"] in FIELDS and entity["type"] in TYPES and entity["canonical"], entity
        assert entity["text"] == entity["text"].strip() and entity["end"] - entity["start"] == len(entity["text"])
    for date in doc["dates"]:
        assert date["precision"] in VALUE_FORMS, date
        if date["value"] is not None:
            assert re.fullmatch(VALUE_FORMS[date["precision"]], date["value"]), date
    for event in doc["events"]:
        assert re.fullmatch(r"\d{2}", event["root"]) and 1 <= int(event["root"]) <= 20, event
        assert event["factuality"] in FACTUALITY and event["actor1"] and event["actor1"] != event["actor2"], event
    canonicals = {entity["canonical"] for entity in doc["entities"]}
    for event in doc["events"]:
        assert {event["actor1"], event["actor2"]} - {None} <= canonicals, event
    for quote in doc["quotes"]:
        assert quote["speaker"] in canonicals and isinstance(quote["direct"], bool), quote
        assert not quote["text"].startswith("rằng "), quote


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_entities_do_not_overlap(path: Path) -> None:
    doc = load(path)
    for field in FIELDS:
        spans = sorted((e["start"], e["end"]) for e in doc["entities"] if e["field"] == field)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start, (field, spans)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_offsets(path: Path) -> None:
    doc = load(path)
    fields = doc["fields"]
    assert all(unicodedata.is_normalized("NFC", fields[name]) for name in FIELDS)
    check_offsets(doc, fields)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_fields_come_from_the_page(path: Path) -> None:
    doc = load(path)
    page = (ROOT / doc["source"]).read_text(encoding="utf-8")
    page = unicodedata.normalize("NFC", re.sub(r"\s+", " ", page))
    for name in FIELDS:
        for paragraph in doc["fields"][name].split("\n"):
            assert paragraph in page, (name, paragraph[:60])
    manifest = {
        json.loads(line)["file"]: json.loads(line)["published"]
        for line in (ROOT / "samples" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert doc["published"] == manifest[Path(doc["source"]).name]


@pytest.mark.skipif(not VIETNEWS.exists(), reason="VietNews dataset not available")
@pytest.mark.parametrize("path", VIETNEWS_DOCS, ids=lambda p: p.stem)
def test_vietnews_offsets(path: Path) -> None:
    doc = load(path)
    assert "fields" not in doc
    fields = vietnews_fields(int(doc["source"].removeprefix("vietnews:")))
    assert fields["id"] == doc["vietnews_id"]
    assert sha1(fields["title"]) == doc["title_sha1"], "the dataset line no longer holds this article"
    check_offsets(doc, fields)

"""The analysis stored and read back, on a real SQLite file: actors by any name, roles with dates, timelines,
events counted once across articles, reanalysis, exports, and a database from before the analysis existed."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import MANIFEST, SAMPLES, jsonl, needs_pipeline
from typer.testing import CliRunner

from vnnews import service as service_module
from vnnews import store
from vnnews.cli import app
from vnnews.model import Article, InputError
from vnnews.service import Service
from vnnews.store import sqlite as sqlite_store
from vnnews.store.fold import fold
from vnnews.store.migrations import MIGRATIONS

pytestmark = needs_pipeline


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysis") / "news.db"
    with Service(path) as service:
        summary = service.ingest([str(SAMPLES)], MANIFEST)
        assert (summary.ingested, summary.failed) == (5, [])
    return path


@pytest.fixture(scope="module")
def run(samples_db: Path):
    """The real CLI against the samples database."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [*map(str, args), "--db", str(samples_db)])

    return invoke


def test_timeline_lists_dated_rows_in_calendar_order(run):
    result = run("timeline", "NATO", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = jsonl(result.stdout)
    dated = [r for r in rows if r["date"]]
    assert len(dated) >= 4
    assert all({"date", "kind", "actor1", "root", "actor2", "text"} <= set(r) for r in rows)
    assert {r["kind"] for r in rows} <= {"event", "quote"}
    starts = [store.period(r["date"])[0] for r in dated]
    assert starts == sorted(starts)
    assert dated[0]["date"].startswith("2020") and dated[-1]["date"].startswith("2024")
    assert rows.index(dated[-1]) == len(dated) - 1, "undated rows come last"


def test_actor_by_surname_has_its_role_and_when_it_was_seen(run):
    result = run("actor", "Rutte", "--format", "json")
    assert result.exit_code == 0, result.output
    rutte = json.loads(result.stdout)
    assert (rutte["id"], rutte["name"], rutte["kind"]) == ("PER:mark-rutte", "Mark Rutte", "person")
    assert "Rutte" in rutte["aliases"]
    role = next(r for r in rutte["roles"] if r["org"] == "NATO")
    assert role["seen"] == "2024-10" and role["inferred"] is False
    assert fold(role["phrase"]) == "tong thu ky nato"
    assert rutte["recent_articles"] and rutte["articles"] == len(rutte["recent_articles"])
    assert run("actor", "Rutte").exit_code == 0
    assert run("actor", "Nobody Known").exit_code == 1


def test_search_by_actor_takes_any_of_its_names(run):
    def ids(*args: str) -> list[str]:
        result = run("search", *args, "--format", "jsonl")
        assert result.exit_code == 0, result.output
        return [row["id"] for row in jsonl(result.stdout)]

    russia = ids("Rutte", "--actor", "Russia")
    assert russia and russia == ids("Rutte", "--actor", "Nga") == ids("Rutte", "--actor", "nga")
    assert russia == ids("Rutte", "--actor", "LOC:RU")
    assert set(russia) <= set(ids("Rutte"))
    assert ids("Rutte", "--actor", "Atlantis") == []
    assert len(ids("nato", "--actor", "Afghanistan")) < len(ids("nato"))


def test_actors_top_lists_nato_in_every_format(run):
    rows = jsonl(run("actors", "--top", "5", "--format", "jsonl").stdout)
    assert len(rows) == 5 and set(rows[0]) == {"id", "name", "kind", "mentions", "articles"}
    nato = next(r for r in rows if r["id"] == "ORG:NATO")
    assert nato["articles"] == 5 and nato["mentions"] >= 5
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    table = list(csv.DictReader(io.StringIO(run("actors", "--top", "3", "--format", "csv").stdout)))
    assert len(table) == 3 and table[0]["id"]
    assert "NATO" in run("actors", "--top", "5").stdout


def test_events_filters_and_table(run):
    consult = jsonl(run("events", "--root", "04", "--format", "jsonl").stdout)
    assert consult and all(e["root"] == "04" and e["code"].startswith("04") for e in consult)
    assert all(isinstance(e["sources"], int) and e["sources"] >= 1 for e in consult)
    recent = jsonl(run("events", "--since", "2024-11", "--format", "jsonl").stdout)
    assert recent and all(store.period(e["date"])[1] >= "2024-11-01" for e in recent)
    nato = jsonl(run("events", "--actor", "nato", "--format", "jsonl").stdout)
    assert nato and all("ORG:NATO" in {e["actor1_id"], e["actor2_id"], e["actor1_org_id"]} for e in nato)
    table = run("events", "--root", "04")
    assert table.exit_code == 0 and "actor1" in table.stdout and "location" in table.stdout
    assert run("events", "--root", "99").exit_code == 2
    assert run("events", "--since", "yesterday").exit_code == 2


def test_quotes_by_speaker(run):
    everyone = jsonl(run("quotes", "--format", "jsonl").stdout)
    assert everyone and all(q["text"] and q["speaker_id"] for q in everyone)
    speaker = everyone[0]["speaker_id"]
    theirs = jsonl(run("quotes", "--speaker", speaker, "--format", "jsonl").stdout)
    assert theirs and all(q["speaker_id"] == speaker for q in theirs)
    assert len(theirs) <= len(everyone)


def test_service_reads_for_the_web(samples_db: Path):
    with Service(samples_db) as service:
        nato = service.resolve_actor("nato")
        network = service.network(nato)
        assert network.nodes[0].id == nato and len(network.nodes) > 2
        assert {e.source for e in network.edges} >= {nato}
        hit = service.search("iraq bat den xanh").results[0]
        analysis = service.article_analysis(hit.id)
        assert analysis.entities and analysis.events
        assert all(e.article_id == hit.id for e in analysis.quotes)
        related = service.related(hit.id)
        assert related and hit.id not in {r.id for r in related}
        assert [p.period for p in service.volume()] == ["2020-02", "2021-08", "2024-10", "2024-11", "2024-12"]
        assert service.actors(q="ngA").results[0].id == "LOC:RU"
        page = service.actor_articles("Rutte", limit=2)
        assert page.total == 3 and len(page.results) == 2
        with pytest.raises(InputError):
            service.volume("fortnight")


def test_reanalyze_is_idempotent(samples_db: Path, tmp_path: Path):
    path = tmp_path / "copy.db"
    with Service(samples_db) as original:
        counts = original.analysis_counts()
        original.store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(samples_db, path)
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["reanalyze", "--db", str(path)])
        assert result.exit_code == 0, result.output
        assert "5 analysed, 0 failed" in result.stdout
        with Service(path) as service:
            assert service.analysis_counts() == counts
    assert counts["events"] > 0 and counts["mentions"] > 0


def test_an_event_reported_twice_is_one_event_with_two_sources(tmp_path: Path):
    """The same page under another headline is another article reporting the same acts on the same dates."""
    sample = SAMPLES / "000_50029b36b0d32abe.txt"
    lines = sample.read_text(encoding="utf-8").splitlines()
    title = next(i for i, line in enumerate(lines) if line.startswith("NATO và G7"))
    lines[title] = "G7 và NATO thảo luận viện trợ quân sự cho Ukraine"
    copy = tmp_path / "pages" / "retold.txt"
    copy.parent.mkdir()
    copy.write_text("\n".join(lines), encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(
        "".join(json.dumps({"file": f, "published": "2024-10"}) + "\n" for f in ["retold.txt", sample.name])
    )
    shutil.copy(sample, tmp_path / "pages" / sample.name)
    with Service(tmp_path / "news.db") as service:
        assert service.ingest([str(tmp_path / "pages")], manifest).ingested == 2
        events = service.events(limit=500).results
        assert events and any(e.sources == 2 for e in events)
        keys = [(e.actor1_id, e.root, e.actor2_id, e.date) for e in events]
        assert len(keys) == len(set(keys)), "one row per event"
        counts = service.analysis_counts()
        assert counts["event_mentions"] > counts["events"]


def test_export_round_trips_through_csv_and_parquet(run, tmp_path: Path):
    parquet, csv_file = tmp_path / "events.parquet", tmp_path / "events.csv"
    assert run("export", "events", "--format", "parquet", "--out", parquet).exit_code == 0
    assert run("export", "events", "--format", "csv", "--out", csv_file).exit_code == 0
    table = pq.read_table(parquet).to_pylist()
    rows = list(csv.DictReader(csv_file.open(encoding="utf-8")))
    total = len(jsonl(run("events", "--limit", "1000", "--format", "jsonl").stdout))
    assert len(table) == len(rows) == total > 0
    for from_parquet, from_csv in zip(table, rows, strict=True):
        assert str(from_parquet["GLOBALEVENTID"]) == from_csv["GLOBALEVENTID"]
        assert from_parquet["EventRootCode"] == from_csv["EventRootCode"] and len(from_csv["EventRootCode"]) == 2
        assert from_parquet["NumArticles"] >= 1 and from_parquet["QuadClass"] in (1, 2, 3, 4)
        assert from_parquet["SQLDATE"] is None or 20000101 < from_parquet["SQLDATE"] < 21000101
    quotes = tmp_path / "quotes.parquet"
    assert run("export", "quotes", "--format", "parquet", "--out", quotes).exit_code == 0
    assert pq.read_table(quotes).num_rows == len(jsonl(run("quotes", "--limit", "1000", "--format", "jsonl").stdout))
    assert run("export", "events", "--format", "parquet").exit_code == 2, "parquet needs a file"
    assert run("export", "events").stdout.startswith("GLOBALEVENTID,SQLDATE,")


def test_a_schema_1_database_keeps_its_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "old.db"
    article = next(a for a in Service().extract([str(SAMPLES / "003_724fd7ab271b279b.txt")]))
    with monkeypatch.context() as first_wave:
        first_wave.setattr(sqlite_store, "MIGRATIONS", MIGRATIONS[:1])
        first_wave.setattr(sqlite_store, "SCHEMA_VERSION", 1)
        with store.open(path) as old:
            old.put(article, "old.txt", "sha")
            assert old.schema_version == 1
    with Service(path) as service:
        assert service.stats()["schema_version"] == len(MIGRATIONS) >= 2
        assert service.article(article.id) == article
        assert service.search("iraq bat den xanh").results[0].id == article.id
        assert service.article_analysis(article.id) is None, "not analysed yet"
        assert service.reanalyze().analysed == 1
        assert service.article_analysis(article.id).entities
        assert service.search("iraq", actor="Iraq").total == 1


def test_analyze_prints_the_analysis_and_reports_a_bad_page(tmp_path: Path):
    bad = tmp_path / "empty.txt"
    bad.write_text("\n", encoding="utf-8")
    sample = SAMPLES / "003_724fd7ab271b279b.txt"
    result = CliRunner().invoke(app, ["analyze", str(sample), str(bad), str(sample), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}: ")
    rows = jsonl(result.stdout)
    assert len(rows) == 2
    page = rows[0]
    assert page["title"] == "Iraq 'bật đèn xanh' cho NATO ở lại"
    entity = page["entities"][0]
    assert {"text", "type", "canonical", "id", "field", "start", "end"} <= set(entity)
    field_text = {"title": page["title"], "lead": page["lead"], "body": "\n".join(page["body"])}
    for e in page["entities"]:
        if e["field"] in field_text:
            assert field_text[e["field"]][e["start"] : e["end"]] == e["text"]
    assert all(len(e["root"]) == 2 and e["root"].isdigit() for e in page["events"])
    assert page["events"] and page["quotes"] and page["dates"]
    assert {"speaker", "speaker_id", "text", "direct", "via", "channel"} <= set(page["quotes"][0])
    one = CliRunner().invoke(app, ["analyze", str(sample)])
    assert json.loads(one.stdout)["id"] == page["id"]


def test_an_analysis_error_fails_only_its_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    real = service_module.language.analyze

    def analyze_with_a_bug(article: Article):
        if "Iraq" in article.title:
            raise ValueError("boom")
        return real(article)

    monkeypatch.setattr(service_module.language, "analyze", analyze_with_a_bug)
    with Service(tmp_path / "news.db") as service:
        summary = service.ingest([str(SAMPLES)], MANIFEST)
        assert summary.ingested == 4
        assert [f.source for f in summary.failed] == [str(SAMPLES / "003_724fd7ab271b279b.txt")]
        assert "ValueError: boom" in summary.failed[0].reason
        assert service.analysis_counts()["analysed"] == 4

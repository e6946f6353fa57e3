"""The real vnnews CLI: exit codes, formats that parse, failures reported per file, and a kill -9 mid-batch."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import MANIFEST, SAMPLES, jsonl, needs_pipeline, write_pages

pytestmark = needs_pipeline

ONE_SAMPLE = SAMPLES / "003_724fd7ab271b279b.txt"


@pytest.fixture
def ingested(cli):
    result = cli("ingest", SAMPLES, "--meta", MANIFEST)
    assert result.exit_code == 0, result.output
    return cli


def test_ingest_samples_twice(cli):
    first = cli("ingest", SAMPLES, "--meta", MANIFEST)
    assert first.exit_code == 0, first.stderr
    assert "5 ingested, 0 unchanged, 0 failed" in first.stdout
    second = cli("ingest", SAMPLES, "--meta", MANIFEST)
    assert second.exit_code == 0
    assert "0 ingested, 5 unchanged, 0 failed" in second.stdout
    forced = cli("ingest", SAMPLES, "--meta", MANIFEST, "--force")
    assert forced.exit_code == 0
    assert "0 ingested, 5 unchanged, 0 failed" in forced.stdout  # read again, the same articles
    assert json.loads(cli("stats", "--format", "jsonl").stdout)["articles"] == 5


def test_a_bad_file_fails_alone(cli, tmp_path: Path):
    good = write_pages(tmp_path / "batch", 2)
    bad = tmp_path / "batch" / "empty.txt"
    bad.write_text("\n", encoding="utf-8")
    result = cli("ingest", tmp_path / "batch")
    assert result.exit_code == 1
    assert "2 ingested, 0 unchanged, 1 failed" in result.stdout
    assert [line.split(": ")[0] for line in result.stderr.splitlines()] == [str(bad)]
    assert json.loads(cli("stats", "--format", "jsonl").stdout)["articles"] == len(good)


def test_search_formats_parse(ingested):
    rows = jsonl(ingested("search", "iraq bat den xanh", "--format", "jsonl").stdout)
    assert rows[0]["title"] == "Iraq 'bật đèn xanh' cho NATO ở lại"
    assert set(rows[0]) == {"id", "title", "source", "site", "published", "score", "snippet"}
    assert "«" in rows[0]["snippet"] and "»" in rows[0]["snippet"]
    table = list(csv.DictReader(io.StringIO(ingested("search", "nato", "--format", "csv", "--limit", "2").stdout)))
    assert len(table) == 2 and table[0]["id"]
    shown = ingested("search", "iraq bat den xanh")
    assert shown.exit_code == 0 and "Iraq" in shown.stdout and "of 1" in shown.stdout


@pytest.mark.parametrize("query", ['"nato', "nato*", "(rút", "AND OR NOT", "NEAR(a b", "-", "title:", "'; DROP"])
def test_query_syntax_does_not_crash(ingested, query):
    result = ingested("search", query, "--format", "jsonl")
    assert result.exit_code == 0, result.output


def test_stats_formats(ingested):
    assert json.loads(ingested("stats", "--format", "jsonl").stdout)["articles"] == 5
    metrics = {
        row["metric"]: row["value"] for row in csv.DictReader(io.StringIO(ingested("stats", "--format", "csv").stdout))
    }
    assert metrics["articles"] == "5"
    assert "articles" in ingested("stats").stdout


def test_show(ingested):
    hit = jsonl(ingested("search", "iraq bat den xanh", "--format", "jsonl").stdout)[0]
    text = ingested("show", hit["id"][:8])
    assert text.exit_code == 0 and hit["title"] in text.stdout
    as_json = json.loads(ingested("show", hit["id"], "--format", "json").stdout)
    assert as_json["id"] == hit["id"] and as_json["body"]
    missing = ingested("show", "0000000000000000")
    assert missing.exit_code == 1
    assert "no article with id '0000000000000000'" in missing.stderr


def test_extract_formats(cli, tmp_path: Path):
    one = cli("extract", ONE_SAMPLE)
    assert one.exit_code == 0
    assert json.loads(one.stdout)["title"] == "Iraq 'bật đèn xanh' cho NATO ở lại"
    two = cli("extract", ONE_SAMPLE, SAMPLES / "004_07a26119748cf585.txt")
    assert [row["source"] for row in jsonl(two.stdout)] == [str(ONE_SAMPLE), str(SAMPLES / "004_07a26119748cf585.txt")]
    explained = cli("extract", ONE_SAMPLE, "--explain", "--format", "jsonl")
    lines = jsonl(explained.stdout)
    assert explained.exit_code == 0 and lines[0]["line_no"] == 1 and all(line["role"] for line in lines)
    assert cli("extract", ONE_SAMPLE, "--explain").exit_code == 0
    assert not (tmp_path / "news.db").exists(), "extract stores nothing"


@pytest.mark.parametrize(
    "args",
    [
        ["extract", str(ONE_SAMPLE), "--format", "xml"],
        ["search", "nato", "--format", "yaml"],
        ["ingest", str(ONE_SAMPLE), "--meta", "/no/such/manifest.jsonl"],
        ["search", "nato", "--since", "last week"],
        ["search", "nato", "--limit", "-1"],
        ["stats", "--bogus"],
    ],
)
def test_usage_errors_exit_2(cli, args):
    assert cli(*args).exit_code == 2


def test_demo(cli, db_path: Path):
    result = cli("demo", "--db", db_path, "--no-serve")
    assert result.exit_code == 0, result.output
    assert "5 ingested" in result.stdout and "vnnews show" in result.stdout
    assert "$ vnnews timeline NATO" in result.stdout and "vnnews actor" in result.stdout
    assert "Serving" not in result.stdout


def _articles_in(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_kill_9_mid_batch_then_rerun_stores_each_article_once(tmp_path: Path):
    pages = write_pages(tmp_path / "pages", 60, paragraphs=10)
    db = tmp_path / "news.db"
    command = [
        sys.executable,
        "-c",
        "from vnnews.cli import main; main()",
        "ingest",
        str(tmp_path / "pages"),
        "--db",
        str(db),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while _articles_in(db) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    committed = _articles_in(db)
    assert process.returncode == -signal.SIGKILL
    assert 5 <= committed < len(pages), "the kill should land mid-batch"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(pages) - committed} ingested, {committed} unchanged, 0 failed" in rerun.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (60, 60)
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 60
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 60
        assert conn.execute("SELECT count(*) FROM analysed").fetchone()[0] == 60

"""`vnnews serve` as a real process on 127.0.0.1: the API answers with the stored analysis."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from conftest import MANIFEST, SAMPLES, needs_pipeline

from vnnews.service import Service

pytestmark = needs_pipeline


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path: Path):
    db = tmp_path / "news.db"
    with Service(db) as service:
        assert service.ingest([str(SAMPLES)], MANIFEST).ingested == 5
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from vnnews.cli import main; main()", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{base}/api/stats", timeout=1)
            break
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"server did not start: {process.stderr.read().decode()}")
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


def test_serve_answers_with_actors_timeline_and_events(served: str):
    actors = httpx.get(f"{served}/api/actors", params={"q": "nato"}).json()
    assert actors["results"][0]["id"] == "ORG:NATO" and actors["results"][0]["articles"] == 5
    timeline = httpx.get(f"{served}/api/actors/ORG:NATO/timeline").json()
    assert timeline["total"] >= 4 and {row["kind"] for row in timeline["results"]} <= {"event", "quote"}
    russia = httpx.get(f"{served}/api/search", params={"q": "Rutte", "actor": "Nga"}).json()
    assert russia["total"] >= 1 and not russia.get("note")
    consult = httpx.get(f"{served}/api/events", params={"root": "04"}).json()
    assert consult["total"] >= 1 and all(e["root"] == "04" for e in consult["results"])
    rutte = httpx.get(f"{served}/api/actors/Rutte").json()
    assert rutte["name"] == "Mark Rutte" and rutte["roles"]

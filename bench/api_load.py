"""Requests per second and latency of /api/search over the VietNews corpus, served on loopback.

The corpus (../shared/data/vietnews/articles.jsonl.gz, 22,644 articles) is ingested once through the Service into
a database file that later runs reuse; the server runs in its own process (uvicorn, as ``vnnews serve`` runs it)
and this process loads it with concurrent keep-alive clients, each sending accent-free queries made of words from
corpus titles, the way an analyst types them.

    python bench/api_load.py [--data DIR] [--db FILE] [--seconds 10] [--clients 1 4]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnnews.service import Service  # noqa: E402


def corpus_pages(data: Path) -> list[dict]:
    """VietNews records as text pages: headline, sapo, then the body one paragraph a line."""
    pages = []
    with gzip.open(data / "vietnews" / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = "\n".join([row["title"], row.get("lead") or "", *row.get("body", [])])
            pages.append({"text": text, "site": "vietnews"})
    return pages


def ensure_ingested(db: Path, pages: list[dict]) -> int:
    """Ingest the corpus unless the database already holds it; returns the number of articles stored."""
    with Service(db) as service:
        stored = service.stats()["articles"]
        if stored < len(pages) * 0.9:
            with tempfile.TemporaryDirectory() as folder:
                batch = Path(folder) / "vietnews.jsonl"
                batch.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages), encoding="utf-8")
                started = time.perf_counter()
                summary = service.ingest([str(batch)])
                print(f"ingested {summary.ingested}, unchanged {summary.unchanged}, failed {len(summary.failed)} "
                      f"in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            stored = service.stats()["articles"]
    return stored


def queries(pages: list[dict], count: int, seed: int = 7) -> list[str]:
    """Two- and three-word accent-free queries taken from corpus headlines."""
    rng = random.Random(seed)
    made = []
    while len(made) < count:
        words = [w for w in pages[rng.randrange(len(pages))]["text"].split("\n")[0].split() if w.isalpha()]
        if len(words) >= 3:
            start = rng.randrange(len(words) - 1)
            picked = " ".join(words[start:start + rng.choice((2, 3))])
            made.append("".join(c for c in unicodedata.normalize("NFD", picked.replace("đ", "d").replace("Đ", "D"))
                                if unicodedata.category(c) != "Mn").lower())
    return made


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = f"from vnnews.api import run; run({str(db)!r}, '127.0.0.1', {port})"
    server = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/api/stats", timeout=1).status_code == 200:
                return server, url
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def load(url: str, words: list[str], clients: int, seconds: float) -> dict:
    """``clients`` threads, each with its own keep-alive connection, sending searches for ``seconds``."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client(offset: int) -> None:
        mine, failed = [], 0
        with httpx.Client(base_url=url, timeout=10) as http:
            index = offset
            while time.perf_counter() < stop_at:
                started = time.perf_counter()
                response = http.get("/api/search", params={"q": words[index % len(words)], "limit": 20})
                mine.append(time.perf_counter() - started)
                failed += response.status_code != 200
                index += clients
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    cuts = statistics.quantiles(latencies, n=100)
    return {"clients": clients, "requests": len(latencies), "errors": errors[0],
            "rps": round(len(latencies) / elapsed, 1), "p50_ms": round(cuts[49] * 1000, 2),
            "p95_ms": round(cuts[94] * 1000, 2), "p99_ms": round(cuts[98] * 1000, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("VNNEWS_DATA", ROOT.parent / "shared/data")))
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "vnnews-bench-vietnews.db")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--json", action="store_true", help="one JSON object per load level")
    args = parser.parse_args()

    pages = corpus_pages(args.data)
    stored = ensure_ingested(args.db, pages)
    words = queries(pages, 2000)
    server, url = start_server(args.db)
    try:
        for _ in range(50):  # warm the page cache and the server's connections
            httpx.get(url + "/api/search", params={"q": words[_]})
        for clients in args.clients:
            result = {"articles": stored, **load(url, words, clients, args.seconds)}
            if args.json:
                print(json.dumps(result))
            else:
                print(f"/api/search over {stored:,} articles, {clients} client(s): {result['rps']} req/s, "
                      f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, "
                      f"{result['requests']} requests, {result['errors']} errors")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()

"""The REST API and pages over a real SQLite file, served by uvicorn on 127.0.0.1 and called with httpx."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import httpx
import lxml.html
import pytest
import uvicorn

from vnnews.api import create_app
from vnnews.service import Service

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TOKEN = "s3cret-token-for-tests"
HOSTILE_PARAGRAPHS = [
    'Ngày 19/10, quan chức NATO nói <img src=x onerror="window.pwned=1"> rằng liên minh sẽ họp tiếp.',
    'Bạn đọc có thể <a href="javascript:window.pwned=1">bấm vào đây</a> để xem toàn văn tuyên bố của NATO.',
    'Tin nhắn lạ "><script>window.pwned=1</script><svg onload="window.pwned=1"> được gửi tới tòa soạn.',
]


def hostile_page() -> dict:
    """A text page whose every field tries to run script in the reader's browser."""
    text = "\n\n".join(["Cảnh báo về hội nghị NATO tại Brussels", *HOSTILE_PARAGRAPHS])
    return {"text": text, "url": "javascript:window.pwned=1", "site": "<b onmouseover=alert(1)>evil</b>",
            "published": "2024-11"}


@contextmanager
def serving(app) -> Iterator[str]:
    """The app on a free loopback port for the duration of the block; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def build_desk(folder: Path) -> Iterator[SimpleNamespace]:
    """The samples ingested through the Service, a server with ingest enabled, and the hostile pages sent to it."""
    db = folder / "news.db"
    with Service(db) as service:
        summary = service.ingest([str(SAMPLES)], meta=SAMPLES / "manifest.jsonl")
    assert summary.ingested == 5, summary.failed
    with serving(create_app(db, token=TOKEN)) as url, httpx.Client(base_url=url, timeout=60) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        sent = client.post("/api/ingest", content=json.dumps([hostile_page()]), headers=auth)
        assert sent.status_code == 200, sent.text
        assert sent.json()["ingested"] == 1, sent.json()
        hostile = client.get("/api/search", params={"q": "canh bao hoi nghi brussels", "limit": 1}).json()
        yield SimpleNamespace(url=url, client=client, db=db, auth=auth, hostile=hostile["results"][0]["id"])


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Iterator[SimpleNamespace]:
    yield from build_desk(tmp_path_factory.mktemp("desk"))


def test_accent_free_search_finds_the_sample_with_highlighted_snippet(desk):
    found = desk.client.get("/api/search", params={"q": "iraq bat den xanh"}).json()
    top = found["results"][0]
    assert top["title"].startswith("Iraq 'bật đèn xanh'")
    assert {"id", "title", "source", "published", "score", "snippet"} <= set(top)
    assert "«" in top["snippet"] and "»" in top["snippet"]


def test_search_pages_are_bounded_and_consistent(desk):
    first = desk.client.get("/api/search", params={"q": "nato", "limit": 2}).json()
    second = desk.client.get("/api/search", params={"q": "nato", "limit": 2, "offset": 2}).json()
    beyond = desk.client.get("/api/search", params={"q": "nato", "limit": 2, "offset": 500}).json()
    assert first["total"] >= 5 and len(first["results"]) == 2
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
    assert beyond["results"] == [] and beyond["total"] == first["total"]


def test_search_filters_by_site_and_date(desk):
    in_2021 = desk.client.get("/api/search", params={"q": "nato", "since": "2021", "until": "2021-12"}).json()
    assert in_2021["total"] == 1 and in_2021["results"][0]["published"].startswith("2021-08")
    nowhere = desk.client.get("/api/search", params={"q": "nato", "site": "no-such-site.vn"}).json()
    assert nowhere["total"] == 0


@pytest.mark.parametrize("path", [
    "/api/search?q=nato&limit=0", "/api/search?q=nato&limit=101", "/api/search?q=nato&limit=abc",
    "/api/search?q=nato&offset=-1", "/api/search?q=nato&since=2024-13", "/api/search?q=nato&since=last+week",
    "/api/search?q=nato&until=2024-02-30", "/api/actors?limit=1000", "/api/events?root=99x",
    "/api/quotes?limit=-3", "/api/actors/nato/network?limit=0", "/api/events?since=%00",
    "/search?q=nato&page=0", "/search?since=yesterday",
])
def test_bad_parameters_get_a_4xx_json_body(desk, path):
    response = desk.client.get(path)
    assert 400 <= response.status_code < 500, response.text
    body = response.json()
    assert body["status"] == response.status_code and body["error"]


def test_browsers_get_bad_parameters_as_an_html_page(desk):
    response = desk.client.get("/search?since=yesterday", headers={"Accept": "text/html"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html") and "since" in response.text


@pytest.mark.parametrize("path", [
    "/api/articles/ffffffffffffffff", "/api/articles/<script>", "/api/actors/no-such-actor",
    "/api/actors/no-such-actor/timeline", "/api/no-such-endpoint", "/articles/ffffffffffffffff", "/actors/nobody",
])
def test_unknown_ids_are_404(desk, path):
    response = desk.client.get(path)
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_article_json_carries_the_record_and_its_analysis_slot(desk):
    hit = desk.client.get("/api/search", params={"q": "ngoai truong my gap tong thu ky", "limit": 1}).json()
    article = desk.client.get(f"/api/articles/{hit['results'][0]['id']}").json()
    assert article["title"] == "Ngoại trưởng Mỹ gặp Tổng thư ký NATO"
    assert article["body"] and article["published"] == "2024-12"
    assert "analysis" in article and "related_articles" in article
    by_prefix = desk.client.get(f"/api/articles/{article['id'][:8]}").json()
    assert by_prefix["id"] == article["id"]


def test_analysis_endpoints_answer_before_and_after_analysis(desk):
    analysed = hasattr(Service, "actors")
    for path in ("/api/actors", "/api/events", "/api/quotes"):
        body = desk.client.get(path).json()
        assert isinstance(body["results"], list) and body["total"] >= len(body["results"])
        if not analysed:
            assert body["note"] == "not analysed yet" and body["total"] == 0
    if analysed:
        actors = desk.client.get("/api/actors", params={"limit": 5}).json()["results"]
        assert actors, "the samples name NATO, Mark Rutte, Ukraine: analysis must find actors"
        actor_id = quote(actors[0]["id"], safe="")
        for path in (f"/api/actors/{actor_id}", f"/api/actors/{actor_id}/timeline", f"/api/actors/{actor_id}/network",
                     f"/actors/{actor_id}"):
            assert desk.client.get(path).status_code == 200, path
        assert_inert(desk.client.get(f"/actors/{actor_id}").text)
        hit = desk.client.get("/api/search", params={"q": "iraq bat den xanh", "limit": 1}).json()["results"][0]
        article = lxml.html.fromstring(desk.client.get(f"/articles/{hit['id']}").text)
        assert article.xpath("//article//a[contains(@class, 'ent')]/@href")


def test_stats_count_every_stored_article(desk):
    stats = desk.client.get("/api/stats").json()
    assert stats["articles"] >= 6  # the samples and the hostile page (and any the ingest test adds)
    assert stats["first_published"].startswith("2020-02")


def test_openapi_lists_the_api_and_no_cdn_docs_are_served(desk):
    spec = desk.client.get("/openapi.json").json()
    for path in ("/api/search", "/api/articles/{article_id}", "/api/actors", "/api/actors/{actor_id}",
                 "/api/actors/{actor_id}/timeline", "/api/actors/{actor_id}/network", "/api/events", "/api/quotes",
                 "/api/stats", "/api/ingest"):
        assert path in spec["paths"], path
    assert desk.client.get("/docs").status_code == 404


def assert_inert(html: str) -> lxml.html.HtmlElement:
    """No script element, no event-handler attribute, no javascript: link, nothing loaded from another origin."""
    tree = lxml.html.fromstring(html)
    assert not tree.xpath("//script")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src", "action"):
                assert not value.strip().lower().startswith(("javascript:", "data:")), value
                assert not value.startswith("//")
    for link in tree.xpath("//link[@href] | //img[@src]"):
        assert link.get("href", link.get("src", "")).startswith("/")
    return tree


def test_every_html_page_has_a_strict_csp(desk):
    for path in ("/", "/search?q=nato", f"/articles/{desk.hostile}", "/actors", "/nope"):
        response = desk.client.get(path, headers={"Accept": "text/html"})
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert_inert(response.text)


def test_hostile_article_renders_inert_but_readable(desk):
    response = desk.client.get(f"/articles/{desk.hostile}")
    assert response.status_code == 200
    tree = assert_inert(response.text)
    text = tree.text_content()
    for shown in ('<img src=x onerror="window.pwned=1">', '<a href="javascript:window.pwned=1">',
                  '"><script>window.pwned=1</script><svg onload="window.pwned=1">', "<b onmouseover=alert(1)>evil</b>"):
        assert shown in text  # shown as text, not dropped and not run
    assert not tree.xpath("//a[contains(., 'original page')]")  # the javascript: URL is never a link


def test_hostile_search_query_and_snippets_render_inert(desk):
    for query in ('"><script>window.pwned=1</script>', "onerror window pwned", "javascript bam vao day"):
        response = desk.client.get("/search", params={"q": query})
        assert response.status_code == 200
        assert_inert(response.text)
    marked = lxml.html.fromstring(desk.client.get("/search", params={"q": "onerror pwned"}).text)
    assert [m.text for m in marked.xpath("//mark")][:2] == ["onerror", "pwned"]


def test_ingest_needs_the_token_and_is_idempotent(desk):
    page = {"text": "NATO họp bàn về Biển Đen\n\nCác bộ trưởng NATO họp tại cảng Constanta ngày 3/4 bàn về an ninh."}
    assert desk.client.post("/api/ingest", json=page).status_code == 401
    assert desk.client.post("/api/ingest", json=page, headers={"Authorization": "Bearer wrong"}).status_code == 401
    jsonl = json.dumps(page, ensure_ascii=False) + "\n"
    first = desk.client.post("/api/ingest", content=jsonl.encode(), headers=desk.auth).json()
    again = desk.client.post("/api/ingest", json=[page], headers=desk.auth).json()
    assert (first["ingested"], again["ingested"], again["unchanged"]) == (1, 0, 1)
    assert desk.client.get("/api/search", params={"q": "constanta"}).json()["total"] == 1
    bad = desk.client.post("/api/ingest", content=b"{not json", headers=desk.auth)
    assert bad.status_code == 400 and bad.json()["error"]
    assert desk.client.post("/api/ingest", json=[{"url": "x"}], headers=desk.auth).status_code == 400


def test_without_a_token_the_server_is_read_only(desk):
    with serving(create_app(desk.db)) as url, httpx.Client(base_url=url) as client:
        response = client.post("/api/ingest", json={"text": "x"})
        assert response.status_code in (404, 405)
        assert "/api/ingest" not in client.get("/openapi.json").json()["paths"]
        assert client.get("/api/stats").json()["articles"] >= 6

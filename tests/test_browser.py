"""End to end in headless Chromium (Debian's package, driven by playwright): search, read, follow actors, stay inert.

Screenshots land in test-artifacts/ so a reviewer can see what the desk looks like.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_api import build_desk

from vnnews.service import Service

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    yield from build_desk(tmp_path_factory.mktemp("browser-desk"))


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1280, "height": 900}, locale="vi-VN",
        )
        yield context
        context.close()


@pytest.fixture
def page(browser):
    """A fresh tab that records every dialog and console error, so an injected script cannot go unnoticed."""
    tab = browser.new_page()
    tab.dialogs, tab.errors = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    tab.close()


def test_search_then_read_an_article(desk, page):
    page.goto(desk.url + "/")
    assert page.locator("h1").inner_text() == "The corpus"
    page.screenshot(path=ARTIFACTS / "dashboard.png", full_page=True)
    page.fill("header input[name=q]", "tong thu ky nato gap trump")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    hits = page.locator("li.hit")
    assert hits.count() >= 1
    assert page.locator("li.hit mark").count() >= 3
    page.screenshot(path=ARTIFACTS / "search.png", full_page=True)
    first_title = hits.first.locator("a.hit-title").inner_text()
    hits.first.locator("a.hit-title").click()
    page.wait_for_url("**/articles/*")
    assert page.locator("article h1").inner_text() == first_title
    assert page.locator("article p").count() >= 3
    page.screenshot(path=ARTIFACTS / "article.png", full_page=True)
    assert not page.dialogs and not page.errors


def test_facets_narrow_the_search(desk, page):
    page.goto(desk.url + "/search?q=nato")
    everything = page.locator("li.hit").count()
    page.fill("input[name=since]", "2021")
    page.fill("input[name=until]", "2021-12")
    page.click("form.search-form button")
    page.wait_for_url("**since=2021**")
    assert 1 == page.locator("li.hit").count() < everything


@pytest.mark.skipif(not hasattr(Service, "actors"), reason="actor pages need the analysis layer in the Service")
def test_actor_page_has_the_timeline_chart(desk, page):
    page.goto(desk.url + "/actors")
    page.locator("table.rows a").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text()
    assert page.locator("svg.chart rect.bar").count() >= 1  # the timeline chart, drawn on the server
    page.screenshot(path=ARTIFACTS / "actor.png", full_page=True)


def test_hostile_pages_run_nothing(desk, page):
    page.goto(f"{desk.url}/articles/{desk.hostile}")
    assert "<script>window.pwned=1</script>" in page.locator("article").inner_text()
    page.screenshot(path=ARTIFACTS / "hostile.png", full_page=True)
    for link in page.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    page.goto(desk.url + "/search?q=" + "%22%3E%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E")
    assert page.evaluate("() => window.pwned") is None
    assert page.evaluate("() => document.querySelectorAll('script, [onerror], [onload]').length") == 0
    assert not page.dialogs and not page.errors

"""The reading view rendered by the real templates from hostile records: 10 MB of text and marked-up entities.

Ingesting a page runs the whole analysis, so the 10 MB page is rendered here from its records; the served pages are
checked over HTTP in test_api.py.
"""

from __future__ import annotations

from types import SimpleNamespace

import lxml.html

from vnnews.model import Article, Entity
from vnnews.web.pages import TEMPLATES, article_context

PAYLOADS = ['<img src=x onerror="window.pwned=1">', '<a href="javascript:window.pwned=1">bấm</a>',
            '"><script>window.pwned=1</script>', "<svg onload=alert(1)>"]


def inert(tree: lxml.html.HtmlElement) -> None:
    assert not tree.xpath("//script | //iframe | //object | //embed | //img")
    for element in tree.iter():
        if isinstance(element.tag, str):
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (element.tag, name)
                assert not value.strip().lower().startswith(("javascript:", "data:")), value


def test_ten_megabytes_of_hostile_text_render_whole_and_inert():
    paragraph = "Đoạn {i}: Tổng thư ký NATO nói {payload} về viện trợ quân sự cho Ukraine và các đối tác."
    body, size = [], 0
    while size < 10_000_000:
        body.append(paragraph.format(i=len(body), payload=PAYLOADS[len(body) % len(PAYLOADS)]))
        size += len(body[-1].encode())
    article = Article(source="huge.txt", title=f"NATO {PAYLOADS[2]} họp", lead=PAYLOADS[0], body=body,
                      url="javascript:window.pwned=1", site=PAYLOADS[3])
    html = TEMPLATES.get_template("article.html").render(article_context(article, None, None))
    assert len(html.encode()) > 10_000_000
    tree = lxml.html.fromstring(html)
    inert(tree)
    assert len(tree.xpath("//article/p[not(@class)]")) == len(body)  # every paragraph, none dropped
    assert tree.xpath("//article/p[@class='lead']")[0].text_content() == PAYLOADS[0]
    assert PAYLOADS[2] in tree.xpath("//h1")[0].text_content()


def test_entities_events_and_quotes_with_markup_in_them_render_as_text():
    body = ["Ông <b>Rutte</b> gặp Nga."]
    entities = [Entity("<b>Rutte</b>", "PER", "Mark <i>Rutte</i>", 'rutte" onmouseover="x', "body", 4, 16),
                Entity("Nga", "LOC", "Nga", "javascript:alert(1)", "body", 21, 24)]
    event = {"date": "2024-10-19", "actor1": PAYLOADS[1], "actor1_id": "a/../../x", "code": "040",
             "label": PAYLOADS[0], "actor2": "Nga", "actor2_id": "LOC:RU", "sentence": PAYLOADS[2]}
    quote = {"speaker": PAYLOADS[3], "speaker_id": "rutte", "text": PAYLOADS[2], "direct": True,
             "article_id": "abc"}
    analysis = SimpleNamespace(entities=entities, events=[event], quotes=[quote])
    article = Article(source="x.txt", title="NATO họp", lead=None, body=body)
    tree = lxml.html.fromstring(TEMPLATES.get_template("article.html").render(
        article_context(article, analysis, [{"id": "abc", "title": PAYLOADS[1], "snippet": f"«{PAYLOADS[0]}»"}])))
    inert(tree)
    links = {a.text_content(): a.get("href") for a in tree.xpath("//article//a[contains(@class, 'ent')]")}
    assert links == {"<b>Rutte</b>": "/actors/rutte%22%20onmouseover%3D%22x",
                     "Nga": "/actors/javascript%3Aalert%281%29"}
    assert tree.xpath("//mark")[0].text == PAYLOADS[0]
    text = tree.text_content()
    assert all(payload in text for payload in PAYLOADS)

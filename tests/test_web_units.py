"""The pure parts of the web desk: chart geometry, entity marking, snippet markers, link filtering."""

from __future__ import annotations

from collections import Counter

from vnnews.model import Entity
from vnnews.web import charts
from vnnews.web.text import PAGE_MARKS, annotate, mark, safe_href, snippet_parts


def test_volume_chart_fills_calendar_gaps_and_scales_to_the_peak():
    chart = charts.volume_chart([{"period": "2024-01", "articles": 2}, {"period": "2024-04", "articles": 4}])
    assert [label.text for label in chart.x_labels] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    heights = {r.title.split(":")[0]: r.height for r in chart.rects}
    assert set(heights) == {"2024-01", "2024-04"}
    assert heights["2024-04"] == 2 * heights["2024-01"]
    assert max(r.y + r.height for r in chart.rects) <= chart.baseline + 0.1


def test_long_spans_are_counted_by_year():
    points = [{"period": "2001-03", "articles": 1}, {"period": "2020-05", "articles": 3},
              {"period": "2020-07", "articles": 1}]
    chart = charts.volume_chart(points)
    assert chart.x_labels[0].text == "2001" and len(chart.rects) == 2
    assert any(r.title.startswith("2020: 4 ") for r in chart.rects)


def test_timeline_chart_stacks_events_and_quotes_in_the_same_month():
    rows = [{"date": "2024-10-19", "kind": "event"}, {"date": "2024-10-02", "kind": "quote"},
            {"date": None, "kind": "event"}]
    chart = charts.timeline_chart(rows)
    assert sorted(r.series for r in chart.rects) == ["event", "quote"]
    event, quote = sorted(chart.rects, key=lambda r: r.series)
    assert quote.y + quote.height == event.y  # the quote sits on top of the event
    assert charts.timeline_chart([]).empty


def test_mixed_precision_dates_fall_back_to_years():
    chart = charts.stacked_bars({"event": Counter({"2023": 1, "2024-05": 2})}, 400, 120)
    assert [label.text for label in chart.x_labels] == ["2023", "2024"]


def test_network_puts_the_actor_in_the_middle_and_weights_edges():
    nodes = [{"id": "nato", "name": "NATO", "weight": 9}, {"id": "nga", "name": "Nga", "weight": 6},
             {"id": "my", "name": "Mỹ", "weight": 2}]
    edges = [{"source": "nato", "target": "nga", "weight": 6}, {"source": "nato", "target": "my", "weight": 2},
             {"source": "nato", "target": "ghost", "weight": 5}]
    drawing = charts.network_drawing(nodes, edges, "nato", size=400)
    center = next(n for n in drawing.nodes if n.center)
    assert (center.x, center.y) == (200, 200)
    assert len(drawing.edges) == 2  # the edge to a node not drawn is dropped
    widths = sorted(e.width for e in drawing.edges)
    assert widths[0] < widths[1]
    assert charts.network_drawing([], [], "nato").empty


def test_annotate_marks_entities_by_paragraph_and_by_joined_body_offsets():
    body = ["Nga phản đối.", "Ông Mark Rutte nói."]
    entities = [
        Entity("NATO", "ORG", "NATO", "nato", "title", 0, 4),
        Entity("Nga", "LOC", "Nga", "nga", "body", 0, 3),
        Entity("Mark Rutte", "PER", "Mark Rutte", "rutte", "body", len(body[0]) + 1 + 4, len(body[0]) + 1 + 14),
        Entity("Ukraine", "LOC", None, None, "lead", 50, 57),  # outside the lead: skipped, never an error
    ]
    text = annotate("NATO họp", "Ukraine", body, entities)
    assert [(p.text, p.actor_id) for p in text.title] == [("NATO", "nato"), (" họp", None)]
    assert [p.text for p in text.body[1] if p.kind] == ["Mark Rutte"]
    assert text.lead[0].kind is None and text.lead[0].text == "Ukraine"
    assert "".join(p.text for p in text.body[1]) == body[1]


def test_overlapping_spans_keep_the_first_and_text_stays_whole():
    parts = mark("Tổng thư ký NATO", [(0, 11, {"type": "PER"}), (6, 16, {"type": "ORG"}), (12, 16, {"type": "ORG"})])
    assert "".join(p.text for p in parts) == "Tổng thư ký NATO"
    assert [p.text for p in parts if p.kind] == ["Tổng thư ký", "NATO"]


def test_snippet_markers_become_match_parts():
    assert [(p.text, p.kind) for p in snippet_parts("…ông «Rutte» nói «NATO»")] == [
        ("…ông ", None), ("Rutte", "match"), (" nói ", None), ("NATO", "match")]
    opener, closer = PAGE_MARKS
    page_snippet = f"«trích dẫn» {opener}NATO{closer}"
    assert [(p.text, p.kind) for p in snippet_parts(page_snippet)] == [("«trích dẫn» ", None), ("NATO", "match")]
    assert snippet_parts(None) == []


def test_only_plain_web_links_are_rendered():
    assert safe_href("https://baoquocte.vn/a.html") == "https://baoquocte.vn/a.html"
    hostile_links = ("javascript:alert(1)", " JavaScript:x", "data:text/html,<script>", "//evil", "http://", None)
    for hostile in hostile_links:
        assert safe_href(hostile) is None

"""Chart geometry computed on the server, so charts are plain SVG that read with JavaScript off.

Functions here only compute numbers and labels; the templates write the SVG, so every label passes the same
escaping as the rest of the page.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

MAX_MONTHS = 120  # beyond ten years of months, bars get thinner than a pixel; count by year instead
MAX_LABELS = 12


@dataclass
class Rect:
    x: float
    y: float
    width: float
    height: float
    series: str
    title: str


@dataclass
class Label:
    x: float
    y: float
    text: str


@dataclass
class BarChart:
    """Stacked bars over calendar periods; ``series`` name the stack layers in drawing order."""

    width: int
    height: int
    rects: list[Rect] = field(default_factory=list)
    x_labels: list[Label] = field(default_factory=list)
    y_labels: list[Label] = field(default_factory=list)
    series: list[str] = field(default_factory=list)
    baseline: float = 0

    @property
    def empty(self) -> bool:
        return not self.rects


@dataclass
class NodeShape:
    id: str
    name: str
    kind: str | None
    x: float
    y: float
    r: float
    weight: float
    center: bool
    label_x: float
    label_y: float
    anchor: str


@dataclass
class EdgeShape:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    title: str


@dataclass
class NetworkDrawing:
    size: int
    nodes: list[NodeShape] = field(default_factory=list)
    edges: list[EdgeShape] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return len(self.nodes) < 2


def volume_chart(points: list[Any], width: int = 760, height: int = 200) -> BarChart:
    """Articles per period from Service.volume() rows (``period``, ``articles``)."""
    counts: Counter[str] = Counter()
    for point in points:
        period = str(_get(point, "period") or "")
        if period:
            counts[period] += int(_get(point, "articles") or 0)
    return stacked_bars({"articles": counts}, width, height)


def timeline_chart(rows: list[Any], width: int = 760, height: int = 180) -> BarChart:
    """Events and quotes per month from Service.timeline() rows; undated rows are left out."""
    layers: dict[str, Counter[str]] = {"event": Counter(), "quote": Counter()}
    for row in rows:
        date = str(_get(row, "date") or "")
        kind = str(_get(row, "kind") or "event")
        if len(date) >= 4 and date[:4].isdigit():
            layers.setdefault(kind, Counter())[date[:7]] += 1
    return stacked_bars(layers, width, height)


def stacked_bars(layers: dict[str, Counter[str]], width: int, height: int) -> BarChart:
    """Bars for every period between the first and the last, so gaps in time show as gaps."""
    periods = _calendar({p for counts in layers.values() for p in counts})
    chart = BarChart(width=width, height=height, series=list(layers))
    if not periods:
        return chart
    if len(periods) > MAX_MONTHS or any(len(p) != 7 for p in periods):
        layers = {name: _by_year(counts) for name, counts in layers.items()}
        periods = _calendar({p for counts in layers.values() for p in counts})
    left, right, top, bottom = 40.0, 8.0, 8.0, 24.0
    plot_width, plot_height = width - left - right, height - top - bottom
    totals = [sum(counts.get(p, 0) for counts in layers.values()) for p in periods]
    peak = max(totals) or 1
    slot = plot_width / len(periods)
    bar = max(slot * 0.8, 0.5)
    chart.baseline = top + plot_height
    for index, period in enumerate(periods):
        x = left + index * slot + (slot - bar) / 2
        y = chart.baseline
        for name, counts in layers.items():
            value = counts.get(period, 0)
            if value:
                h = value / peak * plot_height
                y -= h
                chart.rects.append(Rect(round(x, 1), round(y, 1), round(bar, 1), round(h, 1), name,
                                        f"{period}: {value} {name}{'s' if value != 1 else ''}"))
    step = math.ceil(len(periods) / MAX_LABELS)
    chart.x_labels = [Label(round(left + i * slot + slot / 2, 1), height - 6, periods[i])
                      for i in range(0, len(periods), step)]
    chart.y_labels = [Label(left - 6, round(chart.baseline - v / peak * plot_height + 4, 1), str(v))
                      for v in sorted({0, peak // 2, peak})]
    return chart


def network_drawing(nodes: list[Any], edges: list[Any], center_id: str, size: int = 520) -> NetworkDrawing:
    """The actor in the middle, partners on a ring by weight (heaviest first, clockwise from the top)."""
    drawing = NetworkDrawing(size=size)
    if not nodes:
        return drawing
    middle = size / 2
    ring = size / 2 - 90
    heaviest = max(float(_get(n, "weight") or 0) for n in nodes) or 1.0
    others = sorted((n for n in nodes if _get(n, "id") != center_id), key=lambda n: -float(_get(n, "weight") or 0))
    center = next((n for n in nodes if _get(n, "id") == center_id), None)
    placed: dict[str, NodeShape] = {}
    if center is not None:
        placed[center_id] = _node(center, middle, middle, 18.0, True, "middle")
    for index, node in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(others), 1)
        x, y = middle + ring * math.cos(angle), middle + ring * math.sin(angle)
        radius = 5 + 11 * math.sqrt(float(_get(node, "weight") or 0) / heaviest)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        placed[str(_get(node, "id"))] = _node(node, x, y, radius, False, anchor)
    strongest = max((float(_get(e, "weight") or 0) for e in edges), default=1.0) or 1.0
    for edge in edges:
        a, b = placed.get(str(_get(edge, "source"))), placed.get(str(_get(edge, "target")))
        if a and b and a is not b:
            weight = float(_get(edge, "weight") or 0)
            drawing.edges.append(EdgeShape(round(a.x, 1), round(a.y, 1), round(b.x, 1), round(b.y, 1),
                                           round(1 + 6 * weight / strongest, 1),
                                           f"{a.name} – {b.name}: {weight:g}"))
    drawing.nodes = sorted(placed.values(), key=lambda n: n.center)
    return drawing


def _node(node: Any, x: float, y: float, r: float, center: bool, anchor: str) -> NodeShape:
    """A placed node; its label sits beside it on the ring's sides, and under it at the top, bottom and centre."""
    side = {"start": 1, "end": -1}.get(anchor, 0)
    label_x, label_y = x + side * (r + 4), y + 4 if side else y + r + 14
    return NodeShape(id=str(_get(node, "id")), name=str(_get(node, "name") or _get(node, "id")),
                     kind=_get(node, "kind"), x=round(x, 1), y=round(y, 1), r=round(r, 1),
                     weight=float(_get(node, "weight") or 0), center=center, label_x=round(label_x, 1),
                     label_y=round(label_y, 1), anchor=anchor)


def _calendar(periods: set[str]) -> list[str]:
    """Every month (``YYYY-MM``) or year (``YYYY``) from the first period to the last."""
    months = sorted(p for p in periods if len(p) == 7 and p[:4].isdigit() and p[5:].isdigit())
    if months and len(months) == len(periods):
        (y0, m0), (y1, m1) = (int(months[0][:4]), int(months[0][5:])), (int(months[-1][:4]), int(months[-1][5:]))
        return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]
    years = sorted({p[:4] for p in periods if p[:4].isdigit()})
    return [str(y) for y in range(int(years[0]), int(years[-1]) + 1)] if years else sorted(periods)


def _by_year(counts: Counter[str]) -> Counter[str]:
    years: Counter[str] = Counter()
    for period, value in counts.items():
        years[period[:4]] += value
    return years


def _get(record: Any, name: str) -> Any:
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)

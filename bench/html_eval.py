"""How much of an article's text html_content's lines recover, against the Article Extraction Benchmark.

Token F1 over the multiset of lowercased \\w+ tokens of the extracted lines against the gold articleBody, per page
and micro-averaged over all pages, with trafilatura's own plain-text extract scored in the same run as the baseline.

    python bench/html_eval.py [--data DIR] [--per-page] [--json]

Data: <data>/article-extraction-benchmark/{ground-truth.json, html/*.html.gz}; <data> is --data, else $VNNEWS_DATA,
else ../shared/data relative to the repository root.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from vnnews.extract.html import html_content

ROOT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


@dataclass
class Score:
    """Token overlap summed over pages, so the micro average weighs long articles by their length."""

    common: int = 0
    predicted: int = 0
    gold: int = 0
    pages: list[float] = field(default_factory=list)

    def add(self, predicted: str, gold: str) -> float:
        p, g = tokens(predicted), tokens(gold)
        common = sum((p & g).values())
        self.common, self.predicted, self.gold = self.common + common, self.predicted + p.total(), self.gold + g.total()
        page = f1(common, p.total(), g.total())
        self.pages.append(page)
        return page

    def summary(self) -> dict[str, float]:
        precision = self.common / self.predicted if self.predicted else 0.0
        recall = self.common / self.gold if self.gold else 0.0
        return {
            "micro_precision": round(precision, 4),
            "micro_recall": round(recall, 4),
            "micro_f1": round(f1(self.common, self.predicted, self.gold), 4),
            "mean_page_f1": round(sum(self.pages) / len(self.pages), 4) if self.pages else 0.0,
        }


def f1(common: int, predicted: int, gold: int) -> float:
    return 2 * common / (predicted + gold) if predicted + gold else 1.0


def data_dir(given: str | None) -> Path:
    return Path(given or os.environ.get("VNNEWS_DATA") or ROOT.parent / "shared" / "data")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data directory (default $VNNEWS_DATA or ../shared/data)")
    parser.add_argument("--per-page", action="store_true", help="print each page's F1 for both extractors")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()
    base = data_dir(args.data) / "article-extraction-benchmark"
    if not (base / "ground-truth.json").is_file():
        parser.error(f"no article-extraction-benchmark under {base.parent}: give --data or set VNNEWS_DATA")
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    ours, baseline = Score(), Score()
    for key, row in sorted(truth.items()):
        html = gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", errors="replace")
        gold = row["articleBody"]
        page = ours.add("\n".join(html_content(html, row.get("url")).lines), gold)
        plain = baseline.add(trafilatura.extract(html, url=row.get("url")) or "", gold)
        if args.per_page:
            print(f"{key[:12]}  html_content {page:.3f}  trafilatura {plain:.3f}")
    summary = {"pages": len(ours.pages), "html_content": ours.summary(), "trafilatura_plain": baseline.summary()}
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{summary['pages']} pages (token F1, lowercased \\w+ multisets)")
        for name in ("html_content", "trafilatura_plain"):
            s = summary[name]
            print(f"  {name:18} micro P {s['micro_precision']:.3f}  R {s['micro_recall']:.3f}  "
                  f"F1 {s['micro_f1']:.3f}   mean page F1 {s['mean_page_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

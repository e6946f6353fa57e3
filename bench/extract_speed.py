"""Pages per second of vnnews text-page extraction, against jusText on the same pages in the same run.

The pages are the five seeds plus N VietNews pages rendered by bench/pages.py. jusText gets each page as
HTML with one <p> per line and the Vietnamese stoplist, the nearest it comes to reading a text page; building
that HTML (and the RawPage records) is done before the clock starts. Each side is warmed up, then timed over
all pages three times with time.perf_counter, the two sides' passes interleaved; the best pass counts. The
output says whether vnnews ran its compiled extraction modules or their sources (`vnnews.extract.MODE`).

    python bench/extract_speed.py [--n 2000] [--seed 13] [--data DIR] [--json]
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_eval import SAMPLES, data_dir  # noqa: E402

from vnnews.model import InputError, RawPage  # noqa: E402


def load_pages(data: Path, n: int, seed: int) -> list[tuple[str, str]]:
    from pages import dev_pages

    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    return seeds + [(name, text) for name, text, _ in dev_pages(data, n, seed)] if n else seeds


def as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>\n{paragraphs}</body></html>"


def best_times(runs: Sequence[Callable[[], None]], passes: int = 3) -> list[float]:
    """The fastest of `passes` timed runs of each, the runs interleaved so that a busy machine slows both alike."""
    best = [float("inf")] * len(runs)
    for _ in range(passes):
        for k, run in enumerate(runs):
            start = time.perf_counter()
            run()
            best[k] = min(best[k], time.perf_counter() - start)
    return best


def measure(texts: Sequence[tuple[str, str]]) -> dict:
    import justext

    from vnnews.extract import MODE, page

    raws = [RawPage(source=name, text=text) for name, text in texts]
    docs = [as_html(text) for _, text in texts]
    stoplist = justext.get_stoplist("Vietnamese")

    def run_vnnews(items: Sequence[RawPage] = raws) -> None:
        for raw in items:
            try:
                page(raw)
            except InputError:
                pass

    def run_justext(items: Sequence[str] = docs) -> None:
        for doc in items:
            justext.justext(doc, stoplist)

    run_vnnews(raws[:100])  # warm-up: imports, compiled patterns, caches
    run_justext(docs[:100])
    vn_time, jt_time = best_times([run_vnnews, run_justext])
    vn, jt = len(raws) / vn_time, len(docs) / jt_time
    return {"pages": len(raws), "vnnews_extraction": MODE, "vnnews_pages_per_s": round(vn, 1),
            "justext_pages_per_s": round(jt, 1), "ratio": round(vn / jt, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="VietNews pages besides the five seeds")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--data", help="data directory (default $VNNEWS_DATA or ../shared/data)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.n and not (data_dir(args.data) / "vietnews").is_dir():
        parser.error(f"no vietnews under {data_dir(args.data)}: give --data, set VNNEWS_DATA, or --n 0")
    result = measure(load_pages(data_dir(args.data), args.n, args.seed))
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['pages']} pages (the seeds + {args.n if args.n else 0} VietNews)")
        mode = result["vnnews_extraction"]
        print(f"vnnews   {result['vnnews_pages_per_s']:10.1f} pages/s ({mode} extraction modules)")
        print(f"jusText  {result['justext_pages_per_s']:10.1f} pages/s")
        print(f"vnnews/jusText = {result['ratio']:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

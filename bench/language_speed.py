"""Articles per second of the language layer against underthesea.ner on the same articles, and its memory.

Speed: the first N VietNews articles (title, lead, body) go through ``vnnews.language.analyze``, and through
underthesea.ner (GPL-3.0, measured here only) one paragraph at a time, title and lead included, in the same
run; each side is warmed up on a few articles first, then timed once with time.perf_counter. Until the door
exists the parts this layer already has are timed (sentences, dates, matching keys) and the line says so.
Memory: 20,000 articles are analysed one after another and the process's resident memory (current and peak)
is printed at 1k, 5k, 10k and 20k; a flat line means nothing grows per article.

    .venv/bin/python bench/language_speed.py [--data DIR] [--n 200] [--memory 20000] [--published 2024-10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

from vnnews.model import Article

ROOT = Path(__file__).resolve().parent.parent
CHECKPOINTS = (1_000, 5_000, 10_000, 20_000)


def vietnews(data: Path, published: str | None) -> Iterator[Article]:
    with gzip.open(data / "vietnews" / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield Article(
                source=f"vietnews/{row['id']}",
                title=row.get("title") or "",
                lead=row.get("lead"),
                body=row.get("body") or [],
                published=published,
            )


def language_layer() -> tuple[str, Callable[[Article], object]]:
    """The door if it is there, else the parts of the layer that exist, named so the output says which."""
    try:
        from vnnews.language import analyze

        return "vnnews.language.analyze", analyze
    except ImportError:
        from vnnews.language.dates import article_dates
        from vnnews.language.normalise import fold
        from vnnews.language.segment import sentences

        def parts(article: Article) -> object:
            text = "\n".join([article.title, article.text])
            return sentences(text), article_dates(article), fold(text)

        return "vnnews.language parts (sentences + dates + fold; no analyze door yet)", parts


def underthesea_ner() -> Callable[[Article], object]:
    from underthesea import ner

    def baseline(article: Article) -> object:
        return [ner(paragraph) for paragraph in [article.title, article.lead or "", *article.body] if paragraph]

    return baseline


def rate(run: Callable[[Article], object], articles: list[Article]) -> float:
    for article in articles[:3]:
        run(article)
    started = time.perf_counter()
    for article in articles:
        run(article)
    return len(articles) / (time.perf_counter() - started)


def resident_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("VNNEWS_DATA", str(ROOT.parent / "shared" / "data")))
    parser.add_argument("--n", type=int, default=200, help="articles for the speed comparison")
    parser.add_argument("--memory", type=int, default=20_000, help="articles for the memory run (0: skip)")
    parser.add_argument("--published", default="2024-10", help="publication date given to every article")
    args = parser.parse_args()
    data = Path(args.data)

    name, analyze = language_layer()
    articles = list(islice(vietnews(data, args.published), args.n))
    ours = rate(analyze, articles)
    theirs = rate(underthesea_ner(), articles)
    print(f"{len(articles)} VietNews articles")
    print(f"{name}: {ours:.1f} articles/s")
    print(f"underthesea.ner: {theirs:.1f} articles/s")
    print(f"ratio: {ours / theirs:.1f}x", flush=True)

    if args.memory:
        print(f"memory over {args.memory} articles (resident / peak MiB), underthesea already loaded:", flush=True)
        started = time.perf_counter()
        for count, article in enumerate(islice(vietnews(data, args.published), args.memory), start=1):
            analyze(article)
            if count in CHECKPOINTS or count == args.memory:
                elapsed = time.perf_counter() - started
                print(
                    f"  {count:6d}: {resident_mib():7.1f} / {peak_mib():7.1f}   ({count / elapsed:.0f} articles/s)",
                    flush=True,
                )


if __name__ == "__main__":
    main()

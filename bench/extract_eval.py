"""How well text-page extraction keeps the article and drops the rest: token F1 of lead + body against gold.

Five sets:
  seeds     the pages in samples/, against the hand-made gold in tests/gold/extract/ (default);
  aeb       article-extraction-benchmark: English HTML pages rendered to plain text, one block per line,
            with all their boilerplate, scored against ground-truth.json (body only: the gold has no title);
  vietnews  VietNews articles rendered by bench/pages.py as Vietnamese pages with boilerplate around them;
  vntc      VNTC's news articles (VnExpress, Tuổi Trẻ, Thanh Niên, Người Lao Động, 2004-2006) as the clean pages
            they are: the title line, then the text as the corpus keeps it. Such a page must come out whole;
            the corpus's text also keeps closing bylines and link lists, so its recall stays below 1. Rows whose
            title field runs into the lead (a conversion slip of the corpus) are left out.

  DIR       any directory of pages (.txt, .html) with their gold beside them (<stem>.json, the fields and
            conventions of tests/gold/extract/README.md) and an optional manifest.jsonl: a hand-made set of pages
            of other sites.

    python bench/extract_eval.py [--json] [--show-diff] [--dev aeb|vietnews|vntc] [--n 500] [--data DIR]
                                 [--unknown end|related|widget ...] [--pages DIR]

--unknown reads the pages as a site would be read whose block headings the furniture lists do not know: the lists
are used without that kind of entry, and the structural rules must find the article on their own.

The F1 is over the multiset of word tokens (NFC, lowercased, regex \\w+), so paragraph splits and
punctuation do not count; micro F1 sums token counts over all pages, mean F1 averages the pages' F1.
Datasets are read from ../shared/data (relative to the repo root), or --data, or $VNNEWS_DATA.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from anywhere without installing the package

from vnnews.model import Article, Caption, InputError, PageMeta, RawPage  # noqa: E402

GOLD_DIR = ROOT / "tests" / "gold" / "extract"
SAMPLES = ROOT / "samples"
MANIFEST = SAMPLES / "manifest.jsonl"
TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    """The multiset of word tokens the score counts: NFC, lowercased, \\w+ runs."""
    return Counter(TOKEN.findall(unicodedata.normalize("NFC", text).lower()))


@dataclass
class Score:
    """Token overlap of one page (or of many, summed for micro figures)."""

    overlap: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.overlap / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.overlap / self.gold if self.gold else float(self.predicted == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.overlap + other.overlap, self.predicted + other.predicted, self.gold + other.gold)


def token_score(predicted: str, gold: str) -> Score:
    """The one scoring function the tests and the benchmarks share."""
    p, g = tokens(predicted), tokens(gold)
    return Score(sum((p & g).values()), sum(p.values()), sum(g.values()))


def article_text(lead: str | None, body: Iterable[str]) -> str:
    return "\n".join(p for p in [lead or "", *body] if p)


@dataclass
class PageResult:
    name: str
    score: Score
    checks: dict[str, bool] = field(default_factory=dict)
    error: str | None = None
    dropped: list[str] = field(default_factory=list)  # gold paragraphs the output lacks
    kept: list[str] = field(default_factory=list)  # output paragraphs the gold lacks
    missed: list[tuple[str, int]] = field(default_factory=list)
    extra: list[tuple[str, int]] = field(default_factory=list)

    def to_dict(self, diff: bool) -> dict:
        out = {"page": self.name, "f1": round(self.score.f1, 4), "precision": round(self.score.precision, 4),
               "recall": round(self.score.recall, 4), **self.checks}
        if self.error:
            out["error"] = self.error
        if diff:
            out.update(dropped=self.dropped, kept=self.kept, missed=dict(self.missed), extra=dict(self.extra))
        return out


def _norm(paragraph: str) -> str:
    return " ".join(TOKEN.findall(unicodedata.normalize("NFC", paragraph).lower()))


def compare(name: str, art: Article | None, gold: dict, expected: dict | None = None, error: str | None = None
            ) -> PageResult:
    """Score one page; `expected` lists the metadata fields to check (field → gold value)."""
    gold_paras = [p for p in [gold.get("lead"), *gold["body"]] if p]
    pred_paras = [p for p in [art.lead, *art.body] if p] if art else []
    score = token_score("\n".join(pred_paras), "\n".join(gold_paras))
    checks = {}
    for key, want in (expected or {}).items():
        checks[key] = art is not None and getattr(art, key) == want
    gold_set, pred_set = {_norm(p) for p in gold_paras}, {_norm(p) for p in pred_paras}
    p_tok, g_tok = tokens("\n".join(pred_paras)), tokens("\n".join(gold_paras))
    return PageResult(
        name, score, checks, error,
        dropped=[p for p in gold_paras if _norm(p) not in pred_set],
        kept=[p for p in pred_paras if _norm(p) not in gold_set],
        missed=(g_tok - p_tok).most_common(25), extra=(p_tok - g_tok).most_common(25),
    )


def metadata(gold: dict) -> dict:
    """The gold's fields other than the text, as the Article holds them, to check one by one."""
    fields = {k: gold[k] for k in ("title", "author", "source_agency", "published", "site", "related")}
    return {**fields, "captions": [Caption(**c) for c in gold["captions"]]}


def extract(raw: RawPage) -> tuple[Article | None, str | None]:
    from vnnews.extract import page

    try:
        return page(raw), None
    except InputError as exc:
        return None, str(exc)


# ---- seeds ---------------------------------------------------------------------------------------------------


def manifest(path: Path = MANIFEST) -> dict[str, dict]:
    if not path.is_file():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["file"]: row for row in rows}


def seed_page(path: Path, meta: dict | None = None, manifest_path: Path = MANIFEST) -> RawPage:
    """The seed as the pipeline reads it: through vnnews.sources when it is there, else a plain RawPage."""
    try:
        from vnnews.sources import read
    except ImportError:
        read = None
    if read is not None:
        given = str(manifest_path) if manifest_path.is_file() else None
        try:
            found = [p for p in read([str(path)], meta=given) if isinstance(p, RawPage)]
        except TypeError:
            found = []
        if found:
            if found[0].meta.published is None and meta:
                found[0].meta.published = meta.get("published")
            return found[0]
    published = (meta or {}).get("published")
    return RawPage(source=str(path), text=path.read_text(encoding="utf-8"), meta=PageMeta(published=published))


def gold_files(gold_dir: Path = GOLD_DIR) -> list[Path]:
    return sorted(gold_dir.glob("*.json"))


def eval_seeds(pages: Path = SAMPLES, gold_dir: Path = GOLD_DIR) -> list[PageResult]:
    """Every page of `pages` that has a gold file in `gold_dir`, read with the manifest.jsonl of `pages`."""
    months = manifest(pages / "manifest.jsonl")
    results = []
    for gold_path in gold_files(gold_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = next((p for p in (pages / f"{gold_path.stem}{ext}" for ext in (".txt", ".html", ".htm"))
                     if p.is_file()), pages / f"{gold_path.stem}.txt")
        art, error = extract(seed_page(path, months.get(path.name), pages / "manifest.jsonl"))
        # The article's date is what the page states, else the crawler's manifest value.
        published = gold["published"] or months.get(path.name, {}).get("published")
        expected = {**metadata(gold), "published": published}
        results.append(compare(gold_path.stem, art, gold, expected, error))
    return results


# ---- article-extraction-benchmark ----------------------------------------------------------------------------

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol option p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)


XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def html_to_lines(html: bytes | str) -> str:
    """A page's visible text, one block per line, boilerplate and all: the shape of a scraped text page."""
    import lxml.html
    from lxml import etree

    if isinstance(html, bytes):
        try:
            html = html.decode("utf-8")
        except UnicodeDecodeError:
            html = html.decode("cp1252", errors="replace")
    doc = lxml.html.document_fromstring(XML_DECLARATION.sub("", html, count=1))
    etree.strip_elements(doc, "script", "style", "noscript", etree.Comment, etree.ProcessingInstruction,
                         with_tail=False)
    body = doc.find("body")
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    def walk(el) -> None:
        block = isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(body if body is not None else doc)
    flush()
    return "\n".join(lines) + "\n"


def data_dir(given: str | None) -> Path:
    return Path(given or os.environ.get("VNNEWS_DATA") or ROOT.parent / "shared" / "data")


def aeb_pages(data: Path) -> Iterator[tuple[str, str, str]]:
    """(name, rendered text page, gold body) for every page of the benchmark."""
    base = data / "article-extraction-benchmark"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted((base / "html").glob("*.html.gz")):
        key = path.name.removesuffix(".html.gz")
        if key in truth:
            yield key, html_to_lines(gzip.decompress(path.read_bytes())), truth[key]["articleBody"]


def eval_aeb(data: Path) -> list[PageResult]:
    results = []
    for key, text, body in aeb_pages(data):
        art, error = extract(RawPage(source=key, text=text))
        results.append(compare(key[:12], art, {"lead": None, "body": body.split("\n")}, None, error))
    return results


def eval_vietnews(data: Path, n: int, seed: int) -> list[PageResult]:
    from pages import dev_pages

    results = []
    for name, text, gold in dev_pages(data, n, seed):
        art, error = extract(RawPage(source=name, text=text))
        results.append(compare(name, art, gold, metadata(gold), error))
    return results


def eval_vntc(data: Path, n: int, seed: int) -> list[PageResult]:
    import random

    with gzip.open(data / "vntc" / "train.jsonl.gz", "rt", encoding="utf-8") as rows:
        clean = [row for row in map(json.loads, rows)
                 if row["text"].strip() and 0 < len(row["title"].split()) <= _VNTC_TITLE_WORDS]
    results = []
    for row in random.Random(seed).sample(clean, min(n, len(clean))):
        art, error = extract(RawPage(source=row["id"], text=f"{row['title']}\n{row['text']}"))
        gold = {"lead": None, "body": row["text"].split("\n")}
        results.append(compare(row["id"], art, gold, {"title": " ".join(row["title"].split())}, error))
    return results


_VNTC_TITLE_WORDS = 25  # longer title fields hold the lead too


# ---- report --------------------------------------------------------------------------------------------------


def summary(results: list[PageResult]) -> dict:
    total = sum((r.score for r in results), Score())
    out = {"pages": len(results), "micro_f1": round(total.f1, 4), "micro_precision": round(total.precision, 4),
           "micro_recall": round(total.recall, 4),
           "mean_f1": round(sum(r.score.f1 for r in results) / len(results), 4) if results else 0.0,
           "no_article": sum(r.error is not None for r in results)}
    for key in sorted({k for r in results for k in r.checks}):
        out[f"{key}_match"] = round(sum(r.checks[key] for r in results) / len(results), 4)
    return out


def print_report(results: list[PageResult], show_diff: bool, per_page: bool) -> None:
    if per_page:
        for r in results:
            checks = " ".join(f"{k}={'ok' if v else 'NO'}" for k, v in r.checks.items())
            print(f"{r.name:28} F1 {r.score.f1:.4f}  P {r.score.precision:.4f}  R {r.score.recall:.4f}  {checks}"
                  + (f"  error: {r.error}" if r.error else ""))
    if show_diff:
        for r in results:
            if not (r.dropped or r.kept or r.missed or r.extra):
                continue
            print(f"\n== {r.name}  F1 {r.score.f1:.4f}")
            for p in r.dropped:
                print(f"  - dropped: {p[:160]}")
            for p in r.kept:
                print(f"  + kept:    {p[:160]}")
            print(f"  tokens missed: {r.missed}")
            print(f"  tokens extra:  {r.extra}")
    s = summary(results)
    print(f"\n{s['pages']} pages  micro F1 {s['micro_f1']:.4f}  (P {s['micro_precision']:.4f}  "
          f"R {s['micro_recall']:.4f})  mean F1 {s['mean_f1']:.4f}  no article: {s['no_article']}")
    matches = {k: v for k, v in s.items() if k.endswith("_match")}
    if matches:
        print("  " + "  ".join(f"{k} {v:.3f}" for k, v in matches.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", choices=["seeds", "aeb", "vietnews", "vntc"], default="seeds")
    parser.add_argument("--n", type=int, default=500, help="pages to take (--dev vietnews, vntc)")
    parser.add_argument("--seed", type=int, default=13, help="seed for the VietNews page rendering")
    parser.add_argument("--data", help="data directory (default $VNNEWS_DATA or ../shared/data)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--show-diff", action="store_true", help="paragraphs and tokens missed / extra per page")
    parser.add_argument("--pages", type=Path, help="a directory of pages with <stem>.json gold beside them")
    parser.add_argument("--unknown", action="append", choices=["end", "related", "widget"], default=[],
                        help="read the pages as if the furniture lists did not know this kind of line (repeatable)")
    args = parser.parse_args(argv)
    if args.unknown:
        from vnnews.extract import lines

        lines.FURNITURE = lines.read_furniture(frozenset(args.unknown))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    data = data_dir(args.data)
    needed = {"aeb": "article-extraction-benchmark", "vietnews": "vietnews", "vntc": "vntc"}.get(args.dev)
    if needed and not (data / needed).is_dir():
        parser.error(f"no {needed} under {data}: give --data or set VNNEWS_DATA")
    if args.pages:
        if not args.pages.is_dir():
            parser.error(f"--pages {args.pages}: not a directory")
        results = eval_seeds(args.pages, args.pages)
    elif args.dev == "seeds":
        results = eval_seeds()
    elif args.dev == "aeb":
        results = eval_aeb(data)
    elif args.dev == "vntc":
        results = eval_vntc(data, args.n, args.seed)
    else:
        results = eval_vietnews(data, args.n, args.seed)
    if args.json:
        print(json.dumps({"set": str(args.pages) if args.pages else args.dev, **summary(results),
                          "per_page": [r.to_dict(args.show_diff) for r in results]}, ensure_ascii=False, indent=1))
    else:
        print_report(results, args.show_diff, per_page=args.dev == "seeds" or bool(args.pages) or args.show_diff)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

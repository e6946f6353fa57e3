"""Entity F1 and canonical-actor accuracy of vnnews.language.analyze on hand-annotated articles.

Run: .venv/bin/python bench/language_eval.py [GOLD_DIR ...]   (default tests/gold/annotated)
Entity F1 compares multisets of (field, surface, type) per document; canonical accuracy is over predicted
mentions whose field, offsets and type equal a gold mention's, counting those whose canonical name agrees.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnnews.language import analyze  # noqa: E402
from vnnews.model import Article, Caption  # noqa: E402


def precision_of(published: str | None) -> str | None:
    if not published:
        return None
    return {4: "year", 7: "month"}.get(len(published), "day")


def vietnews_fields(data_dir: Path, wanted: set[str]) -> dict[str, dict]:
    """Title, lead and body of the VietNews articles the gold names, read from the shared corpus by id."""
    found: dict[str, dict] = {}
    path = data_dir / "vietnews" / "articles.jsonl.gz"
    if not wanted or not path.exists():
        return found
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                found[record["id"]] = {
                    "title": record["title"],
                    "lead": record.get("lead") or "",
                    "body": "\n".join(record.get("body") or []),
                }
                if len(found) == len(wanted):
                    break
    return found


def gold_article(gold: dict) -> Article:
    fields = gold["fields"]
    captions = [Caption(c) for c in fields["caption"].split("\n")] if fields.get("caption") else []
    return Article(
        source=gold.get("source") or gold["doc"],
        title=fields.get("title", ""),
        lead=fields.get("lead"),
        body=fields["body"].split("\n") if fields.get("body") else [],
        captions=captions,
        published=gold.get("published"),
        published_precision=precision_of(gold.get("published")),
    )


def score(gold: dict, crf: bool = True) -> dict:
    analysis = analyze(gold_article(gold), crf=crf)
    wanted = Counter((e["field"], e["text"], e["type"]) for e in gold["entities"])
    got = Counter((e.field, e.text, e.type) for e in analysis.entities)
    by_span = {(e["field"], e["start"], e["end"], e["type"]): e["canonical"] for e in gold["entities"]}
    spans = [((e.field, e.start, e.end, e.type), e.canonical) for e in analysis.entities]
    aligned = [(by_span[key], canonical) for key, canonical in spans if key in by_span]
    return {
        "doc": gold["doc"],
        "tp": sum((wanted & got).values()),
        "gold": sum(wanted.values()),
        "pred": sum(got.values()),
        "aligned": len(aligned),
        "canonical_ok": sum(g == p for g, p in aligned),
        "missed": sorted((wanted - got).elements()),
        "spurious": sorted((got - wanted).elements()),
        "wrong_canonical": [(g, p) for g, p in aligned if g != p],
    }


def f1(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "tests" / "gold" / "annotated"])
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("VNNEWS_DATA", ROOT.parent / "shared" / "data")),
        help="shared data folder holding vietnews/ (default ../shared/data or $VNNEWS_DATA)",
    )
    parser.add_argument("--rules-only", action="store_true", help="leave the CRF out")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed, spurious and wrong mentions")
    args = parser.parse_args()
    golds = [json.loads(p.read_text(encoding="utf-8")) for d in args.dirs for p in sorted(d.glob("*.json"))]
    texts = vietnews_fields(args.data, {g["vietnews_id"] for g in golds if "fields" not in g and "vietnews_id" in g})
    totals = Counter()
    for gold in golds:
        if "fields" not in gold:
            gold["fields"] = texts.get(gold.get("vietnews_id", ""))
            sha = gold.get("title_sha1")
            if gold["fields"] is None or sha and hashlib.sha1(gold["fields"]["title"].encode()).hexdigest() != sha:
                print(f"{gold['doc']:40} skipped: its text is not in {args.data}")
                continue
        result = score(gold, crf=not args.rules_only)
        for key in ("tp", "gold", "pred", "aligned", "canonical_ok"):
            totals[key] += result[key]
        p, r, f = f1(result["tp"], result["gold"], result["pred"])
        accuracy = result["canonical_ok"] / result["aligned"] if result["aligned"] else 0.0
        print(f"{result['doc']:40} P {p:.3f} R {r:.3f} F1 {f:.3f}  canonical {accuracy:.3f} ({result['aligned']})")
        if args.verbose:
            for label in ("missed", "spurious", "wrong_canonical"):
                if result[label]:
                    print(f"    {label}: {result[label]}")
    p, r, f = f1(totals["tp"], totals["gold"], totals["pred"])
    accuracy = totals["canonical_ok"] / totals["aligned"] if totals["aligned"] else 0.0
    print(f"{'overall':40} P {p:.3f} R {r:.3f} F1 {f:.3f}  canonical {accuracy:.3f} ({totals['aligned']})")


if __name__ == "__main__":
    main()

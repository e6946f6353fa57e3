"""Rebuild data/ner.crfsuite: a CRF trained on the rule tagger's labels over the shared VietNews corpus.

    .venv/bin/python -m vnnews.language.train_crf [--data ../shared/data] [--articles 4000]

Silver labels: every paragraph of the first N VietNews articles (the hand-annotated ones left out) is tagged by
the rules (gazetteer, cues, capitalisation); their spans become BIO labels. The corpus is read by path, never
copied; the model keeps features seen at least twice, so it stays small.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pycrfsuite

from vnnews.language import analyze, article_fields
from vnnews.language.crf import MODEL, features
from vnnews.language.gazetteer import TOKEN
from vnnews.model import Article

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "annotated"


def sequences(article: Article) -> Iterator[tuple[list[str], list[str]]]:
    """Tokens of each paragraph of an article and the BIO labels of the entities analyze finds there."""
    entities = analyze(article, crf=False).entities
    for field, text in article_fields(article):
        offset = 0
        for line in text.split("\n"):
            spans = [(m.start() + offset, m.end() + offset) for m in TOKEN.finditer(line)]
            labels = ["O"] * len(spans)
            for entity in entities:
                if entity.field != field:
                    continue
                inside = [i for i, (s, e) in enumerate(spans) if s >= entity.start and e <= entity.end]
                for n, i in enumerate(inside):
                    labels[i] = ("B-" if n == 0 else "I-") + entity.type
            offset += len(line) + 1
            if spans:
                yield [text[s:e] for s, e in spans], labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("VNNEWS_DATA", ROOT.parent / "shared" / "data"))
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--articles", type=int, default=4000)
    args = parser.parse_args()
    held_out = {json.loads(p.read_text(encoding="utf-8")).get("vietnews_id") for p in GOLD.glob("*.json")}
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 80, "feature.minfreq": 2})
    paragraphs = 0
    with gzip.open(args.data / "vietnews" / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in islice(lines, args.articles):
            row = json.loads(line)
            if row["id"] in held_out:
                continue
            article = Article(source=row["id"], title=row["title"], lead=row.get("lead"), body=row.get("body") or [])
            for tokens, labels in sequences(article):
                trainer.append(features(tokens), labels)
                paragraphs += 1
    trainer.train(str(MODEL))
    print(f"{paragraphs} paragraphs -> {MODEL} ({MODEL.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

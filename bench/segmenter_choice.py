"""Word segmenters compared on the BKEE corpus's hand-segmented sentences: boundary F1 and speed.

The BKEE brat files (../shared/data/bkee/{dev,train}/*.txt) write each sentence with its words joined by "_".
Each candidate segments the same sentence with the underscores removed; a word counts as right when its
character span (spaces ignored) equals a gold word's. Speed is sentences per second over the same sentences.
underthesea (GPL-3.0) is measured here only; vnnews does not import it.

    .venv/bin/python bench/segmenter_choice.py [--data DIR] [--split dev] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _spans(words: list[str]) -> set[tuple[int, int]]:
    """Character spans of words in the sentence with all spaces removed."""
    spans, position = set(), 0
    for word in words:
        length = len("".join(word.split()))
        if length:
            spans.add((position, position + length))
            position += length
    return spans


def gold_sentences(bkee: Path, split: str, limit: int) -> list[list[str]]:
    sentences = []
    for path in sorted((bkee / split).glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            tokens = [t.replace("_", " ") for t in line.split()]
            if tokens:
                sentences.append(tokens)
        if len(sentences) >= limit:
            break
    return sentences[:limit]


def _pyvi() -> Callable[[str], list[str]]:
    from pyvi import ViTokenizer

    return lambda text: [t.replace("_", " ") for t in ViTokenizer.tokenize(text).split()]


def _underthesea() -> Callable[[str], list[str]]:
    from underthesea import word_tokenize

    return word_tokenize


def measure(name: str, segment: Callable[[str], list[str]], gold: list[list[str]]) -> None:
    texts = [" ".join(words) for words in gold]
    segment(texts[0])  # load the model outside the timing
    started = time.perf_counter()
    predicted = [segment(text) for text in texts]
    seconds = time.perf_counter() - started
    right = found = expected = 0
    for words, guess in zip(gold, predicted, strict=True):
        gold_spans, guess_spans = _spans(words), _spans(guess)
        right += len(gold_spans & guess_spans)
        found += len(guess_spans)
        expected += len(gold_spans)
    precision, recall = right / max(found, 1), right / max(expected, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    syllables = sum(len(text.split()) for text in texts)
    print(
        f"{name:12s} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
        f"{len(texts) / seconds:8.0f} sentences/s  {syllables / seconds:9.0f} syllables/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("VNNEWS_DATA", str(REPO.parent / "shared" / "data")))
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=3000, help="sentences at most")
    args = parser.parse_args()
    gold = gold_sentences(Path(args.data) / "bkee", args.split, args.limit)
    words = sum(len(s) for s in gold)
    print(f"BKEE {args.split}: {len(gold)} sentences, {words} gold words")
    for name, factory in [("pyvi", _pyvi), ("underthesea", _underthesea)]:
        measure(name, factory(), gold)


if __name__ == "__main__":
    main()

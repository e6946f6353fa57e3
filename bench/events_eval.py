"""Event and quote scores: hand-annotated articles (tests/gold/annotated) and BKEE dev triggers, plus speed.

Gold articles: event F1 on (actor1, CAMEO root, actor2) of asserted events, matched as multisets per article;
quote F1 where the speaker is equal and the texts overlap by at least half of the shorter one. Entities come from
vnnews.language.analyze (``--entities analyze``, the default) or from the gold annotation (``gold``, isolating
this stage). BKEE documents always use their own brat entity spans.
BKEE (brat, word-segmented with "_"): ACE event types that have a CAMEO root are scored on trigger spans and root.

    .venv/bin/python bench/events_eval.py [--data ../shared/data] [--entities analyze|gold] [--errors]

``--errors`` prints, per article, the gold events and quotes missed (FN) and those found but not in the gold (FP),
with the words around each, to find the error classes worth a rule.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from vnnews.events import extract
from vnnews.language import analyze
from vnnews.model import Article, DateMention, Entity

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "annotated"
# ACE 2005 event subtypes whose meaning is one CAMEO root (CAMEO codebook, chapter 2).
ACE_TO_CAMEO = {"Meet": "04", "Attack": "19", "Arrest-jail": "17", "Demonstrate": "14", "Release-parole": "08"}


@dataclass
class Annotated:
    entities: list[Entity]
    dates: list[DateMention] = field(default_factory=list)


def _vietnews_fields(data: Path, line: int) -> dict[str, str]:
    with gzip.open(data / "vietnews" / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if number == line:
                record = json.loads(raw)
                return {
                    "title": unicodedata.normalize("NFC", record["title"]),
                    "lead": unicodedata.normalize("NFC", record["lead"] or ""),
                    "body": unicodedata.normalize("NFC", "\n".join(record["body"])),
                }
    raise ValueError(f"line {line} missing")


def gold_documents(data: Path) -> list[tuple[dict, Article]]:
    """Every annotated article that can be rebuilt (VietNews ones need the dataset)."""
    documents = []
    for path in sorted(GOLD.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        fields = doc.get("fields")
        if fields is None:
            try:
                fields = _vietnews_fields(data, int(doc["source"].split(":")[1]))
            except (OSError, ValueError):
                continue
        body = fields["body"].split("\n") if fields["body"] else []
        article = Article(source=doc["source"], title=fields["title"], lead=fields["lead"] or None, body=body)
        article.published = doc.get("published")
        documents.append((doc, article))
    return documents


def gold_analysis(doc: dict) -> Annotated:
    entities = [
        Entity(e["text"], e["type"], e["canonical"], e["canonical"], e["field"], e["start"], e["end"])
        for e in doc["entities"]
    ]
    dates = [
        DateMention(d["text"], d.get("value"), d.get("precision"), d["field"], d["start"], d["end"])
        for d in doc["dates"]
    ]
    return Annotated(entities, dates)


def _f1(tp: int, predicted: int, gold: int) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "tp": tp,
        "pred": predicted,
        "gold": gold,
    }


def _overlap(a: str, b: str) -> float:
    words_a, words_b = Counter(a.split()), Counter(b.split())
    shorter = min(sum(words_a.values()), sum(words_b.values())) or 1
    return sum((words_a & words_b).values()) / shorter


def score_gold(documents: list[tuple[dict, Article]], mode: str) -> dict:
    event_tp = event_pred = event_gold = quote_tp = quote_pred = quote_gold = 0
    hypothetical_as_asserted = 0
    for doc, article in documents:
        analysis = gold_analysis(doc) if mode == "gold" else analyze(article)
        events, quotes = extract(article, analysis)
        predicted = Counter((e.actor1, e.root, e.actor2) for e in events if e.factuality == "asserted")
        gold = Counter((e["actor1"], e["root"], e["actor2"]) for e in doc["events"] if e["factuality"] == "asserted")
        not_done = {(e["actor1"], e["root"], e["actor2"]) for e in doc["events"] if e["factuality"] == "hypothetical"}
        hypothetical_as_asserted += sum(n for key, n in predicted.items() if key in not_done and key not in gold)
        event_tp += sum((predicted & gold).values())
        event_pred += sum(predicted.values())
        event_gold += sum(gold.values())
        unmatched = list(doc["quotes"])
        for quote in quotes:
            hit = next(
                (g for g in unmatched if g["speaker"] == quote.speaker and _overlap(g["text"], quote.text) >= 0.5), None
            )
            if hit is not None:
                unmatched.remove(hit)
                quote_tp += 1
        quote_pred += len(quotes)
        quote_gold += len(doc["quotes"])
    return {
        "articles": len(documents),
        "events_asserted": _f1(event_tp, event_pred, event_gold),
        "quotes": _f1(quote_tp, quote_pred, quote_gold),
        "hypothetical_reported_as_asserted": hypothetical_as_asserted,
    }


def _snippet(text: str, start: int, end: int) -> str:
    return f"{text[max(0, start - 80) : start]} [[{text[start:end][:90]}]]".replace("\n", " / ")


def print_errors(documents: list[tuple[dict, Article]], mode: str) -> None:
    """Missed and spurious asserted events and quotes, article by article."""
    for doc, article in documents:
        analysis = gold_analysis(doc) if mode == "gold" else analyze(article)
        events, quotes = extract(article, analysis)
        texts = {"title": article.title, "lead": article.lead or "", "body": "\n".join(article.body)}
        print(f"== {doc['doc']}")
        predicted = Counter((e.actor1, e.root, e.actor2) for e in events if e.factuality == "asserted")
        gold = Counter((e["actor1"], e["root"], e["actor2"]) for e in doc["events"] if e["factuality"] == "asserted")
        for event in doc["events"]:
            key = (event["actor1"], event["root"], event["actor2"])
            if event["factuality"] == "asserted" and not predicted[key]:
                start = event["trigger_start"]
                print("  FN event", key, _snippet(texts[event["field"]], start, start + len(event["trigger"])))
            predicted[key] -= 1
        for event in events:
            key = (event.actor1, event.root, event.actor2)
            if event.factuality == "asserted" and not gold[key]:
                print("  FP event", key, _snippet(texts[event.field], event.trigger_start, event.trigger_end))
            gold[key] -= 1
        unmatched = list(doc["quotes"])
        for quote in quotes:
            hit = next(
                (g for g in unmatched if g["speaker"] == quote.speaker and _overlap(g["text"], quote.text) >= 0.5), None
            )
            if hit is None:
                print("  FP quote", quote.speaker, _snippet(texts[quote.field], quote.start, quote.end))
            else:
                unmatched.remove(hit)
        for quote in unmatched:
            print("  FN quote", quote["speaker"], _snippet(texts[quote["field"]], quote["start"], quote["end"]))


def _brat(path: Path) -> tuple[list[Entity], list[tuple[int, int, str]]]:
    entities, triggers = [], []
    types = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].startswith("T") or ";" in parts[1]:
            continue
        kind, start, end = parts[1].split()
        spans[parts[0]] = (kind, int(start), int(end), parts[2].replace("_", " "))
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("E"):
            kind, tid = line.split("\t")[1].split()[0].split(":")
            if kind in ACE_TO_CAMEO and tid in spans:
                triggers.append((spans[tid][1], spans[tid][2], ACE_TO_CAMEO[kind]))
    for kind, start, end, text in spans.values():
        if kind in types:
            entities.append(Entity(text, types[kind], text, text, "body", start, end))
    return entities, triggers


def score_bkee(data: Path) -> dict:
    folder = data / "bkee" / "dev"
    tp = predicted = gold = 0
    roots = set(ACE_TO_CAMEO.values())
    texts = sorted(folder.glob("*.txt"))
    started = time.perf_counter()
    for text_path in texts:
        text = text_path.read_text(encoding="utf-8").replace("_", " ")
        entities, triggers = _brat(text_path.with_suffix(".ann"))
        article = Article(source=text_path.name, title="", body=text.split("\n"))
        events, _ = extract(article, Annotated(entities))
        found = {(e.trigger_start, e.trigger_end, e.root) for e in events if e.root in roots}
        predicted += len(found)
        gold += len(triggers)
        tp += sum(1 for s, e, r in found if any(r == gr and s < ge and gs < e for gs, ge, gr in triggers))
    elapsed = time.perf_counter() - started
    return {
        "documents": len(texts),
        "triggers": _f1(tp, predicted, gold),
        "articles_per_second": round(len(texts) / elapsed, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("VNNEWS_DATA", ROOT.parent / "shared" / "data"))
    )
    parser.add_argument("--entities", choices=["gold", "analyze"], default="analyze")
    parser.add_argument("--errors", action="store_true", help="print missed and spurious events and quotes")
    args = parser.parse_args()
    documents = gold_documents(args.data)
    if args.errors:
        print_errors(documents, args.entities)
        return
    seeds = [d for d in documents if d[0]["source"].startswith("samples/")]
    report = {
        "entities": args.entities,
        "seeds": score_gold(seeds, args.entities),
        "all": score_gold(documents, args.entities),
    }
    if (args.data / "bkee" / "dev").is_dir():
        report["bkee_dev"] = score_bkee(args.data)
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

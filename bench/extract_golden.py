"""Record, or check against a record, every output of text-page extraction on a large page set.

A change meant only to make extraction faster must leave each page's Article and each line's role and reason as
they were. This dumps them for the five seeds, N VietNews pages rendered by bench/pages.py and the English
benchmark pages rendered one block per line, then compares byte for byte.

    python bench/extract_golden.py --write /tmp/golden.jsonl   # before the change
    python bench/extract_golden.py --check /tmp/golden.jsonl   # after it: exit 1 and the first page that differs
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_eval import SAMPLES, aeb_pages, data_dir  # noqa: E402
from pages import dev_pages  # noqa: E402

from vnnews.extract import explain, page  # noqa: E402
from vnnews.model import InputError, RawPage  # noqa: E402


def records(data: Path, n: int, seed: int) -> list[str]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [(name, text) for name, text, _ in dev_pages(data, n, seed)]
    texts += [(name, text) for name, text, _ in aeb_pages(data)]
    lines = []
    for name, text in texts:
        raw = RawPage(source=name, text=text)
        try:
            article = page(raw).to_dict()
            roles = [(r.line_no, r.role, r.reason) for r in explain(raw)]
        except InputError as exc:
            article, roles = {"error": str(exc)}, []
        lines.append(json.dumps([name, article, roles], ensure_ascii=False))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="record the outputs to this file")
    action.add_argument("--check", type=Path, help="compare the outputs with this record")
    parser.add_argument("--n", type=int, default=3000, help="rendered VietNews pages")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--data", help="data directory (default $VNNEWS_DATA or ../shared/data)")
    args = parser.parse_args(argv)
    now = records(data_dir(args.data), args.n, args.seed)
    if args.write:
        args.write.write_text("\n".join(now) + "\n", encoding="utf-8")
        print(f"{len(now)} pages recorded in {args.write}")
        return 0
    before = args.check.read_text(encoding="utf-8").splitlines()
    for old, new in zip(before, now, strict=False):
        if old != new:
            print(f"differs: {json.loads(old)[0]}")
            return 1
    if len(before) != len(now):
        print(f"page count differs: {len(before)} recorded, {len(now)} now")
        return 1
    print(f"{len(now)} pages identical")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

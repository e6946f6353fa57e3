"""Sources: every way a page arrives, decoded to NFC text, with what its crawler knew about it.

`read(inputs, meta)` is the door: file paths, directories (recursive), globs, ``-`` for stdin, and JSONL
collections of pages. A problem with one input is a Failure for that input; only an unusable manifest, which
would silently mislabel every page, stops the run (InputError).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from vnnews.model import Failure, PageMeta, RawPage
from vnnews.sources.files import (
    expand,
    is_jsonl,
    is_manifest,
    page_from_bytes,
    read_jsonl,
    read_page_file,
    read_rows,
)
from vnnews.sources.manifest import Manifest

__all__ = ["DEFAULT_MAX_BYTES", "read"]

DEFAULT_MAX_BYTES = 20_000_000
STDIN = "-"


def read(
    inputs: Iterable[str], meta: str | Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawPage | Failure]:
    """Each page the inputs hold, in input order, or a Failure naming the input and the reason.

    ``meta`` is a JSONL manifest of {file, url?, site?, section?, published?, fetched_at?}; a missing or malformed
    manifest raises InputError before any page is read.
    """
    manifest = Manifest.load(meta) if meta is not None else None
    skip = manifest.path.resolve() if manifest else None
    for given in inputs:
        if given == STDIN:
            yield from _read_stdin(max_bytes)
            continue
        for found in expand(given):
            if isinstance(found, Failure):
                yield found
            elif skip is not None and Path(found).resolve() == skip:
                continue
            elif is_jsonl(found):
                if not is_manifest(found):
                    yield from read_jsonl(found, max_bytes)
            else:
                yield read_page_file(found, manifest.lookup(found) if manifest else None, max_bytes)


def _read_stdin(max_bytes: int) -> Iterator[RawPage | Failure]:
    """Standard input: JSONL pages when it starts with "{", otherwise one page."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Failure(STDIN, f"input too large: more than the {max_bytes / 1e6:g} MB limit")
        return
    if data.lstrip().startswith(b"{"):
        yield from read_rows(STDIN, data.splitlines(), max_bytes)
    else:
        yield page_from_bytes(STDIN, data, PageMeta())

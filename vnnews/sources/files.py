"""Where pages come from: paths, directories, globs, stdin, and JSONL collections of pages.

Every problem with one input becomes a Failure for that input, so a batch never stops on one bad file.
"""

from __future__ import annotations

import glob
import gzip
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from vnnews.model import Failure, PageMeta, RawPage
from vnnews.sources.decode import NotText, clean, decode
from vnnews.sources.manifest import page_meta

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def expand(given: str) -> Iterator[str | Failure]:
    """The files an input names, in a stable order: itself, a directory's files (recursively), or a glob's matches."""
    path = Path(given)
    if path.is_dir():
        yield from _directory_files(path)
    elif path.exists():
        yield given
    elif glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield Failure(given, "no files match this pattern")
        for match in matches:
            yield from _directory_files(Path(match)) if Path(match).is_dir() else [match]
    else:
        yield Failure(given, "no such file or directory")


def _directory_files(root: Path) -> Iterator[str]:
    """Every file under a directory except hidden ones (.git, .DS_Store ...), sorted by path."""
    found = (p for p in root.rglob("*") if not any(part.startswith(".") for part in p.relative_to(root).parts))
    yield from (str(p) for p in sorted(found) if p.is_file())


def size_refusal(size: int, max_bytes: int) -> str:
    """"file too large: 52.4 MB > 20 MB limit"; small limits (tests, tight configs) are shown in bytes."""
    if max_bytes < 100_000:
        return f"file too large: {size} bytes > {max_bytes} bytes limit"
    return f"file too large: {size / 1e6:.1f} MB > {max_bytes / 1e6:g} MB limit"


def is_jsonl(source: str) -> bool:
    return source.lower().endswith(JSONL_SUFFIXES)


def is_manifest(source: str) -> bool:
    """A JSONL file whose first row names a file and carries no page is a manifest, not a collection of pages."""
    try:
        with _open_lines(source) as lines:
            first = next((line for line in lines if line.strip()), b"")
        row = json.loads(first)
    except (OSError, EOFError, ValueError):
        return False
    return isinstance(row, dict) and "file" in row and "text" not in row and "html" not in row


def read_page_file(source: str, meta: PageMeta | None, max_bytes: int) -> RawPage | Failure:
    """One file holding one page: HTML by its suffix or its first tag, anything else a text page."""
    try:
        size = Path(source).stat().st_size
        if size > max_bytes:
            return Failure(source, size_refusal(size, max_bytes))
        data = Path(source).read_bytes()
    except OSError as exc:
        return Failure(source, f"cannot read file: {exc.strerror or exc}")
    return page_from_bytes(source, data, meta or PageMeta(), html=source.lower().endswith(HTML_SUFFIXES))


def page_from_bytes(source: str, data: bytes, meta: PageMeta, html: bool = False) -> RawPage | Failure:
    try:
        text = _decode_html(data) if html else decode(data)
    except NotText as exc:
        return Failure(source, str(exc))
    return page_from_text(source, text, meta, html=html)


def page_from_text(source: str, text: str, meta: PageMeta, html: bool = False) -> RawPage | Failure:
    if not text.strip():
        return Failure(source, "no text in the page")
    if html or _HTML_START.match(text[:4096]):
        return RawPage(source=source, html=text, meta=meta)
    return RawPage(source=source, text=text, meta=meta)


def _decode_html(data: bytes) -> str:
    """HTML that is not UTF-8 usually says what it is in a meta tag; believe it before guessing."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        charset = declared.group(1).decode("ascii").lower()
        if charset not in ("utf-8", "utf8"):
            try:
                return decode(data.decode(charset).encode("utf-8"))
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data)


def read_jsonl(source: str, max_bytes: int) -> Iterator[RawPage | Failure]:
    """One page per JSONL row ({url?, html? | text? | title + lead? + body, site?, section?, published?,
    fetched_at?}), named FILE:LINE."""
    try:
        with _open_lines(source) as lines:
            yield from read_rows(source, lines, max_bytes)
    except (OSError, EOFError) as exc:
        yield Failure(source, f"cannot read file: {exc}")


def read_rows(source: str, lines: Iterable[bytes], max_bytes: int) -> Iterator[RawPage | Failure]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        name = f"{source}:{number}"
        if len(line) > max_bytes:
            yield Failure(name, size_refusal(len(line), max_bytes))
            continue
        yield _row_page(name, line)


def _row_page(name: str, line: bytes) -> RawPage | Failure:
    try:
        row = json.loads(line)
    except ValueError as exc:
        return Failure(name, f"invalid JSON: {exc}")
    if not isinstance(row, dict):
        return Failure(name, "a JSONL row must be a JSON object")
    field = "html" if row.get("html") else "text"
    body = row.get(field)
    if body is None and "title" in row and "body" in row:
        body = _article_page(row)
        if body is None:
            return Failure(name, '"title" and "lead" must be strings, "body" a string or a list of strings')
    if body is None:
        return Failure(name, 'no "text" or "html" field, nor "title" and "body"')
    if not isinstance(body, str):
        return Failure(name, f'"{field}" is not a string')
    try:
        text = clean(body)
    except NotText as exc:
        return Failure(name, str(exc))
    return page_from_text(name, text, page_meta(row), html=field == "html")


def _article_page(row: dict) -> str | None:
    """An article corpus row ({title, lead?, body: str | [paragraph, ...]}, as VietNews stores them) as the clean text
    page it stands for: the title, then one paragraph per block. None when a field has the wrong type."""
    title, lead, body = row["title"], row.get("lead") or "", row["body"]
    paragraphs = [body] if isinstance(body, str) else body
    if not (isinstance(title, str) and isinstance(lead, str) and isinstance(paragraphs, list)):
        return None
    if not all(isinstance(p, str) for p in paragraphs):
        return None
    return "\n\n".join(block for block in [title, lead, *paragraphs] if block.strip())


def _open_lines(source: str):  # noqa: ANN202 - a binary file object, plain or gzip
    return gzip.open(source, "rb") if source.lower().endswith(".gz") else open(source, "rb")  # noqa: SIM115

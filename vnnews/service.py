"""The one layer the surfaces use: ingest, extract, search, show, stats.

The CLI, the REST API and the web pages all call a Service, so they agree on what a search means, where the
database lives and how a bad page is reported; none of them touches SQL or the extraction stages directly.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from vnnews import extract as extraction
from vnnews import sources, store
from vnnews.extract import LineRole
from vnnews.model import Article, Failure, InputError, RawPage
from vnnews.store import GUILLEMETS, FailureRecord, Marks, SearchHit, SearchPage

__all__ = [
    "GUILLEMETS",
    "Explained",
    "IngestSummary",
    "Marks",
    "SearchHit",
    "SearchPage",
    "Service",
    "default_db_path",
]

Progress = Callable[[str, str], None]
"""Called once per page with its source and what became of it: "ingested", "unchanged" or "failed"."""


@dataclass
class IngestSummary:
    ingested: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"ingested": self.ingested, "unchanged": self.unchanged, "failed": [f.to_dict() for f in self.failed]}


@dataclass
class Explained:
    """Every line of one page with the role extraction gave it and why."""

    source: str
    lines: list[LineRole]


def default_db_path() -> Path:
    """$VNNEWS_DB when set, else news.db in the user's data directory."""
    configured = os.environ.get("VNNEWS_DB")
    return Path(configured) if configured else platformdirs.user_data_path("vnnews") / "news.db"


def content_sha(raw: RawPage) -> str:
    """What identifies a page's content: its text or HTML and what the crawler said about it."""
    digest = hashlib.sha256((raw.html if raw.html is not None else raw.text or "").encode("utf-8", "surrogatepass"))
    digest.update(json.dumps(asdict(raw.meta), sort_keys=True).encode())
    return digest.hexdigest()


def _extract_one(raw: RawPage) -> Article | Failure:
    """The page's article, or a Failure; an unexpected error in one page must not stop a batch."""
    try:
        return extraction.page(raw)
    except InputError as exc:
        return Failure(raw.source, str(exc) or "no article found")
    except Exception as exc:  # any bug on one page becomes that page's failure
        return Failure(raw.source, f"unexpected error: {type(exc).__name__}: {exc}")


class Service:
    """vnnews for a surface; the database is opened on first use so extract-only callers never create one."""

    def __init__(self, db_path: str | Path | None = None) -> None:
        self.db_path = Path(db_path) if db_path is not None else default_db_path()
        self._store: store.Store | None = None

    @property
    def store(self) -> store.Store:
        if self._store is None:
            self._store = store.open(self.db_path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- without a database ---------------------------------------------------------------------------------------

    def extract(self, inputs: Iterable[str], meta: str | Path | None = None) -> Iterator[Article | Failure]:
        """Each input page's article or failure, in input order; raises InputError for a bad manifest."""
        for item in sources.read(inputs, meta):
            yield item if isinstance(item, Failure) else _extract_one(item)

    def explain(self, inputs: Iterable[str], meta: str | Path | None = None) -> Iterator[Explained | Failure]:
        """Each input page's lines with their roles and reasons, or its failure."""
        for item in sources.read(inputs, meta):
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield Explained(item.source, extraction.explain(item))
            except InputError as exc:
                yield Failure(item.source, str(exc) or "no article found")
            except Exception as exc:  # one page's bug is that page's failure
                yield Failure(item.source, f"unexpected error: {type(exc).__name__}: {exc}")

    # -- with the database ----------------------------------------------------------------------------------------

    def ingest(
        self, inputs: Iterable[str], meta: str | Path | None = None, progress: Progress | None = None
    ) -> IngestSummary:
        """Extract and store every page, each in its own commit; a page already stored as is counts as unchanged."""
        summary = IngestSummary()
        db = self.store
        for item in sources.read(inputs, meta):
            if isinstance(item, Failure):
                outcome = self._failed(summary, item)
            else:
                sha = content_sha(item)
                if db.is_unchanged(item.source, sha):
                    outcome = "unchanged"
                else:
                    result = _extract_one(item)
                    if isinstance(result, Failure):
                        outcome = self._failed(summary, result)
                    else:
                        outcome = "ingested" if db.put(result, item.source, sha) else "unchanged"
                if outcome == "ingested":
                    summary.ingested += 1
                elif outcome == "unchanged":
                    summary.unchanged += 1
            if progress is not None:
                progress(item.source, outcome)
        return summary

    def _failed(self, summary: IngestSummary, failure: Failure) -> str:
        self.store.put_failure(failure.source, failure.reason)
        summary.failed.append(failure)
        return "failed"

    def search(
        self,
        query: str,
        limit: int = 20,
        offset: int = 0,
        site: str | None = None,
        since: str | None = None,
        until: str | None = None,
        marks: Marks = GUILLEMETS,
    ) -> SearchPage:
        """Articles matching ``query`` typed with or without accents; since/until take YYYY, YYYY-MM or YYYY-MM-DD
        and keep an article whose (possibly partial) publication date overlaps the range."""
        if limit < 0 or offset < 0:
            raise InputError("limit and offset must not be negative")
        return self.store.search(
            query,
            limit=limit,
            offset=offset,
            site=site,
            since=store.bound(since, "since"),
            until=store.bound(until, "until"),
            marks=marks,
        )

    def article(self, id_or_prefix: str) -> Article | None:
        """The stored article with this id or unique id prefix."""
        return self.store.article(id_or_prefix)

    def stats(self) -> dict[str, Any]:
        """Counts for a dashboard: articles, articles per site, the publication span, failures, schema version."""
        return self.store.stats()

    def failures(self, limit: int = 50) -> list[FailureRecord]:
        """The most recent failures, one per source that still fails."""
        return self.store.failures(limit)

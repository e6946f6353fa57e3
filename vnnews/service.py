"""The one layer the surfaces use: ingest, extract, analyse, search, show, stats, and the analysis read back.

The CLI, the REST API and the web pages all call a Service, so they agree on what a search means, where the
database lives and how a bad page is reported; none of them touches SQL or the analysis stages directly.
Wherever an actor is asked for, any of its names will do: an id, the canonical name or an alias, in any case and
with or without accents ("LOC:RU", "Russia", "Nga", "nga").
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from vnnews import events as eventing
from vnnews import extract as extraction
from vnnews import language, sources, store
from vnnews.events import Event, Quote
from vnnews.extract import LineRole
from vnnews.model import Article, DateMention, Entity, Failure, InputError, RawPage
from vnnews.store import (
    GUILLEMETS,
    ActorDetail,
    ArticleAnalysis,
    FailureRecord,
    Findings,
    Marks,
    Network,
    Page,
    SearchHit,
    SearchPage,
    TimelineRow,
    VolumePoint,
    period,
)

__all__ = [
    "GUILLEMETS",
    "Analysed",
    "Explained",
    "IngestSummary",
    "Marks",
    "SearchHit",
    "SearchPage",
    "Service",
    "TimelineRow",
    "default_db_path",
    "period",
]

Progress = Callable[[str, str], None]
"""Called once per page with its source and what became of it: "ingested", "unchanged", "analysed" or "failed"."""

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


@dataclass
class Analysed:
    """One page's article with what the language and events stages found in it (nothing stored)."""

    article: Article
    entities: list[Entity]
    role_mentions: list[Entity]
    dates: list[DateMention]
    events: list[Event]
    quotes: list[Quote]

    def to_dict(self) -> dict[str, Any]:
        """The `vnnews analyze` record: the article's fields, then entities, dates, events and quotes."""
        return {
            **self.article.to_dict(),
            "entities": [_entity_dict(e) for e in self.entities],
            "role_mentions": [_entity_dict(e) for e in self.role_mentions],
            "dates": [d.to_dict() for d in self.dates],
            "events": [{k: e.to_dict()[k] for k in _EVENT_KEYS} for e in self.events],
            "quotes": [{k: q.to_dict()[k] for k in _QUOTE_KEYS} for q in self.quotes],
        }


_EVENT_KEYS = (
    "actor1 actor1_id root code label goldstein actor2 actor2_id location date date_precision factuality trigger "
    "sentence confidence"
).split()
_QUOTE_KEYS = "speaker speaker_id text direct via channel date".split()


def _entity_dict(entity: Entity) -> dict[str, Any]:
    """An entity as `vnnews analyze` prints it: the actor id under ``id``."""
    data = entity.to_dict()
    return {"id": data.pop("actor_id"), **data}


@dataclass
class ReanalyzeSummary:
    analysed: int = 0
    failed: list[Failure] = field(default_factory=list)


# Characters of body text the analysis reads: news articles are far shorter; a page of megabytes is analysed by
# its beginning, so one giant page cannot stall an ingest. Offsets stay valid: the analysed body is a prefix.
ANALYSIS_MAX_BODY = 100_000


def _bounded(article: Article) -> Article:
    body, used = [], 0
    for paragraph in article.body:
        if used + len(paragraph) > ANALYSIS_MAX_BODY:
            body.append(paragraph[: max(0, ANALYSIS_MAX_BODY - used)])
            return replace(article, body=body)
        body.append(paragraph)
        used += len(paragraph) + 1
    return article


def _run_stages(article: Article) -> tuple[language.Analysis, list[Event], list[Quote]]:
    """The language and events stages over one article (its first ANALYSIS_MAX_BODY characters of body)."""
    article = _bounded(article)
    found = language.analyze(article)
    return found, *eventing.extract(article, found)


def _analysed(article: Article) -> Analysed:
    found, events, quotes = _run_stages(article)
    return Analysed(article, found.entities, found.role_mentions, found.dates, events, quotes)


def _analysis_failure(source: str, exc: Exception) -> Failure:
    return Failure(source, f"analysis failed: {type(exc).__name__}: {exc}")


def _analyse_one(article: Article) -> Findings | Failure:
    """The article's findings, or a Failure naming the error: one article's analysis bug fails only that page."""
    try:
        return store.findings(*_run_stages(article), article.published, language.PIPELINE_VERSION)
    except Exception as exc:  # any bug on one page becomes that page's failure
        return _analysis_failure(article.source, exc)


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

    def analyze(self, inputs: Iterable[str], meta: str | Path | None = None) -> Iterator[Analysed | Failure]:
        """Each input page's article with its entities, dates, events and quotes, or its failure; nothing stored."""
        for item in self.extract(inputs, meta):
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield _analysed(item)
            except Exception as exc:  # one page's bug is that page's failure
                yield _analysis_failure(item.source, exc)

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
        self,
        inputs: Iterable[str],
        meta: str | Path | None = None,
        progress: Progress | None = None,
        *,
        force: bool = False,
    ) -> IngestSummary:
        """Extract, analyse and store every page, each in its own commit (article and analysis together); a page
        already stored as is counts as unchanged, a page whose extraction or analysis fails is that page's failure.

        ``force`` extracts pages already stored as they are too, so that what the current rules read replaces
        what older rules read; a page that now yields the same article still counts as unchanged."""
        summary = IngestSummary()
        db = self.store
        for item in sources.read(inputs, meta):
            if isinstance(item, Failure):
                outcome = self._failed(summary, item)
            else:
                sha = content_sha(item)
                if not force and db.is_unchanged(item.source, sha):
                    outcome = "unchanged"
                else:
                    result = _extract_one(item)
                    found = result if isinstance(result, Failure) else _analyse_one(result)
                    if isinstance(found, Failure):
                        outcome = self._failed(summary, found)
                    else:
                        outcome = "ingested" if db.put(result, item.source, sha, found) else "unchanged"
                if outcome == "ingested":
                    summary.ingested += 1
                elif outcome == "unchanged":
                    summary.unchanged += 1
            if progress is not None:
                progress(item.source, outcome)
        return summary

    def reanalyze(self, progress: Progress | None = None) -> ReanalyzeSummary:
        """Rebuild actors, mentions, roles, dates, events and quotes of every stored article from its stored text,
        one commit per article; running it twice leaves the same rows."""
        summary = ReanalyzeSummary()
        db = self.store
        for article_id in db.article_ids():
            article = db.article(article_id)
            found = _analyse_one(article)
            if isinstance(found, Failure):
                summary.failed.append(Failure(f"{article_id} ({article.source})", found.reason))
            else:
                db.put_analysis(article_id, found)
                summary.analysed += 1
            if progress is not None:
                progress(article.source, "failed" if isinstance(found, Failure) else "analysed")
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
        actor: str | None = None,
    ) -> SearchPage:
        """Articles matching ``query`` typed with or without accents; since/until take YYYY, YYYY-MM or YYYY-MM-DD
        and keep an article whose (possibly partial) publication date overlaps the range; ``actor`` keeps the
        articles naming that actor (an empty query then lists them all)."""
        _check_page(limit, offset)
        actor_id = None
        if actor:
            actor_id = self.store.resolve_actor(actor)
            if actor_id is None:
                return SearchPage(0, [])
            if not query.strip():
                return self.store.actor_articles(actor_id, limit, offset)
        return self.store.search(
            query,
            limit=limit,
            offset=offset,
            site=site,
            since=store.bound(since, "since"),
            until=store.bound(until, "until"),
            marks=marks,
            actor_id=actor_id,
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

    # -- analysis -------------------------------------------------------------------------------------------------

    def resolve_actor(self, name_or_id: str) -> str | None:
        """The id of the stored actor this id, name or alias stands for."""
        return self.store.resolve_actor(name_or_id)

    def actors(self, limit: int = 20, offset: int = 0, q: str | None = None) -> Page:
        """ActorSummary rows, most mentioned first; ``q`` keeps actors with a name or alias containing it."""
        _check_page(limit, offset)
        return self.store.actors(limit, offset, q)

    def actor(self, id_or_name: str) -> ActorDetail | None:
        """One actor with its aliases and the roles the articles show it in."""
        actor_id = self.store.resolve_actor(id_or_name)
        return self.store.actor(actor_id) if actor_id else None

    def actor_articles(self, actor_id: str, limit: int = 20, offset: int = 0) -> SearchPage:
        """Articles naming the actor, most mentions first."""
        _check_page(limit, offset)
        resolved = self.store.resolve_actor(actor_id)
        return self.store.actor_articles(resolved, limit, offset) if resolved else SearchPage(0, [])

    def timeline(self, actor_id: str, limit: int = 100, offset: int = 0) -> Page:
        """TimelineRow rows in calendar order: the actor's events, those of people acting for it, and its quotes."""
        _check_page(limit, offset)
        resolved = self.store.resolve_actor(actor_id)
        return self.store.timeline(resolved, limit, offset) if resolved else Page(0, [])

    def network(self, actor_id: str, limit: int = 30) -> Network:
        """The actor and who it acts with, weighted by the articles reporting their events."""
        resolved = self.store.resolve_actor(actor_id)
        return self.store.network(resolved, limit) if resolved else Network([], [])

    def events(
        self,
        actor: str | None = None,
        root: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page:
        """EventRow rows in calendar order, by actor (either side, or a person acting for it), CAMEO root
        ("01"–"20") and date range."""
        _check_page(limit, offset)
        if root is not None and not (root.isdigit() and 1 <= int(root) <= 20):
            raise InputError(f"root must be a CAMEO root code 01–20, not {root!r}")
        actor_id = None
        if actor:
            actor_id = self.store.resolve_actor(actor)
            if actor_id is None:
                return Page(0, [])
        return self.store.events(
            actor_id, root, store.bound(since, "since"), store.bound(until, "until"), limit, offset
        )

    def quotes(self, speaker: str | None = None, limit: int = 50, offset: int = 0) -> Page:
        """QuoteRow rows in calendar order, optionally of one speaker (any of its names)."""
        _check_page(limit, offset)
        speaker_id = None
        if speaker:
            speaker_id = self.store.resolve_actor(speaker)
            if speaker_id is None:
                return Page(0, [])
        return self.store.quotes(speaker_id, limit, offset)

    def article_analysis(self, article_id: str) -> ArticleAnalysis | None:
        """The stored entities, dates, events and quotes of one article; None when it was never analysed."""
        article = self.store.article(article_id)
        if article is None or not self.store.is_analysed(article.id):
            return None
        return self.store.article_analysis(article.id)

    def latest(self, limit: int = 10) -> list[SearchHit]:
        """The most recently published articles, for a dashboard."""
        return self.store.latest(limit)

    def related(self, article_id: str, limit: int = 5) -> list[SearchHit]:
        """Other articles sharing this one's title words, best first."""
        return self.store.related(article_id, limit).results

    def volume(self, granularity: str = "month") -> list[VolumePoint]:
        """Articles per publication year, month or day."""
        if granularity not in ("year", "month", "day"):
            raise InputError(f"granularity must be year, month or day, not {granularity!r}")
        return self.store.volume(granularity)

    def analysis_counts(self) -> dict[str, int]:
        """Rows per analysis table."""
        return self.store.analysis_counts()


def _check_page(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise InputError("limit and offset must not be negative")

"""The SQLite store: articles, where each came from, what failed, and an accent-folded full-text index.

Every page is committed on its own, in WAL mode, so a batch killed half way keeps what it committed and a rerun
finishes the rest; article ids are content hashes, so the same article met twice is stored once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vnnews.model import Article, Caption, InputError
from vnnews.store import analysis
from vnnews.store.fold import GUILLEMETS, Marks, fold, fts_query, query_terms, snippet
from vnnews.store.migrations import MIGRATIONS, SCHEMA_VERSION
from vnnews.store.periods import period
from vnnews.store.queries import AnalysisQueries
from vnnews.store.records import Findings

# BM25 column weights for articles_fts (title, lead, body): a word in the title says most.
_BM25 = "bm25(articles_fts, 10.0, 4.0, 1.0)"
PHRASE_RANKING_MAX = 2_000  # matches up to which word pairs take part in the ranking
_ARTICLE_COLUMNS = (
    "id source title lead body author source_agency site section url published published_precision "
    "captions related fetched_at"
).split()


@dataclass
class SearchHit:
    id: str
    title: str
    source: str
    site: str | None
    published: str | None
    score: float
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchPage:
    """One page of results and how many there are in all, so a surface can page through them."""

    total: int
    results: list[SearchHit]


@dataclass
class FailureRecord:
    source: str
    reason: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class SchemaError(Exception):
    """The database was written by a newer vnnews than this one."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store(AnalysisQueries):
    """One SQLite database file; open it with ``vnnews.store.open``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute("PRAGMA busy_timeout = 10000")
        self._migrate()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        if self.schema_version > SCHEMA_VERSION:
            raise SchemaError(
                f"{self.path} has schema version {self.schema_version}; this vnnews knows up to {SCHEMA_VERSION}"
            )
        if self.schema_version == SCHEMA_VERSION:
            return
        for version, migration in enumerate(MIGRATIONS, start=1):
            with self._transaction() as db:  # re-read inside the lock: another process may have migrated meanwhile
                if db.execute("PRAGMA user_version").fetchone()[0] >= version:
                    continue
                for statement in migration.statements:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {version}")

    # -- ingest ---------------------------------------------------------------------------------------------------

    def is_unchanged(self, source: str, sha: str) -> bool:
        """Whether ``source`` was already stored with exactly this content."""
        row = self._db.execute("SELECT sha FROM sources WHERE source = ?", (source,)).fetchone()
        return row is not None and row["sha"] == sha

    def put(self, article: Article, source: str, sha: str, findings: Findings | None = None) -> bool:
        """Store one article read from ``source``, with its analysis, in one transaction; False when that article
        was already stored (its analysis is then written only if it had none).

        A source holds one article: when it now yields another one (the page was edited, or the rules read it
        better), the article it held before goes, unless another source holds it too."""
        data = article.to_dict()
        data["body"] = json.dumps(article.body, ensure_ascii=False)
        data["captions"] = json.dumps([asdict(c) for c in article.captions], ensure_ascii=False)
        data["related"] = json.dumps(article.related, ensure_ascii=False)
        first, last = period(article.published) or (None, None)
        with self._transaction() as db:
            held = db.execute("SELECT article_id FROM sources WHERE source = ?", (source,)).fetchone()
            new = db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone() is None
            if new:
                columns = [*_ARTICLE_COLUMNS, "published_from", "published_to", "ingested_at"]
                values = [data[c] for c in _ARTICLE_COLUMNS] + [first, last, _now()]
                seq = db.execute(
                    f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", values
                ).lastrowid
                db.execute(
                    "INSERT INTO articles_fts (rowid, title, lead, body) VALUES (?, ?, ?, ?)",
                    (seq, fold(article.title), fold(article.lead or ""), fold("\n".join(article.body))),
                )
            if findings is not None and (new or not self.is_analysed(article.id)):
                analysis.write(db, article.id, findings)
            db.execute(
                "INSERT INTO sources (source, article_id, sha, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (source) "
                "DO UPDATE SET article_id = excluded.article_id, sha = excluded.sha, seen_at = excluded.seen_at",
                (source, article.id, sha, _now()),
            )
            db.execute("DELETE FROM failures WHERE source = ?", (source,))
            if held is not None and held[0] != article.id:
                _release(db, held[0], source)
        return new

    def put_analysis(self, article_id: str, findings: Findings) -> None:
        """Replace one stored article's analysis in one transaction."""
        with self._transaction() as db:
            analysis.write(db, article_id, findings)

    def article_ids(self) -> list[str]:
        """Every stored article's id, in the order they were stored."""
        return [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY seq")]

    def resolve_actor(self, name_or_id: str) -> str | None:
        """The actor id an id, name or alias stands for (any case, with or without accents)."""
        return analysis.resolve_actor(self._db, name_or_id)

    def put_failure(self, source: str, reason: str) -> None:
        """Record why ``source`` failed, replacing what an earlier run said about it."""
        with self._transaction() as db:
            db.execute("DELETE FROM failures WHERE source = ?", (source,))
            db.execute("INSERT INTO failures (source, reason, at) VALUES (?, ?, ?)", (source, reason, _now()))

    # -- reading --------------------------------------------------------------------------------------------------

    def article(self, id_or_prefix: str) -> Article | None:
        """The article with this id, or the one whose id starts with it; InputError when several do."""
        prefix = id_or_prefix.strip().lower()
        if not prefix or not prefix.isalnum():
            return None
        rows = self._db.execute(
            f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        exact = [r for r in rows if r["id"] == prefix]
        if len(rows) > 1 and not exact:
            raise InputError(f"id prefix {id_or_prefix!r} matches more than one article; give more characters")
        return _article(exact[0] if exact else rows[0]) if rows else None

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        site: str | None = None,
        since: tuple[str, str] | None = None,
        until: tuple[str, str] | None = None,
        marks: Marks = GUILLEMETS,
        actor_id: str | None = None,
    ) -> SearchPage:
        """Articles matching every word of ``query`` (or, when none does, any word), best BM25 first; with
        ``actor_id`` only those naming that actor."""
        terms = query_terms(query)
        if not terms:
            return SearchPage(0, [])
        filters = (site, since, until, actor_id, None)
        page = self._search(terms, False, limit, offset, filters, marks)
        if page.total == 0 and len(terms) > 1:
            page = self._search(terms, True, limit, offset, filters, marks)
        return page

    def latest(self, limit: int = 10) -> list[SearchHit]:
        """The most recently published articles (undated ones last), each with the start of its lead."""
        rows = self._db.execute(
            "SELECT id, title, source, site, published, lead FROM articles "
            "ORDER BY published_from IS NULL, published_from DESC, published_to DESC, seq DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [
            SearchHit(
                row["id"],
                row["title"],
                row["source"],
                row["site"],
                row["published"],
                0.0,
                snippet(row["lead"] or "", []),
            )
            for row in rows
        ]

    def related(self, article_id: str, limit: int = 5) -> SearchPage:
        """Articles sharing the most telling words of this article's title (BM25 over any of them), itself left out."""
        row = self._db.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
        terms = query_terms(row["title"]) if row else []
        if not terms:
            return SearchPage(0, [])
        filters = (None, None, None, None, article_id)
        return self._search(terms, True, limit, 0, filters, GUILLEMETS)

    def actor_articles(self, actor_id: str, limit: int = 20, offset: int = 0) -> SearchPage:
        """Articles naming the actor, most mentions first (the score), the snippet around how they name it."""
        total, ids = self.actor_article_ids(actor_id, limit, offset)
        hits = []
        for article_id in ids:
            row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
            names = self._db.execute(
                "SELECT text FROM mentions WHERE article_id = ? AND actor_id = ? AND field IN ('lead', 'body') "
                "ORDER BY field = 'body', start",
                (article_id, actor_id),
            ).fetchall()
            count = self._db.execute(
                "SELECT count(*) FROM mentions WHERE article_id = ? AND actor_id = ?", (article_id, actor_id)
            ).fetchone()[0]
            text = "\n".join(p for p in [row["lead"] or "", *json.loads(row["body"])] if p)
            terms = query_terms(names[0]["text"]) if names else []
            hit = SearchHit(row["id"], row["title"], row["source"], row["site"], row["published"], float(count), "")
            hit.snippet = snippet(text or row["title"], terms)
            hits.append(hit)
        return SearchPage(total, hits)

    def _search(self, terms, any_term, limit, offset, filters, marks) -> SearchPage:
        """One page of matches. Counting reads the plain expression; ranking adds the word-pair phrases only when
        few articles match, since scoring them over thousands of matches costs more than it changes the top."""
        site, since, until, actor_id, excluded = filters
        where, params = ["articles_fts MATCH ?"], [fts_query(terms, any_term=any_term, phrases=False)]
        if site:
            where.append("a.site = ? COLLATE NOCASE")
            params.append(site)
        if since:
            where.append("a.published_to >= ?")
            params.append(since[0])
        if until:
            where.append("a.published_from <= ?")
            params.append(until[1])
        if actor_id:
            where.append("a.id IN (SELECT article_id FROM mentions WHERE actor_id = ?)")
            params.append(actor_id)
        if excluded:
            where.append("a.id != ?")
            params.append(excluded)
        # Only filters need the articles table; without them counting and ranking read the index alone.
        join = " JOIN articles a ON a.seq = articles_fts.rowid" if len(where) > 1 else ""
        matches = f"FROM articles_fts{join} WHERE {' AND '.join(where)}"
        total = self._db.execute(f"SELECT count(*) {matches}", params).fetchone()[0]
        if total <= PHRASE_RANKING_MAX:
            params[0] = fts_query(terms, any_term=any_term)
        rows = self._db.execute(
            f"WITH ranked AS (SELECT articles_fts.rowid AS seq, {_BM25} AS rank {matches} "
            "ORDER BY rank, seq LIMIT ? OFFSET ?) "
            "SELECT a.*, ranked.rank FROM ranked JOIN articles a ON a.seq = ranked.seq ORDER BY ranked.rank, a.seq",
            [*params, limit, offset],
        ).fetchall()
        hits = []
        for row in rows:
            text = "\n".join(p for p in [row["lead"] or "", *json.loads(row["body"])] if p)
            hits.append(
                SearchHit(
                    id=row["id"],
                    title=row["title"],
                    source=row["source"],
                    site=row["site"],
                    published=row["published"],
                    score=round(-row["rank"], 3),
                    snippet=snippet(text or row["title"], terms, marks),
                )
            )
        return SearchPage(total, hits)

    def stats(self) -> dict[str, Any]:
        db = self._db
        sites = db.execute(
            "SELECT coalesce(site, 'unknown') AS site, count(*) AS n FROM articles GROUP BY 1 ORDER BY n DESC, site"
        ).fetchall()

        def published(order: str) -> str | None:
            row = db.execute(
                f"SELECT published FROM articles WHERE published_from IS NOT NULL ORDER BY published_from {order}, "
                f"published_to {order} LIMIT 1"
            ).fetchone()
            return row[0] if row else None

        return {
            "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "sites": {row["site"]: row["n"] for row in sites},
            "first_published": published("ASC"),
            "last_published": published("DESC"),
            "failures": db.execute("SELECT count(DISTINCT source) FROM failures").fetchone()[0],
            "analysed": db.execute("SELECT count(*) FROM analysed").fetchone()[0],
            "schema_version": self.schema_version,
        }

    def failures(self, limit: int = 50) -> list[FailureRecord]:
        rows = self._db.execute(
            "SELECT source, reason, at FROM failures ORDER BY at DESC, rowid DESC LIMIT ?", (limit,)
        )
        return [FailureRecord(**dict(row)) for row in rows]


def _article(row: sqlite3.Row) -> Article:
    data = {c: row[c] for c in _ARTICLE_COLUMNS}
    data["body"] = json.loads(data["body"])
    data["related"] = json.loads(data["related"])
    data["captions"] = [Caption(**c) for c in json.loads(data["captions"])]
    return Article(**data)


def _release(db: sqlite3.Connection, article_id: str, source: str) -> None:
    """``source`` no longer holds this article: another source that does becomes its source, and when none does,
    the article goes with its index row and its analysis."""
    other = db.execute("SELECT source FROM sources WHERE article_id = ? ORDER BY seen_at LIMIT 1", (article_id,))
    if (holder := other.fetchone()) is not None:
        db.execute("UPDATE articles SET source = ? WHERE id = ? AND source = ?", (holder[0], article_id, source))
        return
    row = db.execute("SELECT seq FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return
    analysis.clear(db, article_id)
    db.execute("DELETE FROM articles_fts WHERE rowid = ?", (row[0],))
    db.execute("DELETE FROM articles WHERE seq = ?", (row[0],))

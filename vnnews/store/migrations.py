"""The schema, as an ordered list of migrations; the database's ``PRAGMA user_version`` is how many have run.

articles_fts holds the accent-folded title, lead and body under the rowid of the article (articles.seq), so a
search reads only the index and the matching articles' rows.

To change the schema, append a Migration (never edit one that has shipped): each runs once, in its own
transaction, on every database older than it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "articles, sources, failures and the accent-folded full-text index",
        (
            # Small columns first: filters and ranking read them without touching the long text after them.
            """CREATE TABLE articles (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL,
                site TEXT,
                section TEXT,
                published TEXT,
                published_precision TEXT,
                published_from TEXT,
                published_to TEXT,
                author TEXT,
                source_agency TEXT,
                url TEXT,
                fetched_at TEXT,
                ingested_at TEXT NOT NULL,
                title TEXT NOT NULL,
                lead TEXT,
                body TEXT NOT NULL,
                captions TEXT NOT NULL,
                related TEXT NOT NULL
            )""",
            "CREATE INDEX articles_site ON articles (site COLLATE NOCASE)",
            "CREATE INDEX articles_published ON articles (published_from, published_to)",
            """CREATE TABLE sources (
                source TEXT PRIMARY KEY,
                article_id TEXT NOT NULL REFERENCES articles (id),
                sha TEXT NOT NULL,
                seen_at TEXT NOT NULL
            )""",
            "CREATE TABLE failures (source TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)",
            "CREATE INDEX failures_source ON failures (source)",
            """CREATE VIRTUAL TABLE articles_fts USING fts5 (
                title, lead, body, tokenize = 'unicode61 remove_diacritics 0'
            )""",
        ),
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)

"""The schema, as an ordered list of migrations; the database's ``PRAGMA user_version`` is how many have run.

articles_fts holds the accent-folded title, lead and body under the rowid of the article (articles.seq), so a
search reads only the index and the matching articles' rows.

To change the schema, append a Migration (never edit one that has shipped): each runs once, in its own
transaction, on every database older than it.

Migration 2 holds what the language and events stages found. Everything an article's analysis produced is keyed by
its article id and carries the pipeline version that made it, so re-analysis deletes and rewrites one article's rows.
Actors and their aliases are shared by all articles. An event is one row per identity (actors, CAMEO root, date),
as GDELT counts NumArticles; each article that reports it adds an event_mentions row, and ``sources`` is how many
distinct articles did.
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
    Migration(
        "actors, aliases, roles, mentions, dates, events with their mentions, quotes",
        (
            "CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL)",
            """CREATE TABLE aliases (
                actor_id TEXT NOT NULL REFERENCES actors (id),
                alias TEXT NOT NULL,
                folded TEXT NOT NULL,
                PRIMARY KEY (actor_id, alias)
            )""",
            "CREATE INDEX aliases_folded ON aliases (folded)",
            """CREATE TABLE analysed (
                article_id TEXT PRIMARY KEY REFERENCES articles (id),
                pipeline_version TEXT NOT NULL,
                at TEXT NOT NULL
            )""",
            """CREATE TABLE roles (
                article_id TEXT NOT NULL REFERENCES articles (id),
                actor_id TEXT NOT NULL,
                title TEXT NOT NULL,
                org_id TEXT,
                org TEXT,
                phrase TEXT,
                seen TEXT,
                inferred INTEGER NOT NULL,
                pipeline_version TEXT NOT NULL
            )""",
            "CREATE INDEX roles_actor ON roles (actor_id)",
            "CREATE INDEX roles_article ON roles (article_id)",
            """CREATE TABLE mentions (
                article_id TEXT NOT NULL REFERENCES articles (id),
                actor_id TEXT,
                canonical TEXT,
                text TEXT NOT NULL,
                type TEXT NOT NULL,
                field TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                role TEXT,
                inferred INTEGER NOT NULL,
                pipeline_version TEXT NOT NULL
            )""",
            "CREATE INDEX mentions_actor ON mentions (actor_id, article_id)",
            "CREATE INDEX mentions_article ON mentions (article_id)",
            """CREATE TABLE article_dates (
                article_id TEXT NOT NULL REFERENCES articles (id),
                text TEXT NOT NULL,
                value TEXT,
                precision TEXT,
                field TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                pipeline_version TEXT NOT NULL
            )""",
            "CREATE INDEX article_dates_article ON article_dates (article_id)",
            """CREATE TABLE events (
                seq INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                actor1_id TEXT NOT NULL,
                root TEXT NOT NULL,
                actor2_id TEXT,
                date TEXT,
                date_precision TEXT,
                date_from TEXT,
                date_to TEXT,
                sources INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX events_actor1 ON events (actor1_id)",
            "CREATE INDEX events_actor2 ON events (actor2_id)",
            "CREATE INDEX events_date ON events (date_from, date_to)",
            """CREATE TABLE event_mentions (
                event_seq INTEGER NOT NULL REFERENCES events (seq),
                article_id TEXT NOT NULL REFERENCES articles (id),
                actor1 TEXT NOT NULL,
                actor1_org TEXT,
                actor1_org_id TEXT,
                code TEXT NOT NULL,
                label TEXT NOT NULL,
                goldstein REAL NOT NULL,
                actor2 TEXT,
                location TEXT,
                location_id TEXT,
                factuality TEXT NOT NULL,
                trigger TEXT NOT NULL,
                field TEXT NOT NULL,
                trigger_start INTEGER NOT NULL,
                trigger_end INTEGER NOT NULL,
                sentence TEXT NOT NULL,
                confidence REAL NOT NULL,
                pipeline_version TEXT NOT NULL
            )""",
            "CREATE INDEX event_mentions_event ON event_mentions (event_seq)",
            "CREATE INDEX event_mentions_article ON event_mentions (article_id)",
            "CREATE INDEX event_mentions_org ON event_mentions (actor1_org_id)",
            """CREATE TABLE quotes (
                seq INTEGER PRIMARY KEY,
                article_id TEXT NOT NULL REFERENCES articles (id),
                speaker TEXT NOT NULL,
                speaker_id TEXT NOT NULL,
                text TEXT NOT NULL,
                direct INTEGER NOT NULL,
                via TEXT,
                channel TEXT,
                field TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                sentence TEXT NOT NULL,
                date TEXT,
                date_from TEXT,
                pipeline_version TEXT NOT NULL
            )""",
            "CREATE INDEX quotes_speaker ON quotes (speaker_id)",
            "CREATE INDEX quotes_article ON quotes (article_id)",
        ),
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)

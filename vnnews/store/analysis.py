"""Writing one article's analysis, and finding actors by any of their names.

An article's analysis is replaced as a whole (delete its rows, write the new ones) inside the caller's transaction,
so ingesting and re-analysing are the same operation and running either twice leaves the same rows.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from vnnews.events import Event, event_key
from vnnews.store.fold import fold
from vnnews.store.periods import period
from vnnews.store.records import Findings

_EVENT_MENTION_COLUMNS = (
    "event_seq article_id actor1 actor1_org actor1_org_id code label goldstein actor2 location location_id "
    "factuality trigger field trigger_start trigger_end sentence confidence pipeline_version"
).split()


def clear(db: sqlite3.Connection, article_id: str) -> None:
    """Remove everything analysis stored for one article; events no other article reports go with it."""
    touched = db.execute("SELECT DISTINCT event_seq FROM event_mentions WHERE article_id = ?", (article_id,))
    touched = [row[0] for row in touched]
    db.execute("DELETE FROM event_mentions WHERE article_id = ?", (article_id,))
    for seq in touched:
        _recount(db, seq)
    for table in ("mentions", "roles", "article_dates", "quotes", "analysed"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))


def _recount(db: sqlite3.Connection, seq: int) -> None:
    count = db.execute("SELECT count(DISTINCT article_id) FROM event_mentions WHERE event_seq = ?", (seq,)).fetchone()[
        0
    ]
    if count:
        db.execute("UPDATE events SET sources = ? WHERE seq = ?", (count, seq))
    else:
        db.execute("DELETE FROM events WHERE seq = ?", (seq,))


def write(db: sqlite3.Connection, article_id: str, findings: Findings) -> None:
    """Replace one article's analysis with ``findings``."""
    clear(db, article_id)
    language, events_version = findings.language_version, findings.events_version
    for actor in findings.actors:
        db.execute(
            "INSERT INTO actors (id, name, kind) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "name = excluded.name, kind = excluded.kind",
            (actor.id, actor.name, actor.kind),
        )
        db.executemany(
            "INSERT OR IGNORE INTO aliases (actor_id, alias, folded) VALUES (?, ?, ?)",
            [(actor.id, alias, fold(alias)) for alias in dict.fromkeys([actor.name, *actor.aliases]) if alias],
        )
    db.executemany(
        "INSERT INTO roles (article_id, actor_id, title, org_id, org, phrase, seen, inferred, pipeline_version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, r.actor_id, r.title, r.org_id, r.org, r.phrase, r.seen, int(r.inferred), language)
            for r in findings.roles
        ],
    )
    db.executemany(
        'INSERT INTO mentions (article_id, actor_id, canonical, text, type, field, start, "end", role, inferred, '
        "pipeline_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                e.actor_id,
                e.canonical,
                e.text,
                e.type,
                e.field,
                e.start,
                e.end,
                e.role,
                int(e.inferred),
                language,
            )
            for e in findings.entities
        ],
    )
    db.executemany(
        'INSERT INTO article_dates (article_id, text, value, precision, field, start, "end", pipeline_version) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, d.text, d.value, d.precision, d.field, d.start, d.end, language) for d in findings.dates],
    )
    for event in findings.events:
        _write_event(db, article_id, event)
    db.executemany(
        'INSERT INTO quotes (article_id, speaker, speaker_id, text, direct, via, channel, field, start, "end", '
        "sentence, date, date_from, pipeline_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                q.speaker,
                q.speaker_id,
                q.text,
                int(q.direct),
                q.via,
                q.channel,
                q.field,
                q.start,
                q.end,
                q.sentence,
                q.date,
                (period(q.date) or (None,))[0],
                events_version,
            )
            for q in findings.quotes
        ],
    )
    db.execute(
        "INSERT INTO analysed (article_id, pipeline_version, at) VALUES (?, ?, ?)",
        (article_id, f"{language}+{events_version}", datetime.now(UTC).isoformat(timespec="seconds")),
    )


def _write_event(db: sqlite3.Connection, article_id: str, event: Event) -> None:
    """Add this article's report of an event, creating the event the first time any article reports it.

    An undated act cannot be told apart from another one by the same actors, so it stays this article's own.
    """
    key = "|".join(event_key(event)) + ("" if event.date else f"|{article_id}")
    first, last = period(event.date) or (None, None)
    db.execute(
        "INSERT INTO events (key, actor1_id, root, actor2_id, date, date_precision, date_from, date_to) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
        (key, event.actor1_id, event.root, event.actor2_id, event.date, event.date_precision, first, last),
    )
    seq = db.execute("SELECT seq FROM events WHERE key = ?", (key,)).fetchone()[0]
    values = {**event.to_dict(), "event_seq": seq, "article_id": article_id}
    db.execute(
        f"INSERT INTO event_mentions ({', '.join(_EVENT_MENTION_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_EVENT_MENTION_COLUMNS))})",
        [values[c] for c in _EVENT_MENTION_COLUMNS],
    )
    _recount(db, seq)


def resolve_actor(db: sqlite3.Connection, name_or_id: str) -> str | None:
    """The id of the actor ``name_or_id`` names: an id, the canonical name or any alias, in any case or accents.

    When a folded name fits several actors ("Anh" and "anh"), the exact spelling wins, then the most mentioned.
    """
    text = " ".join(name_or_id.split())
    if not text:
        return None
    row = db.execute("SELECT id FROM actors WHERE id = ? OR id = upper(?) COLLATE NOCASE", (text, text)).fetchone()
    if row:
        return row[0]
    row = db.execute(
        "SELECT al.actor_id FROM aliases al LEFT JOIN "
        "(SELECT actor_id, count(*) AS n FROM mentions GROUP BY actor_id) m ON m.actor_id = al.actor_id "
        "WHERE al.folded = ? GROUP BY al.actor_id "
        "ORDER BY max(al.alias = ?) DESC, max(lower(al.alias) = lower(?)) DESC, coalesce(max(m.n), 0) DESC, "
        "al.actor_id LIMIT 1",
        (fold(text), text, text),
    ).fetchone()
    return row[0] if row else None

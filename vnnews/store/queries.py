"""Reading the analysis back: actors, their roles, timelines and networks, events, quotes, article volume.

A mixin of Store, so these queries share its connection; every method takes actor ids already resolved.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from vnnews.model import DateMention, Entity
from vnnews.store.fold import fold
from vnnews.store.records import (
    ActorDetail,
    ActorSummary,
    ArticleAnalysis,
    EventRow,
    Network,
    NetworkEdge,
    NetworkNode,
    Page,
    QuoteRow,
    Role,
    TimelineRow,
    VolumePoint,
)

_MENTION_COUNTS = (
    "SELECT actor_id, count(*) AS mentions, count(DISTINCT article_id) AS articles FROM mentions "
    "WHERE actor_id IS NOT NULL GROUP BY actor_id"
)
# An event row with the details of the first article that reported it.
_EVENTS = (
    "SELECT e.seq, e.date, e.date_precision, e.date_from, e.actor1_id, e.root, e.actor2_id, e.sources, m.*, "
    "(SELECT count(*) FROM event_mentions c WHERE c.event_seq = e.seq) AS mention_count "
    "FROM events e JOIN event_mentions m ON m.rowid = "
    "(SELECT min(rowid) FROM event_mentions WHERE event_seq = e.seq)"
)
_INVOLVES = (
    "(e.actor1_id = :actor OR e.actor2_id = :actor OR EXISTS "
    "(SELECT 1 FROM event_mentions o WHERE o.event_seq = e.seq AND o.actor1_org_id = :actor))"
)
_QUOTES = "SELECT seq, speaker, speaker_id, text, direct, via, channel, date, date_from, article_id, pipeline_version "
_UNDATED_LAST = "CASE WHEN {0} IS NULL THEN 1 ELSE 0 END, {0}"


def _event(row: sqlite3.Row) -> EventRow:
    return EventRow(
        id=row["seq"],
        date=row["date"],
        date_precision=_precision(row["date"]) or row["date_precision"],
        actor1=row["actor1"],
        actor1_id=row["actor1_id"],
        root=row["root"],
        code=row["code"],
        label=row["label"],
        goldstein=row["goldstein"],
        actor2=row["actor2"],
        actor2_id=row["actor2_id"],
        location=row["location"],
        factuality=row["factuality"],
        trigger=row["trigger"],
        sentence=row["sentence"],
        article_id=row["article_id"],
        sources=row["sources"],
        mentions=row["mention_count"],
        confidence=row["confidence"],
        actor1_org=row["actor1_org"],
        actor1_org_id=row["actor1_org_id"],
        pipeline_version=row["pipeline_version"],
    )


def _quote(row: sqlite3.Row) -> QuoteRow:
    return QuoteRow(
        id=row["seq"],
        speaker=row["speaker"],
        speaker_id=row["speaker_id"],
        text=row["text"],
        direct=bool(row["direct"]),
        via=row["via"],
        channel=row["channel"],
        date=row["date"],
        article_id=row["article_id"],
        pipeline_version=row["pipeline_version"],
    )


class AnalysisQueries:
    _db: sqlite3.Connection

    def _count(self, sql: str, params: Any = ()) -> int:
        return self._db.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]

    def actors(self, limit: int = 20, offset: int = 0, q: str | None = None) -> Page:
        """Actors by how often they are named; ``q`` keeps those with a name containing it (folded)."""
        where, params = "", []
        if q and q.strip():
            where = "WHERE a.id IN (SELECT actor_id FROM aliases WHERE instr(folded, ?) > 0)"
            params.append(fold(" ".join(q.split())))
        sql = (
            f"SELECT a.id, a.name, a.kind, c.mentions, c.articles FROM ({_MENTION_COUNTS}) c "
            f"JOIN actors a ON a.id = c.actor_id {where}"
        )
        rows = self._db.execute(
            f"{sql} ORDER BY c.mentions DESC, c.articles DESC, a.name LIMIT ? OFFSET ?", [*params, limit, offset]
        )
        return Page(self._count(sql, params), [ActorSummary(**dict(r)) for r in rows])

    def actor(self, actor_id: str) -> ActorDetail | None:
        row = self._db.execute("SELECT id, name, kind FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row is None:
            return None
        counts = self._db.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE actor_id = ?", (actor_id,)
        ).fetchone()
        aliases = self._db.execute("SELECT alias FROM aliases WHERE actor_id = ? ORDER BY rowid", (actor_id,))
        aliases = [r[0] for r in aliases]
        roles = self._db.execute(
            "SELECT r.title, coalesce(r.org, r.org_id) AS org, min(r.seen) AS first, max(r.seen) AS last, "
            "min(r.inferred) AS inferred, "
            "(SELECT p.phrase FROM roles p WHERE p.actor_id = r.actor_id AND p.title = r.title "
            " AND p.org_id IS r.org_id AND p.phrase IS NOT NULL LIMIT 1) AS phrase "
            "FROM roles r WHERE r.actor_id = ? "
            "GROUP BY r.title, r.org_id ORDER BY first, r.title",
            (actor_id,),
        ).fetchall()
        return ActorDetail(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            aliases=aliases,
            roles=[Role(r["title"], r["org"], r["first"], bool(r["inferred"]), r["last"], r["phrase"]) for r in roles],
            mentions=counts[0],
            articles=counts[1],
        )

    def actor_article_ids(self, actor_id: str, limit: int, offset: int) -> tuple[int, list[str]]:
        """Ids of the articles naming the actor, most mentions first, then newest."""
        sql = (
            "SELECT m.article_id, count(*) AS n, a.published_from FROM mentions m "
            "JOIN articles a ON a.id = m.article_id WHERE m.actor_id = ? GROUP BY m.article_id"
        )
        rows = self._db.execute(
            f"{sql} ORDER BY n DESC, published_from DESC LIMIT ? OFFSET ?", (actor_id, limit, offset)
        )
        return self._count(sql, (actor_id,)), [r[0] for r in rows]

    def timeline(self, actor_id: str, limit: int = 100, offset: int = 0) -> Page:
        """The actor's events (as either side, or through a person acting for it) and its quotes, oldest first."""
        union = (
            f"SELECT 'event' AS kind, x.date, x.date_precision, x.date_from, x.actor1, x.actor1_id, x.root, x.code, "
            f"x.label, x.actor2, x.actor2_id, x.sentence AS text, x.article_id, x.seq FROM ({_EVENTS}) x "
            f"WHERE x.seq IN (SELECT e.seq FROM events e WHERE {_INVOLVES}) "
            "UNION ALL SELECT 'quote', q.date, NULL, q.date_from, q.speaker, q.speaker_id, NULL, NULL, NULL, NULL, "
            "NULL, q.text, q.article_id, q.seq FROM quotes q WHERE q.speaker_id = :actor"
        )
        params = {"actor": actor_id, "limit": limit, "offset": offset}
        rows = self._db.execute(
            f"SELECT * FROM ({union}) ORDER BY {_UNDATED_LAST.format('date_from')}, length(date), kind, seq "
            "LIMIT :limit OFFSET :offset",
            params,
        ).fetchall()
        results = [
            TimelineRow(
                date=r["date"],
                date_precision=_precision(r["date"]) or r["date_precision"],
                kind=r["kind"],
                actor1=r["actor1"],
                actor1_id=r["actor1_id"],
                root=r["root"],
                code=r["code"],
                label=r["label"],
                actor2=r["actor2"],
                actor2_id=r["actor2_id"],
                text=r["text"],
                article_id=r["article_id"],
            )
            for r in rows
        ]
        return Page(self._count(union, params), results)

    def network(self, actor_id: str, limit: int = 30) -> Network:
        """The actor and those it acts with or is acted on by, weighted by the articles reporting their events;
        edges between those partners too, so clusters show."""
        partners = self._db.execute(
            "SELECT other, sum(e.sources) AS weight FROM (SELECT seq, sources, CASE WHEN actor1_id = :actor "
            "THEN actor2_id ELSE actor1_id END AS other FROM events WHERE actor1_id = :actor OR actor2_id = :actor) e "
            "WHERE other IS NOT NULL AND other != :actor GROUP BY other ORDER BY weight DESC, other LIMIT :limit",
            {"actor": actor_id, "limit": limit},
        ).fetchall()
        weights = {actor_id: sum(p["weight"] for p in partners), **{p["other"]: p["weight"] for p in partners}}
        names = {
            r["id"]: r
            for r in self._db.execute(
                f"SELECT id, name, kind FROM actors WHERE id IN ({', '.join('?' * len(weights))})", list(weights)
            )
        }
        nodes = [
            NetworkNode(i, names[i]["name"] if i in names else i, names[i]["kind"] if i in names else "", float(w))
            for i, w in weights.items()
        ]
        edges = [NetworkEdge(actor_id, p["other"], float(p["weight"])) for p in partners]
        others = [p["other"] for p in partners]
        if others:
            marks = ", ".join("?" * len(others))
            for r in self._db.execute(
                f"SELECT actor1_id, actor2_id, sum(sources) AS w FROM events WHERE actor1_id IN ({marks}) "
                f"AND actor2_id IN ({marks}) AND actor1_id != actor2_id GROUP BY actor1_id, actor2_id",
                [*others, *others],
            ):
                edges.append(NetworkEdge(r["actor1_id"], r["actor2_id"], float(r["w"])))
        return Network(nodes, edges)

    def events(
        self,
        actor_id: str | None = None,
        root: str | None = None,
        since: tuple[str, str] | None = None,
        until: tuple[str, str] | None = None,
        limit: int = 50,
        offset: int = 0,
        article_id: str | None = None,
    ) -> Page:
        """Events in calendar order (undated last), filtered by actor, CAMEO root and date range."""
        where, params = ["1"], {"limit": limit, "offset": offset}
        if actor_id:
            where.append(_INVOLVES)
            params["actor"] = actor_id
        if root:
            where.append("e.root = :root")
            params["root"] = root.zfill(2)
        if since:
            where.append("e.date_to >= :since")
            params["since"] = since[0]
        if until:
            where.append("e.date_from <= :until")
            params["until"] = until[1]
        if article_id:
            where.append("e.seq IN (SELECT event_seq FROM event_mentions WHERE article_id = :article)")
            params["article"] = article_id
        chosen = f"SELECT e.seq FROM events e WHERE {' AND '.join(where)}"
        rows = self._db.execute(
            f"SELECT * FROM ({_EVENTS}) x WHERE x.seq IN ({chosen}) "
            f"ORDER BY {_UNDATED_LAST.format('x.date_from')}, x.seq LIMIT :limit OFFSET :offset",
            params,
        )
        return Page(self._count(chosen, params), [_event(r) for r in rows])

    def quotes(
        self, speaker_id: str | None = None, limit: int = 50, offset: int = 0, article_id: str | None = None
    ) -> Page:
        """Quotes in calendar order (undated last), optionally of one speaker or one article."""
        where, params = ["1"], {"limit": limit, "offset": offset}
        if speaker_id:
            where.append("speaker_id = :speaker")
            params["speaker"] = speaker_id
        if article_id:
            where.append("article_id = :article")
            params["article"] = article_id
        sql = f"{_QUOTES} FROM quotes WHERE {' AND '.join(where)}"
        rows = self._db.execute(
            f"{sql} ORDER BY {_UNDATED_LAST.format('date_from')}, seq LIMIT :limit OFFSET :offset", params
        )
        return Page(self._count(sql, params), [_quote(r) for r in rows])

    def article_analysis(self, article_id: str) -> ArticleAnalysis:
        entities = [
            Entity(
                r["text"],
                r["type"],
                r["canonical"],
                r["actor_id"],
                r["field"],
                r["start"],
                r["end"],
                r["role"],
                bool(r["inferred"]),
            )
            for r in self._db.execute(
                "SELECT * FROM mentions WHERE article_id = ? ORDER BY field = 'title' DESC, field = 'lead' DESC, "
                "field = 'body' DESC, start",
                (article_id,),
            )
        ]
        dates = [
            DateMention(r["text"], r["value"], r["precision"], r["field"], r["start"], r["end"])
            for r in self._db.execute("SELECT * FROM article_dates WHERE article_id = ? ORDER BY rowid", (article_id,))
        ]
        events = self.events(article_id=article_id, limit=1000).results
        quotes = self.quotes(article_id=article_id, limit=1000).results
        return ArticleAnalysis(entities, events, quotes, dates)

    def is_analysed(self, article_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM analysed WHERE article_id = ?", (article_id,)).fetchone() is not None

    def analysis_counts(self) -> dict[str, int]:
        """How many rows each analysis table holds: what reanalysing must leave unchanged."""
        tables = (
            "analysed",
            "actors",
            "aliases",
            "roles",
            "mentions",
            "article_dates",
            "events",
            "event_mentions",
            "quotes",
        )
        return {t: self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def volume(self, granularity: str = "month") -> list[VolumePoint]:
        """Articles per year, month or day of publication (articles dated only coarser than that are left out)."""
        width = {"year": 4, "month": 7, "day": 10}[granularity]
        rows = self._db.execute(
            "SELECT substr(published_from, 1, :w) AS p, count(*) AS n FROM articles WHERE published_from IS NOT NULL "
            "AND substr(published_from, 1, :w) = substr(published_to, 1, :w) GROUP BY p ORDER BY p",
            {"w": width},
        )
        return [VolumePoint(r["p"], r["n"]) for r in rows]


def _precision(date: str | None) -> str | None:
    """How precise a stored date is, read from its shape (2024, 2024-10, 2021-W32, 2024-10-19)."""
    if not date:
        return None
    return "week" if "W" in date else {4: "year", 7: "month", 10: "day"}.get(len(date))

"""Storage: one SQLite file with a migrated schema and an accent-folded full-text index.

`open(path)` is the door; the service layer is its only caller.
"""

from __future__ import annotations

from pathlib import Path

from vnnews.store.findings import findings
from vnnews.store.fold import GUILLEMETS, Marks, fold
from vnnews.store.periods import bound, period
from vnnews.store.records import (
    ActorDetail,
    ActorSummary,
    ArticleAnalysis,
    EventRow,
    Findings,
    KnownActor,
    Network,
    NetworkEdge,
    NetworkNode,
    Page,
    QuoteRow,
    Role,
    SeenRole,
    TimelineRow,
    VolumePoint,
)
from vnnews.store.sqlite import FailureRecord, SchemaError, SearchHit, SearchPage, Store

__all__ = [
    "GUILLEMETS",
    "ActorDetail",
    "ActorSummary",
    "ArticleAnalysis",
    "EventRow",
    "Findings",
    "KnownActor",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "Page",
    "QuoteRow",
    "Role",
    "SeenRole",
    "TimelineRow",
    "VolumePoint",
    "FailureRecord",
    "Marks",
    "SchemaError",
    "SearchHit",
    "SearchPage",
    "Store",
    "bound",
    "findings",
    "fold",
    "open",
    "period",
]


def open(path: str | Path) -> Store:
    """The store in the SQLite file at ``path``, created and migrated to the current schema as needed."""
    return Store(path)

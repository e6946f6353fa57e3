"""How the API and the pages reach the Service: one per worker thread, and analysis methods that may not exist yet.

SQLite connections belong to the thread that opened them, and the server answers requests on a thread pool, so each
thread gets its own Service. The analysis methods (actors, events, quotes…) land after the article store; a surface
asks for them through ``optional`` and shows "not analysed yet" when they are missing or return nothing.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vnnews.service import Service

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ARTICLE_ID = re.compile(r"^[0-9a-fA-F]{4,16}$")


class ServicePool:
    """Hands each thread its own Service over the same database file."""

    def __init__(self, db_path: str | Path | None) -> None:
        self.db_path = db_path
        self._local = threading.local()

    def get(self) -> Service:
        service = getattr(self._local, "service", None)
        if service is None:
            service = Service(self.db_path)
            self._local.service = service
        return service


def optional(service: Service, name: str) -> Callable[..., Any] | None:
    """The analysis method ``name`` when this Service has it, else None."""
    method = getattr(service, name, None)
    return method if callable(method) else None


def accepts(method: Callable[..., Any], parameter: str) -> bool:
    """Whether ``method`` takes a keyword ``parameter`` (filters that arrive with later stages)."""
    try:
        return parameter in inspect.signature(method).parameters
    except (TypeError, ValueError):
        return False


def as_dict(record: Any) -> Any:
    """A service record (dataclass with or without ``to_dict``, dict, list) as plain JSON-ready data."""
    if record is None or isinstance(record, str | int | float | bool):
        return record
    if hasattr(record, "to_dict"):
        return record.to_dict()
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return dataclasses.asdict(record)
    if isinstance(record, dict):
        return {key: as_dict(value) for key, value in record.items()}
    if isinstance(record, list | tuple):
        return [as_dict(item) for item in record]
    return record


def page_of(result: Any) -> tuple[int, list[Any]]:
    """``(total, results)`` from a Page-like record, a plain list, or None (nothing analysed)."""
    if result is None:
        return 0, []
    if isinstance(result, list):
        return len(result), result
    return int(getattr(result, "total", 0) or 0), list(getattr(result, "results", []) or [])


def is_article_id(value: str) -> bool:
    return bool(ARTICLE_ID.match(value))

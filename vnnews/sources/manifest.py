"""A crawler's manifest: what it knew about each page file (URL, site, section, dates) beside the pages themselves.

A page is matched by its path relative to the manifest's directory, so manifests travel with their folder; a bare
file name is the fallback, used only where that name is not shared by two rows.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnnews.model import InputError, PageMeta

META_FIELDS = ("url", "site", "section", "published", "fetched_at", "title")


def page_meta(row: dict[str, Any]) -> PageMeta:
    """The PageMeta fields a JSON row carries; other keys are the crawler's own business."""
    return PageMeta(**{key: str(row[key]) for key in META_FIELDS if row.get(key) not in (None, "")})


@dataclass
class Manifest:
    path: Path
    by_path: dict[str, PageMeta]
    by_name: dict[str, PageMeta | None]

    @classmethod
    def load(cls, path: str | Path) -> Manifest:
        """Read a JSONL manifest; raises InputError naming the file (and line) when it cannot be used."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise InputError(f"{path}: manifest not found") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read manifest: {exc}") from exc
        by_path: dict[str, PageMeta] = {}
        by_name: dict[str, PageMeta | None] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: invalid JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or not isinstance(row.get("file"), str) or not row["file"]:
                raise InputError(f'{path}:{number}: a manifest row needs a "file" field')
            meta = page_meta(row)
            key = Path(os.path.normpath(row["file"])).as_posix()
            by_path[key] = meta
            name = Path(key).name
            by_name[name] = meta if name not in by_name else None
        return cls(path, by_path, by_name)

    def lookup(self, source: str) -> PageMeta | None:
        """The manifest row for a page file, by path relative to the manifest, else by an unshared file name."""
        page = Path(source).resolve()
        try:
            relative = page.relative_to(self.path.resolve().parent).as_posix()
        except ValueError:
            relative = None
        if relative is not None and relative in self.by_path:
            return self.by_path[relative]
        return self.by_name.get(page.name)

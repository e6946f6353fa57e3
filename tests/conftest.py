"""Shared fixtures: a fresh SQLite file per test, the real CLI, the bundled sample pages and generated pages."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
MANIFEST = SAMPLES / "manifest.jsonl"


def _pipeline_missing() -> str | None:
    """Why the sources/extract stages cannot run yet, or None when they can."""
    try:
        if not hasattr(importlib.import_module("vnnews.sources"), "read"):
            return "vnnews.sources.read is not there yet"
        importlib.import_module("vnnews.extract")
    except ImportError as exc:
        return f"pipeline not importable: {exc}"
    return None


needs_pipeline = pytest.mark.skipif(_pipeline_missing() is not None, reason=str(_pipeline_missing()))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


@pytest.fixture
def cli(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the real vnnews CLI in-process against this test's database (through $VNNEWS_DB)."""
    from vnnews.cli import app

    monkeypatch.setenv("VNNEWS_DB", str(db_path))
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, [str(a) for a in args], input=input)

    return invoke


def news_page(number: int, paragraphs: int = 3) -> str:
    """A plain-text Vietnamese news page, different for every ``number``: title, blank line, lead, paragraphs."""
    body = "\n\n".join(
        f"Đoạn {k} của bản tin số {number}: giới chuyên gia nhận định kế hoạch hợp tác quốc phòng sẽ tạo bước ngoặt "
        f"quan trọng trong chính sách an ninh chung của châu Âu, với {number * 7 + k} dự án sản xuất đạn dược."
        for k in range(paragraphs)
    )
    return (
        f"Hội nghị lần thứ {number} bàn về hợp tác quốc phòng giữa các nước thành viên NATO\n\n"
        f"Ngày {number % 28 + 1}/10, các bộ trưởng quốc phòng của khối đã nhóm họp tại Brussels để thảo luận kế "
        f"hoạch số {number} về tăng cường hỗ trợ cho Ukraine.\n\n{body}\n"
    )


def write_pages(folder: Path, count: int, paragraphs: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"page_{number:04d}.txt"
        path.write_text(news_page(number, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]

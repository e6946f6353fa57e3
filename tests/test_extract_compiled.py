"""The compiled extraction modules (setup.py, vnnews.extract.native): built by the install where a C compiler is at
hand, giving the same articles as their sources, and never run once a source has changed since they were built."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from vnnews.extract import MODE
from vnnews.extract.native import HERE, RECORD, SWITCH

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"

needs_compiled = pytest.mark.skipif(MODE != "compiled", reason="the extraction modules run from source here")

# Prints the mode, then for every page given one JSON line: the article, or the reason there is none, and the roles.
_DUMP = """
import dataclasses, json, sys
from vnnews.extract import MODE, explain, page
from vnnews.model import InputError, RawPage
print(MODE)
for path in sys.argv[1:]:
    raw = RawPage(source=path, text=open(path, encoding="utf-8").read())
    try:
        out = {"article": dataclasses.asdict(page(raw)), "roles": [dataclasses.astuple(r) for r in explain(raw)]}
    except InputError as exc:
        out = {"error": str(exc)}
    print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def _run(code: str, *args: str, env: dict[str, str] | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300, check=False)


def _env(**changes: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (SWITCH, "PYTHONPATH")}
    env.update({k: v for k, v in changes.items() if v is not None})
    return env


def test_the_install_compiled_the_extraction_where_a_c_compiler_is_at_hand():
    if os.environ.get(SWITCH) == "1":
        pytest.skip(f"{SWITCH}=1: the sources were asked for")
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler here: the sources run")
    assert RECORD.exists(), "the install compiled no extraction module: its output says why (pip install -v -e .)"
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))["sources"]
    built = {p.name.split(".")[0] for suffix in EXTENSION_SUFFIXES for p in HERE.glob(f"*{suffix}")}
    assert set(recorded) <= built
    assert {"lines", "walk", "headline", "text"} <= set(recorded)


def _mutated_pages(directory: Path, per_sample: int = 30) -> list[str]:
    """The sample pages, and variants of them with lines dropped, repeated or swapped: the rules' other paths."""
    rng, paths = random.Random(20261130), []
    for sample in sorted(SAMPLES.glob("*.txt")):
        lines = sample.read_text(encoding="utf-8").splitlines()
        for n in range(per_sample + 1):
            page = list(lines)
            for _ in range(n and rng.randint(1, 6)):
                k = rng.randrange(len(page))
                change = rng.choice(["drop", "repeat", "swap"])
                if change == "drop":
                    del page[k]
                elif change == "repeat":
                    page.insert(k, page[k])
                elif k + 1 < len(page):
                    page[k], page[k + 1] = page[k + 1], page[k]
            path = directory / f"{sample.stem}_{n}.txt"
            path.write_text("\n".join(page), encoding="utf-8")
            paths.append(str(path))
    return paths


@needs_compiled
def test_compiled_modules_give_the_articles_and_roles_their_sources_give(tmp_path: Path):
    pages = _mutated_pages(tmp_path)
    compiled, source = _run(_DUMP, *pages, env=_env()), _run(_DUMP, *pages, env=_env(**{SWITCH: "1"}))
    assert compiled.returncode == 0 and source.returncode == 0, compiled.stderr + source.stderr
    compiled_lines, source_lines = compiled.stdout.splitlines(), source.stdout.splitlines()
    assert (compiled_lines[0], source_lines[0]) == ("compiled", "source")
    assert len(compiled_lines) == len(pages) + 1
    assert sum('"article"' in line for line in compiled_lines) > len(pages) // 2  # most variants still hold one
    for path, a, b in zip(pages, compiled_lines[1:], source_lines[1:], strict=True):
        assert a == b, f"compiled and source extraction differ on {path}"


_WHICH = """
from pathlib import Path
import vnnews.extract as e, vnnews.extract.lines as lines, vnnews.extract.walk as walk
print(e.MODE, Path(lines.__file__).suffix == ".py", Path(walk.__file__).suffix == ".py")
"""


@needs_compiled
def test_a_source_edited_since_the_build_runs_instead_of_the_compiled_modules(tmp_path: Path):
    shutil.copytree(REPO / "vnnews", tmp_path / "vnnews", ignore=shutil.ignore_patterns("__pycache__"))
    env = _env(PYTHONPATH=str(tmp_path))
    as_built = _run(_WHICH, env=env, cwd=tmp_path)
    assert as_built.stdout.split() == ["compiled", "False", "False"], as_built.stderr
    assert "not built from the sources" not in as_built.stderr

    walk = tmp_path / "vnnews" / "extract" / "walk.py"
    walk.write_text(walk.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = _run(_WHICH, env=env, cwd=tmp_path)
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout.split() == ["source", "True", "True"]
    assert "not built from the sources" in edited.stderr and "pip install -e ." in edited.stderr

    switched_off = _run(_WHICH, env=_env(PYTHONPATH=str(tmp_path), **{SWITCH: "1"}), cwd=tmp_path)
    assert switched_off.stdout.split() == ["source", "True", "True"]
    assert "not built from the sources" not in switched_off.stderr

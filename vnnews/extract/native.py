"""Whether the text-page extraction runs compiled: mypyc compiles its modules at install time where a C compiler
is at hand (setup.py), and the compiled modules are used only while they are the sources' own.

An editable install keeps the compiled modules beside the sources, and Python prefers them: edit a source, and
the compiled module would go on running the old code. The build records the hash of every source it compiled;
when a source no longer matches, or the record is missing, the sources are imported instead, with a warning that
says how to rebuild. VNNEWS_NO_EXTENSIONS=1 runs the sources whatever was built (and builds none).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import warnings
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path

HERE = Path(__file__).parent
RECORD = HERE / "compiled.json"  # written by setup.py: {"compiler": ..., "sources": {module: sha256 of its source}}
SWITCH = "VNNEWS_NO_EXTENSIONS"


class SourcesFirst(MetaPathFinder):
    """Imports the given modules from their .py sources, never from the compiled modules beside them."""

    def __init__(self, sources: dict[str, Path]):
        self.sources = sources

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        source = self.sources.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source else None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _choose() -> str:
    """'compiled' when the compiled modules are there and current, else 'source' (the sources are made to win)."""
    built = {path.name.split(".")[0] for suffix in EXTENSION_SUFFIXES for path in HERE.glob(f"*{suffix}")}
    names = sorted(name for name in built if (HERE / f"{name}.py").exists())
    if not names:
        return "source"
    if os.environ.get(SWITCH) != "1":
        try:
            recorded = json.loads(RECORD.read_text(encoding="utf-8"))["sources"]
        except (OSError, ValueError, KeyError, TypeError):
            recorded = {}
        if recorded == {name: _digest(HERE / f"{name}.py") for name in names}:
            return "compiled"
        warnings.warn(
            f"vnnews: the compiled extraction modules in {HERE} were not built from the sources there (edited since, "
            f"or the build did not finish): the sources run. Rebuild them with `pip install -e .`, or set {SWITCH}=1.",
            RuntimeWarning,
            stacklevel=2,
        )
    package = __name__.rpartition(".")[0]
    sys.meta_path.insert(0, SourcesFirst({f"{package}.{name}": HERE / f"{name}.py" for name in names}))
    return "source"


MODE = _choose()

"""Build: the text-page extraction modules are compiled to C by mypyc where a C compiler is at hand.

The compiled modules run the very same source, faster; the package runs without them. Building records the hash of
each source it compiled (`vnnews/extract/compiled.json`), so that `vnnews.extract.native` can tell at import whether
the compiled modules are still the sources' and run the sources when they are not. VNNEWS_NO_EXTENSIONS=1 builds
the sources alone. Everything else about the package is in pyproject.toml.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The text-page path of vnnews.extract: every module of it but the door (__init__), the import guard (native) and
# the HTML path, which spends its time in lxml and trafilatura.
COMPILED = ["article", "cohesion", "headline", "lines", "meta", "site", "stamps", "text", "walk", "wrapped"]
SOURCES = [f"vnnews/extract/{name}.py" for name in COMPILED]  # relative: pip runs setup.py in the project
RECORD = "compiled.json"


class BuildExtRecordingSources(build_ext):
    """build_ext that writes the record of compiled sources beside the modules, once every one of them is built."""

    def run(self) -> None:
        built = [Path(self.get_ext_fullpath(ext.name)) for ext in self.extensions]
        record = Path(self.get_ext_fullpath("vnnews.extract.lines")).parent / RECORD
        for path in [*built, record]:  # a module that fails to build must leave no older one to pass for current
            path.unlink(missing_ok=True)
        super().run()
        if built and all(path.exists() for path in built):
            digests = {Path(src).stem: hashlib.sha256(Path(src).read_bytes()).hexdigest() for src in SOURCES}
            record.write_text(json.dumps({"compiler": "mypyc", "sources": digests}, indent=1) + "\n")


def extensions() -> list:
    """The compiled modules to build; none when switched off or when mypyc cannot compile the sources, and then the
    record of an earlier build goes, so that modules compiled from older sources are not taken for current ones."""
    if os.environ.get("VNNEWS_NO_EXTENSIONS") == "1":
        return []
    try:
        from mypyc.build import mypycify

        modules = mypycify(SOURCES, opt_level="3", group_name="vnnews.extract.compiled")
    except (ImportError, SystemExit) as exc:  # mypyc missing, or its type check failed: it has printed why
        print(f"vnnews: extraction modules not compiled ({exc!r}); the sources will run", file=sys.stderr)
        Path("vnnews/extract", RECORD).unlink(missing_ok=True)
        return []
    for module in modules:
        module.optional = True  # no C compiler: the sources run
    return modules


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildExtRecordingSources})

"""frontwatch's busiest stages compiled to C with mypyc, used only when built from the sources
beside them.

Finding claim candidates, attributing them, scanning sentences for the lexicons' patterns,
reading the parse, applying the claim model and choosing among a name's namesakes are plain
Python run for every sentence of every article. `scripts/compile.py` compiles those modules
(`MODULES`) with mypyc, from the same typed sources, into one library; the same code then does
the same work in less time (bench/README.md has the figures).

Python finds a compiled module before its source, so after an edit it would run the old code.
The build records the hash of each source it compiled (`compiled.json`), and at import any
difference, or a library without its record, has every module of the set load from its
source: they call one another directly, not through the import system, so it is all or none.
`FRONTWATCH_COMPILED=0` in the environment loads the sources whatever the build.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent
MODULES = (
    "frontwatch.claims.attribution",
    "frontwatch.claims.candidates",
    "frontwatch.claims.model",
    "frontwatch.claims.scan",
    "frontwatch.claims.syntax",
    "frontwatch.places.resolve",
)
"""frontwatch's own stages after the parse; none of the parsers' wrappers (`nlp/`)."""
GROUP = "frontwatch.native"
"""The library the modules are compiled into (`frontwatch/native__mypyc.*`)."""
RECORD = "compiled.json"
OFF = "FRONTWATCH_COMPILED"


def source_of(module: str, package: Path = PACKAGE) -> Path:
    return package.joinpath(*module.split(".")[1:]).with_suffix(".py")


def fingerprint(package: Path = PACKAGE) -> dict[str, str]:
    """The hash of each module's source, and the interpreter the build is for."""
    hashes = {m: hashlib.sha256(source_of(m, package).read_bytes()).hexdigest() for m in MODULES}
    return {**hashes, "python": sys.implementation.cache_tag or ""}


def libraries(package: Path = PACKAGE) -> list[Path]:
    """The compiled files of the set lying in the package (the library, each module's stub)."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    stems = [GROUP.split(".")[-1] + "__mypyc", *(m.split(".")[-1] for m in MODULES)]
    folders = [package, *(source_of(m, package).parent for m in MODULES)]
    return sorted({folder / (stem + suffix) for stem, folder in zip(stems, folders, strict=True)
                   for suffix in suffixes if (folder / (stem + suffix)).exists()})


def state(package: Path = PACKAGE) -> str:
    """"source" (nothing built), "compiled" (built from these sources) or "stale"."""
    if not libraries(package):
        return "source"
    try:
        record = json.loads((package / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "stale"
    return "compiled" if record == fingerprint(package) else "stale"


class SourcesFirst(importlib.abc.MetaPathFinder):
    """Finds the set's modules as their `.py` sources, ahead of any compiled file."""

    def __init__(self, package: Path = PACKAGE) -> None:
        self.package = package

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, source_of(fullname, self.package))


def choose() -> None:
    """Called by the package before anything of the set is imported: keeps a current build,
    puts the sources first otherwise."""
    found = state()
    if found == "source" or (found == "compiled" and os.environ.get(OFF, "") != "0"):
        return
    if not _sources_first():
        sys.meta_path.insert(0, SourcesFirst())


def in_use() -> str:
    """What this process runs: "compiled", or "source" (nothing built, a stale build, or
    `FRONTWATCH_COMPILED=0`)."""
    return "source" if _sources_first() else "compiled" if state() == "compiled" else "source"


def _sources_first() -> bool:
    return any(isinstance(finder, SourcesFirst) for finder in sys.meta_path)


__all__ = ["GROUP", "MODULES", "SourcesFirst", "choose", "fingerprint", "in_use", "libraries", "source_of", "state"]

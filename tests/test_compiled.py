"""The compiled build of frontwatch's busiest modules: used only when built from the sources
beside it, and giving what the sources give."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from frontwatch import compiled

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def _package(tmp_path: Path) -> Path:
    """A copy of the compiled set's sources, laid out as in the package."""
    package = tmp_path / "frontwatch"
    for module in compiled.MODULES:
        target = compiled.source_of(module, package)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(compiled.source_of(module), target)
    return package


def _built(package: Path) -> None:
    """A library file where a build puts it (its content does not matter to the check)."""
    (package / ("native__mypyc" + importlib.machinery.EXTENSION_SUFFIXES[0])).write_bytes(b"")


def test_nothing_built_runs_the_sources(tmp_path: Path) -> None:
    assert compiled.state(_package(tmp_path)) == "source"


def test_a_build_without_its_record_is_stale(tmp_path: Path) -> None:
    package = _package(tmp_path)
    _built(package)
    assert compiled.state(package) == "stale"


def test_a_build_is_current_until_a_source_changes(tmp_path: Path) -> None:
    package = _package(tmp_path)
    _built(package)
    (package / compiled.RECORD).write_text(json.dumps(compiled.fingerprint(package)), encoding="utf-8")
    assert compiled.state(package) == "compiled"
    edited = compiled.source_of("frontwatch.claims.scan", package)
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEDITED = True\n", encoding="utf-8")
    assert compiled.state(package) == "stale"


def test_a_build_for_another_interpreter_is_stale(tmp_path: Path) -> None:
    package = _package(tmp_path)
    _built(package)
    record = {**compiled.fingerprint(package), "python": "cpython-399"}
    (package / compiled.RECORD).write_text(json.dumps(record), encoding="utf-8")
    assert compiled.state(package) == "stale"


def test_sources_first_finds_each_module_of_the_set_as_its_source(tmp_path: Path) -> None:
    package = _package(tmp_path)
    finder = compiled.SourcesFirst(package)
    spec = finder.find_spec("frontwatch.claims.candidates", None)
    assert spec is not None and spec.origin == str(package / "claims" / "candidates.py")
    assert isinstance(spec.loader, importlib.machinery.SourceFileLoader)
    assert finder.find_spec("frontwatch.claims.lexicon", None) is None  # not compiled: found as usual


def _require_current_build() -> None:
    if compiled.state() != "compiled":
        pytest.skip("no current compiled build in this checkout (python scripts/compile.py)")


def test_a_current_build_is_what_runs() -> None:
    _require_current_build()
    import frontwatch.claims.candidates
    import frontwatch.places.resolve

    assert compiled.in_use() == "compiled"
    for module in (frontwatch.claims.candidates, frontwatch.places.resolve):
        assert isinstance(module.__loader__, importlib.machinery.ExtensionFileLoader)


_DUMP = """
import json, sys
from pathlib import Path
from frontwatch import compiled
from frontwatch.claims import Extractor
from frontwatch.ingest import read_paths
from frontwatch.records import Document
documents = [d for d in read_paths([Path(sys.argv[1])]) if isinstance(d, Document)]
rows = []
for x in Extractor().extract(documents):
    rows += [[x.document.id, "claim", c.place.geonameid, c.kind, c.actor, c.stance, c.source.name,
              c.source.side, str(c.date), c.evidence_start, c.evidence_end, c.confidence] for c in x.claims]
    rows += [[x.document.id, "mention", m.start, m.end, m.place.geonameid, m.how, m.score] for m in x.mentions]
print(json.dumps({"in_use": compiled.in_use(), "rows": rows}))
"""


def _extract_samples(**env: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _DUMP, str(SAMPLES)], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=REPO, timeout=600, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.models
def test_compiled_and_source_give_the_same_claims_and_places_to_the_bit() -> None:
    """Every claim (its confidence included) and place mention of the bundled samples."""
    _require_current_build()
    built = _extract_samples()
    source = _extract_samples(FRONTWATCH_COMPILED="0")
    assert (built["in_use"], source["in_use"]) == ("compiled", "source")
    assert built["rows"] and built["rows"] == source["rows"]

"""Compile frontwatch's busiest modules with mypyc, in place (frontwatch/compiled.py says which
and why).

    python scripts/compile.py            build when the sources changed since the last build
    python scripts/compile.py --force    build anyway
    python scripts/compile.py --clean    remove the build: frontwatch runs from its sources

Needs mypy (mypyc ships with it: the test extra installs it) and a C compiler. Without them, or
when the build fails, it says so in one line and exits 1, and frontwatch runs from its sources
as before. The mypy settings are the project's (pyproject.toml); floating-point sums are
compiled without fused multiply-adds, so the compiled code computes what the sources compute,
to the bit.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUILD = REPO / "build" / "compiled"


def clean() -> None:
    from frontwatch import compiled

    for path in compiled.libraries():
        path.unlink()
    (compiled.PACKAGE / compiled.RECORD).unlink(missing_ok=True)


def build() -> None:
    from frontwatch import compiled

    try:
        from mypyc.build import mypycify
        from setuptools import Distribution
    except ImportError as exc:
        raise SystemExit(f"scripts/compile.py: cannot compile, {exc.name} is not installed "
                         "(pip install mypy setuptools); frontwatch runs from its sources") from exc
    os.chdir(REPO)  # the build writes beside the sources, named relative to here
    clean()  # a failed build leaves nothing stale behind
    shutil.rmtree(BUILD, ignore_errors=True)
    BUILD.mkdir(parents=True)
    sources = [str(compiled.source_of(m).relative_to(REPO)) for m in compiled.MODULES]
    log = BUILD / "build.log"
    record = compiled.fingerprint()  # of the sources as compiled, should one change meanwhile
    print(f"scripts/compile.py: compiling {len(sources)} modules with mypyc (a few minutes)", file=sys.stderr)
    start = time.monotonic()
    try:
        with log.open("w", encoding="utf-8") as out, redirect_stdout(out), redirect_stderr(out):
            extensions = mypycify(["--config-file", "pyproject.toml", *sources], group_name=compiled.GROUP,
                                  target_dir=str(BUILD / "c"))
            for extension in extensions:
                extension.extra_compile_args = [*(extension.extra_compile_args or []), "-ffp-contract=off"]
            distribution = Distribution({"name": "frontwatch-compiled", "ext_modules": extensions})
            command = distribution.get_command_obj("build_ext")
            command.inplace = True
            command.build_temp = str(BUILD / "temp")
            command.build_lib = str(BUILD / "lib")
            distribution.run_command("build_ext")
    except (Exception, SystemExit) as exc:
        clean()
        # The compiler's own error is in the exception; mypy's type errors end the log.
        said = str(exc) if not isinstance(exc, SystemExit) else " | ".join(
            log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:])
        raise SystemExit(f"scripts/compile.py: the build failed ({type(exc).__name__}: {said}; "
                         f"whole log in {log.relative_to(REPO)}); frontwatch runs from its sources") from None
    (compiled.PACKAGE / compiled.RECORD).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n",
                                                    encoding="utf-8")
    print(f"scripts/compile.py: compiled {len(compiled.MODULES)} modules in {time.monotonic() - start:.0f} s",
          file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="build even when the build is current")
    parser.add_argument("--clean", action="store_true", help="remove the build")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from frontwatch import compiled

    if args.clean:
        clean()
    elif args.force or compiled.state() != "compiled":
        build()


if __name__ == "__main__":
    main()

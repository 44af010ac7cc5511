"""Extraction throughput: frontwatch's full extraction against the bare spaCy model.

For each language, on the same documents, it times

- bare: `nlp.pipe(texts)` of the language's spaCy pipeline as `frontwatch.nlp.pipeline`
  loads it, before frontwatch adds its components (a fresh, uncached object);
- full: `frontwatch.claims.Extractor().extract(documents)`, i.e. the same parse plus place
  resolution, claims, attribution and dates, with Extraction records built;

after a warm-up pass of each, over several interleaved repetitions, and prints the median
documents/s and tokens/s of each and their ratio (full / bare; goal >= 0.70). Tokens are the
bare model's tokens, so both rates count the same units. Peak memory is the process's
maxrss (and, with --tracemalloc, Python's own allocation peak during one full pass).

Documents: the bundled `samples/` plus, when present, the articles of the shared dev set
(`../shared/eval/dev/**/*.json`, their `text`, `lang`, `url` and `published` read at run
time).

    python bench/bench_extract.py
    python bench/bench_extract.py --repeat 7 --lang fr --json
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy

from frontwatch import compiled
from frontwatch.claims import Extractor
from frontwatch.errors import FrontwatchError
from frontwatch.ingest import read_paths
from frontwatch.ingest.dumps import document_from_record
from frontwatch.nlp.langid import detect_language
from frontwatch.nlp.pipeline import load_pipeline, pipeline_spec, supported_languages
from frontwatch.records import Document

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
DEV = REPO.parent / "shared" / "eval" / "dev"
GOAL = 0.70


def load_documents(samples: Path, dev: Path | None) -> tuple[list[Document], dict[str, int]]:
    """The benchmark corpus and how many documents each origin gave."""
    documents = [d for d in read_paths([samples]) if isinstance(d, Document)]
    counts = {"samples": len(documents)}
    if dev is not None and dev.is_dir():
        before = len(documents)
        for path in sorted(dev.rglob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            fields = {k: record.get(k) for k in ("id", "text", "url", "lang", "published")}
            try:
                documents.append(document_from_record(fields, str(path)))
            except FrontwatchError as exc:
                print(f"skipping {path.name}: {exc}", file=sys.stderr)
        counts["dev"] = len(documents) - before
    return documents, counts


def by_language(documents: Iterable[Document]) -> dict[str, list[Document]]:
    groups: dict[str, list[Document]] = {}
    for document in documents:
        lang = document.lang or detect_language(document.text) or "?"
        groups.setdefault(lang, []).append(document)
    return groups


def bare_pipeline(lang: str) -> Any:
    """The language's pipeline exactly as `load_pipeline` builds it, but a fresh object:
    `Extractor.pipeline` adds frontwatch's components to the cached one."""
    return load_pipeline.__wrapped__(lang)  # type: ignore[attr-defined]


def time_it(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def maxrss_mib() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS


def bench_language(lang: str, documents: list[Document], *, repeat: int, batch_size: int,
                   trace: bool) -> dict[str, Any]:
    texts = [d.text for d in documents]
    bare = bare_pipeline(lang)
    extractor = Extractor(batch_size=batch_size)

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=batch_size):
            pass

    def run_full() -> None:
        for _ in extractor.extract(documents):
            pass

    spec = pipeline_spec(lang)
    whole = spacy.load(str(spec["model"])) if spec.get("model") else None

    def run_whole() -> None:
        assert whole is not None
        for _ in whole.pipe(texts, batch_size=batch_size):
            pass

    tokens = sum(len(doc) for doc in bare.pipe(texts, batch_size=batch_size))  # warm-up, bare
    claims = sum(len(x.claims) for x in extractor.extract(documents))  # warm-up, full
    if whole is not None:
        run_whole()
    bare_times, full_times, whole_times = [], [], []
    for _ in range(repeat):  # interleaved, so drift on a shared machine hits both alike
        bare_times.append(time_it(run_bare))
        full_times.append(time_it(run_full))
        if whole is not None:
            whole_times.append(time_it(run_whole))
    traced_peak = None
    if trace:
        tracemalloc.start()
        run_full()
        traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    bare_s, full_s = statistics.median(bare_times), statistics.median(full_times)
    whole_s = statistics.median(whole_times) if whole_times else None
    return {
        "lang": lang,
        "model": spec.get("model") or f"blank:{spec.get('blank', lang)}",
        "docs": len(documents),
        "chars": sum(len(t) for t in texts),
        "tokens": tokens,
        "claims": claims,
        "bare_s": bare_s,
        "full_s": full_s,
        "bare_docs_per_s": len(documents) / bare_s,
        "full_docs_per_s": len(documents) / full_s,
        "bare_tokens_per_s": tokens / bare_s,
        "full_tokens_per_s": tokens / full_s,
        "ratio": bare_s / full_s,
        "whole_model_s": whole_s,
        "ratio_vs_whole_model": (whole_s / full_s) if whole_s else None,
        "bare_runs_s": bare_times,
        "full_runs_s": full_times,
        "maxrss_mib_after": maxrss_mib(),
        "tracemalloc_peak_mib": traced_peak,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed repetitions (median)")
    parser.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch")
    parser.add_argument("--lang", action="append", help="only this language (repeatable)")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="sample folder")
    parser.add_argument("--dev", type=Path, default=DEV,
                        help="gold dev folder, used when present (default: ../shared/eval/dev)")
    parser.add_argument("--no-dev", action="store_true", help="samples only")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also measure Python's allocation peak during one full pass")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    documents, origins = load_documents(args.samples, None if args.no_dev else args.dev)
    groups = by_language(documents)
    supported = set(supported_languages())
    results, skipped = [], {}
    for lang in sorted(groups):
        if args.lang and lang not in args.lang:
            continue
        if lang not in supported:
            skipped[lang] = f"{len(groups[lang])} docs, no pipeline"
            continue
        try:
            results.append(bench_language(lang, groups[lang], repeat=args.repeat,
                                          batch_size=args.batch_size, trace=args.tracemalloc))
        except FrontwatchError as exc:
            skipped[lang] = f"{len(groups[lang])} docs, {exc}"
        print(f"  {lang}: done", file=sys.stderr)

    report = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "frontwatch_code": compiled.in_use(),
        "repeat": args.repeat,
        "batch_size": args.batch_size,
        "documents": origins,
        "languages": results,
        "skipped": skipped,
        "peak_maxrss_mib": maxrss_mib(),
        "goal_ratio": GOAL,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


def print_table(report: dict[str, Any]) -> None:
    origins = ", ".join(f"{n} {k}" for k, n in report["documents"].items())
    print(f"extraction vs bare spaCy: {origins} documents; median of {report['repeat']} runs "
          f"after a warm-up; batch {report['batch_size']}; Python {report['python']}; "
          f"frontwatch's stages from {report['frontwatch_code']} (frontwatch/compiled.py)")
    head = (f"{'lang':4} {'model':24} {'docs':>5} {'tokens':>7} {'claims':>6} "
            f"{'bare doc/s':>10} {'full doc/s':>10} {'bare tok/s':>10} {'full tok/s':>10} "
            f"{'ratio':>6}      {'vs whole model':>14}")
    print(head)
    print("-" * len(head))
    for r in report["languages"]:
        mark = "ok" if r["ratio"] >= GOAL else f"< {GOAL}"
        print(f"{r['lang']:4} {r['model'][:24]:24} {r['docs']:>5} {r['tokens']:>7} "
              f"{r['claims']:>6} {r['bare_docs_per_s']:>10.1f} {r['full_docs_per_s']:>10.1f} "
              f"{r['bare_tokens_per_s']:>10.0f} {r['full_tokens_per_s']:>10.0f} "
              f"{r['ratio']:>6.2f} {mark:5} {_whole(r):>14}")
    for lang, why in report["skipped"].items():
        print(f"{lang:4} skipped: {why}")
    print(f"peak memory (maxrss): {report['peak_maxrss_mib']:.0f} MiB", end="")
    traced = [r["tracemalloc_peak_mib"] for r in report["languages"] if r["tracemalloc_peak_mib"]]
    if traced:
        print(f"; tracemalloc peak of one full pass: {max(traced):.0f} MiB", end="")
    print()
    print(f"ratio = full docs/s / bare docs/s of the same configured pipeline (goal >= {GOAL})")
    print("vs whole model = full docs/s / docs/s of the packaged spaCy model with every component")


def _whole(result: dict[str, Any]) -> str:
    ratio = result.get("ratio_vs_whole_model")
    return f"{ratio:.2f}" if ratio else "-"


if __name__ == "__main__":
    sys.exit(main())

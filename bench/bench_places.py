"""Place lookup cost per document: `PlaceFinder.find` alone, without the spaCy parse.

For each language it times the toponym spotting and resolution of every article of the
shared gold sets (`../shared/eval/train` and `dev`, their `text` and `lang` read at run time)
plus the bundled samples: one cold pass on a fresh finder (empty lookup cache, gazetteer
already loaded), then `--repeat` warm passes. It prints the median milliseconds per document
and per 1,000 characters, and the time to load the gazetteer.

    python bench/bench_places.py
    python bench/bench_places.py --repeat 7 --json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from frontwatch.places import Gazetteer, PlaceFinder
from frontwatch.places.gazetteer import DEFAULT_PATH

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"


def documents() -> list[tuple[str, str]]:
    """(lang, text) of every gold article and bundled sample."""
    found: list[tuple[str, str]] = []
    for folder in (SHARED / "train", SHARED / "dev"):
        for path in sorted(folder.glob("**/*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            found.append((str(data.get("lang") or ""), str(data["text"])))
    for path in sorted((REPO / "samples").glob("*.txt")):
        lang = path.stem.rsplit("_", 1)[-1]
        found.append((lang if lang in ("fr", "en", "uk", "ru") else "", path.read_text("utf-8")))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="warm passes (default 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    gazetteer = Gazetteer.read(DEFAULT_PATH)
    load_s = time.perf_counter() - began
    docs = documents()
    if not docs:
        print("no documents: ../shared/eval is absent and samples/ is empty", file=sys.stderr)
        return 1
    rows = []
    for lang in sorted({lang for lang, _ in docs}):
        texts = [text for doc_lang, text in docs if doc_lang == lang]
        chars = sum(len(t) for t in texts)
        finder = PlaceFinder(gazetteer)
        start = time.perf_counter()
        for text in texts:
            finder.find(text, lang=lang)
        cold = time.perf_counter() - start
        warm = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for text in texts:
                finder.find(text, lang=lang)
            warm.append(time.perf_counter() - start)
        median = statistics.median(warm)
        rows.append({
            "lang": lang or "?", "docs": len(texts), "chars": chars,
            "cold_ms_per_doc": round(1000 * cold / len(texts), 2),
            "warm_ms_per_doc": round(1000 * median / len(texts), 2),
            "warm_ms_per_1k_chars": round(1000 * median / chars * 1000, 3),
        })
    result = {"gazetteer_load_s": round(load_s, 2), "gazetteer_bytes": DEFAULT_PATH.stat().st_size,
              "repeat": args.repeat, "languages": rows}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"gazetteer: {DEFAULT_PATH.stat().st_size / 1e6:.2f} MB, loaded in {load_s:.2f} s")
    print(f"{'lang':<5}{'docs':>6}{'chars':>9}{'cold ms/doc':>13}{'warm ms/doc':>13}{'ms/1k chars':>13}")
    for row in rows:
        print(f"{row['lang']:<5}{row['docs']:>6}{row['chars']:>9}{row['cold_ms_per_doc']:>13}"
              f"{row['warm_ms_per_doc']:>13}{row['warm_ms_per_1k_chars']:>13}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

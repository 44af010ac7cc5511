"""Place lookup cost per document: `PlaceFinder.find` alone, without the spaCy parse.

For each language it times the toponym spotting and resolution of every article of the
shared gold sets (`../shared/eval/train` and `dev`, their `text` and `lang` read at run time)
plus the bundled samples: one cold pass on a fresh finder (empty lookup cache, gazetteer
already loaded), then `--repeat` warm passes. It prints the median milliseconds per document
and per 1,000 characters, and the time to load the gazetteer.

`--cpu` counts the process's CPU time instead of wall time: on a machine shared with other
work it moves far less between runs.

`--against CHECKOUT` times another checkout of frontwatch (its own code and gazetteer) on the
same documents in the same run, alternating the two `--rounds` times so that a busy machine
weighs on both alike, and prints both with their ratio. `--place-test` also runs the full
place test of `frontwatch eval-places` and prints its figures.

    python bench/bench_places.py
    python bench/bench_places.py --repeat 7 --json
    python bench/bench_places.py --against ../main --rounds 3
    python bench/bench_places.py --against ../main --rounds 9 --cpu
    python bench/bench_places.py --place-test
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

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


def measure(repeat: int, *, cpu: bool = False) -> dict[str, Any]:
    """Figures of the frontwatch this interpreter imports, as `--json` prints them."""
    clock = time.process_time if cpu else time.perf_counter
    began = clock()
    gazetteer = Gazetteer.read(DEFAULT_PATH)
    load_s = clock() - began
    docs = documents()
    rows = []
    for lang in sorted({lang for lang, _ in docs}):
        texts = [text for doc_lang, text in docs if doc_lang == lang]
        chars = sum(len(t) for t in texts)
        finder = PlaceFinder(gazetteer)
        start = clock()
        for text in texts:
            finder.find(text, lang=lang)
        cold = clock() - start
        warm = []
        for _ in range(repeat):
            start = clock()
            for text in texts:
                finder.find(text, lang=lang)
            warm.append(clock() - start)
        median = statistics.median(warm)
        rows.append({
            "lang": lang or "?", "docs": len(texts), "chars": chars,
            "cold_ms_per_doc": round(1000 * cold / len(texts), 2),
            "warm_ms_per_doc": round(1000 * median / len(texts), 2),
            "warm_ms_per_1k_chars": round(1000 * median / chars * 1000, 3),
        })
    return {"gazetteer_load_s": round(load_s, 2), "gazetteer_bytes": DEFAULT_PATH.stat().st_size,
            "repeat": repeat, "clock": "cpu" if cpu else "wall", "languages": rows}


def measure_checkout(checkout: Path, repeat: int, *, cpu: bool = False) -> dict[str, Any]:
    """`measure` in a child interpreter that imports frontwatch from `checkout`."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, __file__, "--json", "--repeat", str(repeat), *(["--cpu"] if cpu else [])]
    done = subprocess.run(command, env=env, cwd=checkout, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def compare(other: Path, rounds: int, repeat: int, *, cpu: bool = False) -> dict[str, Any]:
    """This checkout and `other`, alternating; per language the median over the rounds."""
    runs: dict[str, list[dict[str, Any]]] = {"this": [], "other": []}
    for _ in range(rounds):
        runs["this"].append(measure_checkout(REPO, repeat, cpu=cpu))
        runs["other"].append(measure_checkout(other, repeat, cpu=cpu))
    table = []
    for row in runs["this"][0]["languages"]:
        lang = row["lang"]

        def median(side: str, key: str, lang: str = lang) -> float:
            return float(statistics.median(
                r[key] for run in runs[side] for r in run["languages"] if r["lang"] == lang))

        this_ms, other_ms = median("this", "warm_ms_per_doc"), median("other", "warm_ms_per_doc")
        table.append({"lang": lang, "docs": row["docs"],
                      "this_warm_ms_per_doc": this_ms, "other_warm_ms_per_doc": other_ms,
                      "this_cold_ms_per_doc": median("this", "cold_ms_per_doc"),
                      "other_cold_ms_per_doc": median("other", "cold_ms_per_doc"),
                      "ratio": round(this_ms / other_ms, 3) if other_ms else None})
    return {
        "other": str(other), "rounds": rounds, "repeat": repeat, "languages": table,
        "this_load_s": statistics.median(r["gazetteer_load_s"] for r in runs["this"]),
        "other_load_s": statistics.median(r["gazetteer_load_s"] for r in runs["other"]),
    }


def place_test() -> dict[str, Any]:
    """The full generated place test (what `frontwatch eval-places` prints)."""
    from frontwatch.cli.eval_places import report_as_dict
    from frontwatch.places.placetest import generate, run

    source = REPO.parent / "shared" / "data" / "gazetteer"
    report = run(generate(source), PlaceFinder(Gazetteer.load()))
    return report_as_dict(report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="warm passes (default 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--against", type=Path, help="another frontwatch checkout to time too")
    parser.add_argument("--rounds", type=int, default=3, help="alternations with --against")
    parser.add_argument("--place-test", action="store_true", help="also run the full place test")
    parser.add_argument("--cpu", action="store_true", help="count CPU time instead of wall time")
    args = parser.parse_args(argv)
    if not documents():
        print("no documents: ../shared/eval is absent and samples/ is empty", file=sys.stderr)
        return 1
    if args.against is not None:
        if not (args.against / "frontwatch" / "places").is_dir():
            parser.error(f"{args.against}: not a frontwatch checkout")
        result = compare(args.against.resolve(), args.rounds, args.repeat, cpu=args.cpu)
    else:
        result = measure(args.repeat, cpu=args.cpu)
    if args.place_test:
        result["place_test"] = place_test()
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    if args.against is not None:
        print(f"this checkout vs {result['other']} (median of {args.rounds} alternating rounds, "
              f"{'CPU' if args.cpu else 'wall'} time)")
        print(f"gazetteer load: {result['this_load_s']:.2f} s vs {result['other_load_s']:.2f} s")
        print(f"{'lang':<5}{'docs':>6}{'warm ms/doc':>13}{'other':>9}{'ratio':>8}"
              f"{'cold ms/doc':>13}{'other':>9}")
        for row in result["languages"]:
            print(f"{row['lang']:<5}{row['docs']:>6}{row['this_warm_ms_per_doc']:>13}"
                  f"{row['other_warm_ms_per_doc']:>9}{row['ratio']:>8}"
                  f"{row['this_cold_ms_per_doc']:>13}{row['other_cold_ms_per_doc']:>9}")
    else:
        print(f"gazetteer: {result['gazetteer_bytes'] / 1e6:.2f} MB, loaded in "
              f"{result['gazetteer_load_s']:.2f} s")
        print(f"{'lang':<5}{'docs':>6}{'chars':>9}{'cold ms/doc':>13}{'warm ms/doc':>13}"
              f"{'ms/1k chars':>13}")
        for row in result["languages"]:
            print(f"{row['lang']:<5}{row['docs']:>6}{row['chars']:>9}{row['cold_ms_per_doc']:>13}"
                  f"{row['warm_ms_per_doc']:>13}{row['warm_ms_per_1k_chars']:>13}")
    if args.place_test:
        test = result["place_test"]
        print(f"place test: {test['overall']['accuracy']:.3f} overall "
              f"({test['overall']['right']:,}/{test['overall']['total']:,})")
        for table in ("by_lang", "by_group", "by_case", "by_lang_case"):
            print("  " + ", ".join(f"{k} {v['accuracy']:.3f}" for k, v in test[table].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

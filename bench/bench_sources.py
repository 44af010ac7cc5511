"""Layer agreement and source track records on the gold train and dev articles.

Ingests the articles of `../shared/eval/train` and `../shared/eval/dev` (their text, id, url,
lang and published fields, read at run time) into a SQLite store with today's extractor,
imports the DeepState daily layer with `frontwatch layer import`, and prints what
`frontwatch layer compare` and `frontwatch sources` say: agreement per status and the source
table. With `--gold`, the same again on a second store holding the annotators' own claims
instead of the extracted ones: what the reconciliation rules reach when the claims are right.

    python bench/bench_sources.py                 # extract, import, compare (a few minutes)
    python bench/bench_sources.py --db /tmp/s.db  # keep the store: the next run re-extracts
                                                  # only articles the extractor changed for
    python bench/bench_sources.py --gold --json   # also the gold claims; machine-readable

Documented in bench/README.md ("Layer agreement and sources").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.ingest.dumps import document_from_record
from frontwatch.records import Claim, Document, Extraction, PartialDate, Source
from frontwatch.store import Store
from frontwatch.store.layers import PREDICTIONS, compare, layers, source_records

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"
LAYER = SHARED / "data" / "control" / "deepstate-occupied-daily.jsonl.gz"
LAYER_NAME = "deepstate"
GOAL = 0.80


def gold_files(folders: list[Path]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for folder in folders:
        for path in sorted(folder.rglob("*.json")):
            yield path, json.loads(path.read_text(encoding="utf-8"))


def document_of(path: Path, record: dict[str, Any]) -> Document:
    fields = {k: record.get(k) for k in ("id", "text", "url", "lang", "published")}
    return document_from_record(fields, str(path))


def ingest_extracted(store: Store, folders: list[Path]) -> dict[str, int]:
    """Extract and store every gold article whose stored version is not this extractor's."""
    from frontwatch.claims import Extractor

    extractor = Extractor()
    documents = [document_of(path, record) for path, record in gold_files(folders)]
    todo = [d for d in documents if store.stored_version(d.id) != extractor.version]
    for extraction in extractor.extract(todo):
        store.add_extraction(extraction, force=True)
    return {"articles": len(documents), "extracted": len(todo)}


def ingest_gold(store: Store, folders: list[Path]) -> dict[str, int]:
    """Store the annotators' claims, each place resolved by name and region in the gazetteer."""
    from frontwatch.places import Gazetteer

    gazetteer = Gazetteer.load()
    counts = {"articles": 0, "claims": 0, "unresolved": 0}
    for path, record in gold_files(folders):
        document = document_of(path, record)
        claims = []
        for gold in record.get("claims", []):
            found = gazetteer.search(gold["place"], admin1=gold.get("admin1") or None)
            if not found:
                counts["unresolved"] += 1
                continue
            start = max(document.text.find(gold["evidence"]), 0)
            claims.append(Claim(
                doc=document.id, place=found[0], place_mention=gold.get("place_mention") or "",
                kind=gold["kind"], actor=gold["actor"], stance=gold["stance"],
                source=Source(gold["source"], gold["source_side"]),
                date=PartialDate.parse(gold["date"]) if gold.get("date") else None,
                evidence=gold["evidence"], evidence_start=start,
                evidence_end=start + len(gold["evidence"]), confidence=1.0,
            ))
        store.add_places(c.place for c in claims)
        store.add_extraction(Extraction(document, (), tuple(claims), "gold"))
        counts["articles"] += 1
        counts["claims"] += len(claims)
    return counts


def import_layer_cli(db: str, path: Path) -> None:
    """`frontwatch layer import`, as a user runs it (skipped when already imported)."""
    if any(info.name == LAYER_NAME and info.source == str(path) for info in _layers(db)):
        return
    subprocess.run([sys.executable, "-m", "frontwatch", "layer", "import", LAYER_NAME, str(path),
                    "--db", db], check=True, stdout=sys.stderr)


def _layers(db: str) -> list[Any]:
    with Store.open(db) as store:
        return layers(store)


def measure(db: str, within: int) -> dict[str, Any]:
    with Store.open(db) as store:
        started = time.perf_counter()
        result = compare(store, LAYER_NAME, within=within)
        compared = time.perf_counter() - started
        started = time.perf_counter()
        records = source_records(store, layer_names=[LAYER_NAME], within=within)
        tracked = time.perf_counter() - started
    share = result.agreement
    return {
        "pairs": result.pairs,
        "agree": result.agree,
        "disagree": result.disagree,
        "agreement": round(share, 4) if share is not None else None,
        "by_status": result.by_status,
        "sources": [r.as_dict() for r in records],
        "seconds": {"compare": round(compared, 1), "sources": round(tracked, 1)},
        "_records": records,
    }


def print_report(title: str, report: dict[str, Any], *, within: int, top: int) -> None:
    from rich.console import Console

    from frontwatch.cli.sources import render_table

    console = Console(highlight=False, width=100)
    share = report["agreement"]
    mark = "" if share is None else (" (goal met)" if share >= GOAL else f" (< {GOAL:.2f})")
    console.print(f"\n[bold]{title}[/bold]: {report['pairs']} (place, date) pairs; confirmed and "
                  f"partial statuses agree with the layer: "
                  f"{'n/a' if share is None else f'{share:.3f}'}"
                  f" ({report['agree']} / {report['agree'] + report['disagree']}){mark}")
    for status, counts in report["by_status"].items():
        if status in PREDICTIONS:
            decided = counts.get("agrees", 0) + counts.get("disagrees", 0)
            what = f"agree {counts.get('agrees', 0)}/{decided}"
        elif "median_lag" in counts:
            lag = counts["median_lag"]
            what = (f"confirmed within {within} d {counts.get('confirmed', 0)}, not yet "
                    f"{counts.get('not yet', 0)}, contradicted {counts.get('contradicted', 0)}"
                    + (f", median lag {lag:g} d" if lag is not None else ""))
        else:
            what = "not scored"
        unmapped = counts.get("not comparable", 0) if status in PREDICTIONS else 0
        console.print(f"  {status:<13} pairs {counts['pairs']:>3}  {what}"
                      + (f" ({unmapped} not mapped by the layer)" if unmapped else ""))
    render_table(console, report["_records"][:top], within=within)
    console.print(f"compare {report['seconds']['compare']} s, sources "
                  f"{report['seconds']['sources']} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="folder with train/ and dev/")
    parser.add_argument("--layer", type=Path, default=LAYER, help="the DeepState daily layer")
    parser.add_argument("--db", help="SQLite file to keep (default: a temporary one)")
    parser.add_argument("--within", type=int, default=30, help="days for claimed statuses")
    parser.add_argument("--gold", action="store_true", help="also on the annotators' claims")
    parser.add_argument("--gold-db", help="SQLite file to keep the gold store in")
    parser.add_argument("--top", type=int, default=20, help="sources in the printed table")
    parser.add_argument("--json", action="store_true", help="print JSON instead")
    args = parser.parse_args(argv)
    folders = [args.eval / "train", args.eval / "dev"]
    missing = [str(p) for p in (*folders, args.layer) if not p.exists()]
    if missing:
        print(f"bench_sources: not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        stores = {"extracted": args.db or str(Path(scratch) / "extracted.db")}
        if args.gold or args.gold_db:
            stores["gold"] = args.gold_db or str(Path(scratch) / "gold.db")
        reports: dict[str, Any] = {}
        try:
            for name, db in stores.items():
                started = time.perf_counter()
                with Store.open(db) as store:
                    loaded = (ingest_gold(store, folders) if name == "gold"  # re-run: no-op
                              else ingest_extracted(store, folders))
                    # A kept store was reconciled by the rules of its day: measure today's.
                    store.refresh_statuses()
                import_layer_cli(db, args.layer)
                report = measure(db, args.within)
                report["ingest"] = {**loaded, "seconds": round(time.perf_counter() - started, 1)}
                reports[name] = report
        except FrontwatchError as exc:
            print(f"bench_sources: {exc}", file=sys.stderr)
            return 2
    if args.json:
        clean = {k: {key: v for key, v in r.items() if not key.startswith("_")}
                 for k, r in reports.items()}
        print(json.dumps({"within": args.within, "goal": GOAL, **clean}, indent=2,
                         ensure_ascii=False))
        return 0
    for name, report in reports.items():
        title = "extracted claims" if name == "extracted" else "gold claims"
        print_report(f"{title} ({report['ingest']})", report, within=args.within, top=args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

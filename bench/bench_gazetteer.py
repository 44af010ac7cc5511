"""Time to parse the packaged gazetteer, the cost each process pays once before it resolves a place.

    python bench/bench_gazetteer.py                  # 5 reads: median, fastest, slowest
    python bench/bench_gazetteer.py --repeat 9 --json

Each round parses `frontwatch/data/gazetteer.tsv.gz` with `Gazetteer.read`, which skips the
per-process cache that `Gazetteer.load` keeps. The tests check that cache; the time is
measured here, since a timed unit test (it allowed 3 s) failed whenever the machine was busy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from frontwatch.places import Gazetteer
from frontwatch.places.gazetteer import DEFAULT_PATH


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="reads to time (default 5)")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    seconds: list[float] = []
    places = 0
    for _ in range(max(1, args.repeat)):
        began = time.perf_counter()
        places = len(Gazetteer.read(DEFAULT_PATH))
        seconds.append(time.perf_counter() - began)
    result = {
        "places": places,
        "reads": len(seconds),
        "median_s": round(statistics.median(seconds), 3),
        "min_s": round(min(seconds), 3),
        "max_s": round(max(seconds), 3),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"gazetteer: {places} places; read in {result['median_s']} s median "
          f"({result['min_s']}-{result['max_s']} s over {len(seconds)} reads)")


if __name__ == "__main__":
    main()

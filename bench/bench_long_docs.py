"""Extraction time of one long article: 10k, 100k and 1M characters, linear or not.

Each article is built from sentences written for this benchmark (place names, claims,
attributions, dates), cut to the exact length, and run through
`frontwatch.claims.Extractor().extract([document])` after a warm-up on a short one. It
prints, per length, CPU and wall seconds, characters per CPU second, the claims found, and
the CPU time divided by the 10k time scaled to the same length (1.0 = perfectly linear;
the cost of a quadratic step shows as a ratio that grows with length).

    python bench/bench_long_docs.py
    python bench/bench_long_docs.py --sizes 10000,100000 --lang fr --json
    python bench/bench_long_docs.py --whole --sizes 20000,80000,160000   # one spaCy doc, no segments

`--whole` runs each article as a single document (no segmenting), which is what the
extractor did before segments: the square-law growth is then visible.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import sys
import time
from typing import Any

from frontwatch.claims import Extractor
from frontwatch.records import Document

SENTENCES = {
    "en": (
        "Russian units pushed toward {a} on {day}, the regional governor said in a short statement.",
        "Ukrainian soldiers still hold two districts of {a}, a brigade spokesman told reporters.",
        "The general staff in Kyiv reported that an assault near {a} had been repelled overnight.",
        "A pro-Russian military blogger claimed that Moscow's forces had entered the outskirts of {a}.",
        "Russia's Defence Ministry said its troops had taken control of {a}, which Kyiv denied.",
        "Fighting continued around {a} and {b}, according to the Institute for the Study of War.",
        "Residents who left {a} last week described empty streets and burnt-out shops.",
        "Officials in {b} said that water and power had been cut for a third day.",
    ),
    "fr": (
        "Les unités russes ont progressé vers {a} {day}, a indiqué le gouverneur de la région.",
        "Les soldats ukrainiens tiennent toujours deux quartiers de {a}, selon un porte-parole.",
        "L'état-major ukrainien a affirmé qu'un assaut près de {a} avait été repoussé dans la nuit.",
        "Un blogueur militaire prorusse a assuré que les forces de Moscou étaient entrées dans {a}.",
        "Le ministère russe de la Défense a revendiqué la prise de {a}, ce que Kyiv dément.",
        "Les combats se poursuivent autour de {a} et de {b}, selon l'Institut pour l'étude de la guerre.",
        "Des habitants partis de {a} la semaine dernière décrivent des rues vides.",
        "À {b}, les autorités ont signalé des coupures d'eau et d'électricité.",
    ),
}
PLACES = ("Pokrovsk", "Toretsk", "Kurakhove", "Chasiv Yar", "Vuhledar", "Kupiansk", "Lyman",
          "Siversk", "Avdiivka", "Bakhmut", "Myrnohrad", "Kostiantynivka")
DAYS = {"en": ("Monday", "Tuesday", "Friday", "Sunday"), "fr": ("lundi", "mardi", "vendredi", "dimanche")}


def article(chars: int, lang: str, seed: int = 7) -> str:
    """An article of exactly `chars` characters: paragraphs of two to four sentences."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = [
            rng.choice(SENTENCES[lang]).format(a=rng.choice(PLACES), b=rng.choice(PLACES),
                                               day=rng.choice(DAYS[lang]))
            for _ in range(rng.randint(2, 4))
        ]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars].rstrip()


def run(extractor: Extractor, text: str, lang: str, whole: bool) -> dict[str, Any]:
    document = Document(id=f"bench-{len(text)}", text=text, lang=lang, origin="bench")
    extract = extractor._extract if whole else extractor.extract
    cpu, wall = time.process_time(), time.perf_counter()
    (extraction,) = list(extract([document]))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"chars": len(text), "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
            "chars_per_cpu_s": round(len(text) / cpu) if cpu else None,
            "claims": len(extraction.claims), "mentions": len(extraction.mentions)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="article lengths in characters, comma-separated")
    parser.add_argument("--lang", choices=sorted(SENTENCES), default="en")
    parser.add_argument("--whole", action="store_true",
                        help="one spaCy document per article (no segments), for comparison")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    extractor = Extractor()
    run(extractor, article(3000, args.lang, seed=1), args.lang, args.whole)  # load models
    rows = []
    for size in sizes:
        row = run(extractor, article(size, args.lang), args.lang, args.whole)
        base = rows[0] if rows else row
        row["vs_linear"] = round((row["cpu_s"] / row["chars"]) / (base["cpu_s"] / base["chars"]), 2) \
            if base["cpu_s"] else None
        rows.append(row)
        if not args.json:
            print(f"{row['chars']:>9,} chars  {row['cpu_s']:>8.2f} s CPU  {row['wall_s']:>8.2f} s wall  "
                  f"{row['chars_per_cpu_s'] or 0:>8,} chars/s  {row['claims']:>6} claims  "
                  f"x{row['vs_linear']} of linear", flush=True)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {"lang": args.lang, "segments": not args.whole, "rows": rows,
              "peak_rss_mib": round(peak_mib), "python": platform.python_version()}
    if args.json:
        json.dump(report, sys.stdout)
        print()
    else:
        print(f"peak RSS {peak_mib:,.0f} MiB; {'whole documents' if args.whole else 'segmented'}; "
              f"lang {args.lang}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

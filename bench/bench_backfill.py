"""Backfill benchmark: is the cost of storing a document flat, and does extraction scale?

1. Generates `--articles` (20,000) English and French articles of about 1,500 characters
   from sentence templates written for this bench. Coverage is skewed like real reporting:
   the front's places are drawn with Zipf weights, so a few hot towns collect most claims.
2. Extracts them once with the real extractor (`--extract-workers` processes; cached in
   `--work`, reused with `--reuse`).
3. Stores the extractions into a fresh SQLite file and, when a server is given (`--pg` or
   FRONTWATCH_TEST_PG_URL; its `public` schema is dropped first), PostgreSQL, the way
   `frontwatch ingest` does (`Store.add_extractions` per chunk of 32, then
   `refresh_backlog`), and prints ms/document of storing per block of `--block` documents,
   `--store-rounds` times into a fresh store, with the median of the rounds per block.
4. Ingests `--parallel-docs` articles end to end (extract and store, fresh SQLite each
   time) with 1 and 2 worker processes and 1 and 2 Ray actors, `--repeat` times in turn,
   and prints documents/s after warm-up, the 2-vs-1 ratios and the hours 1,000,000
   articles would take at each rate.

    python bench/bench_backfill.py                           # everything (about 30 min on 2 cores)
    python bench/bench_backfill.py --reuse --skip-parallel   # store phase again, same extractions
    python bench/bench_backfill.py --articles 2000 --block 500 --parallel-docs 320   # quick look
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

from frontwatch.batch import ExtractorSpec, chunked, open_runner, store_chunks
from frontwatch.ingest import read_paths
from frontwatch.records import Document, Extraction, InputFailure
from frontwatch.store import Store

# The front's places, hottest first: drawn with weight 1 / rank**1.1, the first ten get
# about half of all coverage.
PLACES = [
    "Pokrovsk", "Toretsk", "Chasiv Yar", "Kupiansk", "Kurakhove", "Vuhledar", "Siversk",
    "Kostiantynivka", "Myrnohrad", "Velyka Novosilka", "Avdiivka", "Bakhmut", "Selydove",
    "Ukrainsk", "Hirnyk", "Novohrodivka", "Krasnohorivka", "Marinka", "Kreminna", "Svatove",
    "Lyman", "Orikhiv", "Robotyne", "Huliaipole", "Vovchansk", "Lyptsi", "Klishchiivka",
    "Andriivka", "Ivanivske", "Bohdanivka", "Kalynivka", "Niu-York", "Pivnichne", "Zalizne",
    "Shcherbynivka", "Dyliivka", "Staromaiorske", "Urozhaine", "Torske", "Terny",
    "Bilohorivka", "Synkivka", "Petropavlivka", "Hlyboke", "Krynky", "Sudzha", "Druzhkivka",
    "Sloviansk", "Kramatorsk", "Dobropillia", "Pishchane", "Tsukuryne", "Karlivka",
    "Zhelanne", "Ocheretyne", "Prohres", "Berdychi", "Semenivka", "Netailove", "Umanske",
]

EN = {
    "capture": [
        "The Russian Ministry of Defence said on {day} that its troops had captured {place}.",
        "Moscow claimed full control of {place} on {day}, a statement from its defence ministry said.",
    ],
    "deny": [
        "Ukraine's General Staff denied that {place} had fallen and said its units still held the town.",
    ],
    "fighting": [
        "Heavy fighting continued in {place} on {day}, according to the Ukrainian army.",
        "Street battles were reported in {place}, the Institute for the Study of War said.",
    ],
    "advance": [
        "Russian forces advanced towards {place} on {day}, the DeepState project reported.",
    ],
    "repelled": [
        "Ukrainian units repelled a Russian assault on {place} on {day}, the General Staff said.",
    ],
    "presence": [
        "Russian troops entered the eastern outskirts of {place}, Ukrainian officials admitted on {day}.",
    ],
    "filler": [
        "Local authorities said the water supply had been cut for most of the remaining residents.",
        "Volunteers continued to evacuate elderly people and children from the surrounding villages.",
        "Power engineers worked through the night to restore electricity to the district hospital.",
        "Humanitarian convoys were delayed by damaged bridges and heavy rain on the main road.",
        "Officials in Kyiv urged allies to speed up deliveries of air defence systems and shells.",
        "Analysts noted that the pace of operations had slowed as the ground turned to mud.",
        "Drone footage shared online showed destroyed apartment blocks along the central avenue.",
        "Aid workers described queues for bread and medicine outside the last open pharmacy.",
        "The regional governor announced a curfew from nine in the evening until six in the morning.",
        "Schools in the area have moved all lessons online since the start of the autumn term.",
        "Rescue teams pulled two people from the rubble of a house hit overnight by a guided bomb.",
        "Farmers on the edge of the district said mines still covered many of their fields.",
        "A mobile bakery set up by a charity now feeds several hundred people a day in the town.",
        "The railway line to the regional centre reopened after repairs to the damaged track.",
        "Doctors at the field hospital said most of the wounded arrived at night by armoured ambulance.",
        "Refugees who left in spring told reporters they had little hope of returning before winter.",
    ],
    "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}

FR = {
    "capture": [
        "Le ministère russe de la Défense a affirmé {day} que ses troupes avaient pris le contrôle de {place}.",
        "Moscou a revendiqué {day} la prise de {place}, selon un communiqué de son armée.",
    ],
    "deny": [
        "L'état-major ukrainien a démenti la chute de {place} et assuré que ses unités tenaient la ville.",
    ],
    "fighting": [
        "De violents combats se poursuivaient {day} à {place}, selon l'armée ukrainienne.",
        "Des affrontements ont été signalés dans les rues de {place}, d'après l'Institut pour l'étude de la guerre.",
    ],
    "advance": [
        "Les forces russes ont progressé {day} en direction de {place}, selon le projet DeepState.",
    ],
    "repelled": [
        "Les unités ukrainiennes ont repoussé {day} un assaut russe contre {place}, a indiqué l'état-major.",
    ],
    "presence": [
        "Des soldats russes sont entrés dans la périphérie est de {place}, "
        "ont reconnu {day} des responsables ukrainiens.",
    ],
    "filler": [
        "Les autorités locales ont indiqué que l'eau courante était coupée "
        "pour la plupart des habitants restés sur place.",
        "Des bénévoles continuaient d'évacuer les personnes âgées et les enfants des villages voisins.",
        "Les techniciens ont travaillé toute la nuit pour rétablir l'électricité à l'hôpital du district.",
        "Les convois humanitaires ont été retardés par des ponts endommagés et de fortes pluies.",
        "Kyiv a de nouveau pressé ses alliés d'accélérer les livraisons de systèmes de défense aérienne.",
        "Selon des analystes, le rythme des opérations a ralenti à mesure que le sol se transformait en boue.",
        "Des images de drone diffusées en ligne montraient des immeubles détruits le long de l'avenue centrale.",
        "Des travailleurs humanitaires décrivent de longues files d'attente devant la dernière pharmacie ouverte.",
        "Le gouverneur de la région a annoncé un couvre-feu de vingt et une heures à six heures du matin.",
        "Les écoles du secteur assurent tous les cours en ligne depuis la rentrée.",
        "Les secouristes ont sorti deux personnes des décombres d'une maison touchée pendant la nuit.",
        "Des agriculteurs de la zone affirment que des mines couvrent encore une grande partie de leurs champs.",
        "Une boulangerie mobile installée par une association nourrit chaque jour plusieurs centaines de personnes.",
        "La ligne de chemin de fer vers le chef-lieu de la région a rouvert après la réparation des voies.",
        "À l'hôpital de campagne, les médecins expliquent que la plupart des blessés arrivent de nuit.",
        "Des habitants partis au printemps disent ne pas espérer revenir avant l'hiver.",
    ],
    "days": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
}

KINDS = ["capture", "deny", "fighting", "fighting", "advance", "repelled", "presence"]
TARGET_CHARS = 1500


def generate(count: int, seed: int) -> Iterator[dict[str, str]]:
    """Dump records ({lang, published, title, text}) of distinct generated articles."""
    rng = random.Random(seed)
    weights = [1 / (rank ** 1.1) for rank in range(1, len(PLACES) + 1)]
    start = date(2023, 1, 1)
    seen: set[str] = set()
    while len(seen) < count:
        lang = "fr" if rng.random() < 0.5 else "en"
        words = FR if lang == "fr" else EN
        published = start + timedelta(days=rng.randrange(3 * 365))
        focus = rng.choices(PLACES, weights)[0]
        others = rng.choices(PLACES, weights, k=2)
        sentences: list[str] = []
        for n in range(rng.randint(2, 5)):
            place = focus if n == 0 or rng.random() < 0.5 else rng.choice(others)
            template = rng.choice(words[rng.choice(KINDS)])
            sentences.append(template.format(place=place, day=rng.choice(words["days"])))
        fillers = rng.sample(words["filler"], len(words["filler"]))
        while sum(len(s) + 1 for s in sentences) < TARGET_CHARS and fillers:
            sentences.insert(rng.randrange(1, len(sentences) + 1), fillers.pop())
        text = " ".join(sentences)
        if text in seen:
            continue
        seen.add(text)
        title = f"{focus}: " + ("la situation sur le front" if lang == "fr" else "the situation at the front")
        yield {"lang": lang, "published": published.isoformat(), "title": title,
               "text": f"{title}\n\n{text}"}


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


def documents(path: Path, limit: int | None = None) -> list[Document]:
    docs = [d for d in read_paths([str(path)]) if isinstance(d, Document)]
    return docs[:limit] if limit else docs


def extract_all(docs: list[Document], workers: int) -> list[list[Extraction | InputFailure]]:
    runner = open_runner(ExtractorSpec(), workers=workers)
    try:
        started = time.perf_counter()
        chunks = []
        for n, chunk in enumerate(runner.map(chunked(docs, 32)), 1):
            chunks.append(chunk)
            if n % 50 == 0:
                done = sum(len(c) for c in chunks)
                print(f"  extracted {done:,}/{len(docs):,} ({done / (time.perf_counter() - started):.1f} doc/s, "
                      f"{load_average()})", file=sys.stderr)
        return chunks
    finally:
        runner.close()


def fresh_postgres(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def fresh_sqlite(path: Path) -> str:
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    return str(path)


def time_store(url: str, chunks: list[list[Extraction | InputFailure]], block: int) -> list[tuple[float, float]]:
    """Store the extractions chunk by chunk as `frontwatch ingest` does; per block (the last
    one may be shorter), ms/document of storing in wall time and in this process's CPU
    time (which other work on the machine disturbs far less; on PostgreSQL it leaves out
    the server's share), then the end-of-run rendering."""
    store = Store.open(url)
    print("block  documents  claims  wall ms/doc  cpu ms/doc  places behind")
    try:
        counts: Counter[str] = Counter()
        in_block = claims = 0
        spent = used = 0.0
        costs: list[tuple[float, float]] = []
        for n, chunk in enumerate(chunks, 1):
            extractions = [e for e in chunk if isinstance(e, Extraction)]
            started, cpu = time.perf_counter(), time.process_time()
            for written in store.add_extractions(extractions):
                counts[written.result] += 1
            spent += time.perf_counter() - started
            used += time.process_time() - cpu
            in_block += len(extractions)
            claims += sum(len(e.claims) for e in extractions)
            if in_block >= block or (n == len(chunks) and in_block >= block // 2):
                costs.append((1000 * spent / in_block, 1000 * used / in_block))
                print(f"{len(costs):5d}  {counts['new']:9,}  {claims:6,}  {costs[-1][0]:11.2f}  {costs[-1][1]:10.2f}  "
                      f"{store.backlog():13,}")
                in_block, spent, used = 0, 0.0, 0.0
        started = time.perf_counter()
        behind = store.refresh_backlog()
        final = time.perf_counter() - started
        total = sum(counts.values())
        print(f"end of run: {behind:,} places rendered in {final:.1f} s "
              f"({1000 * final / total:.2f} ms per document of the run); {dict(counts)}; {load_average()}")
        return costs
    finally:
        store.close()


def store_rounds(name: str, fresh: Callable[[], str], chunks: list[list[Extraction | InputFailure]],
                 block: int, rounds: int) -> None:
    """`time_store` `rounds` times into a fresh store; per block, the median of the rounds."""
    print(f"\n{name}: storing {sum(len(c) for c in chunks):,} documents, ms/document per block of {block:,}, "
          f"{rounds} round(s) ({load_average()})")
    runs = []
    for round_ in range(1, rounds + 1):
        print(f"round {round_}")
        runs.append(time_store(fresh(), chunks, block))
    for what, k in (("wall", 0), ("cpu", 1)):
        medians = [statistics.median(r[i][k] for r in runs) for i in range(min(len(r) for r in runs))]
        print(f"{name}, {what} ms/doc, median of {rounds} round(s) per block: "
              + " ".join(f"{m:.2f}" for m in medians))
        per_round = ", ".join(f"{run[-1][k] / run[0][k]:.2f}" for run in runs)
        print(f"  {what}: last block / first block = {medians[-1] / medians[0]:.2f} for the medians "
              f"(per round: {per_round}; goal <= 1.2)")


def time_ingest(docs: list[Document], kind: str, workers: int, db: Path) -> tuple[float, float]:
    """Ingest end to end into a fresh SQLite file: (docs/s after every worker's first chunk,
    wall seconds including start-up)."""
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    store = Store.open(str(db))
    runner = open_runner(ExtractorSpec(), workers=workers, ray=kind == "ray")
    arrivals: list[tuple[float, int]] = []

    def timed(results: Iterable[list[Extraction | InputFailure]]) -> Iterator[list[Extraction | InputFailure]]:
        for chunk in results:
            arrivals.append((time.perf_counter(), len(chunk)))
            yield chunk

    try:
        counts = store_chunks(store, timed(runner.map(chunked(docs, 32))), report=print)
        ended = time.perf_counter()
    finally:
        runner.close()
        store.close()
    assert counts["new"] == len(docs), counts
    warm_at = arrivals[min(workers, len(arrivals)) - 1][0]
    after = sum(n for at, n in arrivals if at > warm_at)
    return after / (ended - warm_at), time.perf_counter() - started


def parallel(docs: list[Document], repeat: int, work: Path) -> None:
    configs = [("processes", 1), ("processes", 2), ("ray", 1), ("ray", 2)]
    rates: dict[tuple[str, int], list[float]] = {c: [] for c in configs}
    print(f"\nend-to-end ingest of {len(docs):,} articles (extract + store, fresh SQLite), "
          f"{os.cpu_count()} CPUs, {repeat} rounds; {load_average()}")
    for round_ in range(1, repeat + 1):
        for kind, workers in configs:
            rate, wall = time_ingest(docs, kind, workers, work / "parallel.db")
            rates[(kind, workers)].append(rate)
            print(f"  round {round_}: {kind:9} x{workers}  {rate:6.1f} doc/s after warm-up, "
                  f"{wall:6.1f} s wall  ({load_average()})")
    print("\nrunner     workers  doc/s (median, runs)        hours for 1,000,000 articles")
    for (kind, workers), got in rates.items():
        median = statistics.median(got)
        runs = ", ".join(f"{r:.1f}" for r in got)
        print(f"{kind:10} {workers:7d}  {median:6.1f} ({runs:18})  {1e6 / median / 3600:8.1f}")
    for kind in ("processes", "ray"):
        ratios = [two / one for one, two in zip(rates[(kind, 1)], rates[(kind, 2)], strict=True)]
        print(f"{kind}: 2 workers / 1 = {statistics.median(ratios):.2f} "
              f"(per round: {', '.join(f'{r:.2f}' for r in ratios)}; goal >= 1.7 on 2 idle cores)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--block", type=int, default=2_000)
    parser.add_argument("--parallel-docs", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=2, help="rounds of the parallel runs")
    parser.add_argument("--store-rounds", type=int, default=2)
    parser.add_argument("--extract-workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--pg", default=os.environ.get("FRONTWATCH_TEST_PG_URL", ""),
                        help="PostgreSQL URL whose public schema may be dropped [FRONTWATCH_TEST_PG_URL]")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "frontwatch-bench-backfill")
    parser.add_argument("--reuse", action="store_true", help="reuse the articles and extractions in --work")
    parser.add_argument("--skip-store", action="store_true")
    parser.add_argument("--skip-parallel", action="store_true")
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    dump = args.work / f"articles-{args.articles}-{args.seed}.jsonl"
    if not (args.reuse and dump.exists()):
        with dump.open("w", encoding="utf-8") as handle:
            for record in generate(args.articles, args.seed):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    docs = documents(dump)
    mean = statistics.mean(len(d.text) for d in docs)
    print(f"{len(docs):,} generated articles, {mean:,.0f} characters on average ({dump})")

    if not args.skip_store:
        cache = args.work / f"extractions-{args.articles}-{args.seed}.pickle"
        if args.reuse and cache.exists():
            chunks = pickle.loads(cache.read_bytes())
        else:
            started = time.perf_counter()
            chunks = extract_all(docs, args.extract_workers)
            spent = time.perf_counter() - started
            print(f"extraction: {len(docs):,} articles in {spent:.0f} s with {args.extract_workers} worker(s) "
                  f"({len(docs) / spent:.1f} doc/s)")
            cache.write_bytes(pickle.dumps(chunks))
        claims = Counter(c.place.name for chunk in chunks for e in chunk if isinstance(e, Extraction)
                         for c in e.claims)
        print(f"{sum(claims.values()):,} claims about {len(claims)} places; hottest: "
              + ", ".join(f"{name} {n:,}" for name, n in claims.most_common(5)))
        store_rounds("SQLite", lambda: fresh_sqlite(args.work / "store.db"), chunks, args.block,
                     args.store_rounds)
        if args.pg:
            store_rounds("PostgreSQL", lambda: fresh_postgres(args.pg), chunks, args.block, args.store_rounds)
        else:
            print("\nPostgreSQL: skipped (no --pg and no FRONTWATCH_TEST_PG_URL)")

    if not args.skip_parallel:
        parallel(docs[: args.parallel_docs], args.repeat, args.work)


if __name__ == "__main__":
    main()

"""Build frontwatch's compact gazetteer from the GeoNames/KATOTTG extract.

    python scripts/build_gazetteer.py [SOURCE_DIR] [-o frontwatch/data/gazetteer.tsv.gz]

SOURCE_DIR (default ../shared/data/gazetteer from the repository root) holds ua_places.tsv.gz,
ru_places.tsv.gz, admin1.tsv and ua_katottg.tsv.gz as described in its README. The output
keeps Ukraine's populated places, every Russian row and the admin1 regions of both countries,
with matching keys precomputed (see frontwatch/places/keys.py), so loading needs no text work.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import itertools
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from frontwatch.places.forms import case_forms, languages_of  # noqa: E402
from frontwatch.places.gazetteer import (  # noqa: E402
    COLUMNS,
    FORMS_MARK,
    RENAMINGS_PATH,
    distance_km,
    form_index,
    read_renamings,
)
from frontwatch.places.keys import (  # noqa: E402
    INFLECTED,
    KEY_VERSION,
    fold,
    name_keys,
    phonetic_keys,
    region_stem,
    skeleton,
)

csv.field_size_limit(1 << 24)

UA_ADMIN1 = {
    "01": "Cherkasy Oblast", "02": "Chernihiv Oblast", "03": "Chernivtsi Oblast",
    "04": "Dnipropetrovsk Oblast", "05": "Donetsk Oblast", "06": "Ivano-Frankivsk Oblast",
    "07": "Kharkiv Oblast", "08": "Kherson Oblast", "09": "Khmelnytskyi Oblast",
    "10": "Kirovohrad Oblast", "11": "Crimea", "12": "Kyiv City", "13": "Kyiv Oblast",
    "14": "Luhansk Oblast", "15": "Lviv Oblast", "16": "Mykolaiv Oblast", "17": "Odesa Oblast",
    "18": "Poltava Oblast", "19": "Rivne Oblast", "20": "Sevastopol", "21": "Sumy Oblast",
    "22": "Ternopil Oblast", "23": "Vinnytsia Oblast", "24": "Volyn Oblast",
    "25": "Zakarpattia Oblast", "26": "Zaporizhzhia Oblast", "27": "Zhytomyr Oblast",
}
"""English Wikipedia names of Ukraine's regions (GeoNames mixes "Donetska", "Sumska"...)."""

RU_ADMIN1 = {
    "Altai": "Altai Republic", "Altai Krai": "Altai Krai", "Arkhangelskaya": "Arkhangelsk Oblast",
    "Chechnya": "Chechnya", "Chukotka": "Chukotka", "Chuvashia": "Chuvashia",
    "Dagestan": "Dagestan", "Karelia": "Karelia", "Khabarovsk": "Khabarovsk Krai",
    "Khanty-Mansia": "Khanty-Mansi Autonomous Okrug", "Komi": "Komi Republic",
    "Krasnodarskiy": "Krasnodar Krai", "Krasnoyarskiy": "Krasnoyarsk Krai",
    "Leningradskaya Oblast'": "Leningrad Oblast", "Moscow": "Moscow",
    "Nenets": "Nenets Autonomous Okrug", "North Ossetia": "North Ossetia",
    "Perm": "Perm Krai", "Primorskiy (Maritime) Kray": "Primorsky Krai",
    "Sakha": "Sakha Republic", "St.-Petersburg": "Saint Petersburg",
    "Saratovskaya Oblast": "Saratov Oblast", "Stavropol’ Kray": "Stavropol Krai",
    "Tver’ Oblast": "Tver Oblast", "Tyumen’ Oblast": "Tyumen Oblast",
    "Voronezj": "Voronezh Oblast", "Jaroslavl": "Yaroslavl Oblast",
    "Kamchatka": "Kamchatka Krai", "Yamalo-Nenets": "Yamalo-Nenets Autonomous Okrug",
    "Transbaikal Territory": "Zabaykalsky Krai", "Jewish Autonomous Oblast":
    "Jewish Autonomous Oblast", "Republic of Tyva": "Tuva",
}
"""Russian admin1 names that the default rule (bare name + " Oblast") gets wrong."""

_RU_SUFFIXES = ("Oblast", "Republic", "Krai", "Kray", "Okrug")

SAME_PLACE_KM = 3.0
"""Rows of one name this close in one region are one place entered twice in GeoNames."""
_LATIN_OR_CYRILLIC = re.compile(r"^[A-Za-z\u00c0-\u024f\u0400-\u04ff' ’ʼ.\-]+$")
_CODE = re.compile(r"^[A-Z]{2,4}$")


def ru_admin1_name(name: str) -> str:
    """'Kursk' -> 'Kursk Oblast', like the names news and Wikipedia use."""
    if name in RU_ADMIN1:
        return RU_ADMIN1[name]
    clean = name.replace("’", "").replace("'", "")
    if clean.endswith(_RU_SUFFIXES):
        return clean
    return f"{clean} Oblast"


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def matching_names(*names: str) -> list[str]:
    """Latin and Cyrillic names only: other scripts never appear in fr/en/uk/ru news."""
    kept: list[str] = []
    for name in names:
        name = name.strip()
        if len(name) < 3 or _CODE.match(name) or not _LATIN_OR_CYRILLIC.match(name):
            continue
        kept.append(name)
    return kept


def keys_of(names: Iterable[str], *, prefix: str = "", country: str = "") -> set[str]:
    """Matching keys of names, with the folded case forms of the Cyrillic ones (unless regions)."""
    keys: set[str] = set()
    for name in names:
        keys.update(prefix + key for key in name_keys(name))
        if prefix or not _CYRILLIC_NAME.match(name):
            continue
        for lang in languages_of(name, country):
            keys.update(INFLECTED + fold(form) for form in case_forms(name, lang))
    return {k for k in keys if "|" not in k and "\t" not in k}


def split_forms(keys: set[str]) -> tuple[str, str]:
    """(the keys column, the forms column): case forms go apart, without their prefix, so
    that loading indexes them only when a Cyrillic name is first looked up."""
    forms = {k[len(INFLECTED):] for k in keys if k.startswith(INFLECTED)}
    return join(keys - {INFLECTED + f for f in forms}), join(forms)


_CYRILLIC_NAME = re.compile(r"^[\u0400-\u04ff' ’ʼ\-]+$")


def own_and_aliases(main: Sequence[str], alternates: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split a row's alternate names into spellings of its own name and other names.

    An alternate is the place's own name in another script or language when it keeps the
    consonants of one of the main names, give or take one ("Курахово", "Kourakhove" for
    Kurakhove; "Moscow" for Moskva); otherwise it is a former name or the name of another
    place merged into this row ("Petrovka", "Bakhmut" on a village's row), which loses to a
    place that carries that name as its own.
    """
    skeletons = {skeleton(k) for name in main for k in phonetic_keys(name)}
    own, aliases = list(main), []
    for name in alternates:
        if name in own:
            continue
        if any(_close(skeleton(k), s) for k in phonetic_keys(name) for s in skeletons):
            own.append(name)
        else:
            aliases.append(name)
    return own, aliases


def _close(a: str, b: str) -> bool:
    """Equal consonant skeletons, three or more consonants one edit apart (mscv / mskv,
    npl / gnpl: Аннополье for Ганнопілля), seven or more two edits apart (svrdntsk /
    svrskdntsk: Sievierodonetsk for Siverskodonetsk)."""
    shortest = min(len(a), len(b))
    allowed = 0 if shortest < 3 else 1 if shortest < 7 else 2
    return _edits(a, b, allowed) <= allowed


def _edits(a: str, b: str, cap: int) -> int:
    """Levenshtein distance, or cap + 1 once it is certain to exceed `cap`."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if min(current) > cap:
            return cap + 1
        previous = current
    return previous[-1]


def join(keys: set[str]) -> str:
    return "|".join(sorted(keys))


def build(source: Path) -> tuple[list[list[str]], dict[str, int]]:
    """Rows of the compact gazetteer and counts per kind of row."""
    counts = {"UA places": 0, "RU places": 0, "UA regions": 0, "RU regions": 0}
    katottg_raion: dict[str, str] = {}
    for row in read_tsv(source / "ua_katottg.tsv.gz"):
        if row["geonameid"] and row["category"] in {"M", "X", "C"}:
            katottg_raion[row["geonameid"]] = row["katottg_code"][2:6]

    rows: list[list[str]] = []
    ua_region_rows: dict[str, dict[str, str]] = {}
    for row in read_tsv(source / "ua_places.tsv.gz"):
        if row["feature_code"] == "ADM1":
            ua_region_rows[row["admin1_code"]] = row
        if row["feature_class"] != "P":
            continue
        own, aliases = own_and_aliases(
            matching_names(row["name"], row["asciiname"], row["name_uk_katottg"]),
            matching_names(*row["alternatenames"].split(",")),
        )
        own_keys = keys_of(own, country="UA")
        keys, forms = split_forms(own_keys)
        rows.append([
            row["geonameid"], row["name"], row["latitude"], row["longitude"],
            row["feature_code"], "UA", UA_ADMIN1.get(row["admin1_code"], ""),
            katottg_raion.get(row["geonameid"], row["admin2_code"]),
            row["population"] or "0", keys, join(keys_of(aliases, country="UA") - own_keys), "",
            forms, "1" if row["geonameid"] in katottg_raion else "",
        ])
        counts["UA places"] += 1

    ru_largest: dict[str, dict[str, str]] = {}
    for row in read_tsv(source / "ru_places.tsv.gz"):
        own, aliases = own_and_aliases(
            matching_names(row["name"], row["asciiname"]),
            matching_names(*row["alternatenames"].split(",")),
        )
        own_keys = keys_of(own, country="RU")
        keys, forms = split_forms(own_keys)
        rows.append([
            row["geonameid"], row["name"], row["latitude"], row["longitude"],
            row["feature_code"] or "PPL", "RU", ru_admin1_name(row["admin1_name"]),
            row["admin2_code"], row["population"] or "0", keys,
            join(keys_of(aliases, country="RU") - own_keys), "", forms, "",
        ])
        counts["RU places"] += 1
        best = ru_largest.get(row["admin1_code"])
        if best is None or int(row["population"] or 0) > int(best["population"] or 0):
            ru_largest[row["admin1_code"]] = row

    for row in read_tsv(source / "admin1.tsv"):
        code = row["admin1_code"]
        if row["country_code"] == "UA":
            name = UA_ADMIN1[code]
            where = ua_region_rows.get(code)
        else:
            name = ru_admin1_name(row["name"])
            where = ru_largest.get(code)
        if where is None:
            continue
        names = matching_names(
            name, row["name"], row["asciiname"], row["name_uk_katottg"],
            *row["alternatenames"].split(","),
        )
        stems = {region_stem(n) for n in names} - {""}
        rows.append([
            row["geonameid"], name, where["latitude"], where["longitude"], "ADM1",
            row["country_code"], name, "", "0", join(keys_of(stems, prefix="@")), "", "", "", "",
        ])
        counts[f"{row['country_code']} regions"] += 1
    rows, merged, kept_as = merge_duplicates(rows)
    counts["duplicate rows merged"] = merged
    counts["former names"] = add_former_names(rows, read_renamings(RENAMINGS_PATH), kept_as)
    return rows, counts


def add_former_names(
    rows: list[list[str]], renamings: Iterable[tuple[str, int]], kept_as: dict[str, str]
) -> int:
    """Keys of each place's former names (the renamings table), with their case forms, so
    that loading needs no morphology."""
    by_id = {row[0]: row for row in rows}
    added = 0
    for old_name, geonameid in renamings:
        row = by_id.get(kept_as.get(str(geonameid), str(geonameid)))
        if row is None:
            continue
        keys = set(name_keys(old_name))
        if _CYRILLIC_NAME.match(old_name):
            for lang in languages_of(old_name):
                keys.update("=" + fold(form) for form in case_forms(old_name, lang))
        row[11] = join(set(row[11].split("|")) - {""} | keys)
        added += 1
    return added


def merge_duplicates(rows: list[list[str]]) -> tuple[list[list[str]], int, dict[str, str]]:
    """One row per place: GeoNames enters some villages twice (a transliterated and a
    Russian-form row a kilometre apart, "Klyshchiivka" and "Klishchiivka"). Rows of one
    region that share a name of their own and lie within SAME_PLACE_KM are one place; the
    seat among them, else the oldest row, keeps the others' names, the larger population and
    the raion of the row the national register links.
    Returns the rows, how many were merged away and which row each merged id went into."""
    def rank(i: int) -> tuple[bool, int]:
        # The seat if one is, else the oldest row: ids that stores already hold stay valid.
        row = rows[i]
        return (row[4] not in ("PPLA", "PPLA2", "PPLA3", "PPLC"), int(row[0]))

    by_name: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(rows):
        if row[4] == "ADM1" or row[4] in ("PPLX", "PPLH", "PPLQ", "PPLW"):
            continue
        for key in row[9].split("|"):
            if key.startswith("="):
                by_name.setdefault((row[6], key), []).append(i)
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in by_name.values():
        for a, b in itertools.combinations(members, 2):
            ra, rb = root(a), root(b)
            if ra == rb or distance_km(float(rows[a][2]), float(rows[a][3]),
                                       float(rows[b][2]), float(rows[b][3])) > SAME_PLACE_KM:
                continue
            keep, drop = sorted((ra, rb), key=rank)
            parent[drop] = keep
    kept_as: dict[str, str] = {}
    for i, row in enumerate(rows):
        keeper_index = root(i)
        if keeper_index == i:
            continue
        keeper = rows[keeper_index]
        for column in (9, 10, 12):
            keeper[column] = join(set(keeper[column].split("|")) | set(row[column].split("|")) - {""})
        keeper[8] = str(max(int(keeper[8]), int(row[8])))
        if row[13] == "1" and keeper[13] != "1":
            keeper[7], keeper[13] = row[7], "1"  # the raion KATOTTG gives
        kept_as[row[0]] = keeper[0]
    for row in rows:
        own = set(row[9].split("|")) | {INFLECTED + f for f in row[12].split("|")}
        row[10] = join(set(row[10].split("|")) - own - {""})
    kept = [row[:13] for i, row in enumerate(rows) if root(i) == i]
    return kept, len(rows) - len(kept), kept_as


def write(rows: list[list[str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw:
        lines = [f"#frontwatch-gazetteer\tkey_version={KEY_VERSION}", "\t".join(COLUMNS)]
        # The case forms (column 12 here) go after the rows as one index, so that a lookup
        # builds its dictionary from two splits instead of one insert per form.
        lines += ["\t".join(row[:12]) for row in rows]
        lines += [FORMS_MARK, *form_index([row[12] for row in rows])]
        raw.write(("\n".join(lines) + "\n").encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=REPO / "../shared/data/gazetteer")
    parser.add_argument(
        "-o", "--output", type=Path, default=REPO / "frontwatch/data/gazetteer.tsv.gz"
    )
    args = parser.parse_args(argv)
    if not (args.source / "ua_places.tsv.gz").is_file():
        parser.error(f"{args.source}: no ua_places.tsv.gz here (pass the gazetteer source folder)")
    rows, counts = build(args.source)
    write(rows, args.output)
    summary = ", ".join(f"{n:,} {what}" for what, n in counts.items())
    print(f"{args.output}: {summary}; {args.output.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

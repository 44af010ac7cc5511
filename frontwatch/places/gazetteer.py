"""The gazetteer: GeoNames places and admin regions, looked up by transliteration-blind keys.

The packaged file (`frontwatch/data/gazetteer.tsv.gz`, built by `scripts/build_gazetteer.py`)
carries every place's matching keys precomputed, so loading is parsing plus dict inserts.
Lookups never scan: names go through `name_keys`, proximity through a coarse grid.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import gzip
import math
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from frontwatch.errors import GazetteerError
from frontwatch.places.keys import (
    INFLECTED,
    KEY_VERSION,
    fold,
    name_keys,
    phonetic_keys,
    region_stem,
    skeleton,
)
from frontwatch.records import Place

DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT_PATH = DATA / "gazetteer.tsv.gz"
RENAMINGS_PATH = DATA / "renamings.tsv"
COLUMNS = (
    "geonameid", "name", "lat", "lon", "feature", "country", "admin1", "admin2",
    "population", "keys", "aliases", "former",
)
FORMS_MARK = "#case-forms"
"""The line after the rows; then every case form, and the rows each one names, as two lines."""
FEATURE_RANK = {
    "PPLC": 1.0, "PPLA": 0.9, "PPLA2": 0.8, "PPLA3": 0.6, "PPL": 0.4, "PPLF": 0.3,
    "PPLL": 0.3, "PPLS": 0.3, "PPLW": 0.15, "PPLX": 0.1, "PPLH": 0.05, "PPLQ": 0.05,
    "ADM1": 0.9,
}
"""How likely news means a place of this GeoNames feature code, all else being equal."""

_GRID = 0.5  # degrees per proximity-grid cell
_VILLAGE = 500
_LISTS_VILLAGES = 0.15
"""Share of a region's settlements under 500 inhabitants from which the gazetteer lists its
villages: Ukraine's oblasts are at 0.26 (Chernivtsi) to 0.96; Russia's border oblasts, taken
from GeoNames' places of 500+ inhabitants, at 0.01 to 0.07."""
_NAME_OPENER = 10
"""Two-word names a word opens from which it reads as the first word of a name ("Mala",
"Novaya", "Verkhnia")."""
_PREFIXES = "=@" + INFLECTED
"""First characters of the keys that are not phonetic (folded, region, case form)."""


def feature_rank(place: Place) -> float:
    return FEATURE_RANK.get(place.feature, 0.3)


def prominence(place: Place) -> float:
    """0..1: seats and big towns first; used to break ties between same-name places."""
    pop = math.log10(place.population + 1) / 7.0
    return 0.6 * feature_rank(place) + 0.4 * min(pop, 1.0)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Places by id, by matching key, by region name and by proximity."""

    def __init__(
        self,
        places: Sequence[Place],
        keys: Sequence[Iterable[str]],
        *,
        admin2: Sequence[str] = (),
        aliases: Sequence[Iterable[str]] = (),
        former: Sequence[Iterable[str]] = (),
        forms: Sequence[str] = (),
        form_index: tuple[str, str] = ("", ""),
        renamings: Iterable[tuple[str, int]] = (),
        origin: str = "<memory>",
    ) -> None:
        self.origin = origin
        self._places = list(places)
        self._admin2 = list(admin2) or [""] * len(self._places)
        self._by_id = {p.geonameid: i for i, p in enumerate(self._places)}
        index: dict[str, list[int]] = {}
        for i, place_keys in enumerate(keys):
            for key in place_keys:
                index.setdefault(key, []).append(i)
        self._index = index
        self._keys = [k if isinstance(k, list) else list(k) for k in keys]
        # Names a row carries that are not its own (former names, merged villages): they
        # resolve only when no place carries the name as its own.
        alias_index: dict[str, list[int]] = {}
        for i, place_aliases in enumerate(aliases):
            for key in place_aliases:
                alias_index.setdefault(key, []).append(i)
        self._aliases = alias_index
        # Former names (the renamings table): keys made at build time (`former`), or here
        # from (old name, geonameid) pairs for a gazetteer built in memory.
        self._historical: dict[str, list[int]] = {}
        former_keys = [(i, row_keys) for i, row_keys in enumerate(former)]
        for old_name, geonameid in renamings:
            renamed = self._by_id.get(geonameid)
            if renamed is not None:
                former_keys.append((renamed, name_keys(old_name) | _former_case_forms(old_name)))
        for renamed, row_keys in former_keys:
            for key in row_keys:
                bucket = self._historical.setdefault(key, [])
                if renamed not in bucket:
                    bucket.append(renamed)
                    self._index.setdefault(key, []).append(renamed)
        grid: dict[tuple[int, int], list[int]] = {}
        for i, p in enumerate(self._places):
            grid.setdefault(self._cell(p.lat, p.lon), []).append(i)
        self._grid = grid
        self._by_cell_sound: dict[tuple[int, int], dict[str, list[tuple[str, int]]]] = {}
        # Case forms, folded: as the file stores them (`form_index`: the forms "|"-joined, and
        # the rows of each, ","-joined, in the same order), or per row ("|"-joined) for a
        # gazetteer built in memory. Indexed on the first Cyrillic lookup.
        self._forms_raw = list(forms)
        self._form_index = form_index
        self._forms: tuple[list[str], list[str]] | None = None
        self._has_forms = bool(form_index[0]) or any(self._forms_raw)
        self._alias_keys_of: dict[int, set[str]] | None = None
        self._village_share: dict[str, float] | None = None
        self._openers: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        """Every place, in file order (the map's settlement labels, did-you-mean)."""
        return iter(self._places)

    def __repr__(self) -> str:
        return f"<Gazetteer {self.origin}: {len(self)} places>"

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """The gazetteer in `path` (default: the packaged one), parsed once per process."""
        return _load_cached(Path(path).resolve() if path is not None else DEFAULT_PATH)

    @classmethod
    def read(cls, path: Path) -> Gazetteer:
        """Parse a gazetteer file, without the per-process cache."""
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                text = handle.read()
        except FileNotFoundError:
            raise GazetteerError(
                f"{path}: gazetteer file not found (rebuild it with scripts/build_gazetteer.py)"
            ) from None
        except (OSError, EOFError, UnicodeDecodeError, zlib.error) as exc:
            raise GazetteerError(f"{path}: not a gzipped gazetteer TSV ({exc})") from exc
        lines = text.split("\n")
        if len(lines) < 2 or not lines[0].startswith("#frontwatch-gazetteer"):
            raise GazetteerError(f"{path}: not a frontwatch gazetteer (missing header line)")
        if f"key_version={KEY_VERSION}" not in lines[0].split("\t"):
            raise GazetteerError(
                f"{path}: built with other matching keys; rebuild it with "
                "scripts/build_gazetteer.py"
            )
        if tuple(lines[1].split("\t")) != COLUMNS:
            raise GazetteerError(
                f"{path}: unexpected columns {lines[1]!r} (rebuild it with "
                "scripts/build_gazetteer.py)")
        try:
            mark = lines.index(FORMS_MARK)
        except ValueError:
            raise GazetteerError(f"{path}: no {FORMS_MARK} section after the rows") from None
        if len(lines) < mark + 3:
            raise GazetteerError(f"{path}: the {FORMS_MARK} section is cut short")
        form_index = (lines[mark + 1], lines[mark + 2])
        places: list[Place] = []
        keys: list[list[str]] = []
        aliases: list[list[str]] = []
        former: list[list[str]] = []
        admin2: list[str] = []
        for number, line in enumerate(lines[2:mark], start=3):
            if not line:
                continue
            fields = line.split("\t")
            try:
                (gid, name, lat, lon, feature, country, admin1, adm2, pop, row_keys, row_aliases,
                 row_former) = fields
                places.append(
                    Place(int(gid), name, float(lat), float(lon), admin1, country, feature,
                          int(pop or 0))
                )
            except ValueError as exc:
                raise GazetteerError(f"{path}: line {number} is malformed ({exc})") from exc
            keys.append(row_keys.split("|") if row_keys else [])
            aliases.append(row_aliases.split("|") if row_aliases else [])
            former.append(row_former.split("|") if row_former else [])
            admin2.append(adm2)
        return cls(places, keys, admin2=admin2, aliases=aliases, former=former,
                   form_index=form_index, origin=str(path))

    # lookups -----------------------------------------------------------------------------

    def get(self, geonameid: int) -> Place | None:
        i = self._by_id.get(geonameid)
        return self._places[i] if i is not None else None

    def lacks_villages(self, admin1: str) -> bool:
        """Whether the gazetteer lists only the towns of region `admin1` (Russia's regions come
        from GeoNames' places of 500+ inhabitants), so that a village named there may be
        missing from it rather than misspelt."""
        if self._village_share is None:
            counts: dict[str, list[int]] = {}
            for place in self._places:
                if not place.is_region:
                    tally = counts.setdefault(place.admin1, [0, 0])
                    tally[0] += 1
                    tally[1] += place.population < _VILLAGE
            self._village_share = {a: small / total for a, (total, small) in counts.items()}
        return self._village_share.get(admin1, 0.0) < _LISTS_VILLAGES

    def opens_names(self, word: str) -> bool:
        """Whether `word` is, in any spelling, the first word of many two-word names ("Malaïa",
        "Нова", "Verkhnia"): before another name it makes one name with it, which the
        gazetteer may lack ("Malaïa Loknia", where it lists only a Loknia across the border)."""
        if self._openers is None:
            counts: dict[str, int] = {}
            for place in self._places:
                first, _, rest = place.name.partition(" ")
                if rest and " " not in rest:
                    for key in phonetic_keys(first):
                        counts[key] = counts.get(key, 0) + 1
            self._openers = frozenset(k for k, n in counts.items() if n >= _NAME_OPENER)
        return not phonetic_keys(word).isdisjoint(self._openers)

    def admin2(self, place: Place) -> str:
        """The raion code (KATOTTG digits for Ukraine; GeoNames code for Russia) or ""."""
        i = self._by_id.get(place.geonameid)
        return self._admin2[i] if i is not None else ""

    def candidates(self, key: str) -> list[Place]:
        """Places indexed under one key: folded ("=..."), phonetic, or region ("@...")."""
        return [self._places[i] for i in self._index.get(key, ())]

    def historical(self, name: str) -> list[Place]:
        """Places that `name` used to be the name of (Soviet-era and other renamings)."""
        found: list[int] = []
        for key in name_keys(name):
            for i in self._historical.get(key, ()):
                if i not in found:
                    found.append(i)
        return [self._places[i] for i in found]

    def match(self, name: str) -> list[tuple[Place, str]]:
        """Places named `name`, each with how: "exact", "inflected" (a case form of a
        Cyrillic name), "key" (another spelling) or "alias" (a name the row carries that is
        not its own: a former name, a merged village; context weighs it below own names)."""
        seen: dict[int, str] = {}
        folded = fold(name)
        phonetic = phonetic_keys(name)
        for i in self._index.get("=" + folded, ()):
            seen.setdefault(i, "exact")
        for i in self._index.get(INFLECTED + folded, ()):
            seen.setdefault(i, "inflected")
        if self._has_forms and folded and "\u0400" <= folded[0] <= "\u04ff":
            forms, rows = self._case_forms()
            at = bisect.bisect_left(forms, folded)
            if at < len(forms) and forms[at] == folded:
                for i in map(int, rows[at].split(",")):
                    seen.setdefault(i, "inflected")
        for key in phonetic:
            for i in self._index.get(key, ()):
                seen.setdefault(i, "key")
        for key in ("=" + folded, INFLECTED + folded, *phonetic):
            for i in self._aliases.get(key, ()):
                seen.setdefault(i, "alias")
        return [(self._places[i], how) for i, how in seen.items()]

    def region(self, name: str) -> Place | None:
        """The admin1 region `name` names ("Donetsk Oblast", "oblast de Donetsk", "Курская")."""
        stem = region_stem(name) or name
        best: Place | None = None
        for key in sorted(name_keys(stem)):
            for i in self._index.get("@" + key, ()):
                place = self._places[i]
                if best is None or (key.startswith("=") and place.country == "UA"):
                    best = place
        return best

    def search(self, name: str, *, admin1: str | None = None) -> list[Place]:
        """Places named `name`, best first (exact spelling, then key; region phrases first)."""
        found: list[tuple[tuple[float, ...], Place]] = []
        is_phrase = region_stem(name) != name.strip()
        region = self.region(name)
        if region is not None:
            found.append(((0.0 if is_phrase else 2.0, 0.0), region))
        for place, how in self.match(name):
            exact = 0.0 if how == "exact" else 1.0
            found.append(((1.0 + exact, -prominence(place) - (place.country == "UA") * 0.1),
                          place))
        if admin1 is not None:
            wanted = fold(admin1)
            found = [f for f in found if fold(f[1].admin1) == wanted]
        found.sort(key=lambda item: item[0])
        result: list[Place] = []
        for _, place in found:
            if place not in result:
                result.append(place)
        return result

    def near(self, lat: float, lon: float, km: float) -> list[Place]:
        """Places within `km` of a point, nearest first."""
        span_lat = km / 111.0
        span_lon = km / max(1.0, 111.0 * math.cos(math.radians(lat)))
        lo = self._cell(lat - span_lat, lon - span_lon)
        hi = self._cell(lat + span_lat, lon + span_lon)
        hits: list[tuple[float, Place]] = []
        for a in range(lo[0], hi[0] + 1):
            for b in range(lo[1], hi[1] + 1):
                for i in self._grid.get((a, b), ()):
                    p = self._places[i]
                    d = distance_km(lat, lon, p.lat, p.lon)
                    if d <= km:
                        hits.append((d, p))
        hits.sort(key=lambda item: item[0])
        return [p for _, p in hits]

    def fuzzy(
        self, name: str, *, around: Sequence[Place], km: float = 40.0, cutoff: float = 0.85
    ) -> list[tuple[Place, float]]:
        """Places near `around` whose phonetic key is close to `name`'s, with a similarity.

        Only the places within `km` of the context places are compared, which keeps the guess
        both cheap and plausible: a mangled name is taken for a village next to the others.
        Equal consonant skeletons count as a match even below `cutoff` ("Krakhmalnoie" /
        "Krokhmalne").
        """
        queries = phonetic_keys(name)
        if not queries or not around:
            return []
        cells: set[tuple[int, int]] = set()
        for anchor in around:
            span_lon = km / max(1.0, 111.0 * math.cos(math.radians(anchor.lat)))
            lo = self._cell(anchor.lat - km / 111.0, anchor.lon - span_lon)
            hi = self._cell(anchor.lat + km / 111.0, anchor.lon + span_lon)
            cells.update(
                (a, b) for a in range(lo[0], hi[0] + 1) for b in range(lo[1], hi[1] + 1)
            )
        matchers = []
        for query in queries:
            matcher = difflib.SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(query)
            matchers.append((query, skeleton(query), matcher))
        best: dict[int, float] = {}
        for cell in cells:
            by_sound = self._cell_keys(cell)
            for query, query_skeleton, matcher in matchers:
                # Mangled names keep their first sound (Uroyaine / Urozhaine).
                for key, i in by_sound.get(query[0], ()):
                    if abs(len(key) - len(query)) > 3:
                        continue
                    matcher.set_seq1(key)
                    ratio = 0.0
                    if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                        ratio = matcher.ratio()
                    if ratio < cutoff and len(query) >= 6 and skeleton(key) == query_skeleton:
                        ratio = cutoff
                    if ratio >= cutoff and ratio > best.get(i, 0.0):
                        best[i] = ratio
        results: list[tuple[Place, float]] = []
        for i, ratio in best.items():
            place = self._places[i]
            if any(distance_km(place.lat, place.lon, a.lat, a.lon) <= km for a in around):
                results.append((place, ratio))
        results.sort(key=lambda item: -item[1])
        return results

    def is_named(self, place: Place, name: str) -> bool:
        """Does `name` match one of `place`'s names (current, alternate or former)?

        The transliteration-blind test for "is this the place the gold calls X", which also
        holds for places renamed since ("Sievierodonetsk" / GeoNames "Siverskodonetsk").
        """
        i = self._by_id.get(place.geonameid)
        if i is None:
            return False
        own = set(self._keys[i]) | self._alias_keys(i)
        keys = name_keys(name)
        if place.is_region:
            keys = frozenset("@" + k for k in name_keys(region_stem(name) or name))
        return bool(own & keys) or place in self.historical(name)

    # internals ---------------------------------------------------------------------------

    def _case_forms(self) -> tuple[list[str], list[str]]:
        """The sorted case forms and the rows of each ("12,408"), searched by bisection: two
        splits of the file's lines are all the indexing a process does."""
        if self._forms is None:
            forms, rows = self._form_index
            if not forms and self._forms_raw:
                forms, rows = form_index(self._forms_raw)
            self._forms = (forms.split("|"), rows.split("|")) if forms else ([], [])
        return self._forms

    def _alias_keys(self, i: int) -> set[str]:
        if self._alias_keys_of is None:
            by_row: dict[int, set[str]] = {}
            for key, rows in self._aliases.items():
                for row in rows:
                    by_row.setdefault(row, set()).add(key)
            self._alias_keys_of = by_row
        return self._alias_keys_of.get(i, set())

    def _cell_keys(self, cell: tuple[int, int]) -> dict[str, list[tuple[str, int]]]:
        """Phonetic keys of a grid cell's settlements by first letter, built on first use."""
        cached = self._by_cell_sound.get(cell)
        if cached is None:
            cached = {}
            for i in self._grid.get(cell, ()):
                if self._places[i].is_region:
                    continue
                for key in self._keys[i]:
                    if key[0] not in _PREFIXES:
                        cached.setdefault(key[0], []).append((key, i))
            self._by_cell_sound[cell] = cached
        return cached

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / _GRID), math.floor(lon / _GRID))


def form_index(forms: Sequence[str]) -> tuple[str, str]:
    """The case forms of each row ("|"-joined) as the file stores them: every form once,
    sorted, "|"-joined, and the rows of each in the same order, ","-joined."""
    rows: dict[str, list[int]] = {}
    for i, raw in enumerate(forms):
        for form in raw.split("|") if raw else ():
            rows.setdefault(form, []).append(i)
    ordered = sorted(rows)
    return "|".join(ordered), "|".join(",".join(map(str, rows[f])) for f in ordered)


def read_renamings(path: Path) -> list[tuple[str, int]]:
    """(old name, geonameid) pairs from the renamings table."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        return [(row["old_name"], int(row["geonameid"])) for row in rows]
    except FileNotFoundError:
        return []
    except (KeyError, ValueError) as exc:
        raise GazetteerError(f"{path}: malformed renamings table ({exc})") from exc


def _former_case_forms(name: str) -> frozenset[str]:
    """Folded case forms of a Cyrillic former name ("Красноармейске"), keyed as the names."""
    if not re.fullmatch(r"[\u0400-\u04ff' ’ʼ\-]+", name):
        return frozenset()
    from frontwatch.places.forms import case_forms, languages_of

    return frozenset("=" + fold(form) for lang in languages_of(name) for form in case_forms(name, lang))


@lru_cache(maxsize=4)
def _load_cached(path: Path) -> Gazetteer:
    return Gazetteer.read(path)

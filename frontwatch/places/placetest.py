"""A place test generated from the gazetteer source, for `frontwatch eval-places`.

Every populated place of the front-line oblasts and of Russia's border oblasts is written the
way news writes it: in English and French (romanised from its Ukrainian or Russian name), and
in Ukrainian and Russian in the nominative, genitive and locative, inside sentences made from
the templates of `frontwatch/nlp/lang/<lang>/places.yml`. Former names (the renamings table)
name today's place. A name that other places share is written with the context that tells
them apart: the oblast when the namesakes lie in other oblasts, else "near" the closest town.

The case forms come from the declension tables of the same files, written by hand and kept
apart from the resolver's own (pymorphy3, at gazetteer build time), so the test checks the
resolver against an independent grammar.
"""

from __future__ import annotations

import csv
import gzip
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from frontwatch.errors import InputError
from frontwatch.places.gazetteer import RENAMINGS_PATH, distance_km
from frontwatch.places.keys import fold, phonetic_keys, same_name, skeleton
from frontwatch.places.lexicon import LANG_DIR
from frontwatch.places.resolve import PlaceFinder

csv.field_size_limit(1 << 24)

FRONT_OBLASTS = {
    "05": "Donetsk Oblast", "14": "Luhansk Oblast", "26": "Zaporizhzhia Oblast",
    "08": "Kherson Oblast", "07": "Kharkiv Oblast", "21": "Sumy Oblast",
    "04": "Dnipropetrovsk Oblast",
}
"""Ukraine's oblasts on the front line (GeoNames admin1 codes)."""
BORDER_OBLASTS = {"41": "Kursk Oblast", "09": "Belgorod Oblast", "10": "Bryansk Oblast"}
"""Russia's oblasts on the border with Ukraine's north-east."""
LANGS = ("en", "fr", "uk", "ru")
CASES = ("nom", "gen", "loc")
GROUPS = ("town", "village", "border", "old name", "namesake")
SAME_PLACE_KM = 5.0
"""Two rows of one name this close are one place (GeoNames keeps some villages twice)."""
_SKIPPED_FEATURES = frozenset({"PPLX", "PPLH", "PPLQ", "PPLW"})
_UK_LETTERS = re.compile("[іїєґІЇЄҐ]")
_RU_LETTERS = re.compile("[ыэъёЫЭЪЁ]")
_CYRILLIC = re.compile("^[А-ЯҐЄІЇа-яґєіїё'’ʼ \\-]+$")
_VOWELS = "аеєиіїоуюяыэё"
_UKRAINIAN_ENDING = re.compile("(?:[бвгджзклмнпрстфхцчшщ]е|[бвдзлмпрстф]ий)(?: |-|$)")
"""Ukrainian endings: neuter -е after a consonant (Курахове; Russian writes -ое, -ее) and
-ий after a hard consonant (Зелений; Russian writes -ый)."""


@dataclass(frozen=True, slots=True)
class PlaceCase:
    """One generated sentence and the place its name must resolve to."""

    text: str
    lang: str
    case: str
    group: str
    start: int
    end: int
    geonameid: int
    name: str
    lat: float
    lon: float


@dataclass(slots=True)
class Tally:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(slots=True)
class PlaceTestReport:
    """Accuracy overall, by language, group, case and language-and-case; the misses."""

    overall: Tally = field(default_factory=Tally)
    by_lang: dict[str, Tally] = field(default_factory=dict)
    by_group: dict[str, Tally] = field(default_factory=dict)
    by_case: dict[str, Tally] = field(default_factory=dict)
    by_lang_case: dict[str, Tally] = field(default_factory=dict)
    misses: list[tuple[PlaceCase, str]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, case: PlaceCase, right: bool) -> None:
        slices = (
            self.overall,
            self.by_lang.setdefault(case.lang, Tally()),
            self.by_group.setdefault(case.group, Tally()),
            self.by_case.setdefault(case.case, Tally()),
            self.by_lang_case.setdefault(f"{case.lang} {case.case}", Tally()),
        )
        for tally in slices:
            tally.total += 1
            tally.right += right


@dataclass(frozen=True, slots=True)
class _Source:
    """One source row, with the names each language writes it by."""

    geonameid: int
    name: str
    lat: float
    lon: float
    admin1: str
    population: int
    feature: str
    uk: str
    ru: str
    names: frozenset[str]


# Language data ---------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _spec(lang: str) -> dict[str, Any]:
    path = LANG_DIR / lang / "places.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    spec = data.get("place_test")
    if not isinstance(spec, dict):
        raise InputError(str(path), "no place_test section")
    return spec


def romanise(name: str, *, lang: str, script: str) -> str:
    """A Cyrillic name as `lang` news romanises it from `script` ("uk" or "ru")."""
    table = _spec(lang)["romanise"][script]
    letters: dict[str, str] = table["letters"]
    initial: dict[str, str] = table.get("initial") or {}
    final: dict[str, str] = table.get("final") or {}
    words = re.split(r"([ \-])", name)
    out: list[str] = []
    for word in words:
        if word in (" ", "-") or not word:
            out.append(word)
            continue
        lower = word.casefold()
        ending = ""
        for suffix in sorted(final, key=len, reverse=True):
            if lower.endswith(suffix) and len(lower) > len(suffix) + 1:
                lower, ending = lower[: -len(suffix)], final[suffix]
                break
        latin = "".join(
            initial.get(c, letters.get(c, c)) if i == 0 else letters.get(c, c)
            for i, c in enumerate(lower)
        ) + ending
        out.append(latin[:1].upper() + latin[1:] if word[:1].isupper() else latin)
    return "".join(out)


def ukrainian_of_russian(name: str) -> str:
    """How Ukrainian writes a Russian place name that has no Ukrainian form of its own."""
    rules = _spec("uk")["from_russian"]
    words = []
    for word in name.split(" "):
        lower = word.casefold()
        for ending in sorted(rules["endings"], key=len, reverse=True):
            if lower.endswith(ending):
                lower = lower[: -len(ending)] + "\0" + rules["endings"][ending]
                break
        head, _, tail = lower.partition("\0")
        head = "".join(rules["letters"].get(c, c) for c in head)
        adapted = head + tail
        words.append(adapted[:1].upper() + adapted[1:] if word[:1].isupper() else adapted)
    return " ".join(words)


def decline(name: str, *, lang: str, case: str, adjective: bool = False) -> str | None:
    """`name` in `case` by the declension table of `lang`; None when the table has no form.

    `adjective`: every word is an adjective ("Донецька" of "Донецька область")."""
    if case == "nom":
        return name
    table = _spec(lang)["declension"]
    index = 0 if case == "gen" else 1
    parts = name.split(" ")
    out: list[str] = []
    for i, word in enumerate(parts):
        last = i == len(parts) - 1
        if "-" in word and last:
            head, _, tail = word.rpartition("-")
            form = _decline_word(tail, table["nouns"], index, lang)
            if form is None:
                return None
            out.append(f"{head}-{form}")
            continue
        form = _decline_word(word, table["nouns" if last and not adjective else "adjectives"],
                             index, lang)
        if form is None:
            return None
        out.append(form)
    return " ".join(out)


def _decline_word(word: str, endings: dict[str, list[str | None]], index: int, lang: str) -> str | None:
    lower = word.casefold()
    for ending in sorted(endings, key=len, reverse=True):
        if not lower.endswith(ending) or len(lower) - len(ending) < 2 and ending == "":
            continue
        new = endings[ending][index]
        if new is None or ending == "" and lower[-1] in _VOWELS:
            return None
        stem = word[: len(word) - len(ending)] if ending else word
        if ending == "" and lang == "uk" and _syllables(word) == 1:
            stem = _open_syllable(stem)
            new = "у" if index == 0 else new
        elif ending == "" and lang == "ru" and index == 1 and stem.casefold().endswith(("к", "г", "х")):
            new = "е"
        return stem + new
    return None


def _syllables(word: str) -> int:
    return sum(c in _VOWELS for c in word.casefold())


def _open_syllable(stem: str) -> str:
    """Ukrainian і of a closed last syllable is о where the syllable opens (Ріг / Рогу)."""
    at = stem.casefold().rfind("і")
    return stem[:at] + ("О" if stem[at].isupper() else "о") + stem[at + 1:] if at >= 0 else stem


# Source reading --------------------------------------------------------------------------


def _read(path: Path) -> Iterator[dict[str, str]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
    except FileNotFoundError:
        raise InputError(str(path), "gazetteer source file not found") from None


def _cyrillic(alternates: Iterable[str]) -> list[str]:
    return [a.strip() for a in alternates if len(a.strip()) >= 3 and _CYRILLIC.match(a.strip())]


def _ukrainian_name(row: dict[str, str], cyrillic: list[str]) -> str:
    """The official name (KATOTTG), else an alternate in Ukrainian letters or with a
    Ukrainian ending that spells the place's own name (not a former or merged one)."""
    if row.get("name_uk_katottg"):
        return row["name_uk_katottg"]
    own = [c for c in cyrillic if _spells(c, row["name"])]
    marked = [c for c in own if _UK_LETTERS.search(c)] or [
        c for c in own if _UKRAINIAN_ENDING.search(c) or "ськ" in c or "цьк" in c]
    return marked[0] if marked else ""


def _russian_name(row: dict[str, str], cyrillic: list[str], uk: str) -> str:
    """The Russian form of the place's own name among its untagged alternates, or "".

    An alternate qualifies when it has no Ukrainian letter, apostrophe or ending and keeps
    the consonants of the Ukrainian (or GeoNames) name; Russian letters and endings make
    it likelier ("Алексеевка" over "Олексіївка", "Зеленый Гай" over "Зелений Гай").
    """
    reference = uk or row["name"]
    best: tuple[tuple[int, int], str] | None = None
    for name in cyrillic:
        if _UK_LETTERS.search(name) or re.search("['’ʼ]", name) or not _spells(name, reference):
            continue
        lower = name.casefold()
        words = lower.split()
        if any(re.search("[сцз]ьк|[бвгджзклмнпрстфхцчшщ]е$|(?:лл|жж|шш|чч|сс|тт|нн|дд)я$", w)
               and not w.endswith("поле") for w in words):
            continue
        score = 2 * bool(_RU_LETTERS.search(name)) + sum(
            bool(re.search("(?:ое|ее|ый|ая|яя|ые|ой|[кгхжшчщ]ий|ск|цк|овка|евка|ово|ево|ино)$", w))
            for w in words) - sum(bool(re.search("[бвдзлмнпрстф]ий$", w)) for w in words)
        rank = (score, -_distance(name, reference))
        if score >= 0 and (best is None or rank > best[0]):
            best = (rank, name)
    return best[1] if best else ""


def _distance(name: str, reference: str) -> int:
    """How many consonants two spellings of a name differ by."""
    return min(_edits(skeleton(a), skeleton(b))
               for a in phonetic_keys(name) for b in phonetic_keys(reference))


def _spells(name: str, reference: str) -> bool:
    """Do two names keep the same consonants, give or take a quarter of them (Вугледар /
    Угледар, Новомиколаївка / Новониколаевка), i.e. is one a spelling of the other?"""
    for a in phonetic_keys(name):
        for b in phonetic_keys(reference):
            x, y = skeleton(a), skeleton(b)
            if _edits(x, y) <= max(1, min(len(x), len(y)) // 4):
                return True
    return False


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def read_sources(source: Path) -> tuple[list[_Source], list[_Source]]:
    """(places to test, every populated place of both countries, for namesakes and anchors)."""
    tested: list[_Source] = []
    everything: list[_Source] = []
    for path, country in ((source / "ua_places.tsv.gz", "UA"), (source / "ru_places.tsv.gz", "RU")):
        for row in _read(path):
            if row["feature_class"] != "P" or row["feature_code"] in _SKIPPED_FEATURES:
                continue
            alternates = row["alternatenames"].split(",")
            cyrillic = _cyrillic([row["name_uk_katottg"], *alternates])
            if country == "UA":
                uk = _ukrainian_name(row, cyrillic)
                ru = _russian_name(row, cyrillic, uk)
                admin1 = FRONT_OBLASTS.get(row["admin1_code"], "")
            else:
                ru = _russian_name(row, cyrillic, "")
                marked = [c for c in cyrillic
                          if _UK_LETTERS.search(c) and _spells(c, ru or row["name"])]
                uk = marked[0] if marked else (ukrainian_of_russian(ru) if ru else "")
                admin1 = BORDER_OBLASTS.get(row["admin1_code"], "")
            names = {fold(n) for n in (row["name"], row["asciiname"], uk, ru, *alternates) if n}
            place = _Source(
                int(row["geonameid"]), row["name"], float(row["latitude"]),
                float(row["longitude"]), admin1, int(row["population"] or 0),
                row["feature_code"] or "PPL", uk, ru, frozenset(names - {""}),
            )
            everything.append(place)
            if admin1:
                tested.append(place)
    return tested, everything


# Generation ------------------------------------------------------------------------------


def generate(source: Path, *, langs: Sequence[str] = LANGS) -> list[PlaceCase]:
    """Every test sentence, in a fixed order."""
    tested, everything = read_sources(source)
    by_name: dict[str, list[_Source]] = defaultdict(list)
    for place in everything:
        for name in place.names:
            by_name[name].append(place)
    by_id = {p.geonameid: p for p in everything}
    towns = [p for p in tested if _is_town(p)]
    cases: list[PlaceCase] = []
    for place in tested:
        namesakes = _namesakes(place, by_name)
        context: tuple[str, str] = ("", "")
        if namesakes:
            separating = _separating_context(place, namesakes, towns, by_name)
            if separating is None:
                continue
            context = separating
        group = ("border" if place.admin1 in BORDER_OBLASTS.values() else "namesake" if namesakes
                 else "town" if _is_town(place) else "village")
        cases += _sentences(place, place, group, context, langs, by_id)
    for old_name, geonameid in _renamings():
        renamed = by_id.get(geonameid)
        if renamed is None or not renamed.admin1:
            continue
        alias = _Source(renamed.geonameid, renamed.name, renamed.lat, renamed.lon, renamed.admin1,
                        renamed.population, renamed.feature, "", "", frozenset())
        if _CYRILLIC.match(old_name):
            script = "uk" if _UK_LETTERS.search(old_name) else "ru"
            alias = _replace_names(alias, **{script: old_name})
            cases += _sentences(alias, renamed, "old name", ("", ""), [script], by_id)
        else:
            cases += _sentences(_replace_names(alias, latin=old_name), renamed, "old name",
                                ("", ""), ["en", "fr"], by_id)
    return cases


def _replace_names(place: _Source, *, uk: str = "", ru: str = "", latin: str = "") -> _Source:
    return _Source(place.geonameid, latin or place.name, place.lat, place.lon, place.admin1,
                   place.population, place.feature, uk, ru, place.names)


def _renamings() -> list[tuple[str, int]]:
    with RENAMINGS_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row["old_name"], int(row["geonameid"])) for row in rows]


def _is_town(place: _Source) -> bool:
    return place.population >= 5000 or place.feature in ("PPLA", "PPLA2", "PPLC")


def _namesakes(place: _Source, by_name: dict[str, list[_Source]]) -> list[_Source]:
    """Other places written like this one's own names, farther than one place's extent."""
    own = {fold(n) for n in (place.name, place.uk, place.ru) if n}
    found: dict[int, _Source] = {}
    for name in own:
        for other in by_name.get(name, ()):
            if other.geonameid != place.geonameid and _km(place, other) > SAME_PLACE_KM:
                found[other.geonameid] = other
    return list(found.values())


def _separating_context(
    place: _Source, namesakes: list[_Source], towns: list[_Source],
    by_name: dict[str, list[_Source]],
) -> tuple[str, str] | None:
    """("region", admin1) or ("near", anchor id): the context that singles the place out."""
    if all(n.admin1 != place.admin1 for n in namesakes):
        return ("region", place.admin1)
    rivals = [n for n in namesakes if n.admin1 == place.admin1]
    best: tuple[float, _Source] | None = None
    for town in towns:
        if town.admin1 != place.admin1 or town.geonameid == place.geonameid:
            continue
        if _distance_ok(place, town) and _namesakes(town, by_name):
            continue
        d = _km(place, town)
        if d > 40 or any(_km(r, town) < 2 * d + 10 for r in rivals):
            continue
        if best is None or d < best[0]:
            best = (d, town)
    if best is None:
        return None
    return ("near", str(best[1].geonameid)) if best[1].uk and best[1].ru else None


def _distance_ok(place: _Source, town: _Source) -> bool:
    return _km(place, town) <= 40


def _km(a: _Source, b: _Source) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _sentences(
    written: _Source, target: _Source, group: str, context: tuple[str, str],
    langs: Sequence[str], anchors: dict[int, _Source],
) -> list[PlaceCase]:
    cases: list[PlaceCase] = []
    for lang in langs:
        surface_nom = _surface(written, lang)
        if not surface_nom:
            continue
        spec = _spec(lang)
        for case, templates in spec["templates"].items():
            form = surface_nom if lang in ("en", "fr") else decline(surface_nom, lang=lang, case=case)
            if not form:
                continue
            extra = _context_text(context, lang, spec, anchors)
            if extra is None:
                continue
            template = templates[target.geonameid % len(templates)]
            before, _, after = template.partition("{place}")
            before = _elide(before, form, spec)
            text = before + form + after.replace("{context}", extra)
            if "{context}" in before:
                continue
            start = len(before)
            cases.append(PlaceCase(text, lang, case, group, start, start + len(form),
                                   target.geonameid, target.name, target.lat, target.lon))
    return cases


def _context_text(
    context: tuple[str, str], lang: str, spec: dict[str, Any], anchors: dict[int, _Source]
) -> str | None:
    kind, value = context
    if not kind:
        return ""
    if kind == "region":
        region = spec["regions"].get(value)
        if region is None:
            return None
        phrase = str(spec["region_context"])
        if "{region:gen}" in phrase:
            form = decline(region, lang=lang, case="gen", adjective=True)
            if form is None:
                return None
            return phrase.replace("{region:gen}", form)
        return phrase.replace("{region}", region)
    anchor = anchors.get(int(value))
    if anchor is None:
        return None
    name = _surface(anchor, lang)
    if not name:
        return None
    phrase = str(spec["near_context"])
    if "{anchor:gen}" in phrase:
        form = decline(name, lang=lang, case="gen")
        return phrase.replace("{anchor:gen}", form) if form else None
    before, _, after = phrase.partition("{anchor}")
    return _elide(before, name, spec) + name + after


def _elide(before: str, word: str, spec: dict[str, Any]) -> str:
    for full, short in (spec.get("elide") or {}).items():
        if before.endswith(full) and word[:1].casefold() in "aeiouyéèêâîôûïh":
            return before[: -len(full)] + str(short)
    return before


def _surface(place: _Source, lang: str) -> str:
    """The nominative of `place` as `lang` news writes it ("" when there is none)."""
    if lang == "uk":
        return place.uk
    if lang == "ru":
        return place.ru
    if not place.uk and not place.ru:
        return place.name if place.name and not _CYRILLIC.match(place.name) else ""
    if place.admin1 in BORDER_OBLASTS.values() or not place.uk:
        return romanise(place.ru, lang=lang, script="ru") if place.ru else place.name
    return romanise(place.uk, lang=lang, script="uk")


# Running ---------------------------------------------------------------------------------


def run(cases: Sequence[PlaceCase], finder: PlaceFinder) -> PlaceTestReport:
    """Resolve every sentence; right when the mention at the name lands on its place."""
    report = PlaceTestReport()
    began = time.perf_counter()
    for case in cases:
        mentions = finder.find(case.text, lang=case.lang)
        at = [m for m in mentions if m.start < case.end and case.start < m.end
              and not m.place.is_region]
        right = any(_same_place(m.place.geonameid, m.place.lat, m.place.lon, m.place.name, case)
                    for m in at)
        report.add(case, right)
        if not right:
            found = ", ".join(f"{m.place.name} ({m.place.admin1}, {m.place.geonameid})"
                              for m in at) or "nothing"
            report.misses.append((case, found))
    report.seconds = time.perf_counter() - began
    return report


def _same_place(geonameid: int, lat: float, lon: float, name: str, case: PlaceCase) -> bool:
    """The place itself, or a second GeoNames row of it (same name, same spot)."""
    if geonameid == case.geonameid:
        return True
    return same_name(name, case.name) and distance_km(lat, lon, case.lat, case.lon) <= SAME_PLACE_KM


def sample(cases: Sequence[PlaceCase], size: int) -> list[PlaceCase]:
    """Every n-th case, so a sample keeps the mix of languages, groups and cases."""
    if size <= 0 or size >= len(cases):
        return list(cases)
    step = len(cases) / size
    return [cases[int(i * step)] for i in range(size)]


"""Per-language place-name knowledge, read from `frontwatch/nlp/lang/<lang>/places.yml`.

Region phrases, case endings, stop names and place cues are data: supporting a language means
adding its file, not a branch in the resolver. A language without a file gets an empty lexicon
(plain gazetteer matching still works).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from frontwatch.errors import ConfigError
from frontwatch.places.keys import fold

LANG_DIR = Path(__file__).resolve().parents[1] / "nlp" / "lang"

_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (the same data, parsed several times faster)."""

NAME = r"(?P<name>[^\W\d_][\w'’ʼ\-]*(?:[ \u00a0][^\W\d_][\w'’ʼ\-]*){0,2})"
"""What {name} in a pattern stands for: one to three words (capitals are checked in code)."""


@dataclass(frozen=True, slots=True)
class PhrasePattern:
    """A region or direction phrase; `name_first` says which side of the name to trim."""

    regex: re.Pattern[str]
    name_first: bool
    keyword: re.Pattern[str] | None = None
    """For name-first patterns: the part after {name}, searched first because it is rare."""

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Matches in `text`; name-first patterns only look just before their keyword."""
        if self.keyword is None:
            return list(self.regex.finditer(text))
        found: list[re.Match[str]] = []
        for hit in self.keyword.finditer(text):
            window_start = max(0, hit.start() - 80)
            for match in self.regex.finditer(text, window_start, hit.end()):
                if match.end() == hit.end():
                    found.append(match)
                    break
        return found


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    lang: str
    region_patterns: tuple[PhrasePattern, ...] = ()
    direction_patterns: tuple[PhrasePattern, ...] = ()
    bare_regions: dict[str, str] = field(default_factory=dict)
    elliptic_regions: tuple[str, ...] = ()
    """Endings of a region adjective that stand for the region without its noun."""
    metonyms: frozenset[str] = frozenset()
    metonym_verbs: frozenset[str] = frozenset()
    """Words right after a capital that make it its government speaking ("у Києві
    спростували", "в Москве заявили", "à Kiev, on dément"), however it is cued."""
    stop_names: frozenset[str] = frozenset()
    place_cues: frozenset[str] = frozenset()
    inflections: tuple[tuple[str, tuple[str, ...]], ...] = ()
    region_adjective: tuple[re.Pattern[str], str] | None = None
    possessives: tuple[str, ...] = ()
    elisions: tuple[str, ...] = ()
    alternations: tuple[tuple[re.Pattern[str], str], ...] = ()
    """Sound alternations between a name's forms (Ukrainian 'пільськ' / 'польськ')."""
    not_place_before: frozenset[str] = frozenset()
    """Words before a name that make it something else: a river, a street, a ship."""
    not_place_after: frozenset[str] = frozenset()
    """Words after a name that make it something else ("Dnipro River", "Izium raion")."""
    river_banks: re.Pattern[str] | None = None
    """Words before a name that make it a river by speaking of its banks ("the left bank of
    the Dnipro", "la rive droite d'Oskol", "на лівому березі Дніпра"), matched up to the name."""
    origin_words: frozenset[str] = frozenset()
    """Words that make the region named after a place where something comes from, not where
    the place lies ("Novenké depuis la région de Koursk")."""
    districts: tuple[re.Pattern[str], ...] = ()
    """A raion named between a place and its region ("Степове Синельниківського району
    Дніпропетровщини", "Pokrovsk district, Donetsk region"): it does not part them."""
    capital_as_region: re.Pattern[str] | None = None
    """What stands between villages and a region's capital when the capital's name stands for
    the region ("Zelenyi Hai and Dobropillia in Zaporizhzhia")."""
    capital_fronted: re.Pattern[str] | None = None
    """The same words ending the text before a capital that opens a phrase ("à Kharkiv, ...")."""
    capital_before: re.Pattern[str] | None = None
    """Words for a settlement right after a region's capital that make its name the region's
    ("the Kharkiv village of Lyptsi", "a Donetsk town"): a village is in a region, not in a
    city."""
    region_plurals: re.Pattern[str] | None = None
    """Plural words for regions ("regions", "régions", "областях"): a list they close or
    open ("the Donetsk, Luhansk and Kherson regions") is a list of regions."""
    settlement_words: re.Pattern[str] | None = None
    """A word for a settlement that opens the next item of a list ("поселок Новониколаевка и
    село Привольное"): the items are still one list."""
    near: re.Pattern[str] | None = None
    """What stands between a place and the place it is said to be near ("X near Y",
    "X поблизу Y"): the second place ranks the first one's namesakes by distance."""
    lowercase_nouns: bool = False
    """Common nouns are written in lower case inside a sentence (not so in English)."""
    foreign_spellings: tuple[tuple[str, tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]], ...] = ()
    """How the language writes the places of another country, as rewrites into that
    country's spelling ("Курськ" / "Курск", "Бєлгород" / "Белгород"), by country code. The
    gazetteer keys those places by their own country's names only."""
    sector_towns: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = ()
    """How a front sector's adjective turns back into the name of the town the sector is
    named after ("Покровському" / "Покровськ", "Авдеевском" / "Авдеевка"); none where the
    language names a sector by the town's own name ("the Avdiivka direction")."""

    same_name: re.Pattern[str] | None = None
    """A settlement named after the thing just named ("la ville du même nom", after "les
    hauteurs de Tchasov-Iarsky")."""
    name_adjectives: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = ()
    """How an adjective made from a town's name turns back into the name ("Tchasov-Iarsky" /
    "Tchasov-Iar"), for `same_name`."""

    def sector_town_names(self, word: str) -> list[str]:
        """The names of the towns a front sector's word may be named after, capitalised."""
        if not self.sector_towns:
            return [word] if word[:1].isupper() else []
        names: list[str] = []
        for pattern, replacements in self.sector_towns:
            if pattern.search(word):
                names += [n[:1].upper() + n[1:] for r in replacements
                          if (n := pattern.sub(r, word, count=1)) not in names]
        return names

    def nominatives(self, word: str) -> list[str]:
        """Dictionary forms a case-inflected word may come from, most likely first."""
        lower = word.casefold()
        forms: list[str] = []
        for ending, replacements in self.inflections:
            if lower.endswith(ending) and len(word) - len(ending) >= 2:
                stem = word[: len(word) - len(ending)]
                for repl in replacements:
                    form = stem + repl
                    if form != word and form not in forms:
                        forms.append(form)
        return self._alternated(word, forms)

    def alternatives(self, word: str) -> list[str]:
        """The word with each sound alternation of the language applied (no case guesses)."""
        return self._alternated(word, [])

    def _alternated(self, word: str, forms: list[str]) -> list[str]:
        """`forms` extended with each sound alternation applied to the word and to them."""
        for pattern, replacement in self.alternations:
            for form in [word, *forms]:
                varied = pattern.sub(replacement, form)
                if varied != form and varied not in forms:
                    forms.append(varied)
        return forms

    def foreign_forms(self, surface: str) -> list[tuple[str, str]]:
        """(country, spelling): `surface` as each country in `foreign_spellings` spells it;
        for matching only (letter case is not kept)."""
        return [(country, form) for country, rules in self.foreign_spellings
                for form in _rewritten(surface, rules) if fold(form) != fold(surface)]

    def is_stop_name(self, surface: str) -> bool:
        """Never a toponym here, in any case form ("Путину" is "Путин")."""
        if fold(surface) in self.stop_names:
            return True
        return any(fold(form) in self.stop_names for form in self.nominatives(surface))

    def region_adjective_form(self, word: str) -> str:
        """'Донецької' -> 'Донецька': the form region names are indexed under."""
        if self.region_adjective is None:
            return word
        pattern, nominative = self.region_adjective
        return pattern.sub(nominative, word, count=1)


_FOREIGN_FORMS = 16
"""Spellings of a name tried in another country's orthography, at most."""


def _rewritten(name: str, rules: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]) -> list[str]:
    """`name` through each rule in turn; a rule with several replacements forks the spelling."""
    forms = [name]
    for pattern, replacements in rules:
        forks: list[str] = []
        for form in forms:
            varied = [pattern.sub(r, form) for r in replacements] if pattern.search(form) else [form]
            forks += [v for v in varied if v not in forks]
        forms = forks[:_FOREIGN_FORMS]
    return forms


def _patterns(items: Any, path: Path) -> tuple[PhrasePattern, ...]:
    result: list[PhrasePattern] = []
    for item in items or ():
        text = str(item)
        if "{name}" not in text:
            raise ConfigError(f"{path}: pattern without {{name}}: {text!r}")
        try:
            regex = re.compile(text.replace("{name}", NAME), re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(f"{path}: bad pattern {text!r} ({exc})") from exc
        name_first = text.startswith("{name}")
        keyword = re.compile(text[len("{name}"):], re.IGNORECASE) if name_first else None
        result.append(PhrasePattern(regex, name_first, keyword))
    return tuple(result)


@lru_cache(maxsize=16)
def load_place_lexicon(lang: str) -> PlaceLexicon:
    """The lexicon of `lang` (an ISO 639-1 code), or an empty one when there is no file."""
    path = LANG_DIR / lang / "places.yml"
    if not lang or not path.is_file():
        return PlaceLexicon(lang=lang)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc
    inflections = sorted(
        ((str(k), tuple(str(v) for v in vs)) for k, vs in (data.get("inflections") or {}).items()),
        key=lambda item: -len(item[0]),
    )
    adjective = data.get("region_adjective")
    return PlaceLexicon(
        lang=lang,
        region_patterns=_patterns(data.get("region_patterns"), path),
        direction_patterns=_patterns(data.get("direction_patterns"), path),
        bare_regions={fold(k): str(v) for k, v in (data.get("bare_regions") or {}).items()},
        elliptic_regions=tuple(str(e) for e in data.get("elliptic_regions") or ()),
        metonyms=frozenset(fold(str(n)) for n in data.get("metonyms") or ()),
        metonym_verbs=frozenset(fold(str(n)) for n in data.get("metonym_verbs") or ()),
        stop_names=frozenset(fold(str(n)) for n in data.get("stop_names") or ()),
        place_cues=frozenset(fold(str(n)) for n in data.get("place_cues") or ()),
        inflections=tuple(inflections),
        possessives=tuple(str(p) for p in data.get("possessives") or ()),
        elisions=tuple(str(p).lower() for p in data.get("elisions") or ()),
        region_adjective=(
            (re.compile(adjective["ending"]), str(adjective["nominative"])) if adjective else None
        ),
        alternations=_alternations(data.get("alternations"), path),
        districts=_regexes(data.get("district_patterns"), path),
        lowercase_nouns=bool(data.get("lowercase_nouns", False)),
        near=_near(data.get("near_words")),
        settlement_words=_settlement_words(data.get("settlement_words")),
        region_plurals=_words(data.get("region_plurals")),
        capital_as_region=_capital_words(data.get("capital_as_region")),
        capital_fronted=_fronted_words(data.get("capital_as_region")),
        capital_before=_words_after(data.get("capital_before")),
        origin_words=frozenset(fold(str(w)) for w in data.get("origin_words") or ()),
        not_place_before=frozenset(fold(str(n)) for n in data.get("not_place_before") or ()),
        not_place_after=frozenset(fold(str(n)) for n in data.get("not_place_after") or ()),
        river_banks=_before_name(data.get("river_banks"), path),
        foreign_spellings=_foreign_spellings(data.get("foreign_spellings"), path),
        sector_towns=_rewrites(data.get("sector_towns"), path),
        same_name=re.compile(str(data["same_name"])) if data.get("same_name") else None,
        name_adjectives=_rewrites(data.get("name_adjectives"), path),
    )


def _foreign_spellings(
    items: Any, path: Path
) -> tuple[tuple[str, tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]], ...]:
    return tuple((str(country), _rewrites(rules, path)) for country, rules in (items or {}).items())


def _rewrites(rules: Any, path: Path) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """Rules `pattern: [replacement, ...]`, each replacement one spelling the rule forks into."""
    compiled: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
    for pattern, replacements in (rules or {}).items():
        if not isinstance(replacements, list):
            replacements = [replacements]
        try:
            compiled.append((re.compile(str(pattern), re.IGNORECASE),
                             tuple("" if r is None else str(r) for r in replacements)))
        except re.error as exc:
            raise ConfigError(f"{path}: bad spelling rule {pattern!r} ({exc})") from exc
    return tuple(compiled)


def _alternations(items: Any, path: Path) -> tuple[tuple[re.Pattern[str], str], ...]:
    result: list[tuple[re.Pattern[str], str]] = []
    for pattern, replacement in (items or {}).items():
        try:
            result.append((re.compile(str(pattern)), str(replacement)))
        except re.error as exc:
            raise ConfigError(f"{path}: bad alternation {pattern!r} ({exc})") from exc
    return tuple(result)


def _before_name(items: Any, path: Path) -> re.Pattern[str] | None:
    """One case-blind pattern of `items`, each to match up to where a name begins."""
    if not items:
        return None
    try:
        return re.compile("(?:" + "|".join(f"(?:{item})" for item in items) + r")\s*$", re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{path}: bad pattern in river_banks ({exc})") from exc


def _regexes(items: Any, path: Path) -> tuple[re.Pattern[str], ...]:
    result: list[re.Pattern[str]] = []
    for item in items or ():
        try:
            result.append(re.compile(str(item)))
        except re.error as exc:
            raise ConfigError(f"{path}: bad pattern {item!r} ({exc})") from exc
    return tuple(result)


def _settlement_words(words: Any) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + _alternatives(words) + r")\s*$", re.IGNORECASE)


def _words(words: Any) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + _alternatives(words) + r")(?!\w)", re.IGNORECASE)


def _words_after(words: Any) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"[ \u00a0]+(?:" + _alternatives(words) + r")(?!\w)")


def _capital_words(words: Any) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"\s+(?:" + _alternatives(words) + r")\s+")


def _fronted_words(words: Any) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"(?:^|[^\w])(?:" + _alternatives(words) + r")\s+$")


def _alternatives(words: Any) -> str:
    """Words or phrases as one regex alternation, longest first, any run of spaces inside."""
    phrases = sorted((re.escape(str(w)).replace("\\ ", r"\s+") for w in words), key=len, reverse=True)
    return "|".join(phrases)


def _near(words: Any) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"\s*,?\s*(?:" + _alternatives(words) + r")\s*", re.IGNORECASE)

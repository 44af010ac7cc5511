"""Transliteration-blind matching keys for place names.

News spells the same Cyrillic name many ways: French "Tchassiv Iar", English "Chasiv Yar",
German "Tschassiw Jar", Russian "Часов Яр" (a different name: found through GeoNames'
alternate names), Soviet-era forms. Two keys per name absorb most of that variation:

* the *folded* key: lower case, accents and apostrophes dropped, hyphens as spaces. Two
  spellings with the same folded key are the same written name ("Kourakhové" / "Kourakhove").
* the *phonetic* key: a folded Latin or Cyrillic name rewritten into one reduced alphabet
  (sibilants merged, h/g merged, y/i merged, "ie" as "e", doubles collapsed, French "ou",
  "tch", "j", "gu" before e and i, German "sch", "w", Polish "cz", "sz"...). Spellings with the same phonetic key
  are probably romanisations of the same name ("Koupiansk" / "Kupyansk" / "Куп'янськ").

Resolution prefers folded matches to phonetic ones; `skeleton` (consonants only) is for the
fuzzy fallback and is not part of `name_keys`, because it merges too much on its own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

KEY_VERSION = "5"
"""Bump when the key functions change: gazetteer files store precomputed keys."""
INFLECTED = "~"
"""Prefix of the folded key of a case form ("~покровську"): made at build time, see forms.py."""

_APOSTROPHES = "'’ʼ`‘ʹ\"”“´"
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye",
    "ё": "yo", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ў": "u",
}
_LATIN_EXTRA = {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ı": "i"}
# Letters whose diacritic carries the sound: keep the sound before accents are stripped.
_LATIN_SOUNDS = {"č": "ch", "š": "sh", "ž": "zh", "ż": "zh", "ź": "z", "ë": "yo", "ě": "ye"}
_TRANSLATE = str.maketrans({**_CYRILLIC, **_LATIN_EXTRA, **{c: "" for c in _APOSTROPHES}})
_SOUNDS = str.maketrans(_LATIN_SOUNDS)
_SPACES = re.compile(r"[\s\-‐‑–—_.]+")
_NON_WORD = re.compile(r"[^\w ]+")

# Ordered rewrites into the reduced alphabet: S = any hushing sibilant (ч ш щ), Z = ж,
# X = х. Longest spellings first so "chtch" is not read as "ch" + "tch".
_SIBILANTS = re.compile(r"schtsch|shtch|chtch|shch|szcz|sch|tsch|tch|sz|cz|sh|ch|c(?=h)")
_ZH = re.compile(r"zh|rz(?=[aeiouy])")
_KH = re.compile(r"kh")
_PHONETIC_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ou"), "u"),
    (re.compile(r"w"), "v"),
    (re.compile(r"tz"), "ts"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"qu"), "k"),
    (re.compile(r"gu(?=[eiy])"), "g"),
    (re.compile(r"ph"), "f"),
)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower case, accents and apostrophes dropped, one space between words.

    Cyrillic stays Cyrillic (ё as е, ї as і stay distinct from the Latin forms), so a
    Ukrainian name folds to itself minus apostrophes.
    """
    text = unicodedata.normalize("NFC", name).casefold().replace("ё", "е")
    text = "".join(_LATIN_EXTRA.get(c, c) for c in text)
    text = "".join(
        c if "\u0400" <= c <= "\u04ff" else unicodedata.normalize("NFD", c)[0]
        for c in text
        if c not in _APOSTROPHES
    )
    text = _NON_WORD.sub(" ", _SPACES.sub(" ", text))
    return " ".join(text.split())


def _latin(name: str) -> str:
    """Lower-case Latin transliteration of a Latin or Cyrillic name, accents dropped."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = text.translate(_SOUNDS).translate(_TRANSLATE)
    text = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    text = _NON_WORD.sub(" ", _SPACES.sub(" ", text))
    return " ".join(text.split())


def _phonetic(latin: str, *, j_sound: str) -> str:
    return "".join(_phonetic_word(word, j_sound=j_sound) for word in latin.split(" "))


_DOUBLES = re.compile(r"(.)\1+")
_VU = re.compile(r"^vu")
_NEUTER_ENDING = re.compile(r"(?<=[^aeiou])(?:oe|o|e)$")
"""Ukrainian -е and Russian -о, -ое end the same neuter names (Курахове / Курахово,
Pokrovske / Pokrovskoye, Очеретине / Очеретино): one sound in the key."""


def _phonetic_word(latin: str, *, j_sound: str) -> str:
    text = latin
    for pattern, repl in _PHONETIC_RULES:
        text = pattern.sub(repl, text)
    text = _SIBILANTS.sub("S", text)
    text = text.replace("dj", "dZ")
    text = _ZH.sub("Z", text)
    text = text.replace("j", j_sound)
    text = _KH.sub("X", text)
    text = text.replace("h", "g").replace("y", "i")
    text = text.replace(" ", "")
    text = _DOUBLES.sub(r"\1", text)
    text = text.replace("ie", "e").replace("io", "e")
    text = _VU.sub("u", text)
    text = _DOUBLES.sub(r"\1", text)
    return _NEUTER_ENDING.sub("e", text)


@lru_cache(maxsize=65536)
def phonetic_keys(name: str) -> frozenset[str]:
    """Phonetic keys: one, or two when a Latin "j" may be French ж or German/Polish й."""
    latin = _latin(name)
    if not latin:
        return frozenset()
    if "j" not in latin.replace("dj", ""):
        return frozenset({_phonetic(latin, j_sound="i")})
    return frozenset({_phonetic(latin, j_sound="Z"), _phonetic(latin, j_sound="i")})


@lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[str]:
    """The folded key and the phonetic key(s) of a name; two names match when they share one.

    Folded keys are prefixed with "=" so they never collide with a phonetic key.
    """
    folded = fold(name)
    if not folded:
        return frozenset()
    return frozenset({"=" + folded, *phonetic_keys(name)})


def folded_key(name: str) -> str:
    """The folded key of `name` as it appears in `name_keys` (with its "=" prefix)."""
    return "=" + fold(name)


def skeleton(phonetic_key: str) -> str:
    """Consonants of a phonetic key: a fuzzy-match hint only, it merges too much on its own."""
    return re.sub(r"[aeiou]", "", phonetic_key)


def same_name(a: str, b: str) -> bool:
    """True when two spellings share a key (the test eval scoring uses)."""
    return bool(name_keys(a) & name_keys(b))


REGION_WORDS = frozenset({
    "oblast", "oblasti", "oblastʹ", "oblast'", "obl", "region", "région", "regione", "regio",
    "province", "provincia", "provinco", "province of", "oblast de", "oblast of", "obwód",
    "obwod", "gebiet", "kraj", "krai", "kray", "okrug", "autonomous", "republic", "of", "de",
    "область", "области", "обл", "регион", "край", "республика", "республіка", "автономна",
    "автономная", "oblasts", "raion", "район",
})
"""Generic words of admin-region names ("Oblast de Tcherkassy" -> "Tcherkassy")."""


_NAME_BREAK = re.compile(r"[\s\-]+")


def region_stem(name: str) -> str:
    """The distinctive part of a region name: "Donetsk Oblast" -> "Donetsk".

    Empty when nothing distinctive is left (a bare "Oblast").
    """
    words = [w for w in _NAME_BREAK.split(name.strip()) if w]
    kept = [w for w in words if w.casefold().strip("'’.") not in REGION_WORDS]
    return " ".join(kept)

"""People's names in the nominative, for languages that inflect them (Ukrainian, Russian).

A report first names a speaker where its grammar wants: "за словами Андрія Канашевича"
(according to Andrii Kanashevych) puts the name in the genitive, and a source shown as
"Андрія Канашевича" is not found under "Андрій Канашевич" in another article. A name is
given in the nominative only where each inflected word's nominative is certain: the
dictionary knows the word as a first name, patronymic or surname in that case, or the
article itself writes the form ("… Канашевич спростував це"). A surname the dictionary only
guesses at keeps the whole name as written: the guess can be wrong ("Лишенка" is the
genitive of "Лишенко", which the guesser reads as "Лишенк").
"""

from __future__ import annotations

import functools
import re
from typing import Any

NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
OBLIQUE_CASES = frozenset({"gent", "datv", "accs", "ablt", "loct", "voct"})


@functools.cache
def _analyzer(lang: str) -> Any:
    """The morphology component's pymorphy3 analyzer for `lang` (one per process), or None
    where pymorphy3 has no dictionary for it."""
    from frontwatch.nlp.components import _morph

    try:
        return _morph(lang)
    except (ValueError, LookupError, ImportError):
        return None


@functools.lru_cache(maxsize=65536)
def _readings(lang: str, word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word of a name: the same people are named article after
    article, and the dictionary's search for an unknown surname's guesses is slow."""
    return tuple(_analyzer(lang).parse(word))


@functools.lru_cache(maxsize=65536)
def _known(lang: str, form: str) -> bool:
    """A reading's `is_known` (whether the dictionary holds its word, `form`): the reading
    searches the dictionary anew each time it is asked, about 70 µs, for the same names
    article after article."""
    return bool(_analyzer(lang).word_is_known(form))


def nominative_name(name: str, lang: str, text: str = "") -> str:
    """`name` in the nominative where every inflected word's nominative is certain; else
    `name` as written. `text` is the article, whose own forms vouch for a surname."""
    words = name.split()
    if _analyzer(lang) is None or not words or not all(w[:1].isupper() and w.isalpha() for w in words):
        return name
    parses = [_readings(lang, w) for w in words]
    first = next((p for p in parses[0] if _known(lang, p.word) and NAME_GRAMMEMES & p.tag.grammemes
                  and p.tag.case in OBLIQUE_CASES and p.tag.number != "plur"), None)
    if first is None:
        return name
    case, gender = first.tag.case, first.tag.gender
    out = []
    for word, readings in zip(words, parses, strict=True):
        form = _nominative(word, readings, case, gender, text, lang)
        if form is None:
            return name
        out.append(form)
    converted = " ".join(out)
    if _nominative_reading(parses[0]) and not _written(converted, text):
        # "Олександра" is also a woman's name in the nominative: only the article's own
        # "Олександр Сирський" tells which.
        return name
    return converted


def _nominative_reading(readings: tuple[Any, ...]) -> bool:
    """A reading of the word as a name in the nominative singular (of another person)."""
    return any(p.tag.case == "nomn" and p.tag.number != "plur" and NAME_GRAMMEMES & p.tag.grammemes
               for p in readings)


def _written(form: str, text: str) -> bool:
    return bool(text) and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def _nominative(word: str, readings: tuple[Any, ...], case: str, gender: str | None, text: str,
                lang: str) -> str | None:
    """The word's nominative in a name whose first word is in `case` and `gender`, or None
    when it is not certain. An indeclinable surname ("Маляр" of a woman) stays."""
    fitting = [p for p in readings if p.tag.case == case and (gender is None or p.tag.gender is None
                                                             or p.tag.gender == gender)]
    for parse in fitting:
        if "Fixd" in parse.tag.grammemes:
            return word
    for parse in fitting:
        if _known(lang, parse.word) and NAME_GRAMMEMES & parse.tag.grammemes:
            return _written_as(word, parse.normal_form)
    for parse in fitting:
        form = _written_as(word, parse.normal_form)
        if form != word and _written(form, text):
            return form
    return None


def _written_as(word: str, lemma: str) -> str:
    """The lemma with the word's capital ("андрій" for "Андрія": "Андрій")."""
    return lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma

"""Case forms of Cyrillic place names, made once when the gazetteer is built.

Ukrainian and Russian decline place names ("Покровськ", "біля Покровська", "у Покровську",
"під Покровськом"). The gazetteer stores every oblique form of every Cyrillic name, so that
resolving "Кураховому" is one dictionary hit on Курахове and never a guess at endings that
also fits Курахівка. pymorphy3 with its Ukrainian and Russian dictionaries inflects each word:
the last word of a name as a noun, the words before it as adjectives agreeing with it
("Велика Новосілка" -> "Великої Новосілки", "Часів Яр" -> "Часового Яру").
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any

CASES = ("gent", "datv", "accs", "ablt", "loct")
"""The oblique cases news uses with place names (біля, завдяки, на, під, у)."""
_UK_ONLY = re.compile("[іїєґ'’ʼ]")
_RU_ONLY = re.compile("[ыэъё]")
_UK_ENDING = re.compile(
    "(?:[сцз]ьк[аеийу]?|[бвгджзклмнпрстфхцчшщ]е|(?:лл|жж|шш|чч|сс|тт|нн|дд)я)(?=[ -]|$)")
"""Endings only Ukrainian writes: -ськ(е), a neuter -е after a consonant (Курахове; Russian
has -ое), a doubled consonant before -я (Роздолля; Russian has -лье)."""
_RU_ENDING = re.compile("(?:ое|ее|ый|ая|яя|ые|[сц]к|[оеё]вка|[ое]во|ино|ыно|ье)(?=[ -]|$)")
"""Endings only Russian writes: -ое, -ый, -ая, -ск (Ukrainian -е, -ий, -а, -ськ), -овка."""
_UK_ADJECTIVE = re.compile("ий(?=[ -]|$)")
"""'Зелений': an adjective in -ий after a hard consonant is Ukrainian unless Russian knows it."""
_NOMINAL = ("NOUN", "ADJF")
_PERSONAL = ("Surn", "Name", "Patr", "Fixd", "anim")
"""Readings of a person's name or an indeclinable word: a place name is neither."""


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def languages_of(name: str, country: str = "") -> tuple[str, ...]:
    """Which grammars decline a Cyrillic name: its letters say, else its country does.

    A Ukrainian village's unmarked name ("Зелений Гай") is Ukrainian; a Russian place's is
    declined both ways, since Ukrainian news declines Russian names too ("у Суджі").
    """
    lower = name.casefold()
    if _UK_ONLY.search(lower) or _UK_ENDING.search(lower.replace("поле", "поль")):
        return ("uk",)
    if _RU_ONLY.search(lower) or _RU_ENDING.search(lower):
        return ("ru",)
    adjectives = [w for w in lower.split() if _UK_ADJECTIVE.search(w)]
    if country == "UA" and adjectives and not _known(" ".join(adjectives), "ru"):
        return ("uk",)
    return ("uk", "ru")


def _known(word: str, lang: str) -> bool:
    """Does the dictionary of `lang` hold every word of `word` as it is spelt?"""
    return all(_analyzer(lang).word_is_known(w) for w in word.split())


def case_forms(name: str, lang: str) -> set[str]:
    """The oblique singular (or, for a plural name, plural) forms of `name` in `lang`."""
    words = name.split(" ")
    per_word: list[dict[str, set[str]]] = []
    agreement: tuple[str | None, str] = (None, "sing")
    for i in range(len(words) - 1, -1, -1):
        forms, found = _word_forms(words[i], lang, noun=i == len(words) - 1, agreement=agreement)
        if i == len(words) - 1:
            agreement = found
        per_word.insert(0, forms)
    result: set[str] = set()
    for case in CASES:
        options = [sorted(w.get(case, set())) for w in per_word]
        if not all(options):
            continue
        for combo in itertools.islice(itertools.product(*options), 8):
            result.add(" ".join(combo))
    result.discard(name)
    return result


def _word_forms(
    word: str, lang: str, *, noun: bool, agreement: tuple[str | None, str]
) -> tuple[dict[str, set[str]], tuple[str | None, str]]:
    """(case -> forms of one word, its gender and number for the adjectives before it)."""
    if "-" in word:
        # "Куп'янськ-Вузловий": news declines the last part, or both ("Куп'янська-Вузлового").
        head, _, tail = word.rpartition("-")
        forms, found = _word_forms(tail, lang, noun=noun, agreement=agreement)
        heads, _ = _word_forms(head, lang, noun=True, agreement=agreement) if noun else ({}, found)
        return {case: {f"{h}-{f}" for f in fs for h in {head} | heads.get(case, set())}
                for case, fs in forms.items()}, found
    parse = _nominative_parse(word, lang, noun=noun)
    if parse is None and not noun:
        parse = _possessive_parse(word, lang)
    if parse is None:
        return {case: {word} for case in CASES}, agreement
    number = parse.tag.number or "sing"
    gender = parse.tag.gender if noun else agreement[0]
    if not noun:
        number = agreement[1]
    result: dict[str, set[str]] = {}
    for item in parse.lexeme:
        tag = item.tag
        if (tag.case not in _FAMILY or tag.POS != parse.tag.POS or (tag.number or "sing") != number
                or number == "sing" and gender and tag.gender and tag.gender != gender
                or "Supr" in str(tag) or "Cmp2" in str(tag)):
            continue
        result.setdefault(_FAMILY[tag.case], set()).add(_like(word, item.word))
    return result, (parse.tag.gender, number)


_FAMILY = {"gent": "gent", "gen2": "gent", "datv": "datv", "accs": "accs", "ablt": "ablt",
           "loct": "loct", "loc2": "loct"}
"""pymorphy3 keeps second genitive and locative apart ("яру", "в саду")."""
_POSSESSIVE = re.compile("(?<=[а-яіїєґ])(ів|їв|ов|ев|ин)$")


def _possessive_parse(word: str, lang: str) -> Any:
    """'Часів' of "Часів Яр" is a short possessive adjective: it declines as 'Часовий'."""
    match = _POSSESSIVE.search(word.casefold())
    if match is None:
        return None
    stem = word[: match.start()]
    suffix = {"ів": "ов", "їв": "єв"}.get(match.group(1), match.group(1))
    full = stem + suffix + ("ий" if lang == "uk" else "ый")
    parses = [p for p in _analyzer(lang).parse(full) if p.tag.POS == "ADJF" and p.tag.case == "nomn"]
    return parses[0] if parses else None


def _nominative_parse(word: str, lang: str, *, noun: bool) -> Any:
    """The reading of `word` as the nominative of a noun (last word) or an adjective."""
    parses = [p for p in _analyzer(lang).parse(word) if p.tag.case == "nomn"]
    if not parses:
        return None
    wanted = ("NOUN",) if noun else ("ADJF", "NOUN")

    def rank(p: Any) -> tuple[int, int, int, float]:
        tag = str(p.tag)
        return (
            0 if p.tag.POS in wanted else 1 if p.tag.POS in _NOMINAL else 2,
            0 if "Geox" in tag else 1,
            sum(mark in tag for mark in _PERSONAL),
            -p.score,
        )

    best = min(parses, key=rank)
    return best if best.tag.POS in _NOMINAL else None


def _like(original: str, form: str) -> str:
    """`form` with the capitals of `original` ("курахового" -> "Курахового")."""
    return form[:1].upper() + form[1:] if original[:1].isupper() else form


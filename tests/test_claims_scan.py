"""Scanning a sentence for many lexicon patterns at once gives each pattern's own matches."""

from __future__ import annotations

import dataclasses
import re

import pytest

from frontwatch.claims.lexicon import FLAGS, load_lexicon
from frontwatch.claims.scan import (
    LiteralScreen,
    PatternSet,
    labelled_hits,
    labelled_hits_within,
    rule_spans,
    screened,
)

TEXTS = [
    "Russian forces took the village of Oakfield and pushed on towards Millbrook, the army said.",
    "Les troupes ont pris le hameau de Vertbois ; l'armée affirme avoir repris Vertbois hier.",
    "aaa aa a aaaa",
    "",
    "«Мы взяли село», — сказал военный. Армия сообщила, що сили відійшли.",
    "СИЛИ оборони: 47 ОМБр, «ДНР» і Mash MASH mash; 3-тя бригада. Ǆ ǆ ǅ K k",
    "ſtorm STORM \u212aelvin; ᲀзяли İstanbul ıs İS iſt взᲀ; x",
]


def own_spans(patterns: list[re.Pattern[str]], text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in p.finditer(text)] for p in patterns]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("sources", [
    [r"\btook\b", r"\bto\w*", r"village of \w+", r"\bthe\b", r"a+", r"aa"],
    [r"\bpris\b", r"(?<!re)pris", r"\w+bois\b", r"l'armée \w+", r"ont pris le"],
    [r"x*", r"\ba", r"(?=a)"],
    [r"(a)\1", r"\bвзял\w*", r"сил\w*"],
    [r"\bto\w*", r"(?:\bvil)|(?:\bmil\w+)", r"o\w", r"(?a:\bвз\w*)", r"(?:\b)?s", r"\bпр\w*|ill"],
    [r"\bсил\w* оборони", r"(?:\b\d+ ОМБр\b)|\bмаш", r'\b["«]?[ДЛ]НР["»]?', r"(?-i:Mash)", r"(?<!\w)mash(?!\w)",
     r"\S+ бригад\w*", r"[а-я]+тя", r"[^ ]НР", r"(?i:ǆ)", r"k\b"],
    [r"\bstorm", r"\bkel\w+", r"\bвзял\w*", r"\bis\w*", r"\bist", r"\bx", r"[sk]\w?t", r"(?:[^a]|ı)s"],
], ids=["overlapping", "lookbehind", "empty-matches", "groups", "word-starts", "openings", "case-equivalents"])
def test_scan_spans_equal_each_patterns_finditer(sources: list[str], text: str) -> None:
    patterns = [re.compile(source, FLAGS) for source in sources]
    assert PatternSet(patterns).spans(text) == own_spans(patterns, text)


def test_scan_mixed_flags_scan_one_by_one() -> None:
    patterns = [re.compile(r"village", FLAGS), re.compile(r"Village")]
    text = "The Village and the village."
    assert PatternSet(patterns).spans(text) == own_spans(patterns, text)


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "uk"])
def test_scan_lexicon_rules_match_as_before(lang: str) -> None:
    lexicon = load_lexicon(lang)
    for rules in (lexicon.triggers, lexicon.sources):
        patterns = [rule.pattern for rule in rules]
        for text in TEXTS:
            assert rule_spans(rules, text) == own_spans(patterns, text)


Described = list[list[tuple[tuple[int, int], dict[str, str | None]]]]


def described(found: list[list[re.Match[str]]]) -> Described:
    return [[(m.span(), m.groupdict()) for m in matches] for matches in found]


def own_matches(patterns: list[re.Pattern[str]], text: str) -> Described:
    return described([list(p.finditer(text)) for p in patterns])


DATED = "Le 12 mai, 3 days later; on 5 May 2024, 40 днів тому, 7 травня 2023 року, у вересні; xx 2 2"


@pytest.mark.parametrize("sources", [
    [r"(?P<day>\d{1,2}) (?P<month>mai|may|травня)", r"(?<!\w)(?P<n>\d+) (?P<unit>days|днів)", r"\bу (?P<m>вересні)"],
    [r"(?P<a>x)(?P=a)", r"(?P<d>\d) (?P<e>\d)"],
], ids=["named", "back-reference"])
def test_scan_named_groups_come_from_each_patterns_own_match(sources: list[str]) -> None:
    patterns = [re.compile(source, FLAGS) for source in sources]
    assert described(PatternSet(patterns).matches(DATED)) == own_matches(patterns, DATED)


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "uk"])
def test_scan_date_patterns_match_as_before(lang: str) -> None:
    patterns = list(load_lexicon(lang).dates.patterns)
    assert PatternSet(patterns).combined
    for text in [*TEXTS, DATED]:
        assert described(PatternSet(patterns).matches(text)) == own_matches(patterns, text)


@pytest.mark.parametrize("source", [
    r"\bto\w*|\bvil\w+", r"\b(?:Сил\w* оборони|ЗСУ)|\b\d+ ОМБр\b", r"\b(?P<n>\d+) (?P<unit>днів|days)", r"(?-i:\bMash)",
    r'\b["«]?[ДЛ]НР', r"^\s*також\b", r"\bk\b", r"\b[а-я]+тя", r"\s*,\s*(?:армія|військовий)\b",
    r"(?:\bла\b)|(?:[—–]\s+(?=[^—–]{0,45}$))", r"(?:\bMay)|(?:^Le)", r"(?<!\w)(?P<n>\d+) (?P<unit>днів|days)(?!\w)",
    r"(?<!\w)a|\bLe",
])
def test_scan_screened_pattern_matches_as_its_source(source: str) -> None:
    pattern = re.compile(source, FLAGS)
    for text in [*TEXTS, DATED]:
        assert described([list(screened(pattern).finditer(text))]) == described([list(pattern.finditer(text))])
        assert [screened(pattern).match(text, i) is not None for i in range(len(text))] == [
            pattern.match(text, i) is not None for i in range(len(text))]


SCREENED_TEXTS = [
    *TEXTS,
    DATED,
    "Там, у селі Роботине, ЗСУ спростували заяви; ТАМ і тᲄм, ᲄам — «там». Село, СЕЛИЩЕ, селᲂ.",
    "Σεισμός ΣΤΑΘΜΟΣ; İstanbul, Iſtanbul: the STORM ſtorm denied it",
    "За словами речника — це 40 % міста; решта – частина; 25% і ще 7 %.",
]


def windows(text: str) -> list[tuple[int, int]]:
    """Stretches of every length at every third position (and ones reaching past the end)."""
    return [(start, end) for start in range(-2, len(text) + 1, 3) for end in range(start, len(text) + 4, 2)]


@pytest.mark.parametrize("sources", [
    [r"\bтам\b", r"\bсел(?:о|а|і|ище)\b", r"(?:це|той) (?:місто|село)", r"\bспростува\w*|\bзаперечи\w*", r"ЗСУ"],
    [r"\bstorm", r"(?-i:STORM)", r"\bdenied|\brefuted", r"istanbul", r"σεισμ\w+|σταθμός", r"ſt\w+"],
    [r"(?:\bla\b)|(?:prise de \w+)", r"\d+ (?:mai|may|травня)", r"x+", r"(?:ab)+c", r"(?<!\w)днів(?!\w)"],
    [r"[—–]\s+(?=[^—–]{0,45}$)|\bза словами\b", r"\b\d+\s?%|\bчастин\w*", r"[;:]\s*\w+", r"[ſs]torm"],
], ids=["ukrainian", "case-equivalents", "forms", "marks"])
def test_literal_screen_never_hides_a_match(sources: list[str]) -> None:
    for text in SCREENED_TEXTS:
        screen = LiteralScreen(text)
        for pattern in (re.compile(source, FLAGS) for source in sources):
            for start, end in windows(text):
                if pattern.search(text, start, end) is not None:
                    assert screen.may_match(pattern, start, end), (pattern.pattern, text, start, end)


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "uk"])
def test_literal_screen_never_hides_a_lexicon_match(lang: str) -> None:
    lexicon = load_lexicon(lang)
    patterns = [value for field in dataclasses.fields(lexicon)
                if isinstance(value := getattr(lexicon, field.name), re.Pattern)]
    for text in SCREENED_TEXTS:
        screen = LiteralScreen(text)
        for pattern in patterns:
            for start, end in windows(text)[::7]:
                if pattern.search(text, start, end) is not None:
                    assert screen.may_match(pattern, start, end), (pattern.pattern, text, start, end)


def test_literal_screen_skips_stretches_without_the_words() -> None:
    text = "Бої тривають біля Роботиного, там ворог атакує. Село Вербове утримують."
    screen = LiteralScreen(text)
    there = re.compile(r"\bтам\b", FLAGS)
    at = text.index("там")
    assert not screen.may_match(there, 0, at)
    assert not screen.may_match(there, at + 1, len(text))
    assert screen.may_match(there, 0, at + 3)


def test_literal_screen_blanked_copies_hold_no_more_words() -> None:
    # The claim rules search copies with names blanked out as "x" runs and quotes as spaces.
    text = "Генштаб «спро» стування не визнав"
    blanked = text.replace("«", " ").replace("»", " ")
    pattern = re.compile(r"\bспро\s*стування", FLAGS)
    assert pattern.search(blanked) and not pattern.search(text)
    assert LiteralScreen(text).may_match(pattern, 0, len(text))


SIDE_TEXTS = [
    *SCREENED_TEXTS,
    "Російські війська атакували. ЗСУ відбили штурм.\n\nВорог\nзнову наступав, окупанти відійшли.",
    "Les forces russes avancent ; l'armée ukrainienne recule.\n\nLes Russes ont pris le village.",
    "Russian troops\nadvanced. Ukraine's forces fell back, the enemy said.\n\nRussian forces took it.",
]


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "uk"])
def test_sides_within_a_stretch_are_those_of_its_own_search(lang: str) -> None:
    sides = load_lexicon(lang).actors
    for text in SIDE_TEXTS:
        hits = labelled_hits(sides, text)
        for start, end in windows(text):
            if start < 0 or end > len(text):
                continue
            within = labelled_hits_within(sides, text, hits, start, end)
            if within is not None:
                own = [(side, a + start, b + start) for side, a, b in labelled_hits(sides, text[start:end])]
                assert within == own, (text, start, end)


def test_sides_within_a_sentence_need_no_search_of_their_own() -> None:
    sides = load_lexicon("uk").actors
    text = "Російські війська атакували. ЗСУ відбили штурм.\n\nВорог знову наступав."
    hits = labelled_hits(sides, text)
    second = text.index("ЗСУ")
    assert labelled_hits_within(sides, text, hits, second, text.index("Ворог")) == [
        (side, a, b) for side, a, b in hits if second <= a < text.index("Ворог")]
    assert labelled_hits_within(sides, text, hits, 0, text.index("війська") + 3) is None  # across a match
    assert labelled_hits_within(sides, text, hits, 2, second) is None  # inside a word


@pytest.mark.parametrize("source", [r"(?<=\s)сил\w*", r"\Bсил", r"^сил", r"сил\w*$", r"(\w)\1", r"(?>сил\w*) ЗСУ",
                                    r"сил(?= ЗСУ)", r"\bсил(?!\w)", r"x*"])
def test_sides_within_a_stretch_need_self_contained_patterns(source: str) -> None:
    sides = [("UA", re.compile(source, FLAGS))]
    text = "сили ЗСУ і сили"
    assert labelled_hits_within(sides, text, labelled_hits(sides, text), 0, len(text)) is None


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "uk"])
def test_literal_screen_of_a_lexicons_dates_never_hides_one(lang: str) -> None:
    patterns = load_lexicon(lang).dates.patterns
    for text in [*SCREENED_TEXTS, "Бої тривають з 2022 року, вчора — теж.", "У 19 селах; 20 травня 2024 р."]:
        screen = LiteralScreen(text)
        for start, end in windows(text)[::5]:
            if any(pattern.search(text, start, end) for pattern in patterns):
                assert screen.may_match_any(patterns, start, end), (text, start, end)


def test_literal_screen_of_dates_skips_a_sentence_without_their_words() -> None:
    patterns = load_lexicon("uk").dates.patterns
    text = "Ворог атакував біля Роботиного. У 2023 році село звільнили."
    screen = LiteralScreen(text)
    assert not screen.may_match_any(patterns, 0, text.index("У"))
    assert screen.may_match_any(patterns, text.index("У"), len(text))

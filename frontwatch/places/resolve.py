"""Toponym spotting and resolution: which spans of an article are places, and which places.

Spotting proposes capitalised token n-grams (and region phrases from the language's lexicon);
the gazetteer's transliteration-blind keys, case-ending guesses for Ukrainian and Russian and the
renamings table propose places; context picks one. Context is what an analyst would use: the
regions the article names, the places it names unambiguously (a Druzhba next to Toretsk,
Pivnichne and Zalizne is the Druzhba of the Toretsk hromada), then prominence and country.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from frontwatch.places.gazetteer import Gazetteer, prominence
from frontwatch.places.keys import fold, phonetic_keys
from frontwatch.places.lexicon import PhrasePattern, PlaceLexicon, load_place_lexicon
from frontwatch.records import UNLISTED, Place, PlaceMention, UnresolvedName

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;«\"“\n(]\s*)$")
"""What may stand before the first word of a sentence; a closing quote does not
(Moscou affirme avoir « libéré » Sopytch)."""
_MAX_TOKENS = 4

MATCH_QUALITY = {
    "exact": 1.0, "historical": 0.95, "region": 0.95, "inflected": 0.95, "key": 0.7,
    "alias": 0.7, "guessed": 0.6, "fuzzy": 0.5, "unlisted": 0.4,
}
_OWN = frozenset({"exact", "historical", "inflected", "key"})
"""Ways of matching that read a name the place carries as its own."""
_SPELT = frozenset({"exact", "historical", "inflected"})
"""Ways of matching where the text spells the name as the place's own, letter for letter."""
_LOW_FEATURES = frozenset({"PPLX", "PPLH", "PPLQ", "PPLW"})
_PERSON_OR_ORG = frozenset({"PER", "PERSON", "ORG", "NORP"})
_PERSON = frozenset({"PER", "PERSON"})
_PROMINENT = frozenset({"PPLC", "PPLA", "PPLA2"})
_NEAR_KM = 40.0
_TOWN = 5000
"""Inhabitants from which a place is a town."""
_LOG_TOWN, _LOG_SPAN = math.log10(_TOWN), 6.0 - math.log10(_TOWN)
_BIG = 100000
"""Inhabitants from which a place needs no support from the rest of the article."""
# Russia's regions on the front line; farther Russian towns are namesakes far more often
# than the place a war report is about.
FRONT_ADMIN1 = frozenset({"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast", "Rostov Oblast", "Voronezh Oblast"})
_PROXIMITY_KM = 60.0
_OUTLIER_KM = 250.0
_SUPPORT_KM = 50.0
_LOCAL_CHARS = 200
# Villages listed together lie a few kilometres apart: the bonus of a place named next to
# a reading fades over this distance.
_LIST_KM = 20.0
_SECTOR_KM = 30.0
"""The scale of a front sector: how far from its town the places it lists lie."""
_SAME_NAME_REACH = 200
"""How far before "la ville du même nom" the adjective it echoes may stand (about a sentence)."""
_REGION_KM = 150.0
"""The scale of a region: a place named with one is likelier the nearer it lies to it."""


@dataclass(slots=True)
class _Candidate:
    place: Place
    how: str
    surface: str = ""


@dataclass(slots=True)
class _Spot:
    start: int
    end: int
    text: str
    candidates: list[_Candidate]
    common_word: bool = False
    person_like: bool = False
    sentence_start: bool = False
    several_words: bool = False
    """The name is more than one word, each capitalised ("Велика Новосілка"): a capital
    inside it is evidence of a name even where the first word opens the sentence."""
    metonym: bool = False
    speaking: bool = False
    """A capital its government speaks for ("у Києві спростували")."""
    cued: bool = False
    vetoed: bool = False
    in_person: bool = False
    listed: bool = False
    written_lower: bool = False
    """The article writes the word in lower case too: a common word it uses as one."""
    near: _Spot | None = None
    refused: str = ""
    """Why a name that looked like a place's was left without one ("" when it was not)."""
    refused_in: frozenset[str] = frozenset()
    """The regions (admin1) in which the name was looked for, when it was refused for
    having no place there."""
    chosen: _Candidate | None = None
    score: float = 0.0
    alternatives: list[float] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Namesakes:
    """A name's readings as `PlaceFinder._choose` weighs them, column by column: each
    reading's point (`_points`), region, whether the name is the place's own, and what it
    weighs before context (`_weights`). A name has about twenty namesakes, each weighed
    in every round for every time the article says it. The table is found by the readings'
    ids; holding the readings (`candidates`) keeps those ids from going to other objects
    while it stands."""

    candidates: tuple[_Candidate, ...]
    ids: frozenset[int]
    points: tuple[tuple[int, float, float, float], ...]
    admin1: tuple[str, ...]
    own: tuple[bool, ...]
    weights: tuple[tuple[float, bool, float, float, bool, float], ...]


_NAMESAKES_AT_MOST = 65536


class _Token(NamedTuple):
    """A word of the text (a tuple: an article has thousands, made on every call)."""

    start: int
    end: int
    text: str
    capitalized: bool


class PlaceFinder:
    """Finds and resolves the toponyms of an article against one gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._lookup = lru_cache(maxsize=65536)(self._lookup_uncached)
        self._bare_region_of = lru_cache(maxsize=65536)(self._bare_region_uncached)
        # A region's name is looked up in every form it may take, and articles name the same
        # few regions again and again.
        self._region = lru_cache(maxsize=65536)(gazetteer.region)
        self._region_named_of = lru_cache(maxsize=65536)(self._region_named_uncached)
        self._sector_town = lru_cache(maxsize=4096)(self._sector_town_uncached)
        # Each name's readings as `_choose` weighs them, by the ids of the looked-up readings.
        self._namesakes: dict[tuple[int, ...], _Namesakes] = {}

    def find(
        self,
        text: str,
        *,
        lang: str,
        entities: Sequence[tuple[int, int, str]] = (),
    ) -> list[PlaceMention]:
        """Resolved place mentions of `text`, sorted by start offset.

        `entities` are optional NER spans (start, end, label): persons and organisations veto
        guesses, and any entity is one more candidate span. Nothing here needs them.
        """
        return self.locate(text, lang=lang, entities=entities)[0]

    def locate(
        self,
        text: str,
        *,
        lang: str,
        entities: Sequence[tuple[int, int, str]] = (),
    ) -> tuple[list[PlaceMention], list[UnresolvedName]]:
        """`find`'s mentions, and the names left without a place with the reason why: a
        name with no place inside the regions said, a village far from everything else the
        article names, a capitalised word after a place cue that no gazetteer name spells."""
        lexicon = load_place_lexicon(lang)
        # Only capitalised words can start a name (an elided "d'Ugledar" may turn into one);
        # the others only part names, and the text between two kept words says as much.
        tokens = [_Token(m.start(), m.end(), word, word[0].isupper())
                  for m in _TOKEN.finditer(text) for word in (m.group(),)
                  if word[0].isupper() or "'" in word or "’" in word]
        if lexicon.possessives:
            tokens = [_trim_possessive(t, lexicon) if t.capitalized else t for t in tokens]
        if lexicon.elisions:
            tokens = [_trim_elision(t, lexicon) if "'" in t.text or "’" in t.text else t
                      for t in tokens]
        taken = _Taken(len(text))
        spots: list[_Spot] = []
        halves: list[tuple[int, int, str]] = []
        sectors: list[tuple[int, Place]] = []
        spots += self._region_phrases(text, lexicon, taken, sectors)
        spots += self._name_spans(text, tokens, lexicon, entities, taken, halves)
        _apply_vetoes(text, spots)
        self._region_lists(text, spots, lexicon)
        _capitals_before_settlements(text, spots, lexicon, self._region)
        _bind_regions(text, spots, lexicon, lambda surface: self._guesses(surface, lexicon),
                      self._region)
        _fronted_capitals(text, spots, lexicon, self._region)
        _bind_fronted_regions(text, spots)
        _bind_neighbours(text, spots, lexicon)
        _russian_capitals_as_regions(spots, self._region)
        scopes = _sector_scopes(text, sectors)
        self._resolve(spots, scopes)
        self._misspelt_on_sectors(spots, scopes)
        unmatched = self._unmatched(text, tokens, lexicon, entities, taken, spots) + halves
        unmatched.sort()
        guessed = self._fuzzy(unmatched, spots)
        fuzzy = {g.start for g in guessed}
        guessed += self._unlisted(text, spots, lexicon, [u for u in unmatched if u[0] not in fuzzy])
        spots += guessed
        mentions = [
            PlaceMention(s.start, s.end, s.text, s.chosen.place, round(s.score, 3), s.chosen.how)
            for s in spots
            if s.chosen is not None
        ]
        mentions += self._same_name(text, lexicon, taken)
        mentions.sort(key=lambda m: (m.start, -m.end))
        unresolved = [UnresolvedName(s.start, s.end, s.text, s.refused)
                      for s in spots if s.chosen is None and s.refused]
        found = {g.start for g in guessed}
        unresolved += [UnresolvedName(start, end, surface, "no place of that name in the gazetteer")
                       for start, end, surface in unmatched if start not in found]
        unresolved.sort(key=lambda u: u.start)
        return mentions, unresolved

    # spotting ----------------------------------------------------------------------------

    def _region_phrases(
        self, text: str, lexicon: PlaceLexicon, taken: _Taken, sectors: list[tuple[int, Place]]
    ) -> list[_Spot]:
        """Region phrases as spots; front sectors named after a town go to `sectors` as
        (offset, town) instead."""
        spots: list[_Spot] = []
        for pattern, is_direction in itertools.chain(
            ((p, False) for p in lexicon.region_patterns),
            ((p, True) for p in lexicon.direction_patterns),
        ):
            for match in pattern.finditer(text):
                # A "cue" group only cues the name ("les régions de Kharkiv et de {name}", "{name}
                # and Donetsk regions"): the mention is the name alone, whatever took the rest.
                cued = "cue" in match.re.groupindex
                if cued:
                    if taken.overlaps(match.start("name"), match.end("name")):
                        continue
                elif taken.overlaps(match.start(), match.end()) and (
                        pattern.name_first or taken.overlaps(match.start(), match.start("name"))):
                    continue
                found = self._region_in(match, pattern, lexicon)
                if found is None:
                    if is_direction and pattern.name_first:
                        sectors += [(match.start(), town) for town in
                                    self._sector_names(text, match, taken, lexicon)]
                    continue
                region, name_start, name_end = found
                start = name_start if pattern.name_first or cued else match.start()
                end = match.end() if pattern.name_first and not cued else name_end
                # The name slot may run on into the next phrase ("de Louhansk et l'oblast");
                # only the words kept must be free.
                if taken.overlaps(start, end):
                    continue
                spots.append(_Spot(start, end, text[start:end], [_Candidate(region, "region")]))
                taken.append((start, end))
        return spots

    def _region_lists(self, text: str, spots: list[_Spot], lexicon: PlaceLexicon) -> None:
        """'The Donetsk, Luhansk, Zaporizhzhia and Kherson regions', 'les régions de Donetsk,
        Louhansk et Kherson', 'four regions – Luhansk, Donetsk...': a plural word for regions
        that closes or opens a list, or stands in one of its items, makes every name of the
        list the region it names, not the city (nor a village "Luhanske")."""
        plurals = lexicon.region_plurals
        if plurals is None:
            return
        # Where the plural words stand: one scan of the text, then lookups per list.
        said = [m.start() for m in plurals.finditer(text)]
        adjectives = {id(s): a for s in spots if (a := _region_adjective(s, lexicon))}
        if not said and not adjectives:
            return
        # Only the names near a plural word or a region's adjective can be in such a list.
        near = [(at - _LIST_REACH, at + _LIST_REACH) for at in said]
        near += [(s.start - _LIST_REACH, s.end) for s in spots if id(s) in adjectives]
        groups: list[list[_Spot]] = []
        for spot in sorted((s for s in spots if s.candidates and _overlaps(near, s.start, s.end)),
                           key=lambda s: s.start):
            if groups and _list_gap(text, groups[-1][-1].end, spot.start, lexicon):
                groups[-1].append(spot)
            else:
                groups.append([spot])
        opening = _opening(plurals)
        for group in groups:
            first, last = group[0], group[-1]
            adjective = adjectives.get(id(last), "")
            # A plural word right after the list, or in its last item ("Kherson region|s|").
            plural = _said_within(said, last.start, _after_spaces(text, last.end) + 1)
            if plural or adjective:
                # "в Донецкой, Луганской и Запорожской областях": the adjectives before the
                # last are no town's name, so nothing spotted them, or a town's case form did.
                group[:0] = self._listed_before(text, first.start, spots, lexicon)
            if len(group) < 2:
                continue
            if adjective and not plural:
                # "Донецьку, Луганську та Херсонську області": the items end as the region's
                # adjective does (a singular case would not agree: "у Донецьку та
                # Херсонській області").
                plural = all(fold(s.text)[-2:] == fold(adjective)[-2:] for s in group[:-1])
            if not (plural or any(_said_within(said, s.start, s.end) for s in group)
                    or opening.search(text, max(0, group[0].start - 30), group[0].start)):
                continue
            for spot in group:
                if _is_region(spot):
                    continue
                region = self._region_named(spot.text, lexicon)
                if region is not None:
                    spot.candidates = [_Candidate(region, "region")]

    def _listed_before(self, text: str, start: int, spots: list[_Spot],
                       lexicon: PlaceLexicon) -> list[_Spot]:
        """The names listed right before `start`: the spots there, and the names of regions
        nothing spotted, as new spots."""
        found: list[_Spot] = []
        while (word := _LIST_BEFORE.search(text, max(0, start - 40), start)) is not None:
            begin, end = word.start("word"), word.end("word")
            if not word.group("word")[0].isupper():
                break
            spot = next((s for s in spots if s.start == begin and s.end == end and s.candidates), None)
            if spot is None:
                region = self._region_named(word.group("word"), lexicon)
                if region is None or any(s.start < end and begin < s.end for s in spots):
                    break
                spot = _Spot(begin, end, text[begin:end], [_Candidate(region, "region")])
                spots.append(spot)
            found.insert(0, spot)
            start = begin
        return found

    def _region_named(self, surface: str, lexicon: PlaceLexicon) -> Place | None:
        """The region a name or a region's adjective names, in any case form."""
        return self._region_named_of(surface, lexicon.lang)

    def _region_named_uncached(self, surface: str, lang: str) -> Place | None:
        lexicon = load_place_lexicon(lang)
        adjective = lexicon.region_adjective_form(surface)
        for form in (surface, adjective, *lexicon.nominatives(surface)):
            region = self._region(form)
            if region is not None:
                return region
        # "Брянської області": the region of another country, spelt this language's way.
        for country, form in lexicon.foreign_forms(adjective):
            region = self._region(form)
            if region is not None and region.country == country:
                return region
        return None

    def _sector_names(
        self, text: str, match: re.Match[str], taken: _Taken, lexicon: PlaceLexicon
    ) -> list[Place]:
        """'на Покровському напрямку', 'the Lyman and Bakhmut directions': a front sector is
        named after a town but is no place; its words name neither the town nor a namesake
        village ("Покровському" is not Pokrovske). A list of sectors is taken whole.

        Returns the towns the sectors are named after: the villages a report lists on a
        sector lie around its town ("на слов'янському напрямку" in lower case too)."""
        words = list(_NON_SPACE.finditer(match.group("name")))
        if not words:
            return []
        capital = words[-1].group()[0].isupper()
        start = match.start("name") + words[-1].start()
        towns: list[Place] = []
        while True:
            surface = _WORD_AT_START.match(text, start)
            if surface is None or (capital and taken.overlaps(start, surface.end())):
                break
            if capital:
                taken.append((start, surface.end()))
            town = self._sector_town(surface.group(), lexicon.lang)
            if town is not None:
                towns.append(town)
            before = _LIST_BEFORE.search(text, max(0, start - 40), start)
            if before is None or before.group("word")[0].isupper() != capital:
                break
            start = before.start("word")
        return towns

    def _sector_town_uncached(self, word: str, lang: str) -> Place | None:
        """The town a sector's word names: of the names it may come from, the most populous
        town of Ukraine or of Russia's front regions that carries one as its own."""
        best: Place | None = None
        for name in load_place_lexicon(lang).sector_town_names(word):
            for candidate in self._lookup(name, lang):
                place = candidate.place
                if (candidate.how in _SPELT and place.population >= _TOWN
                        and (place.country == "UA" or place.admin1 in FRONT_ADMIN1)
                        and (best is None or place.population > best.population)):
                    best = place
        return best

    def _same_name(self, text: str, lexicon: PlaceLexicon, taken: _Taken) -> list[PlaceMention]:
        """"la ville du même nom": the town whose name the last adjective before it comes from
        ("les hauteurs de Tchasov-Iarsky"), if one town of Ukraine or of Russia's front regions
        has that name."""
        if lexicon.same_name is None or not lexicon.name_adjectives:
            return []
        found: list[PlaceMention] = []
        for match in lexicon.same_name.finditer(text):
            if taken.overlaps(match.start(), match.end()):
                continue
            words = [w.group() for w in _NON_SPACE.finditer(text, max(0, match.start() - _SAME_NAME_REACH),
                                                             match.start())]
            adjectives = [w.strip(".,;:!?«»\"()") for w in words]
            for word in reversed([a for a in adjectives if a[:1].isupper()]):
                towns = {c.place.geonameid: c.place for pattern, replacements in lexicon.name_adjectives
                         if pattern.search(word) for r in replacements
                         for c in self._lookup(pattern.sub(r, word, count=1), lexicon.lang)
                         if c.place.country == "UA" or c.place.admin1 in FRONT_ADMIN1}
                if len(towns) == 1:
                    place = next(iter(towns.values()))
                    found.append(PlaceMention(match.start(), match.end(), match.group(), place, 0.8, "same_name"))
                    break
        return found

    def _region_in(
        self, match: re.Match[str], pattern: PhrasePattern, lexicon: PlaceLexicon
    ) -> tuple[Place, int, int] | None:
        """The region a phrase's name slot names, and where that name lies in the text.

        The slot may have caught lowercase or unrelated words ("settlements in Kharkiv"): the
        capitalised runs next to the phrase's keyword are tried, longest first.
        """
        base = match.start("name")
        words = [(m.start() + base, m.end() + base, m.group())
                 for m in _NON_SPACE.finditer(match.group("name"))]
        runs = (
            [words[i:] for i in range(len(words))]
            if pattern.name_first
            else [words[:i] for i in range(len(words), 0, -1)]
        )
        for run in runs:
            if not run or not all(w[2][0].isupper() for w in run):
                continue
            region = self._region_named(" ".join(w[2] for w in run), lexicon)
            if region is not None:
                return region, run[0][0], run[-1][1]
        return None

    def _name_spans(
        self,
        text: str,
        tokens: list[_Token],
        lexicon: PlaceLexicon,
        entities: Sequence[tuple[int, int, str]],
        taken: _Taken,
        halves: list[tuple[int, int, str]],
    ) -> list[_Spot]:
        spots: list[_Spot] = []
        vetoed = [(s, e) for s, e, label in entities if label in _PERSON_OR_ORG]
        people = [(s, e) for s, e, label in entities if label in _PERSON]
        i = 0
        after_capital = after_opener = False
        # Where the last name that a word before it made no place ends: the next item of its
        # list is none either ("les rivières Oskol et Severski Donets").
        not_places_end = -1
        while i < len(tokens):
            token = tokens[i]
            if not token.capitalized or taken.overlaps(token.start, token.end):
                after_capital = after_opener = False
                i += 1
                continue
            run = 1
            while (
                run < _MAX_TOKENS
                and i + run < len(tokens)
                and tokens[i + run].capitalized
                and not taken.overlaps(tokens[i + run].start, tokens[i + run].end)
                and text[tokens[i + run - 1].end:tokens[i + run].start] in (" ", "\u00a0")
            ):
                run += 1
            consumed = 1
            for n in range(run, 0, -1):
                start, end = token.start, tokens[i + n - 1].end
                surface = text[start:end]
                folded = _folded(surface)
                if _stop_name(lexicon.lang, surface):
                    consumed = n
                    taken.append((start, end))
                    break
                cue = _not_a_place(text, start, end, lexicon)
                if not cue and not_places_end >= 0 and _CHAIN.fullmatch(text, not_places_end, start):
                    cue = "before"
                if cue == "after" and n > 1 and not self._lookup(surface, lexicon.lang):
                    # "Очеретине Покровського району": only the word before "району"
                    # names the district; the words before it are tried on their own.
                    last = tokens[i + n - 1]
                    taken.append((last.start, last.end))
                    run = n - 1
                    continue
                if n == 1 and len(surface) < 3:
                    break
                if n == 1 and run > 1 and self.gazetteer.opens_names(surface):
                    # "près de Malaïa Loknia": a word that opens names ("Mala", "Novaya")
                    # makes one name with the next, which the gazetteer lacks (it found no
                    # two-word name here); the next word alone is another village.
                    following = tokens[i + 1]
                    halves.append((start, following.end, text[start:following.end]))
                    taken.append((start, following.end))
                    consumed = 2
                    break
                if cue:
                    consumed = n
                    taken.append((start, end))
                    if cue == "before":
                        not_places_end = end
                    break
                region = self._bare_region(surface, lexicon)
                candidates = (
                    [_Candidate(region, "region")]
                    if region
                    else self._lookup(surface, lexicon.lang)
                )
                if not candidates:
                    continue
                spot = _Spot(start, end, surface, list(candidates))
                spot.sentence_start = _sentence_start(text, start)
                spot.several_words = n > 1 and all(t.capitalized for t in tokens[i:i + n])
                # Where common nouns are written in lower case, a capital inside a sentence
                # makes a name of the word ("у Весні", "Вишнева").
                if n == 1 and not region and (spot.sentence_start or not lexicon.lowercase_nouns):
                    spot.common_word = _is_common_word(token.text, lexicon.lang)
                    spot.written_lower = spot.common_word and _written_lower(text, token.text)
                spot.metonym = n == 1 and not region and folded in lexicon.metonyms
                spot.speaking = spot.metonym and _speaks(text, end, lexicon)
                spot.cued = _cued(text, start, lexicon)
                spot.vetoed = spot.common_word and _overlaps(vetoed, start, end)
                # "Місто Сіверськ", "Село Сопич" opening a sentence: the NER takes the two
                # capitalised words for a person, but a word for a settlement names a place.
                settled = lexicon.settlement_words is not None and bool(
                    lexicon.settlement_words.search(text, max(0, start - _SETTLEMENT_REACH), start))
                spot.in_person = not settled and _overlaps(people, start, end)
                # "Serhiy Kovalev": a name inside a longer capitalised run reads as a
                # person's; after a common word opening the sentence, only if the NER says
                # so ("Поет Шевченку", not "Освобождение Новомихайловки").
                spot.person_like = not region and not settled and (
                    n < run or after_capital or (after_opener and spot.in_person and n == 1))
                spots.append(spot)
                taken.append((start, end))
                consumed = n
                break
            else:
                # "Daria Tarasova-Markina": a double surname, not a list of two places.
                if not _overlaps(people, token.start, token.end):
                    spots += self._hyphen_parts(token, lexicon, taken, halves)
            last = tokens[i + consumed - 1]
            # A first name makes the next capitalised word a surname; the common word that
            # opens a sentence ("Освобождение Новомихайловки") does not.
            opener = consumed == 1 and _sentence_start(text, last.start) and _is_common_word(
                last.text, lexicon.lang)
            next_to = not last.text.isupper() and not _attribute(last.text) and i + consumed < len(tokens) \
                and text[last.end:tokens[i + consumed].start] in (" ", "\u00a0")
            after_capital, after_opener = next_to and not opener, next_to and opener
            i += consumed
        return spots

    def _hyphen_parts(
        self, token: _Token, lexicon: PlaceLexicon, taken: _Taken,
        halves: list[tuple[int, int, str]],
    ) -> list[_Spot]:
        """'Pokrovsk-Mirnograd' names two places when the whole does not name one. A part
        nothing spells next to one that names a place ("la ligne Krakhmalnoïé-Berestovoïé")
        is left to the fuzzy guess (`halves`), as a word listed with a place is."""
        if "-" not in token.text or _attribute(token.text):
            return []
        spots: list[_Spot] = []
        unknown: list[tuple[int, int, str]] = []
        offset = token.start
        for part in token.text.split("-"):
            start, end = offset, offset + len(part)
            offset = end + 1
            if len(part) < 3 or not part[0].isupper() or _stop_name(lexicon.lang, part):
                continue
            candidates = self._lookup(part, lexicon.lang)
            if candidates:
                spots.append(_Spot(start, end, part, list(candidates)))
                taken.append((start, end))
            elif len(part) >= 6 and not part.isupper():
                unknown.append((start, end, part))
        if spots:
            halves += unknown
            for start, end, _ in unknown:
                taken.append((start, end))
        return spots

    def _bare_region(self, surface: str, lexicon: PlaceLexicon) -> Place | None:
        return self._bare_region_of(surface, lexicon.lang)

    def _bare_region_uncached(self, surface: str, lang: str) -> Place | None:
        lexicon = load_place_lexicon(lang)
        if lexicon.elliptic_regions and surface.casefold().endswith(lexicon.elliptic_regions):
            region = self._region(lexicon.region_adjective_form(surface))
            if region is not None:
                return region
        if not lexicon.bare_regions:
            return None
        for form in (surface, *lexicon.nominatives(surface)):
            admin1 = lexicon.bare_regions.get(fold(form))
            if admin1 is not None:
                return self._region(admin1)
        return None

    def _lookup_uncached(self, surface: str, lang: str) -> tuple[_Candidate, ...]:
        """Places a surface form may name, before context: exact, renamed, keyed, inflected."""
        lexicon = load_place_lexicon(lang)
        found: dict[int, _Candidate] = {}
        for place, how in self.gazetteer.match(surface):
            found[place.geonameid] = _Candidate(place, how, surface)
        for place in self.gazetteer.historical(surface):
            found[place.geonameid] = _Candidate(place, "historical", surface)
        # The gazetteer holds every case form of its Cyrillic names; endings are guessed only
        # for a word it does not know at all (a name written in an unusual way). Sound
        # alternations (a Russian spelling of a Ukrainian name) are always tried: the
        # namesake that context asks for may be known only by its Ukrainian form.
        # A sound alternation spells the same form of the same name ("Костянтинопільському"
        # for "Костянтинопольському"): the place reads as it would spelt the register's way.
        for form in self._inflected_forms(surface, lexicon, alternations_only=True):
            for place, how in self.gazetteer.match(form):
                if how != "alias":
                    found.setdefault(place.geonameid, _Candidate(place, how, form))
            for place in self.gazetteer.historical(form):
                found.setdefault(place.geonameid, _Candidate(place, "historical", form))
        if all(c.how == "alias" for c in found.values()):
            # "Железногорську", "Тьоткіно": a place of another country, written the way this
            # language writes that country's names, before another place's former name.
            for candidate in self._foreign(surface, lexicon):
                found.setdefault(candidate.place.geonameid, candidate)
        if not found:
            for candidate in self._guesses(surface, lexicon):
                found.setdefault(candidate.place.geonameid, candidate)
        candidates = [c for c in found.values() if not c.place.is_region]
        usual = [c for c in candidates if c.place.feature not in _LOW_FEATURES]
        return tuple(usual or candidates)

    def _guesses(self, surface: str, lexicon: PlaceLexicon) -> list[_Candidate]:
        """Places whose name `surface` may be a case form of, by the language's endings: for
        a word the gazetteer does not know, or whose known readings context rules out."""
        found: dict[int, _Candidate] = {}
        for form in self._inflected_forms(surface, lexicon):
            for place, how in self.gazetteer.match(form):
                if how != "alias" and not place.is_region:
                    found.setdefault(place.geonameid, _Candidate(place, "guessed", form))
            for place in self.gazetteer.historical(form):
                found.setdefault(place.geonameid, _Candidate(place, "historical", form))
        # "Жуковці Брянської області": no place of the region spells the name the language's
        # way; one may spell it the way its own country does.
        for form in [surface, *self._inflected_forms(surface, lexicon)]:
            for candidate in self._foreign(form, lexicon):
                if candidate.surface != surface or candidate.how not in _SPELT:
                    candidate.how = "guessed"
                found.setdefault(candidate.place.geonameid, candidate)
        return list(found.values())

    def _foreign(self, surface: str, lexicon: PlaceLexicon) -> list[_Candidate]:
        """Places of another country that `surface` names as this language writes that
        country's names ("Курськ", "Бєлгороді"), each read as its own spelling would be."""
        found: dict[int, _Candidate] = {}
        for country, form in lexicon.foreign_forms(surface):
            for place, how in self.gazetteer.match(form):
                if how != "alias" and place.country == country and not place.is_region:
                    found.setdefault(place.geonameid, _Candidate(place, how, surface))
        return list(found.values())

    @staticmethod
    def _inflected_forms(
        surface: str, lexicon: PlaceLexicon, *, alternations_only: bool = False
    ) -> list[str]:
        words = surface.split()
        options = [[w, *(lexicon.alternatives(w) if alternations_only else lexicon.nominatives(w))]
                   for w in words]
        forms: list[str] = []
        for combo in itertools.islice(itertools.product(*options), 32):
            form = " ".join(combo)
            if form != surface:
                forms.append(form)
        return forms

    def _unmatched(
        self,
        text: str,
        tokens: list[_Token],
        lexicon: PlaceLexicon,
        entities: Sequence[tuple[int, int, str]],
        taken: _Taken,
        spots: list[_Spot],
    ) -> list[tuple[int, int, str]]:
        """Capitalised words nothing matched, after a place cue or in a comma list with a
        place ("Basivka, Novenka") or with a name refused for having no place in the regions
        said (a village the gazetteer lacks): candidates for a fuzzy or an unlisted guess."""
        vetoed = [(s, e) for s, e, label in entities if label in _PERSON_OR_ORG]
        placed = [(s.start, s.end) for s in spots if s.chosen is not None or s.refused_in]
        spans: list[tuple[int, int, str]] = []
        for token in tokens:
            if (
                not token.capitalized
                or len(token.text) < 6
                or token.text.isupper()
                or taken.overlaps(token.start, token.end)
                or (_overlaps(vetoed, token.start, token.end) and not _listed(text, token, placed))
                or _sentence_start(text, token.start)
                or _stop_name(lexicon.lang, token.text)
                or not (_cued(text, token.start, lexicon) or _listed(text, token, placed))
                or _is_common_word(token.text, lexicon.lang)
            ):
                continue
            spans.append((token.start, token.end, token.text))
        return spans

    # resolution --------------------------------------------------------------------------

    def _resolve(self, spots: list[_Spot], sectors: list[tuple[int, int, Place]]) -> None:
        """Pick each spot's place: anchors first, then everything against everything, then
        one place per name in the article; weak readings without support are dropped.
        `sectors` are the towns front sectors are named after, with the stretch of text
        (start, end) that lists the sector's places."""
        named = [c.place for s in spots for c in s.candidates if c.place.is_region]
        regions = {p.admin1 for p in named}
        russian = any(p.country == "RU" for p in named)
        said = [(s.start, s.candidates[0].place.admin1) for s in spots if _is_region(s)]
        anchors = [
            (s.start, s.candidates[0].place)
            for s in spots
            if len({c.place.geonameid for c in s.candidates}) == 1
            and not s.candidates[0].place.is_region
            and not s.common_word
        ]
        toward_named: dict[int, float] = {}  # both rounds measure against the same regions
        self._choose(spots, anchors, regions, russian, said, named, toward_named, sectors)
        # A name said again is one place before it vouches for its neighbours: a saying read
        # alone as a far namesake would pull the name listed beside it away.
        groups = _same_names(spots)
        for group in groups:
            _agree(group)
        placed = [(s.start, s.chosen.place) for s in spots
                  if s.chosen and not s.chosen.place.is_region and not _weak(s)]
        self._choose(spots, placed, regions, russian, said, named, toward_named, sectors)
        for group in groups:
            _agree(group)
        # A namesake is no support for another namesake: only a name with one reading, or
        # a town spelt as its own, vouches for the places around it.
        solid = [s.chosen.place for s in spots
                 if s.chosen and not s.chosen.place.is_region and not _weak(s)
                 and (_strong(s) or len({c.place.geonameid for c in s.candidates}) == 1)]
        # One name, one place per article: where one occurrence stands on its own, the
        # others (first word of a sentence) take the same reading; a name the text shows
        # to be a person's ("Oleksandr Petrenko") is one everywhere.
        for group in groups:
            chosen = [s for s in group if s.chosen is not None]
            if not chosen:
                continue
            person = any(s.in_person and (s.person_like or s.vetoed) for s in group)
            refusals = {id(s): self._refusal(s, solid, regions, named) for s in chosen}
            accepted = [s for s in chosen if refusals[id(s)] is None]
            for spot in chosen:
                keep = bool(accepted) and not (person and not (spot.cued or spot.listed or _strong(spot)))
                if person and spot not in accepted:
                    keep = False
                if not keep:
                    spot.chosen = None
                    spot.refused = "" if person else refusals[id(spot)] or ""
                elif spot not in accepted:
                    spot.score = min(spot.score, max(s.score for s in accepted))

    def _choose(
        self,
        spots: list[_Spot],
        anchors: list[tuple[int, Place]],
        regions: set[str],
        russian: bool,
        said: list[tuple[int, str]],
        named: list[Place],
        toward_named: dict[int, float],
        sectors: list[tuple[int, int, Place]],
    ) -> None:
        """Score every reading of every spot against the anchors (offset, place) and the
        regions named (offset, admin1), those named within a few lines counting twice.

        Places listed together are usually neighbours ("Novomlynsk, Baranovka, Droujba"), so
        the anchors named just before and just after the spot count once more, at village
        scale. That bonus only goes to readings of a name the place carries as its own: it
        tells namesakes apart, it should not make a village of a town's former name. A
        namesake is never evidence for another namesake. `toward_named` keeps what being near
        the regions `named` adds to each reading's score.

        A front sector's town pulls the places listed on that sector toward it, at the
        scale of a sector ("на Лиманському напрямку ... в районі Білогорівки"), the way a
        place listed beside them does.
        """
        distinct = list({a.geonameid: a for _, a in anchors}.values())
        context_admin1 = set(regions) | {a.admin1 for a in distinct}
        russian_context = russian or any(a.country == "RU" for a in distinct)
        anchor_points = _points(distinct)
        named_points = _points(named)
        nearest: dict[int, float] = {}
        # A name said again has the same readings (a name is looked up once), weighed the
        # same against the anchors: only what lies around each occurrence is weighed anew.
        weighed: dict[tuple[int, ...], list[float]] = {}
        for spot in spots:
            if not spot.candidates:
                continue
            if len(spot.candidates) == 1:
                spot.chosen = spot.candidates[0]
                spot.alternatives = [1.0]
                spot.score = MATCH_QUALITY.get(spot.chosen.how, 0.5)
                continue
            readings = tuple(map(id, spot.candidates))
            namesakes = self._namesakes_of(readings, spot.candidates)
            ids = namesakes.ids
            if readings not in weighed:
                own_anchors = [a for a in anchor_points if a[0] not in ids]
                shared = len(own_anchors) != len(anchor_points)
                weights: list[float] = []
                for point, admin1, fixed in zip(namesakes.points, namesakes.admin1, namesakes.weights, strict=True):
                    if shared:
                        near = _km_to_nearest(point, own_anchors)
                    else:
                        if point[0] not in nearest:
                            nearest[point[0]] = _km_to_nearest(point, anchor_points)
                        near = nearest[point[0]]
                    weights.append(_score(fixed, admin1, near, context_admin1, russian_context))
                weighed[readings] = weights
            weights = weighed[readings]
            beside = _points(_beside(spot.start, anchors, ids))
            towns = _points([town for start, end, town in sectors
                             if start <= spot.start < end and town.geonameid not in ids])
            local = {admin1 for at, admin1 in said if abs(at - spot.start) <= _LOCAL_CHARS}
            # "Poltava near Izium": said to be near a place, a name means the namesake next
            # to it, whatever the size of the others.
            said_near = spot.near.chosen if spot.near is not None else None
            near_place = _points([said_near.place]) if said_near and said_near.place.geonameid not in ids else []
            near_ok = bool(near_place) and any(
                _km_to_nearest(point, near_place) <= _NEAR_KM for point in namesakes.points)
            scored: list[tuple[float, int]] = []
            for i, (point, admin1, own) in enumerate(zip(namesakes.points, namesakes.admin1, namesakes.own,
                                                         strict=True)):
                score = weights[i]
                if own:
                    if admin1 in local:
                        score += 0.15
                    if named:
                        # "entered Novenke from the Kursk region": near a region said, at its scale.
                        pull = toward_named.get(point[0])
                        if pull is None:
                            pull = toward_named[point[0]] = 0.15 * math.exp(
                                -_km_to_nearest(point, named_points) / _REGION_KM)
                        score += pull
                    if beside:
                        score += 0.3 * math.exp(-_km_to_nearest(point, beside) / _LIST_KM)
                    if towns:
                        score += 0.5 * math.exp(-_km_to_nearest(point, towns) / _SECTOR_KM)
                if near_place:
                    km = _km_to_nearest(point, near_place)
                    score += 0.5 * math.exp(-km / _LIST_KM) - (1.0 if near_ok and km > _NEAR_KM else 0.0)
                scored.append((score, i))
            spot.alternatives = [0.0] * len(spot.candidates)
            for score, i in scored:
                spot.alternatives[i] = score
            scored.sort(reverse=True)
            top, index = scored[0]
            second = scored[1][0] if len(scored) > 1 else 0.0
            spot.chosen = spot.candidates[index]
            margin = 1.0 if len(scored) == 1 else min(1.0, (top - second) / 0.15)
            spot.score = MATCH_QUALITY.get(spot.chosen.how, 0.5) * (0.7 + 0.3 * margin)

    def _namesakes_of(self, readings: tuple[int, ...], candidates: list[_Candidate]) -> _Namesakes:
        """The table of a name's readings (`readings`: the ids of `candidates`): the same
        names come back in both rounds of `_choose` and in article after article."""
        namesakes = self._namesakes.get(readings)
        if namesakes is None:
            if len(self._namesakes) > _NAMESAKES_AT_MOST:
                self._namesakes.clear()  # a long-running server meets ever new names: start over
            namesakes = self._namesakes[readings] = _Namesakes(
                tuple(candidates), frozenset(c.place.geonameid for c in candidates),
                tuple(_points(c.place for c in candidates)), tuple(c.place.admin1 for c in candidates),
                tuple(c.how in _OWN for c in candidates), tuple(map(_weights, candidates)))
        return namesakes

    def _refusal(
        self, spot: _Spot, solid: list[Place], regions: set[str], named: list[Place]
    ) -> str | None:
        """Why a reading is refused, or None when it stands. Weak readings (common words,
        person-like runs, far-off villages) need support from the places the article names
        on their own (`solid`) or the regions it names. The reason is "" when the words
        read as something else than a place name (a common word, a person, a government)."""
        assert spot.chosen is not None
        chosen = spot.chosen
        place = chosen.place
        if place.is_region:
            return None
        if spot.metonym:
            # "speaking in Paris": a capital the gazetteer only knows as a village's other
            # name is the capital, not the village. "У Києві спростували": the government.
            return None if spot.cued and chosen.how in _OWN and not spot.speaking else ""
        namesakes = {c.place.geonameid for c in spot.candidates}
        others = [p for p in solid if p.geonameid not in namesakes]
        nearest = _nearest_km(place, others)
        # A village or town far outside every region the article names, and far from its
        # other places, is a namesake of one the gazetteer lacks (Kursk's border villages):
        # only a city is named that far off in passing.
        if (named and place.admin1 not in regions and place.population < _BIG
                and place.feature not in _PROMINENT
                and nearest > 2 * _SUPPORT_KM and _nearest_km(place, named) > _OUTLIER_KM):
            spot.refused_in = frozenset(regions)
            return "no place of that name in or near " + ", ".join(sorted(regions))
        if _strong(spot):
            return None
        supported = nearest <= _SUPPORT_KM or place.admin1 in regions
        # "Село уже зачищено": a dictionary word opening a sentence is a place only in a
        # list of places or right next to one.
        # Dictionaries list many village names ("Роботине", "Куп'янськ"): one the article
        # never writes in lower case, spelt as the village of a region it names, is the village.
        named_village = not spot.written_lower and chosen.how == "exact" and place.admin1 in regions
        if spot.sentence_start and spot.common_word and not (spot.listed or nearest <= _LIST_KM
                                                              or named_village):
            return ""
        # A name the place carries only as another place's (a former name, a merged
        # village): only where the article is, or for a town.
        if chosen.how == "alias" and not supported and place.population < _TOWN:
            return "only a former or merged name of places far from the article's others"
        if spot.sentence_start and chosen.how not in ("exact", "historical") and (
            spot.common_word or not supported
        ) and not spot.several_words:
            return ""
        # "у Весні", "près de Maison": a capital after a place word, inside a sentence,
        # writes a name where the common word would be lower case.
        cued = spot.cued and not spot.sentence_start and chosen.how in _OWN and not spot.in_person
        if (spot.common_word or spot.person_like) and not (supported or cued):
            return ""
        # Far from every other place of the article: a namesake, unless it is a big city.
        distinct = {p.geonameid for p in others}
        big = place.population >= (100000 if place.country == "RU" else 1000)
        if (len(distinct) >= 2 and nearest > _OUTLIER_KM and not big
                and place.admin1 not in regions):
            return "every place of that name lies far from the article's other places"
        return None

    def _unlisted(self, text: str, spots: list[_Spot], lexicon: PlaceLexicon,
                  unmatched: list[tuple[int, int, str]]) -> list[_Spot]:
        """Names refused for having no place in the regions the article names, where the
        gazetteer lists only towns: villages it lacks ("Krupets, in the Kursk region"), placed
        at the centre of the region named last before them. A name that reads as a common
        word or a person's, or opens a sentence outside a list ("Uspenovka and Borki were
        retaken"), stays unresolved unless it is placed so elsewhere in the article."""
        self._refuse_across_borders(text, spots, lexicon)
        lacking = {a for s in spots for a in s.refused_in if self.gazetteer.lacks_villages(a)}
        if not lacking:
            return []
        said = [(s.start, s.candidates[0].place) for s in spots
                if _is_region(s) and s.candidates[0].place.admin1 in lacking]
        refused = [s for s in spots if s.chosen is None and s.refused_in & lacking
                   and not (s.common_word or s.person_like or s.in_person)]
        if not refused:
            return []
        in_list = {s.start for chain in _chains(text, [s for s in spots if s.candidates], lexicon)
                   if len(chain) > 1 for s in chain}
        plain = {fold(s.text) for s in refused if not s.sentence_start or s.listed or s.start in in_list}
        taken = [(s.start, s.end) for s in spots]
        found: list[_Spot] = []
        for spot in refused:
            if fold(spot.text) not in plain:
                continue
            regions = [(at, p) for at, p in said if p.admin1 in spot.refused_in]
            if not regions:
                continue
            before = [p for at, p in regions if at < spot.start]
            region = before[-1] if before else regions[0][1]
            found.append(_unlisted_spot(_with_word_before(text, spot, taken), region))
            spot.refused = ""
        return found + _listed_with_unlisted(text, spots, found, unmatched, lexicon)

    def _refuse_across_borders(self, text: str, spots: list[_Spot], lexicon: PlaceLexicon) -> None:
        """A village read across the border from every other place of its list, and far from
        them ("vers Korenevo et Martynovka": Korenevo in Kursk, a Martynivka 120 km off in
        Poltava), is the namesake of a village the gazetteer lacks beside them: a list of
        places one advance or one fight is about does not cross a border."""
        placed = [s for s in spots if s.chosen is not None and not s.chosen.place.is_region]
        for chain in _chains(text, placed, lexicon):
            if len(chain) < 2:
                continue
            for spot in chain:
                assert spot.chosen is not None
                place = spot.chosen.place
                if place.population >= _TOWN or place.feature in _PROMINENT or place.is_unlisted:
                    continue
                mates = [s.chosen.place for s in chain if s is not spot and s.chosen is not None]
                if any(m.country == place.country for m in mates) or _nearest_km(place, mates) <= 2 * _SUPPORT_KM:
                    continue
                regions = frozenset(m.admin1 for m in mates if self.gazetteer.lacks_villages(m.admin1))
                if regions:
                    spot.chosen = None
                    spot.refused = "no place of that name beside " + ", ".join(sorted(regions))
                    spot.refused_in = regions

    def _misspelt_on_sectors(self, spots: list[_Spot], sectors: list[tuple[int, int, Place]]) -> None:
        """A name listed on a front sector whose only readings lie far from the sector's town
        and from every other place of the article ("in the Avdiivka direction ... west of
        Berdychiv", a town 700 km off) is a misspelling of a village beside that town
        (Berdychi): the villages a report lists on a sector lie around its town."""
        if not sectors:
            return
        placed = [s.chosen.place for s in spots
                  if s.chosen is not None and not s.chosen.place.is_region and not _weak(s)]
        for spot in spots:
            if spot.chosen is None or spot.chosen.place.is_region or spot.chosen.how == "fuzzy":
                continue
            towns = [town for start, end, town in sectors if start <= spot.start < end]
            readings = _readings(spot)
            if not towns or any(town.geonameid in readings for town in towns):
                continue
            place = spot.chosen.place
            others = [p for p in placed if p.geonameid not in readings]
            if min(_nearest_km(place, towns), _nearest_km(place, others)) <= _OUTLIER_KM:
                continue
            # The far town's own name too: a case form ("Бердичева") keeps no village's key.
            hits = sorted((hit for name in dict.fromkeys((spot.text, place.name))
                           for hit in self.gazetteer.fuzzy(name, around=towns, km=_NEAR_KM)),
                          key=lambda hit: -hit[1])
            if not hits or (len(hits) > 1 and hits[1][1] == hits[0][1]
                            and hits[1][0].name != hits[0][0].name):
                continue
            guess, ratio = hits[0]
            spot.chosen = _Candidate(guess, "fuzzy", spot.text)
            spot.score = MATCH_QUALITY["fuzzy"] * ratio

    def _fuzzy(self, unmatched: list[tuple[int, int, str]], spots: list[_Spot]) -> list[_Spot]:
        """Guess misspelt names, only as villages next to places the article names."""
        if not unmatched:
            return []
        around = [
            s.chosen.place for s in spots
            if s.chosen is not None and not s.chosen.place.is_region and s.chosen.how != "fuzzy"
        ]
        if not around:
            return []
        guesses: list[_Spot] = []
        for start, end, surface in unmatched:
            hits = self.gazetteer.fuzzy(surface, around=around, km=_NEAR_KM)
            if not hits:
                continue
            place, ratio = hits[0]
            if len(hits) > 1 and hits[1][1] == ratio and hits[1][0].name != place.name:
                continue
            spot = _Spot(start, end, surface, [_Candidate(place, "fuzzy")])
            spot.chosen = spot.candidates[0]
            spot.score = MATCH_QUALITY["fuzzy"] * ratio
            guesses.append(spot)
        return guesses


def _unlisted_spot(spot: _Spot, where: Place) -> _Spot:
    """`spot`'s name as a settlement the gazetteer lacks in the region of `where` (the region
    itself, or an unlisted village of it), at the region's centre."""
    place = Place(unlisted_id(where.admin1, spot.text), spot.text, where.lat, where.lon,
                  where.admin1, where.country, UNLISTED)
    guess = _Spot(spot.start, spot.end, spot.text, [_Candidate(place, "unlisted")])
    guess.chosen = guess.candidates[0]
    guess.score = MATCH_QUALITY["unlisted"]
    return guess


def _listed_with_unlisted(text: str, spots: list[_Spot], unlisted: list[_Spot],
                          unmatched: list[tuple[int, int, str]], lexicon: PlaceLexicon) -> list[_Spot]:
    """Names listed with unlisted villages of one region are that region's villages too:
    a name no table holds ("Apanasovka, Byakhovo, Vishnevka"), and one read as a namesake
    in another country (an Apanasovka in Sumy), for a list of villages a ministry says it
    retook does not cross a border. Words the NER took for a person or a company, and a
    capitalised word before a refused one ("Казачью Локню"), are names of the list too."""
    if not unlisted:
        return []
    guessed = {s.start for s in unlisted}
    placed = [s for s in spots if s.chosen is not None and not s.chosen.place.is_region]
    nameless = [s for s in spots if s.chosen is None and s.refused_in and s.start not in guessed]
    nameless += [_Spot(start, end, surface, []) for start, end, surface in unmatched]
    taken = [(s.start, s.end) for s in spots + nameless]
    unknown: list[_Spot] = []
    parts: dict[int, list[_Spot]] = {}
    for spot in sorted(nameless, key=lambda s: s.start):
        if unknown and text[unknown[-1].end:spot.start] == " ":
            # "Tolstoy Lug": two refused words of one name.
            before = unknown.pop()
            wider = _Spot(before.start, spot.end, text[before.start:spot.end], [])
            wider.refused_in = before.refused_in | spot.refused_in
            parts[id(wider)] = [*parts.pop(id(before)), spot]
        else:
            wider = _with_word_before(text, spot, taken)
            parts[id(wider)] = [spot]
        unknown.append(wider)
    found: list[_Spot] = []
    for chain in _chains(text, placed + unlisted + unknown, lexicon):
        villages = [s.chosen.place for s in chain if s.chosen is not None and s.chosen.place.is_unlisted]
        if not villages or len(chain) < 2 or len({p.admin1 for p in villages}) != 1:
            continue
        village = villages[0]
        for spot in chain:
            place = spot.chosen.place if spot.chosen is not None else None
            if place is None or (not place.is_unlisted and place.country != village.country
                                 and place.population < _TOWN):
                spot.chosen = None
                found.append(_unlisted_spot(spot, village))
                for part in parts.get(id(spot), ()):
                    part.refused = ""
    return found


_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:[-'’][^\W\d_]+)*) $")


def _with_word_before(text: str, spot: _Spot, taken: list[tuple[int, int]]) -> _Spot:
    """A refused name with the capitalised word before it that no other name took
    ("Казачью Локню", "Kromskiye Byki"): villages the gazetteer lacks often have two-word
    names whose first word no table knows, so only the second was looked up."""
    found = _WORD_BEFORE.search(text, max(0, spot.start - 40), spot.start)
    if found is None or not found.group(1)[0].isupper() or _sentence_start(text, found.start()) \
            or _overlaps(taken, found.start(), found.end()):
        return spot
    wider = _Spot(found.start(), spot.end, text[found.start():spot.end], spot.candidates)
    wider.refused_in = spot.refused_in
    return wider


def unlisted_id(admin1: str, name: str) -> int:
    """A stable id for a settlement the gazetteer lacks: negative, so that it never meets a
    GeoNames id; the same for every spelling with the same transliteration-blind key
    ("Krupets", "Крупец"), but not across case endings ("Гордеевку")."""
    key = min(phonetic_keys(name), default="") or fold(name)
    digest = hashlib.sha256(f"{admin1}|{key}".encode()).digest()
    return -1 - int.from_bytes(digest[:6], "big")


@lru_cache(maxsize=65536)
def _attribute(word: str) -> bool:
    """A word ending in a lower-case compound ("Russian-occupied", "Kyiv-controlled"): it
    qualifies the name after it, so it is neither a first name nor a place of its own."""
    return word.rpartition("-")[2].islower()


@lru_cache(maxsize=65536)
def _stop_name(lang: str, surface: str) -> bool:
    """`PlaceLexicon.is_stop_name`, once per surface form: every capitalised run of every
    article is tested, each against every case ending, and the same names come back."""
    return load_place_lexicon(lang).is_stop_name(surface)


def _trim_elision(token: _Token, lexicon: PlaceLexicon) -> _Token:
    """"d’Ugledar" -> "Ugledar": an elided article or preposition is not part of the name."""
    head, sep, rest = token.text.partition("'") if "'" in token.text else token.text.partition("’")
    if sep and rest[:1].isupper() and head.lower() in lexicon.elisions:
        cut = len(head) + 1
        return _Token(token.start + cut, token.end, rest, True)
    return token


def _trim_possessive(token: _Token, lexicon: PlaceLexicon) -> _Token:
    """'Ukraine’s' -> 'Ukraine' where the language marks possession on the name."""
    for suffix in lexicon.possessives:
        if token.text.endswith(suffix) and len(token.text) > len(suffix):
            return _Token(token.start, token.end - len(suffix), token.text[: -len(suffix)],
                          token.capitalized)
    return token


class _Taken:
    """Characters already claimed by a mention or a stop name."""

    def __init__(self, size: int) -> None:
        self._mask = bytearray(size)

    def append(self, span: tuple[int, int]) -> None:
        start, end = span
        self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self._mask[start:end]


_WORD_AT_START = re.compile(r"[^\W\d_][\w'’ʼ\-]*")
_LIST_BEFORE = re.compile(
    r"(?P<word>[^\W\d_][\w'’ʼ\-]*)(?:,\s*|,?\s+(?:та|і|й|и|and|or|або|или)\s+)$")
"""A word that precedes another in a list ("Лиманському, Бахмутському та ...")."""
_REGION_GAP = re.compile(r"^[^.!?;\n]{0,30}$")
_REGION_GAP_CHARS = 100
"""The longest text between places and their region that a raion's name may bring down to
`_REGION_GAP`'s 30 characters."""


_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*")


def _weak(spot: _Spot) -> bool:
    """A reading that cannot vouch for others: a common word, a person-like run, a
    metonym, or a name the place carries only as someone else's or by a guess."""
    return (spot.common_word or spot.person_like or spot.metonym
            or spot.chosen is None or spot.chosen.how not in _OWN)


def _same_names(spots: list[_Spot]) -> list[list[_Spot]]:
    """Spots that name the same place under one name, however inflected ("Новомихайловку",
    "Новомихайловки"): their readings overlap by half or more."""
    named = [s for s in spots if s.candidates and s.candidates[0].how != "region"]
    ids = [frozenset(c.place.geonameid for c in s.candidates) for s in named]
    parent = list(range(len(named)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(named)):
        for j in range(i):
            # "Vesele near Velyka Lepetykha and Vesele near Chasiv Yar": two places.
            if named[i].near is not None or named[j].near is not None:
                continue
            common = len(ids[i] & ids[j])
            if common and 2 * common >= min(len(ids[i]), len(ids[j])):
                parent[root(i)] = root(j)
    groups: dict[int, list[_Spot]] = {}
    for i, spot in enumerate(named):
        groups.setdefault(root(i), []).append(spot)
    return list(groups.values())


def _agree(group: list[_Spot]) -> None:
    """One name, one place: every spot of a group takes the reading with the best total."""
    if len(group) < 2:
        return
    total: dict[int, float] = {}
    for spot in group:
        for candidate, score in zip(spot.candidates, spot.alternatives, strict=True):
            total[candidate.place.geonameid] = total.get(candidate.place.geonameid, 0.0) + score
    best = max(total, key=lambda gid: total[gid])
    for spot in group:
        for candidate in spot.candidates:
            if candidate.place.geonameid == best:
                spot.chosen = candidate


def _beside(start: int, anchors: list[tuple[int, Place]], namesakes: frozenset[int]) -> list[Place]:
    """The anchors named last before `start` and first after it, within a few lines."""
    before = [(pos, a) for pos, a in anchors
              if 0 < start - pos <= _LOCAL_CHARS and a.geonameid not in namesakes]
    after = [(pos, a) for pos, a in anchors
             if 0 < pos - start <= _LOCAL_CHARS and a.geonameid not in namesakes]
    found: list[Place] = []
    if before:
        found.append(max(before, key=lambda item: item[0])[1])
    if after:
        found.append(min(after, key=lambda item: item[0])[1])
    return found


def _listed(text: str, token: _Token, placed: list[tuple[int, int]]) -> bool:
    """Is `token` one item of a list of places: a comma away from a place mention?"""
    for start, end in placed:
        if 0 < token.start - end <= 3:
            gap = text[end:token.start]
        elif 0 < start - token.end <= 3:
            gap = text[token.end:start]
        else:
            continue
        if _LIST_SEPARATOR.fullmatch(gap):
            return True
    return False


def _strong(spot: _Spot) -> bool:
    """A reading that needs no support: an exact name of a town of some size."""
    assert spot.chosen is not None
    chosen, place = spot.chosen, spot.chosen.place
    primary = _primary(chosen)
    return (
        chosen.how in _SPELT
        and not spot.person_like
        and (primary or len(chosen.surface) >= 5)
        and (place.feature in _PROMINENT or place.feature == "PPLA3" or place.population >= 5000)
    )


def _apply_vetoes(text: str, spots: list[_Spot]) -> None:
    """A common word the NER calls a person or organisation is not a place, unless it stands
    in a comma-separated list of other place names ("в Сухих Ялах, Шевченку, біля Дальнього")."""
    ordered = sorted(spots, key=lambda s: s.start)
    for i, spot in enumerate(ordered):
        neighbours = []
        if i > 0:
            neighbours.append((ordered[i - 1], text[ordered[i - 1].end:spot.start]))
        if i + 1 < len(ordered):
            neighbours.append((ordered[i + 1], text[spot.end:ordered[i + 1].start]))
        spot.listed = any(
            other.candidates and not other.vetoed and _LIST_SEPARATOR.fullmatch(between)
            for other, between in neighbours
        )
    for spot in ordered:
        if spot.vetoed and spot.listed:
            spot.vetoed = False
        elif spot.vetoed:
            spot.candidates = []


_CHAIN = re.compile(
    r"\s*(?:,|,?\s+(?:and|or|et|ou|та|і|й|и|або|или))\s*(?:(?:de|d'|du|біля|у|в|во)\s*)?",
    re.IGNORECASE)
"""What separates the items of a list of places or of regions ("X, Y та Z")."""


_LIST_GAP_CHARS = 60
"""The longest text between two items of a list that may hold a word for a settlement."""

_CONJUNCTION = re.compile(r"(?<!\w)(?:and|or|et|ou|та|і|й|и|або|или)(?!\w)", re.IGNORECASE)
"""A region after "and" is another item, not where the place before lies ("Belgorod et la
région de Briansk")."""


def _chains(text: str, spots: list[_Spot], lexicon: PlaceLexicon) -> list[list[_Spot]]:
    """Runs of spots that form one list ("Uspenovka and Borki", "Харківщині та Донеччині",
    "поселок Новониколаевка и село Привольное")."""
    chains: list[list[_Spot]] = []
    for spot in sorted(spots, key=lambda s: s.start):
        if chains and _is_region(chains[-1][-1]) == _is_region(spot) and _list_gap(
                text, chains[-1][-1].end, spot.start, lexicon):
            chains[-1].append(spot)
        else:
            chains.append([spot])
    return chains


def _list_gap(text: str, end: int, start: int, lexicon: PlaceLexicon) -> bool:
    """Does the text between two spots join them into one list, a word for a settlement
    before the second aside ("X и село Y")?"""
    if _CHAIN.fullmatch(text, end, start):
        return True
    if start - end > _LIST_GAP_CHARS:
        return False
    word = _WORD_BEFORE.search(text, end, start)
    if word is not None and word.group(1)[0].isupper() and _CHAIN.fullmatch(text, end, word.start()):
        return True  # "Замостье и Казачью Локню": the first word of a two-word name
    if lexicon.settlement_words is None:
        return False
    return _CHAIN.fullmatch(lexicon.settlement_words.sub("", text[end:start])) is not None


_SETTLEMENT_REACH = 24
"""Characters before a name within which a word for a settlement ("село", "the town of") stands."""

_LIST_REACH = 300
"""Characters around a plural word for regions within which a list of regions may run."""


def _said_within(starts: list[int], lo: int, hi: int) -> bool:
    """Does one of the sorted offsets lie in [lo, hi)?"""
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _after_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


@lru_cache(maxsize=8)
def _opening(plurals: re.Pattern[str]) -> re.Pattern[str]:
    """A plural word for regions that opens a list after a colon or a dash ("four regions:")."""
    return re.compile(r"(?:" + plurals.pattern + r")\s*[:–—-]\s*$", re.IGNORECASE)


def _region_adjective(spot: _Spot, lexicon: PlaceLexicon) -> str:
    """The adjective of a region phrase that inflects it ("Херсонську" of "Херсонську
    області"), where the language's region names are adjectives; else ""."""
    if lexicon.region_adjective is None or not _is_region(spot):
        return ""
    first, _, rest = spot.text.partition(" ")
    return first if rest and first[:1].isupper() and rest[:1].islower() else ""


def _is_region(spot: _Spot) -> bool:
    return bool(spot.candidates) and spot.candidates[0].how == "region"


def _bind_regions(
    text: str, spots: list[_Spot], lexicon: PlaceLexicon,
    guess: Callable[[str], Sequence[_Candidate]],
    region_of: Callable[[str], Place | None],
) -> None:
    """'Datchné (région de Dnipropetrovsk)', 'Марьинка в Донецкой области', 'Uspenovka and
    Borki in the Kursk region', 'Куп'янська та Ямполя на Харківщині та Донеччині': the
    regions named right after a place, or a list of places, say which namesakes are meant.

    The regions said are a hard filter: a name with no place inside them (not even by a
    guessed case ending) names no place, here or anywhere else in the article."""
    chains = _chains(text, [s for s in spots if s.candidates], lexicon)
    # The readings of the spots bound, before the regions said filtered them.
    name_of: dict[int, frozenset[int]] = {}
    bound: dict[frozenset[int], set[str]] = {}
    for places, regions in itertools.pairwise(chains):
        if _is_region(places[0]):
            continue
        if not _is_region(regions[0]):
            if not _capital_as_region(text, places, regions, lexicon, region_of):
                continue
        if regions[0].start - places[-1].end > _REGION_GAP_CHARS:
            continue
        gap = text[places[-1].end:regions[0].start]
        for district in lexicon.districts:
            gap = district.sub(" ", gap)
        words = _TOKEN.findall(gap)
        if (not _REGION_GAP.match(gap) or _CONJUNCTION.search(gap)
                or any(w[0].isupper() or fold(w) in lexicon.origin_words for w in words)):
            continue
        said = {r.candidates[0].place.admin1 for r in regions}
        countries = {r.candidates[0].place.country for r in regions}
        for spot in places:
            name = name_of.setdefault(id(spot), _readings(spot))
            inside = [c for c in spot.candidates if c.place.admin1 in said]
            if not inside:
                inside = [c for c in guess(spot.text) if c.place.admin1 in said]
            if not inside and any(c.place.population >= _BIG or (
                    c.place.population >= _TOWN and c.place.country in countries) for c in spot.candidates):
                # "Moscow says ... in the Donetsk region", "Houliaïpole et Myrnohrad dans la
                # région de Donetsk": a town of the region's country that the region does not
                # hold is still that town; the region belongs to the list's other names.
                # Across a border it is a namesake.
                continue
            if not inside:
                spot.refused = "no place of that name in " + ", ".join(sorted(said))
                spot.refused_in = frozenset(said)
            spot.candidates = inside
            bound[name] = _narrower(bound.get(name), said)
    # One name, one place per article: the regions said once hold for every other mention
    # that has the same readings, however it is spelt.
    for spot in spots if bound else ():
        said_for = bound.get(name_of.get(id(spot)) or _readings(spot))
        if said_for is not None and spot.candidates:
            spot.candidates = [c for c in spot.candidates if c.place.admin1 in said_for]
            if not spot.candidates:
                spot.refused = "no place of that name in " + ", ".join(sorted(said_for))
                spot.refused_in = frozenset(said_for)


def _capitals_before_settlements(
    text: str, spots: list[_Spot], lexicon: PlaceLexicon, region_of: Callable[[str], Place | None],
) -> None:
    """'the Kharkiv village of Lyptsi', 'a Donetsk town that has been the focus of the
    offensive': a capital named as the kind of a settlement stands for its region."""
    if lexicon.capital_before is None:
        return
    for spot in spots:
        if not spot.candidates or _is_region(spot) or not lexicon.capital_before.match(text, spot.end):
            continue
        region = _region_of_capital(spot, region_of)
        if region is not None:
            spot.candidates = [_Candidate(region, "region")]


def _russian_capitals_as_regions(spots: list[_Spot], region_of: Callable[[str], Place | None]) -> None:
    """'Kyiv renewed its offensive in Kursk', « repoussé les forces ukrainiennes à Koursk »: in
    an article that names a Russian region, the bare name of its capital stands for the
    region. The war on Russian soil is fought in the countryside of its border regions, and
    reports name the region by its capital; the capitals of Ukraine's regions are fought
    over as cities and keep their own reading."""
    named = {s.candidates[0].place.admin1 for s in spots
             if _is_region(s) and s.candidates[0].place.country == "RU"}
    if not named:
        return
    for spot in spots:
        if not spot.candidates or _is_region(spot):
            continue
        for candidate in spot.candidates:
            place = candidate.place
            if place.country != "RU" or place.admin1 not in named:
                continue
            region = region_of(place.name)
            if region is not None and region.admin1 == place.admin1:
                spot.candidates = [_Candidate(region, "region")]
                break


def _region_of_capital(spot: _Spot, region_of: Callable[[str], Place | None]) -> Place | None:
    """The region a capital's name stands for, when one of the spot's readings lies in it."""
    region = region_of(spot.text)
    if region is None or not _all_in([spot], region):
        return None
    return region


def _all_in(spots: Iterable[_Spot], region: Place) -> bool:
    """Every spot has a reading in the region."""
    return all(any(c.place.admin1 == region.admin1 for c in spot.candidates) for spot in spots)


def _capital_as_region(
    text: str, places: list[_Spot], regions: list[_Spot], lexicon: PlaceLexicon,
    region_of: Callable[[str], Place | None],
) -> bool:
    """'captured Zelenyi Hai and Dobropillia in Zaporizhzhia': villages said to be "in" a
    region's capital lie in the region that bears its name. The capital's spot becomes the
    region when every place listed has a reading there."""
    if lexicon.capital_as_region is None or len(regions) != 1:
        return False
    if not lexicon.capital_as_region.fullmatch(text, places[-1].end, regions[0].start):
        return False
    region = _region_of_capital(regions[0], region_of)
    if region is None or not _all_in(places, region):
        return False
    regions[0].candidates = [_Candidate(region, "region")]
    return True


def _fronted_capitals(
    text: str, spots: list[_Spot], lexicon: PlaceLexicon, region_of: Callable[[str], Place | None],
) -> None:
    """'à Kharkiv, les localités de X et Y sont tombées': a region's capital set off before
    the villages it locates stands for the region, as it does after them; only where every
    place the phrase then names lies in that region."""
    if lexicon.capital_fronted is None:
        return
    ordered = sorted((s for s in spots if s.candidates), key=lambda s: s.start)
    for i, spot in enumerate(ordered):
        if _is_region(spot) or not _COMMA_AFTER.match(text, spot.end) \
                or not lexicon.capital_fronted.search(text, max(0, spot.start - 12), spot.start):
            continue
        region = _region_of_capital(spot, region_of)
        if region is None:
            continue
        stop = _SENTENCE_STOP.search(text, spot.end)
        end = stop.start() if stop else len(text)
        located = [s for s in ordered[i + 1:] if s.start < end and not _is_region(s)]
        if located and _all_in(located, region):
            spot.candidates = [_Candidate(region, "region")]


_COMMA_AFTER = re.compile(r"\s*,")
_FRONTED = re.compile(r"(?:^|[.!?\n])\s*(?:[^\W\d_]+[ \u00a0]){0,2}$")
"""What may precede a region that opens a sentence: "Dans la ", "In the ", "На "."""
_SENTENCE_STOP = re.compile(r"[.!?\n]")


def _bind_fronted_regions(text: str, spots: list[_Spot]) -> None:
    """'Dans la région de Soumy, Moscou dit avoir pris Vysoke': a region that
    opens a sentence sets the scene for the places the sentence names after it, up to the
    next region. Unlike a region said after a place it only chooses among namesakes: a
    name with no reading there keeps its readings."""
    ordered = sorted((s for s in spots if s.candidates), key=lambda s: s.start)
    for i, region in enumerate(ordered):
        if not _is_region(region) or not _FRONTED.search(text, max(0, region.start - 20),
                                                         region.start):
            continue
        stop = _SENTENCE_STOP.search(text, region.end)
        end = stop.start() if stop else len(text)
        admin1 = region.candidates[0].place.admin1
        for spot in ordered[i + 1:]:
            if spot.start >= end or _is_region(spot):
                break
            inside = [c for c in spot.candidates if c.place.admin1 == admin1]
            if inside and len(inside) < len(spot.candidates) and not any(
                    c.place.population >= _BIG for c in spot.candidates):
                spot.candidates = inside


def _sector_scopes(text: str, sectors: list[tuple[int, Place]]) -> list[tuple[int, int, Place]]:
    """Where each sector's places are listed: from the start of the sentence that names the
    sector to the end of the next one ("На Лиманському напрямку ворог наступав. Відбито
    атаки в районі Білогорівки."), or to the sentence that names another sector."""
    scopes: list[tuple[int, int, Place]] = []
    starts = sorted({_sentence_before(text, at) for at, _ in sectors})
    for at, town in sectors:
        start = _sentence_before(text, at)
        stop = _SENTENCE_STOP.search(text, at)
        if stop is not None and text[stop.start()] != "\n":
            stop = _SENTENCE_STOP.search(text, stop.end())
        end = stop.start() if stop else len(text)
        later = bisect.bisect_right(starts, start)
        if later < len(starts):
            end = min(end, starts[later])
        scopes.append((start, end, town))
    return scopes


def _sentence_before(text: str, at: int) -> int:
    """Where the sentence holding offset `at` starts."""
    return max(text.rfind(stop, 0, at) for stop in ".!?\n") + 1


def _readings(spot: _Spot) -> frozenset[int]:
    return frozenset(c.place.geonameid for c in spot.candidates)


def _narrower(earlier: set[str] | None, said: set[str]) -> set[str]:
    """Regions said twice for one name: a list of regions, then one of them alone ("Новопавловка
    и Алексеевка в ДНР и Днепропетровской области", then "Новопавловка ... в ДНР") narrow
    down to what both say; two sayings that share nothing are two places of that name."""
    if earlier is None:
        return said
    return (earlier & said) or (earlier | said)


def _bind_neighbours(text: str, spots: list[_Spot], lexicon: PlaceLexicon) -> None:
    """'Троїцьке поблизу Межови', 'Vesele near Velyka Lepetykha': the place said to be near
    another is the namesake closest to it."""
    if lexicon.near is None:
        return
    ordered = sorted((s for s in spots if s.candidates), key=lambda s: s.start)
    for spot, after in itertools.pairwise(ordered):
        if len(spot.candidates) > 1 and lexicon.near.fullmatch(text, spot.end, after.start):
            spot.near = after


def _points(places: Iterable[Place]) -> list[tuple[int, float, float, float]]:
    """Each place as (geonameid, latitude, longitude, cosine of the latitude), what
    `_km_to_nearest` reads."""
    points = []
    for place in places:
        cos_lat = _COS_LAT.get(place.lat)
        if cos_lat is None:
            cos_lat = _COS_LAT[place.lat] = math.cos(math.radians(place.lat))
        points.append((place.geonameid, place.lat, place.lon, cos_lat))
    return points


def _km_to_nearest(point: tuple[int, float, float, float], others: Sequence[tuple[int, float, float, float]]) -> float:
    """Distance in km from `point` to the closest other of `others` (equirectangular: exact
    enough under 500 km). Points as `_points` makes them: `_choose` weighs each name's
    readings against the same few places, read once into points."""
    best = math.inf
    geonameid, lat, lon, cos_lat = point
    for other, other_lat, other_lon, _ in others:
        if other == geonameid:
            continue
        dx = (other_lon - lon) * cos_lat
        dy = other_lat - lat
        d2 = dx * dx + dy * dy
        if d2 < best:
            best = d2
    return math.sqrt(best) * 111.2 if best != math.inf else math.inf


def _score(weights: tuple[float, bool, float, float, bool, float], admin1: str, nearest: float,
           context_admin1: set[str], russian: bool) -> float:
    """Weighted evidence for one reading: spelling, neighbours, region, size, country
    (`weights`: the terms context does not change)."""
    spelling, primary, rank, size, on_front, renamed = weights
    proximity = math.exp(-nearest / _PROXIMITY_KM) if nearest != math.inf else 0.0
    in_region = (1.0 if primary else 0.0) if admin1 in context_admin1 else 0.0
    front = 1.0 if on_front else 0.5 if russian else 0.0
    return spelling + 0.30 * proximity + 0.15 * in_region + rank + size + 0.20 * front + renamed


def _nearest_km(place: Place, others: Sequence[Place]) -> float:
    """`_km_to_nearest` between places."""
    return _km_to_nearest(_points([place])[0], _points(others))


_COS_LAT: dict[float, float] = {}
"""The cosine of each latitude met (a document weighs the same few places again and again)."""


_folded = lru_cache(maxsize=65536)(fold)
"""`fold` of the words read next to a name ("річка", "району", "біля") and of the names
themselves: the same words come back in every article."""


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 3):start]))


_WORD = re.compile(r"[^\W\d_]+")
_CUE_WORD = re.compile(r"[^\W\d_]+'?")
_NON_SPACE = re.compile(r"\S+")


def _not_a_place(text: str, start: int, end: int, lexicon: PlaceLexicon) -> str:
    """'the Dnipro River', 'річка Оскіл', 'Kramatorsk raion': a river, street or district;
    'Rossiya-1', 'Tornado-2': a channel or a weapon, whose number follows a hyphen.

    Says on which side the word that makes it so stands ("before", "after"), or "".
    """
    if text[end:end + 1] in ("-", "\u2010", "\u2011") and text[end + 1:end + 2].isdigit():
        return "after"
    if lexicon.not_place_before:
        # The last run of letters before the name: the last of the window's words (a search
        # anchored at its end would try every start of the window).
        before = _WORD.findall(text, max(0, start - 30), start)
        if before and _folded(before[-1]) in lexicon.not_place_before:
            return "before"
    if lexicon.river_banks is not None and lexicon.river_banks.search(text, max(0, start - 40), start):
        return "before"
    if lexicon.not_place_after:
        after = _WORD.match(text, end + 1) if text[end:end + 1] in (" ", "\u00a0") else None
        if after and _folded(after.group()) in lexicon.not_place_after:
            return "after"
    return ""


def _speaks(text: str, end: int, lexicon: PlaceLexicon) -> bool:
    """Is the word after a capital (past a comma) one that makes its government speak?"""
    following = _WORD.search(text, end, min(len(text), end + 30))
    return (following is not None and text[end:following.start()].strip(" ,") == ""
            and _folded(following.group()) in lexicon.metonym_verbs)


def _cued(text: str, start: int, lexicon: PlaceLexicon) -> bool:
    """Is the word before `start` one that announces a place ("à", "near", "в")?"""
    words = _CUE_WORD.findall(text[max(0, start - 40):start])
    return bool(words) and _folded(words[-1]) in lexicon.place_cues


def _standing(place: Place) -> tuple[float, float, bool]:
    """What a place weighs before context: prominence, size, and whether it is on the front.

    News names a town of 100,000 far more often than a namesake hamlet: inhabitants count
    from 5,000 (a town) up to a million, by their order of magnitude.
    """
    size = min(max(math.log10(place.population + 1) - _LOG_TOWN, 0.0), _LOG_SPAN) / _LOG_SPAN
    return prominence(place), size, place.country == "UA" or place.admin1 in FRONT_ADMIN1


def _weights(candidate: _Candidate) -> tuple[float, bool, float, float, bool, float]:
    """The terms of `_score` that context does not change, each weighted (the
    spelling's two summed, as the score sums them first): spelling, whether the name is the
    place's own, prominence, size, whether it is on the front, and a former name."""
    primary = 1.0 if _primary(candidate) else 0.0
    rank, size, on_front = _standing(candidate.place)
    return (0.20 * MATCH_QUALITY.get(candidate.how, 0.5) + 0.10 * primary, primary == 1.0, 0.30 * rank,
            0.25 * size * (candidate.how in _SPELT), on_front, 0.25 * (1.0 if candidate.how == "historical" else 0.0))


def _primary(candidate: _Candidate) -> bool:
    """Does the spot name the place by a name of its own (in any spelling or case)?

    GeoNames' main name is an accident of romanisation (Konstantinovka for one village,
    Kostyantynivka for the town); what matters is that the name is not another place's.
    """
    return candidate.how in _OWN


def _written_lower(text: str, word: str) -> bool:
    """Whether `text` writes `word` in lower case as a word of its own: an occurrence with no
    word character on either side. The occurrences are found with `str.find`; a search for
    the word between two lookarounds tried every position of the article."""
    lower = word.lower()
    if not lower:
        return _NO_WORD_AROUND.search(text) is not None
    at = text.find(lower)
    while at >= 0:
        if not (at and _WORD_CHAR.match(text, at - 1)) and not _WORD_CHAR.match(text, at + len(lower)):
            return True
        at = text.find(lower, at + 1)
    return False


_WORD_CHAR = re.compile(r"\w")
_NO_WORD_AROUND = re.compile(r"(?<!\w)(?!\w)")


@lru_cache(maxsize=65536)
def _is_common_word(word: str, lang: str) -> bool:
    """A word of the language's dictionary ("Maison", "Дружба"): a place only with support.
    """
    if lang not in ("fr", "en", "uk", "ru"):
        return False
    from simplemma import is_known

    return bool(is_known(word.casefold(), lang=lang))

"""Claim candidates: every (trigger, place) pair of a sentence, described by features.

A candidate is a possible claim, not yet one. Per sentence, every trigger (a word of a
listed word family, or a listed phrase) is paired with every place the sentence names,
refers back to ("la ville", "там") or, for fighting with no place named, the one place of
the sentence before. Each pair is described by what a reader would look at: the trigger's
word family and form, how the place hangs on it in the parse (object, oblique with which
preposition, modifier, another clause), the words between them, negation and denial over
the trigger's clause, attempts, purposes and conditions, and which side the agent and the
patient of the trigger name. A trained model (model.py) then decides which candidates are
claims, of which kind, about whose forces and with which stance.

Who says it (attribution.py) and when (dates.py) are decided here by rule, per clause.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from frontwatch.claims.attribution import (
    COMPOUND,
    SIDE_SPEAKERS,
    SourceHit,
    attribute,
    is_speech_word,
    opposite,
    registry_hits,
    resolve_subject,
    sentence_speaker,
    subject_token,
)
from frontwatch.claims.dates import DateMention, find_dates
from frontwatch.claims.lexicon import Lexicon, TriggerRule
from frontwatch.claims.scan import LiteralScreen, labelled_hits, labelled_hits_within, rule_hits
from frontwatch.claims.syntax import CLAUSE_RELATIONS, Tree, build_tree, morph_values
from frontwatch.ingest.pubdate import publication_date
from frontwatch.places import FRONT_ADMIN1
from frontwatch.places.lexicon import load_place_lexicon
from frontwatch.records import Document, PartialDate, Place, PlaceMention, Side, Source, Stance

CITY_POPULATION = 20_000
RECENT_CHARS = 200
LIST_BACK_CHARS = 400
"""How far back a plural back-reference looks for the list it means (two or three sentences)."""
NAMED_BY_CHARS = 40
"""How far a name may follow the noun it heads ("la ville stratégique et assiégée de X")."""
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
DATE_AFTER_PLACE = 4
DATELINE_AFTER = re.compile(r"/|,? \d{1,2} |,?\s*\(|\s+[-\u2013\u2014]")
CLAUSE_CUT = re.compile(r"[,;:\u2014\u2013(]")
BOUNDARY = re.compile(r"[;:«»“”\"()—–\s](?:(?<!\s)|-\s)")
"""A mark that ends a clause, or a hyphen with a space on each side. It begins with one class
of characters, so that a search skips to the next of them instead of trying two branches at
every position; a space matches only as the first of such a hyphen's three characters."""
INLINE_QUOTE = re.compile(r"([«“\"])(?<=[\w'’] .) ?([^«»“”\"\n.,;:!?]{1,60}?) ?([»”\"])(?= \w)")
"""A short phrase quoted inside its clause ("des « conditions favorables » à la prise de X",
'a "grey" area'): words between words, no punctuation of their own. The opening mark comes
first in the pattern and the word and space before it are checked behind it: a search then
jumps from quote mark to quote mark instead of testing what precedes every character."""
INLINE_QUOTE_WORDS = 6
NOT_ARGUMENT = frozenset({"nsubj"})
"""Relations that do not make a word another's argument: a trigger inside the subject of
"repel" ("the forces controlling X repel ...") is not what is repelled."""
COORDINATED = NOT_ARGUMENT | {"conj"}
"""Relations a trigger's governor is not found through when what it covers is asked: a
conjunct is coordinated with the word above it, not its argument."""
IMPLICIT_KINDS = frozenset({"fighting", "repelled", "advance"})
PRIOR = 3.0
"""The value of the features that carry a rule's reading (a word family's kind, a negation
over the trigger, the side an agent names): larger than 1, so that the learner's
regularisation shrinks their weights less than those of the many weak features."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (or phrase) of a claim word family in one sentence."""

    start: int
    end: int
    head: int
    """Token index of the trigger's syntactic head."""
    rule: TriggerRule
    key: str
    """The lemma the model knows the trigger by."""


@dataclass(frozen=True, slots=True)
class Target:
    """A place a trigger may be about: a toponym, a back-reference to one, or implicit."""

    start: int
    end: int
    mention: PlaceMention
    head: int
    coref: bool = False
    implicit: bool = False
    list_start: int = -1
    """Where the list this place is an item of begins ("took X, Y and Z": Y and Z begin at X)."""
    list_head: int = -1
    """The token of the list's first item, which carries the list's relation to a trigger."""
    back_reference: str = ""
    """How a back-reference names its place: "town" ("the town"), "there" ("there", « y »,
    "in the area"), "part" ("the outskirts") or "list" ("these villages"); "" for a name."""

    @property
    def anchor(self) -> int:
        """The token whose place in the parse stands for this place (its list's first item)."""
        return self.list_head if self.list_head >= 0 else self.head

    @property
    def first(self) -> int:
        return self.list_start if self.list_start >= 0 else self.start


@dataclass(frozen=True, slots=True)
class Cue:
    """Words naming one side's forces ("les troupes russes", "ЗСУ", "our troops")."""

    start: int
    end: int
    head: int
    side: Side
    loser: bool = False
    relative: str = ""
    """"self" for a word the speaker uses of their own side ("our troops", "its troops"),
    "enemy" for the other side ("the enemy"): `side` was read from the speaker."""


@dataclass(slots=True)
class Candidate:
    """One (trigger, place) pair with its features and what rules decided about it."""

    trigger: Trigger
    target: Target
    features: dict[str, float]
    speaker: Source
    date: PartialDate | None
    date_inferred: bool
    """The sentence gives no date: `date` is the article's publication date."""
    evidence_start: int
    evidence_end: int
    sentence: int
    prior_actor: Side
    """The side a rule would name (agent cue, speaker, document default): a fallback."""
    prior_stance: Stance
    """What the negation, denial and "not confirmed" words over the trigger say."""
    elsewhere: bool = False
    """The trigger sits in a relative clause about another noun ("the Kursk region, where
    Ukrainian forces entered" is not about the region named before it)."""
    explicit_actor: bool = False
    """The parse ties a side to the trigger as its agent ("ВСУ атаковали X"): that side acts."""
    attributive: bool = False
    """The trigger modifies the place itself ("the occupied Starobilsk"): its word family's kind."""
    reference: bool = False
    """The place only locates something else: a reference point ("north of X", "the road from
    X to Y", "from X") or a region after a settlement ("Toretsk, Donetsk oblast")."""
    nearby: bool = False
    """The reference point is one the action happens near ("west of X", "в 5 км от X"): an
    advance, a fight or a repulse there is about X; a capture is of somewhere else."""
    near: bool = False
    """The place is only what the action happens near ("captured a village near X", "біля
    X"): an advance, a fight or a repulse there is about it; a capture or a presence is of
    somewhere else, unless told in a relative clause about the place ("near X, which Russia
    took")."""
    said_there: bool = False
    """The place is only where something was said ("заявили в Москві", "said in Kyiv")."""
    hypothetical: bool = False
    """The trigger is a condition or a question ("if Russia takes X", "will X fall?"): no report."""
    civilian: bool = False
    """The trigger is said of civilians ("where 2,000 residents remain"): no side's forces."""
    attempt: bool = False
    """Someone tries to take the place ("trying to capture X"): the annotation calls it fighting."""
    failed: bool = False
    """The attempt failed ("failed to take X", "не вдалося захопити X"): the annotation
    records that the attacker was repelled."""
    covered: bool = False
    """The trigger is what a trigger reading the other way governs ("repelled an assault on
    X", "lost control of X"): that trigger's claim is the one the annotation records."""
    part: bool = False
    """The place is named as a part ("70% of X", "the eastern districts of X"): a presence."""
    whole: bool = False
    """The trigger drives the other side out of the place: all of it is taken."""
    whole_place: bool = False
    """The place is named whole ("the entire territory of X", "вся територія X"): being in
    all of it, or holding all of it, is holding it."""
    inside: bool = False
    """An advance "into" or "in" the place ("advancing in X", "просунулися в X"): a presence
    in a town; in a region, a presence when it goes into it (`entering`), an advance within it."""
    entering: bool = False
    """The advance goes into the place, not within it: "an incursion into the Kharkiv region",
    the accusative after "в/у" ("в Курську область"), not the locative ("в Курській області")."""
    argument: bool = False
    """The place is the trigger's own argument in the parse ("advanced in the X region"), not
    a word it only shares a clause with."""
    held_region: bool = False
    """A participle of taking or holding describes the region itself, or the part of it named
    ("the partially occupied Luhansk region", "the Russian-controlled parts of the Kherson
    region", « la région de Koursk envahie par Kiev »): a side holds ground there, whatever
    else the region locates in the sentence."""
    encircled: Side | None = None
    """The side whose troops the trigger says are encircled in the place ("Ukrainian units
    are encircled in X", "окруженные силы в X"): they are there, and the other side closed in."""
    withdrawal: bool = False
    """A side the parse ties to a withdrawal leaves this settlement itself, not a part of it
    ("Ukrainian troops withdrew from X", "залишили X"): the other side holds it, by
    inference."""
    answers_denial: bool = False
    """The speaker's own account after a denial ("denied the reports, saying X is ours"): the
    denied claim is the other side's capture."""
    claimant: Source | None = None
    """Who made the claim that a denial answers, when the sentence names them."""
    denier: Source | None = None
    """Who denies the claim, named after it ("X took Y, a claim Kyiv denied")."""


# Finding triggers, places, cues ---------------------------------------------------------


def find_triggers(doc: Doc, tree: Tree, s_start: int, s_end: int, lex: Lexicon,
                  blocked: list[tuple[int, int]], listed: list[tuple[int, int, TriggerRule]],
                  places: Sequence[tuple[int, int]] = ()) -> list[Trigger]:
    """Triggers of one sentence: listed phrases first (longest wins; of two as long, the one
    that says it is no claim, as "під вогневим контролем" against "під … контролем"), then
    single lemmas. `listed`: the phrases' matches in the sentence (`scan.rule_hits`, offsets
    in the sentence); `places`: the spans of the sentence's place names, for the verbs whose
    meaning a place as object changes."""
    spans: list[tuple[int, int, TriggerRule]] = []
    found = [(start + s_start, end + s_start, rule) for start, end, rule in listed if end > start]
    if found:
        found.sort(key=lambda t: (-(t[1] - t[0]), t[0], t[2].kind != "none"))
        for start, end, rule in found:
            if any(s < end and start < e for s, e, _ in spans):
                continue
            spans.append((start, end, rule))
    # Every word of the sentence is looked up: the columns and tables are read once here.
    word_families, families = lex.word_families, lex.families
    pos, words, lemmas = tree.pos, tree.words, tree.lemmas
    for i in tree.tokens(s_start, s_end):
        if pos[i] in FUNCTION_POS:
            # A preposition is no form of a verb, whatever its lemma or ending says
            # (« contre » is not « contrer », « entre » not « entrer »).
            family = families.get(words[i])
            if family is None:
                continue
        else:
            family = families.get(lemmas[i])
        if family is None:
            word = words[i]
            if word in word_families:
                family = word_families[word]
            else:
                family = word_families[word] = (lex.families.get(word) or _stem_rule(lex, word)
                                                or _regular_rule(lex, word))
        if family is None:
            continue
        rule = family
        start, end = tree.starts[i], tree.ends[i]
        if any(s < end and start < e for s, e, _ in spans):
            continue
        spans.append((start, end, rule))
    triggers: list[Trigger] = []
    for start, end, rule in spans:
        if rule.kind == "none":
            continue
        if any(s < end and start < e for s, e in blocked):
            continue
        head = tree.root_of(start, end)
        if rule.losses and _counted_object(tree, head):
            continue
        if rule.place_object and _place_as_object(tree, head, places, lex):
            rule = replace(rule, kind=rule.place_object, invert=False, place_object=None)
        triggers.append(Trigger(start, end, head, rule, tree.lemmas[head]))
    return sorted(triggers, key=lambda t: t.start)


FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ"})
"""Parts of speech whose words match a trigger family by their own form only."""


def _place_as_object(tree: Tree, head: int, places: Sequence[tuple[int, int]], lex: Lexicon) -> bool:
    """Is the verb's direct object a settlement, named ("отбили Кузьминовку") or a word for
    one with its name in apposition ("відбили село Кузьминівка"; not "відбили штурм
    Торецька", where the parser may also say apposition)? `places`: the settlements' spans; a
    region taken for the object is a misparse of "відбили атаки ... Запорізької області"."""
    def named(k: int) -> bool:
        return any(start < tree.ends[k] and tree.starts[k] < end for start, end in places)

    for child in tree.children(head):
        if tree.relations[child] != "obj":
            continue
        if named(child):
            return True
        first = min([child] + [k for k in tree.children(child) if tree.relations[k] == "amod"])
        noun = tree.text[tree.starts[first]:tree.ends[child]]
        if lex.coref_settlement.fullmatch(noun) and any(
                named(k) for k in tree.children(child) if tree.relations[k] in ("appos", "flat", "flat:name")):
            return True
    return False


def _counted_object(tree: Tree, head: int) -> bool:
    """Does the verb's direct object hold a number or a share ("more than 300 personnel",
    « 80 % de ses troupes », "до 3 330 боевиков")? Such an object counts what was lost."""
    for child in tree.children(head):
        if tree.relations[child] != "obj":
            continue
        if any(tree.pos[k] == "NUM" or tree.words[k] == "%" or tree.words[k][:1].isdigit()
               for k in _subtree(tree, child)):
            return True
    return False


def _regular_rule(lex: Lexicon, word: str) -> TriggerRule | None:
    """The family of a regularly inflected word the lemmatizer missed ("contrôlent")."""
    for ending, lemma_ending in lex.regular_endings:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            family = lex.families.get(word[:-len(ending)] + lemma_ending)
            if family is not None:
                return family
    return None


def _stem_rule(lex: Lexicon, word: str) -> TriggerRule | None:
    found = lex.family_stem.match(word)
    return lex.family_stems[found.group()] if found else None


def find_cues(doc: Doc, tree: Tree, s_start: int, s_end: int, lex: Lexicon, speaker: Source,
              narrator_side: Side, blocked: list[tuple[int, int]],
              sides: list[tuple[Side, int, int]] | None = None) -> list[Cue]:
    """Words of the sentence that name a side's forces, own and enemy words resolved.
    `sides`: the side patterns' matches in the whole text, when the document has been
    searched for them already."""
    text = tree.text
    body = text[s_start:s_end]
    cues: list[Cue] = []
    spans: list[tuple[int, int]] = []

    def add(start: int, end: int, side: Side, relative: str = "") -> None:
        # "from Russian-occupied Berdyansk": a side compounded with a participle qualifies
        # the place, and whoever the words before it name is not that side.
        loser = not COMPOUND.match(text, end) and bool(
            lex.loser.search(text[max(0, start - 20):start])
            or lex.loser_after.match(text, end, min(len(text), end + 40)))
        cues.append(Cue(start, end, tree.root_of(start, end), side, loser, relative))
        spans.append((start, end))

    named = labelled_hits_within(lex.actors, text, sides, s_start, s_end) if sides is not None else None
    if named is None:
        named = [(side, start + s_start, end + s_start) for side, start, end in labelled_hits(lex.actors, body)]
    for side, start, end in named:
        if any(s < end and start < e for s, e in spans) or _dateline_place(text, start, end):
            continue
        if _LABEL.match(text, end) and _headline(text, s_start, s_end):
            # "Ukraine : la Russie revendique …": a title's topic before a colon names
            # no one's forces.
            continue
        if any(s < end and start < e and not (start <= s and e <= end and e - s < end - start)
               for s, e in blocked):
            continue
        if " " not in text[start:end].strip() and _geo_use(text, start, end, lex,
                                                          tree.pos[tree.root_of(start, end)] == "ADJ"):
            continue
        add(start, end, side)
    own: Side | None = speaker.side if speaker.side in ("RU", "UA") else None
    if speaker.name == "narrator" and narrator_side in ("RU", "UA"):
        own = narrator_side
    if own is not None:
        for pattern, side, relative in ((lex.self_cue, own, "self"), (lex.enemy_cue, opposite(own), "enemy")):
            if not tree.literals.may_match(pattern, s_start, s_end):
                continue
            for m in pattern.finditer(body):
                start, end = m.start() + s_start, m.end() + s_start
                if not any(s < end and start < e for s, e in spans):
                    add(start, end, side, relative)
    return cues


def _speakers_own(cues: list[Cue], tree: Tree, trigger: Trigger, said_by: Source) -> list[Cue]:
    """The cues as the trigger's own speaker means them: in a clause someone else says ("the
    Russian command's report that its units had taken the village"), "its troops" and "the
    enemy" are that speaker's, not the sentence's."""
    if said_by.side not in ("RU", "UA"):
        return cues
    clause = tree.clause_head(trigger.head)
    out = []
    for cue in cues:
        if cue.relative and tree.clause_head(cue.head) == clause:
            side: Side = said_by.side if cue.relative == "self" else opposite(said_by.side)
            cue = replace(cue, side=side)
        out.append(cue)
    return out


_LABEL = re.compile(r"[ \t\u00a0]*:")


def _geo_use(text: str, start: int, end: int, lex: Lexicon, adjective: bool = False) -> bool:
    """A nationality or country word used as a location ("l'est de l'Ukraine", "Ukrainian town").

    After "in" or "of", only a country is a location ("in Russia"); an adjective there
    qualifies the noun that follows it ("in Russian hands")."""
    if COMPOUND.match(text, end):
        # "in Russian-occupied Berdyansk": the word qualifies a participle, not a place.
        return False
    before = text[max(0, start - 20):start].lower().rstrip()
    after_words = text[end:end + 25].lower().split()
    before_words = before.split()
    if before_words and before_words[-1].strip(",") in lex.geo_nouns_before:
        return True
    if after_words and after_words[0].strip(",.") in lex.geo_after:
        return True
    if adjective:
        return False
    matched = text[start:end].lower()
    for word in lex.geo_before:
        if before.endswith(word) or (word.endswith("'") and matched.startswith(word)):
            return not re.match(r"(?:forces|troupes|troops|army|armée)", matched)
    return False


def _dateline_place(text: str, start: int, end: int) -> bool:
    """A city in capitals heading a wire story ("MOSCOW/KYIV (Reuters) -") names no forces."""
    word = text[start:end]
    return word.isupper() and len(word) >= 4 and DATELINE_AFTER.match(text, end) is not None


def locators(mentions: list[PlaceMention]) -> set[int]:
    """Regions named right after a settlement ("Toretsk, région de Donetsk") only locate it."""
    found: set[int] = set()
    for i, mention in enumerate(mentions):
        if mention.place.is_region and i > 0:
            previous = mentions[i - 1]
            if not previous.place.is_region and 0 <= mention.start - previous.end <= 35:
                found.add(mention.start)
    return found


def on_front(place: Place) -> bool:
    """Ukraine, or one of the Russian regions the war reached."""
    return place.country != "RU" or place.admin1 in FRONT_ADMIN1


def _may_refer(mention: PlaceMention, located: set[int], settlement: bool, size: str) -> bool:
    if mention.start in located or mention.place.feature == "PPLC" or not on_front(mention.place):
        return False
    if settlement and mention.place.is_region:
        return False
    population = mention.place.population
    return not ((size == "village" and population >= CITY_POPULATION)
                or (size == "city" and 0 < population < 5000))


def _antecedent(earlier: list[PlaceMention], located: set[int], settlement: bool,
                size: str, sentence_start: int, argued: set[int]) -> PlaceMention | None:
    """The place a back-reference means: among those named last, the one a trigger was about
    ("liberated Kurakhove, a town on the road to the city of Pokrovsk... fighting in the
    town": Kurakhove), then the article's most named, then the one named first (the topic
    before the landmarks that locate it); an earlier back-reference counts as a mention of
    the place it meant, and a place only an "if" clause takes is no argument. A size word
    used loosely ("на улицах города" of a village) does not veto the only settlement named."""
    fitting = [m for m in earlier if _may_refer(m, located, settlement, size)]
    if not fitting and size:
        fitting = [m for m in earlier if _may_refer(m, located, settlement, "")]
        if len({m.place.geonameid for m in fitting}) != 1:
            return None
    if not fitting:
        return None
    last = fitting[-1]
    if not settlement or last.start >= sentence_start:
        return last
    recent = [m for m in fitting if m.start >= last.start - RECENT_CHARS]
    named = Counter(m.place.geonameid for m in fitting)
    return max(recent, key=lambda m: (m.start in argued, named[m.place.geonameid]))


def _size_word(reference: str, lex: Lexicon) -> str:
    if lex.coref_village.search(reference):
        return "village"
    if lex.coref_city.search(reference):
        return "city"
    return ""


def find_targets(doc: Doc, tree: Tree, s_start: int, s_end: int, mentions: list[PlaceMention],
                 history: list[PlaceMention], located: set[int], lex: Lexicon,
                 blocked: list[tuple[int, int]], argued: set[int], named: list[PlaceMention]) -> list[Target]:
    """Places of a sentence: its toponyms and its back-references resolved to a place
    (`named`: the sentence's toponyms that are not mere reference points)."""
    text = tree.text
    targets: list[Target] = []
    for mention in mentions:
        if not s_start <= mention.start < s_end or any(s <= mention.start and mention.end <= e
                                                        for s, e in blocked):
            continue
        targets.append(Target(mention.start, mention.end, mention,
                              _place_head(doc, tree, mention.start, mention.end, lex)))
    body = text[s_start:s_end]
    # A plural first: "ці міста" is no genitive "міста" (of the city).
    plurals = [(m, regions) for pattern, regions in ((lex.coref_plural, False), (lex.coref_plural_region, True))
               if tree.literals.may_match(pattern, s_start, s_end) for m in pattern.finditer(body)]
    # The lists the sentence's plural back-references stand for, where each begins.
    lists: list[tuple[int, list[PlaceMention]]] = []
    for m, regions in plurals:
        start, end = m.start() + s_start, m.end() + s_start
        if _named_by(targets, text, start, end, lex):
            continue
        listed = _listed_before([p for p in history + named if p.end <= start], located, text, start, lex,
                                regions, _list_count(m.group(), lex), tree.literals)
        if listed:
            lists.append((start, listed))
        targets += _list_targets(start, end, _place_head(doc, tree, start, end, lex), listed, text)
    for pattern, settlement, how, form in ((lex.coref_settlement, True, "coref", "town"),
                                           (lex.coref_any, False, "coref", "there"),
                                           (lex.coref_part, True, "part", "part")):
        if not tree.literals.may_match(pattern, s_start, s_end):
            continue
        for m in pattern.finditer(body):
            start, end = m.start() + s_start, m.end() + s_start
            if _named_by(targets, text, start, end, lex) or _counted(tree, start):
                continue
            if pattern is lex.coref_any and _where_said_there(tree, start, end, lex):
                continue
            before = [places for at, places in lists if at < start]
            if pattern is lex.coref_any and before:
                # "these towns, where fighting raged there": the pronoun after a plural
                # back-reference stands for its whole list, not its last town.
                targets += _list_targets(start, end, _place_head(doc, tree, start, end, lex), before[-1], text)
                continue
            antecedent = _antecedent([p for p in history + named if p.end <= start], located, settlement,
                                     _size_word(m.group(), lex) if settlement else "", s_start, argued)
            if antecedent is not None:
                ref = PlaceMention(start, end, text[start:end], antecedent.place,
                                   antecedent.score * 0.85, how)
                targets.append(Target(start, end, ref, _place_head(doc, tree, start, end, lex), coref=True,
                                      back_reference=form))
    return _lists(sorted(targets, key=lambda t: t.start), text, lex, located)


def _list_targets(start: int, end: int, head: int, listed: list[PlaceMention], text: str) -> list[Target]:
    """One target per place of the list a back-reference stands for, all on its words."""
    return [Target(start, end, PlaceMention(start, end, text[start:end], place.place, place.score * 0.85, "coref"),
                   head, coref=True, back_reference="list") for place in listed]


def _entering(tree: Tree, text: str, s_start: int, target: Target, lex: Lexicon) -> bool:
    """Whether the words before the place say the motion goes into it ("into"), or its noun
    is in the accusative after the preposition ("в Курську область") where a language marks
    it by case."""
    if lex.into_before.search(text, max(s_start, target.first - 40), target.first):
        return True
    case = tree.feature(target.anchor, "Case")
    return "Acc" in case and "Loc" not in case


def _where_said_there(tree: Tree, start: int, end: int, lex: Lexicon) -> bool:
    """"There" on a speech verb ("Там отметили, что…", "Там заявили"): the body named before,
    where it was said, not a place the statement is about."""
    head = tree.root_of(start, end)
    return tree.heads[head] != head and is_speech_word(tree, tree.heads[head], lex)


def _region_references(text: str, s_start: int, s_end: int, earlier: list[PlaceMention],
                       own: list[PlaceMention], located: set[int], lex: Lexicon,
                       literals: LiteralScreen | None = None) -> list[PlaceMention]:
    """"In the region" without a name: the last region named before it. It is recorded as
    read, but makes no candidate: a claim about a whole region read from it was wrong more
    often than right."""
    found: list[PlaceMention] = []
    if literals is not None and not literals.may_match(lex.coref_region, s_start, s_end):
        return found
    for m in lex.coref_region.finditer(text, s_start, s_end):
        start, end = m.span()
        if any(o.start < end + NAMED_BY_CHARS and o.end > start
               and not _BOUNDARY.search(text, end, max(end, o.start)) for o in own):
            continue
        regions = [p for p in earlier if p.end <= start and p.place.is_region and _may_refer(p, located, False, "")]
        if regions:
            found.append(PlaceMention(start, end, m.group(), regions[-1].place, regions[-1].score * 0.85, "coref"))
    return found


def _refers_back(body: str, lex: Lexicon, literals: LiteralScreen | None = None, offset: int = 0) -> bool:
    """Whether a sentence has words that may refer back to a place: most have none, and
    finding a sentence's places costs a walk over its tree. `literals`: those of the text
    the sentence stands in at `offset`."""
    return any((literals is None or literals.may_match(pattern, offset, offset + len(body))) and pattern.search(body)
               for pattern in (lex.coref_settlement, lex.coref_any, lex.coref_part,
                               lex.coref_plural, lex.coref_plural_region))


def _counted(tree: Tree, start: int) -> bool:
    """A number before the noun counts places ("81 населенный пункт", "huit localités"):
    it refers back to none."""
    before = tree.token_at(start) - 1
    return before >= 0 and tree.ends[before] <= start and tree.pos[before] == "NUM"


def _named_by(targets: list[Target], text: str, start: int, end: int, lex: Lexicon) -> bool:
    """The back-reference is a name's own head noun ("the city of Bakhmut", "місто Бахмут",
    "la ville stratégique de Pokrovsk"), or lies inside it; a name after a clause or quote
    boundary ("the city," the governor said) or after "in" ("the village in Kharkiv": where
    it lies) is another phrase."""
    for t in targets:
        if start >= t.end:
            continue
        if t.start > end and lex.inside_before.search(text, end, t.start):
            continue
        if t.start <= end or (t.start - 12 <= end and not _BOUNDARY.search(text, end, t.start)):
            return True
        if t.start - end <= NAMED_BY_CHARS and lex.object_link.search(text[end:t.start]) \
                and not _BOUNDARY.search(text, end, t.start):
            return True
    return False


_BOUNDARY = re.compile(r"[,;:.!?\"”»“«)(]")


def _listed_before(earlier: list[PlaceMention], located: set[int], text: str, start: int, lex: Lexicon,
                  regions: bool = False, count: int = 0, literals: LiteralScreen | None = None) -> list[PlaceMention]:
    """The places a plural back-reference means ("these villages", "ці населені пункти"): the
    settlements (`regions`: the regions, for "any of the four regions") of the last sentence
    before it that names two or more, one mention each, or `count` of them where it says how many
    ("these two towns"). A place named near something or as a reference point ("X and Y,
    near Z"), or a region that only locates the place before it, is none of its places."""
    runs: list[list[PlaceMention]] = []
    run: list[PlaceMention] = []
    end = -1
    for mention in (m for m in earlier if m.start >= start - LIST_BACK_CHARS):
        if mention.start in located or _near(text, mention.start - 50, mention, lex, literals) \
                or _reference_point(text, mention.start - 50, mention, lex, literals):
            continue
        if not runs or _SENTENCE_BREAK.search(text, end, mention.start):
            run = []
            runs.append(run)
        end = max(end, mention.end)
        if _may_refer(mention, located, not regions, "") and mention.place.is_region == regions:
            run.append(mention)
    lists = [list({m.place.geonameid: m for m in r}.values()) for r in runs]
    lists = [places for places in lists if len(places) >= 2]
    if count:
        exact = [places for places in lists if len(places) == count]
        lists = exact or [places[:count] for places in lists if len(places) > count]
    return lists[-1] if lists else []


def _list_count(reference: str, lex: Lexicon) -> int:
    """How many places a plural back-reference says it means ("these two towns", "обидва
    села"); 0 where it does not say."""
    for word in re.findall(r"[\w'’]+", reference.lower()):
        if word.isdigit():
            return int(word)
        if word in lex.coref_counts:
            return lex.coref_counts[word]
    return 0


def _lists(targets: list[Target], text: str, lex: Lexicon, located: set[int]) -> list[Target]:
    """Places listed one after another ("X, Y та Z") share the first one's relations.

    A region that only locates the settlement before it is no item of the list: the next
    settlement ("Красноармейск в ДНР и Волчанск в Харьковской области") is listed with the
    settlement the region locates. A region and a settlement are never items of one list
    ("towns in Donetsk, Ocheretyne holds…": the sentence goes on after the region).
    """
    out: list[Target] = []
    for target in targets:
        previous = out[-1] if out else None
        link = text[previous.end:target.start] if previous is not None else ""
        if previous is not None and len(out) > 1 and previous.start in located and not previous.coref \
                and not target.mention.place.is_region:
            previous = out[-2]
        if previous is not None and not target.coref and not previous.coref and lex.list_link.search(link) \
                and previous.mention.place.is_region == target.mention.place.is_region:
            target = replace(target, list_start=previous.first, list_head=previous.anchor)
        out.append(target)
    return out


def _place_head(doc: Doc, tree: Tree, start: int, end: int, lex: Lexicon) -> int:
    """The token standing for a place in the parse: "the town of X" and "село X" are X."""
    node = tree.root_of(start, end)
    for _ in range(3):
        head = tree.heads[node]
        if head == node or tree.relations[node] not in ("nmod", "appos", "compound", "flat", "flat:name",
                                                        "nmod:poss", "obl", "nummod"):
            break
        if tree.lemmas[head] not in lex.place_nouns and tree.words[head] not in lex.place_nouns:
            break
        node = head
    return node


# Features ---------------------------------------------------------------------------------


def _agree(tree: Tree, adjective: int, noun: int) -> bool:
    """An adjective qualifies the noun after it only inside one noun phrase, agreeing in case
    where the language has cases: "окуповані російськими військами" is a participle before
    its agent (Nom and Ins), not "occupied troops"."""
    if any(tree.pos[k] in _OUTSIDE_A_NOUN_PHRASE or tree.relations[k] in _PHRASE_BOUNDARIES
           for k in range(adjective + 1, noun)):
        return False
    mine, its = tree.feature(adjective, "Case"), tree.feature(noun, "Case")
    return not mine or not its or bool(mine & its)


_OUTSIDE_A_NOUN_PHRASE = frozenset({"ADP", "PUNCT", "VERB", "AUX", "SCONJ", "CCONJ"})
"""Parts of speech that cannot stand between an adjective and the noun it qualifies."""
_PHRASE_BOUNDARIES = frozenset({"case", "mark", "cc", "punct", "cop", "aux", "aux:pass"})
"""Relations that cannot either, whatever the tagger calls the word ("окупований ще на
початку": "на", tagged a particle, is the preposition that begins another phrase)."""


@functools.lru_cache(maxsize=4096)
def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The name of the bucket of `edges` that holds `n`, made once per count and edges: every
    candidate names four buckets, and a loop and a formatted string each cost more."""
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return "far"


def relation_features(tree: Tree, trigger: Trigger, target: Target) -> dict[str, float]:
    """How the place hangs on the trigger in the parse.

    Two readings are marked for the decision rules: a trigger that modifies the place itself
    ("the occupied Starobilsk", "Kupiansk, captured in 2022"), and one in a relative clause
    about another noun ("the Kursk region, where Ukrainian forces entered"): that trigger is
    about its noun, not about this place. A noun in apposition to the place is the place
    ("Avdiivka, a town that Russian forces took"). An adjective before another noun, inside that
    noun's phrase ("the Russian-occupied south", "частково окупованої області"), is about
    that noun too, unless the place hangs on it ("the occupied part of Kherson"). Other
    participles modifying another noun are left to the model: vetoing them all cost 0.011 F1
    on cross-validation, parses being what they are.
    """
    f: dict[str, float] = {}
    t, p = trigger.head, target.anchor
    same = _same_referent(tree, target) if not target.implicit else ()
    if not target.implicit and tree.relations[t] in ("amod", "acl", "acl:relcl"):
        modified = tree.heads[t]
        if modified in same:
            f["attributive"] = 1.0
        else:
            f["modifies_other"] = 1.0
            if tree.relations[t] == "amod" and t < modified and _agree(tree, t, modified) \
                    and modified not in tree.ancestors(p):
                f["describes_other"] = 1.0
    clause = tree.clause_head(t)
    if not target.implicit:
        # A clause hung on any word of the place's name ("Нью-Йорка, где", the "Kharkiv" of
        # "la région de Kharkiv, qui") is about the place.
        same = (*same, *tree.tokens(target.start, target.end))
    if not target.implicit and tree.relations[clause] == "acl:relcl":
        antecedent = tree.heads[clause]
        if antecedent in same:
            f["relative_place"] = 1.0
        else:
            if not any(antecedent == node for node in tree.ancestors(p)):
                f["relative_other"] = 1.0
            if _described_by(tree, antecedent, p):
                # "Myrnohrad, a town east of Pokrovsk which Russian forces enveloped": the
                # clause is about the noun in apposition, the place it describes; a place in
                # that noun's phrase that only locates it is not what the clause speaks of.
                f["relative_described"] = 1.0
    if target.implicit:
        return {"syn=implicit": 1.0}
    if target.list_head >= 0:
        f["in_list"] = 1.0
    found = tree.path(p, t)
    if found is None:
        return {"syn=none": 1.0}
    up_p, up_t = found
    case = tree.cases[p]
    if len(up_p) == 2 and len(up_t) == 1:
        rel = tree.relations[p]
        f[f"syn=arg:{rel}"] = 1.0
        if case:
            f[f"syn=arg:{rel}:{case}"] = 1.0
    elif len(up_p) == 3 and len(up_t) == 1:
        rel = tree.relations[up_p[1]]
        f[f"syn=arg2:{rel}>{tree.relations[p]}"] = 1.0
        f["syn=arg2"] = 1.0
        if case:
            f[f"syn=arg2case:{case}"] = 1.0
    elif len(up_p) == 1:
        f[f"syn=mod:{tree.relations[t]}" if len(up_t) == 2 else "syn=under"] = 1.0
    elif len(up_p) == 2 and len(up_t) == 2:
        f[f"syn=sib:{tree.relations[t]}|{tree.relations[p]}"] = 1.0
        f["syn=sib"] = 1.0
    else:
        f["syn=path"] = 1.0
    f[f"synlen={_bucket(len(up_p) + len(up_t) - 2, (1, 2, 3, 5))}"] = 1.0
    if tree.path_crosses_clause(found):
        f["syn=other_clause"] = 1.0
    if case:
        f[f"case={case}"] = 1.0
    return f


def _described_by(tree: Tree, antecedent: int, place: int) -> bool:
    """Whether the place sits inside an apposition under the antecedent ("X, a town east of
    the place", "X, east of the place"): it is part of a description of another referent."""
    for node in (place, *tree.ancestors(place)):
        if tree.relations[node] == "appos":
            return antecedent == node or antecedent in tree.ancestors(node)
        if node == antecedent:
            return False
    return False


def _same_referent(tree: Tree, target: Target) -> tuple[int, ...]:
    """The place's words and the nouns in apposition to it ("Avdiivka, a town that ...", "the
    town, Avdiivka"): a clause or participle on any of them is about the place itself. A noun
    right after the place, a comma and its determiner between, is taken as such even when
    the parse hangs it elsewhere."""
    p, head = target.anchor, target.head
    same = {p, head}
    for node in (p, head):
        same.update(k for k in tree.children(node) if tree.relations[k] == "appos")
        if tree.relations[node] == "appos":
            same.add(tree.heads[node])
    k = bisect_left(tree.starts, target.end)
    if k < len(tree.words) and tree.words[k] == ",":
        k += 1
        while k < len(tree.words) and tree.pos[k] in ("DET", "ADJ", "NUM"):
            k += 1
        if k < len(tree.words) and tree.pos[k] == "NOUN":
            same.add(k)
    return tuple(same)


def _morph_features(tree: Tree, i: int, prefix: str) -> dict[str, float]:
    """A word's part of speech and inflection as features (not to be changed: shared)."""
    return _inflection_features(tree.pos[i], tree.morphs[i] if tree.morphs else "", prefix)


@functools.lru_cache(maxsize=4096)
def _inflection_features(pos: str, morph: str, prefix: str) -> dict[str, float]:
    """`_morph_features` of a part of speech and a morphology string: few pairs recur."""
    f = {f"{prefix}pos={pos}": 1.0}
    values = morph_values(morph)
    for name in ("VerbForm", "Voice", "Tense", "Mood", "Case", "Aspect"):
        for value in values.get(name, ()):
            f[f"{prefix}{name}={value}"] = 1.0
    return f


def _own_conjunct(tree: Tree, head: int) -> tuple[int, int] | None:
    """The verb of the trigger's clause, and the offset of its conjunction, where that verb is
    coordinated with an earlier one and carries its own finite form or auxiliary ("n'ont pas
    confirmé la chute de X et affrontent l'armée russe", "не підтвердили падіння X і
    продовжують бої"): it opens a clause of its own. A bare infinitive or participle shares
    the first verb's negation ("did not take X and hold it"), so it opens none."""
    verb = head
    for _ in range(2):
        if tree.pos[verb] in ("VERB", "AUX") or tree.relations[verb] == "conj":
            break
        verb = tree.heads[verb]
    # A finite verb after a conjunction is coordinated, whatever label the parser gave it
    # (the Ukrainian model sometimes makes it an "xcomp").
    if tree.relations[verb] not in ("conj", "xcomp") or tree.pos[verb] not in ("VERB", "AUX"):
        return None
    first = tree.heads[verb]
    if first >= verb or tree.pos[first] not in ("VERB", "AUX"):
        return None
    finite = "Fin" in tree.feature(verb, "VerbForm") or any(
        tree.relations[k].startswith("aux") and "Fin" in tree.feature(k, "VerbForm")
        for k in tree.children(verb))
    # The conjunction hangs from the second verb (UD) or from the first (English models).
    joints = [k for k in (*tree.children(verb), *tree.children(first))
              if first < k < verb and tree.relations[k] == "cc"]
    return (verb, tree.starts[max(joints)]) if finite and joints else None


def _negated(doc: Doc, tree: Tree, head: int, lex: Lexicon) -> bool:
    """A negation word on the trigger or on a verb that governs it within its clause; not one
    after a contrast word ("but", "але") that follows the trigger, which opens another clause."""
    own = _own_conjunct(tree, head)
    nodes = [head]
    for node in tree.ancestors(head):
        if (own is not None and nodes[-1] == own[0]) or _contrasted(tree, node, head, lex):
            break
        nodes.append(node)
        if tree.relations[nodes[-2]] in ("ccomp", "advcl", "acl:relcl", "parataxis", "conj") or len(nodes) > 4:
            break
    for node in nodes:
        if node != head and (tree.lemmas[node] in lex.cessation_lemmas or tree.words[node] in lex.cessation_lemmas):
            continue  # "did not stop attacking X": the attacks go on
        for child in tree.children(node):
            if child + 1 < len(tree.words) and tree.words[child + 1] in lex.negation_exceptions:
                continue
            if tree.lemmas[child] in lex.negation_words or tree.words[child] in lex.negation_words:
                if child > head and lex.contrast.search(tree.text, tree.ends[head], tree.starts[child]):
                    # "просувається до X, але нічого не досяг": a parse that hangs the next
                    # clause's negation on the trigger does not make "but" part of its clause.
                    continue
                if child < head or tree.relations[child] in ("neg", "advmod:neg", "advmod"):
                    return True
    return False


def _contrasted(tree: Tree, node: int, head: int, lex: Lexicon) -> bool:
    """A concessive or adversative word between a governing word and the trigger ("denied the
    claims, although fighting goes on in X", "не підтвердив втрату X, хоча повідомив про бої"):
    the trigger's clause is outside what the governor's negation or denial says."""
    return node < head and lex.contrast.search(tree.text, tree.ends[node], tree.starts[head]) is not None


def _governing(doc: Doc, tree: Tree, head: int, words: frozenset[str], limit: int = 4,
               stop: frozenset[str] = frozenset(), adjunct_stops: bool = False,
               lex: Lexicon | None = None) -> bool:
    """Whether a word of `words` governs the trigger (its head, or a head above, within reach),
    before any word of `stop` does (a speech verb opens a statement of its own). With
    `adjunct_stops`, an oblique phrase ends the reach: "since capturing X, they pushed on" is
    no push to capture X. With `lex`, a concessive or adversative clause ends it too."""
    below = head
    for k, node in enumerate(tree.ancestors(head)):
        if k >= limit or (lex is not None and _contrasted(tree, node, head, lex)):
            break
        if adjunct_stops and tree.relations[below] == "obl":
            return False
        lemma, word = tree.lemmas[node], tree.words[node]
        if lemma in words or word in words:
            return True
        if lemma in stop or word in stop:
            return False
        below = node
    return False


def _scope(pattern: re.Pattern[str], body: str, offset: int, trigger: Trigger,
           triggers: list[Trigger], lex: Lexicon, tree: Tree) -> str:
    """Where a sentence-level marker stands for a trigger: before, after, or nowhere ("").

    A "but" between them ends its reach; so does the speaker's own account that follows a
    denial ("a démenti…, assurant que la ville reste sous contrôle ukrainien"). A marker
    after the trigger reaches back only when no other trigger follows it, and not past the
    statement it names ("we hold X, so the claims that they took X are false").
    """
    if not tree.literals.may_match(pattern, offset, offset + len(body)):
        return ""  # `body` is the sentence with its names blanked out, which the screen allows for
    for match in pattern.finditer(body):
        start, end = match.start() + offset, match.end() + offset
        if end <= trigger.start:
            lo, hi, where = end, trigger.start, "before"
        else:
            if any(t.start >= end for t in triggers):
                continue
            rest = len(body) - len(body[match.end():].lstrip())
            if any(claimed.match(body, rest) for _, claimed in lex.claimed_by):
                # "Бої йдуть у місті, — сказав він, спростувавши російські заяви": what is
                # denied is the other side's claims; the speaker's own account stands.
                continue
            if _outside_named_statement(tree, start, end, trigger, triggers, lex):
                continue
            lo, hi, where = trigger.end, start, "after"
        between = body[lo - offset:hi - offset]
        if lex.contrast.search(between) or (where == "before" and _reported_clause(lex, between)):
            continue
        return where
    return ""


def _outside_named_statement(tree: Tree, start: int, end: int, trigger: Trigger, triggers: list[Trigger],
                             lex: Lexicon) -> bool:
    """A denial after the trigger that names what it denies ("the statement that the enemy took
    X does not correspond to reality", "із заявами про захоплення X поспішили") covers the
    claim in its own clause, not the trigger of an earlier clause it is joined to ("our units
    are in X, so …"): the speaker's own account stands."""
    root = tree.root_of(start, end)
    head = tree.clause_head(root)
    statements = {node for node in (*tree.tokens(start, end), *tree.children(root), *tree.children(head))
                  if tree.starts[node] >= trigger.end and tree.pos[node] in ("NOUN", "PROPN")
                  and (tree.lemmas[node] in lex.speech_nouns or tree.words[node] in lex.speech_nouns)}
    if not statements:
        return False

    def reached(other: Trigger) -> bool:
        clausal = False
        for node in (other.head, *tree.ancestors(other.head)):
            if node in statements or (node == head and not clausal):
                return True
            clausal = clausal or tree.relations[node] in CLAUSE_RELATIONS
        return False

    return not reached(trigger) and any(reached(other) for other in triggers if other is not trigger)


def _answered_denial(lex: Lexicon, before: str) -> bool:
    """A denial followed by the speaker's own account ("a démenti…, assurant que …")."""
    return any(_reported_clause(lex, before[match.end():]) for match in lex.denial.finditer(before))


def _reported_clause(lex: Lexicon, between: str) -> bool:
    """A speech verb and its 'que'/'that' (or none, where the language drops it) after a
    comma: a new statement starts.

    Without the comma the speech noun is what is denied ("denied reports that X fell").
    """
    return any((lex.complement_dropped or lex.complement.search(between, said.end()) is not None)
               and CLAUSE_CUT.search(between, 0, said.start()) is not None
               for said in lex.speech.finditer(between))


def _imperative(doc: Doc, tree: Tree, trigger: Trigger, s_start: int) -> bool:
    """A verb in the imperative: marked so (Mood=Imp), or a bare infinitive opening the
    sentence as English writes its imperatives."""
    if "Imp" in tree.feature(trigger.head, "Mood"):
        return True
    first = tree.token_at(s_start)
    while first < trigger.head and tree.pos[first] in ("PUNCT", "SPACE"):
        first += 1
    return first == trigger.head and doc[trigger.head].tag_ == "VB"


def inline_quotes_blanked(text: str) -> str:
    """`text` with the marks of each short phrase quoted inside its clause turned into spaces,
    offsets kept: a scare-quoted phrase does not end the clause around it the way a quoted
    statement does, so a negation or a condition before it still reaches past it."""
    marks = [(m.start(group), m.end(group)) for m in INLINE_QUOTE.finditer(text)
             if len(m.group(2).split()) <= INLINE_QUOTE_WORDS for group in (1, 3)]
    if not marks:
        return text
    pieces: list[str] = []
    done = 0
    for start, end in marks:  # in text order, never overlapping
        pieces += (text[done:start], " " * (end - start))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _clause_of(text: str, s_start: int, s_end: int, trigger: Trigger) -> str:
    """The text of the trigger's clause: from the last strong boundary before it to the next."""
    before = _clause_before(text, s_start, trigger.start, 80)
    after = BOUNDARY.split(text[trigger.end:min(s_end, trigger.end + 80)], maxsplit=1)[0]
    return before + text[trigger.start:trigger.end] + after


def _clause_before(text: str, s_start: int, position: int, width: int) -> str:
    window = text[max(s_start, position - width):position]
    cuts = [m.end() for m in BOUNDARY.finditer(window)]
    return window[cuts[-1]:] if cuts else window


def _active_perfect(tree: Tree, verb: int) -> bool:
    """A verb with a tense auxiliary and no passive one ("les Ukrainiens avaient repris X"):
    active, whatever label the parser gave its subject."""
    auxiliaries = [tree.relations[k] for k in tree.children(verb) if tree.relations[k].startswith("aux")]
    return bool(auxiliaries) and "aux:pass" not in auxiliaries


def _role(doc: Doc, tree: Tree, cue: Cue, trigger: Trigger, lex: Lexicon) -> str:
    """The cue's role for the trigger: agent, patient, or none syntactically.

    A passive subject is the patient, except with the verbs of motion that take "être" in
    French ("les troupes sont entrées"), which parsers label passive. A subject up the tree
    is shared only through auxiliaries, control verbs and coordination, never out of a
    relative or reported clause.
    """
    c, t = cue.head, trigger.head
    rel = tree.relations[c]
    if rel == "obj" and _intransitive(tree, tree.heads[c], lex) and "Nom" in (tree.feature(c, "Case") or {"Nom"}):
        # "До Херсону зайшли українські війська": a verb that takes no object has a subject
        # after it, which the parser took for one.
        rel = "nsubj"
    if rel == "nsubj:pass" and (tree.lemmas[tree.heads[c]] in lex.unaccusative
                                or _active_perfect(tree, tree.heads[c])):
        rel = "nsubj"
    if _agent_phrase(tree, cue, t, lex):
        return "agent"
    if tree.heads[c] == t:
        if rel in ("nsubj", "csubj", "obl:agent", "nmod:agent"):
            return "agent"
        if rel in ("nsubj:pass", "obj", "iobj"):
            return "patient"
        if rel in ("nmod:poss", "amod", "nmod", "compound", "det"):
            return "poss"
        if rel in ("obl",):
            return "obl"
        return "other"
    relative = _relative_subject(tree, t)
    if relative and (tree.heads[t] == c or (tree.heads[c] == tree.heads[t] and rel in ("nmod", "amod", "nmod:poss"))):
        # "les soldats russes, qui ont pris X", "ДРГ противника, которые проникли в X": the
        # relative pronoun stands for the noun the clause hangs on (or its side's words).
        return "agent" if relative == "nsubj" else "patient"
    if tree.heads[t] == c:
        # "Les Russes contrôlent X" with the verb tagged as an adjective of "Russes": a
        # finite ending makes the noun its subject, where a participle's noun is its patient.
        if tree.pos[t] == "ADJ" and tree.words[t].endswith(lex.finite_endings):
            return "agent"
        return "modified"
    node = t
    controlled = False
    for above in tree.ancestors(t):
        if tree.relations[node] in ("acl:relcl", "ccomp"):
            break
        # "Russian forces are said to have captured X", "décorés pour avoir pris X": the
        # subject of the verb above, passive or not, is the subject of a clause below that
        # has none of its own.
        controlled = controlled or tree.relations[node] == "xcomp" or (
            tree.relations[node] == "advcl" and not any(
                tree.relations[child] in ("nsubj", "nsubj:pass", "csubj") for child in tree.children(node)))
        if _object_controls(tree, above, node, c, lex):
            # "forçant les unités ukrainiennes à se retrancher", "forced Ukrainian troops to
            # pull back": the object of the verb above an infinitive does it (or undergoes it,
            # passive: "pour éviter d'être prises").
            return "patient_up" if _passive(tree, t) else "agent_up"
        if tree.heads[c] == above and rel in ("nsubj", "nsubj:pass"):
            if rel == "nsubj" and not controlled and tree.pos[node] == "NOUN" and _vouches(tree, above, lex):
                # "Ukrainian forces have not confirmed the fall of X", "Kyiv denied reports
                # of its capture": whoever says, denies or confirms an act is its claimant,
                # not its doer ("claimed to have taken X", a verb below, still is).
                return "claimant"
            if rel == "nsubj" and not trigger.rule.invert and _opposes(tree, above, lex) \
                    and not (tree.relations[node] == "conj" and tree.pos[node] == "VERB"):
                # "Ukrainian troops repelled the attacks", "resisted attempts to take X": the
                # subject of a verb of resisting meets the action below it, not does it; a verb
                # coordinated with that one ("repelled the assault and entered X", "stopped
                # the advance and go on holding X") it does.
                return "patient_up"
            if controlled and not _passive(tree, t):
                return "agent_up"
            return "agent_up" if rel == "nsubj" else "patient_up"
        if above == tree.heads[above]:
            break
        node = above
    return ""


def _owns_casualties(tree: Tree, cue: Cue, trigger: Trigger, lex: Lexicon) -> bool:
    """The cue qualifies a noun for a side's dead and wounded ("enemy losses", « pertes
    russes », "втрати ворога"): it names who lost men, not an agent of the trigger."""
    head = tree.heads[cue.head]
    return head != cue.head and head != trigger.head \
        and tree.relations[cue.head] in ("nmod", "nmod:poss", "amod", "det", "compound", "appos") \
        and tree.lemmas[head].lower() in lex.casualties


def _said_of_self(tree: Tree, trigger: Trigger, lex: Lexicon) -> bool:
    """An infinitive under a verb of saying, denying or confirming ("denied having taken X",
    « n'a pas confirmé avoir repris X »): the one who speaks is the one who acted."""
    head, verb = trigger.head, tree.heads[trigger.head]
    return tree.pos[head] == "VERB" and "Fin" not in tree.feature(head, "VerbForm") \
        and not _passive(tree, head) and tree.relations[head] in ("xcomp", "obj", "ccomp") \
        and not any(tree.relations[child].startswith("nsubj") for child in tree.children(head)) \
        and verb != head and tree.pos[verb] == "VERB" and _vouches(tree, verb, lex)


def _vouches(tree: Tree, verb: int, lex: Lexicon) -> bool:
    """A verb of saying, denying or confirming: its subject answers for a report."""
    start, end = tree.starts[verb], tree.ends[verb]
    return is_speech_word(tree, verb, lex) or lex.denial.match(tree.text, start, end) is not None \
        or lex.confirmation.match(tree.text, start, end) is not None


def _agent_phrase(tree: Tree, cue: Cue, trigger: int, lex: Lexicon) -> bool:
    """The cue follows words that make a side the agent of a passive or a noun ("звільнено
    силами ЗСУ", "освобождён бойцами ВС РФ") and hangs on the trigger through them: parses
    of Ukrainian and Russian read such a phrase, in the instrumental, as a mere complement
    (English and French ones mark "by" and « par » agents themselves)."""
    if not tree.literals.may_match(lex.agent, max(0, cue.start - 40), cue.start) \
            or not lex.agent.search(tree.text, max(0, cue.start - 40), cue.start):
        return False
    node = cue.head
    for _ in range(3):
        head = tree.heads[node]
        if head == trigger:
            return tree.relations[node] in ("obl", "nmod") and "Ins" in tree.feature(node, "Case")
        if head == node:
            return False
        node = head
    return False


def _object_controls(tree: Tree, verb: int, node: int, cue: int, lex: Lexicon) -> bool:
    """The cue is the object of `verb` and the controller of the infinitive `node` under it:
    a complement ("forced X to retreat"), or an adverbial one with a marker that is not of
    purpose ("forçant X à se retrancher")."""
    if tree.heads[cue] != verb or tree.relations[cue] not in ("obj", "iobj") or not cue < node:
        return False
    if tree.relations[node] == "xcomp":
        return True
    marks = {tree.lemmas[k] for k in tree.children(node) if tree.relations[k] == "mark"}
    return tree.relations[node] == "advcl" and bool(marks) and not marks & lex.purpose_marks \
        and "Inf" in tree.morph_values(node).get("VerbForm", ())


def _relative_subject(tree: Tree, verb: int) -> str:
    """The relation of a relative clause's pronoun subject ("which", "qui", "которые") to
    its verb, or "" when the verb heads no such clause."""
    if tree.relations[verb] != "acl:relcl":
        return ""
    noun = tree.heads[verb]
    for child in tree.children(verb):
        if tree.relations[child] in ("nsubj", "nsubj:pass") and tree.pos[child] in ("PRON", "DET") \
                and noun < child < verb:
            return tree.relations[child]
    return ""


def _intransitive(tree: Tree, verb: int, lex: Lexicon) -> bool:
    """A verb that takes no direct object (`actors.yml`: intransitive, intransitive_endings)."""
    lemma = tree.lemmas[verb]
    return tree.pos[verb] == "VERB" and (lemma in lex.intransitive or (
        bool(lex.intransitive_endings) and lemma.endswith(lex.intransitive_endings)))


def _resisting(rule: TriggerRule) -> bool:
    """A word family of resisting or repelling: an inverted trigger of fighting or repulse."""
    return rule.invert and rule.kind in ("fighting", "repelled")


def _destroying(rule: TriggerRule) -> bool:
    """A word family of destroying or hunting the other side's troops in a place: an
    inverted trigger of presence (its subject's enemy is there)."""
    return rule.invert and rule.kind == "presence"


def _in_object(tree: Tree, cue: Cue, trigger: int, lex: Lexicon) -> bool:
    """The cue is inside the trigger's object: the verb's direct object, or the action
    noun's genitive or "of" complement (`actors.yml: object_cases`), through the nouns and
    adjectives of that phrase ("assault groups of the enemy")."""
    if "" in lex.object_cases and tree.pos[trigger] == "NOUN" and trigger < cue.head <= trigger + 4 and all(
            tree.pos[k] in ("NOUN", "ADJ", "PROPN") and "Gen" in tree.feature(k, "Case")
            for k in range(trigger + 1, cue.head + 1)):
        # "знищення штурмових груп противника": the genitives right after the noun are its
        # object, however the parse of a long phrase hangs them.
        return True
    node = cue.head
    for _ in range(4):
        head, relation = tree.heads[node], tree.relations[node]
        if head == node:
            return False
        if relation in ("nmod", "nmod:poss") and tree.cases[node] not in lex.object_cases:
            return False
        if head == trigger:
            return relation in ("obj", "nmod", "nmod:poss", "appos") or (
                relation == "amod" and tree.pos[trigger] == "VERB")
        if relation not in ("amod", "nmod", "nmod:poss", "appos", "compound", "flat", "det", "obj"):
            return False
        node = head
    return False


def _completed(tree: Tree, head: int, lex: Lexicon) -> bool:
    """The trigger (or the noun it is listed with) is the object of a verb of finishing
    ("завершили поиск и уничтожение противника в X")."""
    node = head
    for _ in range(2):
        above = tree.heads[node]
        if above == node:
            return False
        if tree.relations[node] in ("obj", "xcomp", "nsubj:pass") and tree.lemmas[above] in lex.completion_lemmas:
            return True
        if tree.relations[node] != "conj":
            return False
        node = above
    return False


def _opposes(tree: Tree, verb: int, lex: Lexicon) -> bool:
    """A verb of resisting or repelling."""
    rule = lex.families.get(tree.lemmas[verb])
    return rule is not None and _resisting(rule) and tree.pos[verb] == "VERB"


TIED_ROLES = ("inside", "agent", "poss", "patient", "agent_up", "patient_up", "loser")
"""The cue roles that tie a side to the trigger itself, not just to its neighbourhood."""


def _side_tied(actor_f: dict[str, float]) -> bool:
    """Whether the actor features name a side the parse ties to the trigger."""
    return any(name.startswith(f"cue:{role}=") for name in actor_f for role in TIED_ROLES)


def _left(tree: Tree, trigger: Trigger, target: Target, lex: Lexicon) -> bool:
    """The place is the one the trigger's side leaves: its object ("abandoned X",
    "залишили X") or the place it moves out of ("withdrew from X", "вийшли з X"), not where it
    goes ("se replier sur X") or where it regroups ("перегруппировка в районе X")."""
    if target.implicit:
        return False
    found = tree.path(target.anchor, trigger.head)
    if found is None:
        return False
    up_place, up_trigger = found
    if len(up_trigger) != 1 or len(up_place) not in (2, 3):
        return False
    if len(up_place) == 2 and tree.relations[target.anchor] in ("obj", "nsubj:pass"):
        return True
    return tree.cases[target.anchor] in lex.left_cases


def _unnamed_subject(tree: Tree, verb: int) -> bool:
    """An active verb whose subject is a third-person pronoun ("elles", "they", "вони") or,
    finite, has none ("Також захопили X"); a subject shared through control or
    coordination counts as its own."""
    if tree.pos[verb] != "VERB" or _passive(tree, verb):
        return False
    node = verb
    for _ in range(6):
        for child in tree.children(node):
            if tree.relations[child] in ("nsubj", "nsubj:pass", "csubj"):
                morph = tree.morph_values(child)
                return tree.pos[child] == "PRON" and "3" in morph.get("Person", ()) \
                    and not set(morph.get("PronType", ())) & {"Rel", "Int", "Dem", "Ind", "Neg", "Tot"}
        if tree.relations[node] not in ("xcomp", "conj") or tree.heads[node] == node:
            break
        node = tree.heads[node]
    # Finite: a person, tense or number of its own (an infinitive the parse calls finite has none).
    morph = tree.morph_values(node)
    return tree.pos[node] == "VERB" and "Fin" in morph.get("VerbForm", ()) and "Imp" not in morph.get("Mood", ()) \
        and any(name in morph for name in ("Person", "Tense", "Number"))


def _side_of_unnamed_subject(doc: Doc, tree: Tree, trigger: Trigger, cues: list[Cue], reporter: Source | None,
                             lex: Lexicon, sentences: list[tuple[int, int]], index: int,
                             speakers: list[tuple[Source, tuple[int, int] | None]],
                             narrator_side: Side) -> Side | None:
    """The side a trigger's pronoun or missing subject stands for, the first found of: the
    side named right before the verb in its clause (the parse took "українські військові"
    for an adjective); a side reporting the clause ("the Russian command's statement that
    they took X"); the last side named as a subject before it in the sentence; the main
    subject of the sentence before ("Russia said it held X after Ukrainian troops withdrew.
    … since it captured Y": Russia)."""
    near = [cue for cue in cues if cue.end <= trigger.start and trigger.head - cue.head <= 4
            and not tree.crosses_clause(cue.head, trigger.head)]
    if near:
        return max(near, key=lambda cue: cue.start).side
    if reporter is not None and reporter.side in ("RU", "UA"):
        return reporter.side
    found = _subject_side(cues, tree, trigger.head)
    if found is None and index > 0:
        start, end = sentences[index - 1]
        # The sentence before's speaker, named as a subject, counts ("Russia said …").
        found = _subject_side(find_cues(doc, tree, start, end, lex, speakers[index - 1][0], narrator_side, []),
                              tree)
    return found


def _subject_side(cues: list[Cue], tree: Tree, before: int | None = None) -> Side | None:
    """The side of the last cue before token `before` that is a subject; with no token, of
    the sentence's main subject, else of its last."""
    found: Side | None = None
    for cue in sorted(cues, key=lambda cue: cue.start):
        if (before is None or cue.head < before) and tree.relations[cue.head] in ("nsubj", "nsubj:pass"):
            verb = tree.heads[cue.head]
            if before is None and (tree.heads[verb] == verb or tree.relations[verb] == "root"):
                return cue.side
            found = cue.side
    return found


def _active_form(tree: Tree, i: int) -> bool:
    """A verb form that is not a past participle: its noun is its subject, not its patient."""
    morph = tree.morph_values(i)
    return tree.pos[i] == "VERB" and not _passive(tree, i) and not (
        "Part" in morph.get("VerbForm", ()) and "Pres" not in morph.get("Tense", ()))


def _passive(tree: Tree, i: int) -> bool:
    """A passive verb: its own voice, or a passive auxiliary or subject on it."""
    return "Pass" in tree.morph_values(i).get("Voice", ()) or any(
        tree.relations[child] in ("aux:pass", "nsubj:pass") for child in tree.children(i))


def actor_features(doc: Doc, tree: Tree, trigger: Trigger, target: Target, cues: list[Cue],
                   speaker: Source, narrator_side: Side, default: Side, lex: Lexicon,
                   negated: bool = False, earlier: Side | None = None,
                   carried: Side | None = None) -> tuple[dict[str, float], Side]:
    """Which side the trigger's agent, patient and close neighbours name; and a rule's guess.

    Only cues that the parse ties to the trigger, or that stand within a few words of it in
    the same clause, speak for its actor; a side named elsewhere in the sentence is about
    something else ("liberated Sudzha, the largest town Ukraine held").
    """
    f: dict[str, float] = {}
    kind = trigger.rule.kind
    ranked: list[tuple[int, Side]] = []
    subjects: list[Side] = []
    emblem = tree.lemmas[trigger.head] in lex.emblems
    for cue in cues:
        # A side named inside the trigger's phrase, or a phrase that holds the trigger and
        # names its side ("l'avancée russe", "Ukrainian counteroffensive"), is the actor's.
        inside = (trigger.start <= cue.start and cue.end <= trigger.end) or (
            cue.start <= trigger.start and trigger.end <= cue.end)
        if not inside and cue.start < trigger.end and trigger.start < cue.end:
            continue
        if not inside and _owns_casualties(tree, cue, trigger, lex):
            # "Потери противника в боях за X", "enemy losses near X": the side that lost
            # men there, which says little of who attacked or holds the place.
            continue
        role = "inside" if inside else _role(doc, tree, cue, trigger, lex)
        # "знищення ДРГ противника у X", "destroying enemy assault groups in X": the troops
        # destroyed are the ones in the place, so their side is there (unless the destroying
        # is finished: "завершили уничтожение противника в X" leaves the place to the victor).
        destroyed = _destroying(trigger.rule) and _in_object(tree, cue, trigger.head, lex) \
            and not _completed(tree, trigger.head, lex)
        words = abs(cue.head - trigger.head)
        same_clause = not tree.crosses_clause(cue.head, trigger.head)
        where = "before" if cue.end <= trigger.start else "after"
        side = cue.side
        if role:
            f[f"cue:{role}={side}"] = 1.0
            f[f"cue:{role}={side}|{kind}"] = 1.0
            if trigger.rule.invert:
                f[f"cue:{role}={side}|inv"] = 1.0
            if role == "claimant":
                continue
        elif words <= 8 and same_clause:
            f[f"cue:{where}={side}"] = 1.0
            f[f"cue:{where}={side}|{kind}"] = 1.0
        else:
            f[f"cue:far={side}"] = 1.0
            continue
        # A side inside the trigger's own phrase is the one acting, whatever stands before
        # the phrase ("face à l'avancée russe", "repoussé l'offensive russe").
        loser = cue.loser and role != "inside"
        if loser:
            f[f"cue:loser={side}"] = 1.0
            f[f"cue:loser={side}|{kind}"] = 1.0
        # "il n'y a pas de soldats russes": the object of an existential is who is (not) there.
        patient = role in ("patient", "patient_up") and not trigger.rule.negated
        if destroyed:
            flip = False
        elif _resisting(trigger.rule):
            # What a verb of repelling or resisting acts on is the assault that failed, and
            # its side is the actor ("Moscow said it repelled Ukrainian units").
            flip = loser or not patient
        else:
            flip = trigger.rule.invert or patient or loser
        guess_side: Side = opposite(side) if flip else side
        priority = {"inside": 0, "agent": 1, "poss": 1, "patient": 2, "agent_up": 2, "patient_up": 3}.get(role, 4)
        if emblem and role in ("agent", "agent_up"):
            # "Российские бойцы сбросили украинский флаг": who handles a side's flag acts,
            # before the side the flag names (its possessor).
            priority = 0
        if role == "modified" and _active_form(tree, trigger.head):
            # "les forces russes avançant", the parse's "unités ukrainiennes à se retrancher":
            # the noun an active participle or an infinitive hangs on does it.
            priority = 2
        ranked.append((priority * 100 + words, guess_side))
        if role in ("agent", "agent_up"):
            subjects.append(side)
    possessor = _possessor(tree, trigger, lex, subjects)
    if possessor is not None:
        # "les forces ukrainiennes ont célébré leur entrée dans X", "its withdrawal from X":
        # a possessive right before the trigger noun names whose act it is.
        f[f"cue:possessive={possessor}"] = 1.0
        f[f"cue:possessive={possessor}|{kind}"] = 1.0
        flip = _resisting(trigger.rule) or trigger.rule.invert
        ranked.append((100, opposite(possessor) if flip else possessor))
    if carried is not None:
        # "Les soldats de Moscou ont avancé. Elles se rapprochent de X", "Також захопили X": a
        # verb with a pronoun or no subject acts by the side it stands for (`carried`), ranked
        # with a subject up the tree: after the sides the parse ties to the trigger, before
        # mere neighbours.
        ranked.append((300, opposite(carried) if trigger.rule.invert else carried))
    own = speaker.side if speaker.side in ("RU", "UA") else (narrator_side if narrator_side in ("RU", "UA")
                                                             else "third")
    f[f"spk={own}"] = 1.0
    f[f"spk={own}|{kind}"] = 1.0
    f[f"doc_default={default}"] = 1.0
    if trigger.rule.actor:
        f[f"prior_actor={trigger.rule.actor}"] = 1.0
    if trigger.rule.invert:
        f[f"inv|{kind}"] = 1.0
    if earlier is not None and negated:
        f[f"earlier={earlier}"] = 1.0
    if ranked:
        guess: Side = min(ranked)[1]
        if min(ranked)[0] < 200:
            # The parse names who acts: the trigger's own agent, possessor or a side inside it.
            f["explicit_actor"] = 1.0
    elif trigger.rule.actor in ("RU", "UA"):
        guess = trigger.rule.actor
    elif negated and earlier is not None:
        # A denial that names no side answers the claim already made about the place, even
        # one of the speaker's own side ("the capture of X is premature").
        guess = earlier
    elif own in ("RU", "UA") and kind != "fighting":
        # Whoever the speaker is, a failed assault they report is the other side's, and so
        # is a capture they deny ("the town has not fallen") or a loss they do not confirm
        # ("n'ont pas confirmé la perte de X": denying it does not make it their capture);
        # not an act the verb of saying gives them ("n'a pas confirmé avoir repris X").
        flip = kind == "repelled" or trigger.rule.invert or (negated and not _said_of_self(tree, trigger, lex))
        guess = opposite(own) if flip else own
    else:
        guess = opposite(default) if trigger.rule.invert and kind != "repelled" else default
    f[f"guess={guess}"] = PRIOR
    return f, guess


def _possessor(tree: Tree, trigger: Trigger, lex: Lexicon, subjects: list[Side]) -> Side | None:
    """The side a possessive right before a trigger noun stands for ("leur entrée", "its
    advance", "свій наступ"): the subject of the verb above it. Not a verb of saying or
    denying ("Kyiv a démenti leur entrée dans X" is about someone else's act), and not a
    taking: "sa prise", "its capture", "sa chute" is the capture of the place itself."""
    if tree.pos[trigger.head] != "NOUN" or trigger.rule.kind == "capture" \
            or not lex.possessive.search(tree.text, max(0, trigger.start - 16), trigger.start):
        return None
    verb = tree.heads[trigger.head]
    if is_speech_word(tree, verb, lex) or lex.denial.match(tree.text, tree.starts[verb], tree.ends[verb]):
        return None
    return subjects[0] if subjects else None


# The document walk ----------------------------------------------------------------------------


_QUOTED = re.compile(r"[«“„\"][^«»“”„\"]*[»”\"]")
_PHRASE_END = re.compile(r"[,;.:]")


def _narrator_side(text: str, lex: Lexicon) -> Side:
    """A partisan outlet calls the other side "the enemy": its narrator takes a side."""
    outside = _QUOTED.sub(" ", text)
    counts: Counter[Side] = Counter()
    for side, pattern in lex.partisan:
        counts[side] += len(pattern.findall(outside))
    if counts:
        side, n = counts.most_common(1)[0]
        if n >= 2:
            return side
    return "third"


def _default_actor(sides: list[tuple[Side, int, int]]) -> Side:
    """The side most often named as acting in the document (attackers, usually), of the
    side patterns' matches `sides`."""
    counts: Counter[Side] = Counter()
    for side, _, _ in sides:
        counts[side] += 1
    return "UA" if counts["UA"] > counts["RU"] * 1.5 else "RU"


def _dateline(published: PartialDate | None, text: str, sentences: list[tuple[int, int]],
              lex: Lexicon) -> PartialDate | None:
    """A page dated to the month whose opening names a day of that month was published that day."""
    if published is None or published.precision != "month":
        return published
    for start, end in sentences[:2]:
        for found in find_dates(text[start:end], lex.dates, published):
            if found.date.precision == "day" and found.date.truncate("month") == published:
                return found.date
    return published


def _headline(text: str, start: int, end: int) -> bool:
    """A title line (no final punctuation, few words): it repeats the article."""
    line_start = start == 0 or text[start - 1] == "\n" or not text[:start].strip()
    line_end = end >= len(text.rstrip()) or "\n" in text[end - 1:end + 1]
    body = text[start:end].strip()
    return (line_start and line_end and len(body.split()) < 16
            and not body.endswith((".", "!", "?", "»", '"', "”", "…")))


def _topic(mentions: list[PlaceMention], located: set[int]) -> PlaceMention | None:
    """The one settlement a sentence is about, if it names exactly one."""
    places = {m.place.geonameid: m for m in mentions
              if not m.place.is_region and m.start not in located and m.place.feature != "PPLC"}
    return next(iter(places.values())) if len(places) == 1 else None


def _date_for(trigger: Trigger, dates: list[DateMention], published: PartialDate | None,
              target: Target, text: str, lex: Lexicon) -> PartialDate | None:
    """The date nearest the trigger in its clause, or one right after the place; the
    publication date when the sentence has none (`date_inferred` says which)."""
    right_after = [d for d in dates if 0 <= d.start - target.end <= DATE_AFTER_PLACE]
    if right_after:
        return right_after[0].date
    own = [d for d in dates if d.end <= trigger.start or not lex.relative.search(text, trigger.end, d.start)]
    if own:
        return min(own, key=lambda d: _date_distance(d, trigger, text)).date
    return published


STORY_DAYS = 3


def _story_day(current: PartialDate | None, dates: list[DateMention],
               published: PartialDate | None) -> PartialDate | None:
    """The day the story is about: the last day named so far in the article, when it falls
    in the few days before publication ("Russia said on Saturday …" in the lead, and the
    sentences after it tell of the same Saturday)."""
    if published is None or published.precision != "day":
        return current
    last = published.first_day()
    for found in dates:
        date = found.date
        if date.precision == "day" and 0 <= (last - date.first_day()).days <= STORY_DAYS:
            current = date
    return current


def _date_distance(date: DateMention, trigger: Trigger, text: str) -> int:
    lo, hi = (date.end, trigger.start) if date.end <= trigger.start else (trigger.end, date.start)
    gap = lo - hi if lo > hi else hi - lo
    return gap + 40 * min(1, text.count(",", min(lo, hi), max(lo, hi)))


def _claimant(lex: Lexicon, text: str, sentence: tuple[int, int], speaker: Source,
              sources: list[SourceHit], literals: LiteralScreen | None = None) -> Source | None:
    """Who made the claim a denial answers, when the sentence says so."""
    s_start, s_end = sentence
    for hit in sources:
        if hit.source.side != speaker.side and hit.source.side in ("RU", "UA") \
                and lex.claimed_by_source.search(text[max(s_start, hit.start - 30):hit.start]):
            return hit.source
    body = text[s_start:s_end]
    for side, pattern in lex.claimed_by:
        if side != speaker.side and (literals is None or literals.may_match(pattern, *sentence)) \
                and pattern.search(body):
            return Source(SIDE_SOURCES[side], side)
    if speaker.side in ("RU", "UA") and (literals is None or literals.may_match(lex.claimed_unnamed, *sentence)) \
            and lex.claimed_unnamed.search(body):
        # "Kyiv calls the reports of X's capture false": whose reports, the sentence does
        # not say; a side's denial answers the other side.
        other = opposite(speaker.side)
        return Source(SIDE_SOURCES[other], other)
    return None


SIDE_SOURCES: dict[Side, str] = {"RU": "Russian sources", "UA": "Ukrainian sources", "third": "narrator"}


def denied_before(features: dict[str, float]) -> bool:
    """A negation or denial before the trigger, or over it in the parse."""
    return any(name in features for name in DENIAL_FEATURES if name != "denial:after")


def _reported_by(tree: Tree, trigger: Trigger, lex: Lexicon, sources: list[SourceHit],
                 cues: list[Cue]) -> Source | None:
    """Who made the statement a trigger is reported in ("the Russian command's claim that it
    took X", "заяви російського керівництва про захоплення X", "Russian claims of X")."""
    for k, node in enumerate(tree.ancestors(trigger.head)):
        if k > 3:
            break
        if tree.lemmas[node] not in lex.speech_nouns and tree.words[node] not in lex.speech_nouns:
            continue
        for child in tree.children(node):
            if tree.relations[child] not in ("nmod", "nmod:poss", "obl:agent", "amod", "det", "nmod:agent",
                                             "compound"):
                continue
            lo, hi = tree.starts[child], tree.ends[child]
            for grand in tree.children(child):
                lo, hi = min(lo, tree.starts[grand]), max(hi, tree.ends[grand])
            for hit in sources:
                if hit.start < hi and lo < hit.end:
                    return hit.source
            for cue in cues:
                if cue.start < hi and lo < cue.end:
                    return Source(SIDE_SOURCES[cue.side], cue.side)
        return None
    return None


def _post_denier(lex: Lexicon, text: str, sentence: tuple[int, int], trigger: Trigger,
                 triggers: list[Trigger], sources: list[SourceHit]) -> Source | None:
    """"X took Y, a claim denied by Kyiv", "..., a claim that Kyiv denied": the source named
    by a denial after the trigger; the one right before the denial word first (its
    subject), as one after it may be what the denier goes on to say ("denied it, accusing
    Moscow of ...")."""
    s_start, s_end = sentence
    body = text[s_start:s_end]
    for match in lex.denial.finditer(body):
        start, end = match.start() + s_start, match.end() + s_start
        if start < trigger.end or any(t.start >= end for t in triggers):
            continue
        after = [h for h in sources if 0 <= h.start - end <= 30]
        before = [h for h in sources if trigger.end <= h.start and h.end <= start and start - h.end <= 30]
        if before:
            return before[-1].source
        if after:
            return after[0].source
    return None


def _speech_governor(doc: Doc, tree: Tree, trigger: Trigger, lex: Lexicon, hits: list[SourceHit],
                     text: str, speaker: Source) -> Source | None:
    """The source whose speech verb governs the trigger's clause ("X says Y took Z, while W…");
    a speech noun's author is `_reported_by`'s. A side's speaker who reports what "the enemy
    claims" reports the other side's claim, not one of its own: the claim is that side's."""
    for k, node in enumerate(tree.ancestors(trigger.head)):
        if k > 5:
            break
        if tree.pos[node] in ("NOUN", "PROPN") or not is_speech_word(tree, node, lex):
            continue
        token = subject_token(tree, node, lex)
        if token is None:
            # No subject: an impersonal "в Генштабі повідомили" may name its speaker in an
            # oblique.
            return _oblique_speaker(tree, node, hits)
        subject = resolve_subject(tree, token, hits, lex, text)
        if subject.source is None and speaker.side in ("RU", "UA") \
                and lex.enemy_cue.search(text, tree.starts[token], tree.ends[token]):
            other = opposite(speaker.side)
            return Source(SIDE_SOURCES[other], other)
        return subject.source
    return None


def _acting_speaker(tree: Tree, span: tuple[int, int], lex: Lexicon) -> bool:
    """The speaker's words are the subject of a verb that is not one of speech ("According
    to him, Ukrainian units keep pushing east of the town"): they name whose
    forces act, not only who says so."""
    head = tree.root_of(*span)
    verb = tree.heads[head]
    return tree.relations[head] == "nsubj" and verb != head and tree.pos[verb] == "VERB" \
        and not is_speech_word(tree, verb, lex)


def _oblique_speaker(tree: Tree, node: int, hits: list[SourceHit]) -> Source | None:
    for child in tree.children(node):
        if tree.relations[child] not in ("obl", "nmod"):
            continue
        lo, hi = tree.starts[child], tree.ends[child]
        for hit in hits:
            if hit.start < hi and lo < hit.end:
                return hit.source
    return None


def find_candidates(doc: Doc, document: Document, mentions: list[PlaceMention],
                    persons: list[tuple[int, int]], lex: Lexicon,
                    unclaimed: list[PlaceMention] | None = None) -> list[Candidate]:
    """Every claim candidate of a parsed document, in text order; `unclaimed` receives the
    back-references of the sentences without a trigger ("there is no enemy in the town"),
    which make no candidate but still say which place the article speaks of."""
    tree = build_tree(doc, lex.relations)
    text = tree.text
    clauses = inline_quotes_blanked(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    # A record built without the ingest stage (a gold file, an API caller) gets the same
    # publication date ingestion would give it: a month made a day by the URL.
    document = replace(document, published=_dateline(publication_date(document.published, document.url),
                                                     text, sentences, lex))
    narrator = Source.narrator(_narrator_side(text, lex))
    # One scan of each sentence finds its trigger phrases and its sources.
    listed = [rule_hits(lex.triggers, lex.sources, text[start:end]) for start, end in sentences]
    registry = [registry_hits(text[start:end], lex, start, sources)
                for (start, end), (_, sources) in zip(sentences, listed, strict=True)]
    resolved: list[list[SourceHit]] = []
    speakers = attribute(text, sentences, persons, lex, narrator, registry, tree, resolved)
    # The document's side words, once: the document's default actor, and each sentence's cues.
    sides = labelled_hits(lex.actors, text)
    default = _default_actor(sides)
    located = locators(mentions)
    most_named = Counter(m.place.geonameid for m in mentions)
    top_place = most_named.most_common(1)[0][0] if most_named else None
    history: list[PlaceMention] = []
    topic: PlaceMention | None = None
    # Where the places named as a trigger's own argument begin: the salient antecedents.
    argued: set[int] = set()
    candidates: list[Candidate] = []
    # Per place and kind, the sides earlier statements gave it, and who said so.
    asserted: dict[tuple[int, str], list[tuple[Side, str]]] = {}
    story_day: PartialDate | None = None
    for index, ((s_start, s_end), (speaker, speaker_span), sources, hits) in enumerate(
            zip(sentences, speakers, registry, resolved, strict=True)):
        first_of_sentence = len(candidates)
        body = text[s_start:s_end]
        own_mentions = [m for m in mentions if s_start <= m.start < s_end]
        # A reference point or a unit's name ("le groupe tactique « Louhansk »") is no
        # antecedent for "la ville" later on.
        borders = {m.start for m in own_mentions if _across_border(tree, m, lex)}
        points = borders | {m.start for m in own_mentions if _reference_point(text, s_start, m, lex, tree.literals)}
        antecedents = [m for m in own_mentions if m.start not in points]
        previous_topic, topic = topic, _topic(own_mentions, located)
        source_spans = [(h.start, h.end) for h in sources]
        blocked = source_spans + [(m.start, m.end) for m in own_mentions]
        triggers = find_triggers(doc, tree, s_start, s_end, lex, blocked, listed[index][0],
                                 [(m.start, m.end) for m in own_mentions if not m.place.is_region])
        if unclaimed is not None:
            unclaimed += _region_references(text, s_start, s_end, history + antecedents, own_mentions, located, lex,
                                            tree.literals)
        if not triggers:
            candidates += _echoed_denials(text, (s_start, s_end), speaker, candidates, index, lex, tree.literals)
            candidates += _echoed_confirmations(text, (s_start, s_end), speaker, candidates, index, lex, tree.literals)
            if unclaimed is not None and (history or antecedents) and _refers_back(body, lex, tree.literals, s_start):
                unclaimed += (t.mention for t in find_targets(
                    doc, tree, s_start, s_end, mentions, history, located, lex, source_spans, argued, antecedents)
                    if t.coref)
            history.extend(antecedents)
            continue
        targets = find_targets(doc, tree, s_start, s_end, mentions, history, located, lex, source_spans,
                               argued, antecedents)
        implicit = not targets
        if implicit:
            if previous_topic is None or lex.implicit_blocker.search(body):
                history.extend(antecedents)
                continue
            first = next((t for t in triggers if t.rule.kind in IMPLICIT_KINDS), None)
            if first is None:
                history.extend(antecedents)
                continue
            reference = PlaceMention(first.start, first.end, previous_topic.text, previous_topic.place,
                                     previous_topic.score * 0.7, "topic")
            targets = [Target(first.start, first.end, reference, first.head, coref=True, implicit=True)]
        # Only a sentence with candidates needs to know which places are only near the action
        # or where something was said.
        near_at = {m.start for m in own_mentions if _near(text, s_start, m, lex, tree.literals)}
        said_at = {m.start for m in own_mentions if _where_said(tree, m, lex)}
        cue_block = [(m.start, m.end) for m in own_mentions if m.place.feature != "PPLC"]
        if speaker_span and speaker.name not in SIDE_SPEAKERS.values() \
                and not _acting_speaker(tree, speaker_span, lex):
            # A side speaking of itself ("Ukrainian troops reported advances") still names
            # whose forces act.
            cue_block.append(speaker_span)
        cues = find_cues(doc, tree, s_start, s_end, lex, speaker, narrator.side, cue_block, sides)
        dates = find_dates(body, lex.dates, document.published, s_start) \
            if tree.literals.may_match_any(lex.dates.patterns, s_start, s_end) else []
        story_day = _story_day(story_day, dates, document.published)
        sentence_feats = _sentence_features(doc, text, s_start, s_end, lex, speaker, narrator, index, sentences)
        n_places = len({t.mention.place.geonameid for t in targets})
        settlements = any(not t.mention.place.is_region and not t.coref for t in targets)
        names = _blanked(body, s_start, source_spans)
        # What the sentence says about each place is the same for each of its triggers.
        place_feats: dict[int, dict[str, float]] = {}
        for trigger in triggers:
            trig_feats = _trigger_features(doc, tree, text, s_start, s_end, trigger, triggers, lex, names,
                                            clauses)
            unreal = _subject_of_unreal(tree, trigger.head, lex)
            civilian = _civilian_subject(tree, trigger.head, lex)
            governed = _speech_governor(doc, tree, trigger, lex, hits, text, speaker)
            clause_speaker = governed if governed is not None and governed != speaker else speaker
            reported = _reported_by(tree, trigger, lex, sources, cues)
            denied = _denied(trig_feats)
            claimant = _claimant(lex, text, (s_start, s_end), clause_speaker, sources, tree.literals)
            report_author: Source | None = None
            if reported is not None and reported.name != clause_speaker.name:
                if denied:
                    claimant = report_author = reported
                else:
                    # "the Russian command's claim that it took X", told by the outlet: the
                    # claim is the command's.
                    clause_speaker = reported
            denier = None
            if "denial:after" in trig_feats and not denied_before(trig_feats):
                denier = _post_denier(lex, text, (s_start, s_end), trigger, triggers, sources)
                if denier is not None and denier.name != clause_speaker.name:
                    # "X took Y, a claim Kyiv denied": X asserts it; Kyiv denies it.
                    trig_feats = {k: v for k, v in trig_feats.items() if k != "denial:after"}
                    denied = _denied(trig_feats)
                else:
                    denier = None
            # In a denied report ("Moscow's claim that its soldiers took X is false"), "its
            # soldiers" are the claimant's.
            owner = report_author if denied and report_author is not None else clause_speaker
            own_cues = _speakers_own(cues, tree, trigger, owner) if owner != speaker else cues
            # What the trigger's own words say holds for each of its places.
            hypothetical = unreal or "modal:prevented" in trig_feats or _any_of(trig_feats, SUPPOSED) \
                or _any_of(sentence_feats, SUPPOSED)
            attempt = _any_of(trig_feats, ATTEMPTED)
            # "trying to encircle Ukrainian units" encircles no one yet; "an attempt to free the
            # encircled forces" says they are: a participle on the troops states what holds.
            described = tree.relations[trigger.head] in ("amod", "acl")
            ring = None if denied or ((hypothetical or attempt) and not described) \
                else _encircled(tree, trigger, own_cues, lex)
            covered = "governed_by=inverted" in trig_feats or _covered_as_conjunct(tree, trigger, triggers)
            failed = "modal:failed_governed" in trig_feats or (
                "modal:failed_after" in trig_feats and _any_of(trig_feats, ("modal:attempt", "modal:attempt_governed")))
            # Who acts is read off the trigger and its cues, whatever the place: only the side
            # an earlier statement gave the place can change it.
            actors: dict[Side | None, tuple[dict[str, float], Side]] = {}
            for n_target, target in enumerate(targets):
                if target.implicit and trigger.rule.kind not in IMPLICIT_KINDS:
                    continue
                if target.start < trigger.end and trigger.start < target.end and not target.implicit:
                    continue
                features = dict(sentence_feats)
                features.update(trig_feats)
                features.update(relation_features(tree, trigger, target))
                if "attributive" in features:
                    # "trying to reach Russian-occupied X": the participle states what holds,
                    # whatever the sentence attempts or supposes.
                    for name in MOODS:
                        features.pop(name, None)
                features.update(_pair_features(tree, text, s_start, trigger, target, triggers, targets, lex))
                if n_target not in place_feats:
                    place_feats[n_target] = _place_features(clauses, s_start, target, located, points, borders, lex,
                                                            top_place, n_places, settlements, tree.literals)
                    if n_target and _listed_region(targets[n_target - 1], target):
                        # "двух сел в ДНР и Днепропетровской области": a region listed after
                        # one that only locates something locates it too.
                        before = place_feats.get(n_target - 1) or _place_features(
                            clauses, s_start, targets[n_target - 1], located, points, borders, lex, top_place,
                            n_places, settlements, tree.literals)
                        place_feats[n_target].update({n: 1.0 for n in REFERENCE_FEATURES if n in before})
                features.update(place_feats[n_target])
                if "scene_of" in features:
                    # "à 30 km de Koupiansk, cible d'attaques russes": the noun said of the
                    # place makes it the scene, whatever else it locates.
                    for name in REFERENCE_FEATURES:
                        features.pop(name, None)
                if "syn=other_clause" in features and "near:trigger_between" in features:
                    features["other_clause_past_trigger"] = 1.0
                place_kind = (target.mention.place.geonameid, trigger.rule.kind)
                # A denial answers someone else's claim: a source does not deny what it said.
                earlier = next((side for side, said_by in reversed(asserted.get(place_kind, []))
                                if said_by != clause_speaker.name), None)
                if earlier not in actors:
                    carried = None
                    if trigger.rule.actor is None and _unnamed_subject(tree, trigger.head):
                        reporter = owner if governed is not None or reported is not None else None
                        carried = _side_of_unnamed_subject(doc, tree, trigger, own_cues, reporter, lex, sentences,
                                                           index, speakers, narrator.side)
                    actors[earlier] = actor_features(doc, tree, trigger, target, own_cues, clause_speaker,
                                                     narrator.side, default, lex, negated=denied, earlier=earlier,
                                                     carried=carried)
                actor_f, guess = actors[earlier]
                if not denied:
                    asserted.setdefault(place_kind, []).append((guess, clause_speaker.name))
                features.update(actor_f)
                kind = trigger.rule.kind
                crossed, argument = _with_kind(features, kind, lex.lang)
                # The sentence's own date for the trigger, if it gives one.
                dated = _date_for(trigger, dates, None, target, text, lex)
                if not target.coref and argument and not hypothetical:
                    argued.add(target.mention.start)
                features.update(crossed)
                candidates.append(Candidate(
                    trigger=trigger, target=target, features=features, speaker=clause_speaker,
                    date=dated if dated is not None else story_day or document.published,
                    date_inferred=document.published is not None and dated is None,
                    evidence_start=s_start + (len(body) - len(body.lstrip())),
                    evidence_end=s_start + len(body.rstrip()),
                    sentence=index, prior_actor=guess,
                    prior_stance="denies" if denied else "asserts",
                    # "If they break through, they will reach Russian-occupied X": a
                    # participle describing the place states what holds, in any mood.
                    hypothetical=hypothetical and "attributive" not in features,
                    civilian=civilian,
                    attempt=attempt and "attributive" not in features,
                    answers_denial="denial:answered" in trig_feats and not denied,
                    covered=covered, failed=failed,
                    part=("partial_place" in features or _part_named(tree, trigger, target, lex))
                    and "whole_place" not in features and not trigger.rule.whole,
                    whole=trigger.rule.whole, whole_place="whole_place" in features,
                    inside="inside_before" in features,
                    entering="inside_before" in features and _entering(tree, text, s_start, target, lex),
                    # "à 20 km de Koupiansk, qui avait été prise par les Russes": a relative
                    # clause on a reference point speaks of the place itself.
                    reference=_any_of(features, REFERENCE_FEATURES)
                    and not _any_of(features, ("relative_place", "relative_clause")),
                    nearby="nearby" in features,
                    near=not target.coref and not target.implicit and "relative_clause" not in features
                    and target.mention.start in near_at,
                    said_there=not target.coref and not target.implicit and target.mention.start in said_at,
                    elsewhere=_about_another(tree, target, targets, features)
                    or _relative_of_later(tree, trigger, target, targets, lex),
                    attributive="attributive" in features,
                    explicit_actor="explicit_actor" in features,
                    argument=argument,
                    held_region=_held_region(tree, trigger, target, lex),
                    encircled=ring[0] if ring is not None and _inside_ring(tree, target, ring[1]) else None,
                    withdrawal=trigger.rule.uncertain and not target.mention.place.is_region
                    and "partial_place" not in features and _side_tied(actor_f)
                    and _left(tree, trigger, target, lex),
                    claimant=claimant, denier=denier,
                ))
        candidates[first_of_sentence:] = _inside_unreal_clauses(_part_named_again(candidates[first_of_sentence:]))
        candidates += _contrasted_denials(tree, (s_start, s_end), triggers, hits, candidates, index, lex)
        # A back-reference keeps its place in mind as a name would ("if they take the town
        # and nearby Zvanivka, ... fighting in the town": the town named before).
        references = [t.mention for t in targets if t.coref and not t.implicit and t.mention.how == "coref"]
        history.extend(sorted(antecedents + references, key=lambda m: m.start))
    return candidates


REFERENCE_FEATURES = ("point", "nearby", "locator", "region_locator", "border")
"""The place features that make a place only locate something else."""
SUPPOSED = ("modal:hypothetical", "question")
"""The features of a trigger or sentence that only supposes what it says."""
ATTEMPTED = ("modal:attempt", "modal:attempt_governed", "modal:purpose", "modal:fight_goal")
"""The features of a trigger that is only tried for."""


def _any_of(features: dict[str, float], names: tuple[str, ...]) -> bool:
    """Whether `features` holds any of `names`: one set test, where a generator over the
    names cost more, for every candidate."""
    return not features.keys().isdisjoint(names)


MOODS = ("modal:hypothetical", "modal:hypothetical_after", "question", "modal:attempt", "modal:attempt_governed",
         "modal:purpose", "modal:prevented", "modal:fight_goal")
"""The features of what the sentence attempts or supposes, which a participle on the place escapes."""


def _listed_region(previous: Target, target: Target) -> bool:
    """The target is a region listed right after another region ("в ДНР и Днепропетровской
    области", "the Donetsk and Luhansk regions")."""
    return (target.list_start >= 0 and target.list_start == previous.first and previous.mention.place.is_region
            and target.mention.place.is_region and not previous.coref and not target.coref)


def _inside_unreal_clauses(candidates: list[Candidate]) -> list[Candidate]:
    """A place that is the argument of a trigger under a condition, a wish or a threat
    ("captured X, threatening to take Y") is inside that clause's scope: no other trigger of
    the sentence reports it either. One that an attempt argues after its verb ("entered X
    and tried to advance towards Y") is only tried for: another trigger that reaches it
    without taking it as its own argument reads as that attempt, a fight for the place, not
    as being in it."""
    unreal = {c.target.start for c in candidates
              if c.hypothetical and not c.target.implicit and not c.target.coref
              and any(k.startswith(("syn=arg", "near:object_link")) for k in c.features)}
    tried = {c.target.start for c in candidates
             if c.attempt and not c.target.implicit and not c.target.coref and c.trigger.end <= c.target.start
             and any(k.startswith(("syn=arg", "near:object_link")) for k in c.features)}
    return [replace(c, hypothetical=True) if c.target.start in unreal and not (c.hypothetical or c.attributive)
            else replace(c, attempt=True) if c.target.start in tried and not (c.attempt or c.attributive or any(
                k.startswith("syn=arg") for k in c.features))
            else c
            for c in candidates]


def _part_named_again(candidates: list[Candidate]) -> list[Candidate]:
    """A place named again right after a part of it is that part ("most of Krasnoarmeysk
    (Pokrovsk to Ukraine) is now taken", "половина цього населеного пункту (Очеретине)"):
    the share said of one naming holds for the other on the same trigger."""
    parts = [c for c in candidates if c.part]
    return [replace(c, part=True)
            if not (c.part or c.whole or c.whole_place) and any(
                p.trigger is c.trigger and p.target.mention.place.geonameid == c.target.mention.place.geonameid
                and 0 <= c.target.start - p.target.end <= RENAMING_GAP for p in parts) else c
            for c in candidates]


RENAMING_GAP = 20
"""How far after a place (in characters) a second name for it can stand ("X (also known as Y)")."""


def _contrasted_denials(tree: Tree, sentence: tuple[int, int], triggers: list[Trigger], hits: list[SourceHit],
                        earlier: list[Candidate], index: int, lex: Lexicon) -> list[Candidate]:
    """"Moscow claimed X, but the 28th brigade denied it": a clause after "but" that only
    denies, naming who does, denies the sentence's own statements in that speaker's voice.
    A clause that answers them ("X took Y — a claim Kyiv denied, ...") denies them too when
    its denial comes before any trigger of its own: what follows is its speaker's reasons."""
    text = tree.text
    s_start, s_end = sentence
    if not tree.literals.may_match(lex.denial, s_start, s_end):
        return []  # no denial anywhere in the sentence, so none after its last turn
    turns = sorted([*lex.contrast.finditer(text, s_start, s_end), *lex.answer_turn.finditer(text, s_start, s_end)],
                   key=lambda turn: turn.start())
    if not turns:
        return []
    tail = turns[-1].end()
    denial = lex.denial.search(text, tail, s_end)
    if denial is None:
        return []
    answers = turns[-1].re is lex.answer_turn
    if any(tail <= t.start < (denial.start() if answers else s_end) for t in triggers):
        return []
    # An answering clause is subordinate by its nature: its verb speaks all the same.
    denier = sentence_speaker(text, (tail, s_end), [h for h in hits if h.start >= tail], lex,
                              None if answers else tree)[0]
    if denier is None:
        return []
    stated = [c for c in earlier if c.sentence == index and c.prior_stance == "asserts"
              and c.trigger.end <= turns[-1].start() and c.speaker.name != denier.name]
    return [_denied_by(c, denier) for c in stated]


def _denied_by(candidate: Candidate, speaker: Source, **changes: Any) -> Candidate:
    """A statement of another speaker, denied in `speaker`'s voice (who made it is the claimant)."""
    return replace(candidate, features={**candidate.features, "echo_denial": 1.0, f"echo_spk={speaker.side}": 1.0},
                   speaker=speaker, prior_stance="denies", claimant=candidate.speaker, **changes)


KIND_CROSSED = ("syn=", "near", "dist=", "modal:", "neg", "denial")
"""Features that also count once more for the trigger's kind ("syn=arg|capture")."""
LANGUAGE_CROSSED = ("syn=", "trel=")
"""Parse features that also count once more for the document's language: each language has
its own parser (spaCy's French and English models, slovnet for Russian and Ukrainian), and a
relation does not say the same in each of them (cross-validated: F1 0.677 -> 0.680, mean of
three fold seeds)."""
LINKS = ("arg", "sib", "mod", "und", "imp", "pat", "non")


def _with_kind(features: dict[str, float], kind: str, lang: str) -> tuple[dict[str, float], bool]:
    """The features crossed with the trigger's kind, then with each other (`_crossed`), and
    the parse features crossed with the language, in one reading of the candidate's features;
    and whether the place is an argument of the trigger in the parse."""
    crossed: dict[str, float] = {}
    by_language: dict[str, float] = {}
    argument = False
    link = place = ""
    reads = _KIND_READS.get((kind, lang))
    if reads is None:
        reads = _KIND_READS[kind, lang] = {}
    for name, value in features.items():
        read = reads.get(name)
        if read is None:
            read = reads[name] = _kind_read(name, kind, lang)
        if read is _NOT_READ:
            continue
        if read[0]:
            crossed[read[0]] = value
            if read[1]:
                argument = argument or read[1] == "arg"
                if not link and read[2]:
                    link = read[2]
        elif not place and read[3]:
            place = name
        if read[4]:
            by_language[read[4]] = value
    crossed.update(_crossed(features, kind, link or "path", place or "ptype=?"))
    crossed.update(by_language)
    return crossed, argument


_KIND_READS: dict[tuple[str, str], dict[str, tuple[str, str, str, bool, str]]] = {}
"""Per kind and language, how `_with_kind` reads each feature name (`_kind_read`): every
candidate repeats the same names, and the prefix tests and the crossed names cost more than
one look-up."""


def _kind_read(name: str, kind: str, lang: str) -> tuple[str, str, str, bool, str]:
    """The name crossed with the kind ("" when it is not); for a "syn=" feature, "arg" when
    it makes the place an argument (else "syn") and the link it names ("" when none); whether
    it is a "ptype=" feature; and the name crossed with the language ("" when it is not)."""
    crossed = name + "|" + kind if name.startswith(KIND_CROSSED) else ""
    syn = ("arg" if name.startswith("syn=arg") else "syn") if crossed and name.startswith("syn=") else ""
    link = name.split("=", 1)[1].split(":", 1)[0] if syn and "|" not in name and name[4:7] in LINKS else ""
    by_language = name + "|" + lang if name.startswith(LANGUAGE_CROSSED) and "|" not in name else ""
    read = (crossed, syn, link, name.startswith("ptype="), by_language)
    # The same object for every name it does nothing with, so `_with_kind` skips it by identity.
    return _NOT_READ if read == _NOT_READ else read


_NOT_READ = ("", "", "", False, "")
"""`_kind_read` of a name `_with_kind` does nothing with (about half of a candidate's)."""


def _crossed(features: dict[str, float], kind: str, link: str, place: str) -> dict[str, float]:
    """Pairs of facts that weigh together: what kind of place (`place`, its "ptype=" feature),
    how it hangs on the trigger (`link`, read off its first "syn=" feature).

    A region is rarely a claim's place, unless it is the trigger's own object ("control 75%
    of the region"); a settlement far off in the parse rarely is.
    """
    if "syn=other_clause" in features:
        link += "/clause"
    out = {f"x:{place}&link={link}": 1.0, f"x:{place}&{kind}": 1.0, f"x:link={link}&{kind}": 1.0}
    if "in_list" in features:
        out[f"x:list&link={link}"] = 1.0
    for name in ("near:nearest_trigger", "near:nearest_place"):
        if name in features:
            out[f"x:{name}&link={link}"] = 1.0
    if "near:nearest_trigger" in features and "near:nearest_place" in features:
        out["x:mutual_nearest"] = 1.0
        out[f"x:mutual_nearest&{place}"] = 1.0
    return out


DENIAL_FEATURES = ("neg:syntax", "neg:window", "neg:word", "denial:before", "denial:after", "denial:governed",
                   "denial:unconfirmed")


def _denied(features: dict[str, float]) -> bool:
    """Whether a negation, a denial or "not confirmed" reaches the trigger."""
    return _any_of(features, DENIAL_FEATURES)


def _echoed_denials(text: str, sentence: tuple[int, int], speaker: Source, earlier: list[Candidate],
                    index: int, lex: Lexicon, literals: LiteralScreen | None = None) -> list[Candidate]:
    """"X took Y, Russia said. Kyiv denied it.": a sentence that only denies, naming no
    trigger, denies the statements of the sentence before, in its own speaker's voice."""
    if not (literals is None or literals.may_match(lex.denial, *sentence)) or not lex.denial.search(
            text[sentence[0]:sentence[1]]):
        return []
    previous, start, end = _answered(text, sentence, speaker, earlier, index)
    return [_denied_by(c, speaker, evidence_start=start, evidence_end=end, sentence=index) for c in previous]


def _echoed_confirmations(text: str, sentence: tuple[int, int], speaker: Source, earlier: list[Candidate],
                          index: int, lex: Lexicon, literals: LiteralScreen | None = None) -> list[Candidate]:
    """"Zelensky said Kyiv took X. A claim confirmed by the ISW.": a sentence that only
    confirms, naming no trigger, asserts the statements of the sentence before in its own
    speaker's voice (the mirror of `_echoed_denials`). A confirmation that is negated is
    none, and the narrator's is the outlet's own report of who said what."""
    body = text[sentence[0]:sentence[1]]
    if speaker.name == "narrator" or not (literals is None or literals.may_match(lex.confirmation, *sentence)) \
            or not lex.confirmation.search(body) \
            or lex.unconfirmed.search(body) or lex.negation.search(body) or lex.denial.search(body):
        return []
    previous, start, end = _answered(text, sentence, speaker, earlier, index)
    return [replace(c, features={**c.features, "echo_confirmation": 1.0}, speaker=speaker, evidence_start=start,
                    evidence_end=end, sentence=index) for c in previous]


def _answered(text: str, sentence: tuple[int, int], speaker: Source, earlier: list[Candidate],
              index: int) -> tuple[list[Candidate], int, int]:
    """What a sentence that only denies or confirms answers: the sentence before's
    assertions in another voice; and its own span without the spaces around it, as their
    evidence."""
    s_start, s_end = sentence
    body = text[s_start:s_end]
    previous = [c for c in earlier if c.sentence == index - 1 and c.prior_stance == "asserts"
                and c.speaker.name != speaker.name]
    return previous, s_start + (len(body) - len(body.lstrip())), s_start + len(body.rstrip())


def _near(text: str, s_start: int, mention: PlaceMention, lex: Lexicon, literals: LiteralScreen | None = None) -> bool:
    """The words just before the place say the action is only near it ("near X", "біля X").
    `literals`: those of `text`."""
    start = max(0, s_start, mention.start - 50)
    return (literals is None or literals.may_match(lex.near_before, start, mention.start)) \
        and bool(lex.near_before.search(text, start, mention.start))


def _where_said(tree: Tree, mention: PlaceMention, lex: Lexicon) -> bool:
    """The place is where something was said ("заявили в Москві", "said in Kyiv"): a capital
    or a city off the front, an oblique of a speech verb. (A front-line place there is more
    often what was said about: "reported the liberation of: X, Y".)"""
    place = mention.place
    if on_front(place) and place.feature != "PPLC":
        return False
    head = tree.root_of(mention.start, mention.end)
    return tree.relations[head] == "obl" and is_speech_word(tree, tree.heads[head], lex)


def _reference_point(text: str, s_start: int, mention: PlaceMention, lex: Lexicon,
                     literals: LiteralScreen | None = None) -> bool:
    """A place named as a reference point, an origin or a unit's name, not as a place itself.
    `literals`: those of `text`."""
    start = max(0, s_start, mention.start - 50)
    before = text[start:mention.start]
    origin = literals is None or literals.may_match(lex.not_target_before, start, mention.start)
    return bool((origin and lex.not_target_before.search(before)) or lex.nearby_before.search(before)
                or lex.not_target_after.search(text[mention.end:mention.end + 30])
                or _sector(text, s_start, mention, lex))


def _across_border(tree: Tree, mention: PlaceMention, lex: Lexicon) -> bool:
    """A region named as the far side of a border ("near the border with the X region", "у
    границы с X областью", « à la frontière avec l'oblast de X »): it says where the border
    runs, not where the action is. The region's word (or the list it is one of) hangs on the
    border noun with one of the border's prepositions; where the parser (or the folding of
    prepositions) hangs it on the verb, the border noun right before the preposition still
    says it. The border of a region ("the border of X", "кордон X області") is the region's
    own edge, reached from inside it: not read here."""
    if not mention.place.is_region:
        return False
    node = tree.root_of(mention.start, mention.end)
    for _ in range(4):
        head = tree.heads[node]
        if tree.cases[node]:
            if tree.cases[node] not in lex.border_cases:
                return False
            if tree.lemmas[head] in lex.border_nouns and head != node:
                return True
            first = min(_subtree(tree, node))
            return any(tree.relations[k] == "case" and tree.lemmas[k] == tree.cases[node]
                       and tree.lemmas[k - 1] in lex.border_nouns for k in (first, first - 1) if k > 0)
        if head == node or tree.relations[node] not in BORDER_LIST_LINKS or tree.lemmas[head] in lex.border_nouns:
            return False
        node = head
    return False


BORDER_LIST_LINKS = frozenset({"amod", "conj", "compound", "flat", "flat:name", "nmod"})
"""Links from a region's name to the word that carries the list's preposition ("the Donetsk
and Zaporizhzhia regions", "Запорізькою та Донецькою областями")."""


def _subtree(tree: Tree, node: int) -> list[int]:
    found, stack = [], [node]
    while stack:
        k = stack.pop()
        found.append(k)
        stack.extend(tree.children(k))
    return found


def _sector(text: str, s_start: int, mention: PlaceMention, lex: Lexicon) -> bool:
    """A front sector named after a region ("на Харківському напрямку", "la direction de
    Donetsk") is no place: the words that make a town's name a sector's lie inside the
    region's mention, which the places stage reads as the region ("en direction de X",
    towards X, stays a place)."""
    if not mention.place.is_region or not any(
            pattern.regex.fullmatch(mention.text) for pattern in load_place_lexicon(lex.lang).direction_patterns):
        return False
    return any(lex.not_target_before.search(text, max(s_start, mention.start - 50), gap.end())
               or lex.not_target_after.search(text[gap.start():mention.end + 30])
               for gap in _SPACE.finditer(text, mention.start, mention.end))


_SPACE = re.compile(r"\s+")


def _sentence_features(doc: Doc, text: str, s_start: int, s_end: int, lex: Lexicon, speaker: Source,
                       narrator: Source, index: int, sentences: list[tuple[int, int]]) -> dict[str, float]:
    body = text[s_start:s_end]
    f: dict[str, float] = {f"lang={lex.lang}": 1.0, "bias": 1.0}
    if _headline(text, s_start, s_end):
        f["headline"] = 1.0
    if body.rstrip().endswith("?"):
        f["question"] = 1.0
    if speaker.name == "narrator":
        f["src=narrator"] = 1.0
        if narrator.side != "third":
            f["src=partisan_narrator"] = 1.0
    else:
        f[f"src_side={speaker.side}"] = 1.0
    if index == 0:
        f["first_sentence"] = 1.0
    if lex.recap.search(body):
        f["recap"] = 1.0
    return f


def _blanked(body: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """`body` with each of the spans (document offsets) turned into one neutral word of the
    same length, offsets kept: a name stays a word of the phrase around it ("rejected
    Moscow's claims" still rejects claims), but no word in it denies anything."""
    for start, end in spans:
        lo, hi = max(0, start - offset), min(len(body), end - offset)
        if lo < hi:
            body = body[:lo] + "x" * (hi - lo) + body[hi:]
    return body


def _trigger_features(doc: Doc, tree: Tree, text: str, s_start: int, s_end: int, trigger: Trigger,
                      triggers: list[Trigger], lex: Lexicon, names: str, clauses: str) -> dict[str, float]:
    """`names`: the sentence with its sources' names blanked out, so that a denial word in
    a name ("Центр протидії дезінформації") denies nothing; `clauses`: the text with its
    scare quotes blanked, where the windows of a clause are read."""
    rule = trigger.rule
    f: dict[str, float] = {
        f"kind={rule.kind}": PRIOR,
        f"key={lex.lang}:{trigger.key}": 1.0,
        f"key={lex.lang}:{trigger.key}|{rule.kind}": 1.0,
    }
    if rule.invert:
        f["invert"] = 1.0
    if rule.negated:
        f["neg:word"] = 1.0
    if rule.uncertain:
        f["uncertain_rule"] = 1.0
    if rule.whole:
        f["whole_rule"] = 1.0
    if rule.actor:
        f["actor_rule"] = 1.0
    f.update(_morph_features(tree, trigger.head, "t"))
    f[f"trel={tree.relations[trigger.head]}"] = 1.0
    before = _clause_before(clauses, s_start, trigger.start, 70)
    near_before = _clause_before(clauses, s_start, trigger.start, 45)
    own = _own_conjunct(tree, trigger.head)
    joint = own[1] if own is not None else -1
    if s_start <= joint < trigger.start:
        # The first verb's negation or denial stays in its own clause.
        near_before = near_before[max(0, len(near_before) - (trigger.start - joint)):]
        names = " " * (joint - s_start) + names[joint - s_start:]
    after = _PHRASE_END.split(text[trigger.end:min(s_end, trigger.end + 45)].replace("«", " "), maxsplit=1)[0]
    around = text[max(s_start, trigger.start - 40):min(s_end, trigger.end + 40)]
    if lex.negation.search(near_before) and not lex.not_negation.search(near_before):
        f["neg:window"] = 1.0
    if _negated(doc, tree, trigger.head, lex):
        f["neg:syntax"] = 1.0
    if tree.literals.may_match(lex.denial, s_start, trigger.start) \
            and _answered_denial(lex, text[s_start:trigger.start]):
        f["denial:answered"] = 1.0
    where = _scope(lex.denial, names, s_start, trigger, triggers, lex, tree)
    if where:
        f[f"denial:{where}"] = 1.0
    if _scope(lex.unconfirmed, names, s_start, trigger, triggers, lex, tree):
        f["denial:unconfirmed"] = 1.0
    if _governing(doc, tree, trigger.head, lex.denial_lemmas, stop=lex.statement_lemmas, lex=lex):
        f["denial:governed"] = 1.0
    if lex.hypothetical.search(before) or (
            tree.literals.may_match(lex.impossible, max(s_start, trigger.start - 80), min(s_end, trigger.end + 80))
            and lex.impossible.search(_clause_of(clauses, s_start, s_end, trigger))):
        f["modal:hypothetical"] = 1.0
    if _imperative(doc, tree, trigger, s_start):
        # "Libérez toutes nos villes !", "Liberate all our cities": a call, not a report.
        f["modal:hypothetical"] = 1.0
    if lex.hypothetical_after.search(after):
        f["modal:hypothetical_after"] = 1.0
    if tree.literals.may_match(lex.attempt, max(s_start, trigger.start - 70), trigger.start) \
            and lex.attempt.search(before):
        f["modal:attempt"] = 1.0
    if _governing(doc, tree, trigger.head, lex.attempt_lemmas, 3, adjunct_stops=True):
        f["modal:attempt_governed"] = 1.0
    if _prevented(doc, tree, trigger.head, lex):
        f["modal:prevented"] = 1.0
    failed = _failed(doc, tree, text, s_end, trigger, lex)
    if failed:
        f[f"modal:failed_{failed}"] = 1.0
    if _governing(doc, tree, trigger.head, lex.modal_lemmas, 2):
        f["modal:modal_governed"] = 1.0
    if tree.relations[trigger.head] in ("advcl", "acl") and any(
            child < trigger.head and tree.words[child] in lex.purpose_marks for child in tree.children(trigger.head)):
        f["modal:purpose"] = 1.0
    if tree.literals.may_match(lex.partial, max(s_start, trigger.start - 40), min(s_end, trigger.end + 40)) \
            and lex.partial.search(around):
        f["partial"] = 1.0
    if tree.literals.may_match(lex.whole, max(s_start, trigger.start - 40), min(s_end, trigger.end + 40)) \
            and lex.whole.search(around):
        f["whole"] = 1.0
    if any(t is not trigger and t.rule.kind != rule.kind for t in triggers):
        f["other_kind_in_sentence"] = 1.0
    if rule.kind in ("capture", "presence") and _fight_goal(tree, trigger, triggers, lex):
        f["modal:fight_goal"] = 1.0
    governor = _governing_trigger(tree, trigger, triggers)
    if governor is not None:
        # "repelled an assault on X", "failed attempts to advance": the trigger is the
        # argument of another one, whose reading covers it.
        f[f"governed_by={governor.rule.kind}"] = 1.0
        f[f"governed_by={governor.rule.kind}|{rule.kind}"] = 1.0
        # A verb coordinated with a verb of resisting ("stopped the advance and entered X
        # again") is an act of its own, not what is resisted.
        if governor.rule.invert and not governor.rule.uncertain and not rule.invert \
                and _governing_trigger(tree, trigger, triggers, stops=COORDINATED) is governor:
            f["governed_by=inverted"] = 1.0
    quote_depth = sum(text.count(mark, s_start, trigger.start) for mark in "«“") - sum(
        text.count(mark, s_start, trigger.start) for mark in "»”")
    if quote_depth > 0:
        f["quoted"] = 1.0
    return f


FAILURE_REACH = 100
"""How far after the trigger a failure closing its clause is looked for, in characters: far
enough for what the attempt cost ("but apart from sustaining numerous losses, achieved nothing")."""


def _prevented(doc: Doc, tree: Tree, head: int, lex: Lexicon) -> bool:
    """A word of preventing governs the trigger ("prevented Russia from capturing X",
    « empêcher la prise de X »), or a verb of letting does, negated ("не дали окупантам
    захопити X", "не допустить захвата X"): what the trigger names did not happen, so it
    reports no claim."""
    # What is prevented is often oblique ("from capturing X", "запобігли оточенню X"), so an
    # oblique phrase does not end the reach.
    if _governing(doc, tree, head, lex.prevention_lemmas, 3):
        return True
    for k, node in enumerate(tree.ancestors(head)):
        if k >= 2:
            break
        if (tree.lemmas[node] in lex.allow_lemmas or tree.words[node] in lex.allow_lemmas) \
                and _negated(doc, tree, node, lex):
            return True
    return False


def _failed(doc: Doc, tree: Tree, text: str, s_end: int, trigger: Trigger, lex: Lexicon) -> str:
    """How the attempt the trigger names is said to have failed: "governed" by a failure word
    ("failed to take X", "the failure of the attempt to take X", "a failed assault on X") or
    a negated success word ("n'ont pas réussi à prendre X", "не вдалося захопити X"); "after"
    it, by a failure closing its clause ("намагалися закріпитися, однак успіху не мали"); ""
    when it is not."""
    if _governing(doc, tree, trigger.head, lex.failure_lemmas, 2):
        return "governed"
    # "a failed assault on X", "невдалий штурм X": the failure qualifies the trigger's noun,
    # or the attempt that governs it ("an unsuccessful attempt to take X") or that the verb
    # over the trigger takes beside it ("предприняли безуспешную попытку контратаковать").
    above = list(islice(tree.ancestors(trigger.head), 2))
    beside = tree.children(above[0]) if above else ()
    if _qualified_by_failure(tree, trigger.head, lex) or any(
            _qualified_by_failure(tree, node, lex) for node in (*above, *beside) if _attempt_word(tree, node, lex)):
        return "governed"
    for k, node in enumerate(tree.ancestors(trigger.head)):
        if k >= 2:
            break
        if (tree.lemmas[node] in lex.success_lemmas or tree.words[node] in lex.success_lemmas) \
                and _negated(doc, tree, node, lex):
            return "governed"
    if _repulse_over_attempt(tree, trigger.head, above, lex):
        return "governed"
    end = min(s_end, trigger.end + FAILURE_REACH)
    return "after" if tree.literals.may_match(lex.failure, trigger.end, end) and lex.failure.search(
        text, trigger.end, end) else ""


def _repulse_over_attempt(tree: Tree, head: int, above: list[int], lex: Lexicon) -> bool:
    """A verb of repelling takes as its object or subject the attempt the trigger hangs on
    ("attempts to take X were repelled", « les tentatives de prendre X ont été repoussées »,
    "отражены все попытки захватить X"): what was tried failed. The parser may hang the
    trigger on that verb as its complement, with the attempt among the verb's arguments
    ("відбиваються всі спроби противника захопити X"). `above`: the trigger's two nearest
    ancestors."""
    if not above:
        return False
    if _attempt_word(tree, above[0], lex):
        return len(above) > 1 and tree.relations[above[0]] in REPELLED_ARGUMENTS \
            and _repelling(tree, above[1], lex)
    return tree.relations[head] in COMPLEMENTS and _repelling(tree, above[0], lex) and any(
        _attempt_word(tree, node, lex)
        for child in tree.children(above[0]) if tree.relations[child] in REPELLED_ARGUMENTS
        for node in (child, *tree.children(child)))


REPELLED_ARGUMENTS = frozenset({"obj", "nsubj", "nsubj:pass"})
"""How what is repelled hangs on the verb: its object, or the subject of its passive."""

COMPLEMENTS = frozenset({"xcomp", "ccomp"})
"""How a parser may hang an attempt's infinitive on the verb over the attempt noun."""


def _attempt_word(tree: Tree, node: int, lex: Lexicon) -> bool:
    """An attempt noun or verb ("attempt", « tentative », "спроба", "попытка")."""
    return tree.lemmas[node] in lex.attempt_lemmas or tree.words[node] in lex.attempt_lemmas


def _repelling(tree: Tree, node: int, lex: Lexicon) -> bool:
    """The word is of a family of repelling ("repel", « repousser », "відбити", "отразить"),
    or is its reflexive passive ("спроби відбиваються", "попытки отражаются")."""
    lemma = tree.lemmas[node]
    forms = [lemma, tree.words[node]] + [
        lemma[:-len(ending)] for ending in lex.intransitive_endings if lemma.endswith(ending)]
    return any((family := lex.families.get(form)) is not None and family.kind == "repelled" and family.invert
               for form in forms)


def _qualified_by_failure(tree: Tree, noun: int, lex: Lexicon) -> bool:
    """A failure word qualifies the noun ("failed", "невдалий", « ratée »)."""
    return any(tree.relations[child] in ("amod", "acl") and (
        tree.lemmas[child] in lex.failure_lemmas or tree.words[child] in lex.failure_lemmas)
        for child in tree.children(noun))


def _subject_of_unreal(tree: Tree, head: int, lex: Lexicon) -> bool:
    """The trigger names the subject of a modal, future or conditional predicate ("the fall
    of X could allow…", "la prise de X aura probablement épuisé…", "захоплення X дозволить"):
    what the event would bring is said, not that it happened. (The annotation leaves such
    sentences uncertain at most.)"""
    if tree.relations[head] not in ("nsubj", "csubj", "nsubj:pass"):
        return False
    verb = tree.heads[head]
    return _unreal(tree, verb) or any(
        tree.relations[k].startswith("aux")
        and (tree.lemmas[k] in lex.modal_lemmas or tree.words[k] in lex.modal_lemmas or _unreal(tree, k))
        for k in tree.children(verb))


def _civilian_subject(tree: Tree, head: int, lex: Lexicon) -> bool:
    """The trigger is said of civilians ("2,000 residents remain in X", "remaining residents",
    "les habitants ont quitté X"): people who are no side's forces hold nothing."""
    if tree.relations[head] in ("amod", "acl") and tree.lemmas[tree.heads[head]] in lex.civilians:
        return True
    return any(tree.relations[k] in ("nsubj", "nsubj:pass") and tree.lemmas[k] in lex.civilians
               for k in tree.children(head))


def _unreal(tree: Tree, i: int) -> bool:
    """Word i is in the future or the conditional."""
    return bool(tree.feature(i, "Tense") & {"Fut"} or tree.feature(i, "Mood") & {"Cnd"})


def _fight_goal(tree: Tree, trigger: Trigger, triggers: list[Trigger], lex: Lexicon) -> bool:
    """The trigger names what a fight is for ("the battle for the capture of X", « une bataille
    se poursuit pour le contrôle de X », "тривають бої за взяття X"): the fight word governs
    it, or is the subject or object of the word that does; the capture is only the goal."""
    head = trigger.head
    if tree.cases[head] not in lex.goal_marks:
        return False
    above = tree.heads[head]
    if above == head:
        return False
    fights = {t.head for t in triggers if t.rule.kind == "fighting" and t.head != head}
    return above in fights or any(
        child in fights and tree.relations[child] in GOAL_FIGHT_RELATIONS for child in tree.children(above))


GOAL_FIGHT_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obj"})
"""How a fight word hangs on the verb that takes its goal ("fighting continues for X")."""


def _governing_trigger(tree: Tree, trigger: Trigger, triggers: list[Trigger],
                       stops: frozenset[str] = NOT_ARGUMENT) -> Trigger | None:
    """Another trigger of the sentence whose word governs this one within two steps."""
    heads = {t.head: t for t in triggers if t is not trigger and t.head != trigger.head}
    below = trigger.head
    for k, node in enumerate(tree.ancestors(trigger.head)):
        if k >= 2 or tree.relations[below] in stops:
            break
        if node in heads:
            return heads[node]
        below = node
    return None


def _covered_as_conjunct(tree: Tree, trigger: Trigger, triggers: list[Trigger]) -> bool:
    """"Repelled 38 attacks near X and another 5 attacks near Y": a trigger coordinated with
    one of its own kind shares that one's governor, here the repulse that covers both."""
    if tree.relations[trigger.head] != "conj":
        return False
    first = tree.heads[trigger.head]
    sibling = next((t for t in triggers if t.head == first and t.rule.kind == trigger.rule.kind), None)
    if sibling is None:
        return False
    governor = _governing_trigger(tree, sibling, triggers)
    return (governor is not None and governor.rule.invert and not governor.rule.uncertain
            and not trigger.rule.invert)


_BETWEEN_MARKS = re.compile(r"[;:«»“”()\"—–]")
"""Punctuation between a trigger and its place that marks a boundary (a clause, a quotation)."""


def _pair_features(tree: Tree, text: str, s_start: int, trigger: Trigger, target: Target,
                   triggers: list[Trigger], targets: list[Target], lex: Lexicon) -> dict[str, float]:
    f: dict[str, float] = {}
    if target.implicit:
        return {"pair=implicit": 1.0}
    after = target.first >= trigger.end
    lo, hi = (trigger.end, target.first) if after else (target.end, trigger.start)
    between = text[lo:hi] if lo < hi else ""
    f["place_after" if after else "place_before"] = 1.0
    span = tree.tokens(lo, hi)
    tags = tree.pos[span.start:span.stop] if lo < hi else ()
    words = len(tags) - tags.count("PUNCT") - tags.count("SPACE")
    f[f"dist={_bucket(words, (0, 1, 2, 4, 7, 12, 20))}"] = 1.0
    if "," in between:
        f["comma_between"] = 1.0
    if _BETWEEN_MARKS.search(between):
        f["boundary_between"] = 1.0
    if any(lo <= t.start < hi for t in triggers if t is not trigger):
        f["near:trigger_between"] = 1.0
    if any(lo <= g.start < hi and g.mention.place.geonameid != target.mention.place.geonameid
           and g.first != target.first for g in targets if g is not target):
        f["near:place_between"] = 1.0
    anchor = target.anchor
    if abs(trigger.head - anchor) <= min(abs(t.head - anchor) for t in triggers):
        f["near:nearest_trigger"] = 1.0
    gaps = [abs(g.anchor - trigger.head) for g in targets if not g.implicit]
    if gaps and abs(anchor - trigger.head) <= min(gaps):
        f["near:nearest_place"] = 1.0
    if after and lex.object_link.search(text[trigger.end:target.first]) and target.first - trigger.end <= 45:
        f["near:object_link"] = 1.0
    if not after and 0 <= trigger.start - target.end <= 2:
        f["near:participle"] = 1.0
    if after and lex.inside_before.search(text[max(trigger.end, target.first - 40):target.first]) \
            and not lex.inside_not_form.search(target.mention.text):
        f["inside_before"] = 1.0
    if not after and lex.relative.match(text, target.end, trigger.start):
        f["relative_clause"] = 1.0
    if after and lex.relative.search(text, trigger.end, target.start):
        f["relative_between"] = 1.0
    if not after and words <= 4 and "comma_between" not in f and "boundary_between" not in f:
        # "X на 99% перебуває під контролем", "X est contrôlée à 80 %": the share sits
        # between the place and the trigger, or right after the trigger.
        tail = _PHRASE_END.split(text[trigger.end:trigger.end + 12], maxsplit=1)[0]
        if (tree.literals.may_match(lex.partial, lo, hi) and lex.partial.search(between)) or (
                tree.literals.may_match(lex.partial, trigger.end, trigger.end + 12) and lex.partial.search(tail)):
            f["partial_place"] = 1.0
    if _scene_of(tree, trigger, target, lex):
        f["scene_of"] = 1.0
    return f


def _about_another(tree: Tree, target: Target, targets: list[Target], features: dict[str, float]) -> bool:
    """The trigger is in a clause or a word about another noun than the place: a relative
    clause or an adjective on another noun, a relative clause on a description of which the
    place is only the reference point. A relative word right after the place ties the clause
    to it, wherever the parse hangs the clause ("в районі села X, куди зайшла піхота"),
    unless it cannot stand for the place."""
    if "relative_clause" in features:
        return _relative_elsewhere(tree, target, targets)
    return _any_of(features, ("relative_other", "describes_other")) or (
        "relative_described" in features and _any_of(features, REFERENCE_FEATURES))


def _relative_of_later(tree: Tree, trigger: Trigger, target: Target, targets: list[Target], lex: Lexicon) -> bool:
    """The trigger is in a relative clause that opens right after a later place, one the
    relative word can stand for ("Siversk, à quinze kilomètres de Lyman, que les Russes ont
    pris en novembre"): the clause speaks of that place, not of this one. Places listed
    together share the clause."""
    if target.implicit or target.start > trigger.start:
        return False
    place = target.mention.place.geonameid
    for other in targets:
        if (other.implicit or other.start < target.end or other.end > trigger.start
                or other.mention.place.geonameid == place
                or other.first == target.first):
            continue
        if lex.relative.match(tree.text, other.end, trigger.start) and not _relative_elsewhere(tree, other, targets):
            return True
    return False


def _relative_elsewhere(tree: Tree, target: Target, targets: list[Target]) -> bool:
    """Whether the relative word right after the place cannot stand for it but can for the noun
    describing an earlier place ("Мирноград, місто на схід від Покровська, яке ...": "яке" is
    neuter, Покровськ is not, "місто" is). Read only where the morphology is known on both
    sides; the noun naming the place ("міста Покровськ, яке") counts as the place."""
    k = bisect_left(tree.starts, target.end)
    while k < len(tree.words) and tree.pos[k] == "PUNCT":
        k += 1
    if k >= len(tree.words) or not (tree.feature(k, "Gender") or tree.feature(k, "Number")):
        return False
    span = tree.tokens(target.start, target.end)
    own = [i for i in (span.start - 1, *span) if i >= 0 and tree.pos[i] in ("NOUN", "PROPN", "ADJ")
           and (i in span or tree.pos[i] == "NOUN") and (tree.feature(i, "Gender") or tree.feature(i, "Number"))]
    if not own or any(_agrees_with(tree, k, i) for i in own):
        return False
    return any(n < span.start - 1 and n not in span and tree.pos[n] == "NOUN" and _agrees_with(tree, k, n)
               for other in targets if not other.implicit and other.end <= target.start
               for n in _same_referent(tree, other))


def _agrees_with(tree: Tree, pronoun: int, noun: int) -> bool:
    """Whether a pronoun can stand for the noun by gender and number (unknown agrees)."""
    number, its_number = tree.feature(pronoun, "Number"), tree.feature(noun, "Number")
    if number and its_number and not number & its_number:
        return False
    if "Plur" in its_number or "Plur" in number:
        return True
    gender, its_gender = tree.feature(pronoun, "Gender"), tree.feature(noun, "Gender")
    return not gender or not its_gender or bool(gender & its_gender)


PART_LINKS = frozenset({"nmod", "nmod:poss", "appos", "compound", "flat", "flat:name", "amod"})
"""How a place hangs on the noun of which it names a part ("the centre of X", "X's districts"); a
genitive place name is often parsed as an adjective ("центр Покровська")."""


def _part_named(tree: Tree, trigger: Trigger, target: Target, lex: Lexicon) -> bool:
    """The trigger reaches the place through a word naming part of it ("reached the centre of
    X", "выбиты из центра X", « les quartiers nord de X », "central X"): what it says holds
    for that part only. Part words elsewhere in the sentence say nothing of this trigger. Read
    as a rule, not a feature: as a feature it cost 0.0014 on cross-validation."""
    words = tree.tokens(target.start, target.end)
    if any(tree.relations[child] == "amod" and tree.lemmas[child] in lex.part_words
           for node in words for child in tree.children(node)):
        return True
    before = words.start - 1
    if before >= 0 and tree.heads[before] == tree.heads[target.head] != target.head \
            and tree.lemmas[before] in lex.part_words:
        # "захопили центр Покровська" parsed as two objects of the verb: the part word right
        # before the place still names part of it.
        return tree.heads[before] == trigger.head
    if _takes_part(tree, trigger, words, lex):
        return True
    node = target.head
    for _ in range(3):
        if node == trigger.head:
            return False
        if node not in words and (tree.lemmas[node] in lex.part_words or tree.words[node] in lex.part_words):
            # "вошли в центр X, который армия РФ захватила": a clause hung on the part word
            # is the parser's reading of one about the place.
            return node not in tree.ancestors(trigger.head)
        head = tree.heads[node]
        if head == node or tree.relations[node] not in PART_LINKS:
            return False
        node = head
    return False


def _encircled(tree: Tree, trigger: Trigger, cues: list[Cue], lex: Lexicon) -> tuple[Side, set[int]] | None:
    """The side whose troops an encircling word says are encircled, and the words the place
    may hang on to be where they are: the troops are the passive subject or the object ("les
    forces de Kiev sont encerclées", "encircled Ukrainian units"), the noun the participle
    describes ("окруженные силы"), the object of the noun ("the encirclement of Ukrainian
    units"), or the subject of a verb of being in that state ("группировка ВСУ оказалась в
    окружении", "soldiers are encircled"). A place encircled ("encircled Bakhmut") names no
    troops: an advance on it."""
    head = trigger.head
    if not lex.encircling or (tree.lemmas[head] not in lex.encircling and tree.words[head] not in lex.encircling):
        return None
    troops = [k for k in tree.children(head) if tree.relations[k] in ("nsubj:pass", "obj")]
    if tree.pos[head] == "NOUN":
        troops += [k for k in tree.children(head) if tree.relations[k] == "nmod" and tree.cases[k] in lex.object_cases]
    anchors = {head}
    above = tree.heads[head]
    if above != head:
        if tree.relations[head] in ("amod", "acl"):
            # "деблокувати оточені підрозділи в X": the place may hang on the verb the
            # described troops are the object of.
            troops.append(above)
            anchors.add(tree.heads[above])
        elif tree.lemmas[above] in lex.encircled_states:
            troops += [k for k in tree.children(above) if tree.relations[k] in ("nsubj", "nsubj:pass")]
            anchors.add(above)
    sides = {cue.side for cue in cues for k in troops
             if cue.side in ("RU", "UA") and (cue.head == k or k in tree.ancestors(cue.head)[:2])}
    if len(sides) != 1:
        return None
    return sides.pop(), anchors | set(troops)


def _inside_ring(tree: Tree, target: Target, anchors: set[int]) -> bool:
    """The place hangs on the encircling word, its verb of state or the troops, through
    nouns only ("группировка в поселке X оказалась в окружении", "encircled in X"): where
    the troops are, not a place another verb of theirs names ("left X"). A sentence that
    names no place ("hundreds of Russian soldiers are encircled") speaks of the town the
    article is about."""
    if target.implicit:
        return True
    for node in tree.ancestors(target.anchor)[:3]:
        if node in anchors:
            return True
        if tree.pos[node] in ("VERB", "AUX"):
            return False  # "troops that left X and are now encircled" are not in X
    return False


def _held_region(tree: Tree, trigger: Trigger, target: Target, lex: Lexicon) -> bool:
    """A participle of taking or holding on the region's own words ("the occupied Luhansk
    region"), or on a part word the region hangs on ("the Russian-controlled parts of the
    regions of Kherson and Zaporizhzhia"). Neither a noun in apposition nor the first item of
    a list the region ends is the region's own word ("the recently captured settlement of X,
    Y Oblast" describes the settlement)."""
    if target.implicit or target.coref or not target.mention.place.is_region \
            or trigger.rule.kind not in ("capture", "presence") or trigger.rule.uncertain \
            or tree.relations[trigger.head] not in ("amod", "acl"):
        return False
    described = tree.heads[trigger.head]
    if described in tree.tokens(target.start, target.end) or described == target.head:
        return True
    if not (tree.lemmas[described] in lex.part_words or tree.words[described] in lex.part_words):
        return False
    node = target.anchor
    for _ in range(3):
        if tree.relations[node] not in PART_LINKS or tree.heads[node] == node:
            return False
        node = tree.heads[node]
        if node == described:
            return True
    return False


def _takes_part(tree: Tree, trigger: Trigger, place: range, lex: Lexicon) -> bool:
    """The trigger's own object is a part word that is not the place ("ont libéré le quartier
    Noviï de la localité de X", "où elles ont repris plusieurs secteurs", "взяли под контроль
    два квартала в X"): what was taken is that part, wherever the parse hangs the place. A
    capitalised part word is a name ("підрозділи угруповання «Центр»"), not a part."""
    return any(tree.relations[k] == "obj" and k not in place
               and (tree.lemmas[k] in lex.part_words or tree.words[k] in lex.part_words)
               and not tree.text[tree.starts[k]].isupper()
               for k in tree.children(trigger.head))


def _scene_of(tree: Tree, trigger: Trigger, target: Target, lex: Lexicon) -> bool:
    """The trigger names what goes on at the place through a noun said of it ("Pokrovsk,
    épicentre des combats", "Avdiivka has been a focal point of their offensive", "Покровськ
    став епіцентром боїв"): the parse hangs the place beside the trigger, not under it, yet
    the fighting is there."""
    scene, node = -1, trigger.head
    for _ in range(2):
        if tree.relations[node] not in ("nmod", "obl", "obl:mod"):
            break
        node = tree.heads[node]
        if tree.lemmas[node] in lex.scene_nouns or tree.words[node] in lex.scene_nouns:
            scene = node
            break
    if scene < 0:
        return False
    same = (*_same_referent(tree, target), *tree.tokens(target.start, target.end))
    clause = tree.clause_head(scene)
    if scene in same or (tree.relations[clause] == "acl:relcl" and tree.heads[clause] in same):
        return True
    node = scene
    for _ in range(2):
        # "la région de Louhansk, l'une des provinces du Donbass et « épicentre » des combats"
        if tree.relations[node] not in ("conj", "appos"):
            break
        node = tree.heads[node]
        if node in same:
            return True
    said = ("obj", "obl", "obl:arg", "xcomp")
    return any((tree.heads[place] == scene and tree.relations[place] in ("nsubj", "appos"))
               or tree.heads[scene] == place
               or (tree.relations[place] == "nsubj" and tree.heads[place] == tree.heads[scene]
                   and tree.relations[scene] in said)
               for place in {target.head, target.anchor})


def _place_features(text: str, s_start: int, target: Target, located: set[int], points: set[int],
                    borders: set[int], lex: Lexicon, top_place: int | None, n_places: int,
                    settlements: bool, literals: LiteralScreen | None = None) -> dict[str, float]:
    place = target.mention.place
    f: dict[str, float] = {}
    if target.implicit:
        f["ptype=implicit"] = 1.0
    elif target.coref:
        f["ptype=coref"] = 1.0
        if target.back_reference:
            f[f"refers={target.back_reference}"] = 1.0
    elif place.is_region:
        f["ptype=region"] = 1.0
        if settlements:
            f["region_with_settlement"] = 1.0
    elif place.feature == "PPLC":
        f["ptype=capital"] = 1.0
    else:
        f["ptype=settlement"] = 1.0
    if place.country == "RU":
        f["country=RU"] = 1.0
    if not on_front(place):
        f["off_front"] = 1.0
    if target.start in located:
        f["locator"] = 1.0
    before = text[max(s_start, target.start - 50):target.start]
    if not target.coref and target.mention.start in points:
        # Two readings of a reference point, each weighed on its own: a point the action
        # happens near ("repelled assaults west of X") or one that only locates something.
        nearby = lex.nearby_before.search(before) and not lex.not_target_before.search(before)
        f["border" if target.mention.start in borders else "nearby" if nearby else "point"] = 1.0
    if place.is_region and (literals is None or literals.may_match(
            lex.region_locator_before, max(s_start, target.start - 60), target.start)) \
            and lex.region_locator_before.search(text[max(s_start, target.start - 60):target.start]):
        f["region_locator"] = 1.0
    near_before = _clause_before(text, s_start, target.start, 40)
    if ((literals is None or literals.may_match(lex.partial, max(s_start, target.start - 40), target.start))
            and lex.partial.search(near_before)) or target.mention.how == "part":
        # "most of X", "70% of X", "the eastern districts of X", "на околицях X": a part of it.
        f["partial_place"] = 1.0
    if (literals is None or literals.may_match(lex.whole, max(s_start, target.start - 40), target.start)) \
            and lex.whole.search(near_before):
        f["whole_place"] = 1.0
    word = before.split()[-1].lower() if before.split() else ""
    if word and len(word) <= 6:
        f[f"prev_word={lex.lang}:{word}"] = 1.0
    if top_place is not None and place.geonameid == top_place:
        f["top_place"] = 1.0
    f[f"n_places={_bucket(n_places, (1, 2, 4))}"] = 1.0
    f[f"score={_bucket(int(target.mention.score * 10), (5, 7, 9))}"] = 1.0
    if place.population >= CITY_POPULATION:
        f["city"] = 1.0
    return f


def back_references(candidates: Iterable[Candidate]) -> tuple[PlaceMention, ...]:
    """The back-references the candidates were built on, each once and in text order (a plural
    one, "these villages", once per place of its list); implicit targets are no words of the
    text and are left out."""
    seen: dict[tuple[int, int, int], PlaceMention] = {}
    for candidate in candidates:
        target = candidate.target
        if target.coref and not target.implicit:
            seen.setdefault((target.start, target.end, target.mention.place.geonameid), target.mention)
    return tuple(seen[key] for key in sorted(seen))


__all__ = ["Candidate", "Cue", "Target", "Trigger", "back_references", "find_candidates"]

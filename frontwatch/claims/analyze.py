"""From a parsed document and its place mentions to claims.

Per sentence: find claim triggers (lexicon), the places they are about (place mentions
and back-references such as "la ville"), whose forces (actor cues, the speaker's side),
whether it is asserted or denied (negation near the trigger, denial words in the
sentence), who says it (attribution.py) and when (dates.py). Rules are language-blind;
what differs between languages is in the lexicons.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from frontwatch.claims.attribution import SourceHit, attribute, opposite, registry_hits
from frontwatch.claims.dates import DateMention, find_dates
from frontwatch.claims.lexicon import Lexicon, TriggerRule
from frontwatch.places import FRONT_ADMIN1
from frontwatch.records import Actor, Claim, Document, PartialDate, Place, PlaceMention, Side, Source, Stance

MAX_TARGET_GAP = 160
SHARED_TARGET_GAP = 45
AFTER_CUE_GAP = 30
NEGATION_WINDOW = 45
MODALITY_WINDOW = 70
DATE_AFTER_PLACE = 4
INSIDE_TRIGGER = 6
"""Strength of an actor word inside a trigger ("Russian-held"): it names that trigger's actor only."""
BOUNDARY = re.compile(r"[;:«»“”\"()—–]|\s-\s")


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    rule: TriggerRule


@dataclass(frozen=True, slots=True)
class Target:
    """A place a trigger may be about: a toponym or a back-reference to one."""

    start: int
    end: int
    mention: PlaceMention
    coref: bool = False
    locator: bool = False
    implicit: bool = False
    """No word in the sentence names the place: it is the previous sentence's only place."""
    list_start: int = -1
    """Where the list this place is an item of begins ("advanced into X, Y and Z")."""


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    side: Side
    strength: int
    loser: bool = False


def find_triggers(body: str, offset: int, lex: Lexicon, blocked: list[tuple[int, int]]) -> list[Trigger]:
    """Trigger matches, the longest where they overlap, outside names of sources and places."""
    if not lex.triggers_any.search(body):
        return []
    found = [
        Trigger(m.start() + offset, m.end() + offset, rule)
        for rule in lex.triggers
        for m in rule.pattern.finditer(body)
    ]
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    kept: list[Trigger] = []
    for trig in found:
        if any(k.start < trig.end and trig.start < k.end for k in kept):
            continue
        if trig.rule.kind != "none" and any(s < trig.end and trig.start < e for s, e in blocked):
            continue
        kept.append(trig)
    # kind "none": a longer phrase around a trigger word that is no claim ("relieved of his post").
    return sorted((k for k in kept if k.rule.kind != "none"), key=lambda t: t.start)


def _geo_use(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A nationality or country word used as a location ("l'est de l'Ukraine", "Ukrainian town")."""
    before = text[max(0, start - 20):start].lower().rstrip()
    after_words = text[end:end + 25].lower().split()
    before_words = before.split()
    if before_words and before_words[-1].strip(",") in lex.geo_nouns_before:
        return True
    if after_words and after_words[0].strip(",.") in lex.geo_after:
        return True
    matched = text[start:end].lower()
    for word in lex.geo_before:
        if before.endswith(word) or (word.endswith("'") and matched.startswith(word)):
            return not re.match(r"(?:forces|troupes|troops|army|armée)", matched)
    return False


def _dateline_place(text: str, start: int, end: int) -> bool:
    """A city in capitals heading a wire story ("MOSCOW/KYIV (Reuters) -") names no forces."""
    word = text[start:end]
    return word.isupper() and len(word) >= 4 and DATELINE_AFTER.match(text, end) is not None


def find_cues(body: str, offset: int, text: str, lex: Lexicon, speaker: Source,
              narrator_side: Side, blocked: list[tuple[int, int]],
              triggers: list[Trigger]) -> list[Cue]:
    """Words that say whose forces a clause is about ("Russian-held" names its own actor)."""
    cues: list[Cue] = []
    spans: list[tuple[int, int]] = []
    for side, pattern in lex.actors:
        for m in pattern.finditer(body):
            start, end = m.start() + offset, m.end() + offset
            if any(s < end and start < e for s, e in spans) or _dateline_place(text, start, end):
                continue
            # A source's name inside a longer actor phrase ("Moscow's troops") still names forces.
            if any(s < end and start < e and not (start <= s and e <= end and e - s < end - start)
                   for s, e in blocked):
                continue
            inside = any(t.start <= start and end <= t.end for t in triggers)
            if not inside and " " not in m.group().strip() and _geo_use(text, start, end, lex):
                continue
            strength = 3 if (end - start) > 12 else 1
            if lex.agent.search(text[max(0, start - 30):start]):
                strength = 5
            if inside:
                strength = INSIDE_TRIGGER
            loser = bool(lex.loser.search(text[max(0, start - 20):start])
                         or lex.loser_after.match(text, end, min(len(text), end + 40)))
            cues.append(Cue(start, end, side, strength, loser))
            spans.append((start, end))
    own: Side | None = speaker.side if speaker.side in ("RU", "UA") else None
    if speaker.name == "narrator" and narrator_side in ("RU", "UA"):
        own = narrator_side
    if own is not None:
        for pattern, side in ((lex.self_cue, own), (lex.enemy_cue, opposite(own))):
            for m in pattern.finditer(body):
                start, end = m.start() + offset, m.end() + offset
                if not any(s < end and start < e for s, e in spans):
                    cues.append(Cue(start, end, side, 2))
                    spans.append((start, end))
    return cues


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def locators(mentions: list[PlaceMention]) -> set[int]:
    """Regions named right after a settlement ("Toretsk, région de Donetsk") only locate it."""
    found: set[int] = set()
    for i, mention in enumerate(mentions):
        if mention.place.is_region and i > 0:
            previous = mentions[i - 1]
            if not previous.place.is_region and 0 <= mention.start - previous.end <= 35:
                found.add(mention.start)
    return found


def _antecedent(earlier: list[PlaceMention], located: set[int], settlement: bool,
                size: str, sentence_start: int) -> PlaceMention | None:
    """The place a back-reference means: among those named last, the article's most named.

    "The fall of Toretsk could let Moscow move against Kostyantynivka. … the suburbs of
    the city": both were just named, and the city the story is about is the one meant.
    "The village" skips cities, "the city" villages.
    """
    fitting = [m for m in earlier if _may_refer(m, located, settlement, size)]
    if not fitting:
        return None
    last = fitting[-1]
    if not settlement or last.start >= sentence_start:
        # "y", "there", or a town named in the same sentence: the nearest is meant.
        return last
    recent = [m for m in fitting if m.start >= last.start - RECENT_CHARS]
    named = Counter(m.place.geonameid for m in fitting)
    return max(reversed(recent), key=lambda m: named[m.place.geonameid])


def _may_refer(mention: PlaceMention, located: set[int], settlement: bool, size: str) -> bool:
    if mention.start in located or mention.place.feature == "PPLC" or not _on_front(mention.place):
        return False
    if settlement and mention.place.is_region:
        return False
    population = mention.place.population
    return not ((size == "village" and population >= CITY_POPULATION)
                or (size == "city" and 0 < population < 5000))


def _on_front(place: Place) -> bool:
    """Ukraine, or one of the Russian regions the war reached."""
    return place.country != "RU" or place.admin1 in FRONT_ADMIN1


def _size_word(reference: str, lex: Lexicon) -> str:
    if lex.coref_village.search(reference):
        return "village"
    if lex.coref_city.search(reference):
        return "city"
    return ""


def _targets(text: str, body_span: tuple[int, int], mentions: list[PlaceMention],
             history: list[PlaceMention], located: set[int], points: set[int], lex: Lexicon) -> list[Target]:
    """Place mentions of the sentence, back-references resolved, region locators marked."""
    s_start, s_end = body_span
    own = [m for m in mentions if s_start <= m.start < s_end]
    # "withdraw from Sievierodonetsk, Luhansk oblast": a region that only locates a
    # reference point is no target either.
    excluded = points | {m.start for previous, m in zip(own, own[1:], strict=False)
                         if m.start in located and previous.start in points}
    targets = [
        Target(m.start, m.end, m, locator=m.start in located)
        for m in own
        if m.place.feature != "PPLC" and _on_front(m.place) and m.start not in excluded
        and not (m.place.is_region and lex.region_locator_before.search(text[max(s_start, m.start - 60):m.start]))
    ]
    body = text[s_start:s_end]
    named = [m for m in own if m.start not in points]
    for pattern, settlement in ((lex.coref_settlement, True), (lex.coref_any, False)):
        for m in pattern.finditer(body):
            start, end = m.start() + s_start, m.end() + s_start
            if any(t.start - 12 <= end and start < t.end for t in targets):
                continue
            antecedent = _antecedent([p for p in history + named if p.end <= start], located, settlement,
                                     _size_word(m.group(), lex) if settlement else "", s_start)
            if antecedent is not None:
                ref = PlaceMention(start, end, text[start:end], antecedent.place,
                                   antecedent.score * 0.85, "coref")
                targets.append(Target(start, end, ref, coref=True))
    if any(not t.coref and not t.mention.place.is_region for t in targets):
        targets = [t for t in targets if not t.mention.place.is_region]
    return sorted(targets, key=lambda t: t.start)


def _clause_before(text: str, s_start: int, position: int, width: int) -> str:
    """Text before `position` within the sentence, cut at the last strong boundary."""
    window = text[max(s_start, position - width):position]
    cuts = [m.end() for m in BOUNDARY.finditer(window)]
    return window[cuts[-1]:] if cuts else window


def _actor(trigger: Trigger, cues: list[Cue], text: str, s_start: int,
           speaker: Source, default: Side, denied: bool, lex: Lexicon) -> tuple[Side, bool]:
    """Whose forces the trigger is about, and whether a cue in the text says so."""
    if speaker.side in ("RU", "UA") and not denied and not trigger.rule.invert \
            and lex.possessive.search(text[max(s_start, trigger.start - 12):trigger.start]):
        # "l'armée ukrainienne a annoncé son entrée dans X": the speaker's own forces.
        return speaker.side, True
    best: tuple[float, Cue] | None = None
    for cue in cues:
        if cue.strength == INSIDE_TRIGGER and not (trigger.start <= cue.start and cue.end <= trigger.end):
            continue
        gap = _gap(cue.start, cue.end, trigger.start, trigger.end)
        if gap > 140 or (cue.start >= trigger.end and gap > AFTER_CUE_GAP and cue.strength < 6):
            continue
        if cue.start >= trigger.end and cue.strength < 5 and "," in text[trigger.end:cue.start]:
            # "liberated Sudzha, the largest town Ukraine held": a side named in what
            # describes the place is not the trigger's.
            continue
        weight = gap * (1.4 if cue.start >= trigger.end else 1.0) - 6 * cue.strength
        if best is None or weight < best[0]:
            best = (weight, cue)
    if best is not None:
        cue = best[1]
        side = cue.side
        if cue.loser and cue.start >= trigger.end and trigger.rule.kind in ("capture", "fighting"):
            side = opposite(side)
        if trigger.rule.invert and cue.end <= trigger.start:
            passive = re.search(r"\b(?:été|were|was|been|being)\s+\S*$",
                                text[max(s_start, trigger.start - 20):trigger.start])
            if not passive:
                side = opposite(side)
        return side, True
    if trigger.rule.actor is not None:
        return trigger.rule.actor, False
    if trigger.rule.kind == "fighting" and not trigger.rule.invert:
        return default, False
    if speaker.side in ("RU", "UA"):
        if trigger.rule.kind == "repelled":
            # Whoever the speaker is, a failed assault they report is the other side's.
            return opposite(speaker.side), False
        flip = trigger.rule.invert != denied
        return (opposite(speaker.side) if flip else speaker.side), False
    return (opposite(default) if trigger.rule.invert and trigger.rule.kind != "repelled" else default), False


def _date_for(trigger: Trigger, dates: list[DateMention], published: PartialDate | None,
              target: Target, text: str, lex: Lexicon) -> PartialDate | None:
    """The date nearest the trigger, or one right after the place ("Vougledar en octobre 2024");
    the publication date when the sentence has none (`_inferred` tells which)."""
    right_after = [d for d in dates if 0 <= d.start - target.end <= DATE_AFTER_PLACE]
    if right_after:
        return right_after[0].date
    # A date inside a relative clause after the trigger ("entered X, which was occupied in
    # 2022") belongs to that clause.
    own = [d for d in dates if d.end <= trigger.start or not lex.relative.search(text, trigger.end, d.start)]
    if own:
        nearest = min(own, key=lambda d: _date_distance(d, trigger, text))
        return nearest.date
    return published


def _inferred(date: PartialDate | None, trigger: Trigger, dates: list[DateMention],
              target: Target, text: str, lex: Lexicon) -> bool:
    """Whether `_date_for` fell back to the publication date: no date in the sentence."""
    return date is not None and _date_for(trigger, dates, None, target, text, lex) is None


def _date_distance(date: DateMention, trigger: Trigger, text: str) -> int:
    """Characters between a date and the trigger; a comma between them counts as 40 more.

    "X, which was home to … before Moscow invaded last year, was captured … in January":
    the date in the trigger's own clause is the trigger's.
    """
    lo, hi = (date.end, trigger.start) if date.end <= trigger.start else (trigger.end, date.start)
    return _gap(date.start, date.end, trigger.start, trigger.end) + 40 * min(1, text.count(",", lo, hi))


def _narrator_side(text: str, lex: Lexicon) -> Side:
    """A partisan outlet calls the other side "the enemy": its narrator takes a side."""
    outside = re.sub(r"[«“„\"][^«»“”„\"]*[»”\"]", " ", text)
    counts: Counter[Side] = Counter()
    for side, pattern in lex.partisan:
        counts[side] += len(pattern.findall(outside))
    if counts:
        side, n = counts.most_common(1)[0]
        if n >= 2:
            return side
    return "third"


def _default_actor(text: str, lex: Lexicon) -> Side:
    """The side most often named as acting in the document (attackers, usually)."""
    counts: Counter[Side] = Counter()
    for side, pattern in lex.actors:
        counts[side] += len(pattern.findall(text))
    return "UA" if counts["UA"] > counts["RU"] * 1.5 else "RU"


def extract_claims(document: Document, text: str, sentences: list[tuple[int, int]],
                   persons: list[tuple[int, int]], mentions: list[PlaceMention],
                   lex: Lexicon) -> list[Claim]:
    """Every territorial-control claim of one document.

    Rules read a copy of the text with typographic apostrophes made plain (same length,
    so offsets hold); evidence and mentions are then cut from the original text.
    """
    plain = text.replace("\u2019", "'").replace("\u02bc", "'")
    claims = _extract(document, plain, sentences, persons, mentions, lex)
    if plain == text:
        return claims
    return [replace(c, evidence=text[c.evidence_start:c.evidence_end],
                    place_mention=text[c.mention_start:c.mention_end] if c.mention_start >= 0 else c.place_mention)
            for c in claims]


def _extract(document: Document, text: str, sentences: list[tuple[int, int]],
             persons: list[tuple[int, int]], mentions: list[PlaceMention],
             lex: Lexicon) -> list[Claim]:
    document = replace(document, published=_dateline(document.published, text, sentences, lex))
    narrator = Source.narrator(_narrator_side(text, lex))
    registry = [
        registry_hits(text[start:end], lex, start)
        if _may_matter(text[start:end], start, end, mentions, lex) else []
        for start, end in sentences
    ]
    speakers = attribute(text, sentences, persons, lex, narrator, registry)
    default = _default_actor(text, lex)
    claims: dict[tuple[int, str, str, str, str, int], Claim] = {}
    asserted: dict[tuple[int, str], Side] = {}
    history: list[PlaceMention] = []
    located = locators(mentions)
    topic: PlaceMention | None = None
    for (s_start, s_end), (speaker, speaker_span), sources in zip(sentences, speakers, registry, strict=True):
        body = text[s_start:s_end]
        own_mentions = [m for m in mentions if s_start <= m.start < s_end]
        points = {m.start for m in own_mentions if _not_target(text, s_start, m, lex)}
        previous_topic, topic = topic, _topic(own_mentions, located, points)
        if _headline(text, s_start, s_end):
            history.extend(m for m in own_mentions if m.start not in points)
            continue
        referring = bool(own_mentions) or bool(lex.coref_settlement.search(body) or lex.coref_any.search(body))
        if not referring and (previous_topic is None or lex.implicit_blocker.search(body)
                              or not _implicit_any(lex).search(body)):
            continue
        blocked = [(h.start, h.end) for h in sources] + [(m.start, m.end) for m in own_mentions]
        triggers = _not_about_elsewhere(find_triggers(body, s_start, lex, blocked), own_mentions, points, text)
        if not referring:
            triggers = [t for t in triggers if t.rule.kind in IMPLICIT_KINDS]
        if triggers:
            targets = (_targets(text, (s_start, s_end), mentions, history, located, points, lex) if referring
                       else _implicit_targets(triggers, previous_topic))
            cue_block = [(m.start, m.end) for m in own_mentions if m.place.feature != "PPLC"]
            if speaker_span:
                cue_block.append(speaker_span)
            cues = find_cues(body, s_start, text, lex, speaker, narrator.side, cue_block, triggers)
            dates = find_dates(body, lex.dates, document.published, s_start)
            sentence_claims = []
            for trigger, target in _pairs(triggers, targets, text, lex, own_mentions):
                sentence_claims += _claims(document, text, (s_start, s_end), trigger, target, cues,
                                           dates, speaker, default, lex, triggers, sources, asserted)
            for claim in _subsume(sentence_claims):
                if claim.stance == "asserts":
                    asserted[claim.place.geonameid, claim.kind] = claim.actor
                key = (claim.place.geonameid, claim.kind, claim.actor, claim.stance, claim.source.name,
                       claim.evidence_start)
                if key not in claims or claims[key].confidence < claim.confidence:
                    claims[key] = claim
        history.extend(m for m in own_mentions if m.start not in points)
    return sorted(claims.values(), key=lambda c: (c.evidence_start, c.mention_start))


def _not_about_elsewhere(triggers: list[Trigger], mentions: list[PlaceMention], points: set[int],
                         text: str) -> list[Trigger]:
    """"West of Russian-held Donetsk": a trigger right before a reference point is about
    that point, which is no claim's place; it must not fall on another place."""
    return [t for t in triggers
            if not any(m.start in points and 0 <= m.start - t.end <= 2 and not text[t.end:m.start].strip()
                       for m in mentions)]


_IMPLICIT_ANY: dict[int, tuple[tuple[TriggerRule, ...], re.Pattern[str]]] = {}


def _implicit_any(lex: Lexicon) -> re.Pattern[str]:
    """One pattern for the trigger kinds a sentence may state without naming its place
    (compiled once per lexicon: it screens every sentence that names none)."""
    cached = _IMPLICIT_ANY.get(id(lex.triggers))
    if cached is not None and cached[0] is lex.triggers:
        return cached[1]
    rules = [rule for rule in lex.triggers if rule.kind in IMPLICIT_KINDS]
    pattern = re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in rules) or r"(?!x)x",
                         rules[0].pattern.flags if rules else 0)
    _IMPLICIT_ANY[id(lex.triggers)] = (lex.triggers, pattern)
    return pattern


def _topic(mentions: list[PlaceMention], located: set[int], points: set[int]) -> PlaceMention | None:
    """The one settlement a sentence is about, if it names exactly one."""
    places = {m.place.geonameid: m for m in mentions
              if not m.place.is_region and m.start not in located and m.place.feature != "PPLC"
              and m.start not in points}
    return next(iter(places.values())) if len(places) == 1 else None


def _implicit_targets(triggers: list[Trigger], topic: PlaceMention | None) -> list[Target]:
    """"X is volatile. Street fighting goes on.": fighting (or a repelled assault) with no
    place named is the previous sentence's only place (a weaker reading, at a lower
    confidence)."""
    if topic is None:
        return []
    first = triggers[0]
    reference = PlaceMention(first.start, first.end, topic.text, topic.place, topic.score * 0.7, "topic")
    return [Target(first.start, first.end, reference, coref=True, implicit=True)]


def _not_target(text: str, s_start: int, mention: PlaceMention, lex: Lexicon) -> bool:
    """A reference point, an origin or a unit's name ("groupe « Louhansk »"), not a place claimed."""
    return bool(lex.not_target_before.search(text[max(s_start, mention.start - 50):mention.start])
                or lex.not_target_after.search(text[mention.end:mention.end + 30]))


def _subsume(claims: list[Claim]) -> list[Claim]:
    """A repelled assault on a place already says who attacked it and that they fought there;
    a capture says its taker fought for it and advanced."""
    repelled = {c.place.geonameid for c in claims if c.kind == "repelled"}
    taken = {(c.place.geonameid, c.actor, c.stance) for c in claims if c.kind == "capture"}
    return [c for c in claims
            if c.kind not in ("advance", "fighting")
            or (c.place.geonameid not in repelled and (c.place.geonameid, c.actor, c.stance) not in taken)]


def _dateline(published: PartialDate | None, text: str, sentences: list[tuple[int, int]],
              lex: Lexicon) -> PartialDate | None:
    """A page dated to the month whose opening names a day of that month ("KYIV, 8 juin")
    was published that day: relative dates then resolve to the day."""
    if published is None or published.precision != "month":
        return published
    for start, end in sentences[:2]:
        for found in find_dates(text[start:end], lex.dates, published):
            if found.date.precision == "day" and found.date.truncate("month") == published:
                return found.date
    return published


def _may_matter(body: str, start: int, end: int, mentions: list[PlaceMention], lex: Lexicon) -> bool:
    """Only sentences that speak of a place or attribute speech need their sources named."""
    return (any(start <= m.start < end for m in mentions) or bool(lex.speech.search(body))
            or bool(lex.according.search(body)) or bool(lex.coref_settlement.search(body))
            or bool(lex.coref_any.search(body)))


def _headline(text: str, start: int, end: int) -> bool:
    """A title line (no final punctuation, few words): it repeats the article, so it is skipped."""
    line_start = start == 0 or text[start - 1] == "\n" or not text[:start].strip()
    line_end = end >= len(text.rstrip()) or "\n" in text[end - 1:end + 1]
    body = text[start:end].strip()
    return (line_start and line_end and len(body.split()) < 16
            and not body.endswith((".", "!", "?", "»", '"', "”", "…")))


# Between two triggers that share one place ("seized … and recaptured"): no sentence break,
# and a coordinating word near the second (coref.yml: coordinated).
COORDINATED_SPAN = re.compile(r"[^.;:!?]{0,80}$")
# The source of a claim known only by its side ("les affirmations russes").
SIDE_SOURCES: dict[Side, str] = {"RU": "Russian sources", "UA": "Ukrainian sources", "third": "other sources"}
# A fronted phrase from the sentence's start to its trigger: no clause break on the way.
OPENING = re.compile(r"[^.,;:!?\n]{0,60}$")
# Kinds a sentence may state without naming the place again ("L'envahisseur a pu progresser").
IMPLICIT_KINDS = ("fighting", "repelled", "advance")
# A back-reference to "the village" is not to a place this large, nor "the city" to a hamlet.
CITY_POPULATION = 20000
# Places named this close before the last one are "just named" too.
RECENT_CHARS = 200
DATELINE_AFTER = re.compile(r"/|,? \d{1,2} |,?\s*\(|\s+[-\u2013\u2014]")
CLAUSE_CUT = re.compile(r"[,;:\u2014\u2013(]")


def _answered_denial(lex: Lexicon, before: str) -> bool:
    """A denial followed by the speaker's own account ("a démenti…, assurant que …")."""
    for match in lex.denial.finditer(before):
        rest = before[match.end():]
        if _reported_clause(lex, rest):
            return True
    return False


def _reported_clause(lex: Lexicon, between: str) -> bool:
    """A speech verb and its 'que'/'that' lie between, after a comma: a new statement.

    Without the comma the speech noun is what is denied ("denied reports that X fell",
    "démentant des informations selon lesquelles…"), and the denial reaches the claim.
    """
    return any(lex.complement.search(between, said.end()) is not None
               and CLAUSE_CUT.search(between, 0, said.start()) is not None
               for said in lex.speech.finditer(between))


def _scope(pattern: re.Pattern[str], body: str, offset: int, trigger: Trigger,
           contrast: re.Pattern[str], triggers: list[Trigger], lex: Lexicon | None = None) -> bool:
    """A sentence-level marker reaches the trigger unless a "but" stands between them.

    A marker after the trigger ("X was taken, Kyiv denied") reaches back only when no
    other trigger follows it: otherwise it is about that one.
    """
    for match in pattern.finditer(body):
        start, end = match.start() + offset, match.end() + offset
        if end <= trigger.start:
            lo, hi = end, trigger.start
        else:
            if any(t.start >= end for t in triggers):
                continue
            lo, hi = trigger.end, start
        between = body[lo - offset:hi - offset]
        if contrast.search(between):
            continue
        if lex is not None and end <= trigger.start and _reported_clause(lex, between):
            continue
        return True
    return False


def _pairs(triggers: list[Trigger], targets: list[Target], text: str,
           lex: Lexicon, mentions: list[PlaceMention]) -> list[tuple[Trigger, Target]]:
    """Each place goes with its nearest trigger, and with close triggers of another kind.

    A trigger whose own object is a place ("la prise de X", "the fall of X") keeps to it,
    so a list of places elsewhere in the sentence goes to the other triggers.
    """
    bound: dict[int, Target] = {}
    participles: set[int] = set()
    for trigger in triggers:
        for target in targets:
            if 0 <= target.start - trigger.end <= 45 and lex.object_link.search(text[trigger.end:target.start]):
                bound[id(trigger)] = target
                break
            if 0 <= trigger.start - target.end <= 2 and not text[target.end:trigger.start].strip():
                # "les zones de la région de Donetsk capturées par…": the participle's place,
                # and no other's.
                bound[id(trigger)] = target
                participles.add(id(trigger))
                break
    for trigger in triggers:
        if id(trigger) not in bound and any(
                0 <= trigger.start - m.end <= 2 and not text[m.end:trigger.start].strip() for m in mentions):
            participles.add(id(trigger))
    # "La région de Sumi est voisine de celle de Koursk, où les forces ukrainiennes ont
    # pénétré": a trigger in a relative clause is about the place the clause hangs on, and
    # no place before it.
    clause_head: dict[int, Target] = {}
    for trigger in triggers:
        before = [g for g in targets if g.end <= trigger.start and not g.coref]
        if before and lex.relative.match(text, before[-1].end, trigger.start):
            clause_head[id(trigger)] = before[-1]
    pairs: list[tuple[Trigger, Target]] = []
    head: tuple[Target, Trigger] | None = None
    for target in targets:
        own = [t for t in triggers if bound.get(id(t)) is target]
        reachable = [t for t in triggers
                     if not (id(t) in clause_head and target.end <= clause_head[id(t)].start)]
        free = [t for t in reachable if id(t) not in bound and id(t) not in participles]
        candidates = own or free or [t for t in reachable
                                     if not target.coref and id(t) not in participles]
        if not candidates:
            # "the capture of Bakhmut": a trigger bound to its own place is no back-reference's.
            head = None
            continue
        ranked = sorted(candidates, key=lambda t: _gap(t.start, t.end, target.start, target.end))
        # A place listed after another ("took X, Y and Z") shares the trigger of the list's head.
        if head is not None and head[1].end <= head[0].start and head[0].end <= target.start \
                and lex.list_link.search(text[head[0].end:target.start]):
            listed = replace(target, list_start=head[0].list_start if head[0].list_start >= 0 else head[0].start)
            head = (listed, head[1])
            pairs.append((head[1], listed))
            continue
        nearest = ranked[0]
        nearest_gap = _gap(nearest.start, nearest.end, target.start, target.end)
        if nearest_gap > MAX_TARGET_GAP or (target.coref and nearest_gap > 60):
            head = None
            continue
        pairs.append((nearest, target))
        head = (target, nearest)
        kinds = {nearest.rule.kind}
        for other in sorted(triggers, key=lambda t: _gap(t.start, t.end, target.start, target.end)):
            gap = _gap(other.start, other.end, target.start, target.end)
            if other is not nearest and gap <= SHARED_TARGET_GAP and other.rule.kind not in kinds \
                    and bound.get(id(other), target) is target:
                pairs.append((other, target))
                kinds.add(other.rule.kind)
    paired = {id(t) for t, _ in pairs}
    for trigger in triggers:
        # "X was seized by Russian troops … and recaptured by Ukrainian troops months later":
        # a trigger no place chose goes with the place of the trigger it is coordinated with.
        if id(trigger) in paired or id(trigger) in participles or id(trigger) in bound:
            continue
        partner = max((t for t, _ in pairs if t.end <= trigger.start), key=lambda t: t.end, default=None)
        between = text[partner.end:trigger.start] if partner is not None else ""
        if partner is not None and COORDINATED_SPAN.match(between) and lex.coordinated.search(between):
            pairs += [(trigger, g) for t, g in pairs if t is partner and not g.locator]
            paired.add(id(trigger))
            continue
        # "Après huit mois d'occupation russe, l'armée est entrée dans Kherson": a phrase
        # put before the main clause, naming no place, is about the main clause's place.
        opening = text.rfind("\n", 0, trigger.start) + 1
        comma = text.find(",", trigger.end)
        if comma != -1 and not any(g.start < comma for g in targets) and OPENING.match(text, opening, trigger.start) \
                and not lex.implicit_blocker.search(text, opening, comma):
            after = [g for g in targets if g.start > comma and not g.locator]
            if after and after[0].start - comma <= MAX_TARGET_GAP:
                pairs.append((trigger, after[0]))
                paired.add(id(trigger))
                continue
        # "Kupiansk, which … after being occupied in 2022": a relative clause is about the
        # place it hangs on (its fighting words are mostly history: "depuis une attaque").
        antecedent = clause_head.get(id(trigger))
        if trigger.rule.kind != "fighting" and antecedent is not None and not antecedent.locator:
            pairs.append((trigger, antecedent))
            paired.add(id(trigger))
    settlements = {id(t) for t, g in pairs if not g.mention.place.is_region}
    return [(t, g) for t, g in pairs if not (g.locator and id(t) in settlements)]


def _post_denier(lex: Lexicon, body: str, offset: int, trigger: Trigger, triggers: list[Trigger],
                 sources: list[SourceHit]) -> tuple[Source, int] | None:
    """"X took Y, a claim denied by Kyiv": the denial is Kyiv's, the claim stays X's."""
    for match in lex.denial.finditer(body):
        start, end = match.start() + offset, match.end() + offset
        if start < trigger.end or any(t.start >= end for t in triggers):
            continue
        for hit in sources:
            if 0 <= hit.start - end <= 30 and lex.agent.search(body[end - offset:hit.start - offset] or " "):
                return hit.source, start
    return None


def _claims(document: Document, text: str, sentence: tuple[int, int], trigger: Trigger,
            target: Target, cues: list[Cue], dates: list[DateMention], speaker: Source,
            default: Side, lex: Lexicon, triggers: list[Trigger],
            sources: list[SourceHit], asserted: dict[tuple[int, str], Side]) -> list[Claim]:
    """The speaker's claim, plus the denial of a named denier when the sentence reports one."""
    denier = _post_denier(lex, text[sentence[0]:sentence[1]], sentence[0], trigger, triggers, sources)
    claim = _claim(document, text, sentence, trigger, target, cues, dates, speaker, default, lex,
                   triggers, asserted, ignore_after=denier[1] if denier else None)
    if claim is None:
        return []
    if claim.stance == "asserts" and claim.kind == "capture" and _answered_denial(
            lex, text[sentence[0]:trigger.start]):
        # "X denied these reports, saying the town is under Kyiv's control": the denial is of
        # the other side's capture, and the town's holder is asserted.
        other: Actor = "RU" if claim.actor == "UA" else "UA"
        return [claim, replace(claim, actor=other, stance="denies",
                               confidence=claim.confidence * 0.8)]
    if claim.stance == "denies":
        claimant = _claimant(lex, text, sentence, claim, sources)
        if claimant is not None:
            # "Les affirmations russes sur la prise de X sont mensongères": the denial
            # reports a claim; its maker asserts it.
            return [claim, replace(claim, stance="asserts", source=claimant, confidence=claim.confidence * 0.8)]
        return [claim]
    if denier is None or denier[0] == speaker:
        return [claim]
    return [claim, replace(claim, stance="denies", source=denier[0], confidence=claim.confidence * 0.9)]


def _first(target: Target) -> int:
    """Where the place, or the list it stands in, begins: 'в X, Y' puts Y inside too."""
    return target.list_start if target.list_start >= 0 else target.start


def _claimant(lex: Lexicon, text: str, sentence: tuple[int, int], claim: Claim,
              sources: list[SourceHit]) -> Source | None:
    """Who made the claim a denial answers, when the sentence says so: "as Moscow claims"
    names the source; "Russian claims" only the side."""
    s_start, s_end = sentence
    for hit in sources:
        if hit.source.side != claim.source.side and hit.source.side in ("RU", "UA") \
                and lex.claimed_by_source.search(text[max(s_start, hit.start - 30):hit.start]):
            return hit.source
    body = text[s_start:s_end]
    for side, pattern in lex.claimed_by:
        if side != claim.source.side and pattern.search(body):
            return Source(SIDE_SOURCES[side], side)
    return None


def _claim(document: Document, text: str, sentence: tuple[int, int], trigger: Trigger,
           target: Target, cues: list[Cue], dates: list[DateMention], speaker: Source,
           default: Side, lex: Lexicon, triggers: list[Trigger],
           asserted: dict[tuple[int, str], Side], ignore_after: int | None = None) -> Claim | None:
    s_start, s_end = sentence
    body = text[s_start:s_end]
    before = _clause_before(text, s_start, trigger.start, MODALITY_WINDOW)
    after = re.split(r"[,;.:]", text[trigger.end:min(s_end, trigger.end + 45)].replace("«", " "), maxsplit=1)[0]
    if lex.hypothetical.search(before) or lex.hypothetical_after.search(after) or body.rstrip().endswith("?"):
        return None
    kind = trigger.rule.kind
    if lex.attempt.search(before) and kind in ("capture", "presence"):
        kind = "fighting"
    lo, hi = min(trigger.start, target.start), max(trigger.end, target.end)
    around = text[max(s_start, lo - 25):min(s_end, hi + 30)]
    if kind == "capture" and not trigger.rule.uncertain and (
            lex.partial.search(around) and not lex.whole.search(around)
            or target.mention.place.is_region and not trigger.rule.whole):
        kind = "presence"
    if kind == "advance" and target.start >= trigger.end and not target.coref \
            and lex.inside_before.search(text[max(trigger.end, _first(target) - 40):_first(target)]) \
            and not lex.inside_not_form.search(target.mention.text):
        kind = "presence"

    negation_zone = _clause_before(text, s_start, trigger.start, NEGATION_WINDOW)
    negated = bool(lex.negation.search(negation_zone)) and not lex.not_negation.search(negation_zone)
    scope_body = body if ignore_after is None else body[:ignore_after - s_start]
    denied = _scope(lex.denial, scope_body, s_start, trigger, lex.contrast, triggers, lex)
    unconfirmed = _scope(lex.unconfirmed, body, s_start, trigger, lex.contrast, triggers)
    stance: Stance = "denies" if (negated or denied or unconfirmed) else "asserts"

    side, explicit = _actor(trigger, cues, text, s_start, speaker, default, stance == "denies", lex)
    earlier = asserted.get((target.mention.place.geonameid, kind))
    if not explicit and stance == "denies" and earlier is not None:
        # A denial that names no side answers the claim already made about the place,
        # even when it comes from the claimant's own side ("the capture of X is premature").
        side = earlier
    actor: Actor = "RU" if side == "RU" else "UA"
    confidence = 0.9 * target.mention.score
    if target.coref:
        confidence *= 0.85
    if not explicit:
        confidence *= 0.8
    if trigger.rule.uncertain:
        confidence *= 0.6
    if unconfirmed and not (negated or denied):
        confidence *= 0.6
    start = s_start + (len(body) - len(body.lstrip()))
    end = s_start + len(body.rstrip())
    return Claim(
        doc=document.id,
        place=target.mention.place,
        place_mention=target.mention.text,
        kind=kind,
        actor=actor,
        stance=stance,
        source=speaker,
        date=(date := _date_for(trigger, dates, document.published, target, text, lex)),
        date_inferred=_inferred(date, trigger, dates, target, text, lex),
        evidence=text[start:end],
        evidence_start=start,
        evidence_end=end,
        confidence=max(0.05, min(1.0, confidence)),
        mention_start=-1 if target.implicit else target.start,
        mention_end=-1 if target.implicit else target.end,
    )


__all__ = ["SourceHit", "extract_claims"]

"""Per-language lexicons, compiled once: the language knowledge of the claim extractor.

Everything a language contributes lives in `frontwatch/nlp/lang/<lang>/*.yml`
(triggers, denials, speech verbs, actors, sources, dates, coreference); the code
below only compiles it. Adding a language adds files, not branches.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from frontwatch.claims.scan import screened
from frontwatch.errors import ConfigError
from frontwatch.records import Side

LANG_DIR = Path(__file__).resolve().parents[1] / "nlp" / "lang"
FLAGS = re.IGNORECASE | re.UNICODE
NEVER = re.compile(r"(?!x)x")
NOTHING = re.compile(r"\A(?!)")
"""A pattern that matches nothing, for a list of patterns the rules search for that a language
leaves empty. Anchored at the text's start, a search tries one position and gives up, where
`NEVER` (a rule's pattern when the rule has none) is tried at every character."""


@dataclass(frozen=True, slots=True)
class TriggerRule:
    kind: str
    pattern: re.Pattern[str]
    invert: bool = False
    uncertain: bool = False
    whole: bool = False
    """Driving the other side out of a place: the whole of it, even a region."""
    actor: Side | None = None
    """Whose forces the trigger word itself implies when the text names no side ("occupied")."""
    negated: bool = False
    """The words say the side is not there ("немає росіян у X", "there are no Russian troops
    in X"): a presence, denied."""
    place_object: str | None = None
    """The kind the verb means when a place is its direct object ("отбить атаку" repels an
    attack, "отбить Кузьминовку" retakes the village): then the subject's side makes it."""
    losses: bool = False
    """A counted direct object counts the side's losses, not a place it lost ("lost more than
    300 personnel in X", « perdu 80 % de ses troupes »): then the word is no trigger."""


@dataclass(frozen=True, slots=True)
class SourceRule:
    name: str
    side: Side
    pattern: re.Pattern[str]
    weak: bool = False
    """The wording names a country, a capital or its forces ("Russia", "Russian troops"): a
    speaker only as the subject of a speech verb, never just for standing near one."""


@dataclass(frozen=True, slots=True)
class DateLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, int]
    ambiguous_months: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    triggers: tuple[TriggerRule, ...]
    negation: re.Pattern[str]
    not_negation: re.Pattern[str]
    denial: re.Pattern[str]
    unconfirmed: re.Pattern[str]
    confirmation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    impossible: re.Pattern[str]
    attempt: re.Pattern[str]
    failure: re.Pattern[str]
    partial: re.Pattern[str]
    whole: re.Pattern[str]
    contrast: re.Pattern[str]
    answer_turn: re.Pattern[str]
    hypothetical_after: re.Pattern[str]
    claimed_by: tuple[tuple[Side, re.Pattern[str]], ...]
    claimed_by_source: re.Pattern[str]
    claimed_unnamed: re.Pattern[str]
    speech: re.Pattern[str]
    according: re.Pattern[str]
    pronoun: re.Pattern[str]
    addressee: re.Pattern[str]
    backward: re.Pattern[str]
    relayed: re.Pattern[str]
    complement: re.Pattern[str]
    complement_dropped: bool
    """Whether the language may leave its complementizer out ("saying Kyiv holds X")."""
    role: re.Pattern[str]
    recap: re.Pattern[str]
    actors: tuple[tuple[Side, re.Pattern[str]], ...]
    self_cue: re.Pattern[str]
    enemy_cue: re.Pattern[str]
    possessive: re.Pattern[str]
    geo_before: tuple[str, ...]
    geo_after: frozenset[str]
    geo_nouns_before: frozenset[str]
    sources: tuple[SourceRule, ...]
    coref_settlement: re.Pattern[str]
    coref_any: re.Pattern[str]
    coref_part: re.Pattern[str]
    coref_village: re.Pattern[str]
    coref_city: re.Pattern[str]
    coref_plural: re.Pattern[str]
    coref_plural_region: re.Pattern[str]
    coref_counts: dict[str, int]
    """Number words of a plural back-reference ("these two towns", "both"): how many places it means."""
    coref_region: re.Pattern[str]
    inside_before: re.Pattern[str]
    into_before: re.Pattern[str]
    inside_not_form: re.Pattern[str]
    not_target_before: re.Pattern[str]
    nearby_before: re.Pattern[str]
    near_before: re.Pattern[str]
    """Words before a place that make it only what something happens near ("a village near X")."""
    not_target_after: re.Pattern[str]
    region_locator_before: re.Pattern[str]
    object_link: re.Pattern[str]
    list_link: re.Pattern[str]
    relative: re.Pattern[str]
    implicit_blocker: re.Pattern[str]
    agent: re.Pattern[str]
    loser: re.Pattern[str]
    loser_after: re.Pattern[str]
    partisan: tuple[tuple[Side, re.Pattern[str]], ...]
    dates: DateLexicon
    families: dict[str, TriggerRule]
    """Trigger word families by lemma: every form of a listed lemma is a trigger."""
    family_stems: dict[str, TriggerRule]
    """Families listed by a stem ("захоп*"), for words whose lemma the dictionary lacks."""
    family_stem: re.Pattern[str]
    """Any of those stems at the start of a word, longest first."""
    regular_endings: tuple[tuple[str, str], ...]
    """Inflection endings and the lemma ending they come from, longest first: a word the
    lemmatizer does not know ("contrôlent" read as an adjective) still finds its family."""
    relations: dict[str, str]
    """The parser's dependency labels mapped onto the common ones (syntax.py)."""
    place_nouns: frozenset[str]
    part_words: frozenset[str]
    """Words that name a part of the place hung on them ("the centre of X", "central X"):
    what the trigger says of that part is said of part of the place."""
    scene_nouns: frozenset[str]
    """Nouns that make a place where fighting goes on ("X, the epicentre of the fighting")."""
    left_cases: frozenset[str]
    """Prepositions that make a place the one a side leaves ("withdrew from X")."""
    border_nouns: frozenset[str]
    """Nouns of a border ("border", "кордон"): a region hung on one with a `border_cases`
    preposition only says where the border runs."""
    border_cases: frozenset[str]
    """Prepositions that hang the far side of a border on it ("the border with X")."""
    negation_words: frozenset[str]
    negation_exceptions: frozenset[str]
    """Words after a negation that make it no negation ("not only", "pas seulement")."""
    speech_nouns: frozenset[str]
    """Nouns of statements ("claim", "заява"): their author asserts what they report."""
    denial_lemmas: frozenset[str]
    attempt_lemmas: frozenset[str]
    failure_lemmas: frozenset[str]
    success_lemmas: frozenset[str]
    cessation_lemmas: frozenset[str]
    """Verbs of stopping: negated, they say the action goes on ("did not stop attacking X")."""
    modal_lemmas: frozenset[str]
    prevention_lemmas: frozenset[str]
    """Words of preventing ("prevent", "empêcher", "запобігти"): what they govern did not happen."""
    allow_lemmas: frozenset[str]
    """Verbs of letting ("дати", "допустить"): negated, what they govern was prevented."""
    purpose_marks: frozenset[str]
    goal_marks: frozenset[str]
    """Prepositions that make a capture the goal of the fight that governs it ("the battle for
    the capture of X", « combats pour la prise de X », "бої за взяття X"): a fight, not a capture."""
    finite_endings: tuple[str, ...]
    """Words that make an adverbial or adnominal clause a purpose ("to", "afin", "щоб"):
    "massed troops on a drive to capture X" reports no capture."""
    speech_lemmas: frozenset[str]
    unaccusative: frozenset[str]
    """Verbs whose "be + participle" is an active past, not a passive ("sont entrées")."""
    intransitive: frozenset[str]
    """Verbs that take no direct object, whatever the parser says ("зайшли українські
    війська": the noun after the verb is its subject)."""
    intransitive_endings: tuple[str, ...]
    """Endings of the lemmas that take no direct object (the reflexive "-ся")."""
    title_side: tuple[tuple[Side, re.Pattern[str]], ...]
    """Words in a person's title that say which side they are on ("ЗСУ", "Russian-installed")."""
    completion_lemmas: frozenset[str] = frozenset()
    """Verbs of finishing ("completed the destruction of the enemy in X"): the troops
    destroyed are no longer there; the side that finished holds the place."""
    object_cases: frozenset[str] = frozenset()
    """Prepositions that make a noun the object of an action noun ("the destruction of enemy
    groups", "знищення ДРГ противника": "" is a bare genitive)."""
    emblems: frozenset[str] = frozenset()
    """Nouns for a side's colours ("flag", "прапор"): whoever raises or tears one down acts,
    and the flag's own side only when no one is named handling it."""
    civilians: frozenset[str] = frozenset()
    """Nouns for people who are no side's forces ("residents", "civilians"): those who stay in a
    place or leave it say nothing of who holds it."""
    casualties: frozenset[str] = frozenset()
    """Nouns for a side's dead and wounded ("losses", "потери"): a side that owns them is the
    one that lost men, not the one that acts ("enemy losses in the battles for X")."""
    encircling: frozenset[str] = frozenset()
    """Words of encircling ("encircled", "окружение"): troops of a side said to be encircled
    are in the place, and the other side closed in on it."""
    encircled_states: frozenset[str] = frozenset()
    """Verbs whose subject is in the state the word after them names ("оказалась в окружении",
    "are encircled", « se retrouver encerclé »): the subject is who is encircled."""
    role_person: re.Pattern[str] = NOTHING
    """Titles that stand for a person ("the spokesman", "le général", "військовослужбовець")."""
    speaker_obliques: frozenset[str] = frozenset()
    """Prepositions that mark the speaker of a speech verb without a subject ("У Генштабі
    повідомили")."""
    author_cases: frozenset[str] = frozenset()
    """Prepositions that mark the author of a speech noun ("claims by X", "les déclarations du
    Kremlin"); "" is a bare genitive."""
    person_pronouns: frozenset[str] = frozenset()
    """Pronouns that stand for a person only ("he", "she")."""
    collective_pronouns: frozenset[str] = frozenset()
    """Plural pronouns that may stand for one body ("they" for a ministry)."""
    continuation: re.Pattern[str] = NOTHING
    """Words that carry a reported statement on into the next sentence ("also", "також")."""
    reported_moods: frozenset[str] = frozenset()
    """Verb moods of reported speech (the French conditional): the last speaker still speaks."""
    reported_forms: re.Pattern[str] = NOTHING
    """Verb forms of reported speech the tagger may miss ("seraient", "aurait")."""
    statement_lemmas: frozenset[str] = field(init=False, compare=False, repr=False)
    """Speech words that are no denial: a statement of its own ends a denial's reach. Every
    trigger asks, so the difference is taken once."""
    word_families: dict[str, TriggerRule | None] = field(init=False, compare=False, repr=False,
                                                         default_factory=dict)
    """The family each word form met so far belongs to by its spelling alone (form, stem or
    regular ending; `candidates.find_triggers`): a document repeats its words, and the stems
    and endings cost a regex and a loop per word."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "statement_lemmas", self.speech_lemmas - self.denial_lemmas)



@functools.cache
def lexicon_digest() -> str:
    """A hash of every lexicon file: a claim model is only valid for the lexicons it saw."""
    digest = hashlib.sha256()
    for path in sorted(LANG_DIR.rglob("*.yml")):
        digest.update(path.relative_to(LANG_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read(lang: str, name: str, *, required: bool = True) -> Any:
    path = LANG_DIR / lang / name
    if not path.is_file():
        if required:
            raise ConfigError(f"{path}: lexicon file missing for language {lang!r}")
        return None
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc})") from exc


def _alternation(patterns: list[str] | None, where: str, searched: bool = False) -> re.Pattern[str]:
    """The patterns as one, screened; `searched`: one the rules search on their own (not a
    rule's, which a PatternSet scans), screened by its first two characters."""
    if not patterns:
        return NOTHING if searched else NEVER
    try:
        return screened(re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS), second=searched)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression ({exc})") from exc


def _sources(lang: str) -> tuple[SourceRule, ...]:
    rules: list[SourceRule] = []
    for entry in (_read(lang, "sources.yml", required=False) or []) + (
        _read("common", "sources.yml", required=False) or []
    ):
        rules.append(SourceRule(entry["name"], entry["side"],
                                _alternation(entry["patterns"], f"{lang}/sources.yml"),
                                weak=bool(entry.get("weak"))))
    return tuple(rules)


def _dates(lang: str) -> DateLexicon:
    data = _read(lang, "dates.yml")
    words = {key: "|".join(sorted(map(re.escape, data.get(key, {})), key=len, reverse=True))
             for key in ("months", "weekdays", "numbers", "units", "seasons")}
    patterns = []
    for raw in data["patterns"]:
        for key, alternation in words.items():
            raw = raw.replace("{" + key + "}", f"(?:{alternation})")
        patterns.append(re.compile(rf"(?<!\w){raw}(?!\w)", FLAGS))
    return DateLexicon(
        months={k.lower(): int(v) for k, v in data["months"].items()},
        weekdays={k.lower(): int(v) for k, v in data["weekdays"].items()},
        numbers={k.lower(): int(v) for k, v in data.get("numbers", {}).items()},
        units={k.lower(): str(v) for k, v in data.get("units", {}).items()},
        seasons={k.lower(): int(v) for k, v in data.get("seasons", {}).items()},
        ambiguous_months=frozenset(m.lower() for m in data.get("ambiguous_months", [])),
        patterns=tuple(patterns),
    )


def _side(value: object, where: str) -> Side | None:
    if value in ("RU", "UA"):
        return "RU" if value == "RU" else "UA"
    if value is not None:
        raise ConfigError(f"{where}: trigger actor must be RU or UA, not {value!r}")
    return None


def _rule(entry: dict[str, Any], pattern: re.Pattern[str], where: str) -> TriggerRule:
    if entry.get("place_object") not in (None, "capture", "presence", "advance", "fighting", "repelled"):
        raise ConfigError(f"{where}: place_object must be a claim kind, not {entry['place_object']!r}")
    return TriggerRule(entry["kind"], pattern, bool(entry.get("invert")), bool(entry.get("uncertain")),
                       whole=bool(entry.get("whole")), actor=_side(entry.get("actor"), where),
                       negated=bool(entry.get("negated")), place_object=entry.get("place_object"),
                       losses=bool(entry.get("losses")))


def _families(entries: list[dict[str, Any]],
              where: str) -> tuple[dict[str, TriggerRule], tuple[tuple[str, TriggerRule], ...]]:
    """Lemmas of every entry (the first entry naming a lemma wins); stems end with '*'."""
    lemmas: dict[str, TriggerRule] = {}
    stems: dict[str, TriggerRule] = {}
    for entry in entries:
        rule = _rule(entry, NEVER, where)
        for value in entry.get("lemmas") or []:
            word = _word(value, f"{where}: lemmas")
            if word.endswith("*"):
                stems.setdefault(word[:-1], rule)
            else:
                lemmas.setdefault(word, rule)
    return lemmas, tuple(sorted(stems.items(), key=lambda item: -len(item[0])))


def _word(value: object, where: str) -> str:
    """A listed word; YAML reads a bare no, yes, on or off as a boolean, which is no word."""
    if not isinstance(value, str):
        raise ConfigError(f"{where}: {value!r} is not a word (quote it: YAML reads no/yes/on/off as booleans)")
    return value.lower()


def _words(data: dict[str, Any], key: str, where: str) -> frozenset[str]:
    return frozenset(_word(w, f"{where}: {key}") for w in data.get(key) or [])


@functools.cache
def load_lexicon(lang: str) -> Lexicon:
    """Compile the lexicons of `lang` (cached per process)."""
    entries = _read(lang, "triggers.yml")
    triggers = tuple(
        _rule(entry, _alternation([pattern], f"{lang}/triggers.yml"), f"{lang}/triggers.yml")
        for entry in entries
        for pattern in entry.get("patterns") or []
    )
    families, family_stems = _families(entries, f"{lang}/triggers.yml")
    pipeline = _read(lang, "pipeline.yml", required=False) or {}
    stance = _read(lang, "denials.yml")
    speech = _read(lang, "speech_verbs.yml")
    actors = _read(lang, "actors.yml")
    coref = _read(lang, "coref.yml")
    narrator = _read(lang, "narrator.yml", required=False) or {}

    def pat(data: dict[str, Any], key: str, file: str) -> re.Pattern[str]:
        return _alternation(data.get(key), f"{lang}/{file}", searched=True)

    return Lexicon(
        lang=lang,
        triggers=triggers,
        negation=pat(stance, "negation", "denials.yml"),
        not_negation=pat(stance, "not_negation", "denials.yml"),
        denial=pat(stance, "denial", "denials.yml"),
        unconfirmed=pat(stance, "unconfirmed", "denials.yml"),
        confirmation=pat(stance, "confirmation", "denials.yml"),
        hypothetical=pat(stance, "hypothetical", "denials.yml"),
        impossible=pat(stance, "impossible", "denials.yml"),
        attempt=pat(stance, "attempt", "denials.yml"),
        failure=pat(stance, "failure", "denials.yml"),
        partial=pat(stance, "partial", "denials.yml"),
        whole=pat(stance, "whole", "denials.yml"),
        contrast=pat(stance, "contrast", "denials.yml"),
        answer_turn=pat(stance, "answer_turn", "denials.yml"),
        hypothetical_after=pat(stance, "hypothetical_after", "denials.yml"),
        claimed_by=tuple((_side(side, f"{lang}/denials.yml") or "third", _alternation(patterns, f"{lang}/denials.yml"))
                         for side, patterns in (stance.get("claimed_by") or {}).items() if patterns),
        claimed_by_source=pat(stance, "claimed_by_source", "denials.yml"),
        claimed_unnamed=pat(stance, "claimed_unnamed", "denials.yml"),
        speech=pat(speech, "speech", "speech_verbs.yml"),
        according=pat(speech, "according", "speech_verbs.yml"),
        pronoun=pat(speech, "pronoun", "speech_verbs.yml"),
        addressee=pat(speech, "addressee", "speech_verbs.yml"),
        backward=pat(speech, "backward", "speech_verbs.yml"),
        relayed=pat(speech, "relayed", "speech_verbs.yml"),
        complement=pat(speech, "complement", "speech_verbs.yml"),
        complement_dropped=bool(speech.get("complement_dropped", False)),
        role=pat(speech, "role", "speech_verbs.yml"),
        recap=pat(speech, "recap", "speech_verbs.yml"),
        actors=tuple((side, _alternation([p], f"{lang}/actors.yml"))
                     for side in ("RU", "UA") for p in actors.get(side, [])),
        self_cue=pat(actors, "self", "actors.yml"),
        enemy_cue=pat(actors, "enemy", "actors.yml"),
        possessive=pat(actors, "possessive", "actors.yml"),
        geo_before=tuple(sorted((w.lower() for w in actors.get("geo_before", [])), key=len, reverse=True)),
        geo_after=frozenset(w.lower() for w in actors.get("geo_after", [])),
        geo_nouns_before=frozenset(w.lower() for w in actors.get("geo_nouns_before", [])),
        sources=_sources(lang),
        coref_settlement=pat(coref, "settlement", "coref.yml"),
        coref_any=pat(coref, "any", "coref.yml"),
        coref_part=pat(coref, "part", "coref.yml"),
        coref_village=pat(coref, "village", "coref.yml"),
        coref_city=pat(coref, "city", "coref.yml"),
        coref_plural=pat(coref, "plural", "coref.yml"),
        coref_plural_region=pat(coref, "plural_region", "coref.yml"),
        coref_counts={_word(k, f"{lang}/coref.yml: counts"): int(v) for k, v in (coref.get("counts") or {}).items()},
        coref_region=pat(coref, "region", "coref.yml"),
        inside_before=pat(coref, "inside_before", "coref.yml"),
        into_before=pat(coref, "into_before", "coref.yml"),
        inside_not_form=pat(coref, "inside_not_form", "coref.yml"),
        not_target_before=pat(coref, "not_target_before", "coref.yml"),
        nearby_before=pat(coref, "nearby_before", "coref.yml"),
        near_before=pat(coref, "near_before", "coref.yml"),
        not_target_after=pat(coref, "not_target_after", "coref.yml"),
        region_locator_before=pat(coref, "region_locator_before", "coref.yml"),
        object_link=pat(coref, "object_link", "coref.yml"),
        list_link=pat(coref, "list_link", "coref.yml"),
        relative=pat(coref, "relative", "coref.yml"),
        implicit_blocker=pat(coref, "implicit_blocker", "coref.yml"),
        agent=pat(actors, "agent", "actors.yml"),
        loser=pat(actors, "loser", "actors.yml"),
        loser_after=pat(actors, "loser_after", "actors.yml"),
        partisan=tuple((side, _alternation(patterns, f"{lang}/narrator.yml"))
                       for side, patterns in narrator.get("partisan", {}).items()),
        dates=_dates(lang),
        families=families,
        family_stems=dict(family_stems),
        family_stem=re.compile("|".join(re.escape(stem) for stem, _ in family_stems) or NEVER.pattern),
        relations={str(k): str(v) for k, v in (pipeline.get("relations") or {}).items()},
        regular_endings=tuple(sorted(((str(k), str(v)) for k, v in (pipeline.get("regular_endings") or {}).items()),
                                     key=lambda item: -len(item[0]))),
        place_nouns=_words(coref, "place_nouns", f"{lang}/coref.yml"),
        part_words=_words(coref, "part_words", f"{lang}/coref.yml"),
        scene_nouns=_words(coref, "scene_nouns", f"{lang}/coref.yml"),
        left_cases=_words(coref, "left_cases", f"{lang}/coref.yml"),
        border_nouns=_words(coref, "border_nouns", f"{lang}/coref.yml"),
        border_cases=_words(coref, "border_cases", f"{lang}/coref.yml"),
        negation_words=_words(stance, "negation_words", f"{lang}/denials.yml"),
        negation_exceptions=_words(stance, "negation_exceptions", f"{lang}/denials.yml"),
        speech_nouns=_words(speech, "speech_nouns", f"{lang}/speech_verbs.yml"),
        denial_lemmas=_words(stance, "denial_words", f"{lang}/denials.yml"),
        attempt_lemmas=_words(stance, "attempt_words", f"{lang}/denials.yml"),
        failure_lemmas=_words(stance, "failure_words", f"{lang}/denials.yml"),
        success_lemmas=_words(stance, "success_words", f"{lang}/denials.yml"),
        cessation_lemmas=_words(stance, "cessation_words", f"{lang}/denials.yml"),
        modal_lemmas=_words(stance, "modal_words", f"{lang}/denials.yml"),
        prevention_lemmas=_words(stance, "prevention_words", f"{lang}/denials.yml"),
        allow_lemmas=_words(stance, "allow_words", f"{lang}/denials.yml"),
        purpose_marks=_words(stance, "purpose_marks", f"{lang}/denials.yml"),
        goal_marks=_words(stance, "goal_marks", f"{lang}/denials.yml"),
        finite_endings=tuple(sorted(_words(stance, "finite_endings", f"{lang}/denials.yml"))),
        speech_lemmas=_words(speech, "speech_words", f"{lang}/speech_verbs.yml"),
        unaccusative=_words(actors, "unaccusative", f"{lang}/actors.yml"),
        intransitive=_words(actors, "intransitive", f"{lang}/actors.yml"),
        intransitive_endings=tuple(sorted(_words(actors, "intransitive_endings", f"{lang}/actors.yml"))),
        completion_lemmas=_words(actors, "completion_words", f"{lang}/actors.yml"),
        object_cases=frozenset(str(w).lower() for w in actors.get("object_cases") or []),
        emblems=_words(actors, "emblems", f"{lang}/actors.yml"),
        civilians=_words(actors, "civilians", f"{lang}/actors.yml"),
        casualties=_words(actors, "casualties", f"{lang}/actors.yml"),
        encircling=_words(actors, "encircling", f"{lang}/actors.yml"),
        encircled_states=_words(actors, "encircled_states", f"{lang}/actors.yml"),
        title_side=tuple((_side(side, f"{lang}/speech_verbs.yml") or "third",
                          _alternation(patterns, f"{lang}/speech_verbs.yml"))
                         for side, patterns in (speech.get("title_side") or {}).items() if patterns),
        role_person=pat(speech, "role_person", "speech_verbs.yml"),
        speaker_obliques=_words(speech, "speaker_obliques", f"{lang}/speech_verbs.yml"),
        author_cases=frozenset(str(w).lower() for w in speech.get("author_cases") or []),
        person_pronouns=_words(speech, "person_pronouns", f"{lang}/speech_verbs.yml"),
        collective_pronouns=_words(speech, "collective_pronouns", f"{lang}/speech_verbs.yml"),
        continuation=pat(speech, "continuation", "speech_verbs.yml"),
        reported_moods=frozenset(str(w) for w in speech.get("reported_moods") or []),
        reported_forms=pat(speech, "reported_forms", "speech_verbs.yml"),
    )

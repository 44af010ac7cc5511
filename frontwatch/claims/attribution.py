"""Who says it: speech verbs and their subjects, "selon X", quotes, the last speaker.

Attribution works on sentences. A sentence's speaker is the subject of its governing speech
verb in the parse (a registry source, a person, or a side named as subject: "Kyiv says",
"les Ukrainiens affirment"), the source after "selon"/"according to", else the source
mention nearest to one of its speech verbs ("X a déclaré", inverted "a indiqué le
ministère", "X said"). A pronoun or a bare title ("he added", "the ministry said") refers
back to the last source of a compatible kind (a person for "he", the same gender and number
where the language marks them); a person's title that refers back to no one ("a soldier said")
is that person's, under the title. Further: the speaker named where a quote closes, the
speaker of a following "C'est ce qu'a annoncé X" / "Про це повідомив X" / "Source: X", the
speaker of the sentence before (within a paragraph, unless the outlet comments: "This
means…") or of the quotes around it, the source an article relays ("The General Staff
reported this on Telegram" near its top) for the article's unattributed sentences, and
otherwise the narrator (the outlet states it as fact).

Wordings that name a country or its forces ("Russia", "Russian troops", "les forces
ukrainiennes") speak only as the subject of a speech verb: standing near one, they are
usually what is said, not who says it. Nor does a source named inside a quotation speak
for the quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from frontwatch.claims.lexicon import Lexicon, SourceRule
from frontwatch.claims.scan import labelled_hits, rule_hits, rule_spans
from frontwatch.claims.syntax import Tree
from frontwatch.nlp.names import nominative_name
from frontwatch.records import Side, Source

QUOTE_OPEN = "«“„"
QUOTE_CLOSE = "»”"
MAX_SPEECH_GAP = 70
MAX_ACCORDING_GAP = 45
CLOSE_SUBJECT = 30
MAX_CARRY = 1
PRONOUN_BEFORE = 20
"""Room for an adverb between a pronoun subject and its verb ("Il a toutefois ajouté")."""
ROLE_BEFORE = 30
ROLE_AFTER = 25
"""A title may follow its verb too ("assure l'état-major", "the ministry said")."""
WEAK_GAP = 25
INVERTED_GAP = 5
"""How close before its speech verb a country or its forces must stand to be the speaker
when the parse does not say ("Russia on Monday said")."""
QUOTED_SPEECH = 30
"""Quoted spans longer than this are someone's words; shorter ones are names ("Tavria")."""
REFER_BACK = 3
"""How many sentences back a pronoun or a title may find the source it stands for."""
NAMED_BACK = 2
"""How far back a pronoun may find a source named in another role than speaker or subject."""
SIDE_SPEAKERS: dict[Side, str] = {"UA": "Ukrainian side", "RU": "Russian side", "third": "narrator"}
"""The source a side named as a subject stands for ("Kyiv says", "les Russes affirment")."""
SIDE_NAMES = frozenset(SIDE_SPEAKERS.values())
CLAUSE_CHILDREN = frozenset({"acl", "acl:relcl", "ccomp", "advcl", "parataxis", "csubj", "xcomp"})
"""Dependents that start a clause of their own: not part of the noun phrase they hang on."""
SHARED_SUBJECT = frozenset({"advcl", "conj", "xcomp"})
"""A speech verb in these relations shares its subject with the verb above ("…, saying",
"ajoutant que", "заявивши")."""
PREDICATES = frozenset({"VERB", "AUX"})
NAMING = frozenset({"appos", "flat", "flat:name", "compound"})
"""Relations by which a name hangs on the title it names."""
NON_FINITE = frozenset({"Ger", "Part", "Inf", "Conv"})


@dataclass(frozen=True, slots=True)
class SourceHit:
    """A span of text that names a source."""

    start: int
    end: int
    source: Source
    weak: bool = False
    """Names a country, a capital or its forces (SourceRule.weak)."""
    person: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A source named as a speaker or a subject, for the pronouns and titles that refer back."""

    sentence: int
    source: Source
    person: bool
    gender: frozenset[str] = frozenset()
    number: frozenset[str] = frozenset()
    start: int = -1


@dataclass(frozen=True, slots=True)
class Subject:
    """What the subject of a speech verb is: a source, a pronoun, a bare title, or other."""

    kind: str
    source: Source | None = None
    span: tuple[int, int] | None = None
    token: int = -1
    person: bool = False
    weak: bool = False
    """A country or its forces: it yields to a name standing closer to the verb."""
    body: SourceHit | None = None
    """A person's title naming only the body the person speaks for ("the spokesman for the
    Southern Defence Forces"): the body, when no person of its side was named before."""


@dataclass(slots=True)
class SpeakerMemory:
    """What attribution remembers across sentences of one document."""

    last: Source | None = None
    last_sentence: int = -10
    people: dict[str, Source] = field(default_factory=dict)
    mentions: list[Mention | SentenceSubjects] = field(default_factory=list)
    """Speakers and sources named as subjects (each sentence's as `SentenceSubjects`, read
    when a pronoun or a title looks back), in text order."""
    named: list[tuple[int, SourceHit]] = field(default_factory=list)
    """Every source named, in any role, with the sentence naming it: a pronoun's last resort,
    so read as a Mention (`_mention`, a walk of the parse) only when a pronoun gets that far."""


@dataclass(slots=True)
class SentenceSubjects:
    """The sources a sentence names as subjects (`_subject_mentions`) other than its speaker,
    read off the parse only when a pronoun or a title a few sentences on looks back to them,
    as few do."""

    index: int
    sentence: tuple[int, int]
    hits: list[SourceHit]
    masked: list[tuple[int, int]]
    speaker: Source | None
    found: list[Mention] | None = None

    def mentions(self, tree: Tree | None) -> list[Mention]:
        if self.found is None:
            self.found = [m for m in _subject_mentions(tree, self.index, self.sentence, self.hits, self.masked)
                          if m.source != self.speaker]
        return self.found


def opposite(side: str) -> Side:
    return "UA" if side == "RU" else "RU"


def side_of_context(text: str, lex: Lexicon) -> Side | None:
    """The side a person's title names through the registry's wordings ("Ukrainian military spokesman").

    Nationality words alone do not count: next to a name they are usually about the
    forces in the quoted statement, not about the speaker.
    """
    best: tuple[int, Side] | None = None
    # Only the rules that match, in the registry's order, each's matches in text order: a
    # rule's first match is the one that counts.
    for start, _, rule in rule_hits(lex.sources, (), text)[0]:
        if not rule.weak and rule.side != "third" and (best is None or start < best[0]):
            best = (start, rule.side)
    return best[1] if best else None


APPOSITION_WORDS = 12
"""An apposition after a name is a title when short ("X, head of the city administration,")."""
_TITLE_END = re.compile(r"[.;:«»“”\"!?]")


def side_of_title(before: str, after: str, lex: Lexicon) -> Side | None:
    """The side a person's title names ("commander of the Tavria group, X", "X, заступник
    начальника … Вооруженных сил РФ"): the words right before the name, back to the last
    sentence mark, and an apposition right after it, up to its comma."""
    title = _TITLE_END.split(before)[-1][-150:]
    said = [m.end() for m in lex.speech.finditer(title)]
    titles = [title[said[-1]:] if said else title]
    if after.lstrip().startswith(","):
        apposition = after.split(",", 2)[1]
        if len(apposition.split()) <= APPOSITION_WORDS:
            titles.append(apposition)
    for title in titles:
        for side, pattern in lex.title_side:
            if pattern.search(title):
                return side
    return None


COMPOUND = re.compile(r"-[^\W\d_A-ZА-ЯІЇЄҐ]")
"""A hyphen and a lower-case word: a name or a side as the first half of a compound
("Kyiv-controlled", "Russian-held"), which qualifies what follows."""


def registry_hits(text: str, lex: Lexicon, offset: int = 0,
                  found: list[tuple[int, int, SourceRule]] | None = None) -> list[SourceHit]:
    """Registry sources named in `text`; the longest of overlapping matches wins. `found`:
    the sources' matches in `text` when a scan for more (`scan.rule_hits`) found them."""
    candidates = list(found) if found is not None else [
        (start, end, rule)
        for rule, spans in zip(lex.sources, rule_spans(lex.sources, text), strict=True)
        for start, end in spans
    ]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[SourceHit] = []
    for start, end, rule in candidates:
        if any(h.start - offset < end and start < h.end - offset for h in taken) or COMPOUND.match(text, end):
            continue
        taken.append(SourceHit(start + offset, end + offset, Source(rule.name, rule.side), weak=rule.weak))
    return sorted(taken, key=lambda h: h.start)


def person_hits(text: str, persons: list[tuple[int, int]], lex: Lexicon,
                memory: SpeakerMemory, sentence: tuple[int, int],
                taken: list[SourceHit], index: int = 0, tree: Tree | None = None) -> list[SourceHit]:
    """People found by NER, with a side from the registry, earlier mentions or context.

    A person whose title is a bare role ("army spokesman X") speaks for the side of the
    last speaker, who usually introduced them ("Ukraine's army refuted the claim…")."""
    hits: list[SourceHit] = []
    s_start, s_end = sentence
    persons = persons + _known_names(text, sentence, memory, persons, tree)
    for start, end in persons:
        if any(h.start < end and start < h.end for h in taken):
            continue
        name = text[start:end].strip()
        surname = _surname(text, start, end, tree)
        known = memory.people.get(surname)
        if known is None or known.side == "third":
            before = _unquote_names(text[max(s_start, start - 90):start])
            after = _said(_unquote_names(text[start:min(s_end, end + 90)]), lex)
            window = _QUOTE_MARK.split(before)[-1] + _QUOTE_MARK.split(after)[0]
            side = side_of_context(window, lex)
            if side is None:
                # The title and what follows the name are read only when the registry's
                # wordings around it name no side.
                title = _unquote_names(text[max(s_start, start - 160):start])
                tail = _said(_unquote_names(text[end:min(s_end, end + 90)]), lex)
                side = side_of_title(title, tail, lex) or _role_side(before, tail, lex, memory, index)
            side = side or "third"
            if known is None or side != "third":
                # A person first named in an oblique case is shown in the nominative where
                # that is certain, so that two articles' cases are one source.
                known = Source(nominative_name(name, lex.lang, text) if known is None else known.name, side)
                memory.people[surname] = known
        hits.append(SourceHit(start, end, known, person=True))
    return hits


NAME_POS = frozenset({"PROPN", "NOUN", "X"})


def _name_only(tree: Tree, start: int, end: int) -> tuple[int, int] | None:
    """A person's name without the words the recogniser swept into it ("Що повідомив
    Трегубов" is Трегубов; a lone "Як" is no one; a name does not run over a line break)."""
    tokens = list(tree.tokens(start, end))
    if not tokens:
        return (start, end)
    while tokens and tree.pos[tokens[0]] not in NAME_POS:
        tokens.pop(0)
    while tokens and tree.pos[tokens[-1]] not in NAME_POS:
        tokens.pop()
    if not tokens or "\n" in tree.text[tree.starts[tokens[0]]:tree.ends[tokens[-1]]]:
        return None
    return tree.starts[tokens[0]], tree.ends[tokens[-1]]


def _said(after: str, lex: Lexicon) -> str:
    """The words after a name up to what the person says ("X explained that Russian troops…")."""
    cut = len(after)
    for pattern in (lex.speech, lex.complement):
        match = pattern.search(after)
        if match:
            cut = min(cut, match.start())
    return after[:cut]


def _role_side(before: str, after: str, lex: Lexicon, memory: SpeakerMemory, index: int) -> Side | None:
    if memory.last is None or memory.last.side == "third" or index - memory.last_sentence > 2:
        return None
    title = _TITLE_END.split(before)[-1][-60:]
    if after.lstrip().startswith(","):
        title += " " + after.split(",", 2)[1]
    if lex.role.search(title) or lex.role_person.search(title):
        return memory.last.side
    return None


_QUOTED_NAME = re.compile(r"[«“\"]([^«»“”\"]{1,30})[»”\"]")
_SPACES = re.compile(r"\s+")
_QUOTE_MARK = re.compile(r"[«»“”\"]")


def _unquote_names(window: str) -> str:
    """Drop the quotes around short names ('the “Khortytsia” group'), keeping the text with
    single spaces, so title wordings match as they would unquoted."""
    return _SPACES.sub(" ", _QUOTED_NAME.sub(r" \1 ", window))


def _surname(text: str, start: int, end: int, tree: Tree | None) -> str:
    """What a person is remembered by: the dictionary form of their last name where the
    parse has one ("Канашевича" → "канашевич"), else its last word."""
    if tree is not None:
        tokens = tree.tokens(start, end)
        if len(tokens) and tree.lemmas[tokens[-1]]:
            return tree.lemmas[tokens[-1]]
    words = text[start:end].split()
    return words[-1].lower() if words else text[start:end].lower()


def _known_names(text: str, sentence: tuple[int, int], memory: SpeakerMemory,
                 persons: list[tuple[int, int]], tree: Tree | None = None) -> list[tuple[int, int]]:
    """Later mentions of a person by surname alone, which the NER often misses."""
    if not memory.people:
        return []
    found: list[tuple[int, int]] = []
    if tree is not None:
        # The words whose lemma is a known surname first: most words of a sentence are none.
        for i in [i for i in tree.tokens(*sentence) if tree.lemmas[i] in memory.people]:
            start, end = tree.starts[i], tree.ends[i]
            if text[start:start + 1].isupper() and end - start >= 4 \
                    and not any(a < end and start < b for a, b in persons):
                found.append((start, end))
        return found
    body = text[sentence[0]:sentence[1]]
    for surname in memory.people:
        if len(surname) < 4:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", body, re.IGNORECASE):
            start, end = sentence[0] + match.start(), sentence[0] + match.end()
            if not body[match.start()].isupper():
                continue
            if not any(a < end and start < b for a, b in persons):
                found.append((start, end))
    return found


def _gap(hit: SourceHit, start: int, end: int) -> int:
    if hit.end <= start:
        return start - hit.end
    if hit.start >= end:
        return hit.start - end
    return 0


def _quote_depth(body: str, depth: int) -> int:
    """How many quotes are open after `body`, given `depth` open before it.

    A straight quote opens when none is open and closes otherwise: English and
    machine-copied texts quote with it alone.
    """
    for char in QUOTE_MARKS.findall(body):
        depth = _quote_step(char, depth)
    return depth


QUOTE_MARKS = re.compile(f"[{QUOTE_OPEN}{QUOTE_CLOSE}\"]")
"""Only these characters change the quote depth: the loops visit them alone."""


def _quote_step(char: str, depth: int) -> int:
    if char in QUOTE_OPEN:
        return depth + 1
    if char in QUOTE_CLOSE:
        return max(0, depth - 1)
    return depth - 1 if depth > 0 else 1


def _open_quote_at_start(sentence: str) -> bool:
    stripped = sentence.lstrip()
    return bool(stripped) and (stripped[0] in QUOTE_OPEN or stripped[0] == '"')


_APPOSITION = re.compile(r"^\s*,\s+(?:[^\s,]+\s+){0,3}$")
_APPOSITION_END = re.compile(r"^(?:\s*[^\s,.;]+){0,2}\s*,")


def _apposition_head(text: str, hit: SourceHit, hits: list[SourceHit]) -> SourceHit:
    """'DeepState, a popular Ukrainian military blog, said': the description is the name's.

    A description is common words ("a popular … blog"); a capitalised name after a comma
    ("…Russian troops, Kyiv said") is a speaker of its own."""
    if text[hit.start:hit.start + 1].isupper():
        return hit
    for other in hits:
        if other.end <= hit.start and _APPOSITION.match(text[other.end:hit.start]) \
                and _APPOSITION_END.match(text[hit.end:hit.end + 30]):
            return other
    return hit


def quoted_spans(body: str, depth: int, offset: int = 0) -> list[tuple[int, int]]:
    """The stretches of a sentence inside quotation marks that hold someone's words (longer
    than a name), given `depth` quotes open before it; offsets into the text."""
    spans: list[tuple[int, int]] = []
    start = 0 if depth > 0 else -1
    for mark in QUOTE_MARKS.finditer(body):
        k, before = mark.start(), depth
        depth = _quote_step(mark.group(), depth)
        if before == 0 and depth > 0:
            start = k
        elif before > 0 and depth == 0:
            if k - start > QUOTED_SPEECH:
                spans.append((offset + start, offset + k + 1))
            start = -1
    if depth > 0 and start >= 0 and len(body) - start > QUOTED_SPEECH:
        spans.append((offset + start, offset + len(body)))
    return spans


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return bool(spans) and any(a <= start and end <= b for a, b in spans)


def is_speech_word(tree: Tree, i: int, lex: Lexicon) -> bool:
    """A speech verb (or noun) by its lemma, or a verb form the speech patterns name."""
    if tree.lemmas[i] in lex.speech_lemmas or tree.words[i] in lex.speech_lemmas:
        return True
    return tree.pos[i] in PREDICATES and lex.speech.fullmatch(tree.text, tree.starts[i], tree.ends[i]) is not None


def subject_token(tree: Tree, verb: int, lex: Lexicon, climb: int = 2) -> int | None:
    """Who speaks by a speech word in the parse: its agent or subject; the author of a speech
    noun ("Moscow's claim", "les déclarations du Kremlin"); "У Генштабі повідомили" without a
    subject; the subject of the verb above for "…, saying" / "ajoutant que"; and for "which"
    in "DeepState, which said", the noun the relative clause hangs on."""
    children = [c for c in tree.children(verb) if not _reported(tree, verb, c, lex)]
    for wanted in ("obl:agent", "nsubj", "expl:subj"):
        for child in children:
            if tree.relations[child] == wanted:
                if tree.pos[child] == "PRON" and tree.heads[verb] != verb \
                        and tree.relations[verb] in ("acl:relcl", "acl"):
                    return tree.heads[verb]
                return child
    if tree.pos[verb] in ("NOUN", "PROPN"):
        for child in children:
            rel, case = tree.relations[child], tree.cases[child]
            if rel == "nmod:poss" or (rel == "nmod" and case in lex.author_cases and (
                    case or "Gen" in tree.feature(child, "Case"))):
                return child
        return None
    for child in children:
        if tree.relations[child] == "obl" and tree.cases[child] in lex.speaker_obliques:
            return child
    if tree.relations[verb] == "parataxis":
        # An incise after the quote ("», affirme l'un des soldats"): what is said is the
        # quote, so the word the parse makes the verb's object after it is its speaker.
        for child in children:
            if child > verb and tree.relations[child] == "obj":
                return child
    head = tree.heads[verb]
    if climb > 0 and head != verb and tree.relations[verb] in SHARED_SUBJECT and tree.pos[head] in PREDICATES \
            and (tree.feature(verb, "VerbForm") & NON_FINITE
                 or any(tree.relations[child] == "cc" for child in children)):
        return subject_token(tree, head, lex, climb - 1)
    return None


def _reported(tree: Tree, verb: int, child: int, lex: Lexicon) -> bool:
    """A word after "that"/"що" following the verb belongs to what is said: a parse that makes
    it the verb's subject is wrong ("повідомили, що окупанти…")."""
    if child < verb:
        return False
    between = tree.text[tree.ends[verb]:tree.starts[child]]
    return lex.complement.search(between) is not None


def _phrase(tree: Tree, head: int) -> list[int]:
    """The tokens of the noun phrase headed by `head`, without the clauses hanging on it."""
    out, stack = [head], [head]
    while stack:
        node = stack.pop()
        for child in tree.children(node):
            if tree.relations[child] not in CLAUSE_CHILDREN:
                out.append(child)
                stack.append(child)
    return sorted(out)


def resolve_subject(tree: Tree, token: int, hits: list[SourceHit], lex: Lexicon, text: str) -> Subject:
    """What a speech verb's subject names: a source (registry, person, or a side: "Kyiv",
    "les Ukrainiens", "Один из украинских военных"), a pronoun, a bare title, or nothing known."""
    spans = [(tree.starts[i], tree.ends[i]) for i in _phrase(tree, token)]
    named = _named_subject(tree, token, hits, spans)
    head_start, head_end = tree.starts[token], tree.ends[token]
    if named is not None and named.span is not None and not named.person \
            and lex.role_person.search(text, head_start, head_end):
        # "The spokesman for the Southern Defence Forces announced": the title is a person's,
        # the one the article named with it, not the body's own statement; unless the name
        # stands on the title or beside it ("начальник Генштаба Валерий Герасимов").
        hit = next(h for h in hits if (h.start, h.end) == named.span)
        if not (hit.start < head_end and head_start < hit.end) and not _names_the_head(tree, token, hit):
            return Subject("role", token=token, person=True, body=hit)
    if named is None and lex.role_person.search(text, head_start, head_end):
        named = _name_after_title(tree, token, hits, spans)
    if named is not None:
        return named
    if _members_titled(tree, token, lex):
        return Subject("role", token=token, person=True)
    if tree.pos[token] == "PRON" or lex.pronoun.fullmatch(text, head_start, head_end):
        return Subject("pronoun", token=token, person=tree.words[token] in lex.person_pronouns)
    lo, hi = spans[0][0], spans[-1][1]
    phrase = text[lo:hi]
    cue = _side_cue(tree, token, text, lo, phrase, lex)
    if cue is not None:
        start, end, side = cue
        return Subject("source", Source(SIDE_SPEAKERS[side], side), (start, end), token, weak=True)
    if lex.role_person.search(phrase):
        return Subject("role", token=token, person=True)
    if lex.role.search(phrase):
        return Subject("role", token=token)
    return Subject("other", token=token)


def _named_subject(tree: Tree, token: int, hits: list[SourceHit], spans: list[tuple[int, int]]) -> Subject | None:
    """The source named in the noun phrase of `token` (its words' `spans`): the one on its
    head first, else one in apposition to its head (the title is the person's: "начальник
    Генштаба генерал Валерий Герасимов" is Gerasimov, whom the article then quotes by name),
    else the nearest that is not a country or its forces."""
    head_start, head_end = tree.starts[token], tree.ends[token]
    # The phrase's words are in text order: a hit outside their whole stretch is in none.
    lo, hi = spans[0][0], spans[-1][1]
    inside = [h for h in hits if lo < h.end and h.start < hi and any(a < h.end and h.start < b for a, b in spans)]
    on_head = [h for h in inside if h.start < head_end and head_start < h.end]
    if not inside:
        return None
    naming = [h for h in inside if not h.weak and _names_the_head(tree, token, h)]
    hit = (on_head or naming or [min(inside, key=lambda h: (h.weak, abs(h.start - head_start)))])[0]
    return Subject("source", hit.source, (hit.start, hit.end), token, hit.person, hit.weak)


def _name_after_title(tree: Tree, token: int, hits: list[SourceHit],
                      spans: list[tuple[int, int]]) -> Subject | None:
    """The person named right after a title's phrase ("начальник відділу комунікацій
    Угруповання об'єднаних сил Віктор Трегубов"): the title is theirs even where the parse
    hangs the name elsewhere. Only words of the title's phrase may stand between them, and no
    punctuation or verb."""
    end = spans[-1][1]
    for hit in hits:
        if not hit.person or hit.start < end:
            continue
        between = tree.tokens(end, hit.start)
        if _TITLE_GAP.fullmatch(tree.text, end, hit.start) is None \
                or any(tree.pos[i] in ("VERB", "AUX") for i in between):
            return None
        return Subject("source", hit.source, (hit.start, hit.end), token, True, hit.weak)
    return None


_TITLE_GAP = re.compile(r"\s*(?:[^\W\d][\w'’-]*\s+){0,3}")


def _names_the_head(tree: Tree, token: int, hit: SourceHit) -> bool:
    """Whether a source stands in apposition to the phrase's head, naming it ("the chief of
    the General Staff Valery Gerasimov": the chief is Gerasimov, not the staff)."""
    for i in tree.tokens(hit.start, hit.end):
        while tree.relations[i] in NAMING and tree.heads[i] != i:
            i = tree.heads[i]
            if i == token:
                return True
    return False


def _impersonal(tree: Tree, verb: int) -> bool:
    """A finite speech verb with no subject at all, not even "it" ("it was reported"):
    the indefinite "they" of Slavic "повідомили", or an impersonal "сообщается"."""
    return not any(tree.relations[c].startswith(("nsubj", "csubj", "expl")) for c in tree.children(verb))


def _main_clause(tree: Tree, i: int) -> bool:
    """Whether a speech word speaks for its sentence rather than for a subordinate clause
    ("two days after Russia declared", "as Russian forces assert", "au point que le Kremlin a
    admis", "the village, which Kyiv says it holds"): no clause on its way to the root is
    relative or opened by a subordinating word. (The parsers often hang "…, ajoute le
    communiqué" on as an adverbial, or "X relate :" as a modifier of X: a finite verb there
    is no subordinate clause.)"""
    node = i
    for _ in range(12):
        relation = tree.relations[node]
        if tree.heads[node] == node or relation == "root":
            return True
        marked = any(tree.relations[c] == "mark" for c in tree.children(node))
        if relation == "acl:relcl" or (relation in ("acl", "advcl") and marked) \
                or (relation == "acl" and not _finite(tree, node)):
            return False
        node = tree.heads[node]
    return True


def _finite(tree: Tree, i: int) -> bool:
    """A finite verb, or a participle with its auxiliary ("a affirmé"): a clause of its own,
    unlike "…, les Ukrainiens affirmant que" or "…, saying"."""
    if tree.pos[i] not in PREDICATES:
        return False
    if "Fin" in tree.feature(i, "VerbForm"):
        return True
    return any(tree.relations[c].startswith("aux") for c in tree.children(i))


def _side_cue(tree: Tree, token: int, text: str, lo: int, phrase: str,
              lex: Lexicon) -> tuple[int, int, Side] | None:
    """A side named as the subject itself ("Kyiv", "les Ukrainiens", "Ukrainian troops"), as
    the nationality of a title ("Украинское командование", "a Ukrainian official"), or after
    "one of" ("Один из украинских военных"); not any noun with a nationality ("Ukrainian
    analysts" are not Ukraine's voice)."""
    word = tree.text[tree.starts[token]:tree.ends[token]]
    titled = bool(lex.role.search(word) or lex.role_person.search(word))
    counted = tree.pos[token] in ("NUM", "PRON", "DET")
    allowed = _phrase(tree, token) if titled else [token] + [
        c for c in tree.children(token) if counted and tree.pos[c] in ("NOUN", "PROPN", "ADJ")]
    spans = [(tree.starts[i], tree.ends[i]) for i in allowed]
    # One scan for all the side patterns (`labelled_hits`), each pattern's matches as its own.
    found = [(start + lo, end + lo, side) for side, start, end in labelled_hits(lex.actors, phrase)]
    found = [c for c in found if any(a < c[1] and c[0] < b for a, b in spans)]
    if not found:
        return None
    return min(found, key=lambda c: (not (c[0] < tree.ends[token] and tree.starts[token] < c[1]), c[0]))


_STOP_MARK = re.compile(r"[.;»«“”]")
"""A sentence mark or a quote between a name and a speech verb: the name is not its subject."""


def _depth(tree: Tree, i: int) -> int:
    return sum(1 for _ in tree.ancestors(i))


def parse_speaker(tree: Tree, text: str, sentence: tuple[int, int], hits: list[SourceHit], lex: Lexicon,
                  masked: list[tuple[int, int]]) -> Subject | None:
    """The subject of the sentence's own speech verbs (those no other speech verb governs),
    highest in the parse first."""
    # `is_speech_word`'s own tests, the lemma and the part of speech read here first: most
    # words of a sentence are neither a speech word nor a verb, and a call each cost more.
    lemmas, words, pos, speech = tree.lemmas, tree.words, tree.pos, lex.speech_lemmas
    verbs = [i for i in tree.tokens(*sentence)
             if (lemmas[i] in speech or words[i] in speech or (pos[i] in PREDICATES and is_speech_word(tree, i, lex)))
             and not _inside(tree.starts[i], tree.ends[i], masked) and _main_clause(tree, i)]
    finite = {v for v in verbs if _finite(tree, v)}
    impersonal: Subject | None = None
    own = [v for v in verbs if not any(a in finite for a in tree.ancestors(v))]
    for verb in sorted(own, key=lambda v: (v not in finite, _depth(tree, v), v)):
        token = subject_token(tree, verb, lex)
        if token is None:
            if verb in finite and _impersonal(tree, verb) and impersonal is None:
                # "Там отметили", "Також зазначається": the body last named speaks on,
                # unless a name stands by the verb after all.
                impersonal = Subject("impersonal", token=verb)
            continue
        subject = resolve_subject(tree, token, hits, lex, text)
        if subject.kind == "other":
            continue
        if subject.span is not None and subject.weak:
            # A country or its forces as the parsed subject yields to a name standing closer
            # to the verb: long sentences are often misparsed ("Russian troops are trying to
            # take X, spokesman Y said").
            v_start, v_end = tree.starts[verb], tree.ends[verb]
            gap = _gap(SourceHit(*subject.span, Source("", "third")), v_start, v_end)
            closer = [h for h in hits if not h.weak and _gap(h, v_start, v_end) < gap
                      and not _STOP_MARK.search(text[min(h.end, v_end):max(h.start, v_start)])
                      and not (h.start >= v_end and lex.complement.search(text[v_end:h.start]))]
            if closer:
                hit = min(closer, key=lambda h: _gap(h, v_start, v_end))
                return Subject("source", hit.source, (hit.start, hit.end), token, hit.person)
        return subject
    return impersonal


_HEADED_QUOTE = re.compile(r"\s*:\s*[«\"“„]")
"""A colon and an opening quote right after a name: the name speaks the quote."""


def sentence_speaker(text: str, sentence: tuple[int, int], hits: list[SourceHit], lex: Lexicon,
                     tree: Tree | None = None, masked: list[tuple[int, int]] | None = None,
                     ) -> tuple[Source | None, tuple[int, int] | None, Subject | None]:
    """The explicit speaker of a sentence and the span naming it; or, when a pronoun or a
    bare title speaks, what is known of it (for the memory to resolve).

    In order: the source after "selon"/"according to"; the subject of the sentence's own
    speech verb in the parse; the source mention nearest a speech verb. A bare title or an
    impersonal verb in the parse yields to a name standing right by the verb."""
    masked = masked or []
    hits = [h for h in hits if not _inside(h.start, h.end, masked)]
    headed = next((h for h in hits if _HEADED_QUOTE.match(text, h.end, sentence[1])), None)
    if headed is not None:
        # "Дослівно DeepState: «Ворог просунувся…»", "Maliar: “Our forces…”": a name the
        # quote follows after a colon is its speaker, whatever the language.
        return headed.source, (headed.start, headed.end), None
    according = _according(text, sentence, hits, lex, tree, masked)
    if according is not None:
        return according.source, according.span, None if according.source else according
    subject = parse_speaker(tree, text, sentence, hits, lex, masked) if tree is not None else None
    if subject is not None and subject.source is not None:
        return subject.source, subject.span, None
    if subject is not None and (subject.kind == "pronoun" or subject.body is not None):
        return None, None, subject
    nearest, fallback = _nearest_to_speech(text, sentence, hits, lex, tree, masked,
                                           inverted=subject is not None and subject.kind == "impersonal")
    if nearest is not None and (subject is None or nearest[0] <= CLOSE_SUBJECT):
        return nearest[1].source, (nearest[1].start, nearest[1].end), None
    return None, None, subject or fallback


def _according(text: str, sentence: tuple[int, int], hits: list[SourceHit], lex: Lexicon,
               tree: Tree | None, masked: list[tuple[int, int]]) -> Subject | None:
    """The source after "selon X", "according to X", "По словам X," (up to the comma that
    ends the phrase, for long titles); a pronoun or title there refers back ("За його
    словами", "По информации министерства")."""
    s_start, _ = sentence
    body = text[s_start:sentence[1]]
    for match in lex.according.finditer(body):
        after = s_start + match.end()
        if _inside(s_start + match.start(), after, masked):
            continue
        phrase_end = body.find(",", match.end())
        reach = max(MAX_ACCORDING_GAP, (phrase_end - match.end()) if phrase_end >= 0 else 0)
        # A country or its forces after the comma that closes the phrase is what the source
        # said ("According to him, Russian troops entered X"), not the source.
        following = [h for h in hits if 0 <= h.start - after <= reach
                     and not (h.weak and 0 <= phrase_end and h.start >= s_start + phrase_end)]
        if following:
            hit = min(following, key=lambda h: (h.weak, h.start))
            return Subject("source", hit.source, (hit.start, hit.end), person=hit.person)
        phrase = text[s_start + match.start():after + (reach if phrase_end >= 0 else MAX_ACCORDING_GAP)]
        if tree is not None:
            pronouns = [i for i in tree.tokens(s_start + match.start(), s_start + match.start() + len(phrase))
                        if tree.pos[i] == "PRON" and lex.pronoun.fullmatch(text, tree.starts[i], tree.ends[i])]
            if pronouns:
                return Subject("pronoun", token=pronouns[0])
        if titled := lex.role_person.search(phrase):
            at = s_start + match.start() + titled.start()
            if tree is None:
                return Subject("role", person=True, token=-1)
            token = tree.token_at(at)
            spans = [(tree.starts[i], tree.ends[i]) for i in _phrase(tree, token)]
            # "Об этом сообщил начальник отдела … Виктор Трегубов": the title's own name.
            named = _named_subject(tree, token, hits, spans)
            if named is None or not named.person:
                named = _name_after_title(tree, token, hits, spans) or named
            if named is not None and named.person:
                return named
            return Subject("role", person=True, token=token)
        if lex.role.search(phrase):
            return Subject("role")
    return None


def _nearest_to_speech(text: str, sentence: tuple[int, int], hits: list[SourceHit], lex: Lexicon,
                       tree: Tree | None, masked: list[tuple[int, int]], inverted: bool = False,
                       ) -> tuple[tuple[int, SourceHit] | None, Subject | None]:
    """The source named nearest a speech verb (the closest within a few words of its verb
    first), and a pronoun or bare title standing by a speech verb when none is named.

    A country or its forces counts only right before its verb, or right after it when the
    parse found the verb without a subject ("опубликовал 16 армейский корпус ВСУ")."""
    s_start, s_end = sentence
    body = text[s_start:s_end]
    pronoun: Subject | None = None
    per_verb: list[tuple[int, SourceHit]] = []
    speech = lex.speech.finditer(body) if tree is None or tree.literals.may_match(lex.speech, s_start, s_end) else ()
    for match in speech:
        v_start, v_end = s_start + match.start(), s_start + match.end()
        subordinate = tree is not None and not _main_clause(tree, tree.root_of(v_start, v_end))
        if subordinate or _inside(v_start, v_end, masked):
            continue
        nearest: tuple[int, SourceHit] | None = None
        for hit in hits:
            if lex.addressee.search(text[max(s_start, hit.start - 12):hit.start]):
                continue
            gap = _gap(hit, v_start, v_end)
            between = text[min(hit.end, v_end):max(hit.start, v_start)]
            if hit.start >= v_end and lex.complement.search(between):
                continue
            if hit.weak and (gap > WEAK_GAP or (hit.start >= v_end and not (inverted and "," not in between)
                                                and not _inverted_after(text, sentence, v_start, hit, gap))):
                continue
            if gap <= MAX_SPEECH_GAP and not _STOP_MARK.search(between):
                if nearest is None or gap < nearest[0]:
                    nearest = (gap, hit)
        if nearest is not None:
            per_verb.append(nearest)
        near = text[max(s_start, v_start - PRONOUN_BEFORE):min(s_end, v_end + 8)]
        if (lex.pronoun.search(near) or lex.role.search(
                text[max(s_start, v_start - ROLE_BEFORE):min(s_end, v_end + ROLE_AFTER)])) \
                and not _passive_at(tree, v_start, v_end):
            pronoun = pronoun or Subject("pronoun")
    if not per_verb:
        return None, pronoun
    close = [p for p in per_verb if p[0] <= CLOSE_SUBJECT]
    gap, hit = close[0] if close else min(per_verb, key=lambda p: p[0])
    return (gap, _apposition_head(text, hit, hits)), pronoun


_INVERSION = re.compile(r"[,»”\"]\s*(?:\S+\s+){0,2}$")


def _inverted_after(text: str, sentence: tuple[int, int], v_start: int, hit: SourceHit, gap: int) -> bool:
    """A subject right after its verb, the verb right after a comma or a closing quote, or the
    subject closing the sentence ("…, a fait savoir l'armée ukrainienne", "…," said the
    Russian army)."""
    if gap > INVERTED_GAP:
        return False
    tail = text[hit.end:sentence[1]].strip(" .!?»”\"\n")
    return not tail or _INVERSION.search(text, sentence[0], v_start) is not None


def _passive_at(tree: Tree | None, start: int, end: int) -> bool:
    """A speech verb with a passive or dummy subject ("it was reported"): no one speaks."""
    if tree is None:
        return False
    root = tree.root_of(start, end)
    return any(tree.relations[c] in ("nsubj:pass", "expl", "expl:pass") for c in tree.children(root))


def _mention(tree: Tree | None, index: int, hit: SourceHit) -> Mention:
    if tree is None:
        return Mention(index, hit.source, hit.person)
    head = tree.root_of(hit.start, hit.end)
    return Mention(index, hit.source, hit.person, tree.feature(head, "Gender"), tree.feature(head, "Number"))


def _subject_mentions(tree: Tree | None, index: int, sentence: tuple[int, int], hits: list[SourceHit],
                      masked: list[tuple[int, int]]) -> list[Mention]:
    """Sources named as the subject of any verb (or as the root of a sentence the parser
    misread), in text order: what a pronoun after them may mean ("La Russie contrôle 19 %…
    Elle affirme…", "Des soldats ukrainiens ont diffusé une vidéo dans laquelle ils disent…")."""
    if tree is None or not hits:
        return []
    found = []
    relations, pos = tree.relations, tree.pos
    for i in [i for i in tree.tokens(*sentence) if relations[i] in ("nsubj", "root") and pos[i] in ("NOUN", "PROPN")]:
        # Only a named source counts here: what else resolve_subject finds is a pronoun, a
        # title or a side (whose names SIDE_NAMES excludes).
        subject = _named_subject(tree, i, hits, [(tree.starts[k], tree.ends[k]) for k in _phrase(tree, i)])
        if subject is not None and subject.source is not None and subject.source.name not in SIDE_NAMES \
                and not _inside(tree.starts[i], tree.ends[i], masked):
            found.append(Mention(index, subject.source, subject.person, tree.feature(i, "Gender"),
                                 tree.feature(i, "Number"), tree.starts[i]))
    return found


def _compatible(subject: Subject, mention: Mention, tree: Tree | None, lex: Lexicon) -> bool:
    """Whether a pronoun or a title can stand for a mention: a person for "he" and for a title
    of a person; the same gender and number where the language marks them."""
    if subject.person and not mention.person:
        return False
    if tree is None or subject.token < 0 or subject.kind != "pronoun":
        return True
    gender, number = tree.feature(subject.token, "Gender"), tree.feature(subject.token, "Number")
    if gender and mention.gender and not gender & mention.gender:
        return False
    return not (number and mention.number and not number & mention.number
                and tree.words[subject.token] not in lex.collective_pronouns)


def refer_back(subject: Subject, memory: SpeakerMemory, index: int, tree: Tree | None,
               lex: Lexicon, current: list[Mention]) -> Mention | None:
    """What a pronoun or a bare title stands for: the latest compatible speaker or subject
    within a few sentences (or before it in its own sentence, `current`); for a pronoun, then
    any source named there ("montre M. Prigojine… clame-t-il"); for a title or an impersonal
    verb, the last speaker. A title of a body ("the ministry", "le communiqué") looks for a
    body first."""
    position = tree.starts[subject.token] if tree is not None and subject.token >= 0 else 1 << 30
    here = [m for m in current if m.start < position]
    remembered: list[Mention] = []
    for entry in memory.mentions:
        if isinstance(entry, Mention):
            remembered.append(entry)
        elif index - entry.index <= REFER_BACK:  # each of its mentions is of sentence `entry.index`
            remembered += entry.mentions(tree)
    recent = [m for m in reversed(remembered + here) if index - m.sentence <= REFER_BACK]
    if subject.kind in ("role", "impersonal") and not subject.person:
        recent = [m for m in recent if not m.person] + [m for m in recent if m.person]
    found = next((m for m in recent if _compatible(subject, m, tree, lex)), None)
    if found is not None:
        return found
    if subject.kind == "pronoun":
        named = (_mention(tree, at, hit) for at, hit in reversed(memory.named) if index - at <= NAMED_BACK)
        return next((m for m in named if _compatible(subject, m, tree, lex)), None)
    if memory.last is not None and index - memory.last_sentence <= REFER_BACK:
        return Mention(index, memory.last, False)
    return None


def _unnamed_person(tree: Tree, subject: Subject, lex: Lexicon, side: Side) -> Source | None:
    """A person the article names only by a title no one before answers to ("– сказав
    військовослужбовець", "says one of the soldiers in the video"): someone who speaks,
    known by that title, not the outlet."""
    if subject.kind != "role" or not subject.person or subject.token < 0:
        return None
    for i in _phrase(tree, subject.token):
        if lex.role_person.search(tree.text, tree.starts[i], tree.ends[i]):
            return Source(tree.lemmas[i] or tree.words[i], side)
    members = _members_titled(tree, subject.token, lex)
    return Source(tree.lemmas[members[0]], side) if members else None


COUNTED = frozenset({"NUM", "PRON", "DET"})


def _members_titled(tree: Tree, token: int, lex: Lexicon) -> list[int]:
    """The titled group a counted subject is taken from ("one of the soldiers", "l'un des
    soldats", "один із військових"): one person of that title speaks. The group is plural,
    so its title is known by its lemma; the lexicon's titles are singular."""
    if tree.pos[token] not in COUNTED:
        return []
    return [c for c in tree.children(token) if tree.relations[c] == "nmod" and tree.pos[c] == "NOUN"
            and lex.role_person.fullmatch(tree.lemmas[c]) is not None]


def attribute(text: str, sentences: list[tuple[int, int]], persons: list[tuple[int, int]],
              lex: Lexicon, narrator: Source, registry: list[list[SourceHit]],
              tree: Tree | None = None,
              found_hits: list[list[SourceHit]] | None = None) -> list[tuple[Source, tuple[int, int] | None]]:
    """The speaker of every sentence (narrator when the outlet speaks) and its span.

    `registry` holds the registry sources named in each sentence (registry_hits); `tree`,
    the document's parse, when there is one. `found_hits`, when given, receives each
    sentence's sources with the people's sides as attribution resolved them.
    """
    if tree is not None:
        persons = [trimmed for trimmed in (_name_only(tree, start, end) for start, end in persons) if trimmed]
    memory = SpeakerMemory()
    explicit: list[tuple[Source | None, tuple[int, int] | None, bool]] = []
    depth = 0
    for index, sentence in enumerate(sentences):
        body = text[sentence[0]:sentence[1]]
        # A registry source the name tagger reads as a person is one ("Hanna Maliar"): "she"
        # in the next sentences can refer back to her.
        people = [p for p in persons if sentence[0] <= p[0] < sentence[1]]
        hits = [replace(h, person=True) if any(a <= h.start and h.end <= b for a, b in people) else h
                for h in registry[index]] if people else list(registry[index])
        hits += person_hits(text, people, lex, memory, sentence, hits, index, tree)
        hits.sort(key=lambda h: h.start)
        if found_hits is not None:
            found_hits.append(hits)
        if index and "\n" in text[sentences[index - 1][1] - 1:sentence[0]]:
            depth = 0
        masked = quoted_spans(body, depth, sentence[0])
        depth = _quote_depth(body, depth)
        source, span, subject = sentence_speaker(text, sentence, hits, lex, tree, masked)
        explicit.append((source, span, subject is not None))
        subjects: list[Mention] | None = None
        mention: Mention | None = None
        if source is not None:
            named = next((h for h in hits if span and h.start == span[0]), None)
            mention = _mention(tree, index, named) if named is not None else Mention(index, source, False)
        elif subject is not None and not (subject.kind == "impersonal" and lex.recap.search(body)):
            # "Раніше повідомлялося": reported earlier, by no one in particular.
            subjects = _subject_mentions(tree, index, sentence, hits, masked)
            mention = refer_back(subject, memory, index, tree, lex, subjects)
            if mention is not None and subject.body is not None \
                    and not (mention.person and mention.source.side == subject.body.source.side):
                mention = None
            if mention is not None:
                source, mention = mention.source, replace(mention, sentence=index)
                explicit[-1] = (source, None, True)
            elif subject.body is not None:
                titled = subject.body
                source, span = titled.source, (titled.start, titled.end)
                mention = _mention(tree, index, titled)
                explicit[-1] = (source, span, False)
            elif tree is not None and (unnamed := _unnamed_person(tree, subject, lex, narrator.side)) is not None:
                source, mention = unnamed, Mention(index, unnamed, True)
                explicit[-1] = (source, None, False)
        memory.mentions.append(SentenceSubjects(
            index, sentence, hits, masked, source, None if subjects is None else [
                m for m in subjects if m.source != source]))
        memory.named.extend((index, h) for h in hits if not _inside(h.start, h.end, masked))
        if source is not None and mention is not None:
            memory.last, memory.last_sentence = source, index
            memory.mentions.append(mention)

    final = {source.name: source for source in memory.people.values()}
    explicit = [(final.get(source.name, source) if source is not None else None, span, pronoun)
                for source, span, pronoun in explicit]
    if found_hits is not None:
        found_hits[:] = [[replace(h, source=final.get(h.source.name, h.source)) if h.person else h for h in hits]
                         for hits in found_hits]
    _backward(text, sentences, explicit, lex)

    relayed = _relayed_source(text, sentences, explicit, lex)

    speakers: list[tuple[Source, tuple[int, int] | None]] = []
    own: list[Source | None] = []
    depth = 0
    carried = 0
    last: tuple[Source | None, int] = (None, -10)
    announced: tuple[Source | None, int] = (None, -10)
    for index, (sentence, (source, span, _)) in enumerate(zip(sentences, explicit, strict=True)):
        body = text[sentence[0]:sentence[1]]
        quoted = depth > 0 or _open_quote_at_start(body)
        if source is None and not lex.recap.search(body):
            if announced[0] is not None and index - announced[1] <= ANNOUNCED_REACH:
                source = announced[0]
            elif last[0] is not None and index - last[1] <= REFER_BACK and _goes_on(tree, text, sentence, lex):
                source = last[0]
        elif span is not None:
            announced = (source, index) if body.rstrip().endswith(":") else (None, -10)
        if source is None and quoted:
            closes, closing = _closing_speaker(text, sentences, explicit, index, depth)
            within = explicit[index + 1:index + 3] if closes is None else explicit[index + 1:closes + 1]
            ahead = next((s for s, _, _ in within if s is not None), None)
            if closing is not None:
                source = closing
            elif last[0] is not None and index - last[1] <= 2:
                source = last[0]
            elif ahead is not None:
                source = ahead
        if source is None and index > 0 and last[1] == index - 1 and last[0] is not None \
                and "\n" not in text[sentences[index - 1][1] - 1:sentence[0]] and carried < MAX_CARRY \
                and not lex.recap.search(body) and (lex.self_cue.search(body) or lex.enemy_cue.search(body)):
            source = last[0]
            carried += 1
        elif source is not None and span is not None:
            carried = 0
        own.append(source)
        if source is not None:
            last = (source, index)
        elif relayed is not None and not lex.recap.search(body):
            source = relayed
        speakers.append((source or narrator, span))
        depth = _quote_depth(body, depth)
    _between_quotes(text, sentences, own, speakers, lex)
    return speakers


ANNOUNCED_REACH = 4
"""How many sentences a speaker announced with a colon ("Що повідомив X:", "X relate :")
goes on speaking for."""


def _goes_on(tree: Tree | None, text: str, sentence: tuple[int, int], lex: Lexicon) -> bool:
    """A sentence that carries on the last speaker's report: it opens with "also"/"також", or
    its main verb is in the mood of reported speech ("les combats se poursuivraient")."""
    body = text[sentence[0]:sentence[1]]
    if lex.continuation.match(body) or lex.reported_forms.search(body):
        return True
    if tree is None or not lex.reported_moods:
        return False
    for i in tree.tokens(*sentence):
        if tree.heads[i] == i or tree.relations[i] == "root":
            verbs = [i] + [c for c in tree.children(i) if tree.relations[c].startswith("aux")]
            return any(tree.feature(v, "Mood") & lex.reported_moods for v in verbs)
    return False


BACKWARD_REACH = 3
"""How many sentences before it a "Про це повідомив X" / "C'est ce qu'a annoncé X" covers."""


def _backward(text: str, sentences: list[tuple[int, int]],
              explicit: list[tuple[Source | None, tuple[int, int] | None, bool]], lex: Lexicon) -> None:
    """"Про це повідомив X", "Source: X": X said what comes right before, back over the
    unattributed sentences of the paragraph before (a lead paragraph and its attribution)."""
    for index in range(1, len(sentences)):
        source = explicit[index][0]
        if source is None or not lex.backward.match(text[sentences[index][0]:sentences[index][1]]):
            continue
        breaks = 0
        for k in range(index - 1, max(-1, index - 1 - BACKWARD_REACH), -1):
            breaks += _paragraph_break(text, sentences, k + 1)
            if explicit[k][0] is not None or breaks > 1:
                break
            if text[sentences[k][0]:sentences[k][1]].strip():
                explicit[k] = (source, None, False)


def _paragraph_break(text: str, sentences: list[tuple[int, int]], index: int) -> bool:
    """Whether a line break separates sentence `index` from the one before."""
    return index > 0 and "\n" in text[sentences[index - 1][1] - 1:sentences[index][0] + 1]


def _between_quotes(text: str, sentences: list[tuple[int, int]], own: list[Source | None],
                    speakers: list[tuple[Source, tuple[int, int] | None]], lex: Lexicon) -> None:
    """A sentence left to the narrator between a speaker's statement and a quote of the same
    speaker that opens right after it paraphrases that speaker ("…,” he said. The Russians are
    pressing. “The town…")."""
    for index in range(1, len(sentences) - 1):
        before, after = own[index - 1], own[index + 1]
        body = text[sentences[index][0]:sentences[index][1]]
        following = text[sentences[index + 1][0]:sentences[index + 1][1]]
        if own[index] is None and before is not None and before == after \
                and _open_quote_at_start(following) and not lex.recap.search(body):
            speakers[index] = (before, speakers[index][1])


RELAYED_WITHIN = 3


def _closing_speaker(text: str, sentences: list[tuple[int, int]],
                     explicit: list[tuple[Source | None, tuple[int, int] | None, bool]],
                     index: int, depth: int) -> tuple[int | None, Source | None]:
    """Where the quote around sentence `index` closes and the speaker named there ("“…. ….,” X
    said"). A speaker named after the close is not the quote's."""
    for k in range(index, min(len(sentences), index + 4)):
        body = text[sentences[k][0]:sentences[k][1]]
        depth = _quote_depth(body, depth)
        if depth <= 0:
            return k, (explicit[k][0] if k > index else None)
    return None, None


def _relayed_source(text: str, sentences: list[tuple[int, int]],
                    explicit: list[tuple[Source | None, tuple[int, int] | None, bool]],
                    lex: Lexicon) -> Source | None:
    """The source a whole article relays: "X stated this on Telegram" / "Про це повідомляє X"
    among its first sentences, with X named there."""
    opening = [index for index, (start, end) in enumerate(sentences) if text[start:end].strip()][:RELAYED_WITHIN]
    for index in opening:
        start, end = sentences[index]
        source = explicit[index][0]
        if source is not None and lex.relayed.search(text[start:end]):
            return source
    return None

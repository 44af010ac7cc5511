"""Who says it: speech verbs and their subjects, "selon X", quotes, the last speaker.

Attribution works on sentences. A sentence's speaker is the source mention nearest to
one of its speech verbs ("X a déclaré", inverted "a indiqué le ministère", "X said"),
the source after "selon"/"according to", the last speaker for a pronoun or a bare title
("he added", "the ministry said"), the speaker named where a quote closes, the speaker of a
following "C'est ce qu'a annoncé X" / "Про це повідомив X", the speaker of the sentence
before (within a paragraph, unless the outlet comments: "This means…") or of the quotes
around it, the source an article relays ("The General Staff reported this on Telegram"
near its top) for the article's unattributed sentences, and otherwise the narrator (the
outlet states it as fact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontwatch.claims.lexicon import Lexicon
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


@dataclass(frozen=True, slots=True)
class SourceHit:
    """A span of text that names a source."""

    start: int
    end: int
    source: Source


@dataclass(slots=True)
class SpeakerMemory:
    """What attribution remembers across sentences of one document."""

    last: Source | None = None
    last_sentence: int = -10
    people: dict[str, Source] = field(default_factory=dict)


def opposite(side: str) -> Side:
    return "UA" if side == "RU" else "RU"


def side_of_context(text: str, lex: Lexicon) -> Side | None:
    """The side a person's title names through the registry's wordings ("Ukrainian military spokesman").

    Nationality words alone do not count: next to a name they are usually about the
    forces in the quoted statement, not about the speaker.
    """
    best: tuple[int, Side] | None = None
    for rule in lex.sources:
        match = rule.pattern.search(text)
        if match and rule.side != "third" and (best is None or match.start() < best[0]):
            best = (match.start(), rule.side)
    return best[1] if best else None


_TITLE_END = re.compile(r"[.;:«»“”\"!?]")


def side_of_title(before: str, after: str, lex: Lexicon) -> Side | None:
    """The side a person's title names ("commander of the Tavria group, X", "X, заступник
    начальника … Вооруженных сил РФ"): the words right before the name, back to the last
    sentence mark, and an apposition right after it, up to its comma."""
    title = _TITLE_END.split(before)[-1][-80:]
    if after.lstrip().startswith(","):
        title += " " + after.split(",", 2)[1]
    for side, pattern in lex.title_side:
        if pattern.search(title):
            return side
    return None


def registry_hits(text: str, lex: Lexicon, offset: int = 0) -> list[SourceHit]:
    """Registry sources named in `text`; the longest of overlapping matches wins."""
    if not lex.sources_any.search(text):
        return []
    candidates = [
        (match.start(), match.end(), rule)
        for rule in lex.sources
        for match in rule.pattern.finditer(text)
    ]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[SourceHit] = []
    for start, end, rule in candidates:
        if any(h.start - offset < end and start < h.end - offset for h in taken):
            continue
        taken.append(SourceHit(start + offset, end + offset, Source(rule.name, rule.side)))
    return sorted(taken, key=lambda h: h.start)


def person_hits(text: str, persons: list[tuple[int, int]], lex: Lexicon,
                memory: SpeakerMemory, sentence: tuple[int, int],
                taken: list[SourceHit]) -> list[SourceHit]:
    """People found by NER, with a side from the registry, earlier mentions or context."""
    hits: list[SourceHit] = []
    s_start, s_end = sentence
    persons = persons + _known_names(text, sentence, memory, persons)
    for start, end in persons:
        if any(h.start < end and start < h.end for h in taken):
            continue
        name = text[start:end].strip()
        surname = name.split()[-1].lower() if name.split() else name.lower()
        known = memory.people.get(surname)
        if known is None or known.side == "third":
            before = _unquote_names(text[max(s_start, start - 90):start])
            after = _unquote_names(text[start:min(s_end, end + 90)])
            window = re.split(r"[«»“”\"]", before)[-1] + re.split(r"[«»“”\"]", after)[0]
            side = (side_of_context(window, lex)
                    or side_of_title(before, _unquote_names(text[end:min(s_end, end + 90)]), lex) or "third")
            if known is None or side != "third":
                known = Source(name if known is None else known.name, side)
                memory.people[surname] = known
        hits.append(SourceHit(start, end, known))
    return hits


_QUOTED_NAME = re.compile(r"[«“\"]([^«»“”\"]{1,30})[»”\"]")


def _unquote_names(window: str) -> str:
    """Drop the quotes around short names ('the “Khortytsia” group'), keeping the text with
    single spaces, so title wordings match as they would unquoted."""
    return re.sub(r"\s+", " ", _QUOTED_NAME.sub(r" \1 ", window))


def _known_names(text: str, sentence: tuple[int, int], memory: SpeakerMemory,
                 persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Later mentions of a person by surname alone, which the NER often misses."""
    if not memory.people:
        return []
    found: list[tuple[int, int]] = []
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
    for char in body:
        if char in QUOTE_OPEN:
            depth += 1
        elif char in QUOTE_CLOSE:
            depth = max(0, depth - 1)
        elif char == '"':
            depth = depth - 1 if depth > 0 else 1
    return depth


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


def sentence_speaker(text: str, sentence: tuple[int, int], hits: list[SourceHit],
                     lex: Lexicon) -> tuple[Source | None, tuple[int, int] | None, bool]:
    """The explicit speaker of a sentence, the span naming it, and whether a pronoun speaks."""
    s_start, s_end = sentence
    body = text[s_start:s_end]
    for match in lex.according.finditer(body):
        after = s_start + match.end()
        following = [h for h in hits if 0 <= h.start - after <= MAX_ACCORDING_GAP]
        if following:
            hit = min(following, key=lambda h: h.start)
            return hit.source, (hit.start, hit.end), False
    pronoun = False
    per_verb: list[tuple[int, SourceHit]] = []
    for match in lex.speech.finditer(body):
        v_start, v_end = s_start + match.start(), s_start + match.end()
        nearest: tuple[int, SourceHit] | None = None
        for hit in hits:
            if lex.addressee.search(text[max(s_start, hit.start - 12):hit.start]):
                continue
            gap = _gap(hit, v_start, v_end)
            between = text[min(hit.end, v_end):max(hit.start, v_start)]
            if hit.start >= v_end and lex.complement.search(between):
                continue
            if gap <= MAX_SPEECH_GAP and not re.search(r"[.;»«“”]", between):
                if nearest is None or gap < nearest[0]:
                    nearest = (gap, hit)
        if nearest is not None:
            per_verb.append(nearest)
        near = text[max(s_start, v_start - PRONOUN_BEFORE):min(s_end, v_end + 8)]
        if lex.pronoun.search(near) \
                or lex.role.search(text[max(s_start, v_start - ROLE_BEFORE):min(s_end, v_end + ROLE_AFTER)]):
            pronoun = True
    if per_verb:
        close = [p for p in per_verb if p[0] <= CLOSE_SUBJECT]
        gap, hit = close[0] if close else min(per_verb, key=lambda p: p[0])
        hit = _apposition_head(text, hit, hits)
        return hit.source, (hit.start, hit.end), False
    return None, None, pronoun


def attribute(text: str, sentences: list[tuple[int, int]], persons: list[tuple[int, int]],
              lex: Lexicon, narrator: Source,
              registry: list[list[SourceHit]]) -> list[tuple[Source, tuple[int, int] | None]]:
    """The speaker of every sentence (narrator when the outlet speaks) and its span.

    `registry` holds the registry sources named in each sentence (registry_hits).
    """
    memory = SpeakerMemory()
    explicit: list[tuple[Source | None, tuple[int, int] | None, bool]] = []
    for index, sentence in enumerate(sentences):
        hits = list(registry[index])
        hits += person_hits(text, [p for p in persons if sentence[0] <= p[0] < sentence[1]],
                            lex, memory, sentence, hits)
        hits.sort(key=lambda h: h.start)
        source, span, pronoun = sentence_speaker(text, sentence, hits, lex)
        explicit.append((source, span, pronoun))
        if source is not None:
            memory.last, memory.last_sentence = source, index
        elif pronoun and memory.last is not None and index - memory.last_sentence <= 3:
            explicit[-1] = (memory.last, None, True)
            memory.last_sentence = index

    for index in range(1, len(sentences)):
        source, span, _ = explicit[index]
        body = text[sentences[index][0]:sentences[index][1]]
        if source is not None and explicit[index - 1][0] is None and lex.backward.match(body):
            explicit[index - 1] = (source, None, False)

    relayed = _relayed_source(text, sentences, explicit, lex)

    speakers: list[tuple[Source, tuple[int, int] | None]] = []
    own: list[Source | None] = []
    depth = 0
    carried = 0
    last: tuple[Source | None, int] = (None, -10)
    for index, (sentence, (source, span, _)) in enumerate(zip(sentences, explicit, strict=True)):
        body = text[sentence[0]:sentence[1]]
        quoted = depth > 0 or _open_quote_at_start(body)
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
                and not lex.recap.search(body):
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
    for index, (start, end) in enumerate(sentences[:RELAYED_WITHIN]):
        source = explicit[index][0]
        if source is not None and lex.relayed.search(text[start:end]):
            return source
    return None

"""Every match of each of many lexicon patterns in one text, in about one pass.

The lexicons list triggers, sources and sides as dozens of patterns, and each sentence used
to be searched once per pattern. Here the positions where any one matches are found, and
at each such position the patterns that can begin there are matched. The spans are exactly
those of each pattern's own `finditer`: a pattern's next match is the first position at or
after the end of its last.

Most positions of a sentence can begin no pattern at all: the characters each pattern can
begin with, read from the parsed pattern, and the word boundary most begin at, are checked
first. Where one stands, its first three characters pick the patterns that can begin with
them (at many positions, none); where several can, one alternation of only those says whether
any matches there (an alternation of all of them, tried branch by branch, cost more than
the rest of the scan). Only then are they matched one by one."""

from __future__ import annotations

import importlib
import itertools
import operator
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar


class HasPattern(Protocol):
    @property
    def pattern(self) -> re.Pattern[str]: ...


class PatternSet:
    """Scans a text for all of `patterns` at once (see the module's docstring)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        self.contained: bool | None = None
        flags = {p.flags for p in self.patterns}
        # Combining is exact only when all share their flags and no pattern refers back to a
        # group (named groups are dropped from the combined scan; each pattern's own match
        # still fills them in); otherwise each scans on its own.
        plain = [_without_groups(p) for p in self.patterns]
        self.combined = len(flags) == 1 and all(source is not None for source in plain)
        if self.combined:
            flag = flags.pop()
            # Patterns that can only begin at a word boundary are tried only there: one `\b`
            # test spares most positions of a sentence; a class of first characters, most
            # of the rest.
            openings = [_opening(p) for p in self.patterns]
            kinds: dict[tuple[str, bool], list[int]] = {}
            for k, p in enumerate(self.patterns):
                kinds.setdefault((_lead(p), openings[k] is not None), []).append(k)
            parts = []
            for (lead, known), members in kinds.items():
                union: set[str] = set()
                for k in members:
                    union |= openings[k] or set()
                parts.append(lead + ("(?=" + _class(union) + ")" if known else ""))
            self.anywhere = re.compile("|".join(parts), flag)
            self.plain = [source or "" for source in plain]
            self.bodies = [_unscreened(source or "", _lead(p), openings[k], _second(p))
                           for k, (source, p) in enumerate(zip(plain, self.patterns, strict=True))]
            self.flag = flag
            self.opening = [re.compile(_class(o), flag) if o is not None else None for o in openings]
            self.heads = [_heads(p) for p in self.patterns]
            self.starting: dict[str, tuple[int, ...]] = {}
            self.by_head: dict[str, tuple[tuple[int, ...], re.Pattern[str] | None]] = {}
            self.any_of: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _starting(self, char: str) -> tuple[int, ...]:
        """The patterns that can begin with `char` (any character, for an unknown opening)."""
        known = self.starting.get(char)
        if known is None:
            known = self.starting[char] = tuple(
                k for k, opening in enumerate(self.opening) if opening is None or opening.match(char))
        return known

    def _at_head(self, head: str) -> tuple[tuple[int, ...], re.Pattern[str] | None]:
        """The patterns that can begin with `head`, a position's first `HEAD` characters
        (fewer at the text's end), and the alternation of them (None for one or none).

        Most positions that pass the screen begin a word that no pattern begins with: their
        first characters rule them out with one look-up, where the alternation of the
        patterns of their first character cost a regex call each. Each pattern's openings
        are tested with its own flags, so case-blind matching treats them as the pattern
        does ("ſ" as "s")."""
        known = self.by_head.get(head)
        if known is None:
            starting = tuple(k for k in self._starting(head[:1])
                             if self.heads[k] is None or self.heads[k].fullmatch(head))  # type: ignore[union-attr]
            any_of = self._any_of(starting) if len(starting) > 1 else None
            known = self.by_head[head] = (starting, any_of)
        return known

    def _any_of(self, starting: tuple[int, ...]) -> re.Pattern[str]:
        """One alternation of the patterns `starting`: whether any of them matches at a
        position is one call, which tries only those. Its branches leave out the
        first-character test `screened` put in front of a pattern: the position passed it
        already, and each pattern still matches on its own after."""
        known = self.any_of.get(starting)
        if known is None:
            known = self.any_of[starting] = re.compile(
                "|".join(f"(?:{self.bodies[k]})" for k in starting), self.flag)
        return known

    def self_contained(self) -> bool:
        """Whether every pattern is `_self_contained` (read once per set)."""
        if self.contained is None:
            self.contained = all(map(_self_contained, self.patterns))
        return self.contained

    def spans(self, text: str) -> list[list[tuple[int, int]]]:
        """For each pattern, in order, the (start, end) of every match `finditer` gives."""
        return [[m.span() for m in found] if found else [] for found in self.matches(text)]

    def matches(self, text: str) -> list[list[re.Match[str]]]:
        """For each pattern, in order, the matches `finditer` gives (groups included)."""
        found = self.found(text)
        return [found.get(k, []) for k in range(len(self.patterns))]

    def found(self, text: str) -> dict[int, list[re.Match[str]]]:
        """`matches`, only the patterns that match: pattern index → its matches. Most
        sentences match few of a lexicon's patterns, and empty lists for the rest cost more
        than the scan."""
        if not self.combined:
            return {k: hits for k, p in enumerate(self.patterns) if (hits := list(p.finditer(text)))}
        found: dict[int, list[re.Match[str]]] = {}
        resume: dict[int, int] = {}
        empty: set[int] = set()
        by_head, patterns = self.by_head, self.patterns
        for position in self.anywhere.finditer(text):
            at = position.start()
            head = text[at:at + HEAD]
            known = by_head.get(head)
            if known is None:
                known = self._at_head(head)
            starting, any_of = known
            if not starting:
                continue  # most positions: no pattern begins with these characters
            # The alternation spares a call per pattern where none matches; for a single
            # pattern it would be one call more.
            if any_of is not None and any_of.match(text, at) is None:
                continue
            for k in starting:
                if at < resume.get(k, 0):
                    continue
                hit = patterns[k].match(text, at)
                if hit is None:
                    continue
                if hit.end() == at:
                    empty.add(k)  # finditer's rules after an empty match: let it apply them
                found.setdefault(k, []).append(hit)
                resume[k] = hit.end()
        for k in empty:
            found[k] = list(self.patterns[k].finditer(text))
        return found


def screened(pattern: re.Pattern[str], second: bool = False) -> re.Pattern[str]:
    """The same pattern behind a test of the characters it can begin with (and of a word
    boundary, when every match begins at one): a search then tries the whole alternation only
    where one of them stands. Matches, groups and their numbers are the pattern's own. A
    pattern anchored at the start of the text is returned as it is: it is quick already. With
    `second`, the character after the first is tested too where the pattern allows
    (`_screen`): for a pattern searched on its own, not through a PatternSet."""
    opening = _opening(pattern)
    if opening is None or _anchored(pattern):
        return pattern
    try:
        screen = _screen(opening, _second(pattern) if second else None)
        return re.compile(_lead(pattern) + "(?=" + screen + ")(?:" + pattern.pattern + ")", pattern.flags)
    except re.error:  # a global flag inside the pattern's source, say
        return pattern


def _screen(opening: set[str], second: str | None) -> str:
    """The test of a position's first character, and of the one after it when every match is
    at least two characters long: most words of a sentence begin with a letter some pattern
    of a long alternation begins with, and were tried branch by branch; far fewer go on
    with a letter one of them can continue with."""
    return _class(opening) + (second or "")


def _second(pattern: re.Pattern[str]) -> str | None:
    """The class of the characters a match of `pattern` can have second (maybe more), or None
    when some match may be shorter than two characters or its second is anything."""
    read = _read(pattern, lambda items, constants: _sequence_prefixes(items, constants, 2))
    if not read or any(len(prefix) < 2 for prefix in read):
        return None
    members: set[str] = set()
    for _, char in read:
        if char == _ANY:
            return None
        members.add(char[1:-1] if char.startswith("[") else char)  # a class's members, or an escaped char
    return _class(members)


def _unscreened(source: str, lead: str, opening: set[str] | None, second: str | None = None) -> str:
    """The pattern `screened` wrapped in `source` (with or without its `second` test), or
    `source` itself when it is not such a wrapper. Without the wrapper's tests it matches
    wherever the whole does, and maybe more: only a screen for the whole, never its stand-in."""
    if opening is None:
        return source
    for screen in dict.fromkeys((_screen(opening, second), _screen(opening, None))):
        front = lead + "(?=" + screen + ")(?:"
        if source.startswith(front) and source.endswith(")"):
            return source[len(front):-1]
    return source


def _anchored(pattern: re.Pattern[str]) -> bool:
    """Whether some branch of `pattern` begins with `^` or `\\A`; an unknown form counts as so."""
    found = _read(pattern, _some_branch_anchored)
    return True if found is None else found


def _some_branch_anchored(items: Any, constants: Any) -> bool:
    if not items:
        return False
    op, argument = items[0]
    if op is constants.AT:
        return argument in (constants.AT_BEGINNING, constants.AT_BEGINNING_STRING, constants.AT_BEGINNING_LINE)
    if op is constants.SUBPATTERN:
        return _some_branch_anchored(argument[3].data, constants)
    if op is constants.BRANCH:
        return any(_some_branch_anchored(branch.data, constants) for branch in argument[1])
    return False


_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")


def _without_groups(pattern: re.Pattern[str]) -> str | None:
    """The pattern's source with its named groups made plain, or None when it has other
    groups (or refers back to one): a combined scan must not renumber them."""
    if not pattern.groups:
        return pattern.pattern
    if pattern.groups != len(pattern.groupindex) or "(?P=" in pattern.pattern:
        return None
    source, named = _NAMED_GROUP.subn("(?:", pattern.pattern)
    try:
        plain = re.compile(source, pattern.flags)
    except re.error:
        return None
    return source if named == pattern.groups and not plain.groups else None


def _lead(pattern: re.Pattern[str]) -> str:
    """The zero-width test every match of `pattern` begins with, read from the parsed pattern:
    a word boundary (`\\b`), no word character before (`(?<!\\w)`), or "" when there is none
    this knows (then no position is skipped)."""
    return _read(pattern, _leading_test) or ""


def _leading_test(items: Any, constants: Any) -> str:
    if not items:
        return ""
    op, argument = items[0]
    if op is constants.AT:
        return r"\b" if argument is constants.AT_BOUNDARY else ""
    if op is constants.ASSERT_NOT:
        direction, inner = argument
        after_word = [(constants.IN, [(constants.CATEGORY, constants.CATEGORY_WORD)])]
        return r"(?<!\w)" if direction == -1 and inner.data == after_word else ""
    if op is constants.SUBPATTERN:
        _, added, removed, inner = argument  # a group, with the flags it sets or clears
        return "" if added or removed else _leading_test(inner.data, constants)
    if op is constants.BRANCH:
        leads = {_leading_test(branch.data, constants) for branch in argument[1]}
        return leads.pop() if len(leads) == 1 else ""
    return ""


_T = TypeVar("_T")


def _read(pattern: re.Pattern[str], reader: Callable[[Any, Any], _T]) -> _T | None:
    """`reader` applied to the parsed pattern and the parser's constants; None when this
    Python's parser is not the one it knows."""
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        return reader(parser.parse(pattern.pattern, pattern.flags).data, constants)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError, re.error):
        return None


HEAD = 3
"""How many characters of a position pick the patterns tried there."""

_HEADS_AT_MOST = 4096
"""More openings than this, and a pattern is screened by its first character only."""


def _heads(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern, with `pattern`'s flags, that matches every `HEAD` characters a match of
    `pattern` can begin with (and maybe more; fewer at the text's end where a match may be
    that short); None for a form this does not know."""
    read = _read(pattern, lambda items, constants: _sequence_prefixes(items, constants, HEAD))
    if not read or len(read) > _HEADS_AT_MOST:
        return None
    branches = ("".join(prefix) + (f"{_ANY}{{0,{HEAD - len(prefix)}}}" if len(prefix) < HEAD else "")
                for prefix in sorted(read))
    try:
        return re.compile("|".join(branches), pattern.flags)
    except re.error:
        return None


_ANY = r"[\s\S]"


def _sequence_prefixes(items: Any, constants: Any, n: int) -> set[tuple[str, ...]] | None:
    """The first `n` characters (as one-character patterns) a sequence of parsed items can
    match; a shorter prefix is a whole match. None for a form this does not know."""
    done: set[tuple[str, ...]] = set()
    current: set[tuple[str, ...]] = {()}
    for op, argument in items:
        following: set[tuple[str, ...]] = set()
        for prefix in current:
            found = _item_prefixes(op, argument, constants, n - len(prefix))
            if found is None:
                return None
            following |= {prefix + more for more in found}
        done |= {prefix for prefix in following if len(prefix) >= n}
        current = {prefix for prefix in following if len(prefix) < n}
        if len(done) + len(current) > _HEADS_AT_MOST:
            return None
        if not current:
            break
    return done | current


def _item_prefixes(op: Any, argument: Any, c: Any, n: int) -> set[tuple[str, ...]] | None:
    """`_sequence_prefixes` of one parsed item. A zero-width test is passed over: the
    prefixes then admit more than the pattern, never less."""
    if op is c.LITERAL:
        return {(re.escape(chr(argument)),)}
    if op is c.IN:
        first, _ = _item_opening(op, argument, c)
        return {(_class(first),)} if first else {(_ANY,)}
    if op in (c.ANY, c.NOT_LITERAL):
        return {(_ANY,)}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {()}
    if op is c.SUBPATTERN:
        _, added, removed, inner = argument
        if added or removed & ~c.SRE_FLAG_IGNORECASE:
            return None
        return _sequence_prefixes(inner.data, c, n)
    if op is c.BRANCH:
        union: set[tuple[str, ...]] = set()
        for branch in argument[1]:
            found = _sequence_prefixes(branch.data, c, n)
            if found is None:
                return None
            union |= found
        return union
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, inner = argument
        once = _sequence_prefixes(inner.data, c, n)
        if once is None or () in once:
            return None
        result: set[tuple[str, ...]] = set()
        current: set[tuple[str, ...]] = {()}
        count = 0
        while current:
            if count >= low:
                result |= current
            if count == high:
                break
            current = {(prefix + more)[:n] for prefix in current for more in once}
            result |= {prefix for prefix in current if len(prefix) >= n}
            current = {prefix for prefix in current if len(prefix) < n}
            count += 1
            if len(result) + len(current) > _HEADS_AT_MOST:
                return None
        return result
    return None


def _class(opening: set[str]) -> str:
    return "[" + "".join(sorted(opening)) + "]"


def _opening(pattern: re.Pattern[str]) -> set[str] | None:
    """The characters (escaped, as class members) a match of `pattern` can begin with; None
    when it may begin with anything, match empty, or uses a form this does not know."""
    read = _read(pattern, _sequence_opening)
    if read is None:
        return None
    found, empty = read
    return found if found and not empty else None


def _sequence_opening(items: Any, constants: Any) -> tuple[set[str] | None, bool]:
    """What a sequence of parsed items can begin with, and whether it can match empty."""
    found: set[str] = set()
    for op, argument in items:
        first, empty = _item_opening(op, argument, constants)
        if first is None:
            return None, False
        found |= first
        if not empty:
            return found, False
    return found, True


def _item_opening(op: Any, argument: Any, constants: Any) -> tuple[set[str] | None, bool]:
    c = constants
    if op is c.LITERAL:
        return {re.escape(chr(argument))}, False
    if op is c.IN:
        members: set[str] = set()
        for kind, value in argument:
            if kind is c.LITERAL:
                members.add(re.escape(chr(value)))
            elif kind is c.CATEGORY and str(value) in _CATEGORIES:
                members.add(_CATEGORIES[str(value)])
            elif kind is c.RANGE:
                members.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            else:
                return None, False
        return members, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero-width: what follows begins the match
    if op is c.SUBPATTERN:
        _, added, removed, inner = argument
        if added or removed & ~c.SRE_FLAG_IGNORECASE:
            # Only a case-sensitive part is safe: the class, still case-blind, admits more.
            return None, False
        return _sequence_opening(inner.data, c)
    if op is c.BRANCH:
        members, empty = set(), False
        for branch in argument[1]:
            first, can_be_empty = _sequence_opening(branch.data, c)
            if first is None:
                return None, False
            members |= first
            empty = empty or can_be_empty
        return members, empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, _, inner = argument
        first, empty = _sequence_opening(inner.data, c)
        return first, empty or low == 0
    return None, False


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


class LiteralScreen:
    """Whether a stretch of one text can hold a match of a pattern, read off the pattern's
    literal words.

    Python's `re` tries a pattern at every position of the text it searches, tens of
    nanoseconds a character for the long case-blind alternations of the lexicons, and the
    claim rules search the same document's sentences and windows with them hundreds of
    times. Every match of a pattern holds one of its literal words (`_factors`: "спростува"
    for "\\bспростува\\w*"), which one case-sensitive search of the lower-cased text finds
    in a few nanoseconds a character (`_trie`); most stretches hold none. The text is
    lower-cased as the patterns compare it (`_folded`); where that cannot be done exactly,
    nothing is skipped."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded: str | None = None
        self.read = False

    def may_match(self, pattern: re.Pattern[str], start: int = 0, end: int = sys.maxsize) -> bool:
        """False only when no match of `pattern` can lie in [start, end) of the text: in a
        search with these bounds, or in a copy of that stretch with some characters blanked
        out (`_BLANKS`, spaces). The rules ask this a few hundred times a document: the
        pattern's words are looked up here, not through `_factor_pattern`, unless new."""
        known = _FACTORS.get(id(pattern))
        words = known[1] if known is not None and known[0] is pattern else _factor_pattern(pattern)
        if words is None:
            return True
        folded = self.folded if self.read else self._fold()
        return folded is None or words.search(folded, start, end) is not None

    def may_match_any(self, patterns: tuple[re.Pattern[str], ...], start: int = 0, end: int = sys.maxsize) -> bool:
        """`may_match` of any of `patterns` (a lexicon's tuple), in one search of all their
        words: most sentences hold none of a date's words, and a search per pattern cost
        about what the date search itself does."""
        return self._holds(_factor_union(patterns), start, end)

    def _holds(self, words: re.Pattern[str] | None, start: int, end: int) -> bool:
        """Whether [start, end) of the lower-cased text holds one of `words` (True when the
        patterns have no literal words, or the text cannot be lower-cased exactly)."""
        if words is None:
            return True
        folded = self.folded if self.read else self._fold()
        return folded is None or words.search(folded, start, end) is not None

    def _fold(self) -> str | None:
        """The text lower-cased (`_folded`), made once, on the first question asked."""
        self.folded, self.read = _folded(self.text), True
        return self.folded


def _folded(text: str) -> str | None:
    """`text` lower-cased as the regex engine lowers each character to compare it case-blind
    (`str.lower` does the same, but for a dotted capital I, which it makes two characters,
    and a capital sigma, which it lowers by its place in a word), with the letters the
    engine takes for one another made one (`_SAME_LETTER`); None when it cannot be."""
    if "\u0130" in text or "\u03a3" in text:
        return None
    low = text.lower()
    if _SAME_LETTER and _OTHER_LETTERS.search(low):
        low = low.translate(_SAME_LETTER)
    return low


def _same_letters() -> dict[int, int]:
    """The letters the engine matches case-blind with another one besides their lower case
    ("\u1c84", an old form of "т", for "т"; "ſ" for "s"), each to the first of its group."""
    try:
        extra = importlib.import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):
        return {}
    same: dict[int, int] = {}
    for lower, others in extra.items():
        first = min(lower, *others)
        for code in (lower, *others):
            if code != first:
                same[code] = first
    return same


_SAME_LETTER = _same_letters()
_OTHER_LETTERS = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_SAME_LETTER)) + "]"
                            if _SAME_LETTER else "(?!)")


def _fold_char(code: int) -> str:
    """A pattern's literal character as it stands in a `_folded` text ("" for a dotted
    capital I, which `str.lower` makes two characters: no word holds it)."""
    lowered = chr(code).lower()
    return chr(_SAME_LETTER.get(ord(lowered), ord(lowered))) if len(lowered) == 1 else ""


_FACTORS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def _factor_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """One case-sensitive alternation of the pattern's literal words (`_factors`), shortest
    first, for a `_folded` text; None when the pattern has none long enough to be worth it."""
    known = _FACTORS.get(id(pattern))
    if known is None or known[0] is not pattern:
        words = _factor_words(pattern)
        known = _FACTORS[id(pattern)] = (pattern, re.compile(_trie(sorted(words))) if words is not None else None)
    return known[1]


def _factor_words(pattern: re.Pattern[str]) -> set[str] | None:
    """The pattern's literal words (`_factors`), or None when it has none long enough to be worth it."""
    words = _read(pattern, _factors)
    if words is not None and all(len(word) >= _FACTOR_AT_LEAST or (len(word) == 1 and not word.isalnum())
                                 or (len(word) >= 2 and word.isdigit()) for word in words):
        return words
    return None


_UNIONS: dict[int, tuple[tuple[re.Pattern[str], ...], re.Pattern[str] | None]] = {}


def _factor_union(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """`_factor_pattern` of several patterns at once: one alternation of all their words; None
    when one of them has none."""
    known = _UNIONS.get(id(patterns))
    if known is None or known[0] is not patterns:
        union: set[str] = set()
        for pattern in patterns:
            words = _factor_words(pattern)
            if words is None:
                union = set()
                break
            union |= words
        # As in `_factors`: a word holding a shorter one adds nothing.
        shortest = {word for word in union if not any(other != word and other in word for other in union)}
        known = _UNIONS[id(patterns)] = (patterns, re.compile(_trie(sorted(shortest))) if shortest else None)
    return known[1]


def _trie(words: list[str]) -> str:
    """An alternation of `words` (sorted, none the beginning of another) with their common
    beginnings shared ("за(?:яв|хоп)"): at each position the engine tries each first
    character once, where a flat alternation of dozens of words tried every word."""
    branches = []
    for first, group in itertools.groupby(words, key=lambda word: word[0]):
        rest = [word[1:] for word in group]
        tail = _trie(rest) if rest != [""] else ""
        several = len({word[:1] for word in rest}) > 1
        branches.append(re.escape(first) + (f"(?:{tail})" if several else tail))
    return "|".join(branches)


_FACTOR_AT_LEAST = 3
"""Shorter literal words stand almost everywhere: a pattern with one is never skipped (a
mark such as "%" or "—" is rare enough on its own, and so is a number of two digits, the
"19" or "20" a year begins with)."""


_CLASS_AT_MOST = 4
"""A class of more characters than this holds no literal word (`_factors`)."""


_BLANKS = frozenset(("", "x"))
"""Characters no literal word holds: "x" is what the claim rules blank names out with (and a
space, which no word holds either, what they blank scare quotes with), so a word found in a
blanked copy stands in the text too; "" is a dotted capital I (`_fold_char`)."""


def _factors(items: Any, constants: Any) -> set[str] | None:
    """Literal words, one of which every match of the parsed sequence holds (folded as in
    `_folded`, without spaces or `_BLANKS`); the most telling such set, longest words
    first; None when there is none. A zero-width test inside a word leaves it whole
    ("сел\\b" is "сел")."""
    c = constants
    best: set[str] | None = None
    run: list[str] = []

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found and (best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best))):
            best = found

    def close() -> None:
        if run:
            consider({"".join(run)})
            run.clear()

    for op, argument in items:
        if op is c.LITERAL and not chr(argument).isspace() and _fold_char(argument) not in _BLANKS:
            run.append(_fold_char(argument))
            continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        close()
        if op is c.SUBPATTERN:
            consider(_factors(argument[3].data, c))
        elif op is c.IN and len(argument) <= _CLASS_AT_MOST and all(kind is c.LITERAL for kind, _ in argument):
            # A class of a few characters ("[—–]"): one of them stands in every match.
            chars = {_fold_char(code) for _, code in argument}
            consider(None if chars & _BLANKS or any(char.isspace() for char in chars) else chars)
        elif op is c.BRANCH:
            union: set[str] | None = set()
            for branch in argument[1]:
                found = _factors(branch.data, c)
                if not found or union is None:
                    union = None
                    break
                union |= found
            consider(union)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and argument[0] >= 1:
            consider(_factors(argument[2].data, c))
    close()
    if best is None:
        return None
    # A word holding a shorter one adds nothing: wherever it stands, the shorter does.
    return {word for word in best if not any(other != word and other in word for other in best)}


_SETS: dict[tuple[int, ...], tuple[tuple[Sequence[Any], ...], PatternSet]] = {}


def _pattern_set(owner: Sequence[Any], patterns: Callable[[], list[re.Pattern[str]]],
                 *others: Sequence[Any]) -> PatternSet:
    """The PatternSet of a lexicon's tuple (or of several, one after the other), built once."""
    owners = (owner, *others)
    key = tuple(map(id, owners))
    known = _SETS.get(key)
    if known is None or not all(map(operator.is_, known[0], owners)):
        known = _SETS[key] = (owners, PatternSet(patterns()))
    return known[1]


def rule_spans(rules: Sequence[HasPattern], text: str) -> list[list[tuple[int, int]]]:
    """`PatternSet.spans` of the rules' patterns."""
    return _pattern_set(rules, lambda: [rule.pattern for rule in rules]).spans(text)


_Rule = TypeVar("_Rule", bound=HasPattern)
_Other = TypeVar("_Other", bound=HasPattern)


def rule_hits(first: Sequence[_Rule], second: Sequence[_Other], text: str,
              ) -> tuple[list[tuple[int, int, _Rule]], list[tuple[int, int, _Other]]]:
    """The (start, end, rule) of every match of two lexicons' rules in `text`, in the order
    `rule_spans` lists them (rule by rule, each rule's matches in text order), from one scan
    for both (a sentence is searched for its triggers and its sources alike)."""
    found = _pattern_set(first, lambda: [rule.pattern for rule in (*first, *second)], second).found(text)
    split = len(first)
    ones: list[tuple[int, int, _Rule]] = []
    twos: list[tuple[int, int, _Other]] = []
    for k in sorted(found):
        if k < split:
            ones.extend((hit.start(), hit.end(), first[k]) for hit in found[k])
        else:
            twos.extend((hit.start(), hit.end(), second[k - split]) for hit in found[k])
    return ones, twos


def pattern_matches(patterns: Sequence[re.Pattern[str]], text: str) -> list[list[re.Match[str]]]:
    """`PatternSet.matches` of a lexicon's tuple of patterns."""
    return _pattern_set(patterns, lambda: list(patterns)).matches(text)


def labelled_spans(labelled: Sequence[tuple[Any, re.Pattern[str]]], text: str) -> list[list[tuple[int, int]]]:
    """`PatternSet.spans` of (label, pattern) pairs, such as a lexicon's side patterns."""
    return _pattern_set(labelled, lambda: [pattern for _, pattern in labelled]).spans(text)


_Label = TypeVar("_Label")


def labelled_hits(labelled: Sequence[tuple[_Label, re.Pattern[str]]], text: str) -> list[tuple[_Label, int, int]]:
    """The (label, start, end) of every match of (label, pattern) pairs, in the order
    `labelled_spans` lists them, without a list for each pattern that matches nothing (most
    of a lexicon's, in a sentence)."""
    found = _pattern_set(labelled, lambda: [pattern for _, pattern in labelled]).found(text)
    return [(labelled[k][0], *hit.span()) for k in sorted(found) for hit in found[k]]


def labelled_hits_within(labelled: Sequence[tuple[_Label, re.Pattern[str]]], text: str,
                         hits: list[tuple[_Label, int, int]], start: int, end: int,
                         ) -> list[tuple[_Label, int, int]] | None:
    """`labelled_hits` of the stretch [start, end) of `text`, offsets in `text`, read off
    `hits`, those of the whole text (a sentence's side words, once the document's are known);
    None where that may differ from a search of the stretch alone, which is then to be made.

    It is the same when every pattern reads nothing outside its match but word boundaries
    (`_self_contained`), no match of the whole text runs across the stretch's edges (nor
    ends at its end: a boundary after it may stand in the text and not in the stretch), no
    word character precedes the stretch, and its end is no place inside a word."""
    patterns = _pattern_set(labelled, lambda: [pattern for _, pattern in labelled])
    if not patterns.self_contained() or (start > 0 and _WORD_CHAR.match(text, start - 1)) \
            or (0 < end < len(text) and _WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end)):
        return None
    within = []
    for label, hit_start, hit_end in hits:
        if hit_start < start < hit_end or hit_start < end <= hit_end:
            return None
        if start <= hit_start and hit_end <= end:
            within.append((label, hit_start, hit_end))
    return within


_WORD_CHAR = re.compile(r"\w")


def _self_contained(pattern: re.Pattern[str]) -> bool:
    """Whether what `pattern` matches at a position of a stretch of text is what it matches
    there in the whole text, but for a match that runs to the stretch's end or past it: it
    never matches empty, and besides the characters it takes it reads only word boundaries
    (`\\b`) and, before taking any, the character it begins with (the screen `screened` puts
    in front). No lookbehind, no other lookahead, no anchor, no `\\B` (true at a stretch's
    edge where the text goes on with a word), no back-reference, and no atomic group, which
    may keep to characters past the stretch where a search of the stretch tries another way."""
    if pattern.flags & (re.ASCII | re.LOCALE) or _opening(pattern) is None:
        return False
    return bool(_read(pattern, lambda items, constants: _contained_sequence(items, constants, True)))


def _contained_sequence(items: Any, constants: Any, leading: bool) -> bool:
    """`_self_contained` of a parsed sequence; `leading` while nothing before it takes a character."""
    c = constants
    for op, argument in items:
        if op is c.AT:
            if argument is not c.AT_BOUNDARY:
                return False
        elif op is c.ASSERT:
            direction, inner = argument
            if not (leading and direction == 1 and len(inner.data) == 1 and inner.data[0][0] in (c.LITERAL, c.IN)):
                return False
        elif op is c.SUBPATTERN:
            _, added, removed, inner = argument
            if (added | removed) & ~c.SRE_FLAG_IGNORECASE or not _contained_sequence(inner.data, c, False):
                return False
            leading = False
        elif op is c.BRANCH:
            if not all(_contained_sequence(branch.data, c, False) for branch in argument[1]):
                return False
            leading = False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            if not _contained_sequence(argument[2].data, c, False):
                return False
            leading = False
        elif op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
            leading = False
        else:
            return False
    return True


__all__ = ["LiteralScreen", "PatternSet", "labelled_hits", "labelled_hits_within", "labelled_spans",
           "pattern_matches", "rule_hits", "rule_spans", "screened"]

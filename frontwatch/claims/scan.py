"""Every match of each of many lexicon patterns in one text, in about one pass.

The lexicons list triggers and sources as dozens of patterns, and each sentence used to be
searched once per pattern. Here a lookahead alternation of all of them finds the positions
where any one matches, and at each such position one combined match says which do (each
pattern in its own lookahead group). The spans are exactly those of each pattern's own
`finditer`: a pattern's next match is the first position at or after the end of its last.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any, Protocol


class HasPattern(Protocol):
    @property
    def pattern(self) -> re.Pattern[str]: ...


class PatternSet:
    """Scans a text for all of `patterns` at once (see the module's docstring)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        flags = {p.flags for p in self.patterns}
        # Combining is exact only when no pattern numbers groups of its own (a backreference
        # would point elsewhere) and all share their flags; otherwise each scans on its own.
        self.combined = len(flags) == 1 and not any(p.groups for p in self.patterns)
        if self.combined:
            flag = flags.pop()
            # Patterns that can only begin at a word boundary are tried only there: one `\b`
            # test spares most positions of a sentence.
            bounded = [p for p in self.patterns if _boundary_first(p)]
            others = [p for p in self.patterns if p not in bounded]
            parts = ([r"\b(?=" + _either(bounded) + ")"] if bounded else []) + (
                ["(?=" + _either(others) + ")"] if others else [])
            self.anywhere = re.compile("|".join(parts), flag)
            self.which = re.compile("".join(f"(?:(?=({p.pattern}))|)" for p in self.patterns), flag)

    def spans(self, text: str) -> list[list[tuple[int, int]]]:
        """For each pattern, in order, the (start, end) of every match `finditer` gives."""
        if not self.combined:
            return [[m.span() for m in p.finditer(text)] for p in self.patterns]
        found: list[list[tuple[int, int]]] = [[] for _ in self.patterns]
        resume = [0] * len(self.patterns)
        empty: set[int] = set()
        for position in self.anywhere.finditer(text):
            hit = self.which.match(text, position.start())
            assert hit is not None  # every group is optional
            for k, (start, end) in enumerate(hit.regs[1:]):
                if start < resume[k] or start < 0:
                    continue
                if end == start:
                    empty.add(k)  # finditer's rules after an empty match: let it apply them
                found[k].append((start, end))
                resume[k] = end
        for k in empty:
            found[k] = [m.span() for m in self.patterns[k].finditer(text)]
        return found


def _either(patterns: Sequence[re.Pattern[str]]) -> str:
    return "|".join(f"(?:{p.pattern})" for p in patterns)


def _boundary_first(pattern: re.Pattern[str]) -> bool:
    """Whether every match of `pattern` begins with `\\b`, read from the parsed pattern. A
    form this does not know counts as not, so no position is ever skipped wrongly."""
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        return _starts_with_boundary(parser.parse(pattern.pattern, pattern.flags).data, constants)
    except (ImportError, AttributeError, TypeError, ValueError, IndexError, re.error):
        return False


def _starts_with_boundary(items: Any, constants: Any) -> bool:
    if not items:
        return False
    op, argument = items[0]
    if op is constants.AT:
        return bool(argument is constants.AT_BOUNDARY)
    if op is constants.SUBPATTERN:
        _, added, removed, inner = argument  # a group, with the flags it sets or clears
        return not added and not removed and _starts_with_boundary(inner.data, constants)
    if op is constants.BRANCH:
        return all(_starts_with_boundary(branch.data, constants) for branch in argument[1])
    return False


_SETS: dict[int, tuple[Sequence[HasPattern], PatternSet]] = {}


def rule_spans(rules: Sequence[HasPattern], text: str) -> list[list[tuple[int, int]]]:
    """`PatternSet.spans` of the rules' patterns; the set is built once per rules tuple."""
    known = _SETS.get(id(rules))
    if known is None or known[0] is not rules:
        known = _SETS[id(rules)] = (rules, PatternSet([rule.pattern for rule in rules]))
    return known[1].spans(text)


__all__ = ["PatternSet", "rule_spans"]

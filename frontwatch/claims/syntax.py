"""One view of a dependency parse for every language.

The parsers speak two dialects: Universal Dependencies (French, and Russian and Ukrainian
through slovnet) and ClearNLP (English: `dobj`, `pobj` under a `prep`, `agent`). A
`Tree` collapses both into one: every word gets a head, a relation from a small common set
(`nsubj`, `nsubj:pass`, `obj`, `obl`, `obl:agent`, `nmod`, `nmod:poss`, `amod`, `acl`,
`advcl`, `ccomp`, `xcomp`, `conj`, `appos`, ...) and the preposition that marks it (`case`:
"в", "of", "de"), with the preposition folded into the relation as UD does. Which label of a
parser means which common relation is data (`relations` in `nlp/lang/<lang>/pipeline.yml`).
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, MORPH, POS
from spacy.strings import StringStore
from spacy.tokens import Doc

from frontwatch.claims.scan import LiteralScreen
from frontwatch.nlp.components import text_of

CLAUSE_RELATIONS = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "acl", "conj"})
"""Relations whose dependent starts a clause of its own (a `conj` of two verbs does too)."""
PREDICATE_POS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True, slots=True)
class Tree:
    """The collapsed parse of one document: arrays indexed by token position.

    The words' lemmas, lower-case forms, parts of speech and character offsets are read once
    here, so that the claim rules never build spaCy tokens again.
    """

    doc: Doc
    text: str
    """The document's text with typographic apostrophes made plain (same length, same offsets)."""
    heads: tuple[int, ...]
    relations: tuple[str, ...]
    cases: tuple[str, ...]
    lemmas: tuple[str, ...]
    words: tuple[str, ...]
    pos: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    kids: tuple[tuple[int, ...], ...]
    morphs: tuple[str, ...] = ()
    """Each word's morphological features as spaCy writes them ("Case=Nom|Gender=Fem")."""
    chains: dict[int, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)
    """The heads above each word walked so far (`ancestors`): the claim rules climb from the
    same few words, a trigger's and its places', again and again."""
    literals: LiteralScreen = field(init=False, repr=False, compare=False)
    """Where the lexicon patterns' literal words stand in `text`: the claim rules search its
    sentences and windows hundreds of times, most of them holding none of a pattern's words."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "literals", LiteralScreen(self.text))

    def feature(self, i: int, name: str) -> frozenset[str]:
        """The values of one morphological feature of word i ("Gender" → {"Fem"})."""
        return _morph_fields(self.morphs[i]).get(name, NO_VALUES) if self.morphs else NO_VALUES

    def morph_values(self, i: int) -> dict[str, tuple[str, ...]]:
        """Word i's morphological features with their values in spaCy's order (as
        `MorphAnalysis.get` lists them)."""
        return morph_values(self.morphs[i]) if self.morphs else {}

    def token_at(self, char: int) -> int:
        """The token that covers (or follows) a character offset."""
        return min(bisect_right(self.starts, char) - 1, len(self.starts) - 1) if self.starts else 0

    def tokens(self, start: int, end: int) -> range:
        """The tokens overlapping the characters [start, end)."""
        starts = self.starts
        if not starts:
            return range(0)
        first = bisect_right(starts, start) - 1
        if first < 0:
            first = 0
        if self.ends[first] <= start:
            first += 1
        last = bisect_left(starts, end)
        # Comparisons, not max(): this runs a few hundred times a document.
        return range(first, last if last > first else first)

    def root_of(self, start: int, end: int) -> int:
        """The syntactic head of the tokens covering the characters [start, end)."""
        span = self.tokens(start, end)
        return span_root(self, span.start, span.stop) if len(span) else self.token_at(start)

    def ancestors(self, i: int) -> tuple[int, ...]:
        """Heads above token i, nearest first (the root is its own head)."""
        chain = self.chains.get(i)
        if chain is None:
            heads, up, seen = self.heads, [], {i}
            node = heads[i]
            while node not in seen:
                up.append(node)
                seen.add(node)
                node = heads[node]
            chain = self.chains[i] = tuple(up)
        return chain

    def children(self, i: int) -> tuple[int, ...]:
        return self.kids[i]

    def path(self, a: int, b: int) -> tuple[list[int], list[int]] | None:
        """The tokens from a up to the lowest common ancestor, and from b up to it.

        None when a and b are in different sentences (different trees).
        """
        up_a = [a, *self.ancestors(a)]
        index = {node: k for k, node in enumerate(up_a)}
        node, up_b = b, [b]
        if node in index:
            return up_a[:index[node] + 1], up_b
        for node in self.ancestors(b):
            up_b.append(node)
            if node in index:
                return up_a[:index[node] + 1], up_b
        return None

    def clause_head(self, i: int) -> int:
        """The predicate whose clause token i belongs to (itself for a predicate)."""
        node = i
        for _ in range(40):
            if self.pos[node] in PREDICATE_POS and (self.relations[node] in CLAUSE_RELATIONS
                                                          or self.relations[node] in ("root", "xcomp")
                                                          or self.heads[node] == node):
                return node
            if self.relations[node] in CLAUSE_RELATIONS - {"conj"} or self.heads[node] == node:
                return node
            node = self.heads[node]
        return node

    def crosses_clause(self, a: int, b: int) -> bool:
        """Whether the path between a and b leaves a clause (a relative, a reported clause...)."""
        return self.path_crosses_clause(self.path(a, b))

    def path_crosses_clause(self, found: tuple[list[int], list[int]] | None) -> bool:
        """`crosses_clause` of a path `path` found already."""
        if found is None:
            return True
        up_a, up_b = found
        for chain in (up_a[:-1], up_b[:-1]):
            for node in chain:
                if self.relations[node] in CLAUSE_RELATIONS and self.pos[node] in PREDICATE_POS:
                    return True
                if self.relations[node] in ("acl:relcl", "ccomp", "advcl", "parataxis"):
                    return True
        return False


def build_tree(doc: Doc, relations: Mapping[str, str]) -> Tree:
    """Collapse the parse of `doc`: parser labels mapped to common ones, prepositions folded.

    Without a parse (a pipeline that has none), every word is its own root with relation
    `dep`, so the features that need syntax are simply absent.
    """
    n = len(doc)
    text = text_of(doc).replace("\u2019", "'").replace("\u02bc", "'")
    parsed = doc.has_annotation("DEP")
    # One array read instead of a spaCy Token per word and attribute: building Tokens was
    # the larger part of the claim component's time.
    array = doc.to_array([LEMMA, LOWER, POS, DEP, MORPH, IDX, LENGTH, HEAD]) if n else numpy.zeros((0, 8), "uint64")
    store = doc.vocab.strings
    # The five string columns in one lookup, column after column.
    names = column_strings(store, array[:, :5].T)
    lemma_names, word_list, pos_list, dep_names, morph_list = (names[k * n:(k + 1) * n] for k in range(5))
    morphs = tuple(morph_list)
    plain = text_of(doc)
    start_list, end_list = array[:, 5].tolist(), (array[:, 5] + array[:, 6]).tolist()
    lemma_list = _lowered(lemma_names)
    for i in [i for i, lemma in enumerate(lemma_names) if not lemma]:
        lemma_list[i] = plain[start_list[i]:end_list[i]].lower()
    heads: list[int] = []
    rels: list[str] = []
    if parsed:
        heads = (numpy.arange(n, dtype="int64") + array[:, 7].astype("int64")).tolist()
        mapped = {label: _relation(label, relations) for label in set(dep_names)}  # each label once
        rels = list(map(mapped.__getitem__, dep_names))
        for i in numpy.flatnonzero(array[:, 7] == 0).tolist():  # a word that heads itself
            rels[i] = "root"
    lemmas, words, pos = tuple(lemma_list), tuple(word_list), tuple(pos_list)
    starts, ends = tuple(start_list), tuple(end_list)
    if not parsed:
        return Tree(doc, text, tuple(range(n)), ("dep",) * n, ("",) * n, lemmas, words, pos, starts, ends,
                    ((),) * n, morphs)
    cases = [""] * n
    if "pobj" in mapped.values() or "agent" in mapped.values():
        _fold_prepositions(heads, rels, cases, lemmas, pos)
        for i in range(n):
            if rels[i] == "agent":
                rels[i] = "case"
            if heads[i] == i:
                rels[i] = "root"
    else:
        # A Universal Dependencies parse has no prepositions to fold, and a word that heads
        # itself is already "root": only the words marked "case" need a look.
        for i in [i for i, rel in enumerate(rels) if rel == "case"]:
            head = heads[i]
            if head != i and not cases[head]:
                cases[head] = lemmas[i]
    for i in [i for i, rel in enumerate(rels) if rel == "obl"]:
        if cases[i] in ("par", "by"):
            rels[i] = "obl:agent"
    kids: list[list[int]] = [[] for _ in range(n)]
    for i, head in enumerate(heads):
        if head != i:
            kids[head].append(i)
    return Tree(doc, text, tuple(heads), tuple(rels), tuple(cases), lemmas, words, pos, starts, ends,
                tuple(map(tuple, kids)), morphs)


def _fold_prepositions(heads: list[int], rels: list[str], cases: list[str], lemmas: tuple[str, ...],
                       pos: tuple[str, ...]) -> None:
    """ClearNLP's prepositional objects: "pobj" under a "prep" becomes the governor's "obl" or
    "nmod" (its agent's, "obl:agent"), with the preposition as its case, as UD has it."""
    for i in range(len(heads)):
        rel, head = rels[i], heads[i]
        if rel == "case" and head != i and not cases[head]:
            cases[head] = lemmas[i]
        if rel == "pobj" and head != i:
            preposition = head
            cases[i] = lemmas[preposition]
            governor = heads[preposition]
            heads[i] = governor if governor != preposition else i
            if rels[preposition] == "agent":
                rels[i] = "obl:agent"
            else:
                rels[i] = "obl" if pos[governor] in ("VERB", "AUX", "ADJ") else "nmod"
            rels[preposition] = "case"


def _relation(label: str, relations: Mapping[str, str]) -> str:
    """The Universal Dependencies name of a parser's label (a token that heads itself is the
    root whatever its label)."""
    if label in ("ROOT", "root"):
        return "root"
    return relations.get(label, label.lower())


def column_strings(store: StringStore, column: numpy.ndarray[Any, Any]) -> list[str]:
    """The strings of a column of hashes or symbol ids ("" for none; several columns come
    out one after the other). The string of a hash never changes, so each is looked up in
    the store once per process."""
    known = _STRINGS.get(id(store))
    if known is None or known[0] is not store:
        known = _STRINGS[id(store)] = (store, {0: ""})
    names = known[1]
    keys = column.ravel().tolist()
    try:
        # Once a process has read a few documents, every string is known: no set of the
        # keys to look for new ones.
        return list(map(names.__getitem__, keys))
    except KeyError:
        for key in set(keys).difference(names):
            names[key] = store[key]
        return list(map(names.__getitem__, keys))


_STRINGS: dict[int, tuple[StringStore, dict[int, str]]] = {}


def _lowered(strings: list[str]) -> list[str]:
    """Each string lower-cased; a lemma is lowered once per process (most words of a
    document are lemmas the process has read before)."""
    try:
        return list(map(_LOWER.__getitem__, strings))
    except KeyError:
        if len(_LOWER) > _LOWER_AT_MOST:
            _LOWER.clear()  # a long-running server reads ever new words: start over
        for string in set(strings).difference(_LOWER):
            _LOWER[string] = string.lower()
        return list(map(_LOWER.__getitem__, strings))


_LOWER: dict[str, str] = {}
_LOWER_AT_MOST = 200_000


NO_VALUES: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4096)
def _morph_fields(morph: str) -> dict[str, frozenset[str]]:
    """Feature name → the set of its values (`morph_values`)."""
    return {name: frozenset(values) for name, values in morph_values(morph).items()}


@functools.lru_cache(maxsize=4096)
def morph_values(morph: str) -> dict[str, tuple[str, ...]]:
    """Feature name → values of a spaCy morphology string, in order, read as
    `MorphAnalysis.get` does; a document repeats few distinct strings, so each is read once."""
    if not morph or morph == "_":
        return {}
    fields = (feature.split("=") for feature in morph.split("|"))
    return {name: tuple(values.split(",")) for name, values in fields if values}


def span_root(tree: Tree, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside it (the span's syntactic head)."""
    for i in range(start, end):
        head = tree.heads[i]
        if head == i or not start <= head < end:
            return i
    return start


__all__ = ["Tree", "build_tree", "column_strings", "morph_values", "span_root"]

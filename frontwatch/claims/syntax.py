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

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

CLAUSE_RELATIONS = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "acl", "conj"})
"""Relations whose dependent starts a clause of its own (a `conj` of two verbs does too)."""
PREDICATE_POS = frozenset({"VERB", "AUX"})
FUNCTION_RELATIONS = frozenset({"case", "punct", "det", "cc", "mark", "aux", "aux:pass", "aux:tense",
                                "cop", "dep", "prep", "agent", "expl", "expl:pass", "expl:comp"})


@dataclass(frozen=True, slots=True)
class Tree:
    """The collapsed parse of one document: arrays indexed by token position."""

    doc: Doc
    heads: tuple[int, ...]
    relations: tuple[str, ...]
    cases: tuple[str, ...]

    def head(self, i: int) -> int:
        return self.heads[i]

    def ancestors(self, i: int) -> Iterator[int]:
        """Heads above token i, nearest first (the root is its own head)."""
        seen = {i}
        node = self.heads[i]
        while node not in seen:
            yield node
            seen.add(node)
            node = self.heads[node]

    def children(self, i: int) -> list[int]:
        return [j for j in range(self.doc[i].sent.start, self.doc[i].sent.end) if j != i and self.heads[j] == i]

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
            if self.doc[node].pos_ in PREDICATE_POS and (self.relations[node] in CLAUSE_RELATIONS
                                                          or self.relations[node] in ("root", "xcomp")
                                                          or self.heads[node] == node):
                return node
            if self.relations[node] in CLAUSE_RELATIONS - {"conj"} or self.heads[node] == node:
                return node
            node = self.heads[node]
        return node

    def crosses_clause(self, a: int, b: int) -> bool:
        """Whether the path between a and b leaves a clause (a relative, a reported clause...)."""
        found = self.path(a, b)
        if found is None:
            return True
        up_a, up_b = found
        for chain in (up_a[:-1], up_b[:-1]):
            for node in chain:
                if self.relations[node] in CLAUSE_RELATIONS and self.doc[node].pos_ in PREDICATE_POS:
                    return True
                if self.relations[node] in ("acl:relcl", "ccomp", "advcl", "parataxis"):
                    return True
        return False


def build_tree(doc: Doc, relations: Mapping[str, str]) -> Tree:
    """Collapse the parse of `doc`: parser labels mapped to common ones, prepositions folded.

    Without a parse (a pipeline that has none), every word hangs on its sentence's first
    word with relation `dep`, so the features that need syntax are simply absent.
    """
    n = len(doc)
    if not doc.has_annotation("DEP"):
        heads = []
        for token in doc:
            heads.append(token.sent.start if token.has_head() or True else token.i)
        return Tree(doc, tuple(heads), tuple("dep" for _ in doc), tuple("" for _ in doc))
    heads = [t.head.i for t in doc]
    rels = [_relation(t, relations) for t in doc]
    cases = [""] * n
    for token in doc:
        rel = rels[token.i]
        if rel == "case" and token.head.i != token.i:
            head = token.head.i
            if not cases[head]:
                cases[head] = token.lemma_.lower() or token.lower_
        if rel == "pobj" and token.head.i != token.i:
            preposition = token.head
            cases[token.i] = preposition.lemma_.lower() or preposition.lower_
            governor = preposition.head.i
            heads[token.i] = governor if governor != preposition.i else token.i
            if rels[preposition.i] == "agent":
                rels[token.i] = "obl:agent"
            else:
                rels[token.i] = "obl" if doc[governor].pos_ in ("VERB", "AUX", "ADJ") else "nmod"
            rels[preposition.i] = "case"
    for token in doc:
        if rels[token.i] == "agent":
            rels[token.i] = "case"
        if rels[token.i] == "obl" and cases[token.i] in ("par", "by"):
            rels[token.i] = "obl:agent"
        if token.head.i == token.i:
            rels[token.i] = "root"
    return Tree(doc, tuple(heads), tuple(rels), tuple(cases))


def _relation(token: Token, relations: Mapping[str, str]) -> str:
    label = token.dep_
    if token.head.i == token.i or label in ("ROOT", "root"):
        return "root"
    return relations.get(label, label.lower())


def span_root(tree: Tree, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside it (the span's syntactic head)."""
    for i in range(start, end):
        head = tree.heads[i]
        if head == i or not start <= head < end:
            return i
    return start


__all__ = ["FUNCTION_RELATIONS", "Tree", "build_tree", "span_root"]

"""Training examples: claim candidates labelled with the gold claims they stand for.

A candidate stands for a gold claim when its trigger lies inside the claim's evidence (the
verbatim span the annotator marked) or in the sentence that holds it, and its place is the
gold place by the scorer's own place test. Its label is that claim's kind, actor and
stance; a candidate that stands for no claim is labelled "none". Two kinds of candidate are
left out of training rather than called wrong: one that stands for an `uncertain` gold claim
(a judgment call), and one that repeats, in another sentence, a statement the gold already
records for the same place, kind and source side (the gold keeps one claim per source).
Withdrawals are left out too: the annotation marks them uncertain, and the model does not
decide them (a fixed reading does; see `claims/model.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from frontwatch.claims.candidates import Candidate
from frontwatch.claims.model import NO_CLAIM
from frontwatch.eval.score import GoldClaim, GoldCorpus, GoldDocument, PlaceRules
from frontwatch.records import Extraction


@dataclass(frozen=True, slots=True)
class Example:
    """One candidate and what the gold says of it (kind "none": no claim)."""

    doc: str
    lang: str
    candidate: Candidate
    kind: str
    actor: str | None = None
    stance: str | None = None


def _evidence_spans(text: str, evidence: str) -> list[tuple[int, int]]:
    if not evidence:
        return []
    spans = []
    start = text.find(evidence)
    while start >= 0:
        spans.append((start, start + len(evidence)))
        start = text.find(evidence, start + 1)
    if not spans:
        plain = text.replace("\u2019", "'")
        start = plain.find(evidence.replace("\u2019", "'"))
        if start >= 0:
            spans.append((start, start + len(evidence)))
    return spans


def _same_name(candidate: Candidate, gold: GoldClaim, rules: PlaceRules) -> bool:
    """The candidate names the gold place, even if the gazetteer resolved it to a namesake.

    Labels teach the claim decisions, not place resolution: a candidate about "Uspenovka"
    that the resolver put in the wrong oblast still stands for the claim about Uspenovka.
    """
    mention = candidate.target.mention
    if rules.same_place(mention.place, mention.text, gold):
        return True
    if candidate.target.coref:
        return False
    return rules.names_ok(mention.place, mention.text, gold.place, gold.place_mention)


def _stands_for(candidate: Candidate, gold: GoldClaim, spans: list[tuple[int, int]], rules: PlaceRules) -> int:
    """0: no; 2: trigger inside the evidence; 1: in the evidence's sentence."""
    if not _same_name(candidate, gold, rules):
        return 0
    trigger = candidate.trigger
    best = 0
    for start, end in spans:
        if start <= trigger.start and trigger.end <= end:
            return 2
        if candidate.evidence_start < end and start < candidate.evidence_end:
            best = 1
    return best


def label_candidates(gold: GoldDocument, candidates: Iterable[Candidate], rules: PlaceRules) -> list[Example]:
    """The training examples of one gold article.

    Each gold claim is carried by its best candidate: a trigger of the claim's own kind
    inside the evidence, else the one nearest the place. Other candidates of the same
    evidence and place are examples of the claim too when their trigger is of its kind, and
    of no claim when it is of another kind (the annotators coded no such statement).
    """
    doc = gold.document
    candidates = list(candidates)
    spans = {id(g): _evidence_spans(doc.text, g.evidence) for g in gold.claims}
    standing: dict[int, list[tuple[tuple[int, int, int], GoldClaim]]] = {}
    carrier: dict[int, int] = {}
    for g in gold.claims:
        ranked = []
        for candidate in candidates:
            strength = _stands_for(candidate, g, spans[id(g)], rules)
            if strength:
                rank = (strength, int(g.kind == candidate.trigger.rule.kind),
                        -abs(candidate.trigger.head - candidate.target.head))
                ranked.append((rank, candidate))
                standing.setdefault(id(candidate), []).append((rank, g))
        if ranked:
            carrier[id(g)] = id(max(ranked, key=lambda item: item[0])[1])
    out: list[Example] = []
    for candidate in candidates:
        if candidate.trigger.rule.uncertain:
            continue
        claims = standing.get(id(candidate))
        if claims:
            _, g = max(claims, key=lambda item: (carrier.get(id(item[1])) == id(candidate), item[0]))
            if g.uncertain:
                continue
            if carrier.get(id(g)) != id(candidate) and g.kind != candidate.trigger.rule.kind:
                # "Russia captured X after long battles", coded as a capture only: the
                # battles make no claim of their own.
                out.append(Example(doc.id, doc.lang or "", candidate, NO_CLAIM))
                continue
            out.append(Example(doc.id, doc.lang or "", candidate, g.kind, g.actor, g.stance))
            continue
        if any(_repeats(candidate, g, rules) for g in gold.claims):
            continue
        out.append(Example(doc.id, doc.lang or "", candidate, NO_CLAIM))
    return out


def _repeats(candidate: Candidate, gold: GoldClaim, rules: PlaceRules) -> bool:
    return (gold.kind == candidate.trigger.rule.kind
            and gold.source_side == candidate.speaker.side
            and _same_name(candidate, gold, rules))


def examples(corpus: GoldCorpus, found: Iterable[tuple[Extraction, tuple[Candidate, ...]]],
             rules: PlaceRules) -> Iterator[Example]:
    """Every training example of a gold corpus, given the extractor's candidates per article."""
    by_id = {gold.document.id: gold for gold in corpus.documents}
    for extraction, candidates in found:
        gold = by_id.get(extraction.document.id)
        if gold is not None:
            yield from label_candidates(gold, candidates, rules)


__all__ = ["Example", "examples", "label_candidates"]

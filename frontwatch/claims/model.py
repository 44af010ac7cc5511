"""The trained decisions: which candidates are claims, of which kind, actor and stance.

Two linear models over the candidates' features (candidates.py), trained by
`frontwatch train` on hand-annotated articles (frontwatch/learn): `kind` (no claim, or one
of the five kinds) and `actor` (RU or UA). The actor decision reads only the features that
bear on it, so that little data is spread over few weights. The stance is the parse's: a
negation, a denial or "not confirmed" whose scope covers the trigger (candidates.py); on
cross-validation a learned stance did no better than that rule. Readings fixed by the
annotation conventions are applied last: a trigger in a condition or a question is no report,
and a place that only locates something else is no claim's place; trying to take a place
is fighting for it, and failing to is being repelled; holding part of it ("70% of X"), or
ground in a region short of all of it, is a presence, and so is advancing into it; driving
the other side out of it, or being in all of it, takes it; an assault that was repelled, or
control that was lost, is no claim besides the repelling or losing one; and a withdrawal
is not weighed at all (the annotation leaves withdrawals uncertain): a named side leaving
the place itself is the other side's capture, any other is no claim. Places listed on one
trigger are weighed each on its own: the model reads a list's items alike (giving a
turned-down item its list's reading added no claim the annotation codes, five-seed CV
0.7656 -> 0.7666 without it). The models ship as one JSON file of weights, with the hash of
the data they were learned from and the command that rebuilds them; applying them needs no
learning library, only a sum of weights per class (for all of a document's candidates in
one matrix product).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy

import frontwatch
from frontwatch.claims.attribution import SIDE_SPEAKERS, quoted_spans
from frontwatch.claims.candidates import SIDE_SOURCES, Candidate
from frontwatch.errors import ConfigError
from frontwatch.records import Actor, Claim, Document, Stance

DEFAULT_MODEL = Path(frontwatch.__file__).resolve().parent / "data" / "claim_model.json"
"""Read off the package, not this module: compiled (`frontwatch/compiled.py`), this module's
`__file__` is the library it is built into."""
FAMILY_ODDS = 3.0
"""The trigger's word family names the kind unless the model finds another kind this many
times as likely: on cross-validation the model's own kind did no better (F1 0.528 either
way), and the family's is the one a reader can predict."""
NEAR_KINDS = ("advance", "fighting", "repelled")
"""Kinds whose place is wherever they happen near ("repelled attacks west of X")."""
NO_CLAIM = "none"
Decision = tuple[str, float, Actor, Stance, float]
"""Kind (or "none"), the probability of a claim, actor, stance and the confidence."""
WITHDRAWAL_CONFIDENCE = 0.5
"""A capture read from the other side's withdrawal is an inference, not a statement."""
SIDE_MARGIN = 0.2
"""How much less certain than a source's reading for one side the other side's reading of
the same statement may be and still be kept (`_one_side_each`). Five-seed CV over margins
0.15 / 0.2 / 0.25 / 0.3 / 0.4: 0.7670 / 0.7674 / 0.7668 / 0.7666 / 0.7657 (dev the same)."""


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Weights per feature and class; probabilities by softmax (one class: logistic)."""

    classes: tuple[str, ...]
    weights: Mapping[str, Sequence[float]]
    intercept: Sequence[float]
    _table: tuple[dict[str, int], numpy.ndarray[Any, Any]] = field(init=False, repr=False, compare=False)
    """Each feature's row in one matrix of weights; then the intercept's row, and a row of
    zeros for the features the model does not know."""

    def __post_init__(self) -> None:
        index = {name: i for i, name in enumerate(self.weights)}
        rows = [*self.weights.values(), self.intercept, [0.0] * len(self.intercept)]
        matrix = numpy.array(rows, dtype=numpy.float64).reshape(len(rows), len(self.intercept))
        object.__setattr__(self, "_table", (index, matrix))

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        return self.probabilities_of([features])[0]

    def probabilities_of(self, rows: Sequence[Mapping[str, float]]) -> list[dict[str, float]]:
        """`probabilities` of many feature sets at once: one matrix product for a document's
        candidates. Each class's score adds the intercept, then every known feature's weight
        times its value in the features' order, one after the other, so the sums are the
        same to the bit as feature by feature."""
        if not rows:
            return []
        index, matrix = self._table
        bias, unknown = len(index), repeat(len(index) + 1)
        picked: list[int] = []
        values: list[float] = []
        starts: list[int] = []
        for features in rows:
            starts.append(len(picked))
            picked.append(bias)
            values.append(1.0)
            # An unknown feature adds a zero, which leaves every sum as it was.
            picked.extend(map(index.get, features, unknown))
            values.extend(features.values())
        # The index and value columns read straight into arrays (a list handed to numpy is
        # inspected element by element first); the product and the sums are as before.
        terms = matrix.take(numpy.fromiter(picked, numpy.intp, len(picked)), axis=0)
        terms *= numpy.fromiter(values, numpy.float64, len(values))[:, None]
        return [self._softmax(scores) for scores in numpy.add.reduceat(terms, starts, axis=0).tolist()]

    def _softmax(self, scores: list[float]) -> dict[str, float]:
        if len(self.classes) == 2 and len(scores) == 1:
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, scores[0]))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def as_dict(self) -> dict[str, Any]:
        return {"classes": list(self.classes), "intercept": [round(v, 6) for v in self.intercept],
                "weights": {k: [round(v, 6) for v in self.weights[k]] for k in sorted(self.weights)}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearModel:
        return cls(tuple(data["classes"]), {str(k): tuple(map(float, v)) for k, v in data["weights"].items()},
                   tuple(map(float, data["intercept"])))


@dataclass(frozen=True, slots=True)
class ClaimModel:
    """The two decisions and the probability above which a candidate is a claim."""

    kind: LinearModel
    actor: LinearModel
    threshold: float = 0.5
    meta: Mapping[str, Any] = field(default_factory=dict)

    def decide(self, candidate: Candidate) -> Decision:
        """Kind (or "none"), the probability of a claim, actor, stance and the confidence."""
        return self.decide_all([candidate])[0]

    def decide_all(self, candidates: Sequence[Candidate]) -> list[Decision]:
        """`decide` for each of a document's candidates, the weights summed for all at once."""
        return [decision for decision in self._decisions(candidates, every=True) if decision is not None]

    def decide_claims(self, candidates: Sequence[Candidate]) -> list[Decision | None]:
        """`decide_all`, with None for each candidate the rules make no claim of whatever the
        actor model says: most of a document's are none, and only the others need it read."""
        return self._decisions(candidates, every=False)

    def _decisions(self, candidates: Sequence[Candidate], every: bool) -> list[Decision | None]:
        every_kind = self.kind.probabilities_of([c.features for c in candidates])
        kinds_read = [_family_kind(c, kinds) for c, kinds in zip(candidates, every_kind, strict=True)]
        read = [every or not self._unclaimed(c, 1.0 - kinds.get(NO_CLAIM, 0.0), kind)
                for c, kinds, kind in zip(candidates, every_kind, kinds_read, strict=True)]
        # Each candidate's sums are its own rows' (`probabilities_of`): leaving some out
        # changes no other's to the bit.
        every_actor = iter(self.actor.probabilities_of([
            with_kind(c.features, kind, ACTOR_FEATURES)
            for c, kind, wanted in zip(candidates, kinds_read, read, strict=True) if wanted]))
        return [self._decided(c, kinds, kind, next(every_actor)) if wanted else None
                for c, kinds, kind, wanted in zip(candidates, every_kind, kinds_read, read, strict=True)]

    def _unclaimed(self, candidate: Candidate, p_claim: float, kind: str) -> bool:
        """No claim, whatever the actor: a withdrawal that the rules do not read as a capture,
        or a kind below the threshold (unless a side holds a stated share of a region,
        `_share_of_region`) or that reports nothing (`_no_report`), unless a side advances in
        a region (`_advance_in_region`)."""
        if candidate.trigger.rule.uncertain:
            return not candidate.withdrawal or candidate.hypothetical or candidate.elsewhere or candidate.covered
        if candidate.encircled is not None and not (
                candidate.reference or candidate.said_there or candidate.civilian or candidate.covered):
            # Troops said to be encircled in a place are there: few articles say it, too few
            # for the weights to learn whose troops they are. What the sentence supposes or
            # tries was read where the troops were found (`_encircled`).
            return False
        if candidate.held_region and not (candidate.hypothetical or candidate.elsewhere or candidate.covered):
            # The participle says a side holds ground in the region: the region is the
            # claim's place even where it also locates something else ("near the border
            # with the partially occupied X region").
            return False
        return not _advance_in_region(candidate) and (
            (p_claim < self.threshold and not _share_of_region(candidate)) or _no_report(candidate, kind))

    def _decided(self, candidate: Candidate, kinds: dict[str, float], kind: str,
                 actors: dict[str, float]) -> Decision:
        p_claim = 1.0 - kinds.get(NO_CLAIM, 0.0)
        actor: Actor = "RU" if actors.get("RU", 0.0) >= actors.get("UA", 0.0) else "UA"
        if (candidate.explicit_actor or candidate.withdrawal) and candidate.prior_actor in ("RU", "UA"):
            # The parse names who acts ("ВСУ атаковали X"): base rates ("fighting is mostly
            # Russian") do not outweigh the sentence. After a withdrawal, the side that
            # stayed took the place.
            actor = "RU" if candidate.prior_actor == "RU" else "UA"
        stance: Stance = "denies" if candidate.prior_stance == "denies" else "asserts"
        confidence = p_claim * max(actors.values())
        if self._unclaimed(candidate, p_claim, kind):
            return NO_CLAIM, p_claim, actor, stance, confidence
        if candidate.trigger.rule.uncertain:
            # A withdrawal is read, not weighed: the annotation leaves withdrawals uncertain,
            # so no example teaches the model which are claims. A named side leaving the
            # settlement itself is the other side's capture, by inference; any other
            # withdrawal (to a place, of unnamed troops, of buses) makes no claim
            # (`_unclaimed`). The place left is the trigger's own argument, so "from X" is no
            # mere reference point.
            return "capture", p_claim, actor, stance, WITHDRAWAL_CONFIDENCE
        if candidate.encircled is not None and stance == "asserts":
            # "Ukrainian units are encircled in X": the other side closed in on X (and the
            # encircled side's presence there is recorded beside it, `claims_of`).
            return "advance", p_claim, "RU" if candidate.encircled == "UA" else "UA", stance, confidence
        if _advance_in_region(candidate):
            # A named side advancing in a region ("Russian forces advanced in the X region",
            # "просунулися у X області") advances there: few articles say it, too few for
            # the weights to learn it.
            return "advance", p_claim, actor, stance, confidence
        if candidate.failed and kind in ("capture", "presence", "advance", "fighting"):
            kind, stance = "repelled", "asserts"
        elif candidate.attempt and kind in ("capture", "presence"):
            kind = "fighting"
        elif kind == "capture" and (candidate.part or (
                candidate.target.mention.place.is_region and stance == "asserts"
                and not (candidate.whole or candidate.whole_place))):
            # Holding ground in a region is being in part of it; only "the whole of X
            # region" takes it.
            kind = "presence"
        elif (candidate.whole and kind in ("presence", "advance")) or (candidate.whole_place and kind == "presence"):
            kind = "capture"
        elif candidate.inside and kind == "advance" and (
                not candidate.target.mention.place.is_region or candidate.entering):
            # Advancing in a town is being in part of it. In a region it is either: an
            # incursion into it is a presence, an advance within it an advance.
            kind = "presence"
        return kind, p_claim, actor, stance, confidence

    def to_json(self) -> str:
        data = {"meta": dict(self.meta), "threshold": self.threshold, "kind": self.kind.as_dict(),
                "actor": self.actor.as_dict()}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str, origin: str = "") -> ClaimModel:
        try:
            data = json.loads(text)
            return cls(LinearModel.from_dict(data["kind"]), LinearModel.from_dict(data["actor"]),
                       float(data.get("threshold", 0.5)), dict(data.get("meta") or {}))
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{origin or 'claim model'}: not a frontwatch claim model ({exc})") from exc


@functools.cache
def load_model(path: str = "") -> ClaimModel:
    """The claim model at `path`, or the one shipped with the package (cached per process)."""
    source = Path(path) if path else DEFAULT_MODEL
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read the claim model ({exc.strerror or exc})") from exc
    return ClaimModel.from_json(text, str(source))


def _family_kind(candidate: Candidate, kinds: Mapping[str, float]) -> str:
    """The kind the model reads, unless the trigger's word family is nearly as likely."""
    kind = max((k for k in kinds if k != NO_CLAIM), key=kinds.__getitem__)
    family = candidate.trigger.rule.kind
    if kinds.get(family, 0.0) * FAMILY_ODDS >= kinds[kind] or candidate.attributive:
        kind = family
    return kind


ACTOR_FEATURES = ("cue:", "spk=", "guess=", "prior_actor", "inv", "doc_default", "src", "neg", "denial",
                  "kind=", "key=", "tVoice", "tVerbForm", "tpos", "quoted", "lang=", "bias")
"""The features the actor decision reads: who is named doing what, and who says it."""
_CROSSED = ("cue:", "spk=", "guess=", "neg", "denial", "prior_actor", "inv")
"""The features `with_kind` crosses with the decided kind."""
_READS: dict[tuple[str, ...], dict[str, tuple[bool, bool]]] = {}
"""Per tuple of prefixes, whether `with_kind` keeps each feature name and whether it crosses
it: a document's candidates repeat the same names, and two prefix tests apiece cost more
than one look-up."""


def with_kind(features: Mapping[str, float], kind: str, prefixes: tuple[str, ...] = ()) -> dict[str, float]:
    """The features a decision reads (those starting with `prefixes`, all when empty), with
    the decided kind, and crossed with it."""
    reads = _READS.get(prefixes)
    if reads is None:
        reads = _READS[prefixes] = {}
    chosen: dict[str, float] = {}
    crossed = {f"K={kind}": 1.0}
    suffix = f"|K={kind}"
    for name, value in features.items():
        read = reads.get(name)
        if read is None:
            read = reads[name] = (not prefixes or name.startswith(prefixes),
                                  name.startswith(_CROSSED) and "|" not in name)
        if read[0]:
            chosen[name] = value
            if read[1]:
                crossed[name + suffix] = value
    return {**chosen, **crossed}


def _advance_in_region(candidate: Candidate) -> bool:
    """An advance trigger whose own argument is a region, with a side the parse names as
    its agent: neither an incursion into the region (a presence), a part of it, a region
    that only locates something else, nor an attempt."""
    return (candidate.trigger.rule.kind == "advance" and candidate.target.mention.place.is_region
            and candidate.explicit_actor and candidate.argument and not (
                candidate.entering or candidate.part or candidate.attempt or candidate.failed)
            and not _no_report(candidate, "advance"))


def _share_of_region(candidate: Candidate) -> bool:
    """A taking or holding trigger whose own argument is a region with a share of it said
    ("contrôler 75% de la région", "occupy 200 km2 in the region", "the whole region"): how
    much of the region a side holds, so the region is the claim's place, not a mere location.
    Few articles say it, too few for the weights to outweigh the many regions that only locate.
    Only a finite verb or a noun reports it (an infinitive or a gerund is mostly a goal:
    "to free the whole region", "focused on capturing all of it"), and only in the trigger's
    own clause ("control a fifth of the country, though they do not fully hold any region")."""
    return (candidate.trigger.rule.kind in ("capture", "presence") and candidate.target.mention.place.is_region
            and candidate.argument and (candidate.part or candidate.whole_place)
            and ("tVerbForm=Fin" in candidate.features or "tpos=NOUN" in candidate.features)
            and "syn=other_clause" not in candidate.features and not (
                candidate.reference or candidate.attempt or candidate.failed or candidate.trigger.rule.uncertain))


def _no_report(candidate: Candidate, kind: str) -> bool:
    """Whatever the model says, the candidate reports no claim: a condition or a question, what
    civilians do, a place that only locates something else (save a point an advance, a fight
    or a repulse happens near), a capture or a presence only near the place, the place where
    something was said, a clause about another noun, or a trigger that another one covers."""
    located = (candidate.reference and not (candidate.nearby and kind in NEAR_KINDS)) or (
        candidate.near and kind not in NEAR_KINDS)
    # A failed attempt under the trigger that repelled it ("attempts to seize X have been
    # repelled") is read as that repulse (below), the claim the covering trigger makes.
    covered = candidate.covered and not candidate.failed
    return (candidate.hypothetical or candidate.civilian or located or candidate.said_there
            or candidate.elsewhere or covered)


def claims_of(document: Document, candidates: Sequence[Candidate], model: ClaimModel,
              text: str) -> list[Claim]:
    """The claims a model finds among a document's candidates, one per statement.

    Candidates that make the same statement (place, kind, actor, stance, source, date) are
    one claim: the most confident carries its evidence. A denial that names who made the
    claim it answers ("Kyiv denies Moscow's claim that…") also records that claim, and so
    does a side's denial of reports it does not attribute (the other side's); a denier
    named after the claim ("X took Y, a claim Kyiv denied") records the denial; a speaker
    who denies reports and says the town is theirs denies the other side's capture of it.
    A claim credited only to a side's unnamed sources ("Kyiv denied Russian claims that X
    fell") is the statement of the side's source the article names for it, when it does
    ("the Russian defence ministry said it took X"): it is not kept twice; nor is a claim
    known only as the one a denial answers when a source the article quotes makes it. Nor is
    a headline that says in the outlet's voice what the article credits to a named source,
    nor words in quotation marks left without a speaker when a named source makes the same
    statement: a quotation is someone's words, never the outlet's. The outlet saying it in
    its own sentences as well keeps its claim: a headline over them takes nothing away. A
    statement a side's catch-all source makes ("the Ukrainian military", "the Russian
    side") in the sentence next to a named source of that side making it is that source's,
    introduced by its role: "Ukraine's army refuted the claim. 'This is not true,'
    spokesman X said." A source's reading of a statement for one side that is far less
    certain than its reading for the other side is dropped, and so is a step that the same
    sentence's outcome subsumes (`SUBSUMED`).
    """
    found: dict[tuple[object, ...], Claim] = {}
    sentence_of: dict[tuple[object, ...], int] = {}
    unvoiced: set[tuple[object, ...]] = set()
    voiced: set[tuple[object, ...]] = set()
    cited: set[tuple[object, ...]] = set()
    direct: set[tuple[object, ...]] = set()
    quotations = quoted_spans(text, 0)
    for candidate, decision in zip(candidates, model.decide_claims(candidates), strict=True):
        if decision is None or decision[0] == NO_CLAIM:
            continue
        kind, _, actor, stance, confidence = decision
        target = candidate.target
        claim = Claim(
            doc=document.id, place=target.mention.place, place_mention=text[target.start:target.end]
            if not target.implicit else target.mention.text,
            kind=kind, actor=actor, stance=stance, source=candidate.speaker, date=candidate.date,
            date_inferred=candidate.date_inferred,
            evidence=text[candidate.evidence_start:candidate.evidence_end],
            evidence_start=candidate.evidence_start, evidence_end=candidate.evidence_end,
            confidence=round(max(0.05, min(1.0, confidence * target.mention.score)), 4),
            mention_start=-1 if target.implicit else target.start,
            mention_end=-1 if target.implicit else target.end,
        )
        statements = [claim]
        if candidate.answers_denial and kind == "capture" and stance == "asserts":
            statements.append(replace(claim, actor="UA" if actor == "RU" else "RU", stance="denies",
                                      confidence=round(claim.confidence * 0.8, 4)))
        if candidate.denier is not None and stance == "asserts":
            statements.append(replace(claim, stance="denies", source=candidate.denier,
                                      confidence=round(claim.confidence * 0.9, 4)))
        if kind == "advance" and stance == "asserts" and "modal:failed_after" in candidate.features:
            # "The enemy is surging towards X, but has achieved nothing": the advance is told,
            # and so is its failure, the repulse of the side that advanced.
            statements.append(replace(claim, kind="repelled", confidence=round(claim.confidence * 0.9, 4)))
        if kind == "advance" and stance == "asserts" and candidate.encircled is not None and not candidate.near:
            statements.append(replace(claim, kind="presence", actor="RU" if candidate.encircled == "RU" else "UA"))
        if stance == "denies" and candidate.claimant is not None and candidate.claimant != candidate.speaker:
            statements.append(replace(claim, stance="asserts", source=candidate.claimant,
                                      confidence=round(claim.confidence * 0.8, 4)))
            cited.add((claim.place.geonameid, kind, actor, "asserts", candidate.claimant.name, claim.date))
        direct.add((claim.place.geonameid, kind, actor, stance, claim.source.name, claim.date))
        for statement in statements:
            key = (statement.place.geonameid, statement.kind, statement.actor, statement.stance,
                   statement.source.name, statement.date)
            if key not in found or found[key].confidence < statement.confidence:
                found[key] = statement
                sentence_of[key] = candidate.sentence
            if statement.source.name == "narrator":
                if "headline" in candidate.features or any(
                        start <= candidate.target.start < end for start, end in quotations):
                    unvoiced.add(key)
                else:
                    voiced.add(key)
    repeated = _restated(found, unvoiced - voiced, sentence_of)
    repeated |= _cited_only(found, cited - direct)
    kept = [(c, sentence_of[key]) for key, c in found.items() if key not in repeated]
    return sorted(_one_side_each(_outcomes_only(kept)), key=lambda c: (c.evidence_start, c.mention_start, c.kind))


SUBSUMED = {"advance": "capture", "fighting": "repelled"}
"""A step and the outcome that ends it: "advanced on X and took it" is the capture, "repelled
attacks on X" the repulse. Said of one place and side by one source in one sentence, the
step is no statement of its own (the annotation codes the outcome alone; five-seed CV
0.6976 -> 0.7003, every seed up). A capture with a fight, or with a presence, stays two: the
annotation often keeps both, and dropping either loses."""


def _outcomes_only(claims: list[tuple[Claim, int]]) -> list[Claim]:
    """The claims (with their sentence), less the steps a sentence's outcome subsumes."""
    outcomes = {(c.place.geonameid, c.kind, c.actor, c.source.name, sentence)
                for c, sentence in claims if c.stance == "asserts"}
    return [c for c, sentence in claims
            if not (c.stance == "asserts" and c.kind in SUBSUMED and (
                c.place.geonameid, SUBSUMED[c.kind], c.actor, c.source.name, sentence) in outcomes)]


def _one_side_each(claims: list[Claim]) -> list[Claim]:
    """A source that, by the readings, says the same of one place for both sides (two
    captures, two fights) keeps the other side's reading only when it is nearly as certain:
    a far less certain one is the actor decision misreading the same words, more often than
    the source telling two events."""
    best: dict[tuple[object, ...], dict[str, float]] = {}
    for claim in claims:
        sides = best.setdefault((claim.place.geonameid, claim.kind, claim.stance, claim.source.name), {})
        sides[claim.actor] = max(sides.get(claim.actor, 0.0), claim.confidence)
    return [claim for claim in claims
            if max(best[(claim.place.geonameid, claim.kind, claim.stance, claim.source.name)].values())
            - claim.confidence < SIDE_MARGIN]


UNNAMED = frozenset(name for side, name in SIDE_SOURCES.items() if side != "third")
"""The sources a claim gets when the text only says which side made it ("Russian claims")."""
CATCH_ALL = frozenset({"Ukrainian military", "Ukrainian authorities", "Russian authorities",
                       SIDE_SPEAKERS["UA"], SIDE_SPEAKERS["RU"]})
"""The registry's names for a side's institutions at large, which articles use to
introduce the person who speaks for them ("a Ukrainian military spokesman")."""
NEXT_SENTENCE = 1
"""How far apart (in sentences) a catch-all source's statement and a named source's stay one."""
UNSPECIFIC = CATCH_ALL | UNNAMED | {"narrator"}
"""The sources that name no one in particular."""


def _cited_only(found: Mapping[tuple[object, ...], Claim], cited: set[tuple[object, ...]]) -> set[tuple[object, ...]]:
    """The claims known only as what a denial answers ("refuted claims in Russian media that
    X fell") that a source the article quotes makes itself, whatever its side: the denial
    cites that statement, not another one (five-seed CV 0.7258 -> 0.7274, every seed up)."""
    voiced = {key[:4] for key, c in found.items() if key not in cited and c.source.name != "narrator"}
    return {key for key in cited & found.keys() if key[:4] in voiced}


def _restated(found: Mapping[tuple[object, ...], Claim], unvoiced: set[tuple[object, ...]],
              sentence_of: Mapping[tuple[object, ...], int]) -> set[tuple[object, ...]]:
    """The claims that repeat a named source's: one credited to a side's unnamed sources
    when a named source of that side makes the statement, one credited to a side's
    catch-all source when a named source of that side makes it in the next sentence or the
    one before, and one in the outlet's voice that only a headline or a quotation makes
    (`unvoiced`) when any named source does. (A claim's key begins with its statement: place, kind,
    actor, stance.)"""
    by_side = {key[:4] + (c.source.side,) for key, c in found.items() if c.source.name not in UNNAMED}
    by_someone = {key[:4] for key, c in found.items() if c.source.name != "narrator"}
    named_at: dict[tuple[object, ...], list[int]] = {}
    for key, c in found.items():
        if c.source.name not in UNSPECIFIC:
            named_at.setdefault(key[:4] + (c.source.side,), []).append(sentence_of[key])
    return {key for key, c in found.items()
            if (c.source.name in UNNAMED and key[:4] + (c.source.side,) in by_side)
            or (c.source.name in CATCH_ALL and any(
                abs(at - sentence_of[key]) <= NEXT_SENTENCE for at in named_at.get(key[:4] + (c.source.side,), ())))
            or (key in unvoiced and key[:4] in by_someone)}


__all__ = ["ClaimModel", "LinearModel", "claims_of", "load_model"]

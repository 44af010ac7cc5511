"""The claim model's arithmetic: the shipped weights give the same probabilities whether a
document's candidates are scored together or one at a time, and unknown features count for
nothing."""

from __future__ import annotations

import math

from frontwatch.claims.model import LinearModel, _one_side_each
from frontwatch.records import Claim, Place, Source


def _softmax_by_hand(model: LinearModel, features: dict[str, float]) -> dict[str, float]:
    scores = []
    for k, score in enumerate(model.intercept):
        for name, value in features.items():
            if name in model.weights:
                score += model.weights[name][k] * value
        scores.append(score)
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    return {c: e / sum(exp) for c, e in zip(model.classes, exp, strict=True)}


KINDS = LinearModel(("capture", "none", "presence"),
                    {"key=en:take": (1.25, -0.5, 0.1), "neg:syntax": (-2.0, 1.5, -0.75), "partial": (-0.3, 0.0, 1.1)},
                    (0.2, 0.4, -0.6))


def test_probabilities_are_the_softmax_of_the_weighted_sums() -> None:
    features = {"key=en:take": 1.0, "partial": 3.0, "never-seen": 7.0}
    assert KINDS.probabilities(features) == _softmax_by_hand(KINDS, features)


def test_a_batch_scores_each_candidate_as_alone_to_the_bit() -> None:
    rows = [{"key=en:take": 1.0}, {}, {"neg:syntax": 1.0, "key=en:take": 3.0, "x": 1.0}, {"partial": 0.5}]
    assert KINDS.probabilities_of(rows) == [KINDS.probabilities(row) for row in rows]
    assert KINDS.probabilities_of([]) == []


def test_unknown_features_leave_the_probabilities_unchanged() -> None:
    assert KINDS.probabilities({"key=en:take": 1.0, "unheard": 2.5}) == KINDS.probabilities({"key=en:take": 1.0})


def test_one_weight_column_is_a_logistic_regression() -> None:
    actors = LinearModel(("RU", "UA"), {"cue:agent=UA": (2.0,)}, (-0.5,))
    found = actors.probabilities({"cue:agent=UA": 1.0})
    assert found["UA"] == 1.0 / (1.0 + math.exp(-1.5))
    assert math.isclose(found["RU"] + found["UA"], 1.0)


PIATYKHATKY = Place(700000, "Pyatykhatky", 47.4, 35.8, "Zaporizhzhia Oblast", "UA", "PPL", 900)


def _capture(actor: str, confidence: float, source: str = "narrator") -> Claim:
    return Claim(doc="d", place=PIATYKHATKY, place_mention="Piatykhatky", kind="capture", actor=actor,  # type: ignore[arg-type]
                 stance="asserts", source=Source(source, "third"), date=None, evidence="…", evidence_start=0,
                 evidence_end=1, confidence=confidence)


def test_a_far_less_certain_reading_for_the_other_side_is_dropped() -> None:
    """"Ukrainian forces have recaptured Piatykhatky" read once for each side by one source:
    the far less certain side is the actor decision misreading the same words."""
    kept = _one_side_each([_capture("UA", 0.85), _capture("RU", 0.45)])
    assert [(c.actor, c.confidence) for c in kept] == [("UA", 0.85)]


def test_two_sides_nearly_as_certain_or_from_two_sources_are_both_kept() -> None:
    """"Russia took X in 2022; Ukraine retook it": both read with confidence stay, and two
    sources' opposite statements are a contradiction to show, not a misreading."""
    assert len(_one_side_each([_capture("UA", 0.85), _capture("RU", 0.7)])) == 2
    assert len(_one_side_each([_capture("UA", 0.85), _capture("RU", 0.4, source="Russian Ministry of Defence")])) == 2



def test_a_reading_for_the_other_side_a_quarter_less_certain_is_dropped() -> None:
    """One source's two opposite readings a quarter apart in confidence are one statement
    misread, not two events."""
    kept = _one_side_each([_capture("UA", 0.8), _capture("RU", 0.55)])
    assert [(c.actor, c.confidence) for c in kept] == [("UA", 0.8)]

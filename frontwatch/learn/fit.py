"""Fitting the claim model: two logistic regressions over the candidates' features.

Deterministic: features are sorted by name, the solver (L-BFGS) has no randomness, and the
weights are rounded when written, so the same examples give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from frontwatch.claims.model import (
    ACTOR_FEATURES,
    NO_CLAIM,
    ClaimModel,
    LinearModel,
    with_kind,
)
from frontwatch.errors import ConfigError
from frontwatch.learn.examples import Example


@dataclass(frozen=True, slots=True)
class TrainingConfig:
    """Regularisation of each decision and the claim threshold, chosen by 5-fold
    cross-validation on three fold seeds: the kind decision's error is mostly variance (it
    fits its own training articles at F1 0.75 with weak regularisation, held-out ones at
    0.58), so it is regularised strongly. Re-measured on later features by five-seed CV
    (0.7719), each value moved alone: c_kind 0.05 / 0.07 / 0.15 / 0.2, c_actor 0.25 / 0.35 /
    0.7, threshold 0.4 / 0.42 / 0.48 / 0.5 and min_count 3 all scored lower (0.7680-0.7716),
    and the threshold's optimum held on fold seeds 5-9 as well."""

    c_kind: float = 0.1
    c_actor: float = 0.5
    threshold: float = 0.45
    min_count: int = 2
    """Features seen in fewer examples than this are left out (they would only memorise)."""

    def as_dict(self) -> dict[str, float]:
        return {"c_kind": self.c_kind, "c_actor": self.c_actor, "threshold": self.threshold,
                "min_count": self.min_count}


def _learner() -> Any:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ConfigError("training needs scikit-learn: pip install 'frontwatch[train]'") from exc
    return DictVectorizer, LogisticRegression


def _frequent(rows: Sequence[Mapping[str, float]], min_count: int) -> set[str]:
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    return {name for name, n in counts.items() if n >= min_count}


def _linear(rows: Sequence[Mapping[str, float]], labels: Sequence[str], c: float, min_count: int) -> LinearModel:
    dict_vectorizer, logistic_regression = _learner()
    keep = _frequent(rows, min_count)
    rows = [{k: v for k, v in row.items() if k in keep} for row in rows]
    vectorizer = dict_vectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    classes = sorted(set(labels))
    if len(classes) == 1:
        return LinearModel(tuple(classes), {}, (0.0,))
    learner = logistic_regression(C=c, max_iter=5000, solver="lbfgs", tol=1e-6)
    learner.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    coef = learner.coef_
    weights: dict[str, tuple[float, ...]] = {}
    for j, name in enumerate(names):
        column = tuple(float(round(coef[k][j], 6)) for k in range(coef.shape[0]))
        if any(abs(w) >= 1e-6 for w in column):
            weights[str(name)] = column
    intercept = tuple(float(round(v, 6)) for v in learner.intercept_)
    return LinearModel(tuple(str(c) for c in learner.classes_), weights, intercept)


def fit(examples: Sequence[Example], config: TrainingConfig | None = None,
        meta: Mapping[str, Any] | None = None) -> ClaimModel:
    """Train the three decisions on labelled candidates."""
    config = config or TrainingConfig()
    if not examples:
        raise ConfigError("no training examples: are the gold articles' places and triggers found?")
    kind = _linear([e.candidate.features for e in examples], [e.kind for e in examples],
                   config.c_kind, config.min_count)
    claims = [e for e in examples if e.kind != NO_CLAIM and e.actor and e.stance]
    actor = _linear([with_kind(e.candidate.features, e.kind, ACTOR_FEATURES) for e in claims],
                    [str(e.actor) for e in claims], config.c_actor, config.min_count)
    info = {"training": config.as_dict(), "examples": len(examples), "claims": len(claims), **(meta or {})}
    return ClaimModel(kind, actor, config.threshold, info)


def data_hash(hashes: Mapping[str, str]) -> str:
    """One hash for a gold corpus (its per-set hashes, in order)."""
    digest = hashlib.sha256()
    for name in sorted(hashes):
        digest.update(f"{name}:{hashes[name]}\n".encode())
    return digest.hexdigest()


def train(examples: Sequence[Example], hashes: Mapping[str, str], *, command: str, lexicon: str,
          config: TrainingConfig | None = None) -> ClaimModel:
    """A model to ship: fitted, with the hash of its data and the command that rebuilds it."""
    meta = {"data_sha256": data_hash(hashes), "command": command, "lexicon": lexicon}
    return fit(examples, config, meta)


__all__ = ["TrainingConfig", "data_hash", "fit", "train"]

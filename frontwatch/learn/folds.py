"""K-fold cross-validation grouped by article.

Articles are dealt into K folds per language (so every fold holds each language), in an
order fixed by a hash of their ids: the same corpus always gives the same folds. For each
fold a model is trained on the other K-1 folds' examples and applied to the held fold's
candidates; the pooled report scores every article once, by a model that never saw it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from frontwatch.claims.candidates import Candidate
from frontwatch.claims.model import claims_of
from frontwatch.eval.score import EvalReport, GoldCorpus, score
from frontwatch.learn.examples import Example, label_candidates
from frontwatch.learn.fit import TrainingConfig, fit
from frontwatch.records import Extraction


@dataclass(frozen=True, slots=True)
class CrossValidation:
    """The pooled report over all held-out articles, and each fold's own report."""

    pooled: EvalReport
    folds: tuple[EvalReport, ...]
    extractions: tuple[Extraction, ...]


def folds(corpus: GoldCorpus, k: int, seed: int = 0) -> list[list[str]]:
    """Article ids per fold, stratified by language, fixed by the ids and the seed."""
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    by_lang: dict[str, list[str]] = {}
    for gold in corpus.documents:
        by_lang.setdefault(gold.document.lang or "?", []).append(gold.document.id)
    out: list[list[str]] = [[] for _ in range(k)]
    offset = 0
    for lang in sorted(by_lang):
        ids = sorted(by_lang[lang], key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).hexdigest())
        for n, doc_id in enumerate(ids):
            out[(n + offset) % k].append(doc_id)
        offset += len(ids)
    return out


def cross_validate(corpus: GoldCorpus, found: Sequence[tuple[Extraction, tuple[Candidate, ...]]],
                   rules_kwargs: Mapping[str, Any], k: int = 5, config: TrainingConfig | None = None,
                   seed: int = 0) -> CrossValidation:
    """Train on K-1 folds, score the held one, for every fold; pool the held-out predictions."""
    from frontwatch.eval.score import PlaceRules

    rules = PlaceRules(gazetteer=rules_kwargs.get("gazetteer"))
    by_id = {gold.document.id: gold for gold in corpus.documents}
    labelled: dict[str, list[Example]] = {}
    for extraction, candidates in found:
        gold = by_id[extraction.document.id]
        labelled[extraction.document.id] = label_candidates(gold, candidates, rules)
    held_out: list[Extraction] = []
    reports: list[EvalReport] = []
    for fold in folds(corpus, k, seed):
        held = set(fold)
        training = [e for doc_id, ex in labelled.items() if doc_id not in held for e in ex]
        model = fit(training, config)
        fold_extractions = []
        for extraction, candidates in found:
            if extraction.document.id in held:
                claims = claims_of(extraction.document, candidates, model, extraction.document.text)
                fold_extractions.append(replace(extraction, claims=tuple(claims)))
        held_out += fold_extractions
        subset = GoldCorpus(tuple(g for g in corpus.documents if g.document.id in held), corpus.hashes)
        reports.append(score(subset, fold_extractions, **rules_kwargs))
    pooled = score(corpus, held_out, **rules_kwargs)
    return CrossValidation(pooled, tuple(reports), tuple(held_out))


__all__ = ["CrossValidation", "cross_validate", "folds"]

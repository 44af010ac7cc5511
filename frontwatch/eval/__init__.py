"""Scoring against gold articles and the pinned accuracy gate (see docs/eval.md)."""

from frontwatch.eval.gate import check, load_baseline, update_baseline
from frontwatch.eval.score import EvalReport, GoldCorpus, load_gold, report_as_dict, score

__all__ = [
    "EvalReport",
    "GoldCorpus",
    "check",
    "load_baseline",
    "load_gold",
    "report_as_dict",
    "score",
    "update_baseline",
]

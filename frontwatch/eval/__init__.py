"""Scoring against gold articles and the pinned accuracy gate (see docs/eval.md).

The scoring function is `frontwatch.eval.score.score`; it is not re-exported here, where its
name would hide the `score` module.
"""

from frontwatch.eval.gate import check, load_baseline, update_baseline
from frontwatch.eval.score import EvalReport, GoldCorpus, load_gold, report_as_dict

__all__ = [
    "EvalReport",
    "GoldCorpus",
    "check",
    "load_baseline",
    "load_gold",
    "report_as_dict",
    "update_baseline",
]

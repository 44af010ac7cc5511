"""Reconciliation: claims about a place -> its control status over time (no database)."""

from frontwatch.reconcile.timeline import (
    CAPTURE_STATUSES,
    PARTIAL_STATUSES,
    RULES,
    STATUSES,
    Weights,
    claim_of,
    counts,
    in_effect,
    partial_note,
    status_as_of,
    status_of,
    timeline,
    weight,
)

__all__ = [
    "CAPTURE_STATUSES",
    "PARTIAL_STATUSES",
    "RULES",
    "STATUSES",
    "Weights",
    "claim_of",
    "counts",
    "in_effect",
    "partial_note",
    "status_as_of",
    "status_of",
    "timeline",
    "weight",
]

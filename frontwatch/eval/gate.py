"""Pinned accuracy floors, so a change that makes extraction worse fails loudly.

`baseline.json` holds, per gold set (fr, en, uk, ru, seeds), the sha256 of its files and a
floor per metric. `check` fails a set under a floor by more than its noise, or whose gold
files changed (floors measured on other gold mean nothing). The noise is one claim's worth
(a lost match, one more wrong side or date) or `epsilon`, whichever is larger: retraining
the claim model after a change that touches no dev sentence moves single claims, and on a
set of two to twenty articles one claim is 0.01 to 0.04. `update_baseline` raises floors
to what a run measured and refuses to lower one unless told to, with a reason kept in the
file's history.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from copy import deepcopy
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError, InputError
from frontwatch.eval.score import EvalReport

METRICS: tuple[str, ...] = ("f1", "source_side", "date", "place_resolution")
BASELINE_PATH = Path(__file__).with_name("baseline.json")


class RegressionError(FrontwatchError):
    """Raised when updating the baseline would lower a floor without `allow_regression`."""


def load_baseline(path: Path | None = None) -> dict[str, Any]:
    """The pinned floors (the packaged file by default)."""
    target = path or BASELINE_PATH
    try:
        data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"sets": {}, "history": []}
    except (OSError, ValueError) as exc:
        raise InputError(str(target), f"not a baseline JSON file ({exc})") from exc
    data.setdefault("sets", {})
    data.setdefault("history", [])
    return data


def save_baseline(baseline: dict[str, Any], path: Path | None = None) -> None:
    """Write the baseline with stable key order, so a diff shows only what moved."""
    target = path or BASELINE_PATH
    target.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def check(report: EvalReport, baseline: dict[str, Any], epsilon: float = 0.01) -> list[str]:
    """Why the report fails the pinned floors, one line per failure; empty when it passes."""
    failures: list[str] = []
    sets: dict[str, Any] = baseline.get("sets", {})
    for name, part in sorted(report.by_set.items()):
        pinned = sets.get(name)
        if pinned is None:
            failures.append(f"{name}: no floors pinned for this set (run --update-baseline)")
            continue
        found = report.hashes.get(name)
        if pinned.get("sha256") != found:
            failures.append(
                f"{name}: gold corpus changed (sha256 {str(found)[:12]} != pinned "
                f"{str(pinned.get('sha256'))[:12]}); re-pin with --update-baseline --reason"
            )
        for metric, floor in sorted(pinned.get("floors", {}).items()):
            value = part.metric(metric)
            if value is None:
                if floor > 0:
                    failures.append(f"{name}: {metric} not measured (floor {floor:.3f})")
                continue
            noise = max(epsilon, part.one_item(metric))
            if value < floor - noise:
                failures.append(
                    f"{name}: {metric} {value:.3f} is under its floor {floor:.3f} "
                    f"(by more than one claim's worth, {noise:.3f})"
                )
    return failures


def update_baseline(
    report: EvalReport,
    baseline: dict[str, Any],
    *,
    allow_regression: bool = False,
    reason: str | None = None,
    epsilon: float = 0.01,
) -> dict[str, Any]:
    """A new baseline with each measured set's floors raised to this run and its hash re-pinned.

    A metric within its noise under its floor (one claim's worth, or `epsilon`) keeps the
    floor; one further under it raises `RegressionError` unless `allow_regression`, and then
    the floor drops to the measured value. Sets the report did not measure are kept as they
    are.
    """
    updated = deepcopy(baseline)
    sets: dict[str, Any] = updated.setdefault("sets", {})
    lowered: list[str] = []
    for name, part in sorted(report.by_set.items()):
        pinned = sets.setdefault(name, {"floors": {m: 0.0 for m in METRICS}})
        floors: dict[str, float] = pinned.setdefault("floors", {})
        for metric in METRICS:
            value = part.metric(metric)
            old = float(floors.get(metric, 0.0))
            if value is None:
                floors[metric] = old
                continue
            measured = math.floor(value * 1000) / 1000
            if measured >= old:
                floors[metric] = measured
            elif value >= old - max(epsilon, part.one_item(metric)):
                floors[metric] = old
            else:
                lowered.append(f"{name}: {metric} {old:.3f} -> {measured:.3f}")
                floors[metric] = measured
        pinned["sha256"] = report.hashes.get(name, pinned.get("sha256"))
    if lowered and not allow_regression:
        raise RegressionError(
            "refusing to lower floors (" + "; ".join(lowered) + "); pass --allow-regression "
            "with --reason to accept"
        )
    entry: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "sets": sorted(report.by_set),
        "extractor_version": report.extractor_version,
    }
    if reason:
        entry["reason"] = reason
    if lowered:
        entry["lowered"] = lowered
    updated.setdefault("history", []).append(entry)
    return updated

"""Each reconciliation rule on a small hand-made claim set."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.reconcile import status_as_of, status_of, timeline
from frontwatch.records import Claim, PartialDate, Place, Source, StoredClaim

TORETSK = Place(709354, "Toretsk", 48.3979, 37.8476, "Donetsk Oblast", "UA", "PPLA3")


def mk(
    kind: str,
    actor: str,
    source_side: str,
    date: str | None,
    *,
    stance: str = "asserts",
    source: str | None = None,
    evidence: str = "",
) -> Claim:
    return Claim(
        doc="d",
        place=TORETSK,
        place_mention="Toretsk",
        kind=kind,
        actor=actor,  # type: ignore[arg-type]
        stance=stance,  # type: ignore[arg-type]
        source=Source(source or f"{source_side} source", source_side),  # type: ignore[arg-type]
        date=PartialDate.parse(date) if date else None,
        evidence=evidence or f"{source_side} says {actor} {kind} {stance}",
        evidence_start=0,
        evidence_end=10,
        confidence=0.9,
    )


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([mk("capture", "RU", "RU", "2025-02-07")], "ru_claimed"),
        ([mk("capture", "UA", "UA", "2025-02-07")], "ua_claimed"),
        ([mk("capture", "RU", "third", "2025-02-07")], "ru_confirmed"),
        ([mk("capture", "RU", "UA", "2025-02-07")], "ru_confirmed"),
        ([mk("capture", "UA", "RU", "2025-02-07")], "ua_confirmed"),
        ([mk("presence", "RU", "UA", "2025-02-07")], "contested"),
        ([mk("fighting", "RU", "third", "2025-02-07")], "contested"),
        ([mk("repelled", "RU", "UA", "2025-02-07")], "contested"),
        ([mk("advance", "RU", "RU", "2025-02-07")], "unknown"),
        ([], "unknown"),
    ],
)
def test_reconcile_single_claim(claims: list[Claim], expected: str) -> None:
    assert status_of(claims) == expected


def test_reconcile_denial_contests_capture_same_day() -> None:
    claims = [
        mk("capture", "RU", "RU", "2025-02-07", source="Russian Ministry of Defence"),
        mk("capture", "RU", "UA", "2025-02-07", stance="denies", source="Ukrainian army"),
    ]
    [change] = timeline(claims)
    assert change.status == "contested"
    assert [c.source.name for c in change.claims_for] == ["Ukrainian army"]
    assert [c.source.name for c in change.claims_against] == ["Russian Ministry of Defence"]


def test_reconcile_later_denial_contests_claimed_capture() -> None:
    claims = [
        mk("capture", "RU", "RU", "2025-02-07"),
        mk("capture", "RU", "UA", "2025-02-09", stance="denies"),
    ]
    assert [c.status for c in timeline(claims)] == ["ru_claimed", "contested"]
    assert status_of(claims, dt.date(2025, 2, 8)) == "ru_claimed"


def test_reconcile_denial_of_other_side_capture_is_consistent() -> None:
    claims = [
        mk("capture", "UA", "third", "2025-02-01"),
        mk("capture", "RU", "UA", "2025-02-09", stance="denies"),
    ]
    [change] = timeline(claims)
    assert change.status == "ua_confirmed"
    assert len(change.claims_for) == 2


def test_reconcile_confirmation_upgrades_and_self_claim_never_downgrades() -> None:
    claims = [
        mk("capture", "RU", "RU", "2025-02-07"),
        mk("capture", "RU", "third", "2025-02-10", source="ISW"),
        mk("capture", "RU", "RU", "2025-02-12"),
    ]
    changes = timeline(claims)
    assert [c.status for c in changes] == ["ru_claimed", "ru_confirmed"]
    assert len(changes[-1].claims_for) == 2


def test_reconcile_admission_outweighs_contrary_claims() -> None:
    claims = [
        mk("capture", "RU", "UA", "2025-02-07", source="Ukrainian army"),
        mk("capture", "UA", "UA", "2025-02-07", source="Ukrainian unit"),
    ]
    [change] = timeline(claims)
    assert change.status == "ru_confirmed"
    assert [c.source.name for c in change.claims_against] == ["Ukrainian unit"]
    denied = [
        mk("capture", "RU", "UA", "2025-02-07"),
        mk("capture", "RU", "third", "2025-02-07", stance="denies"),
    ]
    assert status_of(denied) == "ru_confirmed"


def test_reconcile_conflicting_self_claims_are_contested() -> None:
    claims = [mk("capture", "RU", "RU", "2025-02-07"), mk("capture", "UA", "UA", "2025-02-07")]
    assert status_of(claims) == "contested"


def test_reconcile_presence_of_holder_is_consistent_else_contests() -> None:
    held = [mk("capture", "RU", "RU", "2025-02-07"), mk("presence", "RU", "RU", "2025-02-09")]
    assert [c.status for c in timeline(held)] == ["ru_claimed"]
    entered = [mk("capture", "UA", "UA", "2025-01-01"), mk("presence", "RU", "UA", "2025-02-09")]
    assert [c.status for c in timeline(entered)] == ["ua_claimed", "contested"]


def test_reconcile_capture_with_own_fighting_same_day_is_not_contrary() -> None:
    claims = [mk("capture", "RU", "RU", "2025-02-07"), mk("fighting", "RU", "third", "2025-02-07")]
    assert status_of(claims) == "ru_claimed"


def test_reconcile_repelled_keeps_defender_status_at_most() -> None:
    held = [mk("capture", "UA", "UA", "2024-01-01"), mk("repelled", "RU", "UA", "2024-03-01")]
    assert [c.status for c in timeline(held)] == ["ua_claimed"]
    claimed = [mk("capture", "RU", "RU", "2024-01-01"), mk("repelled", "RU", "UA", "2024-03-01")]
    assert [c.status for c in timeline(claimed)] == ["ru_claimed", "contested"]


def test_reconcile_partial_note_from_presence() -> None:
    claims = [
        mk("presence", "RU", "UA", "2024-10", evidence="Russian forces entered the eastern part"),
        mk("fighting", "RU", "third", "2024-11-02"),
    ]
    changes = timeline(claims)
    assert len(changes) == 1
    assert changes[0].partial is not None
    assert "eastern part" in changes[0].partial
    later = claims + [mk("capture", "RU", "third", "2025-02-10")]
    assert timeline(later)[-1].partial is None


def test_reconcile_month_bucket_compares_by_month() -> None:
    claims = [
        mk("presence", "RU", "UA", "2024-10"),
        mk("capture", "RU", "RU", "2024-10-20"),
    ]
    changes = timeline(claims)
    assert [str(c.date) for c in changes] == ["2024-10", "2024-10-20"]
    assert status_as_of(changes, dt.date(2024, 10, 1)) is changes[0]
    assert status_as_of(changes, dt.date(2024, 9, 30)) is None
    assert status_as_of(changes, dt.date(2024, 10, 25)) is changes[1]


def test_reconcile_newer_evidence_supersedes() -> None:
    claims = [
        mk("capture", "UA", "third", "2022-09-10"),
        mk("fighting", "RU", "third", "2024-06-01"),
        mk("capture", "RU", "RU", "2025-02-07"),
    ]
    assert [c.status for c in timeline(claims)] == ["ua_confirmed", "contested", "ru_claimed"]
    assert status_of(claims, dt.date(2023, 1, 1)) == "ua_confirmed"


def test_reconcile_ignores_rejected_and_undated_claims() -> None:
    rejected = StoredClaim(1, mk("capture", "RU", "RU", "2025-02-07"), None, "rejected")
    undated = mk("capture", "UA", "UA", None)
    kept = StoredClaim(2, mk("fighting", "RU", "third", "2025-02-01"), None, None)
    changes = timeline([rejected, undated, kept])
    assert [c.status for c in changes] == ["contested"]
    assert changes[0].claims_for == (kept,)


def test_reconcile_advance_only_is_unknown_then_changes() -> None:
    claims = [mk("advance", "RU", "RU", "2024-08-01"), mk("fighting", "RU", "UA", "2024-09-01")]
    assert [c.status for c in timeline(claims)] == ["unknown", "contested"]


def test_reconcile_new_partial_note_is_a_timeline_entry() -> None:
    claims = [
        mk("fighting", "RU", "third", "2024"),
        mk("presence", "RU", "UA", "2024-10-07", evidence="entered the eastern part"),
        mk("fighting", "RU", "UA", "2024-10-20"),
    ]
    changes = timeline(claims)
    assert [(str(c.date), c.status, c.partial is not None) for c in changes] == [
        ("2024", "contested", False),
        ("2024-10-07", "contested", True),
    ]
    assert len(changes[-1].claims_for) == 2

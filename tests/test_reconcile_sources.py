"""Track records of sources from hand-made claims and a hand-made layer (no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from frontwatch.reconcile.sources import source_key, track_records
from frontwatch.records import Claim, PartialDate, Place, Source, StoredClaim

TOWN = Place(9100001, "Millbrook", 48.2, 37.4, "Donetsk Oblast", "UA", "PPL", 8000)
MOD = Source("Russian Ministry of Defence", "RU")
GENSTAFF = Source("Ukrainian General Staff", "UA")
BRIGADE = Source("a Russian assault brigade", "RU")
ANALYSTS = Source("an open-source analysis group", "third")


def claim(source: Source, date: str, *, kind: str = "capture", actor: str = "RU",
          stance: str = "asserts", doc: str = "", cid: int = 0, url: str | None = None
          ) -> StoredClaim:
    made = Claim(
        doc=doc or f"{source.name}-{date}", place=TOWN, place_mention=TOWN.name, kind=kind,
        actor=actor, stance=stance, source=source,  # type: ignore[arg-type]
        date=PartialDate.parse(date), evidence=f"{source.name} on {date}", evidence_start=0,
        evidence_end=5, confidence=0.8,
    )
    return StoredClaim(cid, made, url)


@dataclass
class FakeLayer:
    """A layer that maps Millbrook from `first` and shows it Russian-held from `shown`."""

    name: str
    first: dt.date
    shown: dt.date | None
    last: dt.date = dt.date(2025, 12, 31)

    def span(self, place: Place) -> tuple[dt.date, dt.date] | None:
        return (self.first, self.last) if place == TOWN else None

    def first_showing(self, c: Claim, start: dt.date, end: dt.date) -> dt.date | None:
        if self.shown is None or c.actor != "RU" or self.shown > end:
            return None
        return max(self.shown, start)


def outcomes(records: list, name: str) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    record = next(r for r in records if r.name == name)
    return [(c.outcome, c.by, c.lag) for c in record.checks]


def test_sources_opponent_admission_and_third_party_confirm() -> None:
    claims = [
        claim(MOD, "2025-03-01", cid=1),
        claim(GENSTAFF, "2025-03-04", cid=2),
        claim(ANALYSTS, "2025-03-09", cid=3),
    ]
    records = track_records(claims)
    assert outcomes(records, MOD.name) == [("confirmed", "admission", 3)]
    # The admission is itself confirmed by the analysts, five days on.
    assert outcomes(records, GENSTAFF.name) == [("confirmed", "third party", 5)]
    # The admission came first: the analysts were confirmed before they spoke (lag 0).
    assert outcomes(records, ANALYSTS.name) == [("confirmed", "admission", 0)]


def test_sources_own_side_and_same_source_never_confirm() -> None:
    claims = [claim(MOD, "2025-03-01", cid=1), claim(BRIGADE, "2025-03-02", cid=2),
              claim(MOD, "2025-03-05", cid=3)]
    assert outcomes(track_records(claims), MOD.name) == [("open", None, None)] * 2


def test_sources_late_confirmation_and_lag_percentiles() -> None:
    claims = [
        claim(MOD, "2025-01-01", cid=1),
        claim(MOD, "2025-02-01", cid=2, kind="presence"),
        claim(ANALYSTS, "2025-03-20", cid=3),
    ]
    record = next(r for r in track_records(claims, within=30) if r.name == MOD.name)
    assert [(c.outcome, c.lag) for c in record.checks] == [("late", 78), ("late", 47)]
    assert (record.median_lag, record.p90_lag) == (62.5, 78)
    # Wider window: both confirmed; a capture confirms a presence claim, not the reverse.
    wide = next(r for r in track_records(claims, within=90) if r.name == MOD.name)
    assert [c.outcome for c in wide.checks] == ["confirmed", "confirmed"]


def test_sources_contradicted_by_third_party_or_own_side_not_by_opponent() -> None:
    denied_by_opponent = [claim(MOD, "2025-03-01", cid=1),
                          claim(GENSTAFF, "2025-03-02", cid=2, stance="denies")]
    assert outcomes(track_records(denied_by_opponent), MOD.name) == [("open", None, None)]
    by_analysts = [claim(MOD, "2025-03-01", cid=1),
                   claim(ANALYSTS, "2025-03-03", cid=2, stance="denies")]
    assert outcomes(track_records(by_analysts), MOD.name) == [("contradicted", "third party",
                                                                None)]
    own_side = [claim(MOD, "2025-03-01", cid=1),
                claim(BRIGADE, "2025-03-03", cid=2, stance="denies")]
    assert outcomes(track_records(own_side), MOD.name) == [("contradicted", "own side", None)]
    retaken = [claim(MOD, "2025-03-01", cid=1),
               claim(ANALYSTS, "2025-03-03", cid=2, actor="UA")]
    assert outcomes(track_records(retaken), MOD.name) == [("contradicted", "third party", None)]


def test_sources_layer_confirms_contradicts_or_cannot_say() -> None:
    mod = [claim(MOD, "2025-03-01", cid=1)]
    shown = FakeLayer("watch", dt.date(2025, 1, 1), dt.date(2025, 3, 20))
    assert outcomes(track_records(mod, layers=[shown]), MOD.name) == [
        ("confirmed", "layer watch", 19)
    ]
    never = FakeLayer("watch", dt.date(2025, 1, 1), None)
    assert outcomes(track_records(mod, layers=[never]), MOD.name) == [
        ("contradicted", "layer watch", None)
    ]
    # A layer that began mapping after the claim says nothing of it, even when it shows it.
    later = FakeLayer("watch", dt.date(2025, 6, 1), dt.date(2025, 6, 1))
    assert outcomes(track_records(mod, layers=[later]), MOD.name) == [("open", None, None)]
    # Nor does a layer confirm what its own publisher said.
    own = [claim(Source("Watch", "third"), "2025-03-01", cid=2)]
    assert outcomes(track_records(own, layers=[shown]), "Watch") == [("open", None, None)]


def test_sources_relayed_claim_is_not_a_confirmation() -> None:
    mod = claim(MOD, "2025-03-01", cid=1, doc="article")
    relayed = claim(Source("narrator", "third"), "2025-03-01", cid=2, doc="article",
                    url="https://www.paper.example/a")
    assert outcomes(track_records([mod, relayed]), MOD.name) == [("open", None, None)]
    elsewhere = replace(relayed, claim=replace(relayed.claim, doc="other article"))
    assert outcomes(track_records([mod, elsewhere]), MOD.name) == [
        ("confirmed", "third party", 0)
    ]
    assert source_key(elsewhere) == ("narrator (paper.example)", "third")


def test_sources_records_serialise_with_the_claims_behind_each_figure() -> None:
    claims = [claim(MOD, "2025-03-01", cid=11), claim(GENSTAFF, "2025-03-04", cid=12),
              claim(MOD, "2025-05-01", cid=13)]
    [record] = [r for r in track_records(claims) if r.name == MOD.name]
    body = record.as_dict(details=True)
    assert (body["n_claims"], body["confirmed"], body["open"]) == (2, 1, 1)
    assert body["claim_ids"] == {"confirmed": [11], "late": [], "contradicted": [], "open": [13]}
    assert body["by"] == {"admission": 1}
    assert body["checks"][0]["by_claim"] == 12  # type: ignore[index]


def test_sources_concessions_that_are_none_confirm_and_contradict_nothing() -> None:
    """W2-W4 in the track records: a Russian outlet's narration that Kyiv holds the town
    neither confirms Kyiv nor contradicts Moscow; a staff that concedes and denies on one day
    confirms nothing; an official who says Kyiv retook the town and was then pushed out still
    bears out Kyiv's word that it retook it."""
    kyiv = claim(GENSTAFF, "2025-06-18", actor="UA", cid=1)
    moscow = claim(MOD, "2025-06-10", cid=2)
    outlet = claim(Source.narrator("RU"), "2025-06-20", actor="UA", cid=3)
    records = track_records([kyiv, moscow, outlet])
    assert outcomes(records, GENSTAFF.name) == [("open", None, None)]
    assert outcomes(records, MOD.name) == [("open", None, None)]
    conceded = claim(GENSTAFF, "2025-06-12", cid=4, doc="staff")
    denied = claim(GENSTAFF, "2025-06-12", stance="denies", cid=5, doc="staff")
    assert outcomes(track_records([moscow, conceded, denied]), MOD.name) == [("open", None, None)]
    official = Source("a Russian-installed official", "RU")
    retaken = claim(official, "2025-06-19", actor="UA", cid=6, doc="official")
    pushed_out = claim(official, "2025-06-19", cid=7, doc="official")
    records = track_records([kyiv, retaken, pushed_out])
    assert outcomes(records, GENSTAFF.name) == [("confirmed", "admission", 1)]

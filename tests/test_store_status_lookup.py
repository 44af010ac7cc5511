"""The store's as-of reads against reconciliation itself, and the migrations behind them.

`Store.place_status` reads a place's timeline from the materialized `place_status` rows
and `Store.statuses` finds each place's row by one index seek; both must say exactly what
`reconcile.timeline` says over the place's claims, on any date. `Store.place_timeline`
must say what `place_status` says, with claims as the materialized `place_claims` rows
render them, after any write.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random

import orjson
import pytest
from sqlalchemy import inspect, text
from test_store_builders import (
    DEEPSTATE,
    KUPIANSK,
    MOD,
    PIVDENNE,
    TORETSK,
    UA_ARMY,
    make_extraction,
)

from frontwatch.reconcile import in_effect, status_as_of, timeline
from frontwatch.records import Claim, Place, PlaceMention, Source, StoredClaim
from frontwatch.store import PlaceStatus, Store, stored_claim_dict

PLACES = (TORETSK, PIVDENNE, KUPIANSK)
SOURCES = (MOD, UA_ARMY, DEEPSTATE, Source("Ukrainian General Staff", "UA"))
KINDS = ("capture", "presence", "advance", "fighting", "repelled")


@pytest.fixture()
def store(db_url: str) -> Store:
    opened = Store.open(db_url)
    yield opened  # type: ignore[misc]
    opened.close()


def _random_date(rng: random.Random) -> str | None:
    """Mostly days, some months and years, a few undated: every bucket-ordering case."""
    roll = rng.random()
    if roll < 0.05:
        return None
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(150))
    if roll < 0.15:
        return f"{day.year:04d}"
    if roll < 0.35:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


@pytest.fixture()
def busy(store: Store) -> Store:
    """About 240 random claims over three places, some rejected or re-dated by reviews."""
    rng = random.Random(20241016)
    for d in range(24):
        sentences = []
        for i in range(10):
            place = rng.choice(PLACES)
            sentences.append((
                f"Report {d}-{i} about {place.name}.",
                {
                    "place": place,
                    "kind": rng.choice(KINDS),
                    "actor": rng.choice(("RU", "UA")),
                    "stance": "denies" if rng.random() < 0.15 else "asserts",
                    "source": rng.choice(SOURCES),
                    "date": _random_date(rng),
                },
            ))
        store.add_extraction(make_extraction(sentences, origin=f"r{d}.txt"))
    ids = [c.id for c in store.claims()]
    for claim_id in rng.sample(ids, 25):
        if rng.random() < 0.5:
            store.add_review(claim_id, action="reject", author="ed")
        else:
            store.add_review(claim_id, action="correct", author="ed",
                             correction={"date": "2024-03"})
    return store


def _reconciled(store: Store, place: Place, as_of: dt.date | None) -> PlaceStatus:
    """What reconciliation says, computed from every claim of the place with no shortcut."""
    everything = store.claims(place=place.geonameid)
    changes = timeline(everything, place)
    if as_of is not None:
        changes = [c for c in changes if in_effect(c.date, as_of)]
        everything = [
            c for c in everything if c.claim.date is None or c.claim.date.first_day() <= as_of
        ]
    current = status_as_of(changes, None)

    def stored(items: tuple[object, ...]) -> tuple[StoredClaim, ...]:
        return tuple(i for i in items if isinstance(i, StoredClaim))

    return PlaceStatus(
        place=place,
        as_of=as_of,
        status=current.status if current else "unknown",
        since=current.date if current else None,
        partial=current.partial if current else None,
        claims_for=stored(current.claims_for) if current else (),
        claims_against=stored(current.claims_against) if current else (),
        timeline=tuple(changes),
        claims=tuple(everything),
    )


def _dates(store: Store) -> list[dt.date | None]:
    """Every claim's first day, the days either side, and None (the latest)."""
    firsts = {c.claim.date.first_day() for c in store.claims() if c.claim.date is not None}
    around = {d + dt.timedelta(days=k) for d in firsts for k in (-1, 0, 1)}
    return [None, dt.date(2023, 12, 31), *sorted(around), dt.date(2030, 1, 1)]


def test_store_place_status_equals_reconciliation_on_every_date(busy: Store) -> None:
    for as_of in _dates(busy):
        for place in PLACES:
            got = busy.place_status(place.geonameid, as_of)
            want = _reconciled(busy, place, as_of)
            assert {c.id for c in got.claims} == {c.id for c in want.claims}, as_of
            assert got == PlaceStatus(**{  # claims compared as a set above: order is SQL's
                **{f: getattr(want, f) for f in PlaceStatus.__slots__}, "claims": got.claims
            }), (place.name, as_of)


def test_store_statuses_equal_reconciliation_on_every_date(busy: Store) -> None:
    for as_of in _dates(busy):
        rows = {r.place.geonameid: r for r in busy.statuses(as_of)}
        for place in PLACES:
            want = _reconciled(busy, place, as_of)
            row = rows.get(place.geonameid)
            if want.since is None:
                assert row is None, (place.name, as_of)
                continue
            assert row is not None, (place.name, as_of)
            assert (row.place, row.status, row.since, row.partial) == (
                place, want.status, want.since, want.partial
            ), (place.name, as_of)
            assert (row.n_for, row.n_against) == (
                len(want.claims_for), len(want.claims_against)
            ), (place.name, as_of)
        listed = busy.statuses_by_id(as_of)
        assert [r for _, r in listed] == busy.statuses(as_of)
        known = {i for i, _ in listed[::2]}
        again = busy.statuses_by_id(as_of, known=known)
        assert [i for i, _ in again] == [i for i, _ in listed]
        assert all((r is None) == (i in known) for i, r in again)
        assert [r for i, r in again if r is not None] == [r for i, r in listed if i not in known]
        contested = {r.place.geonameid for r in busy.statuses(as_of, status="contested")}
        assert contested == {g for g, r in rows.items() if r.status == "contested"}


def test_store_status_lookup_migration_fills_counts_of_an_older_database(busy: Store) -> None:
    """A database from before 0003 (no counts, no lookup index) gets both when opened."""
    before = [(r.place, r.status, r.since) for r in busy.statuses()]
    with busy.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_place_status_lookup"))
        conn.execute(text("ALTER TABLE place_status DROP COLUMN n_for"))
        conn.execute(text("ALTER TABLE place_status DROP COLUMN n_against"))
        conn.execute(text("DELETE FROM frontwatch_migrations WHERE name = '0003_status_lookup'"))
    url = busy.engine.url.render_as_string(hide_password=False)
    busy.close()
    database = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
    with Store.open(database) as reopened:
        assert dict(reopened.migrations())["0003_status_lookup"] is not None
        with reopened.engine.connect() as conn:
            indexes = {i["name"] for i in inspect(conn).get_indexes("place_status")}
            rows = conn.execute(
                text("SELECT claims_for, claims_against, n_for, n_against FROM place_status")
            ).all()
        assert "ix_place_status_lookup" in indexes
        assert rows and all(
            (len(json.loads(f)), len(json.loads(a))) == (nf, na) for f, a, nf, na in rows
        )
        assert [(r.place, r.status, r.since) for r in reopened.statuses()] == before


def _ids(items: tuple[Claim | StoredClaim, ...]) -> tuple[int, ...]:
    return tuple(i.id for i in items if isinstance(i, StoredClaim))


def _assert_timeline_is_status(store: Store, place: Place, as_of: dt.date | None) -> None:
    """`place_timeline` says what `place_status` says, claims rendered as the API renders
    them, in timeline order (undated first, then by first day and id)."""
    got = store.place_timeline(place.geonameid, as_of)
    want = store.place_status(place.geonameid, as_of)
    where = (place.name, as_of)
    assert (got.place, got.as_of) == (want.place, want.as_of), where
    assert [(s.date, s.status, s.partial, s.claims_for, s.claims_against) for s in got.steps] == [
        (str(c.date), c.status, c.partial, _ids(c.claims_for), _ids(c.claims_against))
        for c in want.timeline
    ], where
    ordered = sorted(want.claims, key=lambda c: (
        c.claim.date.first_day().isoformat() if c.claim.date else "", c.id))
    assert orjson.loads(b"[" + got.claims + b"]") == [stored_claim_dict(c) for c in ordered], where
    assert [orjson.loads(c) for c in got.claims_for] == [
        stored_claim_dict(c) for c in want.claims_for], where
    assert [orjson.loads(c) for c in got.claims_against] == [
        stored_claim_dict(c) for c in want.claims_against], where


def test_store_place_timeline_equals_place_status_on_every_date(busy: Store) -> None:
    for as_of in _dates(busy):
        for place in PLACES:
            _assert_timeline_is_status(busy, place, as_of)


def test_store_place_timeline_follows_every_kind_of_write(busy: Store) -> None:
    """Reviews, a claim moved to another place, a re-extraction and a renamed place all
    render the places they touch again."""
    claims = busy.claims(place=TORETSK.geonameid)
    busy.add_review(claims[0].id, action="correct", author="ed",
                    correction={"place": KUPIANSK.geonameid, "date": "2024-02-02"})
    busy.add_review(claims[1].id, action="reject", author="ed")
    busy.add_review(claims[2].id, action="accept", author="ed")
    article = make_extraction(
        [("Russian forces took Pivdenne.", {"place": PIVDENNE, "date": "2024-03-03"})],
        origin="again.txt",
    )
    busy.add_extraction(article)
    busy.add_extraction(make_extraction(
        [("Russian forces took Pivdenne.", {"place": PIVDENNE, "date": "2024-03-04"})],
        version="test-2", origin="again.txt",
    ))
    busy.add_places([dataclasses.replace(KUPIANSK, name="Kupiansk-Vuzlovyi")])
    # An article that only mentions a place, with new gazetteer fields for it.
    mention = make_extraction(
        [("Fighting near Toretsk.", {"place": TORETSK, "kind": "fighting"})], origin="m.txt")
    renamed_place = dataclasses.replace(PIVDENNE, name="Pivdenne (Toretsk)")
    busy.add_extraction(dataclasses.replace(mention, mentions=(
        *mention.mentions, PlaceMention(0, 8, "Fighting", renamed_place, 0.9, "test"))))
    moved = busy.place_timeline(KUPIANSK.geonameid)
    assert claims[0].id in {c["id"] for c in orjson.loads(b"[" + moved.claims + b"]")}
    assert {c["place"]["name"] for c in orjson.loads(b"[" + moved.claims + b"]")} == {
        "Kupiansk-Vuzlovyi"}
    renamed = busy.place_timeline(PIVDENNE.geonameid)
    assert {c["place"]["name"] for c in orjson.loads(b"[" + renamed.claims + b"]")} == {
        "Pivdenne (Toretsk)"}
    for as_of in _dates(busy):
        for place in PLACES:
            _assert_timeline_is_status(busy, place, as_of)


def test_store_place_claims_migration_renders_an_older_database(busy: Store) -> None:
    """A database from before 0004 (no `place_claims`) gets every place rendered when opened."""
    with busy.engine.begin() as conn:
        conn.execute(text("DROP TABLE place_claims"))
        conn.execute(text("DELETE FROM frontwatch_migrations WHERE name = '0004_place_claims'"))
    url = busy.engine.url.render_as_string(hide_password=False)
    busy.close()
    database = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
    with Store.open(database) as reopened:
        assert dict(reopened.migrations())["0004_place_claims"] is not None
        for as_of in _dates(reopened):
            for place in PLACES:
                _assert_timeline_is_status(reopened, place, as_of)

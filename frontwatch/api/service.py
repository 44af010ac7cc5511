"""The web service's core object: what the API does, with HTTP left to the routes.

SQLite allows many readers but one writer, so reads run on the server's thread pool
while every write goes through one dedicated thread, in order (the datasette pattern);
the store's BEGIN IMMEDIATE and busy timeout then never make two writers wait on each
other. Extraction (spaCy) runs outside the writer so a slow article does not hold up
reviews.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, TypeVar

from sqlalchemy import func, select

from frontwatch.api.atlas import Atlas, LayerDay, StoredNames, layer_day, layer_rows
from frontwatch.api.cache import Body, ResponseCache
from frontwatch.api.envelope import ApiError
from frontwatch.api.ids import id_in_range
from frontwatch.api.mapindex import MapIndex, Row, compact_row
from frontwatch.errors import InputError
from frontwatch.ingest import document_from_text
from frontwatch.lookup import did_you_mean, is_place_id, resolve_place
from frontwatch.records import Document, Extraction, PartialDate, Place, StoredClaim
from frontwatch.settings import Settings
from frontwatch.store import (
    AddResult,
    PlaceStatus,
    PlaceStatusRow,
    PlaceTimeline,
    Store,
    StoredDocument,
    TokenInfo,
)
from frontwatch.store.schema import claims as claims_table
from frontwatch.store.schema import documents as documents_table
from frontwatch.store.schema import places as places_table

log = logging.getLogger(__name__)

T = TypeVar("T")


class ExtractorLike(Protocol):
    def extract(self, documents: Any) -> Any: ...


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: a live token's role and id; the id names the token in reviews, so an
    admin can tell from `frontwatch token list` which token wrote a review."""

    role: str
    token_id: int

    def author(self, name: str | None) -> str:
        who = name.strip() if name and name.strip() else self.role
        return f"{who} ({self.role} token #{self.token_id})"


@dataclass(frozen=True, slots=True)
class Ingested:
    result: AddResult
    document: StoredDocument


@dataclass(frozen=True, slots=True)
class Reviewed:
    review_id: int
    claim: StoredClaim
    reviews: list[dict[str, Any]]
    status: PlaceStatus


@dataclass(frozen=True, slots=True)
class DateRange:
    """The dates of the store's claims: all of them, the bulk (the slider's default span,
    without the few outliers that a stray old date makes), and how many have none."""

    first: dt.date | None
    last: dt.date | None
    bulk_first: dt.date | None = None
    bulk_last: dt.date | None = None
    undated: int = 0


# Share of dated claims left outside the bulk at each end.
BULK_TAIL = 0.02


class Service:
    """Reads and writes of the claim store on behalf of API clients."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        extractor: ExtractorLike | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self._extractor = extractor
        self._extract_lock = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frontwatch-writer")
        self._cache = ResponseCache(store.engine)
        self.atlas = Atlas(settings.gazetteer_path)

    def close(self) -> None:
        self._writer.shutdown(wait=True)
        self._cache.close()

    def cached(self, key: str, render: Callable[[], bytes]) -> Body:
        """A rendered read, reused until the database changes (see cache.py)."""
        return self._cache.get_or_render(key, render)

    async def _write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, partial(fn, *args, **kwargs))

    # -- auth ------------------------------------------------------------------------------

    def authenticate(self, raw: str) -> Principal | None:
        info = self.store.token_info(raw)
        if info is None or info.revoked_at is not None:
            return None
        return Principal(info.role, info.id)

    # -- reads (any thread) ----------------------------------------------------------------

    def date_range(self) -> DateRange:
        """First and last claim dates: the bounds of the map's time slider."""
        return self._cache.derived("date_range", self._date_range)

    def _date_range(self) -> DateRange:
        # Two scalar subqueries, not min() and max() in one SELECT: SQLite answers a lone
        # min or max with one index seek, but both together with a full scan.
        date = claims_table.c.date_first
        query = select(
            select(func.min(date)).scalar_subquery(), select(func.max(date)).scalar_subquery()
        )
        with self.store.engine.connect() as conn:
            first, last = conn.execute(query).one()
            dated = int(conn.scalar(select(func.count(date))) or 0)
            undated = int(conn.scalar(
                select(func.count()).select_from(claims_table).where(date.is_(None))) or 0)
            tail = int(dated * BULK_TAIL)
            ordered = select(date).where(date.is_not(None))
            low = conn.scalar(ordered.order_by(date).offset(tail).limit(1))
            high = conn.scalar(ordered.order_by(date.desc()).offset(tail).limit(1))
        return DateRange(_as_date(first), _as_date(last), _as_date(low), _as_date(high),
                         undated)

    # -- names, search, layers ------------------------------------------------------------

    def stored_places(self) -> dict[int, Place]:
        """Every place the store knows, by id (kept until the data changes)."""
        return self._cache.derived("stored_places", self._stored_places)

    def _stored_places(self) -> dict[int, Place]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(places_table)).all()
        return {int(r.geonameid): Place(int(r.geonameid), r.name, float(r.lat), float(r.lon),
                                        r.admin1, r.country, r.feature, int(r.population or 0))
                for r in rows}

    def resolve(self, text: str) -> Place:
        """A place from an id or any known name (404 with did-you-mean when none)."""
        id_in_range(text, "place")
        try:
            return resolve_place(self.store, text, names=self.atlas.gazetteer)
        except InputError as exc:
            raise ApiError(404, f"no place {text!r} ({exc.reason})",
                           code="place_not_found") from exc

    def place_id(self, text: str | None) -> int | None:
        """`place=` of a query: a GeoNames id as it is, a name resolved."""
        if text is None:
            return None
        value = text.strip()
        id_in_range(value, "place")
        return int(value) if is_place_id(value) else self.resolve(value).geonameid

    def search(self, query: str) -> list[tuple[Place, str, int]]:
        """Places for the search box, with their claim counts (places with claims first)."""
        names = self._cache.derived(
            "stored_names", lambda: StoredNames.build(self.stored_places().values()))
        hits = self.atlas.search(query, names)
        counts = self.store.claim_counts(p.geonameid for p, _ in hits)
        ranked = sorted(hits, key=lambda hit: counts.get(hit[0].geonameid, 0) == 0)
        return [(p, matched, counts.get(p.geonameid, 0)) for p, matched in ranked]

    def suggestions(self, text: str) -> list[str]:
        return did_you_mean(text, (p.name for p in self.stored_places().values()),
                            self.atlas.gazetteer)

    def layers(self) -> list[dict[str, Any]]:
        return layer_rows(self.store)

    def layer_day(self, name: str, as_of: dt.date | None) -> LayerDay:
        places = self.stored_places()
        mapped = [(places[row[0]], row[5]) for row in self.map_rows(as_of, status=None, bbox=None)
                  if row[0] in places]
        found = layer_day(self.store, name, as_of, mapped)
        if found is None:
            raise ApiError(404, f"no layer {name!r} (import one with: frontwatch layer import "
                                "NAME FILE)", code="layer_not_found")
        return found

    def matching_places(
        self, as_of: dt.date | None, sides: frozenset[str], kinds: frozenset[str]
    ) -> set[int]:
        """Places with at least one claim from these sides of these kinds, dated up to
        `as_of` or undated: the markers the map's filters keep."""
        c = claims_table.c
        query = select(c.geonameid).distinct().where(
            c.source_side.in_(sorted(sides)), c.kind.in_(sorted(kinds)))
        if as_of is not None:
            query = query.where((c.date_first <= as_of) | c.date_first.is_(None))
        with self.store.engine.connect() as conn:
            return {int(g) for g in conn.scalars(query)}

    def statuses(
        self,
        as_of: dt.date | None,
        *,
        status: str | None,
        bbox: tuple[float, float, float, float] | None,
    ) -> list[PlaceStatusRow]:
        return self.store.statuses(as_of, status=status, bbox=bbox)

    def map_rows(
        self,
        as_of: dt.date | None,
        *,
        status: str | None,
        bbox: tuple[float, float, float, float] | None,
    ) -> list[Row]:
        """`statuses` as `mapindex.COLUMNS` tuples: from the in-memory index of the current
        data where it is ready (cache.py builds it on a thread after every write), else
        from the store."""
        index = self._cache.derived_soon("map_index", self._map_index)
        if index is not None:
            return index.rows(as_of, status=status, bbox=bbox)
        return self._store_rows(as_of, status=status, bbox=bbox)

    def map_compact(
        self,
        as_of: dt.date | None,
        *,
        status: str | None,
        bbox: tuple[float, float, float, float] | None,
        keep: set[int] | None = None,
    ) -> list[bytes]:
        """`map_rows` rendered as `format=compact` arrays (rendered once, in the index); only
        the places in `keep` when given."""
        index = self._cache.derived_soon("map_index", self._map_index)
        if index is not None:
            return index.compact(as_of, status=status, bbox=bbox, keep=keep)
        return [compact_row(r) for r in self._store_rows(as_of, status=status, bbox=bbox)
                if keep is None or r[0] in keep]

    def warm(self) -> None:
        """Build what answers reads from memory (the map index, the gazetteer) now, not on
        first use; no index where the cache is off (other databases), as it would not be
        kept."""
        self.atlas.load()
        if self._cache.enabled:
            self._cache.derived("map_index", self._map_index)

    def _store_rows(
        self,
        as_of: dt.date | None,
        *,
        status: str | None,
        bbox: tuple[float, float, float, float] | None,
    ) -> list[Row]:
        return [
            (r.place.geonameid, r.place.name, r.place.lat, r.place.lon, r.place.admin1,
             r.status, str(r.since), r.partial, r.n_for, r.n_against, r.n_claims)
            for r in self.store.statuses(as_of, status=status, bbox=bbox)
        ]

    def _map_index(self) -> MapIndex:
        return MapIndex(self.store.status_steps())

    def place_status(self, geonameid: int, as_of: dt.date | None) -> PlaceStatus:
        with _known_place(geonameid):
            return self.store.place_status(geonameid, as_of)

    def place_timeline(self, geonameid: int, as_of: dt.date | None) -> PlaceTimeline:
        """`place_status` with the claims as the store keeps them rendered (JSON)."""
        with _known_place(geonameid):
            return self.store.place_timeline(geonameid, as_of)

    def claims(
        self,
        *,
        place: int | None,
        source: str | None,
        side: str | None,
        since: PartialDate | None,
        until: PartialDate | None,
        limit: int,
        after_id: int | None,
        undated: bool = False,
    ) -> tuple[list[StoredClaim], int | None]:
        """One page of claims and the id the next page starts after (None on the last)."""
        found = self.store.claims(
            place=place, source=source, side=side, since=since, until=until,
            limit=limit + 1, after_id=after_id, undated=undated,
        )
        page = found[:limit]
        return page, (page[-1].id if len(found) > limit else None)

    def document(self, doc_id: str) -> StoredDocument:
        doc = self.store.document(doc_id)
        if doc is None:
            raise ApiError(404, f"no document {doc_id!r} in the store", code="document_not_found")
        return doc

    # -- writes (one thread) ---------------------------------------------------------------

    async def ingest(self, text: str, **fields: Any) -> Ingested:
        """Read, extract and store one posted article (re-posting it is a no-op).

        413 for a text over `max_document_chars` (cut it, the server will not); 409 for an
        id already stored with another text, checked before extracting and again by the
        writer, so that text is never silently dropped or replaced."""
        limit = self.settings.max_document_chars
        if len(text) > limit:
            raise ApiError(413, f"the text has {len(text):,} characters; this server takes at most "
                                f"{limit:,} per article", code="text_too_long")
        document = document_from_text(text, origin="api", **fields)
        self._refuse_conflict(document)
        loop = asyncio.get_running_loop()
        extraction = await loop.run_in_executor(None, self._extract, document)
        result = await self._write(self._add_unless_conflict, extraction)
        stored = self.document(document.id)
        return Ingested(result, stored)

    def _add_unless_conflict(self, extraction: Extraction) -> AddResult:
        self._refuse_conflict(extraction.document)
        return self.store.add_extraction(extraction)

    def _refuse_conflict(self, document: Document) -> None:
        query = select(documents_table.c.text).where(documents_table.c.id == document.id)
        with self.store.engine.connect() as conn:
            stored = conn.scalar(query)
        if stored is not None and stored != document.text:
            raise ApiError(409, f"document {document.id!r} is already stored with another text; "
                                "post this one under a new id, or without one (its id is then "
                                "the sha256 of its text)", code="conflict")

    def _extract(self, document: Document) -> Extraction:
        with self._extract_lock:
            extractor = self._get_extractor()
            found = list(extractor.extract([document]))
        return found[0] if found else Extraction(document)

    def _get_extractor(self) -> ExtractorLike:
        if self._extractor is None:
            from frontwatch.claims import Extractor

            self._extractor = Extractor(gazetteer=self.settings.gazetteer_path)
        return self._extractor

    async def review(
        self,
        claim_id: int,
        *,
        principal: Principal,
        action: str,
        note: str,
        author: str | None,
        correction: dict[str, Any] | None,
    ) -> Reviewed:
        """Record an editor's verdict on a claim; the store re-reconciles its place."""
        if self.store.claim(claim_id) is None:
            raise ApiError(404, f"no claim {claim_id} in the store", code="claim_not_found")
        review_id = await self._write(
            self.store.add_review, claim_id, action=action, author=principal.author(author),
            note=note, correction=correction,
        )
        claim = self.store.claim(claim_id)
        assert claim is not None
        return Reviewed(
            review_id=review_id,
            claim=claim,
            reviews=self.store.reviews(claim_id),
            status=self.store.place_status(claim.claim.place.geonameid),
        )

    def tokens(self) -> list[TokenInfo]:
        return self.store.tokens()

    async def create_token(self, role: str) -> str:
        return await self._write(self.store.create_token, role)

    async def revoke_token(self, token_id: int) -> None:
        if not any(t.id == token_id for t in self.store.tokens()):
            raise ApiError(404, f"no token {token_id}", code="token_not_found")
        await self._write(self.store.revoke_token, token_id)


@contextmanager
def _known_place(geonameid: int) -> Iterator[None]:
    try:
        yield
    except InputError as exc:  # the store's only input error here: an unknown place
        raise ApiError(404, f"no place {geonameid} in the store", code="place_not_found") from exc


def _as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])

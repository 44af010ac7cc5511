"""Hand-built places, claims and extractions shared by the store, CLI, export and layer tests.

No tests here; other test modules import these builders.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from frontwatch.records import (
    Claim,
    Document,
    Extraction,
    PartialDate,
    Place,
    PlaceMention,
    Source,
)

TORETSK = Place(709354, "Toretsk", 48.3979, 37.8476, "Donetsk Oblast", "UA", "PPLA3", 30000)
PIVDENNE = Place(703224, "Pivdenne", 48.3600, 37.8900, "Donetsk Oblast", "UA", "PPL", 500)
KUPIANSK = Place(704422, "Kupiansk", 49.7106, 37.6156, "Kharkiv Oblast", "UA", "PPLA2", 27000)

MOD = Source("Russian Ministry of Defence", "RU")
UA_ARMY = Source("Ukrainian General Staff", "UA")
DEEPSTATE = Source("DeepState", "third")


def doc_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_claim(
    doc: str,
    text: str,
    evidence: str,
    *,
    place: Place = TORETSK,
    kind: str = "capture",
    actor: str = "RU",
    stance: str = "asserts",
    source: Source = MOD,
    date: str | None = "2025-02-07",
) -> Claim:
    start = text.index(evidence)
    mention = text.find(place.name)
    return Claim(
        doc=doc,
        place=place,
        place_mention=place.name,
        kind=kind,
        actor=actor,  # type: ignore[arg-type]
        stance=stance,  # type: ignore[arg-type]
        source=source,
        date=PartialDate.parse(date) if date else None,
        evidence=evidence,
        evidence_start=start,
        evidence_end=start + len(evidence),
        confidence=0.8,
        mention_start=mention,
        mention_end=mention + len(place.name) if mention >= 0 else -1,
    )


def make_extraction(
    sentences: list[tuple[str, dict[str, object]]],
    *,
    version: str = "test-1",
    url: str | None = "https://example.org/a",
    published: str | None = "2025-02-07",
    origin: str = "a.txt",
) -> Extraction:
    """An extraction whose text is the sentences joined; each gives one claim's fields."""
    text = " ".join(s for s, _ in sentences)
    did = doc_id(text)
    claims = tuple(make_claim(did, text, s, **fields) for s, fields in sentences)  # type: ignore[arg-type]
    mentions = tuple(
        PlaceMention(c.mention_start, c.mention_end, c.place.name, c.place, 0.9, "test")
        for c in claims
        if c.mention_start >= 0
    )
    document = Document(
        id=did,
        text=text,
        origin=origin,
        url=url,
        title="t",
        outlet="Example",
        lang="en",
        published=PartialDate.parse(published) if published else None,
    )
    return Extraction(document, mentions, claims, version)


def toretsk_articles() -> list[Extraction]:
    """Three articles: RU presence admitted in October 2024, RU capture claimed and denied."""
    return [
        make_extraction(
            [
                (
                    "Russian forces entered the eastern part of Toretsk, Ukrainian command said.",
                    {"kind": "presence", "source": UA_ARMY, "date": "2024-10"},
                ),
            ],
            url="https://example.org/october",
            published="2024-10-14",
            origin="october.txt",
        ),
        make_extraction(
            [
                (
                    "The Russian Ministry of Defence said its troops liberated Toretsk.",
                    {"source": MOD, "date": "2025-02-07"},
                ),
                (
                    "Ukraine's General Staff denied that Toretsk had fallen.",
                    {"stance": "denies", "source": UA_ARMY, "date": "2025-02-07"},
                ),
                (
                    "Fighting continues near Pivdenne, south of Toretsk.",
                    {"place": PIVDENNE, "kind": "fighting", "source": DEEPSTATE},
                ),
            ],
            url="https://example.org/february",
            origin="february.txt",
        ),
        make_extraction(
            [
                (
                    "Ukrainian troops liberated Kupiansk, DeepState said.",
                    {"place": KUPIANSK, "actor": "UA", "source": DEEPSTATE, "date": "2022-09-10"},
                ),
            ],
            url="https://example.org/kupiansk",
            published="2022-09-10",
            origin="kupiansk.txt",
        ),
    ]


def contents(store: object, *, ids: bool = True) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row that a user can see, table by table, in a stable order: two stores
    with equal contents answer every query alike. `ids=False` leaves out row ids (and the
    claim ids that statuses list), for stores written by interleaved writers."""
    from sqlalchemy import select

    from frontwatch.store import schema

    skip = {"ingested_at"} if ids else {"ingested_at", "id", "claims_for", "claims_against",
                                        "claims", "positions", "claim_id"}
    tables = ("documents", "places", "mentions", "claims", "place_status", "place_claims")
    found: dict[str, list[tuple[object, ...]]] = {}
    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        for name in tables:
            table = schema.metadata.tables[name]
            # A status row's own id is renumbered by every rendering; nothing shows it.
            hidden = skip | {"id"} if name == "place_status" else skip
            columns = [c for c in table.columns if c.name not in hidden]
            rows = conn.execute(select(*columns)).all()
            found[name] = sorted((tuple(row) for row in rows), key=repr)
    return found


def stored_documents(db: Path) -> int:
    """Documents committed to a SQLite file another process is writing (0 before it exists)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute("select count(*) from documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0

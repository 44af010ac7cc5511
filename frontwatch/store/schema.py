"""Tables of the claim store (SQLAlchemy Core, portable between SQLite and PostgreSQL).

Dates are kept twice: the partial date as text ("2024-10") with its precision, for display
and exact round trips, and its first day as a DATE, so that as-of and range filters are
plain indexed comparisons.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

migrations = Table(
    "frontwatch_migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    # Text, not String(64): a dump's own ids (a URL, a GDELT key) may be longer than a sha256.
    Column("id", Text, primary_key=True),
    Column("origin", Text, nullable=False, default=""),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("lang", Text),
    Column("published", String(10)),
    Column("published_precision", String(5)),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("extractor_version", String(100), nullable=False, default=""),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("geonameid", BigInteger, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("admin1", Text, nullable=False, default=""),
    Column("country", String(2), nullable=False, default=""),
    Column("feature", String(10), nullable=False, default=""),
    Column("population", BigInteger, nullable=False, default=0),
    Index("ix_places_latlon", "lat", "lon"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("geonameid", BigInteger, ForeignKey("places.geonameid"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("how", String(50), nullable=False, default=""),
    Index("ix_mentions_doc", "doc_id"),
    Index("ix_mentions_place", "geonameid"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("geonameid", BigInteger, ForeignKey("places.geonameid"), nullable=False),
    Column("place_mention", Text, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("actor", String(2), nullable=False),
    Column("stance", String(7), nullable=False),
    Column("source_name", Text, nullable=False),
    Column("source_side", String(5), nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(5)),
    Column("date_first", Date),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("mention_start", Integer, nullable=False, default=-1),
    Column("mention_end", Integer, nullable=False, default=-1),
    Column("confidence", Float, nullable=False),
    Column("review", String(9)),
    Column("correction", Text),
    Column("extracted", Text, nullable=False),
    # The text gives no date: `date` is the article's publication date.
    Column("date_inferred", Boolean, nullable=False, default=False, server_default="0"),
    Index("ix_claims_place_date", "geonameid", "date_first"),
    Index("ix_claims_date", "date_first"),
    Index("ix_claims_source", "source_name"),
    Index("ix_claims_side_date", "source_side", "date_first"),
    Index("ix_claims_doc", "doc_id"),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("action", String(7), nullable=False),
    Column("correction", Text),
    Column("note", Text, nullable=False, default=""),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_reviews_claim", "claim_id"),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("secret_hash", String(64), nullable=False, unique=True),
    Column("role", String(6), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)

place_status = Table(
    "place_status",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("geonameid", BigInteger, ForeignKey("places.geonameid"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("date", String(10), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_until", Date),
    Column("status", String(12), nullable=False),
    Column("partial", Text),
    Column("claims_for", Text, nullable=False, default="[]"),
    Column("claims_against", Text, nullable=False, default="[]"),
    Column("n_claims", Integer, nullable=False, default=0),
    # Lengths of claims_for / claims_against, so the map never parses the id lists.
    Column("n_for", Integer, nullable=False, default=0, server_default="0"),
    Column("n_against", Integer, nullable=False, default=0, server_default="0"),
    # The reconcile rule that set the change (docs/reconcile.md) and how many of the first
    # claims_for ids set it (the rest only kept it).
    Column("rule", String(4), nullable=False, default="", server_default=""),
    Column("n_set", Integer, nullable=False, default=0, server_default="0"),
    UniqueConstraint("geonameid", "seq", name="uq_place_status_seq"),
    # One seek per place finds the change in effect on a date: the last one started by then.
    Index("ix_place_status_lookup", "geonameid", "valid_from", "seq"),
    Index("ix_place_status_range", "valid_from", "valid_until"),
    Index("ix_place_status_until", "valid_until"),
    Index("ix_place_status_status", "status", "valid_from"),
)

# Every claim about a place rendered once, as the API shows a stored claim (the `extract
# --jsonl` object plus id, url and review), in timeline order: undated first, then by first
# day and id. A place's timeline then reads one row, not hundreds of claims scattered over
# the table and their articles; each write renders the places it touches again, in its
# own transaction, like `place_status`.
place_claims = Table(
    "place_claims",
    metadata,
    Column("geonameid", BigInteger, ForeignKey("places.geonameid"), primary_key=True,
           autoincrement=False),
    # The JSON objects, comma-separated.
    Column("claims", LargeBinary, nullable=False),
    # JSON {"ids", "days", "ends"}: per object its claim id, its first day ("" undated)
    # and the offset where it ends in `claims`.
    Column("positions", LargeBinary, nullable=False),
)

# How far each place's materialized rows (`place_status`, `place_claims`) lag behind its
# claims. A batch write renders a place again only when the claims added or removed since
# its last rendering reach a share of those rendered then, so the work per stored claim
# stays flat however large a place grows; `Store.refresh_backlog` renders the rest.
place_backlog = Table(
    "place_backlog",
    metadata,
    Column("geonameid", BigInteger, ForeignKey("places.geonameid"), primary_key=True,
           autoincrement=False),
    # Claims of the place at its last rendering.
    Column("rendered", Integer, nullable=False, default=0),
    # Claims added to or removed from the place since then.
    Column("pending", Integer, nullable=False, default=0),
)

layers = Table(
    "layers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("source", Text, nullable=False, default=""),
    Column("first_date", Date, nullable=False),
    Column("last_date", Date, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)

layer_geometries = Table(
    "layer_geometries",
    metadata,
    Column("layer_id", Integer, ForeignKey("layers.id", ondelete="CASCADE"), primary_key=True),
    Column("date", Date, primary_key=True),
    Column("min_lon", Float, nullable=False),
    Column("min_lat", Float, nullable=False),
    Column("max_lon", Float, nullable=False),
    Column("max_lat", Float, nullable=False),
    Column("geometry", LargeBinary, nullable=False),
)

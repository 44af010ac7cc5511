"""Exports of the claim store: GeoJSON (the map), CSV (ACLED-like) and JSONL (the contract)."""

from frontwatch.export.csv import COLUMNS, write_csv, write_jsonl
from frontwatch.export.geojson import feature_collection, write_geojson

__all__ = ["COLUMNS", "feature_collection", "write_csv", "write_geojson", "write_jsonl"]

"""JSONL and CSV dumps: one article per record, a broken record fails alone as `path:line`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest.source import (
    decode_utf8,
    make_document,
    optional_str,
    parse_published,
    read_bytes,
)
from frontwatch.records import Document, InputFailure

FIELDS = ("id", "url", "published", "title", "text", "lang", "outlet")


def document_from_record(record: Mapping[str, object], origin: str) -> Document:
    """The dump's fields as a Document; the dump's `id` wins over the content hash."""
    text = record.get("text")
    if text is None:
        raise InputError(origin, "missing field 'text'")
    if not isinstance(text, str):
        raise InputError(origin, f"field 'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError(origin, "empty field 'text'")
    return make_document(
        text,
        id=optional_str(record.get("id"), "id", origin),
        url=optional_str(record.get("url"), "url", origin),
        title=optional_str(record.get("title"), "title", origin),
        published=parse_published(record.get("published"), origin),
        lang=optional_str(record.get("lang"), "lang", origin),
        outlet=optional_str(record.get("outlet"), "outlet", origin),
        origin=origin,
    )


def read_jsonl(path: Path) -> Iterator[Document | InputFailure]:
    """One JSON object per line; blank lines are skipped, each line decodes on its own."""
    data = read_bytes(path)
    offset = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        origin = f"{path}:{number}"
        line_offset, offset = offset, offset + len(raw) + 1
        if not raw.strip():
            continue
        try:
            line = decode_utf8(raw, origin, base_offset=line_offset)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(origin, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
            if not isinstance(record, dict):
                raise InputError(origin, f"expected a JSON object, got {type(record).__name__}")
            yield document_from_record(record, origin)
        except InputError as exc:
            yield InputFailure(origin, exc.reason)


def read_csv(path: Path) -> Iterator[Document | InputFailure]:
    """A header row naming the fields (at least `text`), then one article per record."""
    text = decode_utf8(read_bytes(path), str(path))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except csv.Error as exc:
        raise InputError(str(path), f"invalid CSV header ({exc})") from exc
    if "text" not in header:
        raise InputError(str(path), f"missing column 'text' (columns: {', '.join(header)})")
    line = reader.line_num
    while True:
        start = line + 1
        origin = f"{path}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputFailure(origin, f"invalid CSV ({exc})")
            return
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield InputFailure(origin, f"expected {len(header)} fields, got {len(row)}")
            continue
        cells = zip(header, row, strict=True)
        record = {name: (cell if cell.strip() else None) for name, cell in cells}
        try:
            yield document_from_record(record, origin)
        except InputError as exc:
            yield InputFailure(origin, exc.reason)

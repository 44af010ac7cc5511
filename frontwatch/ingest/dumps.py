"""JSONL and CSV dumps: one article per record, a broken record fails alone as `path:line`.

Dumps are streamed a line at a time, so a file of any size is read in bounded memory; a
record (a line, or the lines of a CSV row) may not exceed `max_file_bytes`, a longer one is
reported and skipped. UTF-8 is decoded line by line (a bad byte fails its record only);
UTF-16 and UTF-32 need a byte-order mark.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from frontwatch.errors import InputError
from frontwatch.ingest.limits import DEFAULT_LIMITS, Limits
from frontwatch.ingest.source import (
    bom_encoding,
    make_document,
    open_regular,
    optional_str,
    os_reason,
    parse_published,
)
from frontwatch.records import Document, InputFailure

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

FIELDS = ("id", "url", "published", "title", "text", "lang", "outlet")
_SNIFF = 8192


class DumpLines:
    """The lines of a dump, decoded one at a time, each at most `limit` bytes.

    Iterating yields each line with its line break (what `csv.reader` wants); a line that
    cannot be used (too long, or bytes that do not decode) is yielded as an empty line and
    its reason kept in `errors` under its line number, so the record that holds it fails
    alone. UTF-16 and UTF-32 lines are split at code-unit-aligned line breaks, so a bad
    byte there too costs one line, not the rest of the file. A read error ends the file,
    with its reason in `fatal`.
    """

    def __init__(self, handle: BinaryIO, origin: str, limit: int) -> None:
        self.origin = origin
        self.limit = limit
        self.number = 0
        self.errors: dict[int, str] = {}
        self.fatal: tuple[int, str] | None = None
        self.seen_text = False
        self.bad = 0
        head = handle.peek(_SNIFF)[:_SNIFF] if hasattr(handle, "peek") else b""
        found = bom_encoding(head)
        if found is None and b"\x00" in head:
            raise InputError(origin, "binary file")
        self._handle = handle
        self._codec, bom = found or ("utf-8", 0)
        handle.read(bom)
        self._offset = bom
        self._unit = {"utf-8": 1, "utf-16-le": 2, "utf-16-be": 2}.get(self._codec, 4)
        self._newline = "\n".encode(self._codec)

    def __iter__(self) -> Iterator[str]:
        raw_lines = self._utf8_lines() if self._unit == 1 else self._wide_lines()
        try:
            for raw, size in raw_lines:
                self.number += 1
                start, self._offset = self._offset, self._offset + size
                if raw is None:
                    self._fail(f"record longer than {self.limit:,} bytes; "
                               "FRONTWATCH_MAX_FILE_BYTES raises the limit")
                    yield "\n"
                    continue
                try:
                    line = raw.decode(self._codec)
                except UnicodeDecodeError as exc:
                    self._fail(_decode_error(raw, exc, self._codec, start))
                    yield "\n"
                    continue
                self.seen_text = self.seen_text or bool(line.strip())
                yield line
        except OSError as exc:
            self.fatal = (self.number + 1, os_reason(exc))

    def pop_errors(self, first: int, last: int) -> str | None:
        """The first reason recorded for lines first..last (and forget them)."""
        found = [self.errors.pop(n) for n in range(first, last + 1) if n in self.errors]
        return found[0] if found else None

    def _fail(self, reason: str) -> None:
        self.errors[self.number] = reason
        self.bad += 1

    def _utf8_lines(self) -> Iterator[tuple[bytes | None, int]]:
        """(line, its size in bytes), the line None when it is over the limit."""
        while raw := self._handle.readline(self.limit + 1):
            if len(raw) > self.limit and not raw.endswith(b"\n"):
                size = len(raw)
                while (more := self._handle.readline(_CHUNK)) and not more.endswith(b"\n"):
                    size += len(more)
                yield None, size + len(more)
            else:
                yield raw, len(raw)

    def _wide_lines(self) -> Iterator[tuple[bytes | None, int]]:
        """As `_utf8_lines`, splitting at line breaks that sit on a code unit."""
        buffer = bytearray()
        skipped = 0
        while chunk := self._handle.read(_CHUNK):
            buffer += chunk
            start = 0
            while (end := self._aligned_newline(buffer, start)) >= 0:
                line = bytes(buffer[start:end])
                yield (None, skipped + len(line)) if skipped else (line, len(line))
                skipped, start = 0, end
            del buffer[:start]
            if len(buffer) > self.limit:
                cut = len(buffer) - len(buffer) % self._unit
                skipped += cut
                del buffer[:cut]
        if skipped or buffer:
            yield (None, skipped + len(buffer)) if skipped else (bytes(buffer), len(buffer))

    def _aligned_newline(self, buffer: bytearray, start: int) -> int:
        """The end of the first line break at or after `start` that sits on a code unit."""
        found = buffer.find(self._newline, start)
        while found >= 0 and (found - start) % self._unit:
            found = buffer.find(self._newline, found + 1)
        return found + self._unit if found >= 0 else -1


_CHUNK = 1 << 16


def _decode_error(raw: bytes, exc: UnicodeDecodeError, codec: str, start: int) -> str:
    if codec == "utf-8":
        return f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {start + exc.start})"
    return f"not {codec.upper()} text (bad bytes at offset {start + exc.start})"


def document_from_record(record: Mapping[str, object], origin: str, max_chars: int | None = None) -> Document:
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
        max_chars=max_chars,
    )


def read_jsonl(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | InputFailure]:
    """One JSON object per line; blank lines are skipped, each line decodes on its own."""
    with open_regular(path) as handle:
        lines = DumpLines(handle, str(path), limits.max_file_bytes)
        for line in lines:
            origin = f"{path}:{lines.number}"
            error = lines.pop_errors(lines.number, lines.number)
            if error:
                yield InputFailure(origin, error)
            elif line.strip():
                yield _json_record(line, origin, limits)
        yield from _end(lines, path)


def _json_record(line: str, origin: str, limits: Limits) -> Document | InputFailure:
    try:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(origin, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
        except RecursionError as exc:
            raise InputError(origin, "invalid JSON (nested too deeply)") from exc
        except ValueError as exc:  # an integer of thousands of digits
            raise InputError(origin, f"invalid JSON ({str(exc).split(':')[0]})") from exc
        if not isinstance(record, dict):
            raise InputError(origin, f"expected a JSON object, got {type(record).__name__}")
        return document_from_record(record, origin, limits.max_document_chars)
    except InputError as exc:
        return InputFailure(origin, exc.reason)


def _end(lines: DumpLines, path: Path) -> Iterator[InputFailure]:
    """What is left to say once a dump has been read: a read error, or no text at all."""
    if lines.fatal:
        yield InputFailure(f"{path}:{lines.fatal[0]}", lines.fatal[1])
    elif not lines.seen_text and not lines.bad:
        raise InputError(str(path), "empty file")


def read_csv(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | InputFailure]:
    """A header row naming the fields (at least `text`), then one article per record."""
    with open_regular(path) as handle:
        lines = DumpLines(handle, str(path), limits.max_file_bytes)
        reader = csv.reader(lines)
        try:
            header = [name.strip().lower() for name in _next_row(reader, limits) or []]
        except csv.Error as exc:
            raise InputError(str(path), f"invalid CSV header ({exc})") from exc
        error = lines.pop_errors(1, reader.line_num)
        if error:
            raise InputError(f"{path}:1", error)
        if not header:
            yield from _end(lines, path)
            raise InputError(str(path), "the first line is blank; it must name the columns (at least 'text')")
        if "text" not in header:
            raise InputError(str(path), f"missing column 'text' (columns: {', '.join(header)})")
        yield from _csv_records(path, reader, lines, header, limits)
        yield from _end(lines, path)


def _csv_records(path: Path, reader: CsvReader, lines: DumpLines, header: list[str],
                 limits: Limits) -> Iterator[Document | InputFailure]:
    line = reader.line_num
    while True:
        start = line + 1
        origin = f"{path}:{start}"
        try:
            row = _next_row(reader, limits)
        except csv.Error as exc:
            yield InputFailure(origin, f"invalid CSV ({exc})")
            if reader.line_num < start:  # nothing consumed: do not ask again
                return
            line = reader.line_num
            lines.pop_errors(start, line)
            continue
        if row is None:
            return
        line = reader.line_num
        error = lines.pop_errors(start, line)
        if error:
            yield InputFailure(origin, error)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield InputFailure(origin, f"expected {len(header)} fields, got {len(row)}")
            continue
        cells = zip(header, row, strict=True)
        record = {name: (cell if cell.strip() else None) for name, cell in cells}
        try:
            yield document_from_record(record, origin, limits.max_document_chars)
        except InputError as exc:
            yield InputFailure(origin, exc.reason)


def _next_row(reader: CsvReader, limits: Limits) -> list[str] | None:
    """The next row, with the field limit raised to the record limit for this call only
    (the csv module's limit is process-wide; its default, 131,072, is a short article)."""
    previous = csv.field_size_limit(limits.max_file_bytes)
    try:
        return next(reader, None)
    finally:
        csv.field_size_limit(previous)

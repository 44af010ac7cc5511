"""Helpers every reader shares: raw bytes in, checked text out, Document built one way."""

from __future__ import annotations

from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest.normalize import normalize_lang, normalize_text, text_id
from frontwatch.ingest.pubdate import date_from_url
from frontwatch.records import Document, PartialDate

_SNIFF = 8192


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing empty and binary files with a one-line reason."""
    origin = str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(origin, "is a directory") from exc
    except FileNotFoundError as exc:
        raise InputError(origin, "no such file") from exc
    except OSError as exc:
        raise InputError(origin, f"cannot read file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(origin, "empty file")
    if b"\x00" in data[:_SNIFF]:
        raise InputError(origin, "binary file")
    return data


def decode_utf8(data: bytes, origin: str, *, base_offset: int = 0) -> str:
    """Decode UTF-8 (a BOM is dropped); the error names the first bad byte and its offset."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        offset = base_offset + exc.start
        raise InputError(origin, f"not UTF-8 text (byte 0x{bad:02x} at offset {offset})") from exc


def parse_published(value: object, origin: str) -> PartialDate | None:
    """A dump or API date (YYYY, YYYY-MM, YYYY-MM-DD, ISO datetime) as a PartialDate."""
    if value is None or value == "":
        return None
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(origin, f"bad published date {value!r}")
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise InputError(origin, f"bad published date '{value.strip()}'") from exc


def optional_str(value: object, name: str, origin: str) -> str | None:
    """A metadata field that must be a string when present; blank means absent."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and name == "id":
        value = str(value)
    if not isinstance(value, str):
        raise InputError(origin, f"field '{name}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def make_document(
    text: str,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: PartialDate | str | None = None,
    lang: str | None = None,
    outlet: str | None = None,
    origin: str = "",
) -> Document:
    """Normalize the text and build the Document; the id defaults to the text's sha256, the
    publication date to the one in the URL."""
    normalized = normalize_text(text)
    if not normalized:
        raise InputError(origin, "no article text")
    return Document(
        id=id or text_id(normalized),
        text=normalized,
        origin=origin,
        url=url or None,
        title=title or None,
        outlet=outlet or None,
        lang=normalize_lang(lang),
        published=parse_published(published, origin) or date_from_url(url),
    )

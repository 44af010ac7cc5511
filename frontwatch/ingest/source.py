"""Helpers every reader shares: a checked file in, checked text out, Document built one way.

Files are opened without following a FIFO's wait (O_NONBLOCK) and read only when they are
regular files, and never past the size limit, so a named pipe, a link to /dev/zero or a
50 GB file cannot hang or exhaust the process. Text is UTF-8 unless a byte-order mark says
UTF-16 or UTF-32.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from frontwatch.errors import InputError
from frontwatch.ingest.limits import DEFAULT_LIMITS, Limits, truncate
from frontwatch.ingest.normalize import normalize_lang, normalize_text, text_id
from frontwatch.ingest.pubdate import publication_date
from frontwatch.records import Document, PartialDate

_SNIFF = 8192
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "not a regular file (a named pipe)"),
    (stat.S_ISCHR, "not a regular file (a character device)"),
    (stat.S_ISBLK, "not a regular file (a block device)"),
    (stat.S_ISSOCK, "not a regular file (a socket)"),
)


def os_reason(exc: OSError) -> str:
    """An OSError as a short reason: what a user can check, without the path repeated."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read ({exc.strerror or exc})"


def not_regular(mode: int) -> str | None:
    """Why a file of this st_mode cannot be read as an article, or None for a regular file."""
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return None if stat.S_ISREG(mode) else "not a regular file"


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading; InputError unless it is a regular file within the limit.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; the
    type is checked on the opened descriptor, so a file swapped after a walk is still caught.
    """
    origin = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError as exc:
        raise InputError(origin, "is a directory") from exc
    except OSError as exc:
        raise InputError(origin, os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        reason = not_regular(info.st_mode)
        if reason:
            raise InputError(origin, reason)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def too_big(size: int | None, limits: Limits) -> str:
    """The one-line reason for refusing an input over the size limit (`size` when known)."""
    known = f" ({size:,})" if size is not None else ""
    return f"larger than {limits.max_file_bytes:,} bytes{known}; FRONTWATCH_MAX_FILE_BYTES raises the limit"


def read_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The whole file, refusing empty, binary and over-limit files with a one-line reason."""
    origin = str(path)
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.max_file_bytes:
            raise InputError(origin, too_big(size, limits))
        try:
            data = handle.read(limits.max_file_bytes + 1)
        except OSError as exc:
            raise InputError(origin, os_reason(exc)) from exc
    if len(data) > limits.max_file_bytes:
        raise InputError(origin, too_big(len(data), limits))
    if not data.strip():
        raise InputError(origin, "empty file")
    if bom_encoding(data) is None and b"\x00" in data[:_SNIFF]:
        raise InputError(origin, "binary file")
    return data


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """The codec a byte-order mark announces and the mark's length, or None without one."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    return None


def decode_text(data: bytes, origin: str) -> str:
    """Decode a file: UTF-8 by default, UTF-16 or UTF-32 when a byte-order mark says so."""
    found = bom_encoding(data)
    if found is None or found[0] == "utf-8":
        return decode_utf8(data, origin)
    codec, skip = found
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        raise InputError(origin, f"not {codec.upper()} text (bad bytes at offset {offset})") from exc
    if not text.strip():
        raise InputError(origin, "empty file")
    return text


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
    max_chars: int | None = None,
) -> Document:
    """Normalize the text and build the Document; the id defaults to the text's sha256, the
    publication date to the one in the URL (which also makes a month's date a day's).

    A text over `max_chars` is cut at a paragraph break (with a warning) before the id is
    computed, so the id is the hash of the text that is stored."""
    normalized = normalize_text(text)
    if not normalized:
        raise InputError(origin, "no article text")
    surrogate = _LONE_SURROGATE.search(normalized)
    if surrogate:
        raise InputError(origin, f"text has an unpaired surrogate (U+{ord(surrogate.group()):04X}) "
                                 f"at character {surrogate.start()}")
    if max_chars is not None:
        normalized = truncate(normalized, max_chars, origin)
    return Document(
        id=id or text_id(normalized),
        text=normalized,
        origin=origin,
        url=url or None,
        title=title or None,
        outlet=outlet or None,
        lang=normalize_lang(lang),
        published=publication_date(parse_published(published, origin), url),
    )

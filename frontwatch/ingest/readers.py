"""Suffix -> reader registry, and the walk over files and folders that never dies on one file."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest.dumps import read_csv, read_jsonl
from frontwatch.ingest.feeds import read_feed
from frontwatch.ingest.html import read_html
from frontwatch.ingest.limits import DEFAULT_LIMITS, Limits
from frontwatch.ingest.source import not_regular, os_reason
from frontwatch.ingest.text import read_txt
from frontwatch.ingest.urls import is_url, read_url_list, read_urls
from frontwatch.records import Document, InputFailure

logger = logging.getLogger(__name__)

Reader = Callable[[Path, Limits], Iterator[Document | InputFailure]]
"""Reads one file within the limits. Raises InputError when the whole file is unusable,
yields InputFailure for a single bad record and carries on."""

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
    ".urls": read_url_list,
}


def register_reader(suffix: str, reader: Reader) -> None:
    """Teach ingest a new format: a suffix ('.md') and a function of the path and the limits."""
    if not suffix.startswith("."):
        raise ValueError(f"a suffix starts with a dot: {suffix!r}")
    READERS[suffix.lower()] = reader


def reader_for(path: Path) -> Reader | None:
    """The reader for a file's suffix (case-blind), or None when the format is unknown."""
    return READERS.get(path.suffix.lower())


def _walk(folder: Path, limits: Limits) -> Iterator[Document | InputFailure]:
    """The articles under a folder in a stable order, hidden files and folders left out.

    Links are followed, but a folder already entered (a link loop, or two links to one
    place) is read once; FIFOs, devices and sockets are reported, never opened. The walk
    keeps its own stack, so the depth of the tree does not matter.
    """
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[Path]] = []

    def enter(path: Path) -> InputFailure | None:
        try:
            info = path.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                return InputFailure(str(path), "symbolic link to a folder already read; skipped")
            seen.add(key)
            children = sorted(os.scandir(path), key=lambda entry: entry.name)
        except OSError as exc:
            return InputFailure(str(path), os_reason(exc))
        stack.append(iter([Path(entry.path) for entry in children if not entry.name.startswith(".")]))
        return None

    failure = enter(folder)
    if failure:
        yield failure
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        try:
            mode = child.stat().st_mode
        except OSError as exc:
            if reader_for(child) is not None or child.is_symlink():
                yield InputFailure(str(child), os_reason(exc))
            continue
        if stat.S_ISDIR(mode):
            failure = enter(child)
            if failure:
                yield failure
        elif reader_for(child) is not None:
            yield from _read_file(child, limits)


def _read_file(path: Path, limits: Limits) -> Iterator[Document | InputFailure]:
    """Run one reader; anything it raises becomes a failure for this file only."""
    reader = reader_for(path)
    if reader is None:
        known = ", ".join(sorted(READERS))
        yield InputFailure(
            str(path), f"unsupported file type '{path.suffix or path.name}' (expected {known})"
        )
        return
    try:
        reason = not_regular(path.stat().st_mode)
    except OSError as exc:
        reason = os_reason(exc)
    if reason:
        yield InputFailure(str(path), reason)
        return
    try:
        yield from reader(path, limits)
    except InputError as exc:
        yield InputFailure(exc.origin or str(path), exc.reason)
    except Exception as exc:  # a batch must survive a reader bug on one odd file
        logger.debug("%s: reader failed", path, exc_info=True)
        yield InputFailure(str(path), f"unexpected error ({type(exc).__name__}: {exc})")


def read_paths(
    paths: Iterable[str | Path], *, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Document | InputFailure]:
    """Every article in the given files, folders and http(s) URLs; bad ones come out as
    InputFailure."""
    for item in paths:
        if isinstance(item, str) and is_url(item):
            yield from read_urls([(item, item)], limits)
            continue
        path = Path(item)
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError as exc:
            yield InputFailure(str(path), os_reason(exc))
            continue
        if is_dir:
            yield from _walk(path, limits)
        else:
            yield from _read_file(path, limits)


def read_document(path: str | Path) -> list[Document]:
    """The articles of one file (one, or many for a dump or feed); any failure raises."""
    documents: list[Document] = []
    for item in read_paths([path]):
        if isinstance(item, InputFailure):
            raise InputError(item.origin, item.reason)
        documents.append(item)
    return documents

"""Suffix -> reader registry, and the walk over files and folders that never dies on one file."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest.dumps import read_csv, read_jsonl
from frontwatch.ingest.feeds import read_feed
from frontwatch.ingest.html import read_html
from frontwatch.ingest.text import read_txt
from frontwatch.records import Document, InputFailure

logger = logging.getLogger(__name__)

Reader = Callable[[Path], Iterator[Document | InputFailure]]
"""Reads one file. Raises InputError when the whole file is unusable, yields InputFailure
for a single bad record and carries on."""

READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}


def register_reader(suffix: str, reader: Reader) -> None:
    """Teach ingest a new format: a suffix ('.md') and a function of the path."""
    if not suffix.startswith("."):
        raise ValueError(f"a suffix starts with a dot: {suffix!r}")
    READERS[suffix.lower()] = reader


def reader_for(path: Path) -> Reader | None:
    """The reader for a file's suffix (case-blind), or None when the format is unknown."""
    return READERS.get(path.suffix.lower())


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder in a stable order, hidden files and folders left out."""
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file() and reader_for(child) is not None:
            yield child


def _read_file(path: Path) -> Iterator[Document | InputFailure]:
    """Run one reader; anything it raises becomes a failure for this file only."""
    reader = reader_for(path)
    if reader is None:
        known = ", ".join(sorted(READERS))
        yield InputFailure(
            str(path), f"unsupported file type '{path.suffix or path.name}' (expected {known})"
        )
        return
    try:
        yield from reader(path)
    except InputError as exc:
        yield InputFailure(exc.origin or str(path), exc.reason)
    except Exception as exc:  # a batch must survive a reader bug on one odd file
        logger.exception("%s: reader failed", path)
        yield InputFailure(str(path), f"unexpected error ({type(exc).__name__}: {exc})")


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document | InputFailure]:
    """Every article in the given files and folders; bad files come out as InputFailure."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for child in _walk(path):
                yield from _read_file(child)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield InputFailure(str(path), "no such file or directory")


def read_document(path: str | Path) -> list[Document]:
    """The articles of one file (one, or many for a dump or feed); any failure raises."""
    documents: list[Document] = []
    for item in read_paths([path]):
        if isinstance(item, InputFailure):
            raise InputError(item.origin, item.reason)
        documents.append(item)
    return documents

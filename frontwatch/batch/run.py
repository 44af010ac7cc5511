"""The writer side of a batch run: results stored chunk by chunk, in input order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from frontwatch.records import Extraction, InputFailure
from frontwatch.store import Store

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last one shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def store_chunks(
    store: Store,
    results: Iterable[list[Extraction | InputFailure]],
    *,
    force: bool = False,
    report: Callable[[str], None],
    progress: Callable[[Extraction], None] | None = None,
) -> Counter[str]:
    """Store each chunk of results in one transaction; count new, unchanged, updated and
    failed documents, `report` one line per failure, then render the places left behind.

    A run that is killed keeps every chunk it committed; the next run renders what it
    left pending.
    """
    counts: Counter[str] = Counter()
    for chunk in results:
        extractions: list[Extraction] = []
        for item in chunk:
            if isinstance(item, InputFailure):
                counts["failed"] += 1
                report(f"{item.origin}: {item.reason}")
            else:
                extractions.append(item)
        for extraction, written in zip(extractions, store.add_extractions(extractions, force=force),
                                       strict=True):
            counts[written.result] += 1
            if written.result == "failed":
                document = extraction.document
                report(f"{document.origin or document.id}: not stored: {written.reason}")
            elif progress is not None:
                progress(extraction)
    store.refresh_backlog()
    return counts

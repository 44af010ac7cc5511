"""Where extraction runs: in this process, in worker processes, or on Ray actors.

Every runner takes chunks of documents and gives back, chunk by chunk and in the order
given, one `Extraction` (or `InputFailure`) per document. A chunk is what the serial
extractor would put in one `nlp.pipe` batch, so the parse, and every claim, is the same
whatever the runner and the number of workers. Each worker loads the models once.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from frontwatch.errors import WorkerError
from frontwatch.records import Document, Extraction, InputFailure

if TYPE_CHECKING:
    from frontwatch.claims import Extractor

log = logging.getLogger(__name__)

Result = Extraction | InputFailure


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """How a worker builds its extractor (sent to worker processes and Ray actors)."""

    gazetteer: str = ""
    batch_size: int = 32

    def build(self) -> Extractor:
        from frontwatch.claims import Extractor

        return Extractor(gazetteer=self.gazetteer or None, batch_size=self.batch_size)


class Runner(Protocol):
    """Extracts chunks of documents somewhere; results come back in the order given."""

    workers: int

    def map(self, chunks: Iterable[list[Document]]) -> Iterator[list[Result]]: ...

    def close(self) -> None: ...


def extract_chunk(extractor: Extractor, documents: list[Document]) -> list[Result]:
    """One chunk through the extractor; when the chunk fails, each document alone, so one
    document that breaks the pipeline is reported and the others still give their claims."""
    try:
        return list(extractor.extract(documents))
    except Exception:  # any failure of the pipeline on some document of the chunk
        log.warning("a chunk of %d documents failed; extracting them one by one", len(documents))
    results: list[Result] = []
    for document in documents:
        try:
            results.extend(extractor.extract([document]))
        except Exception as exc:  # this document, and only it, cannot be extracted
            results.append(InputFailure(document.origin or document.id,
                                        f"extraction failed ({type(exc).__name__}: {exc})"))
    return results


class InProcess:
    """Extraction in the calling process (`--workers 1`)."""

    workers = 1

    def __init__(self, spec: ExtractorSpec) -> None:
        self._extractor = spec.build()

    def map(self, chunks: Iterable[list[Document]]) -> Iterator[list[Result]]:
        for chunk in chunks:
            yield extract_chunk(self._extractor, chunk)

    def close(self) -> None:
        pass


_WORKER_EXTRACTOR: Extractor | None = None


def _start_worker(spec: ExtractorSpec, parent: int) -> None:
    """Build the worker's extractor; end the worker when its parent is gone (a parent
    killed with -9 cannot end its workers itself)."""
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = spec.build()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="frontwatch-parent-watch", daemon=True).start()


def _extract_in_worker(documents: list[Document]) -> list[Result]:
    assert _WORKER_EXTRACTOR is not None, "worker started without its extractor"
    return extract_chunk(_WORKER_EXTRACTOR, documents)


class ProcessPool:
    """Extraction in `workers` processes of this machine (`--workers N`).

    Processes are spawned, not forked: the parent's database connections and threads stay
    its own. At most two chunks per worker are in flight, so a run over millions of
    documents reads its input as it goes.
    """

    def __init__(self, spec: ExtractorSpec, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(spec, os.getpid()),
        )

    def map(self, chunks: Iterable[list[Document]]) -> Iterator[list[Result]]:
        window: deque[Future[list[Result]]] = deque()
        try:
            for chunk in chunks:
                window.append(self._pool.submit(_extract_in_worker, chunk))
                if len(window) >= 2 * self.workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        except BrokenProcessPool as exc:
            raise WorkerError(
                f"an extraction worker process died ({exc}); lower --workers if memory is short"
            ) from exc
        finally:
            for future in window:
                future.cancel()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def open_runner(
    spec: ExtractorSpec, *, workers: int = 1, ray: bool = False, ray_address: str | None = None
) -> Runner:
    """The runner for these options: Ray when asked (`ray` or an address), else worker
    processes when `workers` > 1, else this process."""
    if ray or ray_address:
        from frontwatch.batch.on_ray import RayRunner

        return RayRunner(spec, workers=workers, address=ray_address)
    if workers > 1:
        return ProcessPool(spec, workers)
    return InProcess(spec)

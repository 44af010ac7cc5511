"""Extraction on Ray actors: each actor loads the models once and extracts the chunks it
is handed; the driver stores the results in order.

Needs the `ray` extra (`pip install 'frontwatch[ray]'`). Without an address, a local
Ray instance with one CPU per worker is started for the run and stopped after it; with
one (`--ray-address`), the run joins that cluster, whose nodes need frontwatch and its
models installed, and leaves it running.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from typing import Any

from frontwatch.batch.workers import ExtractorSpec, Result, extract_chunk
from frontwatch.errors import ConfigError, WorkerError
from frontwatch.records import Document

log = logging.getLogger(__name__)

# A local instance's shared-memory object store: chunks of articles are small.
_LOCAL_OBJECT_STORE = 256 * 1024 * 1024


class _ExtractorActor:
    """One Ray actor: an extractor, built once."""

    def __init__(self, spec: ExtractorSpec) -> None:
        self._extractor = spec.build()

    def extract(self, documents: list[Document]) -> list[Result]:
        return extract_chunk(self._extractor, documents)


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise ConfigError(
            "the Ray runner needs ray: pip install 'frontwatch[ray]'"
        ) from exc
    return ray


class RayRunner:
    """Extraction on `workers` Ray actors of a local instance or of the cluster at `address`."""

    def __init__(self, spec: ExtractorSpec, *, workers: int, address: str | None = None) -> None:
        ray = _ray()
        from ray.util import ActorPool

        self.workers = workers
        self._ray = ray
        # No usage reports: frontwatch never reaches the network at run time.
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        self._started = not ray.is_initialized()
        if self._started:
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "logging_level": logging.WARNING}
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(num_cpus=workers, object_store_memory=_LOCAL_OBJECT_STORE, **options)
        actor = ray.remote(num_cpus=1)(_ExtractorActor)
        self._actors = [actor.remote(spec) for _ in range(workers)]
        self._pool: Any = ActorPool(self._actors)

    def map(self, chunks: Iterable[list[Document]]) -> Iterator[list[Result]]:
        in_flight = 0
        try:
            for chunk in chunks:
                self._pool.submit(lambda actor, docs: actor.extract.remote(docs), chunk)
                in_flight += 1
                if in_flight >= 2 * self.workers:
                    in_flight -= 1
                    yield self._pool.get_next()
            while self._pool.has_next():
                yield self._pool.get_next()
        except self._ray.exceptions.RayActorError as exc:
            raise WorkerError(f"a Ray extraction actor died ({exc})") from exc

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        if self._started:
            self._ray.shutdown()

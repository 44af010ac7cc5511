"""Batch runs: extraction spread over worker processes or a Ray cluster, results stored in
input order by one writer, so a run gives the same store whatever the number of workers."""

from frontwatch.batch.run import chunked, store_chunks
from frontwatch.batch.workers import ExtractorSpec, Runner, extract_chunk, open_runner

__all__ = ["ExtractorSpec", "Runner", "chunked", "extract_chunk", "open_runner", "store_chunks"]

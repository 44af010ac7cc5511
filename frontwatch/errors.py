"""Exceptions raised by frontwatch.

    FrontwatchError            base: every error frontwatch raises on purpose
    ├── InputError             an article file, record, date or argument cannot be read
    ├── GazetteerError         the gazetteer file is missing or malformed
    ├── ModelError             a language model package is missing or cannot be loaded
    ├── StoreError             the database cannot be opened, migrated or written
    ├── ConfigError            a setting has a wrong value
    └── WorkerError            an extraction worker (a process or a Ray actor) died

The CLI prints `str(error)` on one line (a traceback only with --debug); messages name
the file or value at fault and, where there is one, the fix.
"""

from __future__ import annotations


class FrontwatchError(Exception):
    """Base class of every error frontwatch raises on purpose."""


class InputError(FrontwatchError):
    """Raised when an input file, record or argument cannot be read or parsed."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}" if origin else reason)
        self.origin = origin
        self.reason = reason


class GazetteerError(FrontwatchError):
    """Raised when the gazetteer file is missing or malformed."""


class ModelError(FrontwatchError):
    """Raised when a language model package is not installed or fails to load."""


class StoreError(FrontwatchError):
    """Raised when the claim database cannot be opened, migrated or written."""


class ConfigError(FrontwatchError):
    """Raised when a setting has a value frontwatch cannot use."""


class WorkerError(FrontwatchError):
    """Raised when an extraction worker process or Ray actor dies during a batch run."""

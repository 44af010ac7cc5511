"""Settings: declared once with a default and a help text, read from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from frontwatch.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "FRONTWATCH_DB", "frontwatch.db",
            "SQLite file path or SQLAlchemy URL (postgresql+psycopg://...) of the claim store."),
    Setting("gazetteer", "FRONTWATCH_GAZETTEER", "",
            "Gazetteer file to use instead of the one shipped with the package."),
    Setting("batch_size", "FRONTWATCH_BATCH_SIZE", "32",
            "Documents per spaCy batch (nlp.pipe)."),
    Setting("max_document_chars", "FRONTWATCH_MAX_DOCUMENT_CHARS", "1000000",
            "Longest article text kept: a longer one is cut at a paragraph break with a warning "
            "(the API answers 413)."),
    Setting("max_file_bytes", "FRONTWATCH_MAX_FILE_BYTES", "10485760",
            "Largest article file (.txt, .html, feed) read, and largest record of a JSONL/CSV dump; "
            "larger ones are reported and skipped."),
    Setting("fetch_timeout", "FRONTWATCH_FETCH_TIMEOUT", "30",
            "Seconds a URL given to ingest or extract may take to connect, and between two reads "
            "(the whole page: ten times that); a slower one is reported and skipped."),
    Setting("max_request_bytes", "FRONTWATCH_MAX_REQUEST_BYTES", "8388608",
            "Largest API request body; a larger one gets 413 before it is read."),
    Setting("allowed_hosts", "FRONTWATCH_ALLOWED_HOSTS", "localhost,127.0.0.1,::1",
            "Host names the API answers to (comma-separated, '*.example.org' or '*'); "
            "any other Host header gets 400, which stops DNS rebinding."),
)

_MINIMUM = {"batch_size": 1, "max_document_chars": 1000, "max_file_bytes": 1024,
            "fetch_timeout": 1, "max_request_bytes": 1024}
"""Integer settings and their smallest sensible value."""


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "frontwatch.db"
    gazetteer: str = ""
    batch_size: int = 32
    max_document_chars: int = 1_000_000
    max_file_bytes: int = 10 * 1024 * 1024
    fetch_timeout: int = 30
    max_request_bytes: int = 8 * 1024 * 1024
    allowed_hosts: str = "localhost,127.0.0.1,::1"

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Environment values, then explicit overrides (CLI options), validated here."""
        values: dict[str, object] = {}
        for setting in SETTINGS:
            raw = os.environ.get(setting.env)
            if raw is not None and raw != "":
                values[setting.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        for setting in SETTINGS:
            if setting.name in _MINIMUM and setting.name in values:
                values[setting.name] = _integer(setting, values[setting.name])
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})  # type: ignore[arg-type]

    @property
    def allowed_host_names(self) -> tuple[str, ...]:
        """`allowed_hosts` as lower-case names, blanks dropped."""
        return tuple(h.strip().lower() for h in self.allowed_hosts.split(",") if h.strip())

    @property
    def gazetteer_path(self) -> Path | None:
        return Path(self.gazetteer) if self.gazetteer else None


def _integer(setting: Setting, raw: object) -> int:
    """An integer setting, checked against its minimum; the error names the variable."""
    try:
        value = int(str(raw).replace("_", ""))
    except ValueError as exc:
        raise ConfigError(f"{setting.env} must be an integer, got {raw!r}") from exc
    if value < _MINIMUM[setting.name]:
        raise ConfigError(f"{setting.env} must be at least {_MINIMUM[setting.name]}, got {value}")
    return value

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
)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "frontwatch.db"
    gazetteer: str = ""
    batch_size: int = 32

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Environment values, then explicit overrides (CLI options), validated here."""
        values: dict[str, object] = {}
        for setting in SETTINGS:
            raw = os.environ.get(setting.env)
            if raw is not None and raw != "":
                values[setting.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            batch = int(str(values.get("batch_size", 32)))
        except ValueError as exc:
            raise ConfigError(f"FRONTWATCH_BATCH_SIZE must be an integer, got {values['batch_size']!r}") from exc
        if batch < 1:
            raise ConfigError(f"batch size must be at least 1, got {batch}")
        values["batch_size"] = batch
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})  # type: ignore[arg-type]

    @property
    def gazetteer_path(self) -> Path | None:
        return Path(self.gazetteer) if self.gazetteer else None

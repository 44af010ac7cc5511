"""The project's only conftest: shared fixtures and markers."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only shared folder next to the checkout (real articles, gold, layers)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """Sample articles written for the tests."""
    return DATA


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    """The real extractor (spaCy models and gazetteer), loaded once for the whole run."""
    from frontwatch.claims import Extractor

    return Extractor()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty claim database: a SQLite file, then PostgreSQL when FRONTWATCH_TEST_PG_URL
    names a reachable server (its tables are dropped first; skipped otherwise)."""
    if request.param == "sqlite":
        return str(tmp_path / "frontwatch.db")
    import os

    url = os.environ.get("FRONTWATCH_TEST_PG_URL", "")
    if not url:
        pytest.skip("FRONTWATCH_TEST_PG_URL is not set (scripts/start_postgres.sh prints one)")
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    except Exception as exc:  # any connection failure means: no server to test against
        pytest.skip(f"PostgreSQL at FRONTWATCH_TEST_PG_URL is not reachable: {exc}")
    finally:
        engine.dispose()
    return url

"""End to end on the two Toretsk seed articles: real readers, extractor and store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli


@pytest.mark.models
def test_store_e2e_toretsk_seeds(shared_dir: Path, tmp_path: Path) -> None:
    claims = pytest.importorskip("frontwatch.claims")
    if not hasattr(claims, "Extractor"):
        pytest.skip("frontwatch.claims.Extractor is not there yet")
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    if len(seeds) < 2:
        pytest.skip("the seed articles are not present")
    folder = tmp_path / "seeds"
    folder.mkdir()
    for seed in seeds:
        text = seed.read_text("utf-8")
        if not text.startswith(" date "):
            # The page gives no date; a feed would carry it (Monday 2024-10-07).
            text = " date 2024-10-07 " + text
        (folder / seed.name).write_text(text, "utf-8")
    db = str(tmp_path / "fw.db")
    runner = CliRunner()

    first = runner.invoke(cli, ["ingest", str(folder), "--db", db, "-q"])
    assert first.exit_code == 0, first.stderr
    assert first.stdout.strip() == f"{len(seeds)} new, 0 unchanged, 0 updated, 0 failed"
    again = runner.invoke(cli, ["ingest", str(folder), "--db", db, "-q"])
    assert again.stdout.strip() == f"0 new, {len(seeds)} unchanged, 0 updated, 0 failed"

    shown = runner.invoke(
        cli, ["place", "Toretsk", "--as-of", "2025-02-10", "--json", "--db", db]
    )
    assert shown.exit_code == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["status"] in ("contested", "ru_claimed", "ru_partial")
    assert data["place"]["geonameid"] == 709354
    said = data["claims"]
    assert any(
        c["kind"] == "capture"
        and c["actor"] == "RU"
        and c["stance"] == "asserts"
        and c["source"]["side"] == "RU"
        and "Defence" in c["source"]["name"]
        for c in said
    )
    assert any(c["stance"] == "denies" and c["source"]["side"] == "UA" for c in said)
    assert any(step["date"].startswith("2024-10") for step in data["timeline"])

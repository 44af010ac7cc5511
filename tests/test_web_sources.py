"""The sources panel and the partial-control colours in real headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_layer_rules import fill_towns
from test_web_browser import TIMEOUT_MS, _shot, browser, serve  # noqa: F401  (fixture)

from frontwatch.store import Store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def towns_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("towns")
    store = fill_towns(Store.open(str(folder / "towns.db")), folder)
    yield from serve(store, folder / "towns.db")
    store.close()


def test_web_sources_panel_opens_the_claims_behind_a_figure(
    browser: Any, towns_server: str  # noqa: F811
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(towns_server + "/")
    page.wait_for_selector("body[data-ready='1']")
    assert page.get_attribute("path.place-marker[data-name='Eastfield']", "data-status") \
        == "ru_partial"
    assert page.text_content("#legend [data-status='ru_partial'] .legend-count") == "1"

    page.click("#sources > summary")
    row = page.wait_for_selector("tr[data-source='Russian Ministry of Defence']")
    cells = row.eval_on_selector_all("td", "tds => tds.map(td => td.textContent)")
    assert cells[1:6] == ["4", "2", "0", "1", "1"]
    row.query_selector(".outcome-confirmed button").click()
    page.wait_for_selector(".sources-claims li[data-outcome='confirmed']")
    items = page.eval_on_selector_all(".sources-claims li", "ns => ns.map(n => n.textContent)")
    assert any("Claimton" in text and "after 13 days" in text for text in items)

    page.click(".sources-claims li >> text=Claimton")
    page.wait_for_selector("#place h2:has-text('Claimton')")
    timeline = page.text_content("#place .timeline")
    assert "rule 2e" in timeline and "set by #" in timeline
    _shot(page, "sources-panel")
    assert errors == []
    context.close()

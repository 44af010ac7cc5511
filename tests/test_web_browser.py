"""The map page in real headless Chromium, against a real uvicorn server on loopback.

Needs Debian's chromium (scripts/install_browser.sh) and Playwright for Python; skipped
when either is missing. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_api_support import (
    POKROVSK,
    TORETSK,
    TORETSK_UA,
    XSS_IMG,
    XSS_SCRIPT,
    fill,
)

from frontwatch.api import create_app
from frontwatch.settings import Settings
from frontwatch.store import Store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
TIMEOUT_MS = 15_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A uvicorn server in a thread over a store filled with the invented articles."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    store = Store.open(str(db))
    fill(store)
    yield from serve(store, db)
    store.close()


def serve(store: Store, db: Path) -> Iterator[str]:
    """Serve `store` from a uvicorn thread on loopback; yields the base URL."""
    uvicorn = pytest.importorskip("uvicorn")
    app = create_app(Settings(db=str(db)), store)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (run scripts/install_browser.sh)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS,
                                              headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that records errors and every URL it asks for."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.errors = []
    page.requests = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    yield page
    context.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _markers(page: Any) -> dict[str, str]:
    return page.eval_on_selector_all(
        "path.place-marker",
        "nodes => Object.fromEntries(nodes.map(n => [n.dataset.name, n.dataset.status]))",
    )


def test_web_map_loads_offline_with_markers(page: Any, server: str) -> None:
    assert _markers(page) == {
        "Chasiv Yar": "contested", "Kurakhove": "ru_claimed", "Pokrovsk": "contested",
        "Siversk": "contested", "Toretsk": "contested", "Vuhledar": "ru_confirmed",
    }
    assert page.text_content("#as-of") == "2025-02-07"
    assert page.locator(".leaflet-overlay-pane path").count() > 30  # oblast outlines drawn
    assert page.text_content("#legend [data-status='contested'] .legend-count") == "4"
    assert all(url.startswith(server) for url in page.requests), page.requests
    assert page.errors == []
    _shot(page, "map-latest")


def test_web_slider_requeries_places(page: Any) -> None:
    slider = page.locator("#slider")
    slider.fill("0")
    page.wait_for_selector("#map[data-as-of='2024-10-01'][data-count='1']")
    assert page.text_content("#as-of") == "2024-10-01"
    assert _markers(page) == {"Vuhledar": "ru_claimed"}
    _shot(page, "map-2024-10-01")
    slider.fill("60")
    page.wait_for_selector("#map[data-as-of='2024-11-30']")
    assert _markers(page) == {"Toretsk": "contested", "Vuhledar": "ru_confirmed"}
    slider.focus()
    page.keyboard.press("End")
    page.wait_for_selector("#map[data-as-of='2025-02-07'][data-count='6']")
    assert page.errors == []


def test_web_toretsk_denial_card_highlights_evidence(page: Any) -> None:
    page.click(f"path.place-marker[data-geonameid='{TORETSK.geonameid}']")
    page.wait_for_selector("#place h2:text-is('Toretsk')")
    card = page.locator(".claim-card[data-side='UA'][data-stance='denies']")
    card.wait_for()
    assert "100th Mechanised Brigade" in card.locator(".source").text_content()
    assert card.get_attribute("data-kind") == "capture"
    mark = card.locator("blockquote mark.evidence-mark")
    mark.wait_for()
    assert mark.text_content() == TORETSK_UA
    assert page.locator(".claim-card").count() == 3
    assert page.text_content("#place .current .badge") == "Contested"
    _shot(page, "toretsk-claims")
    card.get_by_role("button", name="Show article").click()
    full = card.locator(".article-text mark.evidence-mark")
    assert full.text_content() == TORETSK_UA
    page.uncheck("#filter-sides input[value='UA']")
    assert page.locator(".claim-card[data-side='UA']").count() == 0
    assert page.locator(".claim-card").count() == 2
    page.check("#filter-sides input[value='UA']")
    page.uncheck("#filter-kinds input[value='capture']")
    assert [c.get_attribute("data-kind") for c in page.locator(".claim-card").all()] == [
        "fighting"]
    assert page.errors == []


def test_web_article_markup_stays_inert(page: Any) -> None:
    page.click(f"path.place-marker[data-geonameid='{POKROVSK.geonameid}']")
    card = page.locator(".claim-card").first
    card.wait_for()
    card.locator("blockquote mark.evidence-mark").wait_for()
    card.get_by_role("button", name="Show article").click()
    text = card.locator(".article-text").text_content()
    assert XSS_SCRIPT in text and XSS_IMG in text
    assert XSS_SCRIPT in card.locator("blockquote").text_content()
    page.wait_for_timeout(300)  # time for an injected onerror to fire, were there one
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#panel script, #panel img").count() == 0
    assert card.locator("a").count() == 0  # the javascript: URL is not turned into a link
    assert page.errors == []
    _shot(page, "pokrovsk-inert-markup")

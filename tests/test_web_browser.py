"""The map page in real headless Chromium, against a real uvicorn server on loopback.

Needs Debian's chromium (scripts/install_browser.sh) and Playwright for Python; skipped
when either is missing. Screenshots go to test-artifacts/; with
FRONTWATCH_SCREENSHOTS=docs, the two README screenshots are written to docs/ instead.
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from test_api_support import (
    KURAKHOVE,
    POKROVSK,
    TORETSK,
    TORETSK_UA,
    VUHLEDAR,
    XSS_IMG,
    XSS_SCRIPT,
    Said,
    build_claim,
    fill,
)

from frontwatch.api import create_app
from frontwatch.ingest import document_from_text
from frontwatch.records import Extraction
from frontwatch.settings import Settings
from frontwatch.store import Store
from frontwatch.store.layers import import_layer

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
TIMEOUT_MS = 15_000
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}

UNDATED_TEXT = (
    "Letters from the front\n\n"
    "A volunteer driver wrote that Ukrainian infantry were still dug in around Siversk. "
    "He did not say when he had been there."
)
UNDATED = "A volunteer driver wrote that Ukrainian infantry were still dug in around Siversk."


def _box(lon0: float, lat0: float, lon1: float, lat1: float) -> list[list[list[float]]]:
    return [[[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]]


def _layer_file(folder: Path) -> Path:
    """An invented occupied-area layer: on 2024-10-05 it holds Vuhledar; on 2025-01-10
    only Kurakhove, so Vuhledar's Russian status disagrees with it from then on."""
    features = [
        {"type": "Feature", "properties": {"date": "2024-10-05"},
         "geometry": {"type": "Polygon", "coordinates": _box(37.0, 47.6, 37.5, 47.9)}},
        {"type": "Feature", "properties": {"date": "2025-01-10"},
         "geometry": {"type": "Polygon", "coordinates": _box(37.1, 47.9, 37.5, 48.1)}},
    ]
    path = folder / "occupied.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def _undated() -> Extraction:
    doc = document_from_text(UNDATED_TEXT, lang="en", title="Letters from the front")
    from test_api_support import SIVERSK

    said = Said(UNDATED, SIVERSK, "presence", "UA", "asserts", "volunteer driver", "UA",
                "2025")
    claim = replace(build_claim(doc, said), date=None)
    return Extraction(doc, claims=(claim,), extractor_version="hand-built")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    """A uvicorn server in a thread over a store of the invented articles, one undated
    claim and an invented layer."""
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.db"
    store = Store.open(str(db))
    fill(store)
    store.add_extraction(_undated())
    import_layer(store, "occupied", _layer_file(folder))
    for url in serve(store, db):
        yield url, store
    store.close()


def serve(store: Store, db: Path) -> Iterator[str]:
    """Serve `store` from a uvicorn thread on loopback; yields the base URL."""
    uvicorn = pytest.importorskip("uvicorn")
    app = create_app(Settings(db=str(db)), store)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(served: tuple[str, Store]) -> str:
    return served[0]


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


def _open(browser: Any, server: str, path: str = "/", viewport: dict[str, int] = DESKTOP,
          ) -> tuple[Any, Any]:
    """A fresh page that records errors and every URL it asks for, and refuses any request
    that would leave the server."""
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.errors = []
    page.requests = []
    page.outside = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(server) or url.startswith("blob:") or url.startswith("data:"):
            route.continue_()
        else:
            page.outside.append(url)
            route.abort()

    page.route("**/*", guard)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(server + path)
    page.wait_for_selector("body[data-ready='1']")
    return context, page


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context, opened = _open(browser, server)
    yield opened
    context.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _markers(page: Any) -> dict[str, str]:
    return page.eval_on_selector_all(
        "path.place-marker",
        "nodes => Object.fromEntries(nodes.map(n => [n.dataset.name, n.dataset.status]))",
    )


def _labels(page: Any) -> list[str]:
    return page.eval_on_selector_all(".map-label", "nodes => nodes.map(n => n.textContent)")


def _until(page: Any, script: str) -> None:
    """Wait until `script` is true in the page (wait_for_function evaluates strings, which
    the page's CSP forbids)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not page.evaluate(script):
        if time.monotonic() > deadline:
            pytest.fail(f"never true: {script}")
        page.wait_for_timeout(50)


def _set_date(page: Any, day: str) -> None:
    page.fill("#date", day)
    page.dispatch_event("#date", "change")
    page.wait_for_selector(f"#map[data-as-of='{day}']")


def test_web_map_loads_offline_with_markers(page: Any, server: str) -> None:
    assert _markers(page) == {
        "Chasiv Yar": "contested", "Kurakhove": "ru_claimed", "Pokrovsk": "contested",
        "Siversk": "contested", "Toretsk": "contested", "Vuhledar": "ru_confirmed",
    }
    assert page.input_value("#date") == "2025-02-07"
    assert page.get_attribute("#slider", "aria-valuetext") == "2025-02-07"
    assert page.locator(".leaflet-basemap-pane canvas").count() == 1  # outlines and rivers
    assert page.text_content("#legend [data-status='contested'] .legend-count") == "4"
    assert all(url.startswith(server) for url in page.requests), page.requests
    assert page.errors == []
    _shot(page, "map-latest")


def test_web_base_map_labels_settlements_by_zoom(page: Any) -> None:
    _until(page, "[...document.querySelectorAll('.map-label')].some(n => n.textContent === 'Kyiv')")
    country = _labels(page)
    assert "Kyiv" in country and "Kharkiv" in country
    assert "Druzhkivka" not in country  # a town of 54,000 waits for a closer zoom
    page.locator(f"path.place-marker[data-geonameid='{TORETSK.geonameid}']").click()
    _until(page, "document.querySelectorAll('.map-label.mapped').length > 0")
    _until(page,
        "[...document.querySelectorAll('.map-label')].some(n => n.textContent === 'Druzhkivka')")
    close = _labels(page)
    assert "Toretsk" in close and "Kostyantynivka" in close
    label = page.locator(".map-label", has_text="Druzhkivka").first
    assert label.is_visible()
    assert page.errors == []
    _shot(page, "labels-toretsk")


def test_web_layer_is_drawn_for_the_chosen_date(page: Any) -> None:
    page.select_option("#layer", "occupied")
    page.wait_for_selector("#map[data-layer-date='2025-01-10']")
    assert page.locator(".leaflet-territory-pane path").count() == 1
    assert page.text_content("#layer-date") == "occupied, 2025-01-10"
    vuhledar = page.locator(f"path.place-marker[data-geonameid='{VUHLEDAR.geonameid}']")
    assert vuhledar.get_attribute("data-disagrees") == "1"
    kurakhove = page.locator(f"path.place-marker[data-geonameid='{KURAKHOVE.geonameid}']")
    assert kurakhove.get_attribute("data-disagrees") == "0"
    _set_date(page, "2024-11-01")
    page.wait_for_selector("#map[data-layer-date='2024-10-05']")
    assert page.text_content("#layer-date") == "occupied, 2024-10-05"
    assert vuhledar.get_attribute("data-disagrees") == "0"
    assert page.text_content("#disagree-count") == "0"
    assert "layer=occupied" in page.url
    assert page.errors == []


def test_web_shared_link_opens_the_same_map(browser: Any, page: Any, server: str) -> None:
    _set_date(page, "2024-12-20")
    page.locator(f"path.place-marker[data-geonameid='{TORETSK.geonameid}']").click()
    page.wait_for_selector("#place h2:text-is('Toretsk')")
    page.uncheck("#filter-sides input[value='third']")
    page.wait_for_selector("#map[data-filters='sides=RU,UA']")
    shared = page.url
    query = parse_qs(urlsplit(shared).query)
    assert query["date"] == ["2024-12-20"] and query["place"] == [str(TORETSK.geonameid)]
    assert query["sides"] == ["RU,UA"] and "view" in query
    before = _markers(page)
    context, again = _open(browser, server, shared[len(server):])
    try:
        again.wait_for_selector("#place h2:text-is('Toretsk')")
        assert again.input_value("#date") == "2024-12-20"
        assert not again.is_checked("#filter-sides input[value='third']")
        assert again.is_checked("#filter-sides input[value='RU']")
        assert _markers(again) == before
        assert parse_qs(urlsplit(again.url).query)["view"] == query["view"]
        assert again.errors == []
    finally:
        context.close()


def test_web_search_finds_any_spelling(page: Any) -> None:
    page.fill("#search", "Dzerzhynsk")
    item = page.locator(f"#search-results li[data-geonameid='{TORETSK.geonameid}']")
    item.wait_for()
    assert "claims" in item.text_content()
    page.focus("#search")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector("#place h2:text-is('Toretsk')")
    page.fill("#search", "Торецьк")
    item.wait_for()
    page.fill("#search", "Vuhl")
    page.locator(f"#search-results li[data-geonameid='{VUHLEDAR.geonameid}']").wait_for()
    assert page.errors == []


def test_web_filters_apply_to_markers_and_cards(page: Any) -> None:
    page.uncheck("#filter-sides input[value='third']")
    page.wait_for_selector("#map[data-filters='sides=RU,UA']")
    markers = _markers(page)
    assert "Pokrovsk" not in markers  # its only claim is a third party's
    assert {"Toretsk", "Vuhledar", "Chasiv Yar"} <= set(markers)
    page.uncheck("#filter-kinds input[value='capture']")
    page.wait_for_selector("#map[data-filters='sides=RU,UA&kinds=presence,advance,fighting,repelled']")
    assert set(_markers(page)) == {"Chasiv Yar", "Siversk"}
    page.check("#filter-kinds input[value='capture']")
    page.check("#filter-sides input[value='third']")
    page.wait_for_selector("#map[data-filters='']")
    page.click(f"path.place-marker[data-geonameid='{TORETSK.geonameid}']")
    card = page.locator(".claim-card[data-side='UA'][data-stance='denies']")
    card.wait_for()
    mark = card.locator("blockquote mark.evidence-mark")
    mark.wait_for()
    assert mark.text_content() == TORETSK_UA
    assert page.locator("#place .claim-card").count() == 3
    page.uncheck("#filter-sides input[value='UA']")
    assert page.locator("#place .claim-card[data-side='UA']").count() == 0
    assert page.locator("#place .claim-card").count() == 2
    assert page.errors == []


def test_web_claim_list_sorts_and_exports_what_it_shows(page: Any) -> None:
    page.click("#tab-list")
    page.wait_for_selector(".claim-list tbody tr")
    rows = page.locator(".claim-list tbody tr")
    assert rows.count() == 9
    page.click("[data-sort='place']")
    places = [r.locator("td").nth(1).text_content() for r in rows.all()]
    assert places == sorted(places)
    page.uncheck("#filter-sides input[value='RU']")
    _until(page, "document.querySelectorAll('.claim-list tbody tr').length === 5")
    with page.expect_download() as download:
        page.click("#export-list")
    exported = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    assert len(exported) == 5 and all(r["source_side"] != "RU" for r in exported)
    assert [r["place"] for r in exported] == sorted(r["place"] for r in exported)
    assert page.errors == []


def test_web_undated_claims_are_listed_apart(page: Any) -> None:
    assert page.text_content("#tab-undated") == "Undated (1)"
    page.click("#tab-undated")
    card = page.locator("#undated .claim-card")
    card.wait_for()
    assert card.count() == 1
    assert card.locator("time").text_content() == "undated"
    card.locator("blockquote mark.evidence-mark").wait_for()
    assert card.locator("blockquote mark").text_content() == UNDATED
    assert page.errors == []


def test_web_slider_spans_the_bulk_with_all_dates_behind_a_box(page: Any) -> None:
    assert page.get_attribute("#date", "min") == "2024-10-01"
    page.focus("#slider")
    page.keyboard.press("Home")
    page.wait_for_selector("#map[data-as-of='2024-10-01'][data-count='1']")
    assert _markers(page) == {"Vuhledar": "ru_claimed"}
    page.keyboard.press("PageUp")
    page.wait_for_selector("#map[data-as-of='2024-10-31']")
    assert page.get_attribute("#slider", "aria-valuetext") == "2024-10-31"
    page.check("#all-dates")
    _until(page, "location.search.includes('all=1')")
    assert page.errors == []


def test_web_keyboard_reaches_a_places_cards(page: Any) -> None:
    page.focus("#search")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.name === 'Toretsk'"):
            break
    else:
        pytest.fail("Tab never reached the Toretsk marker")
    page.keyboard.press("Enter")
    _until(page, "document.activeElement.tagName === 'H2'"
                           " && document.activeElement.textContent === 'Toretsk'")
    page.locator("#place .claim-card").first.wait_for()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.claim-card')"):
            break
    else:
        pytest.fail("Tab never reached a claim card")
    assert page.evaluate("document.activeElement.closest('#place') !== null")
    assert page.errors == []


def test_web_phone_leaves_the_map_most_of_the_screen(browser: Any, server: str) -> None:
    context, phone = _open(browser, server, viewport=PHONE)
    try:
        box = phone.locator("#map").bounding_box()
        assert box["height"] >= 0.6 * PHONE["height"], box
        header = phone.locator("#bar").bounding_box()
        assert header["height"] <= 100, header
        legend = phone.locator("#legend").bounding_box()
        assert legend["height"] * legend["width"] <= 0.1 * box["height"] * box["width"]
        slider = phone.locator("#slider").bounding_box()
        assert slider["width"] >= 150
        assert phone.errors == []
        _shot(phone, "phone")
    finally:
        context.close()


def test_web_article_markup_stays_inert(page: Any) -> None:
    page.click(f"path.place-marker[data-geonameid='{POKROVSK.geonameid}']")
    card = page.locator("#place .claim-card").first
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


def test_web_no_request_leaves_the_server(page: Any, server: str) -> None:
    page.select_option("#layer", "occupied")
    page.fill("#search", "Kharkiv")
    page.locator("#search-results li").first.wait_for()
    page.mouse.wheel(0, -600)
    page.click(f"path.place-marker[data-geonameid='{TORETSK.geonameid}']")
    page.locator("#place .claim-card blockquote mark").first.wait_for()
    page.click("#tab-list")
    page.wait_for_selector(".claim-list tbody tr")
    page.wait_for_timeout(500)
    assert page.outside == []
    assert page.requests and all(url.startswith(server) for url in page.requests)
    docs_context = page.context.browser.new_context()
    docs = docs_context.new_page()
    asked: list[str] = []
    docs.on("request", lambda request: asked.append(request.url))
    docs.goto(server + "/api/docs")
    docs.wait_for_selector(".opblock-tag", timeout=TIMEOUT_MS)
    assert docs.locator(".opblock").count() >= 10
    assert asked and all(url.startswith(server) or url.startswith("data:") for url in asked)
    docs_context.close()


def test_web_editor_rejects_a_claim_from_the_page(
    page: Any, served: tuple[str, Store]
) -> None:
    _, store = served
    secret = store.create_token("editor")
    page.click(f"path.place-marker[data-geonameid='{TORETSK.geonameid}']")
    card = page.locator("#place .claim-card[data-side='UA'][data-stance='denies']")
    card.wait_for()
    assert not card.get_by_role("button", name=f"Reject claim {card.get_attribute('data-claim')}"
                                ).is_visible()
    page.click("#editor")
    page.fill("#token", secret)
    page.click("#token-form button[type='submit']")
    assert page.evaluate("sessionStorage.getItem('frontwatch.token')") == secret
    assert secret not in page.url
    claim_id = int(card.get_attribute("data-claim"))
    card.get_by_role("button", name=f"Reject claim {claim_id}").click()
    page.wait_for_selector(
        f"#place .claim-card[data-claim='{claim_id}'] .chip.review:text-is('rejected')")
    toretsk = page.locator(f"path.place-marker[data-geonameid='{TORETSK.geonameid}']")
    assert toretsk.get_attribute("data-status") == "ru_claimed"
    stored = store.claim(claim_id)
    assert stored is not None and stored.review == "rejected"
    assert "editor token" in store.reviews(claim_id)[-1]["author"]
    assert page.errors == []


@pytest.mark.skipif(os.environ.get("FRONTWATCH_SCREENSHOTS") != "docs",
                    reason="set FRONTWATCH_SCREENSHOTS=docs to rewrite the README screenshots")
def test_web_readme_screenshots(browser: Any, server: str) -> None:
    wanted = (f"/?date=2025-02-07&place={TORETSK.geonameid}&layer=occupied"
              "&view=48.15,37.55,9")
    for name, viewport in (("map-desktop", DESKTOP), ("map-phone", PHONE)):
        context, shot = _open(browser, server, wanted, viewport)
        try:
            shot.locator("#place .claim-card blockquote mark").first.wait_for()
            shot.wait_for_selector("#map[data-layer-date='2025-01-10']")
            shot.wait_for_timeout(400)
            shot.screenshot(path=str(REPO / "docs" / f"{name}.png"))
        finally:
            context.close()

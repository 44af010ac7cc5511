/* frontwatch map: places coloured by status over an offline base map, a time slider, an
 * imported layer drawn for the slider's date, search, filters, claim cards with evidence,
 * a sortable claim list, undated claims, and review buttons for editors.
 *
 * Everything that comes from the API (names, sources, article text) is inserted as text
 * nodes or textContent, never as HTML, so an article quoting <script> or onerror= stays
 * inert. Only our own origin is contacted: /api/* and /static/*. The page's state (date,
 * place, filters, layer, view) lives in the URL, so a link opens the same map; the editor's
 * token lives in session storage, never in the URL.
 */
"use strict";

(function () {
  const STATUSES = [
    ["ru_confirmed", "Russian control, confirmed"],
    ["ru_claimed", "Claimed by Russia"],
    ["ru_partial", "Partly held by Russia"],
    ["contested", "Contested"],
    ["ua_partial", "Partly held by Ukraine"],
    ["ua_claimed", "Claimed by Ukraine"],
    ["ua_confirmed", "Ukrainian control, confirmed"],
    ["unknown", "Unknown"],
  ];
  const COLORS = {
    ru_confirmed: "#b2182b",
    ru_claimed: "#f08a6b",
    ru_partial: "#c2407a",
    contested: "#e6b800",
    ua_partial: "#3fa39b",
    ua_claimed: "#7fb8dc",
    ua_confirmed: "#2166ac",
    unknown: "#8c8c8c",
  };
  const LABELS = Object.fromEntries(STATUSES);
  const SIDES = [["RU", "Russian"], ["UA", "Ukrainian"], ["third", "Third party"]];
  const KINDS = ["capture", "presence", "advance", "fighting", "repelled"];
  const CONTEXT = 220;
  const DAY = 86400000;
  const TOKEN_KEY = "frontwatch.token";
  const LIST_LIMIT = 500;
  // Smallest settlement labelled at each zoom (the gazetteer's population).
  const LABEL_POPULATION = [[6, 250000], [7, 60000], [8, 15000], [9, 3000], [10, 500]];

  const state = {
    first: null, last: null, range: null, bulk: null, days: 0, asOf: null,
    selected: null, placeData: null,
    sides: new Set(SIDES.map((s) => s[0])), kinds: new Set(KINDS),
    allDates: false, layer: "", layerDay: null, disagree: new Set(),
    docs: new Map(), seq: 0, rows: [], undated: 0,
    listSort: { key: "date", dir: -1 }, listRows: [],
  };

  /* -- DOM helpers: text only ----------------------------------------------------------- */

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role"
               || key === "tabindex" || key === "for") {
        node.setAttribute(key, String(value));
      } else node[key] = value;
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child);  // strings become Text nodes
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function message(text) {
    document.getElementById("message").textContent = text || "";
  }

  async function getJSON(path, options) {
    const response = await fetch(path, Object.assign(
      { headers: { Accept: "application/json" } }, options || {}));
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = body && body.error ? body.error.message : response.statusText;
      const failure = new Error(`${response.status}: ${error}`);
      failure.status = response.status;
      throw failure;
    }
    return body;
  }

  /* -- dates ----------------------------------------------------------------------------- */

  function parseDay(text) {
    const [y, m, d] = text.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  }

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  /* -- the URL: date, place, filters, layer, map view ------------------------------------ */

  function readUrl() {
    const q = new URLSearchParams(window.location.search);
    const list = (name, all) => {
      if (!q.has(name)) return new Set(all);
      return new Set(q.get(name).split(",").filter((v) => all.includes(v)));
    };
    const view = (q.get("view") || "").split(",").map(Number);
    return {
      date: /^\d{4}-\d{2}-\d{2}$/.test(q.get("date") || "") ? q.get("date") : null,
      place: /^\d+$/.test(q.get("place") || "") ? Number(q.get("place")) : null,
      sides: list("sides", SIDES.map((s) => s[0])),
      kinds: list("kinds", KINDS),
      layer: q.get("layer") || "",
      all: q.get("all") === "1",
      view: view.length === 3 && view.every(Number.isFinite) ? view : null,
    };
  }

  function writeUrl() {
    const q = new URLSearchParams();
    if (state.asOf) q.set("date", state.asOf);
    if (state.selected !== null) q.set("place", String(state.selected));
    if (state.sides.size < SIDES.length) q.set("sides", [...state.sides].join(","));
    if (state.kinds.size < KINDS.length) q.set("kinds", [...state.kinds].join(","));
    if (state.layer) q.set("layer", state.layer);
    if (state.allDates) q.set("all", "1");
    const c = map.getCenter();
    q.set("view", `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${Math.round(map.getZoom() * 2) / 2}`);
    const url = `${window.location.pathname}?${q.toString()}`;
    if (url !== window.location.pathname + window.location.search) {
      window.history.replaceState(null, "", url);
    }
  }

  /* -- map and base map ------------------------------------------------------------------ */

  const map = L.map("map", { zoomSnap: 0.5, minZoom: 4, maxZoom: 13, worldCopyJump: false,
    keyboard: true });
  map.fitBounds([[44.3, 22.1], [52.4, 40.3]]);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution(
    "Natural Earth (public domain); rivers: GSHHG (LGPL); places: GeoNames (CC BY)");
  map.createPane("basemap").style.zIndex = 350;
  map.createPane("territory").style.zIndex = 380;
  map.createPane("labels").style.zIndex = 420;
  map.getPane("labels").style.pointerEvents = "none";
  const base = L.canvas({ padding: 0.2, pane: "basemap" });
  const markers = L.layerGroup().addTo(map);
  let territory = null;

  async function drawBaseMap() {
    try {
      const [countries, oblasts, rivers] = await Promise.all([
        getJSON("/static/data/countries.geojson"),
        getJSON("/static/data/oblasts.geojson"),
        getJSON("/static/data/rivers.geojson"),
      ]);
      L.geoJSON(countries, { interactive: false, renderer: base,
        style: { color: "#9a9a9a", weight: 1, fillColor: "#f2f0ea", fillOpacity: 1 } }).addTo(map);
      L.geoJSON(oblasts, { interactive: false, renderer: base,
        style: (f) => ({ color: "#8d8d8d", weight: 0.8,
          fillColor: f.properties.country === "UA" ? "#fffdf6" : "#ebe7dc", fillOpacity: 1 }),
      }).addTo(map);
      L.geoJSON(rivers, { interactive: false, renderer: base,
        style: { color: "#7eaed3", weight: 1.2, opacity: 0.9 } }).addTo(map);
    } catch (error) {
      message(`base map not loaded (${error.message})`);
    }
  }

  /* Settlement labels from the gazetteer, and the names of mapped places, placed largest
   * first where they do not overlap; redrawn when the view settles. */
  const labelPane = map.getPane("labels");
  let labelSeq = 0;

  function minPopulation(zoom) {
    let min = Infinity;
    for (const [z, pop] of LABEL_POPULATION) if (zoom >= z) min = pop;
    return zoom >= 11 ? 0 : min;
  }

  async function drawLabels() {
    const seq = ++labelSeq;
    const zoom = map.getZoom();
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(3));
    let towns = [];
    const min = minPopulation(zoom);
    if (min !== Infinity) {
      try {
        const body = await getJSON(
          `/api/places/settlements?bbox=${bbox.join(",")}&min_population=${min}&limit=300`);
        towns = body.settlements.map((r) => ({ id: r[0], name: r[1], lat: r[2], lon: r[3] }));
      } catch (error) {
        towns = [];
      }
    }
    if (seq !== labelSeq) return;
    const mapped = zoom >= 7 ? state.rows.map((r) => ({ id: r.geonameid, name: r.name,
      lat: r.lat, lon: r.lon, mapped: true })) : [];
    placeLabels([...mapped, ...towns]);
  }

  function placeLabels(items) {
    clear(labelPane);
    const taken = [];
    const seen = new Set();
    const size = map.getSize();
    for (const item of items) {
      if (seen.has(item.id)) continue;
      const p = map.latLngToLayerPoint([item.lat, item.lon]);
      const c = map.latLngToContainerPoint([item.lat, item.lon]);
      if (c.x < 0 || c.y < 0 || c.x > size.x || c.y > size.y) continue;
      const w = item.name.length * (item.mapped ? 7.4 : 6.4) + 10;
      const box = [c.x + 6, c.y - 8, c.x + 6 + w, c.y + 8];
      if (taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1])) {
        continue;
      }
      taken.push(box);
      seen.add(item.id);
      const label = el("div", { class: item.mapped ? "map-label mapped" : "map-label",
        "data-geonameid": item.id, text: item.name, "aria-hidden": "true" });
      L.DomUtil.setPosition(label, p);
      labelPane.append(label);
    }
    document.getElementById("map").setAttribute("data-labels", String(taken.length));
  }

  /* -- legend, layer choice -------------------------------------------------------------- */

  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    const rows = STATUSES.map(([status, label]) => {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = COLORS[status];
      return el("div", { class: "legend-row", "data-status": status }, swatch,
        el("span", { class: "legend-label", text: label }),
        el("span", { class: "legend-count", text: "" }));
    });
    const ring = el("span", { class: "swatch disagrees" });
    const layerSelect = el("select", { id: "layer", "aria-label": "Map layer drawn under the claims" },
      el("option", { value: "", text: "no layer" }));
    const box = el("details", { class: "legend", id: "legend", open: window.innerWidth > 800 },
      el("summary", { text: "Legend" }),
      ...rows,
      el("div", { class: "legend-row layer-row" }, el("label", { for: "layer", text: "Layer " }),
        layerSelect),
      el("div", { class: "legend-row", id: "layer-info", hidden: true },
        el("span", { class: "swatch territory" }), el("span", { id: "layer-date", class: "legend-label" })),
      el("div", { class: "legend-row", id: "disagree-row", hidden: true }, ring,
        el("span", { class: "legend-label", text: "disagrees with the layer" }),
        el("span", { class: "legend-count", id: "disagree-count", text: "" })));
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  legend.addTo(map);

  async function loadLayers() {
    const select = document.getElementById("layer");
    try {
      const body = await getJSON("/api/layers");
      for (const layer of body.layers) {
        select.append(el("option", { value: layer.name,
          text: `${layer.name} (${layer.first_date} … ${layer.last_date})` }));
      }
    } catch (error) {
      message(`layers not loaded (${error.message})`);
    }
    if (state.layer && ![...select.options].some((o) => o.value === state.layer)) state.layer = "";
    select.value = state.layer;
    select.addEventListener("change", () => {
      state.layer = select.value;
      loadLayer().then(writeUrl);
    });
  }

  async function loadLayer() {
    const info = document.getElementById("layer-info");
    const row = document.getElementById("disagree-row");
    if (territory) { map.removeLayer(territory); territory = null; }
    state.disagree = new Set();
    if (!state.layer) {
      info.hidden = true; row.hidden = true;
      document.getElementById("map").removeAttribute("data-layer-date");
      paintDisagreements();
      return;
    }
    const query = state.asOf ? `?as_of=${state.asOf}` : "";
    try {
      const body = await getJSON(`/api/layers/${encodeURIComponent(state.layer)}${query}`);
      if (body.geometry) {
        territory = L.geoJSON(body.geometry, { pane: "territory", interactive: false,
          style: { color: "#8e1b1b", weight: 1, fillColor: "#c0392b", fillOpacity: 0.18 } });
        territory.addTo(map);
      }
      state.disagree = new Set(body.disagreements);
      info.hidden = false;
      document.getElementById("layer-date").textContent = body.date
        ? `${state.layer}, ${body.date}` : `${state.layer}: nothing on or before ${state.asOf}`;
      document.getElementById("map").setAttribute("data-layer-date", body.date || "");
      row.hidden = false;
      document.getElementById("disagree-count").textContent = String(state.disagree.size);
      paintDisagreements();
    } catch (error) {
      message(`layer not loaded (${error.message})`);
    }
  }

  function paintDisagreements() {
    markers.eachLayer((m) => {
      const node = m.getElement();
      if (!node) return;
      const id = Number(node.getAttribute("data-geonameid"));
      node.classList.toggle("disagrees", state.disagree.has(id));
      node.setAttribute("data-disagrees", state.disagree.has(id) ? "1" : "0");
    });
  }

  /* -- places on the map ----------------------------------------------------------------- */

  /* The map asks for `format=compact`: each place an array in the order of `columns`. */
  function placeRows(body) {
    const at = Object.fromEntries(body.columns.map((name, i) => [name, i]));
    return body.places.map((r) => ({
      geonameid: r[at.geonameid], name: r[at.name], lat: r[at.lat], lon: r[at.lon],
      status: r[at.status], since: r[at.since], n_claims: r[at.n_claims],
    }));
  }

  function drawPlaces(body) {
    markers.clearLayers();
    state.rows = placeRows(body);
    const counts = Object.fromEntries(STATUSES.map((s) => [s[0], 0]));
    for (const row of state.rows) {
      const status = row.status in COLORS ? row.status : "unknown";
      counts[status] += 1;
      const marker = L.circleMarker([row.lat, row.lon], {
        radius: 7, color: "#222", weight: state.selected === row.geonameid ? 3 : 1,
        fillColor: COLORS[status], fillOpacity: 0.92,
        className: `place-marker status-${status}`,
      });
      marker.bindTooltip(el("span", {},
        el("strong", { text: row.name }), ` — ${LABELS[status]} since ${row.since}`));
      marker.on("click", () => selectPlace(row.geonameid, { zoom: true }));
      marker.addTo(markers);
      const node = marker.getElement();
      if (node) {
        node.setAttribute("data-geonameid", String(row.geonameid));
        node.setAttribute("data-name", row.name);
        node.setAttribute("data-status", status);
        node.setAttribute("tabindex", "0");
        node.setAttribute("role", "button");
        node.setAttribute("aria-label",
          `${row.name}: ${LABELS[status]} since ${row.since}, ${row.n_claims} claims`);
        node.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            selectPlace(row.geonameid, { zoom: false, focus: true });
          }
        });
      }
    }
    for (const row of document.querySelectorAll("#legend .legend-row[data-status]")) {
      row.querySelector(".legend-count").textContent = String(counts[row.dataset.status] || 0);
    }
    document.getElementById("map").setAttribute("data-count", String(body.places.length));
    paintDisagreements();
    drawLabels();
  }

  function filterQuery() {
    const parts = [];
    if (state.sides.size < SIDES.length) parts.push(`sides=${[...state.sides].join(",") || "none"}`);
    if (state.kinds.size < KINDS.length) parts.push(`kinds=${[...state.kinds].join(",") || "none"}`);
    return parts;
  }

  async function loadPlaces() {
    const seq = ++state.seq;
    const parts = ["format=compact"];
    if (state.asOf) parts.push(`as_of=${encodeURIComponent(state.asOf)}`);
    const filters = filterQuery();
    const map_ = document.getElementById("map");
    if (filters.some((f) => f.endsWith("=none"))) {
      drawPlaces({ columns: [], places: [] });
    } else {
      try {
        const body = await getJSON(`/api/places?${[...parts, ...filters].join("&")}`);
        if (seq !== state.seq) return;
        drawPlaces(body);
        message(body.places.length ? "" : "No place has a status on this date.");
      } catch (error) {
        message(`places not loaded (${error.message})`);
        return;
      }
    }
    map_.setAttribute("data-as-of", state.asOf || "");
    map_.setAttribute("data-filters", filters.join("&"));
    writeUrl();
    await Promise.all([
      state.layer ? loadLayer() : null,
      state.selected !== null ? loadPlace(state.selected) : null,
      activeTab() === "list" ? loadList() : null,
    ]);
  }

  /* -- time: slider, date input, all dates ----------------------------------------------- */

  const slider = document.getElementById("slider");
  const dateInput = document.getElementById("date");
  const allDates = document.getElementById("all-dates");
  let pending = null;

  function span() {
    return state.allDates || !state.bulk ? state.range : state.bulk;
  }

  function setSpan() {
    const [first, last] = span();
    state.first = parseDay(first);
    state.days = Math.max(0, Math.round((parseDay(last) - state.first) / DAY));
    slider.max = String(state.days);
    slider.disabled = state.days === 0;
    dateInput.disabled = false;
    dateInput.min = state.range[0];
    dateInput.max = state.range[1];
    // A page-step of about a month however long the span.
    slider.step = "1";
    document.getElementById("range").textContent = `${first} → ${last}`;
  }

  function showDate(day) {
    state.asOf = day;
    const offset = Math.round((parseDay(day) - state.first) / DAY);
    slider.value = String(Math.min(state.days, Math.max(0, offset)));
    slider.setAttribute("aria-valuetext", day);
    dateInput.value = day;
    document.getElementById("map").setAttribute("data-as-of-pending", day);
  }

  function setAsOfFromSlider() {
    showDate(isoDay(state.first + Number(slider.value) * DAY));
  }

  slider.addEventListener("input", () => {
    setAsOfFromSlider();
    clearTimeout(pending);
    pending = setTimeout(loadPlaces, 120);
  });
  slider.addEventListener("change", () => {
    clearTimeout(pending);
    setAsOfFromSlider();
    loadPlaces();
  });
  slider.addEventListener("keydown", (event) => {
    // PageUp/PageDown move a month, whatever the span.
    if (event.key !== "PageUp" && event.key !== "PageDown") return;
    event.preventDefault();
    const step = event.key === "PageUp" ? 30 : -30;
    slider.value = String(Math.min(state.days, Math.max(0, Number(slider.value) + step)));
    setAsOfFromSlider();
    loadPlaces();
  });
  dateInput.addEventListener("change", () => {
    if (!dateInput.value) return;
    const day = dateInput.value;
    if (parseDay(day) < state.first || parseDay(day) > state.first + state.days * DAY) {
      state.allDates = true;
      allDates.checked = true;
      setSpan();
    }
    showDate(day);
    loadPlaces();
  });
  allDates.addEventListener("change", () => {
    state.allDates = allDates.checked;
    writeUrl();
    setSpan();
    const day = state.asOf && parseDay(state.asOf) >= state.first
      && parseDay(state.asOf) <= state.first + state.days * DAY ? state.asOf : span()[1];
    showDate(day);
    loadPlaces();
  });

  /* -- filters --------------------------------------------------------------------------- */

  function drawFilters() {
    const sides = document.getElementById("filter-sides");
    for (const [side, label] of SIDES) {
      sides.append(el("label", { class: `chip side-${side}` },
        el("input", { type: "checkbox", checked: state.sides.has(side), value: side, name: "side" }),
        label));
    }
    const kinds = document.getElementById("filter-kinds");
    for (const kind of KINDS) {
      kinds.append(el("label", { class: "chip" },
        el("input", { type: "checkbox", checked: state.kinds.has(kind), value: kind, name: "kind" }),
        kind));
    }
    document.getElementById("filters").addEventListener("change", (event) => {
      const box = event.target;
      const set = box.name === "side" ? state.sides : state.kinds;
      if (box.checked) set.add(box.value);
      else set.delete(box.value);
      if (state.placeData) drawClaims(state.placeData);
      drawList();
      drawUndated();
      loadPlaces();
    });
  }

  function shown(claim) {
    return state.sides.has(claim.source.side) && state.kinds.has(claim.kind);
  }

  /* -- search ---------------------------------------------------------------------------- */

  const search = document.getElementById("search");
  const results = document.getElementById("search-results");
  let searchTimer = null;
  let searchSeq = 0;

  function closeResults() {
    results.hidden = true;
    search.setAttribute("aria-expanded", "false");
  }

  async function runSearch() {
    const text = search.value.trim();
    const seq = ++searchSeq;
    if (!text) { closeResults(); return; }
    let body;
    try {
      body = await getJSON(`/api/places/search?q=${encodeURIComponent(text)}`);
    } catch (error) {
      message(`search failed (${error.message})`);
      return;
    }
    if (seq !== searchSeq) return;
    clear(results);
    if (!body.places.length) {
      results.append(el("li", { class: "muted", role: "option", "aria-disabled": "true",
        text: `No place called “${text}”` }));
    }
    for (const hit of body.places) {
      const p = hit.place;
      const item = el("li", { role: "option", tabindex: "-1", "data-geonameid": p.geonameid,
        class: hit.n_claims ? "has-claims" : "" },
        el("strong", { text: p.name }), ` ${[p.admin1, p.country].filter(Boolean).join(", ")}`,
        el("span", { class: "muted", text: hit.n_claims ? ` · ${hit.n_claims} claims` : " · no claims" }));
      item.addEventListener("click", () => choose(hit));
      item.addEventListener("keydown", (event) => {
        if (event.key === "Enter") { event.preventDefault(); choose(hit); }
        else if (event.key === "ArrowDown" && item.nextSibling) item.nextSibling.focus();
        else if (event.key === "ArrowUp") (item.previousSibling || search).focus();
        else if (event.key === "Escape") { closeResults(); search.focus(); }
      });
      results.append(item);
    }
    results.hidden = false;
    search.setAttribute("aria-expanded", "true");
  }

  function choose(hit) {
    closeResults();
    search.value = hit.place.name;
    if (hit.n_claims) {
      selectPlace(hit.place.geonameid, { zoom: true, focus: true });
    } else {
      map.flyTo([hit.place.lat, hit.place.lon], Math.max(map.getZoom(), 10), { duration: 0.5 });
      message(`${hit.place.name}: no claims in the store`);
    }
  }

  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 150);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && results.firstChild) {
      event.preventDefault(); results.firstChild.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(searchTimer);
      runSearch().then(() => {
        const first = results.querySelector("li[data-geonameid]");
        if (first) first.click();
      });
    } else if (event.key === "Escape") closeResults();
  });

  /* -- panel tabs ------------------------------------------------------------------------ */

  function activeTab() {
    const on = document.querySelector("#tabs [aria-selected='true']");
    return on ? on.id.slice(4) : "place";
  }

  function showTab(name) {
    for (const tab of document.querySelectorAll("#tabs [role='tab']")) {
      const on = tab.id === `tab-${name}`;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !on;
    }
    if (name === "list") loadList();
    if (name === "undated") loadUndated();
  }

  document.getElementById("tabs").addEventListener("click", (event) => {
    const tab = event.target.closest("[role='tab']");
    if (tab) showTab(tab.id.slice(4));
  });
  document.getElementById("tabs").addEventListener("keydown", (event) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const tabs = [...document.querySelectorAll("#tabs [role='tab']")];
    const at = tabs.findIndex((t) => t.getAttribute("aria-selected") === "true");
    const next = tabs[(at + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
    showTab(next.id.slice(4));
    next.focus();
  });

  /* -- place panel ----------------------------------------------------------------------- */

  function statusBadge(status) {
    const badge = el("span", { class: "badge", "data-status": status, text: LABELS[status] || status });
    badge.style.background = COLORS[status] || COLORS.unknown;
    return badge;
  }

  async function selectPlace(geonameid, options) {
    const how = options || {};
    state.selected = geonameid;
    markers.eachLayer((m) => {
      const node = m.getElement();
      const on = node && node.getAttribute("data-geonameid") === String(geonameid);
      m.setStyle({ weight: on ? 3 : 1 });
      if (on && how.zoom) map.flyTo(m.getLatLng(), Math.max(map.getZoom(), 9), { duration: 0.5 });
    });
    showTab("place");
    writeUrl();
    await loadPlace(geonameid);
    if (how.focus) {
      const heading = document.querySelector("#place h2");
      if (heading) heading.focus();
    }
  }

  async function loadPlace(geonameid) {
    const query = state.asOf ? `?as_of=${encodeURIComponent(state.asOf)}` : "";
    const section = document.getElementById("place");
    try {
      const body = await getJSON(`/api/places/${encodeURIComponent(geonameid)}/timeline${query}`);
      if (state.selected !== geonameid) return;
      state.placeData = body;
      drawPlace(section, body);
    } catch (error) {
      clear(section);
      section.append(el("p", { class: "error", text: `Place not loaded (${error.message})` }));
    }
  }

  function drawPlace(section, body) {
    clear(section);
    const place = body.place;
    section.setAttribute("data-geonameid", String(place.geonameid));
    const disagrees = state.disagree.has(place.geonameid);
    section.append(
      el("h2", { tabindex: "-1", text: place.name }),
      el("p", { class: "muted", text: [place.admin1, place.country].filter(Boolean).join(", ") }),
      place.feature === "PPLU" ? el("p", { class: "muted unlisted-note",
        text: "Not in the gazetteer: shown at the centre of its region." }) : "",
      el("p", { class: "current" }, statusBadge(body.status),
        body.since ? ` since ${body.since}` : "", body.as_of ? ` (as of ${body.as_of})` : ""),
    );
    if (disagrees) {
      section.append(el("p", { class: "partial disagrees-note",
        text: `The ${state.layer} layer contradicts this status.` }));
    }
    if (body.partial) {
      section.append(el("p", { class: "partial" }, el("strong", { text: "Partial control: " }),
        body.partial));
    }
    const timeline = el("ol", { class: "timeline", "aria-label": "Status timeline" });
    for (const step of body.timeline) {
      timeline.append(el("li", {}, el("time", { text: step.date }), " ", statusBadge(step.status),
        step.rule ? el("span", { class: "rule", text: ` rule ${step.rule}` }) : null,
        step.set_by && step.set_by.length ? ` · set by #${step.set_by.join(", #")}` : null));
    }
    section.append(el("h3", { text: "Timeline" }),
      body.timeline.length ? timeline : el("p", { class: "muted", text: "No status change yet." }));
    section.append(el("h3", { id: "claims-heading", text: "Claims" }),
      el("div", { id: "claims" }));
    drawClaims(body);
  }

  function drawClaims(body) {
    const box = document.getElementById("claims");
    if (!box) return;
    clear(box);
    const forIds = new Set(body.claims_for.map((c) => c.id));
    const againstIds = new Set(body.claims_against.map((c) => c.id));
    const list = body.claims.filter(shown)
      .sort((a, b) => (b.date || "").localeCompare(a.date || "") || b.id - a.id);
    document.getElementById("claims-heading").textContent =
      `Claims (${list.length} of ${body.claims.length})`;
    for (const claim of list) {
      const role = forIds.has(claim.id) ? "for" : againstIds.has(claim.id) ? "against" : null;
      box.append(claimCard(claim, role));
    }
  }

  function dateText(claim) {
    if (!claim.date) return "undated";
    return claim.date_inferred ? `${claim.date} (publication date)` : claim.date;
  }

  function claimCard(claim, role) {
    const stance = claim.stance === "denies" ? "denies" : "asserts";
    const card = el("article", {
      class: `claim-card side-${claim.source.side}${claim.review === "rejected" ? " rejected" : ""}`,
      "data-claim": claim.id, "data-side": claim.source.side, "data-kind": claim.kind,
      "data-stance": stance, "data-review": claim.review || "", tabindex: "0",
      "aria-label": `${claim.source.name} (${claim.source.side}): ${claim.actor} ${claim.kind}, ${stance}, ${dateText(claim)}`,
    });
    card.append(
      el("header", {},
        el("span", { class: "source", text: claim.source.name }),
        el("span", { class: `chip side-${claim.source.side}`, text: claim.source.side }),
        el("time", { class: claim.date_inferred ? "inferred" : "", text: dateText(claim),
          title: claim.date_inferred ? "The sentence gives no date: this is the article's publication date" : "" })),
      el("p", { class: "what" },
        el("span", { class: `chip stance-${stance}`, text: stance }), " ",
        el("span", { class: "chip kind", text: claim.kind }), " by ",
        el("span", { class: "chip", text: claim.actor }),
        role ? el("span", { class: `role role-${role}`, text: role === "for" ? "supports status" : "against status" }) : null,
        claim.review ? el("span", { class: "chip review", text: claim.review }) : null),
    );
    const evidence = el("blockquote", { class: "evidence" }, claim.evidence);
    card.append(evidence);
    const more = el("button", { type: "button", class: "link", text: "Show article" });
    const article = el("div", { class: "article", hidden: true });
    card.append(el("footer", {}, more, sourceLink(claim.url), reviewButtons(claim, card)), article);
    withDocument(claim.doc).then((doc) => {
      const span_ = evidenceSpan(doc, claim);
      clear(evidence);
      evidence.append(...excerpt(doc.text, span_));
      more.addEventListener("click", () => {
        if (!article.firstChild) {
          article.append(
            el("h4", { text: doc.title || "Article" }),
            el("p", { class: "muted", text: [doc.outlet, doc.published].filter(Boolean).join(" · ") }),
            el("div", { class: "article-text" }, ...highlighted(doc.text, span_)));
        }
        article.hidden = !article.hidden;
        more.textContent = article.hidden ? "Show article" : "Hide article";
      });
    }).catch((error) => {
      more.disabled = true;
      evidence.append(el("span", { class: "error", text: ` (article not loaded: ${error.message})` }));
    });
    return card;
  }

  function sourceLink(url) {
    const href = safeUrl(url);
    if (!href) return null;
    return el("a", { href, target: "_blank", rel: "noopener noreferrer", text: "source" });
  }

  function withDocument(id) {
    if (!state.docs.has(id)) {
      state.docs.set(id, getJSON(`/api/documents/${encodeURIComponent(id)}`).catch((error) => {
        state.docs.delete(id);
        throw error;
      }));
    }
    return state.docs.get(id);
  }

  // The API counts offsets in code points (Python), JavaScript strings in UTF-16 units.
  function utf16Index(text, codePoints) {
    let index = 0;
    for (let n = 0; n < codePoints && index < text.length; n += 1) {
      index += text.codePointAt(index) > 0xffff ? 2 : 1;
    }
    return index;
  }

  function evidenceSpan(doc, claim) {
    const start = utf16Index(doc.text, Math.max(0, claim.evidence_start));
    const end = Math.max(start, utf16Index(doc.text, Math.max(0, claim.evidence_end)));
    return [start, end];
  }

  function highlighted(text, [start, end]) {
    return [text.slice(0, start), el("mark", { class: "evidence-mark", text: text.slice(start, end) }),
      text.slice(end)];
  }

  function excerpt(text, [start, end]) {
    let from = Math.max(0, start - CONTEXT);
    let to = Math.min(text.length, end + CONTEXT);
    if (from > 0) from = text.indexOf(" ", from) + 1 || from;
    if (to < text.length) to = text.lastIndexOf(" ", to) > end ? text.lastIndexOf(" ", to) : to;
    return [from > 0 ? "…" : "", text.slice(from, start),
      el("mark", { class: "evidence-mark", text: text.slice(start, end) }),
      text.slice(end, to), to < text.length ? "…" : ""];
  }

  /* -- editor mode: review buttons on each card ------------------------------------------ */

  const editorButton = document.getElementById("editor");
  const dialog = document.getElementById("token-dialog");

  function token() {
    return window.sessionStorage.getItem(TOKEN_KEY);
  }

  function setEditor(on) {
    editorButton.setAttribute("aria-pressed", on ? "true" : "false");
    editorButton.textContent = on ? "Editor ✓" : "Editor";
    document.body.classList.toggle("editing", on);
  }

  editorButton.addEventListener("click", () => {
    if (token()) {
      window.sessionStorage.removeItem(TOKEN_KEY);
      setEditor(false);
      message("Editor mode off; the token is forgotten.");
      return;
    }
    document.getElementById("token").value = "";
    dialog.showModal();
  });
  document.getElementById("token-cancel").addEventListener("click", () => dialog.close());
  document.getElementById("token-form").addEventListener("submit", () => {
    const value = document.getElementById("token").value.trim();
    if (!value) return;
    window.sessionStorage.setItem(TOKEN_KEY, value);
    setEditor(true);
    message("Editor mode: review buttons are on each card.");
  });

  function reviewButtons(claim, card) {
    const box = el("span", { class: "review-actions" });
    const act = (label, action) => {
      const button = el("button", { type: "button", class: `review-${action}`, text: label,
        "aria-label": `${label} claim ${claim.id}` });
      button.addEventListener("click", () => {
        if (action === "correct") toggleCorrection(claim, card);
        else review(claim, { action }, card);
      });
      return button;
    };
    box.append(act("Accept", "accept"), act("Reject", "reject"), act("Correct", "correct"));
    return box;
  }

  function toggleCorrection(claim, card) {
    const open = card.querySelector("form.correction");
    if (open) { open.remove(); return; }
    const select = (name, values, current) => el("label", {}, `${name} `,
      el("select", { name }, ...values.map((v) => el("option", { value: v, text: v, selected: v === current }))));
    const form = el("form", { class: "correction", "aria-label": `Correct claim ${claim.id}` },
      select("kind", KINDS, claim.kind), select("actor", ["RU", "UA"], claim.actor),
      select("stance", ["asserts", "denies"], claim.stance),
      el("label", {}, "date ", el("input", { name: "date", value: claim.date || "",
        placeholder: "YYYY[-MM[-DD]]", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", size: 10 })),
      el("label", {}, "note ", el("input", { name: "note", size: 18 })),
      el("button", { type: "submit", text: "Save correction" }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const correction = {};
      for (const name of ["kind", "actor", "stance", "date"]) {
        const value = String(data.get(name) || "");
        if (value && value !== (claim[name] || "")) correction[name] = value;
      }
      if (!Object.keys(correction).length) { message("Nothing changed."); return; }
      review(claim, { action: "correct", correction, note: String(data.get("note") || "") }, card);
    });
    card.append(form);
    form.querySelector("select").focus();
  }

  async function review(claim, body, card) {
    const secret = token();
    if (!secret) { dialog.showModal(); return; }
    try {
      await getJSON(`/api/claims/${claim.id}/review`, {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json",
          Authorization: `Bearer ${secret}` },
        body: JSON.stringify(body),
      });
      message(`Claim ${claim.id}: ${body.action} recorded.`);
      card.setAttribute("data-review", { accept: "accepted", reject: "rejected", correct: "corrected" }[body.action]);
      await loadPlaces();
    } catch (error) {
      if (error.status === 401) {
        window.sessionStorage.removeItem(TOKEN_KEY);
        setEditor(false);
      }
      message(`Review not recorded (${error.message})`);
    }
  }

  /* -- claim list (sortable, exportable as shown) and undated claims --------------------- */

  const LIST_COLUMNS = [
    ["date", "Date", (c) => c.date || ""],
    ["place", "Place", (c) => c.place.name],
    ["claim", "Claim", (c) => `${c.actor} ${c.kind}${c.stance === "denies" ? " denied" : ""}`],
    ["source", "Source", (c) => `${c.source.name} (${c.source.side})`],
  ];

  async function fetchClaims(query) {
    const body = await getJSON(`/api/claims?limit=${LIST_LIMIT}&${query}`);
    return { claims: body.claims, more: body.next !== null };
  }

  async function loadList() {
    const section = document.getElementById("list");
    const until = state.asOf ? `until=${state.asOf}` : "";
    try {
      const found = await fetchClaims(until);
      state.listRows = found.claims;
      state.listMore = found.more;
    } catch (error) {
      clear(section);
      section.append(el("p", { class: "error", text: `Claims not loaded (${error.message})` }));
      return;
    }
    drawList();
  }

  function sortedRows(rows) {
    const { key, dir } = state.listSort;
    const value = LIST_COLUMNS.find((c) => c[0] === key)[2];
    return rows.filter(shown).sort((a, b) => dir * value(a).localeCompare(value(b)) || a.id - b.id);
  }

  function drawList() {
    const section = document.getElementById("list");
    if (section.hidden && !state.listRows.length) return;
    clear(section);
    const rows = sortedRows(state.listRows);
    const head = el("tr", {}, ...LIST_COLUMNS.map(([key, label]) => {
      const sorted = state.listSort.key === key;
      const button = el("button", { type: "button", class: "link", "data-sort": key,
        text: label + (sorted ? (state.listSort.dir > 0 ? " ▲" : " ▼") : "") });
      button.addEventListener("click", () => {
        state.listSort = { key, dir: sorted ? -state.listSort.dir : 1 };
        drawList();
        section.querySelector(`[data-sort='${key}']`).focus();
      });
      return el("th", { scope: "col", "aria-sort": sorted ? (state.listSort.dir > 0 ? "ascending" : "descending") : "none" }, button);
    }));
    const body = el("tbody", {});
    for (const claim of rows) {
      const open = el("button", { type: "button", class: "link", text: claim.place.name });
      open.addEventListener("click", () => selectPlace(claim.place.geonameid, { zoom: true, focus: true }));
      body.append(el("tr", { "data-claim": claim.id },
        el("td", { text: dateText(claim) }), el("td", {}, open),
        el("td", { text: LIST_COLUMNS[2][2](claim) }), el("td", { text: LIST_COLUMNS[3][2](claim) })));
    }
    const exportButton = el("button", { type: "button", id: "export-list", text: "Export as CSV" });
    exportButton.addEventListener("click", () => exportCsv(rows));
    section.append(
      el("p", { class: "list-head" },
        `${rows.length} claims up to ${state.asOf || "the latest date"}`
        + (state.listMore ? ` (the first ${LIST_LIMIT}; narrow with the filters)` : ""), " ", exportButton),
      el("table", { class: "claim-list" }, el("thead", {}, head), body));
  }

  function csvCell(value) {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function exportCsv(rows) {
    const fields = ["id", "date", "date_inferred", "place", "geonameid", "kind", "actor", "stance",
      "source", "source_side", "evidence", "url", "review"];
    const lines = [fields.join(",")];
    for (const c of rows) {
      lines.push([c.id, c.date, c.date_inferred, c.place.name, c.place.geonameid, c.kind, c.actor,
        c.stance, c.source.name, c.source.side, c.evidence, c.url, c.review].map(csvCell).join(","));
    }
    const blob = new Blob([lines.join("\n") + "\n"], { type: "text/csv" });
    const link = el("a", { href: URL.createObjectURL(blob),
      download: `frontwatch-claims-${state.asOf || "latest"}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
  }

  let undatedRows = null;

  async function loadUndated() {
    if (undatedRows === null) {
      try {
        undatedRows = (await fetchClaims("undated=true")).claims;
      } catch (error) {
        message(`undated claims not loaded (${error.message})`);
        return;
      }
    }
    drawUndated();
  }

  function drawUndated() {
    const section = document.getElementById("undated");
    if (undatedRows === null) return;
    clear(section);
    const rows = undatedRows.filter(shown);
    section.append(el("p", { class: "muted", text:
      `${rows.length} claims have no date: their sentence gives none and their article has no `
      + "publication date, so the timeline cannot place them." }));
    for (const claim of rows) {
      const card = claimCard(claim, null);
      card.querySelector(".source").prepend(`${claim.place.name} · `);
      section.append(card);
    }
  }

  /* -- start ----------------------------------------------------------------------------- */

  async function start() {
    const wanted = readUrl();
    state.sides = wanted.sides;
    state.kinds = wanted.kinds;
    state.layer = wanted.layer;
    state.allDates = wanted.all;
    allDates.checked = wanted.all;
    setEditor(Boolean(token()));
    if (wanted.view) map.setView([wanted.view[0], wanted.view[1]], wanted.view[2]);
    drawFilters();
    map.on("moveend", () => { drawLabels(); writeUrl(); });
    await Promise.all([drawBaseMap(), loadLayers()]);
    let body;
    try {
      body = await getJSON("/api/places?format=compact");
    } catch (error) {
      message(`places not loaded (${error.message})`);
      return;
    }
    state.undated = body.undated || 0;
    document.getElementById("tab-undated").textContent = `Undated (${state.undated})`;
    const range = body.range || {};
    if (!range.first || !range.last) {
      drawPlaces(body);
      message("No dated claims in the store yet.");
      document.body.setAttribute("data-ready", "1");
      return;
    }
    state.range = [range.first, range.last];
    state.bulk = body.bulk && body.bulk.first ? [body.bulk.first, body.bulk.last] : null;
    if (wanted.date && (parseDay(wanted.date) < parseDay(span()[0])
        || parseDay(wanted.date) > parseDay(span()[1]))) {
      state.allDates = true;
      allDates.checked = true;
    }
    setSpan();
    showDate(wanted.date || span()[1]);
    if (wanted.place !== null) state.selected = wanted.place;
    await loadPlaces();
    if (wanted.place !== null && wanted.view === null) {
      const row = state.rows.find((r) => r.geonameid === wanted.place);
      if (row) map.setView([row.lat, row.lon], 9);
    }
    document.body.setAttribute("data-ready", "1");
  }

  // Other panels (sources.js) build with these helpers and open a place's card by sending
  // its geonameid.
  window.frontwatchPage = Object.freeze({ el, getJSON });
  document.addEventListener("frontwatch:select-place",
    (event) => selectPlace(event.detail, { zoom: true }));

  start();
})();

/* frontwatch map: places coloured by status, a time slider, claim cards with evidence.
 *
 * Everything that comes from the API (names, sources, article text) is inserted as text
 * nodes or textContent, never as HTML, so an article quoting <script> or onerror= stays
 * inert. Only our own origin is contacted: /api/* and /static/*.
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

  const state = {
    first: null,
    days: 0,
    asOf: null,
    selected: null,
    placeData: null,
    sides: new Set(SIDES.map((s) => s[0])),
    kinds: new Set(KINDS),
    docs: new Map(),
    seq: 0,
  };

  /* -- DOM helpers: text only ----------------------------------------------------------- */

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role") {
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

  async function getJSON(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = body && body.error ? body.error.message : response.statusText;
      throw new Error(`${response.status}: ${error}`);
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

  /* -- map ------------------------------------------------------------------------------- */

  const map = L.map("map", { zoomSnap: 0.25, minZoom: 4, maxZoom: 12, worldCopyJump: false });
  map.fitBounds([[44.3, 22.1], [52.4, 40.3]]);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
  const markers = L.layerGroup().addTo(map);

  async function drawOutlines() {
    try {
      const [countries, oblasts] = await Promise.all([
        getJSON("/static/data/countries.geojson"),
        getJSON("/static/data/oblasts.geojson"),
      ]);
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#9a9a9a", weight: 1, fillColor: "#f2f0ea", fillOpacity: 1 },
      }).addTo(map);
      L.geoJSON(oblasts, {
        interactive: false,
        style: (f) => ({
          color: "#7d7d7d",
          weight: 0.8,
          fillColor: f.properties.country === "UA" ? "#fffdf6" : "#ebe7dc",
          fillOpacity: 1,
        }),
      }).addTo(map);
      markers.eachLayer((m) => m.bringToFront());
    } catch (error) {
      message(`outlines not loaded (${error.message})`);
    }
  }

  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = function () {
    const box = el("div", { class: "legend", id: "legend" }, el("strong", { text: "Status" }));
    for (const [status, label] of STATUSES) {
      box.append(el("div", { class: "legend-row", "data-status": status },
        el("span", { class: "swatch" }),
        el("span", { class: "legend-label", text: label }),
        el("span", { class: "legend-count", text: "" })));
      box.lastChild.firstChild.style.background = COLORS[status];
    }
    return box;
  };
  legend.addTo(map);

  /* The map asks for `format=compact`: each place an array in the order of `columns`. */
  function placeRows(body) {
    const at = Object.fromEntries(body.columns.map((name, i) => [name, i]));
    return body.places.map((r) => ({
      geonameid: r[at.geonameid], name: r[at.name], lat: r[at.lat], lon: r[at.lon],
      status: r[at.status], since: r[at.since],
    }));
  }

  function drawPlaces(body) {
    markers.clearLayers();
    const counts = Object.fromEntries(STATUSES.map((s) => [s[0], 0]));
    for (const row of placeRows(body)) {
      const status = row.status in COLORS ? row.status : "unknown";
      counts[status] += 1;
      const marker = L.circleMarker([row.lat, row.lon], {
        radius: 7,
        color: "#222",
        weight: state.selected === row.geonameid ? 3 : 1,
        fillColor: COLORS[status],
        fillOpacity: 0.92,
        className: `place-marker status-${status}`,
      });
      marker.bindTooltip(el("span", {},
        el("strong", { text: row.name }), ` — ${LABELS[status]} since ${row.since}`));
      marker.on("click", () => selectPlace(row.geonameid));
      marker.addTo(markers);
      const node = marker.getElement();
      if (node) {
        node.setAttribute("data-geonameid", String(row.geonameid));
        node.setAttribute("data-name", row.name);
        node.setAttribute("data-status", status);
      }
    }
    for (const row of document.querySelectorAll("#legend .legend-row")) {
      row.querySelector(".legend-count").textContent = String(counts[row.dataset.status] || 0);
    }
    document.getElementById("map").setAttribute("data-count", String(body.places.length));
  }

  async function loadPlaces() {
    const seq = ++state.seq;
    const query = state.asOf ? `&as_of=${encodeURIComponent(state.asOf)}` : "";
    try {
      const body = await getJSON(`/api/places?format=compact${query}`);
      if (seq !== state.seq) return;
      drawPlaces(body);
      document.getElementById("map").setAttribute("data-as-of", state.asOf || "");
      message(body.places.length ? "" : "No place has a status on this date.");
      if (state.selected !== null) await loadPlace(state.selected);
    } catch (error) {
      message(`places not loaded (${error.message})`);
    }
  }

  /* -- time slider ----------------------------------------------------------------------- */

  const slider = document.getElementById("slider");
  const asOfLabel = document.getElementById("as-of");
  let pending = null;

  function setAsOfFromSlider() {
    state.asOf = isoDay(state.first + Number(slider.value) * DAY);
    asOfLabel.textContent = state.asOf;
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

  async function start() {
    drawFilters();
    await drawOutlines();
    let body;
    try {
      body = await getJSON("/api/places?format=compact");
    } catch (error) {
      message(`places not loaded (${error.message})`);
      return;
    }
    const range = body.range || {};
    if (!range.first || !range.last) {
      asOfLabel.textContent = "—";
      drawPlaces(body);
      message("No dated claims in the store yet.");
      return;
    }
    state.first = parseDay(range.first);
    state.days = Math.round((parseDay(range.last) - state.first) / DAY);
    slider.max = String(state.days);
    slider.value = String(state.days);
    slider.disabled = state.days === 0;
    document.getElementById("range").textContent = `${range.first} → ${range.last}`;
    setAsOfFromSlider();
    await loadPlaces();
    document.body.setAttribute("data-ready", "1");
  }

  /* -- filters --------------------------------------------------------------------------- */

  function drawFilters() {
    const sides = document.getElementById("filter-sides");
    for (const [side, label] of SIDES) {
      sides.append(el("label", { class: `chip side-${side}` },
        el("input", { type: "checkbox", checked: true, value: side, name: "side" }), label));
    }
    const kinds = document.getElementById("filter-kinds");
    for (const kind of KINDS) {
      kinds.append(el("label", { class: "chip" },
        el("input", { type: "checkbox", checked: true, value: kind, name: "kind" }), kind));
    }
    document.getElementById("filters").addEventListener("change", (event) => {
      const box = event.target;
      const set = box.name === "side" ? state.sides : state.kinds;
      if (box.checked) set.add(box.value);
      else set.delete(box.value);
      if (state.placeData) drawClaims(state.placeData);
    });
  }

  /* -- place panel ----------------------------------------------------------------------- */

  function statusBadge(status) {
    const badge = el("span", { class: "badge", "data-status": status, text: LABELS[status] || status });
    badge.style.background = COLORS[status] || COLORS.unknown;
    return badge;
  }

  async function selectPlace(geonameid) {
    state.selected = geonameid;
    markers.eachLayer((m) => {
      const node = m.getElement();
      const on = node && node.getAttribute("data-geonameid") === String(geonameid);
      m.setStyle({ weight: on ? 3 : 1 });
    });
    await loadPlace(geonameid);
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
    section.append(
      el("h2", { text: place.name }),
      el("p", { class: "muted", text: [place.admin1, place.country].filter(Boolean).join(", ") }),
      el("p", { class: "current" }, statusBadge(body.status),
        body.since ? ` since ${body.since}` : "", body.as_of ? ` (as of ${body.as_of})` : ""),
    );
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
    const shown = body.claims
      .filter((c) => state.sides.has(c.source.side) && state.kinds.has(c.kind))
      .sort((a, b) => (b.date || "").localeCompare(a.date || "") || b.id - a.id);
    document.getElementById("claims-heading").textContent =
      `Claims (${shown.length} of ${body.claims.length})`;
    for (const claim of shown) {
      const role = forIds.has(claim.id) ? "for" : againstIds.has(claim.id) ? "against" : null;
      box.append(claimCard(claim, role));
    }
  }

  function claimCard(claim, role) {
    const stance = claim.stance === "denies" ? "denies" : "asserts";
    const card = el("article", {
      class: `claim-card side-${claim.source.side}${claim.review === "rejected" ? " rejected" : ""}`,
      "data-claim": claim.id,
      "data-side": claim.source.side,
      "data-kind": claim.kind,
      "data-stance": stance,
    });
    card.append(
      el("header", {},
        el("span", { class: "source", text: claim.source.name }),
        el("span", { class: `chip side-${claim.source.side}`, text: claim.source.side }),
        el("time", { text: claim.date || "undated" })),
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
    card.append(el("footer", {}, more, sourceLink(claim.url)), article);
    withDocument(claim.doc).then((doc) => {
      const span = evidenceSpan(doc, claim);
      clear(evidence);
      evidence.append(...excerpt(doc.text, span));
      more.addEventListener("click", () => {
        if (!article.firstChild) {
          article.append(
            el("h4", { text: doc.title || "Article" }),
            el("p", { class: "muted", text: [doc.outlet, doc.published].filter(Boolean).join(" · ") }),
            el("div", { class: "article-text" }, ...highlighted(doc.text, span)));
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

  // Other panels (sources.js) build with these helpers and open a place's card by sending
  // its geonameid.
  window.frontwatchPage = Object.freeze({ el, getJSON });
  document.addEventListener("frontwatch:select-place", (event) => selectPlace(event.detail));

  start();
})();

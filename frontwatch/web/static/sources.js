/* frontwatch sources panel: whom to believe. Each source's capture and presence claims,
 * later confirmed (within the window, or late), contradicted or still open, with the lag;
 * every figure opens the claims behind it, and every claim the card of its place.
 *
 * Text from the API goes in as text nodes only, through app.js's own helpers
 * (window.frontwatchPage); the event "frontwatch:select-place" with a geonameid opens that
 * place's card.
 */
"use strict";

(function () {
  const OUTCOMES = ["confirmed", "late", "contradicted", "open"];
  const SHORT = { confirmed: "conf.", late: "late", contradicted: "contra.", open: "open" };
  const panel = document.getElementById("panel");
  if (!panel || !window.frontwatchPage) return;

  const { el, getJSON } = window.frontwatchPage;

  const box = el("details", { id: "sources", class: "sources" },
    el("summary", { text: "Sources: whose claims were borne out" }));
  const body = el("div", { class: "sources-body" });
  const detail = el("div", { class: "sources-detail", "aria-live": "polite" });
  box.append(body, detail);
  // Above the panel's tabs, so it stays in view whichever tab is open.
  panel.insertBefore(box, document.getElementById("tabs") || document.getElementById("place"));

  let loaded = false;
  box.addEventListener("toggle", () => {
    if (box.open && !loaded) {
      loaded = true;
      load();
    }
  });

  async function load() {
    body.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
    try {
      drawTable(await getJSON("/api/sources"));
    } catch (error) {
      loaded = false;
      body.replaceChildren(el("p", { class: "error", text: `Sources not loaded (${error.message})` }));
    }
  }

  function drawTable(data) {
    if (!data.sources.length) {
      body.replaceChildren(el("p", { class: "muted", text: "No capture or presence claim yet." }));
      return;
    }
    const head = el("tr", {}, el("th", { text: "source" }), el("th", { text: "claims" }),
      ...OUTCOMES.map((o) => el("th", { text: SHORT[o], title: o })),
      el("th", { text: "lag", title: "days to confirmation: median / 90th percentile" }));
    const rows = data.sources.map((source) => {
      const figures = OUTCOMES.map((outcome) => {
        const count = source[outcome];
        const cell = el("td", { class: `figure outcome-${outcome}` });
        cell.append(count ? el("button", {
          type: "button", class: "link", text: String(count),
          "aria-label": `${count} ${outcome} claims of ${source.name}`,
          onclick: () => showClaims(source, outcome, data.within),
        }) : "0");
        return cell;
      });
      const lag = source.median_lag === null ? "—" : `${source.median_lag}/${source.p90_lag}`;
      return el("tr", { "data-source": source.name, "data-side": source.side },
        el("td", {}, el("span", { class: `chip side-${source.side}`, text: source.side }), " ",
          source.name),
        el("td", { text: String(source.n_claims) }), ...figures, el("td", { text: lag }));
    });
    body.replaceChildren(
      el("p", { class: "muted", text: `Capture and presence claims. Confirmed: by the ` +
        `opponent's admission, a third party or a map layer within ${data.within} days; late: ` +
        `only later; lag in days (median/p90). Click a figure for its claims.` }),
      el("table", { class: "sources-table" }, el("thead", {}, head), el("tbody", {}, ...rows)));
  }

  async function showClaims(source, outcome, within) {
    detail.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
    const query = new URLSearchParams({ source: source.name, side: source.side, within });
    let data;
    try {
      data = await getJSON(`/api/sources?${query}`);
    } catch (error) {
      detail.replaceChildren(el("p", { class: "error", text: `Claims not loaded (${error.message})` }));
      return;
    }
    const checks = data.sources[0].checks.filter((c) => c.outcome === outcome);
    const list = el("ol", { class: "sources-claims" }, ...checks.map(checkItem));
    detail.replaceChildren(
      el("h3", { text: `${source.name}: ${checks.length} ${outcome}` }), list);
    detail.scrollIntoView({ block: "nearest" });
  }

  function checkItem(check) {
    const open = el("button", {
      type: "button", class: "link", text: check.place.name,
      onclick: () => document.dispatchEvent(
        new CustomEvent("frontwatch:select-place", { detail: check.place.geonameid })),
    });
    const settled = [];
    if (check.by) settled.push(check.by);
    if (check.by_claim !== null) settled.push(`claim #${check.by_claim}`);
    if (check.layer_date) settled.push(`on ${check.layer_date}`);
    if (check.lag !== null) settled.push(`after ${check.lag} days`);
    return el("li", { "data-claim": check.claim, "data-outcome": check.outcome },
      el("time", { text: check.date || "undated" }), " ", open, ` — ${check.actor} ${check.kind}`,
      settled.length ? el("span", { class: "settled", text: ` (${settled.join(", ")})` }) : null,
      el("blockquote", { class: "evidence", text: check.evidence }));
  }
})();

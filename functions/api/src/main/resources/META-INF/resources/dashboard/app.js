// The seller dashboard: log in with a key, upload status, ranked trends, one item's chart, inventory, anomalies.
"use strict";

(() => {
  const api = TrendcastApi;
  const $ = id => document.getElementById(id);
  let seller = null;
  let current = null;

  function fmt(v, digits) {
    return v === null || v === undefined ? "–" : Number(v).toFixed(digits === undefined ? 1 : digits);
  }

  function cell(row, text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) {
      td.className = cls;
    }
    row.appendChild(td);
    return td;
  }

  function showError(e) {
    $("error").textContent = e instanceof api.ApiError ? e.status + ": " + e.message : String(e);
  }

  function kv(container, pairs) {
    const dl = document.createElement("dl");
    dl.className = "kv";
    for (const [k, v] of pairs) {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dl.append(dt, dd);
    }
    container.replaceChildren(dl);
  }

  async function open(sellerId) {
    seller = sellerId;
    $("login-section").hidden = true;
    $("app").hidden = false;
    $("logout").hidden = false;
    $("who").textContent = "seller " + seller;
    await Promise.all([loadTrends(), loadAnomalies()]);
  }

  async function loadTrends() {
    const body = $("trends").querySelector("tbody");
    const data = await api.trends(seller, $("direction").value);
    body.replaceChildren();
    $("trends-empty").hidden = data.items.length > 0;
    for (const item of data.items) {
      const tr = document.createElement("tr");
      tr.className = "clickable";
      tr.dataset.item = item.item;
      tr.dataset.store = item.store || "";
      cell(tr, item.rank);
      cell(tr, item.item);
      cell(tr, item.store || "");
      cell(tr, item.direction, item.direction);
      cell(tr, item.changePct === null ? "–" : (item.changePct > 0 ? "+" : "") + fmt(item.changePct) + " %",
        item.direction);
      cell(tr, fmt(item.zScore));
      cell(tr, item.since || "");
      cell(tr, item.peaks.length ? item.peaks[0].date + " (+" + fmt(item.peaks[0].liftPct, 0) + " %)" : "");
      cell(tr, item.festivals.map(f => f.name + " " + (f.liftPct > 0 ? "+" : "") + fmt(f.liftPct, 0) + " % on "
        + f.nextDate).join("; "));
      cell(tr, item.model || "");
      cell(tr, fmt(item.mase, 2));
      tr.addEventListener("click", () => openItem(item.item, item.store).catch(showError));
      body.appendChild(tr);
    }
  }

  async function loadAnomalies() {
    const data = await api.anomalies(seller, { limit: 200 });
    const body = $("anomalies").querySelector("tbody");
    body.replaceChildren();
    for (const a of data.anomalies) {
      const tr = document.createElement("tr");
      cell(tr, a.date === a.endDate ? a.date : a.date + " – " + a.endDate);
      cell(tr, a.item);
      cell(tr, a.store || "");
      cell(tr, a.kind);
      cell(tr, fmt(a.score));
      cell(tr, a.rule);
      body.appendChild(tr);
    }
  }

  async function openItem(item, store) {
    current = { item, store };
    const [forecast, anomalies] = await Promise.all([
      api.forecast(seller, item, store),
      api.anomalies(seller, { item, store })
    ]);
    $("item-section").hidden = false;
    $("item-title").textContent = item + (store ? " at " + store : "");
    const keep = Math.max(90, 3 * forecast.horizon);
    TrendcastChart.forecast($("chart"), forecast, anomalies.anomalies, keep);
    $("chart").dataset.item = item;
    $("item-meta").textContent = "model " + forecast.model + " · trained " + forecast.generatedAt + " · MASE "
      + fmt(forecast.accuracy.mase, 2) + " · WAPE " + fmt(forecast.accuracy.wape) + " % · trend "
      + forecast.trend.direction + " " + fmt(forecast.trend.changePct) + " %";
    const body = $("item-anomalies").querySelector("tbody");
    body.replaceChildren();
    for (const a of anomalies.anomalies) {
      const tr = document.createElement("tr");
      [a.date, a.endDate, a.kind, fmt(a.value), fmt(a.expected), fmt(a.score), a.rule].forEach(v => cell(tr, v));
      body.appendChild(tr);
    }
    $("inventory").replaceChildren();
    $("item-section").scrollIntoView();
  }

  async function advise() {
    const a = await api.inventory(seller, current.item, {
      store: current.store, leadTimeDays: $("lead").value, serviceLevel: $("level").value,
      reviewDays: $("review").value, onHand: $("onhand").value
    });
    kv($("inventory"), [
      ["reorder point", fmt(a.reorderPoint)],
      ["safety stock", fmt(a.safetyStock)],
      ["order up to", fmt(a.orderUpTo)],
      ["demand over lead time", fmt(a.leadTimeDemand.mean) + " ± " + fmt(a.leadTimeDemand.sd)],
      ["on hand", a.onHand === null ? "unknown" : fmt(a.onHand) + " (" + a.onHandSource
        + (a.onHandDate ? ", " + a.onHandDate : "") + ")"],
      ["order now", a.suggestedOrderQuantity === null ? "–" : (a.reorderNow ? fmt(a.suggestedOrderQuantity, 0)
        + " units" : "no, stock is above the reorder point")],
      ["assumptions", a.assumptions.join(" · ")]
    ]);
  }

  async function uploadStatus() {
    const id = $("upload-id").value.trim();
    const u = await api.upload(seller, id);
    const t = u.training || {};
    kv($("upload-status"), [
      ["upload", u.uploadId + (u.source ? " (" + u.source + ")" : "")],
      ["file", (u.status || "–") + ": " + (u.rowsAccepted ?? "–") + " of " + (u.rowsRead ?? "–") + " rows accepted"],
      ["series", (u.series ?? "–") + (u.from ? ", " + u.from + " to " + u.to : "")],
      ["training", (t.state || "not started") + (t.message ? ": " + t.message : "")],
      ["anomalies", String((u.anomalies || []).length)],
      ["charts", (u.charts || []).join(", ") || "–"]
    ]);
  }

  $("login").addEventListener("submit", async e => {
    e.preventDefault();
    $("login-error").textContent = "";
    api.login($("seller").value.trim(), $("key").value.trim());
    try {
      await open($("seller").value.trim());
    } catch (err) {
      api.logout();
      $("app").hidden = true;
      $("login-section").hidden = false;
      $("login-error").textContent = err instanceof api.ApiError && (err.status === 401 || err.status === 403)
        ? "This key does not open seller " + $("seller").value + "." : String(err.message || err);
    }
  });
  $("logout").addEventListener("click", () => {
    api.logout();
    location.reload();
  });
  $("direction").addEventListener("change", () => loadTrends().catch(showError));
  $("inventory-form").addEventListener("submit", e => {
    e.preventDefault();
    advise().catch(showError);
  });
  $("upload-form").addEventListener("submit", e => {
    e.preventDefault();
    uploadStatus().catch(showError);
  });

  const s = api.session();
  if (s.key && s.seller) {
    open(s.seller).catch(err => {
      api.logout();
      $("app").hidden = true;
      $("login-section").hidden = false;
      showError(err);
    });
  }
})();

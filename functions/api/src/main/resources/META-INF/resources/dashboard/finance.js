// The finance page: the cost table of GET /v1/costs grouped as asked, and total cost per day as bars.
"use strict";

(() => {
  const api = TrendcastApi;
  const $ = id => document.getElementById(id);
  const FIELDS = ["invocations", "gbSeconds", "s3Gets", "s3Puts", "ddbReadUnits", "ddbWriteUnits", "computeUsd",
    "requestUsd", "storageRequestUsd", "totalUsd"];

  function iso(d) {
    return d.toISOString().slice(0, 10);
  }

  const today = new Date();
  $("to").value = iso(today);
  $("from").value = iso(new Date(today.getTime() - 29 * 86400000));

  function number(field, v) {
    if (v === null || v === undefined) {
      return "–";
    }
    if (field.endsWith("Usd")) {
      return v.toFixed(v < 0.01 ? 6 : 4);
    }
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  }

  function row(key, group) {
    const tr = document.createElement("tr");
    const th = document.createElement("td");
    th.textContent = key;
    tr.appendChild(th);
    for (const f of FIELDS) {
      const td = document.createElement("td");
      td.textContent = number(f, group[f]);
      tr.appendChild(td);
    }
    return tr;
  }

  async function show() {
    $("error").textContent = "";
    $("notice").textContent = "";
    api.login(null, $("key").value.trim());
    const range = { from: $("from").value, to: $("to").value };
    let table;
    let days;
    try {
      [table, days] = await Promise.all([
        api.costs({ ...range, groupBy: $("group").value }),
        api.costs({ ...range, groupBy: "day" })
      ]);
    } catch (e) {
      if (e instanceof api.ApiError && (e.status === 404 || e.status === 405 || e.status === 501)) {
        $("notice").textContent = "The cost ledger is not available on this deployment (GET /v1/costs answered "
          + e.status + "). Costs are recorded once the cost ledger is deployed.";
        $("costs").querySelector("tbody").replaceChildren();
        TrendcastChart.bars($("days"), [], r => r.key, r => r.totalUsd, "$");
        return;
      }
      throw e;
    }
    const body = $("costs").querySelector("tbody");
    body.replaceChildren(...table.groups.map(g => row(g.key, g)));
    $("costs").querySelector("tfoot").replaceChildren(row("total", table.total || {}));
    const sorted = days.groups.slice().sort((a, b) => a.key.localeCompare(b.key));
    TrendcastChart.bars($("days"), sorted, r => r.key, r => r.totalUsd, "$");
  }

  $("costs-form").addEventListener("submit", e => {
    e.preventDefault();
    show().catch(err => {
      $("error").textContent = err instanceof api.ApiError ? err.status + ": " + err.message : String(err);
    });
  });
})();

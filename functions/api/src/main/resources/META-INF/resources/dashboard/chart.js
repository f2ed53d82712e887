// SVG charts drawn client-side, no library: history + forecast with 80/95 % bands, and bars over days.
"use strict";

const TrendcastChart = (() => {
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) {
      node.setAttribute(k, v);
    }
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function day(iso) {
    return Date.parse(iso + "T00:00:00Z") / 86400000;
  }

  function niceTicks(lo, hi, count) {
    const span = hi - lo || 1;
    const step0 = span / count;
    const magnitude = Math.pow(10, Math.floor(Math.log10(step0)));
    const step = [1, 2, 5, 10].map(m => m * magnitude).find(s => s >= step0);
    const ticks = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
      ticks.push(Math.round(v * 1e6) / 1e6);
    }
    return ticks;
  }

  function path(points) {
    return points.map((p, i) => (i ? "L" : "M") + p[0].toFixed(1) + "," + p[1].toFixed(1)).join(" ");
  }

  // A band: upper edge forwards, lower edge backwards, closed.
  function band(xs, lower, upper) {
    const up = xs.map((x, i) => [x, upper[i]]);
    const down = xs.map((x, i) => [x, lower[i]]).reverse();
    return path(up.concat(down)) + " Z";
  }

  /**
   * Draws history (last `keep` observations), forecast mean and its 80/95 % bands into `svg`; anomalies are red
   * marks on the history. Data attributes say what was drawn (the browser test reads them).
   */
  function forecast(svg, forecastJson, anomalies, keep) {
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    const W = 900, H = 320, L = 50, R = 15, T = 15, B = 30;
    const history = (forecastJson.history || []).slice(-(keep || 120));
    const points = forecastJson.points || [];
    const hx = history.map(h => day(h.date));
    const fx = points.map(p => day(p.date));
    const xs = hx.concat(fx);
    if (xs.length === 0) {
      el("text", { x: 20, y: 40 }, svg).textContent = "nothing to draw";
      return;
    }
    const values = history.map(h => h.value).filter(v => v !== null)
      .concat(points.flatMap(p => [p.lo95, p.hi95, p.mean]).filter(v => v !== null && v !== undefined));
    let ymin = Math.min(0, ...values);
    let ymax = Math.max(...values, 1);
    const x0 = Math.min(...xs), x1 = Math.max(...xs);
    const sx = v => L + (v - x0) / ((x1 - x0) || 1) * (W - L - R);
    const sy = v => H - B - (v - ymin) / ((ymax - ymin) || 1) * (H - T - B);

    const grid = el("g", { "class": "grid-lines" }, svg);
    for (const t of niceTicks(ymin, ymax, 5)) {
      el("line", { x1: L, x2: W - R, y1: sy(t), y2: sy(t), "class": "grid" }, grid);
      el("text", { x: 4, y: sy(t) + 4 }, grid).textContent = String(t);
    }
    const dates = history.map(h => h.date).concat(points.map(p => p.date));
    const step = Math.max(1, Math.floor(dates.length / 6));
    for (let i = 0; i < dates.length; i += step) {
      el("text", { x: sx(day(dates[i])) - 28, y: H - 8 }, grid).textContent = dates[i];
    }
    el("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, "class": "axis" }, svg);

    if (points.length > 0) {
      const fxs = fx.map(sx);
      const has = k => points.every(p => p[k] !== null && p[k] !== undefined);
      if (has("lo95") && has("hi95")) {
        el("path", { d: band(fxs, points.map(p => sy(p.lo95)), points.map(p => sy(p.hi95))), "class": "band95",
          "data-band": "95", "data-points": points.length }, svg);
      }
      if (has("lo80") && has("hi80")) {
        el("path", { d: band(fxs, points.map(p => sy(p.lo80)), points.map(p => sy(p.hi80))), "class": "band80",
          "data-band": "80", "data-points": points.length }, svg);
      }
      el("line", { x1: fxs[0], x2: fxs[0], y1: T, y2: H - B, "class": "today" }, svg);
      el("path", { d: path(points.map((p, i) => [fxs[i], sy(p.mean)])), "class": "forecast",
        "data-series": "forecast", "data-points": points.length, "data-from": points[0].date,
        "data-to": points[points.length - 1].date }, svg);
    }
    const observed = history.filter(h => h.value !== null);
    if (observed.length > 0) {
      el("path", { d: path(observed.map(h => [sx(day(h.date)), sy(h.value)])), "class": "history",
        "data-series": "history", "data-points": observed.length, "data-from": observed[0].date,
        "data-to": observed[observed.length - 1].date }, svg);
    }
    const shown = new Map(history.map(h => [h.date, h.value]));
    for (const a of anomalies || []) {
      if (shown.has(a.date)) {
        const v = a.kind === "stockout" ? 0 : (shown.get(a.date) ?? a.value);
        const mark = el("circle", { cx: sx(day(a.date)), cy: sy(v), r: 4, "class": "anomaly",
          "data-anomaly": a.kind, "data-date": a.date }, svg);
        el("title", {}, mark).textContent = a.kind + " " + a.date + ": " + a.rule;
      }
    }
  }

  /** Bars of `value(row)` over `rows` ordered by `label(row)`, e.g. cost per day. */
  function bars(svg, rows, label, value, unit) {
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    const W = 900, H = 260, L = 60, R = 10, T = 10, B = 40;
    if (rows.length === 0) {
      el("text", { x: 20, y: 40 }, svg).textContent = "no data";
      return;
    }
    const max = Math.max(...rows.map(value), 1e-12);
    const w = (W - L - R) / rows.length;
    for (const t of niceTicks(0, max, 4)) {
      const y = H - B - t / max * (H - T - B);
      el("line", { x1: L, x2: W - R, y1: y, y2: y, "class": "grid" }, svg);
      el("text", { x: 2, y: y + 4 }, svg).textContent = unit + t;
    }
    rows.forEach((row, i) => {
      const h = value(row) / max * (H - T - B);
      const bar = el("rect", { x: L + i * w + 1, y: H - B - h, width: Math.max(1, w - 2), height: h,
        "class": "bar", "data-key": label(row), "data-value": value(row) }, svg);
      el("title", {}, bar).textContent = label(row) + ": " + unit + value(row);
      if (rows.length <= 31 || i % Math.ceil(rows.length / 15) === 0) {
        el("text", { x: L + i * w, y: H - B + 14, transform: "rotate(30 " + (L + i * w) + " " + (H - B + 14) + ")" },
          svg).textContent = label(row);
      }
    });
  }

  return { forecast, bars };
})();

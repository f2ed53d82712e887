// Trendcast API client for the dashboard pages: same origin, key in sessionStorage (this tab only).
"use strict";

const TrendcastApi = (() => {
  const KEY = "trendcast.key";
  const SELLER = "trendcast.seller";

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || ("HTTP " + status));
      this.status = status;
      this.body = body;
    }
  }

  function session() {
    return { key: sessionStorage.getItem(KEY), seller: sessionStorage.getItem(SELLER) };
  }

  function login(seller, key) {
    sessionStorage.setItem(KEY, key);
    if (seller) {
      sessionStorage.setItem(SELLER, seller);
    }
  }

  function logout() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(SELLER);
  }

  async function get(path, params) {
    const query = params ? "?" + new URLSearchParams(Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null && v !== "")).toString() : "";
    const response = await fetch(path + (query === "?" ? "" : query), {
      headers: { "Authorization": "Bearer " + session().key, "Accept": "application/json" }
    });
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = { message: text };
    }
    if (!response.ok) {
      throw new ApiError(response.status, body);
    }
    return body;
  }

  function sellerPath(seller) {
    return "/v1/sellers/" + encodeURIComponent(seller);
  }

  return {
    ApiError, session, login, logout, get,
    trends: (seller, direction) => get(sellerPath(seller) + "/trends", { direction, limit: 200 }),
    anomalies: (seller, params) => get(sellerPath(seller) + "/anomalies", params),
    forecast: (seller, item, store) => get(sellerPath(seller) + "/items/" + encodeURIComponent(item) + "/forecast",
      { store, history: "true" }),
    inventory: (seller, item, params) => get(sellerPath(seller) + "/items/" + encodeURIComponent(item)
      + "/inventory", params),
    upload: (seller, id) => get(sellerPath(seller) + "/uploads/" + encodeURIComponent(id)),
    costs: (params) => get("/v1/costs", params)
  };
})();

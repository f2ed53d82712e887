/**
 * The local HTTP API: API Gateway HTTP API behaviour on 127.0.0.1. A request on one of the declared {@link
 * io.trendcast.local.http.Routes} becomes a payload-format-2.0 event ({@link io.trendcast.local.http.HttpApiEvents})
 * for the api function, whose response document becomes the HTTP response; other paths are 404 from the gateway.
 */
package io.trendcast.local.http;

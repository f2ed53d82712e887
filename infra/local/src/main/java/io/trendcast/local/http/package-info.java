/**
 * The local HTTP API: API Gateway HTTP API behaviour on 127.0.0.1. Each request becomes a payload-format-2.0
 * event ({@link io.trendcast.local.http.HttpApiEvents}) for the api function; its response document becomes the
 * HTTP response.
 */
package io.trendcast.local.http;

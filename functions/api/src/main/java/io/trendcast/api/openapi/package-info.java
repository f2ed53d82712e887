/**
 * The API's OpenAPI document: its top-level definition and the resource serving the generated file at
 * {@code /q/openapi}.
 */
package io.trendcast.api.openapi;

/**
 * Errors as the API returns them: always {@code {"error":"…","message":"…"}} with the right status
 * ({@link io.trendcast.api.error.ApiException} for the resources' own, mappers for the framework's and for store
 * failures); never a stack trace or a class name.
 */
package io.trendcast.api.error;

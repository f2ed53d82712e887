/**
 * Configuration of the api function ({@link io.trendcast.api.config.ApiConfig}, from {@code application.properties}
 * and environment variables) and the SDK clients and store adapters built from it, once per container and on
 * first use.
 */
package io.trendcast.api.config;

package io.trendcast.core.port;

/** What an API key may read (FORMATS.md §4). */
public enum ApiKeyRole {
    /** One seller's forecasts, trends, inventory and uploads. */
    SELLER,
    /** The cost report ({@code /v1/costs}). */
    FINANCE
}

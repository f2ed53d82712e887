package io.trendcast.core.analysis;

/**
 * Pearson correlation of sales (each series divided by its mean absolute value, so series of any size pool) with
 * one driver, over every period where both are known.
 *
 * @param driver the driver's column name
 * @param r      the correlation coefficient
 * @param rows   observations used
 */
public record Correlation(String driver, double r, int rows) {
}

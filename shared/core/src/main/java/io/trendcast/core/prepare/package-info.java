/**
 * Preparing series before modelling: filling gaps ({@link io.trendcast.core.prepare.GapFiller}), finding and
 * replacing outliers ({@link io.trendcast.core.prepare.OutlierDetector}, after R {@code forecast::tsoutliers}) and
 * differencing with its inverse ({@link io.trendcast.core.prepare.Differencing}).
 */
package io.trendcast.core.prepare;

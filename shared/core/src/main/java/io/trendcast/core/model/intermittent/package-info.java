/**
 * Forecasting intermittent demand, series in which most periods see no sale: Croston's method (Croston 1972), its
 * bias-corrected form SBA (Syntetos &amp; Boylan 2005) and TSB (Teunter, Syntetos &amp; Babai 2011), which
 * smooths the probability of a sale instead of the interval between sales. Point forecasts are flat; intervals
 * are quantiles of the fitted per-period demand distribution (a sale with the smoothed probability, its size
 * bootstrapped from the observed sizes), so they keep the mass at zero and never go below it.
 */
package io.trendcast.core.model.intermittent;

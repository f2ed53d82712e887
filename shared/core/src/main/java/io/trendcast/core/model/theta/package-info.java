/**
 * The Theta method of Assimakopoulos &amp; Nikolopoulos (2000) in the form of R {@code forecast::thetaf}: simple
 * exponential smoothing with drift equal to half the slope of a linear trend, which Hyndman &amp; Billah (2003)
 * showed to be equivalent to the original two-theta-line method. Seasonal series are adjusted by classical
 * multiplicative decomposition first.
 */
package io.trendcast.core.model.theta;

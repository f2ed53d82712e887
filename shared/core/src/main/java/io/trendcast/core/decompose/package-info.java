/** Seasonal decompositions: classical (moving averages) and STL (Cleveland et al. 1990). */
package io.trendcast.core.decompose;

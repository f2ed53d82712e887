/** The embedded local stack and the {@code trendcast} command line. */
package io.trendcast.local;

/** Regular time series, their frequencies and calendars. */
package io.trendcast.core.series;

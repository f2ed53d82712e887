/**
 * Trend analysis of a series and its forecast ({@link io.trendcast.core.trend.TrendAnalyzer}): direction and
 * strength of the change against the series' own noise, when the current trend segment began, upcoming seasonal
 * peaks, and the effect of shopping festivals and holidays ({@link io.trendcast.core.trend.FestivalCalendar}).
 */
package io.trendcast.core.trend;

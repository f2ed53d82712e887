/**
 * PNG charts for sellers who never open the dashboard ({@link io.trendcast.core.chart.ReportCharts}: top movers,
 * forecast accuracy), drawn with {@code java.awt} on a headless {@link java.awt.image.BufferedImage} and written
 * with {@link javax.imageio.ImageIO}. Text uses a built-in 5×7 pixel font ({@link io.trendcast.core.chart.PixelFont})
 * so that no system font, fontconfig or freetype is needed (AWS Lambda's Java runtime has none).
 */
package io.trendcast.core.chart;

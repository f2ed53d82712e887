/** The picocli commands of {@code trendcast}. */
package io.trendcast.local.cli;

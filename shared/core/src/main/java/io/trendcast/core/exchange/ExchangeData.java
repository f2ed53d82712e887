package io.trendcast.core.exchange;

import java.util.List;

/**
 * The content of an exchange input file.
 *
 * @param series         series in the order of first appearance
 * @param covariateNames names of the numeric extra columns
 * @param warnings       things a user should know that did not stop reading (ignored columns, filled gaps)
 */
public record ExchangeData(List<ExchangeSeries> series, List<String> covariateNames, List<String> warnings) {

    public ExchangeData {
        series = List.copyOf(series);
        covariateNames = List.copyOf(covariateNames);
        warnings = List.copyOf(warnings);
    }
}

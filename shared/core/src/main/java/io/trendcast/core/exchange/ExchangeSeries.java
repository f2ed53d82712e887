package io.trendcast.core.exchange;

import io.trendcast.core.series.TimeSeries;

/**
 * One series read from an exchange file with its covariate columns aligned to its values.
 *
 * @param series     the observations (NaN where a period is missing)
 * @param covariates {@code covariates[j][t]}: covariate {@code j} of {@link ExchangeData#covariateNames()} at
 *                   period {@code t} (NaN where absent)
 */
public record ExchangeSeries(TimeSeries series, double[][] covariates) {
}

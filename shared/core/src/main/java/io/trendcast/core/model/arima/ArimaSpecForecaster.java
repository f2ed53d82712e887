package io.trendcast.core.model.arima;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.series.TimeSeries;

/**
 * Fits one given ARIMA specification without searching (as {@code forecast::Arima(y, order, seasonal)}); what an
 * {@link ArimaModel} hands to backtests that re-estimate its structure at earlier origins.
 */
final class ArimaSpecForecaster implements Forecaster {

    private final ArimaSpec spec;

    ArimaSpecForecaster(ArimaSpec spec) {
        this.spec = spec;
    }

    @Override
    public String name() {
        return "arima";
    }

    @Override
    public FittedModel fit(TimeSeries series) {
        return ArimaForecaster.create().fit(series, spec);
    }
}

/**
 * Exponential smoothing state space models (ETS) with automatic model selection, after R {@code forecast::ets}
 * (version 8.20) and the framework of Hyndman, Koehler, Snyder and Grose (2002), "A state space framework for
 * automatic forecasting using exponential smoothing methods", IJF 18(3), and Hyndman, Koehler, Ord and Snyder
 * (2008), <i>Forecasting with Exponential Smoothing: The State Space Approach</i>, Springer.
 *
 * <p>The classes follow R's {@code R/ets.R} and {@code src/etscalc.c} so the two can be read side by side:
 * <ul>
 *   <li>{@link io.trendcast.core.model.ets.EtsForecaster} — R's {@code ets()}: admissible candidates, fitting,
 *       selection by information criterion;</li>
 *   <li>{@link io.trendcast.core.model.ets.EtsEstimator} — R's {@code etsmodel()}: starting values, Nelder–Mead
 *       on the likelihood, information criteria;</li>
 *   <li>{@link io.trendcast.core.model.ets.EtsParameters}, {@link io.trendcast.core.model.ets.EtsAdmissibility}
 *       — R's {@code initparam()}, {@code check.param()} and {@code admissible()};</li>
 *   <li>{@link io.trendcast.core.model.ets.EtsInitialState} — R's {@code initstate()};</li>
 *   <li>{@link io.trendcast.core.model.ets.EtsCalc} — R's {@code etscalc}, {@code etsforecast} and
 *       {@code etssimulate} in C;</li>
 *   <li>{@link io.trendcast.core.model.ets.EtsForecastIntervals} — R's {@code forecast.ets()} with
 *       {@code class1}, {@code class2}, {@code class3} and simulation;</li>
 *   <li>{@link io.trendcast.core.model.ets.EtsShortSeries} — R's {@code HoltWintersZZ()} for series too short
 *       for the state space fit.</li>
 * </ul>
 */
package io.trendcast.core.model.ets;

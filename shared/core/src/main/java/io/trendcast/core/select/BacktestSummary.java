package io.trendcast.core.select;

/**
 * Rolling-origin accuracy of one candidate.
 *
 * @param folds number of forecast origins
 * @param mase  mean absolute error scaled by the in-sample seasonal-naive error
 * @param smape symmetric MAPE in percent
 * @param wape  pooled absolute error over pooled absolute actuals, in percent
 */
public record BacktestSummary(int folds, double mase, double smape, double wape) {
}

package io.trendcast.core.analysis;

/**
 * A regression coefficient with its 95% confidence interval.
 *
 * @param driver   the regressor, e.g. {@code log(price)}
 * @param estimate the coefficient (for log price: the price elasticity; for a 0/1 promotion flag on log sales:
 *                 {@code exp(estimate) - 1} is the lift)
 * @param stdError its standard error
 * @param lo95     lower bound of the 95% interval
 * @param hi95     upper bound
 * @param rows     observations used
 */
public record Effect(String driver, double estimate, double stdError, double lo95, double hi95, int rows) {
}

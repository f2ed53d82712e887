/**
 * The pure forecasting core of Trendcast: series, preparation, statistical tests, models, evaluation and
 * selection. Nothing here knows about AWS, Quarkus or HTTP; storage is reached through ports.
 */
package io.trendcast.core;

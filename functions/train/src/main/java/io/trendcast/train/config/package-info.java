/**
 * Configuration of the train function ({@link io.trendcast.train.config.TrainConfig}, read from
 * {@code application.properties} and environment variables) and the beans built from it once per container: the
 * SDK clients and the store adapters.
 */
package io.trendcast.train.config;

/**
 * DeepAR (Salinas, Flunkert, Gasthaus and Januschowski 2020, "DeepAR: Probabilistic forecasting with autoregressive
 * recurrent networks", IJF 36(3):1181-1191) trained across all series of a seller with DJL on the PyTorch engine,
 * CPU only, offline: an LSTM over lagged values (scaled per series), calendar and festival features, covariates and a
 * learned series embedding, with a Student-t likelihood head. Sample paths are drawn in Java from the distribution
 * parameters the network outputs (DJL's PyTorch engine cannot sample the Student-t), then turned into quantiles and
 * intervals. {@link io.trendcast.deep.DeepArForecaster} implements the core's
 * {@link io.trendcast.core.global.GlobalForecaster}.
 */
package io.trendcast.deep;

/** Derivative-free and quasi-Newton minimisers used to estimate model parameters (Nelder–Mead, BFGS). */
package io.trendcast.core.optim;

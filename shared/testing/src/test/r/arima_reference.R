#!/usr/bin/env Rscript
# Reference values for the ARIMA parity tests (io.trendcast.testing.arima).
# Produced with R and forecast 8.20 (urca for the KPSS statistic):
#   Rscript shared/testing/src/test/r/arima_reference.R [m3-dir] [out-dir]
# Writes, into shared/testing/src/test/resources/reference/arima/:
#   series.csv       case,season,t,value        the input series (so the Java tests need no R and no data files)
#   models.csv       auto.arima choice per case: orders, constant, aicc, loglik, sigma2
#   coefficients.csv case,name,value             coefficients of that choice (ar1, ma1, sar1, sma1, intercept, drift)
#   forecasts.csv    case,step,mean,lo80,hi80,lo95,hi95   forecast(auto.arima(y), h, level = c(80, 95))
#   tests.csv        case,kpss_stat,kpss_lag,ndiffs,nsdiffs,seas_strength
#   stl.csv          case,t,seasonal,trend,remainder    stl(y, s.window = 11) and stl(y, "periodic", robust = TRUE)
suppressMessages({
  library(forecast)
  library(urca)
})
stopifnot(as.character(packageVersion("forecast")) == "8.20")
args <- commandArgs(trailingOnly = TRUE)
m3dir <- if (length(args) >= 1) args[1] else "/work/shared/data/m3"
outdir <- if (length(args) >= 2) args[2] else "shared/testing/src/test/resources/reference/arima"
dir.create(outdir, recursive = TRUE, showWarnings = FALSE)

tr <- read.csv(gzfile(file.path(m3dir, "train.csv.gz")))
meta <- read.csv(file.path(m3dir, "series_meta.csv"))
m3 <- function(id) {
  s <- tr[tr$series_id == id, ]
  s <- s[order(s$date), ]
  ts(s$value, frequency = meta$season[meta$series_id == id])
}
set.seed(20240501)
cases <- list(
  m3_N0001 = m3("N0001"),
  m3_N0100 = m3("N0100"),
  m3_N0700 = m3("N0700"),
  m3_N1000 = m3("N1000"),
  m3_N1500 = m3("N1500"),
  m3_N2000 = m3("N2000"),
  m3_N2500 = m3("N2500"),
  m3_N3000 = m3("N3000"),
  airpass_log = log(AirPassengers),
  airpass = AirPassengers,
  wwwusage = WWWusage,
  drift_walk = ts(100 + cumsum(rnorm(60, mean = 1, sd = 2))),
  nottem = nottem,
  # Long daily series with a weekly cycle: auto.arima searches them with the CSS approximation (n > 150).
  daily_ar = ts(round(pmax(0, 40 + 0.01 * (1:730) + 8 * sin(2 * pi * (1:730) / 7) +
                               arima.sim(list(ar = 0.5), 730, sd = 4))), frequency = 7),
  daily_ma = ts(round(pmax(0, 25 + 6 * ((1:730) %% 7 >= 5) +
                               arima.sim(list(ma = c(0.4, 0.2)), 730, sd = 3))), frequency = 7)
)
horizon <- function(y) if (frequency(y) == 12) 18 else if (frequency(y) == 4) 8 else if (frequency(y) == 7) 28 else 6

series <- do.call(rbind, lapply(names(cases), function(k) {
  y <- cases[[k]]
  data.frame(case = k, season = frequency(y), t = seq_along(y), value = sprintf("%.10g", as.numeric(y)))
}))
write.csv(series, file.path(outdir, "series.csv"), row.names = FALSE, quote = FALSE)

models <- list(); coefs <- list(); fcs <- list(); tests <- list()
for (k in names(cases)) {
  y <- cases[[k]]
  fit <- auto.arima(y)
  a <- fit$arma
  cn <- names(coef(fit))
  models[[k]] <- data.frame(case = k, model = forecast:::arima.string(fit), p = a[1], d = a[6], q = a[2], P = a[3], D = a[7],
                            Q = a[4], m = a[5], constant = as.integer(any(cn %in% c("intercept", "drift"))),
                            aicc = sprintf("%.10g", fit$aicc), loglik = sprintf("%.10g", fit$loglik),
                            sigma2 = sprintf("%.10g", fit$sigma2))
  if (length(cn) > 0) {
    coefs[[k]] <- data.frame(case = k, name = cn, value = sprintf("%.10g", coef(fit)))
  }
  h <- horizon(y)
  f <- forecast(fit, h = h, level = c(80, 95))
  fcs[[k]] <- data.frame(case = k, step = 1:h, mean = sprintf("%.10g", f$mean),
                         lo80 = sprintf("%.10g", f$lower[, 1]), hi80 = sprintf("%.10g", f$upper[, 1]),
                         lo95 = sprintf("%.10g", f$lower[, 2]), hi95 = sprintf("%.10g", f$upper[, 2]))
  x <- as.numeric(y)
  lag <- trunc(3 * sqrt(length(x)) / 13)
  kp <- ur.kpss(x, type = "mu", use.lag = lag)
  m <- frequency(y)
  tests[[k]] <- data.frame(case = k, kpss_stat = sprintf("%.10g", kp@teststat), kpss_lag = lag,
                           ndiffs = ndiffs(x),
                           nsdiffs = if (m > 1 && length(x) > 2 * m) nsdiffs(y) else NA,
                           seas_strength = if (m > 1 && length(x) > 2 * m)
                             sprintf("%.10g", forecast:::seas.heuristic(y)) else NA)
}
write.csv(do.call(rbind, models), file.path(outdir, "models.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, coefs), file.path(outdir, "coefficients.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, fcs), file.path(outdir, "forecasts.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, tests), file.path(outdir, "tests.csv"), row.names = FALSE, quote = FALSE)

stl_case <- function(label, fit) {
  ts <- fit$time.series
  data.frame(case = label, t = seq_len(nrow(ts)), seasonal = sprintf("%.10g", ts[, "seasonal"]),
             trend = sprintf("%.10g", ts[, "trend"]), remainder = sprintf("%.10g", ts[, "remainder"]))
}
stls <- rbind(
  stl_case("airpass_log_s11", stl(log(AirPassengers), s.window = 11)),
  stl_case("airpass_log_periodic_robust", stl(log(AirPassengers), s.window = "periodic", robust = TRUE)),
  stl_case("m3_N1500_s11", stl(m3("N1500"), s.window = 11))
)
write.csv(stls, file.path(outdir, "stl.csv"), row.names = FALSE, quote = FALSE)

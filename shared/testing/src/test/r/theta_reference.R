#!/usr/bin/env Rscript
# theta_reference.R -- reference values for the Theta, decomposition, Croston and outlier tests.
#
# Run from the repository root with R 4 and forecast 8.20:
#   Rscript shared/testing/src/test/r/theta_reference.R [/work/shared/data/m3/train.csv.gz]
# Writes shared/testing/src/test/resources/reference/theta/*.csv (inputs included, so the Java tests need
# neither R nor the M3 files):
#   series.csv         series_id,season,t,value         every input series
#   thetaf.csv         series_id,step,mean,lo80,hi80,lo95,hi95   forecast::thetaf(y, h, level = c(80, 95))
#   thetaf_params.csv  series_id,seasonal,alpha,drift,sigma2    thetaf's test outcome and fitted model
#   naive2.csv         series_id,step,mean,lo80,hi80,lo95,hi95   M4 Naive2 as naive2f in tools/peer/peer_forecast.R
#   decompose.csv      series_id,type,t,trend,seasonal,random   stats::decompose
#   acf.csv            series_id,lag,acf                         stats::acf(y, lag.max)
#   croston.csv        series_id,step,mean                       forecast::croston(y, h, alpha = 0.1)
#   tsoutliers.csv     series_id,index,replacement              forecast::tsoutliers(y) (1-based index)
suppressPackageStartupMessages(library(forecast))
stopifnot(as.character(packageVersion("forecast")) == "8.20")

args <- commandArgs(trailingOnly = TRUE)
m3_path <- if (length(args) >= 1) args[1] else "/work/shared/data/m3/train.csv.gz"
out_dir <- "shared/testing/src/test/resources/reference/theta"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

m3 <- read.csv(gzfile(m3_path))
m3_season <- c(N0001 = 1, N0185 = 1, N0646 = 4, N0940 = 4, N1526 = 12, N2323 = 12, N2830 = 1, N1402 = 12,
               N0700 = 4)
m3_series <- function(id) {
  d <- m3[m3$series_id == id, ]
  ts(d$value[order(d$date)], frequency = m3_season[[id]])
}

inputs <- list()
add_input <- function(id, y) {
  inputs[[id]] <<- data.frame(series_id = id, season = frequency(y), t = seq_along(y), value = as.numeric(y))
}
fmt <- function(df) format(df, digits = 15, trim = TRUE, scientific = FALSE)
write_out <- function(df, name) write.csv(fmt(df), file.path(out_dir, name), row.names = FALSE, quote = FALSE)

# Theta ---------------------------------------------------------------------------------------------------
theta_series <- c(lapply(setNames(names(m3_season), names(m3_season)), m3_series),
                  list(AirPassengers = AirPassengers, Nile = Nile, WWWusage = WWWusage,
                       Short5 = ts(c(3, 5, 4, 6, 7)), Short9 = ts(c(12, 15, 11, 16, 18, 14, 19, 22, 20)),
                       Closed7 = ts(ifelse(0:69 %% 7 == 6, 0, 20 + 0:69 %% 7 + 0.05 * 0:69), frequency = 7)))
theta_rows <- list(); param_rows <- list()
for (id in names(theta_series)) {
  y <- theta_series[[id]]
  add_input(id, y)
  m <- frequency(y); n <- length(y)
  h <- if (m == 12) 18 else if (m == 4) 8 else 6
  fc <- thetaf(y, h = h, level = c(80, 95))
  seasonal <- FALSE
  if (m > 1 && !is.constant(y) && n > 2 * m) {
    r <- as.numeric(acf(y, lag.max = m, plot = FALSE)$acf)[-1]
    seasonal <- abs(r[m]) / sqrt((1 + 2 * sum(r[-m]^2)) / n) > qnorm(0.95)
  }
  theta_rows[[id]] <- data.frame(series_id = id, step = 1:h, mean = as.numeric(fc$mean),
                                 lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
                                 lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]))
  param_rows[[id]] <- data.frame(series_id = id, seasonal = seasonal, alpha = as.numeric(fc$model$alpha),
                                 drift = as.numeric(fc$model$drift), sigma2 = as.numeric(fc$model$sigma))
}
write_out(do.call(rbind, theta_rows), "thetaf.csv")

# Naive2: the M4 benchmark exactly as naive2f in tools/peer/peer_forecast.R ---------------------------------
m4_seasonal <- function(x, m) {
  n <- length(x)
  if (m <= 1 || n < 3 * m) return(FALSE)
  xacf <- acf(as.numeric(x), plot = FALSE, lag.max = m, na.action = na.pass)$acf[-1, 1, 1]
  clim <- 1.645 / sqrt(n) * sqrt(cumsum(c(1, 2 * xacf^2)))
  isTRUE(abs(xacf[m]) > clim[m])
}
naive2_rows <- list()
for (id in names(theta_series)) {
  y <- theta_series[[id]]
  m <- frequency(y)
  h <- if (m == 12) 18 else if (m == 4) 8 else 6
  if (m > 1 && all(y > 0) && m4_seasonal(y, m)) {
    si <- decompose(y, type = "multiplicative")$seasonal
    fut <- rep(as.numeric(tail(si, m)), length.out = h)
    fc <- naive(y / si, h = h, level = c(80, 95))
  } else {
    fut <- rep(1, h)
    fc <- naive(y, h = h, level = c(80, 95))
  }
  naive2_rows[[id]] <- data.frame(series_id = id, step = 1:h, mean = as.numeric(fc$mean) * fut,
                                  lo80 = as.numeric(fc$lower[, 1]) * fut, hi80 = as.numeric(fc$upper[, 1]) * fut,
                                  lo95 = as.numeric(fc$lower[, 2]) * fut, hi95 = as.numeric(fc$upper[, 2]) * fut)
}
write_out(do.call(rbind, naive2_rows), "naive2.csv")
write_out(do.call(rbind, param_rows), "thetaf_params.csv")

# Classical decomposition and ACF ---------------------------------------------------------------------------
odd <- ts(100 + 10 * sin(2 * pi * (1:35) / 7) + (1:35) + cos(1:35), frequency = 7)
add_input("Odd7", odd)
dec_rows <- list()
for (id in c("AirPassengers", "N0646", "Odd7")) {
  y <- if (id == "Odd7") odd else theta_series[[id]]
  for (type in c("multiplicative", "additive")) {
    d <- decompose(y, type = type)
    dec_rows[[paste(id, type)]] <- data.frame(series_id = id, type = type, t = seq_along(y),
                                              trend = as.numeric(d$trend), seasonal = as.numeric(d$seasonal),
                                              random = as.numeric(d$random))
  }
}
write_out(do.call(rbind, dec_rows), "decompose.csv")
acf_rows <- list()
for (id in c("AirPassengers", "Nile")) {
  y <- theta_series[[id]]
  a <- as.numeric(acf(y, lag.max = 24, plot = FALSE)$acf)
  acf_rows[[id]] <- data.frame(series_id = id, lag = 0:24, acf = a)
}
write_out(do.call(rbind, acf_rows), "acf.csv")

# Croston -------------------------------------------------------------------------------------------------
set.seed(20261129)
intermittent <- list(
  Int1 = ts(rbinom(60, 1, 0.3) * rpois(60, 4)),
  Int2 = ts(rbinom(100, 1, 0.1) * (1 + rpois(100, 2))),
  Int3 = ts(c(0, 0, 5, 0, 0, 0, 2, 0, 7, 0, 0, 1, 0, 0, 0, 0, 3, 0, 0, 4)),
  OneSale = ts(c(0, 0, 0, 6, 0, 0, 0, 0)),
  NoSale = ts(rep(0, 12)))
cro_rows <- list()
for (id in names(intermittent)) {
  y <- intermittent[[id]]
  add_input(id, y)
  fc <- croston(y, h = 5, alpha = 0.1)
  cro_rows[[id]] <- data.frame(series_id = id, step = 1:5, mean = as.numeric(fc$mean))
}
write_out(do.call(rbind, cro_rows), "croston.csv")

# Outliers ------------------------------------------------------------------------------------------------
nile_out <- Nile; nile_out[c(20, 55, 80)] <- nile_out[c(20, 55, 80)] + c(1500, -700, 1200)
air_out <- log(AirPassengers); air_out[c(30, 100)] <- air_out[c(30, 100)] + c(0.5, -0.6)
outlier_series <- list(NileOutliers = nile_out, AirOutliers = air_out)
out_rows <- list()
for (id in names(outlier_series)) {
  y <- outlier_series[[id]]
  add_input(id, y)
  o <- tsoutliers(y)
  out_rows[[id]] <- data.frame(series_id = id, index = o$index, replacement = as.numeric(o$replacements))
}
write_out(do.call(rbind, out_rows), "tsoutliers.csv")

write_out(do.call(rbind, inputs), "series.csv")

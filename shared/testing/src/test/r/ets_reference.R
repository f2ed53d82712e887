#!/usr/bin/env Rscript
# ets_reference.R -- reference values for the ETS parity test (EtsRParityTest).
#
# Fits R forecast::ets (version 8.20, R 4.x) to a handful of series and writes what the Java port must reproduce:
#   series.csv     case,t,value              the input data (so the Java test needs nothing else)
#   cases.csv      case,m,h,model_arg,damped_arg,model,alpha,beta,gamma,phi,aicc,loglik,sigma2,aicc_gap
#   forecasts.csv  case,step,mean,lo80,hi80,lo95,hi95
# 'aicc_gap' is the AICc distance from the chosen model to the runner-up among all candidates ets() tries
# (NA for fixed specifications): a large gap means R's optimum is clear and the Java selection must agree.
#
# Usage (from the repository root):
#   Rscript shared/testing/src/test/r/ets_reference.R ../shared/data/m3 shared/testing/src/test/resources/reference/ets
suppressPackageStartupMessages(library(forecast))
stopifnot(as.character(packageVersion("forecast")) == "8.20")

args <- commandArgs(trailingOnly = TRUE)
m3dir <- if (length(args) >= 1) args[1] else "/work/shared/data/m3"
outdir <- if (length(args) >= 2) args[2] else "shared/testing/src/test/resources/reference/ets"

train <- read.csv(gzfile(file.path(m3dir, "train.csv.gz")))
meta <- read.csv(file.path(m3dir, "series_meta.csv"))
m3 <- function(id) {
  v <- train[train$series_id == id, ]
  v <- v[order(v$date), ]
  mt <- meta[meta$series_id == id, ]
  list(y = ts(v$value, frequency = mt$season), h = mt$horizon)
}

# name, series, horizon, model argument, damped argument (NA = NULL)
cases <- list(
  list("airpassengers", AirPassengers, 24, "ZZZ", NA),
  list("usaccdeaths", USAccDeaths, 24, "ZZZ", NA),
  list("wwwusage", WWWusage, 10, "ZZZ", NA),
  list("lakehuron", LakeHuron, 10, "ZZZ", NA),
  list("ukgas", UKgas, 8, "ZZZ", NA),
  list("usaccdeaths_ana", USAccDeaths, 24, "ANA", NA),
  list("airpassengers_mam", AirPassengers, 24, "MAM", FALSE),
  list("airpassengers_aada", AirPassengers, 24, "AAA", TRUE),
  list("wwwusage_madn", WWWusage, 10, "MAN", TRUE),
  list("lakehuron_ann", LakeHuron, 10, "ANN", NA)
)
for (id in c("N0001", "N0100", "N0400", "N0700", "N1000", "N1300", "N1500", "N2000", "N2500", "N2900")) {
  s <- m3(id)
  cases[[length(cases) + 1]] <- list(tolower(id), s$y, s$h, "ZZZ", NA)
}

# All candidates ets("ZZZ") would try on y, with their AICc (Inf when a fit fails).
candidate_aicc <- function(y) {
  m <- frequency(y)
  pos <- min(y) > 0
  out <- c()
  for (e in c("A", "M")) for (t in c("N", "A")) for (s in c("N", "A", "M")) for (d in c(TRUE, FALSE)) {
    if (t == "N" && d) next
    if (e == "A" && s == "M") next
    if (!pos && e == "M") next
    if (s != "N" && (m == 1 || length(y) <= m)) next
    name <- paste0(e, t, if (d) "d" else "", s)
    fit <- try(ets(y, model = paste0(e, t, s), damped = d), silent = TRUE)
    out[name] <- if (inherits(fit, "try-error")) Inf else fit$aicc
  }
  out
}

series_rows <- list(); case_rows <- list(); fc_rows <- list()
for (cs in cases) {
  name <- cs[[1]]; y <- cs[[2]]; h <- cs[[3]]; model <- cs[[4]]; damped <- cs[[5]]
  fit <- if (is.na(damped)) ets(y, model = model) else ets(y, model = model, damped = damped)
  fc <- forecast(fit, h = h, level = c(80, 95))
  gap <- NA
  if (model == "ZZZ") {
    a <- sort(candidate_aicc(y))
    gap <- if (length(a) > 1) a[2] - a[1] else Inf
  }
  p <- fit$par
  get <- function(k) if (k %in% names(p)) unname(p[k]) else NA
  series_rows[[name]] <- data.frame(case = name, t = seq_along(y), value = as.numeric(y))
  case_rows[[name]] <- data.frame(case = name, m = frequency(y), h = h, model_arg = model,
    damped_arg = if (is.na(damped)) "" else tolower(as.character(damped)), model = fit$method,
    alpha = get("alpha"), beta = get("beta"), gamma = get("gamma"), phi = get("phi"),
    aicc = fit$aicc, loglik = fit$loglik, sigma2 = fit$sigma2, aicc_gap = gap)
  fc_rows[[name]] <- data.frame(case = name, step = 1:h, mean = as.numeric(fc$mean),
    lo80 = as.numeric(fc$lower[, 1]), hi80 = as.numeric(fc$upper[, 1]),
    lo95 = as.numeric(fc$lower[, 2]), hi95 = as.numeric(fc$upper[, 2]))
  cat(sprintf("%-20s %-12s aicc %.3f gap %s\n", name, fit$method, fit$aicc, format(gap)))
}
dir.create(outdir, recursive = TRUE, showWarnings = FALSE)
write.csv(do.call(rbind, series_rows), file.path(outdir, "series.csv"), row.names = FALSE)
write.csv(do.call(rbind, case_rows), file.path(outdir, "cases.csv"), row.names = FALSE)
write.csv(do.call(rbind, fc_rows), file.path(outdir, "forecasts.csv"), row.names = FALSE)

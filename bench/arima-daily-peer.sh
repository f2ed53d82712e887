#!/usr/bin/env bash
# auto.arima on long daily series (730 days, weekly cycle, AR(1) noise), R forecast against trendcast, same machine,
# same series: R times its own loop; trendcast is timed after two warm-up passes, one thread. Needs R with the
# forecast package and compiled core classes (./mvnw -pl shared/core compile).
#   bench/arima-daily-peer.sh [series]      # default 10
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/daily.R" <<R
suppressMessages(library(forecast))
set.seed(1)
ys <- lapply(1:$n, function(i) ts(round(pmax(0, 40 + 0.01 * (1:730) + 8 * sin(2 * pi * (1:730) / 7) +
  arima.sim(list(ar = 0.5), 730, sd = 4))), frequency = 7))
write.csv(do.call(rbind, lapply(1:$n, function(i) data.frame(id = i, t = 1:730, v = as.numeric(ys[[i]])))),
  "$work/daily.csv", row.names = FALSE)
t <- system.time(for (y in ys) fit <- auto.arima(y))
cat(sprintf("R auto.arima: %.0f ms per 730-day series\n", 1000 * t[["elapsed"]] / $n))
R
echo "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
Rscript "$work/daily.R"
java -cp "$root/shared/core/target/classes" "$root/bench/ArimaDaily.java" "$work/daily.csv"

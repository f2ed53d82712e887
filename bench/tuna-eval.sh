#!/usr/bin/env bash
# A real retail dataset that is not in the repository: Dominick's canned tuna (7 products, chain level, 338 weeks,
# shelf price and in-store display). The last 52 weeks are forecast from 4 origins, 13 weeks each (the product's
# weekly horizon), refitting at every origin, with price and display known in advance (the retailer plans both).
# Scores global, auto (local + global), every local method, auto without the global model, and R's ets and
# snaive (which see the sales only): score.py's per-series means (MASE, sMAPE) and pooled WAPE.
#
#   bench/tuna-eval.sh            (about 2 minutes; needs python3 and R with the forecast package)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data/dominicks_tuna/weekly_chain.csv"
peer="$root/../shared/tools/peer"
out="$root/bench-out/tuna"
rm -rf "$out"; mkdir -p "$out"
tc() { "$root/trendcast" "$@"; }
python3 "$root/bench/tuna_data.py" "$data" "$out"
ours=(); local=(); r=()
for k in 0 1 2 3; do
  F="$out/$k"
  tc forecast --input "$F/train.csv" --future "$F/future.csv" --meta "$F/meta.csv" --methods global,auto \
    --out "$F/ours.csv" --threads 2 2> "$F/ours.log"
  tc forecast --input "$F/train.csv" --meta "$F/meta.csv" --methods snaive,ets,arima,theta,auto --local-only \
    --out "$F/local.csv" --threads 2 2> "$F/local.log"
  Rscript "$peer/peer_forecast.R" --input "$F/train.csv" --meta "$F/meta.csv" --methods ets,snaive \
    --out "$F/r.csv" --timings "$F/r_t.csv" --quiet
  ours+=("$F/ours.csv"); local+=("$F/local.csv"); r+=("$F/r.csv")
done
python3 "$root/bench/tuna_merge.py" "$out/ours.csv" "${ours[@]}"
python3 "$root/bench/tuna_merge.py" "$out/local.csv" "${local[@]}"
python3 "$root/bench/tuna_merge.py" "$out/r.csv" "${r[@]}"
A="$out/all"
echo; echo "### Dominick's tuna, 7 products x 4 origins x 13 weeks (score.py: means over the 28 series-origins)"
python3 "$peer/score.py" --train "$A/train.csv" --test "$A/test.csv" --meta "$A/meta.csv" \
  --forecasts ours="$out/ours.csv" local="$out/local.csv" R="$out/r.csv" 2>&1 | grep -v WARNING
echo; echo "### Dominick's tuna, pooled"
python3 "$root/bench/global_score.py" "$A/test.csv" - ours="$out/ours.csv" local="$out/local.csv" R="$out/r.csv"

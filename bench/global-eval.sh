#!/usr/bin/env bash
# The global model's acceptance figures, measured in one run (issue 5):
#   1. Walmart (weekly store x department, 2,660 full-length series, last 39 weeks held out): pooled WAPE and
#      Kaggle's weighted MAE (weight 5 on holiday weeks) of global and auto against the local methods and R's ets;
#   2. Breadbasket (daily, intermittent, 94 products, last 28 days held out): MASE and WAPE of auto against
#      seasonal naive and R's ets (score.py's per-series means, and pooled WAPE);
#   3. speed: the global model trained on all 3,331 Walmart series (every week) and forecasting the 39 weeks after
#      them, on 2 threads; then the saved artifact reloaded in a second run must reproduce the forecasts exactly;
#   4. the driver report of the Dominick's tuna data (price elasticity and promotion lift).
#   Accuracy on Dominick's tuna (a real retail set with price and display, not in the repository) is the sibling
#   bench/tuna-eval.sh (also run by `bench/global-eval.sh tuna`).
#
#   bench/global-eval.sh [accuracy|speed|analyze|tuna|all]     (default all; accuracy takes about 10 minutes)
#
# Needs python3, and R with the forecast package for the R peer. Writes under bench-out/global/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data"
peer="$root/../shared/tools/peer"
out="$root/bench-out/global"
what="${1:-all}"
mkdir -p "$out"
tc() { "$root/trendcast" "$@"; }
tc --version >/dev/null

if [ "$what" = all ] || [ "$what" = accuracy ]; then
  W="$out/walmart"; B="$out/bread"
  python3 "$root/bench/global_data.py" walmart "$data/walmart" "$W" full
  python3 "$root/bench/global_data.py" breadbasket "$data/breadbasket" "$B"
  echo "== Walmart: local methods (auto without the global model)" >&2
  tc forecast --input "$W/train.csv" --meta "$W/meta.csv" --methods snaive,ets,arima,theta,auto --local-only \
    --out "$W/local.csv" --threads 2 2>&1 | grep -v -E 'WARNING|EtsForecaster' >&2
  echo "== Walmart: global and auto (local + global) with covariates and the future file" >&2
  tc forecast --input "$W/train.csv" --future "$W/future.csv" --meta "$W/meta.csv" --methods global,auto \
    --out "$W/global.csv" --threads 2 2>&1 | grep -v -E 'WARNING|EtsForecaster' >&2
  echo "== Walmart: R forecast ets, snaive" >&2
  Rscript "$peer/peer_forecast.R" --input "$W/train.csv" --meta "$W/meta.csv" --methods ets,snaive \
    --out "$W/r.csv" --timings "$W/r_t.csv" --quiet
  echo; echo "### Walmart, 2,660 series, last 39 weeks (pooled WAPE, Kaggle WMAE)"
  python3 "$root/bench/global_score.py" "$W/test.csv" "$W/weights.csv" local="$W/local.csv" \
    ours="$W/global.csv" R="$W/r.csv"

  echo "== Breadbasket: snaive, auto, global" >&2
  tc forecast --input "$B/train.csv" --future "$B/future.csv" --meta "$B/meta.csv" --methods snaive,auto,global \
    --out "$B/ours.csv" --threads 2 2>&1 | grep -v -E 'WARNING|EtsForecaster' >&2
  Rscript "$peer/peer_forecast.R" --input "$B/train.csv" --meta "$B/meta.csv" --methods ets,snaive \
    --out "$B/r.csv" --timings "$B/r_t.csv" --quiet
  echo; echo "### Breadbasket, 94 products, last 28 days (score.py: means over series)"
  python3 "$peer/score.py" --train "$B/train.csv" --test "$B/test.csv" --meta "$B/meta.csv" \
    --forecasts ours="$B/ours.csv" R="$B/r.csv" 2>&1 | grep -v WARNING
  echo; echo "### Breadbasket, pooled"
  python3 "$root/bench/global_score.py" "$B/test.csv" - ours="$B/ours.csv" R="$B/r.csv"
fi

if [ "$what" = all ] || [ "$what" = speed ]; then
  F="$out/walmart-future"
  python3 "$root/bench/global_data.py" walmart "$data/walmart" "$F" future
  rm -f "$F/model.tcg"
  echo; echo "### Speed: global model, all 3,331 Walmart series, train on every week, forecast 39 weeks, 2 threads"
  s0=$(date +%s.%N)
  tc forecast --input "$F/train.csv" --future "$F/future.csv" --horizon 39 --season 52 --methods global \
    --global-artifact "$F/model.tcg" --out "$F/first.csv" --threads 2 2>&1 | grep -E 'global model|series ×'
  s1=$(date +%s.%N)
  python3 -c "print(f'wall time, JVM start to forecasts written: {$s1 - $s0:.1f} s')"
  tc forecast --input "$F/train.csv" --future "$F/future.csv" --horizon 39 --season 52 --methods global \
    --global-artifact "$F/model.tcg" --out "$F/second.csv" --threads 2 2>&1 | grep -E 'global model'
  python3 - "$F/first.csv" "$F/second.csv" "$F/model.tcg" <<'PY'
import os, sys
a, b = (sorted(open(p).read().splitlines()) for p in sys.argv[1:3])
print(f"artifact {os.path.getsize(sys.argv[3]) / 1e6:.1f} MB; reloaded forecasts identical: {a == b} ({len(a) - 1} rows)")
PY
fi

if [ "$what" = tuna ]; then
  exec "$root/bench/tuna-eval.sh"
fi

if [ "$what" = all ] || [ "$what" = analyze ]; then
  T="$out/tuna"; mkdir -p "$T"
  sed '1s/^series_id,week,/series_id,date,/' "$data/dominicks_tuna/weekly_chain.csv" > "$T/train.csv"
  echo; echo "### Driver report, Dominick's canned tuna (7 products, weekly, price and display)"
  tc analyze --input "$T/train.csv" --season 52 --promo display --top 2 --threads 2 2>/dev/null \
    | python3 -c "import json,sys; r=json.load(sys.stdin); print(json.dumps({k: r[k] for k in ('correlations','effects')}, indent=1)); print('PCA variance explained (first 5):', r['pca']['varianceExplained'][:5]); print('importance:', r['importance'])"
fi

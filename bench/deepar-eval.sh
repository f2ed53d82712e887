#!/usr/bin/env bash
# DeepAR's acceptance figures (issue 8), each against its peers measured in the same run:
#   1. Walmart (weekly store x department, 2,660 full-length series, last 39 weeks held out): pooled WAPE, Kaggle's
#      WMAE and 80/95% coverage of deepar, the Tribuo global model, auto with and without deepar, seasonal naive,
#      and R's ets and snaive;
#   2. Breadbasket (daily, intermittent, 94 products, last 28 days held out): MASE of deepar against seasonal naive,
#      auto and R's ets (score.py);
#   3. Dominick's canned tuna (7 products, 338 weeks, the last 52 held out; a real retail dataset outside the
#      repository): MASE, sMAPE and coverage of deepar against seasonal naive, ets and theta;
#   4. speed: deepar trained on all 3,331 Walmart series (every week) and forecasting the 39 weeks after them: time
#      per epoch, total time and peak memory (RSS of the JVM, /usr/bin/time); the saved artifact reloaded in a
#      second run reproduces the forecasts.
#
#   bench/deepar-eval.sh [walmart|bread|tuna|speed|all]       (default all; about 25 minutes on 2 cores)
#
# One PyTorch thread (STACK-NOTES: steadier than two on 2 shared cores). Needs python3 and R with the forecast
# package for the R peer. Writes under bench-out/deepar/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data"
peer="$root/../shared/tools/peer"
out="$root/bench-out/deepar"
what="${1:-all}"
mkdir -p "$out"
export OMP_NUM_THREADS=1
tc() { "$root/trendcast" "$@"; }
tc --version >/dev/null
quiet() { grep -v -E 'WARN|WARNING|EtsForecaster' >&2 || true; }

if [ "$what" = all ] || [ "$what" = walmart ]; then
  W="$out/walmart"
  python3 "$root/bench/global_data.py" walmart "$data/walmart" "$W" full
  rm -f "$W/deepar.tcd" "$W/deepar.tcd.json"
  echo "== Walmart: deepar, global, auto with both (the deepar artifact is saved for the run without it)" >&2
  tc forecast --input "$W/train.csv" --future "$W/future.csv" --meta "$W/meta.csv" --methods snaive,deepar,global,auto \
    --deepar --deepar-artifact "$W/deepar.tcd" --out "$W/with.csv" --threads 2 2>&1 | quiet
  echo "== Walmart: auto with the global model only (as before this issue)" >&2
  tc forecast --input "$W/train.csv" --future "$W/future.csv" --meta "$W/meta.csv" --methods auto \
    --out "$W/without.csv" --threads 2 2>&1 | quiet
  echo "== Walmart: R forecast ets, snaive" >&2
  Rscript "$peer/peer_forecast.R" --input "$W/train.csv" --meta "$W/meta.csv" --methods ets,snaive \
    --out "$W/r.csv" --timings "$W/r_t.csv" --quiet
  echo; echo "### Walmart, 2,660 series, last 39 weeks (pooled WAPE, Kaggle WMAE)"
  python3 "$root/bench/global_score.py" "$W/test.csv" "$W/weights.csv" with="$W/with.csv" without="$W/without.csv" \
    R="$W/r.csv"
  echo; echo "### Walmart, coverage of the 80/95% intervals (score.py, means over series)"
  python3 "$peer/score.py" --train "$W/train.csv" --test "$W/test.csv" --meta "$W/meta.csv" \
    --forecasts with="$W/with.csv" without="$W/without.csv" R="$W/r.csv" 2>&1 | grep -v WARNING
  echo; echo "### Walmart, auto's intervals per level and its choices"
  python3 "$root/bench/interval_summary.py" "$W/train.csv" "$W/test.csv" 52 auto with="$W/with.csv" \
    without="$W/without.csv"
  echo; echo "### Walmart, auto with against without deepar: distance of coverage from nominal (bootstrap over series)"
  python3 "$root/bench/coverage_bootstrap.py" "$W/test.csv" auto with="$W/with.csv" without="$W/without.csv"
  python3 -c "import json; t=json.load(open('$W/deepar.tcd.json'))['training']; print('deepar training:', t['epochs'], 'epochs, early stopping chose', t['validationEpoch'], 'of', len(t['validationLoss']), ',', t['secondsPerEpoch'], 's per epoch,', t['seconds'], 's in all')"
fi

if [ "$what" = all ] || [ "$what" = bread ]; then
  B="$out/bread"
  python3 "$root/bench/global_data.py" breadbasket "$data/breadbasket" "$B"
  echo "== Breadbasket: snaive, deepar, auto with deepar" >&2
  tc forecast --input "$B/train.csv" --future "$B/future.csv" --meta "$B/meta.csv" --methods snaive,deepar,auto \
    --deepar --local-only --out "$B/ours.csv" --threads 2 2>&1 | quiet
  tc forecast --input "$B/train.csv" --future "$B/future.csv" --meta "$B/meta.csv" --methods auto \
    --local-only --out "$B/auto.csv" --threads 2 2>&1 | quiet
  Rscript "$peer/peer_forecast.R" --input "$B/train.csv" --meta "$B/meta.csv" --methods ets,snaive \
    --out "$B/r.csv" --timings "$B/r_t.csv" --quiet
  echo; echo "### Breadbasket, 94 products, last 28 days (score.py: means over series; auto = local only)"
  python3 "$peer/score.py" --train "$B/train.csv" --test "$B/test.csv" --meta "$B/meta.csv" \
    --forecasts ours="$B/ours.csv" local="$B/auto.csv" R="$B/r.csv" 2>&1 | grep -v WARNING
fi

if [ "$what" = all ] || [ "$what" = tuna ]; then
  T="$out/tuna"; mkdir -p "$T"
  python3 - "$data/dominicks_tuna/weekly_chain.csv" "$T" <<'PY'
import csv, sys
src, out = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(src)))
# weeks numbered in the order recorded, 1..338 (Dominick's numbers skip 60 unrecorded weeks; see tuna_data.py)
order = {w: i + 1 for i, w in enumerate(sorted({int(r["week"]) for r in rows}))}
for r in rows:
    r["week"] = order[int(r["week"])]
last = max(order.values())
with open(f"{out}/train.csv", "w") as tr, open(f"{out}/test.csv", "w") as te, open(f"{out}/meta.csv", "w") as me:
    tr.write("series_id,date,value\n"); te.write("series_id,date,value\n"); me.write("series_id,season,horizon\n")
    for r in rows:
        (te if int(r["week"]) > last - 52 else tr).write(f"{r['series_id']},{r['week']},{r['value']}\n")
    for s in sorted({r["series_id"] for r in rows}):
        me.write(f"{s},52,52\n")
PY
  echo "== Dominick's tuna: snaive, ets, theta, deepar" >&2
  tc forecast --input "$T/train.csv" --meta "$T/meta.csv" --methods snaive,ets,theta,deepar --out "$T/ours.csv" \
    --threads 2 2>&1 | quiet
  echo; echo "### Dominick's canned tuna, 7 products, last 52 weeks (sales only; score.py means over series)"
  python3 "$peer/score.py" --train "$T/train.csv" --test "$T/test.csv" --meta "$T/meta.csv" \
    --forecasts ours="$T/ours.csv" 2>&1 | grep -v WARNING
fi

if [ "$what" = all ] || [ "$what" = speed ]; then
  F="$out/walmart-future"
  python3 "$root/bench/global_data.py" walmart "$data/walmart" "$F" future
  rm -f "$F/deepar.tcd" "$F/deepar.tcd.json"
  echo; echo "### Speed: deepar on all 3,331 Walmart series (train on every week, forecast 39 weeks), 1 PyTorch thread"
  jar="$root/infra/local/target/trendcast.jar"
  /usr/bin/time -f 'peak RSS %M KB, wall %e s' java ${TRENDCAST_JAVA_OPTS:--XX:+UseParallelGC} -jar "$jar" forecast \
    --input "$F/train.csv" --future "$F/future.csv" --horizon 39 --season 52 --methods deepar \
    --deepar-artifact "$F/deepar.tcd" --out "$F/first.csv" --threads 2 2>&1 | grep -E 'deepar on|peak RSS'
  tc forecast --input "$F/train.csv" --future "$F/future.csv" --horizon 39 --season 52 --methods deepar \
    --deepar-artifact "$F/deepar.tcd" --out "$F/second.csv" --threads 2 2>&1 | grep -E 'deepar loaded'
  python3 - "$F/first.csv" "$F/second.csv" "$F/deepar.tcd" <<'PY'
import os, sys
a, b = (sorted(open(p).read().splitlines()) for p in sys.argv[1:3])
print(f"artifact {os.path.getsize(sys.argv[3]) / 1e6:.2f} MB; reloaded forecasts identical: {a == b} ({len(a) - 1} rows)")
PY
fi

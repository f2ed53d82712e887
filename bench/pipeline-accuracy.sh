#!/usr/bin/env bash
# What a storefront gets, scored: Walmart's weekly store x department sales with the last 13 weeks (the product's
# weekly horizon) held out go through the serverless path on the local stack with DeepAR on (`trendcast up
# --deepar`: ingest, each shard's local models, the Tribuo step, deeptrain, the selections over the three sources),
# and the forecasts the API then serves are scored against the held-out weeks, next to the command line's methods on
# the same training data (`trendcast forecast`: seasonal naive, `auto` with the Tribuo global model, DeepAR, `auto`
# with both) and R's snaive and ets. No covariates on either side (a seller's upload of sales only). Scored: pooled
# WAPE and MAE over the 2,660 series observed in every week (all 3,331 are uploaded and trained).
#   bench/pipeline-accuracy.sh        (about 15 minutes on 2 cores; needs python3, R with the forecast package)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peer="$root/../shared/tools/peer"
out="$root/bench-out/pipeline-accuracy"
rm -rf "$out"; mkdir -p "$out"
work=$(mktemp -d /tmp/trendcast-accuracy.XXXXXX)
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
api_port=$(free); s3_port=$(free)

python3 - "$root/../shared/data/walmart/sales.csv.gz" "$out" <<'PY'
import csv, gzip, sys, collections
src, out = sys.argv[1], sys.argv[2]
rows = [(r["date"], r["dept"], r["store"], r["value"]) for r in csv.DictReader(gzip.open(src, "rt"))]
dates = sorted({d for d, *_ in rows})
cut = dates[-13]
weeks = collections.Counter(f"D{dept}/S{store}" for _, dept, store, _ in rows)
full = {s for s, n in weeks.items() if n == len(dates)}
with open(f"{out}/upload.csv", "w") as up, open(f"{out}/train.csv", "w") as tr, open(f"{out}/test.csv", "w") as te, \
        open(f"{out}/meta.csv", "w") as me:
    up.write("date,item_id,store_id,quantity\n"); tr.write("series_id,date,value\n"); te.write("series_id,date,value\n")
    me.write("series_id,season,horizon\n")
    for d, dept, store, v in sorted(rows, key=lambda r: (int(r[2]), int(r[1]), r[0])):
        sid = f"D{dept}/S{store}"
        if d < cut:
            up.write(f"{d},D{dept},S{store},{v}\n"); tr.write(f"{sid},{d},{v}\n")
        elif sid in full:
            te.write(f"{sid},{d},{v}\n")
    for sid in sorted(weeks):
        me.write(f"{sid},52,13\n")
print(f"walmart: {len(weeks)} series uploaded up to {dates[-14]}, {len(full)} scored on the 13 weeks from {cut}",
      file=sys.stderr)
PY

cd "$root"
echo "== the serverless path: trendcast up --deepar" >&2
./trendcast up --deepar --data-dir "$work/data" --api-port "$api_port" --s3-port "$s3_port" > "$work/up.log" 2>&1 &
up_pid=$!
trap 'kill $up_pid 2>/dev/null || true; wait $up_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1200); do grep -q '^READY' "$work/up.log" && break; sleep 0.5; done
grep '^READY' "$work/up.log" > /dev/null || { echo "the stack did not start:"; tail -20 "$work/up.log"; exit 1; }
key=$(./trendcast keys create --seller s1 --data-dir "$work/data")
begin=$(date +%s)
./trendcast upload "$out/upload.csv" --seller s1 --data-dir "$work/data" > /dev/null
deadline=$((begin + 3600))
until find "$work/data" -path '*features/s1/*/global/deepar.done.json' 2> /dev/null | grep -q .; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "deeptrain did not finish within an hour"; exit 1; }
  sleep 2
done
python3 - "$work/data" <<'PY'
import glob, json, sys, time
# the done object's notification has train select every shard again: wait until every record names three sources
# and a decision over the whole run
for _ in range(300):
    recs = [json.load(open(f)) for f in glob.glob(f"{sys.argv[1]}/**/models/s1/*/selection/part-*.json",
                                                   recursive=True)]
    if recs and all(r["completeness"] == 3 and r.get("runWide") for r in recs):
        break
    time.sleep(1)
print(f"{len(recs)} shards selected over {sorted({r['completeness'] for r in recs})} sources, "
      f"{sum(1 for r in recs if r.get('runWide'))} run-wide", file=sys.stderr)
PY
printf 'serverless path: every shard selected over three sources %d s after the upload\n' $(( $(date +%s) - begin )) >&2
python3 - "http://127.0.0.1:$api_port" "$key" "$out/test.csv" "$out/served.csv" <<'PY'
import csv, json, sys, urllib.request, collections
api, key, test, dest = sys.argv[1:5]
ids = sorted({r["series_id"] for r in csv.DictReader(open(test))})
models = collections.Counter()
with open(dest, "w") as f:
    f.write("series_id,method,step,mean,lo80,hi80,lo95,hi95,model\n")
    for sid in ids:
        item, store = sid.split("/")
        req = urllib.request.Request(f"{api}/v1/sellers/s1/items/{item}/forecast?store={store}",
                                     headers={"Authorization": f"Bearer {key}"})
        body = json.load(urllib.request.urlopen(req, timeout=60))
        m = body["model"]
        family = "deepar" if "deepar" in m else "tribuo" if "global" in m else None
        source = "local" if family is None else f"mean with {family}" if m.startswith("mean(") else family
        models[source] += 1
        for k, p in enumerate(sorted(body["points"], key=lambda p: p["date"]), start=1):
            f.write(f"{sid},served,{k},{p['mean']},{p['lo80']},{p['hi80']},{p['lo95']},{p['hi95']},"
                    f"\"{body['model']}\"\n")
print("served models:", dict(models.most_common(8)), file=sys.stderr)
PY
echo "== what the run cost, as the ledger booked it" >&2
./trendcast costs --data-dir "$work/data" --group-by function >&2
kill $up_pid 2>/dev/null; wait $up_pid 2>/dev/null || true

echo "== the command line on the same training data" >&2
./trendcast forecast --input "$out/train.csv" --meta "$out/meta.csv" --methods snaive,global,deepar,auto --deepar \
  --out "$out/cli-deepar.csv" --threads 2 2>&1 | grep -v -E 'WARN|EtsForecaster' >&2 || true
./trendcast forecast --input "$out/train.csv" --meta "$out/meta.csv" --methods auto \
  --out "$out/cli.csv" --threads 2 2>&1 | grep -v -E 'WARN|EtsForecaster' >&2 || true
echo "== R forecast snaive, ets" >&2
Rscript "$peer/peer_forecast.R" --input "$out/train.csv" --meta "$out/meta.csv" --methods snaive,ets \
  --out "$out/r.csv" --timings "$out/r_t.csv" --quiet

echo; echo "### Walmart, 2,660 full series, last 13 weeks: the API's forecasts against the command line's and R's"
python3 "$root/bench/global_score.py" "$out/test.csv" - pipeline="$out/served.csv" cli="$out/cli-deepar.csv" \
  cli-global="$out/cli.csv" R="$out/r.csv"
echo; echo "### coverage of the 80/95% intervals (score.py, means over series)"
python3 "$peer/score.py" --train "$out/train.csv" --test "$out/test.csv" --meta "$out/meta.csv" \
  --forecasts pipeline="$out/served.csv" cli="$out/cli-deepar.csv" R="$out/r.csv" 2>&1 | grep -v WARNING

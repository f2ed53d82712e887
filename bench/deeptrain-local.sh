#!/usr/bin/env bash
# The deeptrain function itself on a real dataset: Walmart's 3,331 weekly store x department series (every week, as
# a seller's upload: date, item_id = department, store_id = store, quantity = weekly sales) go through the local stack
# with DeepAR on (`trendcast up --deepar`): ingest, the shards' local training, the Tribuo step, then deeptrain (its
# jar and target/lib, what its image holds, in a JVM sized as Lambda sizes a 4,096 MB function) and the selection of
# every shard again. Prints the deeptrain invocation as the cost ledger booked it (duration, GB-seconds, dollars,
# also per 1,000 series), the peak resident memory of its JVM (VmHWM), and how many series each source serves.
#   bench/deeptrain-local.sh            (about 15 minutes on 2 cores; needs python3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/trendcast-deeptrain.XXXXXX)
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
api_port=$(free); s3_port=$(free)

python3 - "$root/../shared/data/walmart/sales.csv.gz" > "$work/walmart.csv" <<'PY'
import csv, gzip, sys
print("date,item_id,store_id,quantity")
for r in csv.DictReader(gzip.open(sys.argv[1], "rt")):
    print(f"{r['date']},D{r['dept']},S{r['store']},{r['value']}")
PY
echo "upload: $(($(wc -l < "$work/walmart.csv") - 1)) rows of Walmart weekly sales, $(du -h "$work/walmart.csv" | cut -f1)"

cd "$root"
./trendcast up --deepar --data-dir "$work/data" --api-port "$api_port" --s3-port "$s3_port" > "$work/up.log" 2>&1 &
up_pid=$!
trap 'kill $up_pid 2>/dev/null || true; wait $up_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1200); do grep -q '^READY' "$work/up.log" && break; sleep 0.5; done
grep '^READY' "$work/up.log" || { echo "the stack did not start:"; tail -20 "$work/up.log"; exit 1; }

begin=$(date +%s)
./trendcast upload "$work/walmart.csv" --seller s1 --data-dir "$work/data" > /dev/null
peak=0
done_file=""
deadline=$((begin + 3600))
while [ -z "$done_file" ] && [ "$(date +%s)" -lt "$deadline" ]; do
  pid=$(pgrep -f 'DeepTrainHandler::handleRequest' | head -1 || true)
  if [ -n "$pid" ]; then
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)
    [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
  fi
  done_file=$(find "$work/data" -path '*features/s1/*/global/deepar.done.json' 2> /dev/null | head -1)
  [ -n "$done_file" ] || sleep 2
done
[ -n "$done_file" ] || { echo "deeptrain did not finish within an hour"; tail -20 "$work/data/logs/deeptrain.log"; exit 1; }
printf 'deepar.done.json %d s after the upload\n' $(( $(date +%s) - begin ))
sleep 20   # the done object's notification has train select every shard again, over the whole run
echo
./trendcast costs --data-dir "$work/data" --group-by function
./trendcast costs --data-dir "$work/data" --group-by function --csv > "$work/costs.csv"
python3 - "$work/costs.csv" "$peak" "$work/data" <<'PY'
import csv, glob, json, sys, collections
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
by = {r[next(iter(r))]: r for r in rows}
prov = json.load(open(glob.glob(f"{sys.argv[3]}/**/models/s1/*/global/deepar/provenance.json", recursive=True)[0]))
series, t = prov["data"]["series"], prov["training"]
print()
d = by.get("deeptrain")
if d:
    gbs, usd = float(d["gbSeconds"]), float(d["totalUsd"])
    secs = gbs / 4.0
    print(f"deeptrain: {series} series ({prov['data']['frequency']}, horizon {prov['data']['horizon']}), "
          f"{t['epochs']} epochs at {t['secondsPerEpoch']} s, {t['seconds']} s of fitting; invocation {secs:.1f} s "
          f"at 4,096 MB = {gbs:.1f} GB-s, ${usd:.5f}; per 1,000 series: {1000 * secs / series:.1f} s, "
          f"${1000 * usd / series:.5f}")
print(f"deeptrain JVM peak resident memory (VmHWM): {int(sys.argv[2]) / 1024:.0f} MB of the function's 4,096 MB")
served = collections.Counter()
complete = collections.Counter()
winners = collections.Counter()
errors = collections.defaultdict(float)
run_wide = 0
for f in glob.glob(f"{sys.argv[3]}/**/models/s1/*/selection/part-*.json", recursive=True):
    rec = json.load(open(f))
    complete[rec["completeness"]] += 1
    winners[rec["winner"] or "local"] += 1
    run_wide += 1 if rec.get("runWide") else 0
    for source, e in rec["groupErrors"].items():
        # a run-wide record holds the run's sums, the same in every shard's record
        errors[source] = float(e) if rec.get("runWide") else errors[source] + float(e)
    for c in rec["series"]:
        served[c["source"]] += 1
print("selection records by number of sources:", dict(complete), f"; run-wide: {run_wide}; shards won:",
      dict(winners))
print("series served by source:", dict(served))
print("each source's scaled backtest error summed over the run (local: against the winner's series, or the closest "
      "source's):", {k: round(v, 1) for k, v in errors.items()})
PY
echo "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

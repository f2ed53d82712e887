#!/usr/bin/env bash
# Accuracy and speed of trendcast against the R `forecast` peer, measured in one run on the same series.
#
#   bench/peer-compare.sh DATASET_DIR [EVERY_KTH] [R_METHODS] [OUR_METHODS]
#
# DATASET_DIR holds train.csv[.gz], test.csv and series_meta.csv (../shared/data/m3 or tourism). EVERY_KTH=1 uses
# all series; 10 uses every tenth (R's auto.arima takes about 2 s a series). Needs R with the forecast package:
#   apt-get install -y --no-install-recommends r-base-core r-cran-forecast
# Writes everything under bench-out/ and prints the scorer's table and the per-series speed-ups.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$(cd "$1" && pwd)"
k="${2:-1}"
r_methods="${3:-naive2,ets,arima,theta}"
our_methods="${4:-naive2,ets,arima,theta,auto}"
peer="$root/../shared/tools/peer"
out="$root/bench-out/$(basename "$data")-k$k"
mkdir -p "$out"

train="$data/train.csv.gz"; [ -f "$train" ] || train="$data/train.csv"
python3 - "$train" "$data/series_meta.csv" "$k" "$out" <<'PY'
import csv, gzip, sys
train, meta, k, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rows = list(csv.DictReader(open(meta)))
keep = {r["series_id"] for i, r in enumerate(rows) if i % k == 0}
with open(f"{out}/meta.csv", "w", newline="") as fh:
    w = csv.DictWriter(fh, fieldnames=rows[0].keys()); w.writeheader()
    w.writerows(r for r in rows if r["series_id"] in keep)
op = gzip.open if train.endswith(".gz") else open
with op(train, "rt", newline="") as src, open(f"{out}/train.csv", "w", newline="") as dst:
    r = csv.reader(src); w = csv.writer(dst); w.writerow(next(r))
    w.writerows(row for row in r if row[0] in keep)
print(f"{len(keep)} series", file=sys.stderr)
PY
python3 - "$data/test.csv" "$out" <<'PY'
import csv, sys
test, out = sys.argv[1], sys.argv[2]
keep = {r["series_id"] for r in csv.DictReader(open(f"{out}/meta.csv"))}
with open(test, newline="") as src, open(f"{out}/test.csv", "w", newline="") as dst:
    r = csv.reader(src); w = csv.writer(dst); w.writerow(next(r))
    w.writerows(row for row in r if row[0] in keep)
PY

echo "== trendcast ($our_methods), 1 thread" >&2
"$root/trendcast" forecast --input "$out/train.csv" --meta "$out/meta.csv" --methods "$our_methods" \
  --out "$out/ours.csv" --timings "$out/ours_t.csv" --threads 1
echo "== R forecast ($r_methods)" >&2
Rscript "$peer/peer_forecast.R" --input "$out/train.csv" --meta "$out/meta.csv" --methods "$r_methods" \
  --out "$out/r.csv" --timings "$out/r_t.csv" --quiet
python3 "$peer/score.py" --train "$out/train.csv" --test "$out/test.csv" --meta "$out/meta.csv" \
  --forecasts ours="$out/ours.csv" r="$out/r.csv" --timings ours="$out/ours_t.csv" r="$out/r_t.csv" \
  --out "$out/scores.csv" | tee "$out/scores.txt"
python3 - "$out/ours_t.csv" "$out/r_t.csv" <<'PY'
import csv, sys
from collections import defaultdict
def load(p):
    d = defaultdict(dict)
    for r in csv.DictReader(open(p)):
        d[r["method"]][r["series"]] = float(r["seconds"])
    return d
ours, r = load(sys.argv[1]), load(sys.argv[2])
print("\nmethod   series  ours_ms/series  R_ms/series  speed-up (R/ours)")
for m in sorted(set(ours) & set(r)):
    common = sorted(set(ours[m]) & set(r[m]))
    o = sum(ours[m][s] for s in common) / len(common) * 1000
    p = sum(r[m][s] for s in common) / len(common) * 1000
    print(f"{m:8s} {len(common):6d} {o:15.2f} {p:12.2f} {p / o:10.1f}x")
PY

"""Rolling-origin folds of the Dominick's canned-tuna data for bench/tuna-eval.sh.

  python3 tuna_data.py WEEKLY_CHAIN_CSV OUT_DIR [holdout=52] [horizon=13]

The last HOLDOUT weeks are forecast from HOLDOUT / HORIZON origins, HORIZON weeks each (the product's weekly
horizon), every origin refitting on all weeks before it. Per origin k: OUT/k/train.csv (series_id,date,value,price,
display), future.csv (price and display of the forecast weeks: shelf price and in-store display are planned by the
retailer, so they are known in advance), test.csv and meta.csv. OUT/all/ holds the folds side by side with series
renamed 'id@k' (train up to that origin, test, meta), for score.py; forecasts are renamed the same way by
tuna_merge.py. Customer counts are left out: store traffic is not known in advance. Weeks are numbered in the order
recorded (see below).
"""
import csv, os, sys

src, out = sys.argv[1], sys.argv[2]
holdout = int(sys.argv[3]) if len(sys.argv) > 3 else 52
horizon = int(sys.argv[4]) if len(sys.argv) > 4 else 13
rows = {}
for r in csv.DictReader(open(src)):
    rows.setdefault(r["series_id"], []).append((int(r["week"]), float(r["value"]), r["price"], r["display"]))
# Dominick's week numbers skip 60 unrecorded weeks (40 of them between weeks 331 and 372). The forecasts' step k is
# the k-th period after the training data and score.py pairs it with the k-th test row, so the weeks are numbered in
# the order recorded, 1 to 338, as the R package bayesm ships them; with the raw numbers a step would be scored
# against a week up to 40 weeks later and its price and display would be missing.
for sid, pts in rows.items():
    rows[sid] = [(i + 1,) + p[1:] for i, p in enumerate(sorted(pts))]
n = min(len(v) for v in rows.values())
folds = holdout // horizon
os.makedirs(f"{out}/all", exist_ok=True)
all_train = open(f"{out}/all/train.csv", "w")
all_test = open(f"{out}/all/test.csv", "w")
all_meta = open(f"{out}/all/meta.csv", "w")
for f in (all_train, all_test):
    f.write("series_id,date,value\n")
all_meta.write("series_id,season,horizon\n")
for k in range(folds):
    origin = n - holdout + k * horizon
    d = f"{out}/{k}"
    os.makedirs(d, exist_ok=True)
    with open(f"{d}/train.csv", "w") as tr, open(f"{d}/future.csv", "w") as fu, open(f"{d}/test.csv", "w") as te, \
            open(f"{d}/meta.csv", "w") as me:
        tr.write("series_id,date,value,price,display\n")
        fu.write("series_id,date,price,display\n")
        te.write("series_id,date,value\n")
        me.write("series_id,season,horizon\n")
        for sid, pts in sorted(rows.items(), key=lambda kv: int(kv[0])):
            pts = sorted(pts)
            me.write(f"{sid},52,{horizon}\n")
            all_meta.write(f"{sid}@{k},52,{horizon}\n")
            for week, value, price, display in pts[:origin]:
                tr.write(f"{sid},{week},{value:g},{price},{display}\n")
                all_train.write(f"{sid}@{k},{week},{value:g}\n")
            for week, value, price, display in pts[origin:origin + horizon]:
                fu.write(f"{sid},{week},{price},{display}\n")
                te.write(f"{sid},{week},{value:g}\n")
                all_test.write(f"{sid}@{k},{week},{value:g}\n")
print(f"{len(rows)} series x {n} weeks; {folds} origins of {horizon} weeks over the last {holdout}")

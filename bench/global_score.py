"""Pooled WAPE and Kaggle's weighted MAE (weight 5 on holiday weeks) of forecast files on a holdout.

  python3 global_score.py TEST WEIGHTS|- label=forecasts.csv [label=forecasts.csv ...]

Only series present in every forecast file are scored, so methods are compared on the same series. Methods whose
label is 'local' or 'R' are the baselines: the others are also shown relative to the best of them.
"""
import csv, sys
from collections import defaultdict

test_path, weights_path, files = sys.argv[1], sys.argv[2], sys.argv[3:]
actual = defaultdict(list)
for r in csv.DictReader(open(test_path)):
    actual[r["series_id"]].append((r["date"], float(r["value"])))
weight = {}
if weights_path != "-":
    for r in csv.DictReader(open(weights_path)):
        weight[(r["series_id"], r["date"])] = float(r["weight"])
fc = {}
for spec in files:
    label, path = spec.split("=", 1)
    for r in csv.DictReader(open(path)):
        key = f"{label}:{r['method']}" if label else r["method"]
        fc.setdefault(key, {}).setdefault(r["series_id"], {})[int(r["step"])] = float(r["mean"])
common = set(actual)
for m in fc.values():
    common &= set(m)
print(f"{len(common)} series in common")
results = {}
for name, per in sorted(fc.items()):
    ae = aa = wae = ww = 0.0
    for sid in common:
        pts = sorted(actual[sid])
        for k, (d, y) in enumerate(pts, start=1):
            f = per[sid].get(k)
            if f is None:
                continue
            w = weight.get((sid, d), 1.0)
            ae += abs(y - f)
            aa += abs(y)
            wae += w * abs(y - f)
            ww += w
    results[name] = (100 * ae / aa, wae / ww)
base = {k: v for k, v in results.items() if k.startswith(("local:", "R:"))}
best_wape = min((v[0] for v in base.values()), default=None)
best_wmae = min((v[1] for v in base.values()), default=None)
print(f"{'method':24s} {'WAPE%':>8s} {'WMAE':>12s}" + ("   vs best local/R (WAPE, WMAE)" if base else ""))
for name, (wape, wmae) in results.items():
    extra = ""
    if base and not name.startswith(("local:", "R:")):
        extra = f"   {100 * (wape / best_wape - 1):+6.1f}% {100 * (wmae / best_wmae - 1):+6.1f}%"
    print(f"{name:24s} {wape:8.2f} {wmae:12.2f}{extra}")

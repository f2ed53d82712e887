#!/usr/bin/env python3
"""Per-level interval figures of forecast files against a holdout, and what `auto` chose.

    interval_summary.py TRAIN TEST SEASON METHOD NAME=forecasts.csv [NAME=forecasts.csv ...]

For each file's rows of METHOD (e.g. auto) and each interval level: coverage (%), the interval score (Gneiting and
Raftery 2007; MSIS's numerator at one level) and the mean width, both divided by the series' in-sample seasonal-naive
MAE (score.py's MSIS scale) and averaged over series. Then, per kind of choice (the model column up to its first
parenthesis or colon: `mean(global,deepar)`, `global`, `local ...`), how many series took it and their coverage.
Only series present in every file are scored.
"""
import csv
import sys
from collections import defaultdict


def read_series(path):
    out = defaultdict(list)
    with open(path) as f:
        for r in csv.DictReader(f):
            out[r["series_id"]].append(float(r["value"]))
    return out


def read_forecasts(path, method):
    out = defaultdict(list)
    with open(path) as f:
        for r in csv.DictReader(f):
            if r["method"] == method:
                out[r["series_id"]].append(r)
    for rows in out.values():
        rows.sort(key=lambda r: int(r["step"]))
    return out


def kind(model):
    if model.startswith("local"):
        return "local"
    if model.startswith("mean("):
        return model[: model.index(")") + 1]
    for sep in ("(", ":", "["):
        if sep in model:
            model = model[: model.index(sep)]
    return model


def main():
    train, test, season, method = read_series(sys.argv[1]), read_series(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    files = [a.split("=", 1) for a in sys.argv[5:]]
    fcs = {name: read_forecasts(path, method) for name, path in files}
    ids = sorted(set(test).intersection(*[set(f) for f in fcs.values()]))
    scale = {}
    for s in ids:
        y = train[s]
        d = [abs(y[t] - y[t - season]) for t in range(season, len(y))]
        if d and sum(d) > 0:
            scale[s] = sum(d) / len(d)
    ids = [s for s in ids if s in scale]
    print(f"{len(ids)} series; method {method}; score and width in in-sample seasonal-naive MAEs, means over series")
    print(f"{'file':12s} {'level':>5s} {'cover %':>8s} {'int. score':>10s} {'width':>8s}")
    for name, fc in fcs.items():
        for level in (80, 95):
            alpha = 1 - level / 100
            inside = n = 0
            score = width = 0.0
            for s in ids:
                ss = ws = 0.0
                for r, y in zip(fc[s], test[s]):
                    lo, hi = float(r[f"lo{level}"]), float(r[f"hi{level}"])
                    inside += lo <= y <= hi
                    n += 1
                    ss += (hi - lo) + 2 / alpha * (lo - y) * (y < lo) + 2 / alpha * (y - hi) * (y > hi)
                    ws += hi - lo
                h = min(len(fc[s]), len(test[s]))
                score += ss / h / scale[s]
                width += ws / h / scale[s]
            print(f"{name:12s} {level:5d} {100 * inside / n:8.2f} {score / len(ids):10.3f} {width / len(ids):8.3f}")
    for name, fc in fcs.items():
        groups = defaultdict(lambda: [0, 0, 0, 0])
        for s in ids:
            g = groups[kind(fc[s][0]["model"])]
            g[0] += 1
            for r, y in zip(fc[s], test[s]):
                g[1] += 1
                g[2] += float(r["lo80"]) <= y <= float(r["hi80"])
                g[3] += float(r["lo95"]) <= y <= float(r["hi95"])
        print(f"{name}: choices")
        for k, (series, points, c80, c95) in sorted(groups.items(), key=lambda kv: -kv[1][0]):
            print(f"  {k:32s} {series:5d} series  cover {100 * c80 / points:5.1f} / {100 * c95 / points:5.1f} %")


if __name__ == "__main__":
    main()

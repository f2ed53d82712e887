#!/usr/bin/env python3
"""How sure a difference in interval coverage between two forecast files is: a paired bootstrap over series.

    coverage_bootstrap.py TEST METHOD A=forecasts.csv B=forecasts.csv [RESAMPLES]

For each level (80, 95) it prints both files' coverage (% of holdout points inside the interval, pooled over the
series both files forecast with METHOD), the distance of each from the nominal level, and the difference of those
distances (A's minus B's: negative means A is closer to nominal) with a 95% percentile interval from resampling
series with replacement (default 2,000 resamples, seed 1): a series' holdout errors are correlated, the series are
the independent units.
"""
import random
import sys

from interval_summary import read_forecasts, read_series


def inside_counts(fc, test, ids, level):
    """Per series: (points inside the interval, points scored)."""
    out = []
    for s in ids:
        pairs = list(zip(fc[s], test[s]))
        out.append((sum(float(r[f"lo{level}"]) <= y <= float(r[f"hi{level}"]) for r, y in pairs), len(pairs)))
    return out


def main():
    test, method = read_series(sys.argv[1]), sys.argv[2]
    (name_a, path_a), (name_b, path_b) = (a.split("=", 1) for a in sys.argv[3:5])
    resamples = int(sys.argv[5]) if len(sys.argv) > 5 else 2000
    fa, fb = read_forecasts(path_a, method), read_forecasts(path_b, method)
    ids = sorted(set(test) & set(fa) & set(fb))
    print(f"{len(ids)} series, method {method}; distance = |coverage - nominal| in points; "
          f"difference = {name_a}'s distance minus {name_b}'s (95% interval over {resamples} series resamples)")
    rng = random.Random(1)
    draws = [[rng.randrange(len(ids)) for _ in ids] for _ in range(resamples)]
    for level in (80, 95):
        ca, cb = inside_counts(fa, test, ids, level), inside_counts(fb, test, ids, level)

        def distances(sample):
            ia = sum(ca[i][0] for i in sample) / sum(ca[i][1] for i in sample) * 100
            ib = sum(cb[i][0] for i in sample) / sum(cb[i][1] for i in sample) * 100
            return ia, ib, abs(ia - level) - abs(ib - level)

        ia, ib, d = distances(range(len(ids)))
        boot = sorted(distances(s)[2] for s in draws)
        lo, hi = boot[int(0.025 * resamples)], boot[int(0.975 * resamples) - 1]
        print(f"{level}%: {name_a} {ia:.2f}, {name_b} {ib:.2f}; distance {abs(ia - level):.2f} vs "
              f"{abs(ib - level):.2f}; difference {d:+.2f} [{lo:+.2f}, {hi:+.2f}]")


if __name__ == "__main__":
    main()

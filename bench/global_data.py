"""Prepares the retail benchmark files of bench/global-eval.sh in the exchange format (FORMATS.md section 3).

  python3 global_data.py walmart WALMART_DIR OUT_DIR [full|all|future]
  python3 global_data.py breadbasket BREADBASKET_DIR OUT_DIR

Writes OUT_DIR/{train.csv,test.csv,meta.csv,future.csv,weights.csv}. Walmart: weekly store x department, the last 39
weeks held out; covariates known in advance only (holiday flag, markdowns = planned promotions, store type and size,
department); 'full' keeps the 2,660 series observed in every week, 'all' keeps every series with training weeks (3,3xx of
the 3,331; gaps are filled by the forecaster); 'future' writes every week of all 3,331 series as training data and
the 39 weeks after them as future covariates (the speed benchmark: train on everything, forecast 39 weeks). weights.csv holds Kaggle's weight per test point (5 on holiday weeks). Breadbasket: daily units of 94
products, the last 28 days held out, covariate store_open.
"""
import csv, gzip, os, sys
from collections import defaultdict


def walmart(src, out, which):
    stores = {r["store"]: r for r in csv.DictReader(open(f"{src}/stores.csv"))}
    feats = {(r["store"], r["date"]): r for r in csv.DictReader(open(f"{src}/features.csv"))}
    rows = defaultdict(list)
    with gzip.open(f"{src}/sales.csv.gz", "rt") as fh:
        for r in csv.DictReader(fh):
            rows[r["series_id"]].append(r)
    dates = sorted({r["date"] for rs in rows.values() for r in rs})
    test_dates = set(dates[-39:])
    cols = ["is_holiday", "markdown1", "markdown2", "markdown3", "markdown4", "markdown5", "store_size",
            "store_type", "dept"]
    holiday = {d: "0" for d in dates}
    for rs in rows.values():
        for r in rs:
            holiday[r["date"]] = r["is_holiday"]

    def cov(sid, store, dept, d):
        f = feats.get((store, d), {})
        st = stores[store]
        return [holiday[d]] + [f.get(f"markdown{i}", "") for i in range(1, 6)] + [
            st["size"], {"A": "1", "B": "2", "C": "3"}[st["type"]], dept]

    if which == "future":
        # Every week is training data; the future file holds the 39 weeks after the data (Kaggle's test period,
        # whose holiday flags and markdowns features.csv carries).
        future_dates = sorted(d for (st, d) in feats if st == "1" and d > dates[-1])[:39]
        for (st, d), f in feats.items():
            holiday.setdefault(d, f["is_holiday"])
        with open(f"{out}/train.csv", "w", newline="") as tr, open(f"{out}/future.csv", "w", newline="") as fu:
            trw, fuw = csv.writer(tr), csv.writer(fu)
            trw.writerow(["series_id", "date", "value"] + cols)
            fuw.writerow(["series_id", "date"] + cols)
            for sid, rs in rows.items():
                store, dept = rs[0]["store"], rs[0]["dept"]
                for r in rs:
                    trw.writerow([sid, r["date"], r["value"]] + cov(sid, store, dept, r["date"]))
                for d in future_dates:
                    fuw.writerow([sid, d] + cov(sid, store, dept, d))
        print(f"walmart: {len(rows)} series, future {future_dates[0]}..{future_dates[-1]}", file=sys.stderr)
        return
    keep = [s for s, rs in rows.items() if which == "all" or len(rs) == len(dates)]
    with open(f"{out}/train.csv", "w", newline="") as tr, open(f"{out}/test.csv", "w", newline="") as te, \
            open(f"{out}/future.csv", "w", newline="") as fu, open(f"{out}/weights.csv", "w", newline="") as wt, \
            open(f"{out}/meta.csv", "w", newline="") as me:
        trw, tew, fuw, wtw, mew = (csv.writer(x) for x in (tr, te, fu, wt, me))
        trw.writerow(["series_id", "date", "value"] + cols)
        tew.writerow(["series_id", "date", "value"])
        fuw.writerow(["series_id", "date"] + cols)
        wtw.writerow(["series_id", "date", "weight"])
        mew.writerow(["series_id", "season", "horizon"])
        for sid in keep:
            rs = rows[sid]
            store, dept = rs[0]["store"], rs[0]["dept"]
            seen = {r["date"]: r["value"] for r in rs}
            has_train = any(d not in test_dates for d in seen)
            has_test = any(d in test_dates for d in seen)
            if not has_train or (which == "full" and not has_test):
                continue
            mew.writerow([sid, 52, 39])
            for d in dates:
                if d in test_dates:
                    fuw.writerow([sid, d] + cov(sid, store, dept, d))
                    if d in seen:
                        tew.writerow([sid, d, seen[d]])
                        wtw.writerow([sid, d, 5 if holiday[d] == "1" else 1])
                elif d in seen:
                    trw.writerow([sid, d, seen[d]] + cov(sid, store, dept, d))
    print(f"walmart: {len(keep)} series, test {min(test_dates)}..{max(test_dates)}", file=sys.stderr)


def breadbasket(src, out):
    rows = defaultdict(list)
    for r in csv.DictReader(open(f"{src}/daily_item.csv")):
        rows[r["series_id"]].append(r)
    dates = sorted({r["date"] for rs in rows.values() for r in rs})
    test_dates = set(dates[-28:])
    with open(f"{out}/train.csv", "w", newline="") as tr, open(f"{out}/test.csv", "w", newline="") as te, \
            open(f"{out}/future.csv", "w", newline="") as fu, open(f"{out}/meta.csv", "w", newline="") as me:
        trw, tew, fuw, mew = (csv.writer(x) for x in (tr, te, fu, me))
        trw.writerow(["series_id", "date", "value", "store_open"])
        tew.writerow(["series_id", "date", "value"])
        fuw.writerow(["series_id", "date", "store_open"])
        mew.writerow(["series_id", "season", "horizon"])
        for sid, rs in rows.items():
            mew.writerow([sid, 7, 28])
            for r in sorted(rs, key=lambda r: r["date"]):
                if r["date"] in test_dates:
                    tew.writerow([sid, r["date"], r["value"]])
                    fuw.writerow([sid, r["date"], r["store_open"]])
                else:
                    trw.writerow([sid, r["date"], r["value"], r["store_open"]])
    print(f"breadbasket: {len(rows)} series, test {min(test_dates)}..{max(test_dates)}", file=sys.stderr)


if __name__ == "__main__":
    kind, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    if kind == "walmart":
        walmart(src, out, sys.argv[4] if len(sys.argv) > 4 else "full")
    else:
        breadbasket(src, out)

"""Merges per-origin forecast files of bench/tuna-eval.sh, renaming series 'id' of origin k to 'id@k'.

  python3 tuna_merge.py OUT.csv FOLD0.csv FOLD1.csv ...
"""
import csv, sys

out = open(sys.argv[1], "w", newline="")
writer = None
for k, path in enumerate(sys.argv[2:]):
    for r in csv.DictReader(open(path)):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(r.keys()))
            writer.writeheader()
        r["series_id"] = f"{r['series_id']}@{k}"
        writer.writerow(r)

#!/usr/bin/env python3
"""Writes the ingest samples deterministically (seeded); run from this directory: python3 generate_sales.py

sales-clean.csv   20 items x 2 stores x 400 days (2023-10-01 .. 2024-11-03), daily: level per item, store factor,
                  trend, weekly seasonality (weekend peak), promotions lifting sales, prices with small changes.
sales-defects.csv semicolon-delimited (a European export): 2 items x 2 stores x 60 days, with the defects listed
                  in DEFECTS below inserted at known lines (the header is line 1).
"""
import datetime
import math
import random

WEEKLY = [0.85, 0.8, 0.9, 0.95, 1.1, 1.35, 1.25]  # Monday .. Sunday


def clean():
    rnd = random.Random(20241201)
    start = datetime.date(2023, 10, 1)
    rows = ["date,item_id,store_id,quantity,price,promo"]
    items = [(f"SKU-{i:03d}", rnd.uniform(3, 40), rnd.uniform(-0.002, 0.004), round(rnd.uniform(2, 60), 2))
             for i in range(1, 21)]
    for d in range(400):
        day = start + datetime.timedelta(days=d)
        for sku, level, trend, price in items:
            for store, factor in (("north", 1.0), ("south", 0.6)):
                promo = 1 if rnd.random() < 0.06 else 0
                p = round(price * (0.85 if promo else 1.0) * (1 + 0.05 * math.floor(d / 180)), 2)
                mean = level * factor * WEEKLY[day.weekday()] * (1 + trend * d) * (1.4 if promo else 1.0)
                qty = max(0, round(rnd.gauss(mean, math.sqrt(mean))))
                rows.append(f"{day},{sku},{store},{qty},{p},{promo}")
    return rows


DEFECTS = {
    # line: (row, what is wrong)
    12: ("2024-02-30;MUG-RED;s1;4;4.99;0", "no such date"),
    25: ("15/03/2024;MUG-RED;s2;2;4.99;0", "not an ISO date"),
    40: ("2024-01-20;MUG-BLUE;s1;abc;5.49;0", "quantity not a number"),
    57: ("2024-01-25;;s1;3;5.49;0", "empty item"),
    80: ("2024-02-02;MUG-RED;s1;3;4,99;0", "decimal comma: price not a number"),
    101: ("2024-02-05;MUG;BLUE;s2;1;5.49;0", "unquoted ';' in the item: one field too many"),
    133: ("2099-01-01;MUG-BLUE;s2;2;5.49;0", "date too far in the future"),
    170: ("2024-02-20;MUG-RED;s2;NaN;4.99;1", "quantity not finite"),
}
DUPLICATE_AFTER = 60  # line 61 repeats line 60 exactly (summed as a second transaction line, with a warning)


def defects():
    rnd = random.Random(7)
    start = datetime.date(2024, 1, 1)
    good = []
    for d in range(60):
        day = start + datetime.timedelta(days=d)
        for item, price in (("MUG-RED", "4.99"), ("MUG-BLUE", "5.49")):
            for store in ("s1", "s2"):
                promo = 1 if rnd.random() < 0.1 else 0
                good.append(f"{day};{item};{store};{max(0, round(rnd.gauss(6, 2)))};{price};{promo}")
    rows = ["date;item_id;store_id;quantity;price;promo"]
    it = iter(good)
    line = 2
    while True:
        if line in DEFECTS:
            rows.append(DEFECTS[line][0])
        elif line == DUPLICATE_AFTER + 1:
            rows.append(rows[-1])
        else:
            row = next(it, None)
            if row is None:
                break
            rows.append(row)
        line += 1
    return rows


def write(name, rows):
    with open(name, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    write("sales-clean.csv", clean())
    write("sales-defects.csv", defects())

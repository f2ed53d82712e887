package io.trendcast.core.upload;

import java.util.Arrays;

/**
 * An open-addressing hash table from (series id, day) to the running sums of one aggregated cell, held in
 * primitive columns: per slot a {@code long} key, five {@code double}s, an {@code int}, a {@code byte} and one
 * {@code double} per covariate, i.e. {@code 53 + 8·covariates} bytes. The table never holds more than its capacity's
 * three quarters; the caller spills it before.
 */
final class CellTable {

    private static final long EMPTY = -1L;

    private final int covariates;
    private int mask;
    private int size;
    long[] keys;
    double[] quantity;
    double[] priceWeighted;
    double[] priceWeight;
    double[] priceSum;
    int[] priceCount;
    byte[] promo;
    double[] onHand;
    double[] cov;

    CellTable(int covariates, int capacity) {
        this.covariates = covariates;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        mask = capacity - 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        quantity = new double[capacity];
        priceWeighted = new double[capacity];
        priceWeight = new double[capacity];
        priceSum = new double[capacity];
        priceCount = new int[capacity];
        promo = new byte[capacity];
        onHand = new double[capacity];
        cov = new double[capacity * covariates];
    }

    static long key(int series, int day) {
        return ((long) series << 32) | (day & 0xffffffffL);
    }

    static int series(long key) {
        return (int) (key >>> 32);
    }

    static int day(long key) {
        return (int) key;
    }

    int size() {
        return size;
    }

    int capacity() {
        return keys.length;
    }

    /** Bytes one slot takes. */
    static long bytesPerSlot(int covariates) {
        return 53L + 8L * covariates;
    }

    /** Adds one transaction line. */
    void add(int series, int day, double qty, double price, double promoFlag, double stock, double[] values) {
        if (size + 1 > capacity() / 4 * 3) {
            grow();
        }
        long key = key(series, day);
        int slot = slot(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            promo[slot] = -1;
            onHand[slot] = Double.NaN;
            Arrays.fill(cov, slot * covariates, slot * covariates + covariates, Double.NaN);
            size++;
        }
        quantity[slot] += qty;
        if (!Double.isNaN(price)) {
            double w = Math.abs(qty);
            priceWeighted[slot] += price * w;
            priceWeight[slot] += w;
            priceSum[slot] += price;
            priceCount[slot]++;
        }
        if (!Double.isNaN(promoFlag)) {
            promo[slot] = (byte) Math.max(promo[slot], (int) promoFlag);
        }
        if (!Double.isNaN(stock)) {
            onHand[slot] = stock;
        }
        for (int c = 0; c < covariates; c++) {
            if (!Double.isNaN(values[c])) {
                cov[slot * covariates + c] = values[c];
            }
        }
    }

    /** The slot holding {@code key}, or the empty slot where it belongs. */
    int slot(long key) {
        long h = (key ^ (key >>> 33)) * 0xff51afd7ed558ccdL;
        int slot = (int) (h ^ (h >>> 33)) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The keys held, in slot order. */
    long[] heldKeys() {
        long[] held = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                held[n++] = k;
            }
        }
        return held;
    }

    /** Empties the table, keeping its capacity. */
    void clear() {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            Arrays.fill(quantity, 0);
            Arrays.fill(priceWeighted, 0);
            Arrays.fill(priceWeight, 0);
            Arrays.fill(priceSum, 0);
            Arrays.fill(priceCount, 0);
            size = 0;
        }
    }

    private void grow() {
        CellTable bigger = new CellTable(covariates, capacity() * 2);
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != EMPTY) {
                int t = bigger.slot(keys[s]);
                bigger.keys[t] = keys[s];
                bigger.quantity[t] = quantity[s];
                bigger.priceWeighted[t] = priceWeighted[s];
                bigger.priceWeight[t] = priceWeight[s];
                bigger.priceSum[t] = priceSum[s];
                bigger.priceCount[t] = priceCount[s];
                bigger.promo[t] = promo[s];
                bigger.onHand[t] = onHand[s];
                System.arraycopy(cov, s * covariates, bigger.cov, t * covariates, covariates);
            }
        }
        mask = bigger.mask;
        keys = bigger.keys;
        quantity = bigger.quantity;
        priceWeighted = bigger.priceWeighted;
        priceWeight = bigger.priceWeight;
        priceSum = bigger.priceSum;
        priceCount = bigger.priceCount;
        promo = bigger.promo;
        onHand = bigger.onHand;
        cov = bigger.cov;
    }
}

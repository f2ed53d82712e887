package io.trendcast.core.upload;

import io.trendcast.core.port.SeriesKey;

import java.util.Comparator;

/**
 * The order of series in histories, feature shards and sorted cell streams: by item, then by store with the
 * store-less series first, comparing strings by UTF-16 code units ({@link String#compareTo}).
 */
public final class SeriesOrder {

    /** The comparator. */
    public static final Comparator<SeriesKey> COMPARATOR = SeriesOrder::compare;

    private SeriesOrder() {
    }

    /** Compares two series keys in the order described in the class comment. */
    public static int compare(SeriesKey a, SeriesKey b) {
        if (a == b) {
            return 0;
        }
        int c = a.item().compareTo(b.item());
        if (c != 0) {
            return c;
        }
        if (a.store() == null) {
            return b.store() == null ? 0 : -1;
        }
        return b.store() == null ? 1 : a.store().compareTo(b.store());
    }
}

package io.trendcast.core.upload;

import java.util.ArrayList;
import java.util.List;

/** Counts of an upload being read: rows, accepted days, repeated lines. */
final class UploadTally {

    private static final int LISTED_REPEATS = 10;

    long rowsRead;
    long rowsAccepted;
    int firstDay = Integer.MAX_VALUE;
    int lastDay = Integer.MIN_VALUE;
    private long repeats;
    private final List<Long> repeatLines = new ArrayList<>();

    void accept(int day) {
        rowsAccepted++;
        firstDay = Math.min(firstDay, day);
        lastDay = Math.max(lastDay, day);
    }

    void repeated(long line) {
        repeats++;
        if (repeatLines.size() < LISTED_REPEATS) {
            repeatLines.add(line);
        }
    }

    List<String> warnings() {
        if (repeats == 0) {
            return List.of();
        }
        return List.of(repeats + " row(s) repeat the row before them exactly (lines " + repeatLines
                .toString().replaceAll("[\\[\\]]", "") + (repeats > LISTED_REPEATS ? ", …" : "")
                + "); they were summed as separate transaction lines");
    }
}

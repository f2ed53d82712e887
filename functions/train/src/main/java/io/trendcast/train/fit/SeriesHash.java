package io.trendcast.train.fit;

import io.trendcast.train.shard.ShardSeries;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/** The provenance hash of one series' input: SHA-256 over its {@code date,quantity} rows as read. */
final class SeriesHash {

    private SeriesHash() {
    }

    static String of(ShardSeries s) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        List<LocalDate> dates = s.dates();
        double[] q = s.quantities();
        for (int i = 0; i < q.length; i++) {
            digest.update((dates.get(i) + "," + q[i] + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

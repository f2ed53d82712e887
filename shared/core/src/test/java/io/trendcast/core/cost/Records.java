package io.trendcast.core.cost;

import java.time.Instant;

/** Ledger records for the tests. */
final class Records {

    private Records() {
    }

    static CostRecord of(String function, String seller, String startedAt, double durationMs, long s3Gets, long s3Puts,
                         double reads, double writes, long units, long seriesDays, Outcome outcome) {
        return CostRecord.priced(function, "req-" + startedAt + function, seller, Instant.parse(startedAt),
                durationMs, function.equals("train") ? 3008 : 1024,
                function.equals("train") ? Architecture.X86_64 : Architecture.ARM64, false, s3Gets, s3Puts, reads,
                writes, outcome, outcome == Outcome.ERROR ? "IllegalStateException: boom" : null, function, units,
                seriesDays, PriceTable.defaults());
    }
}

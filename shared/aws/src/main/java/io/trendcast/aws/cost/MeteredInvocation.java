package io.trendcast.aws.cost;

import java.time.Instant;

/**
 * The invocation a {@link CostMeter} is measuring. The handler (or the service under it) tells it how much work it
 * did; {@link CostMeter#finish} closes it.
 */
public final class MeteredInvocation {

    final String requestId;
    final long startNanos;
    final Instant startedAt;
    final boolean coldStart;
    final RequestTally tally;
    private final String seller;
    private final String operation;
    private long units;
    private long seriesDays;

    MeteredInvocation(String requestId, long startNanos, Instant startedAt, boolean coldStart,
                      RequestTally tally, String seller, String operation) {
        this.requestId = requestId;
        this.startNanos = startNanos;
        this.startedAt = startedAt;
        this.coldStart = coldStart;
        this.tally = tally;
        this.seller = seller;
        this.operation = operation;
    }

    /** Adds work done: forecasts served, or series ingested or trained with their days of history. */
    public synchronized void work(long units, long seriesDays) {
        if (units < 0 || seriesDays < 0) {
            throw new IllegalArgumentException("work cannot be negative");
        }
        this.units += units;
        this.seriesDays += seriesDays;
    }

    String seller() {
        return seller;
    }

    String operation() {
        return operation;
    }

    synchronized long units() {
        return units;
    }

    synchronized long seriesDays() {
        return seriesDays;
    }
}

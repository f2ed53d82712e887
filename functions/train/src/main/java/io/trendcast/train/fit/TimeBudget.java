package io.trendcast.train.fit;

import java.time.Duration;

/**
 * The time an invocation may still spend on fitting: Lambda's remaining time less a safety margin kept for
 * writing the results. Measured on the monotonic clock from the moment it is created.
 */
public final class TimeBudget {

    private final long deadlineNanos;

    private TimeBudget(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * A budget of {@code remainingMillis} (from {@code Context.getRemainingTimeInMillis()}) less {@code margin}.
     * A non-positive remaining time means the runtime did not say (some test harnesses); the budget is then
     * 15 minutes, Lambda's longest.
     */
    public static TimeBudget of(long remainingMillis, Duration margin) {
        long remaining = remainingMillis > 0 ? remainingMillis : Duration.ofMinutes(15).toMillis();
        return new TimeBudget(System.nanoTime() + Duration.ofMillis(remaining).minus(margin).toNanos());
    }

    /** Milliseconds left before the deadline; negative once it has passed. */
    public long remainingMillis() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
    }
}

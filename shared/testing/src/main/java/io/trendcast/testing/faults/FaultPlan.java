package io.trendcast.testing.faults;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which write fails next. Writes through the faulty stores are counted from the last {@link #failAt} or
 * {@link #reset}; the chosen one throws {@link InjectedFault} instead of reaching the store, once, and every write
 * after it goes through again (the retry). Thread-safe; disarmed until {@link #failAt} is called.
 */
public final class FaultPlan {

    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger failAt = new AtomicInteger(-1);
    private final AtomicInteger injected = new AtomicInteger();

    /** Makes the {@code n}-th write from now (1-based) throw. */
    public void failAt(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("writes are counted from 1, got " + n);
        }
        writes.set(0);
        failAt.set(n);
    }

    /** Disarms the plan and restarts the count. */
    public void reset() {
        failAt.set(-1);
        writes.set(0);
    }

    /** Writes counted since the last {@link #failAt} or {@link #reset}. */
    public int writes() {
        return writes.get();
    }

    /** How many faults were injected so far. */
    public int injected() {
        return injected.get();
    }

    /** Called by the faulty stores before each write. */
    void beforeWrite(String what) {
        int n = writes.incrementAndGet();
        if (failAt.compareAndSet(n, -1)) {
            injected.incrementAndGet();
            throw new InjectedFault("injected crash at write " + n + ": " + what);
        }
    }
}

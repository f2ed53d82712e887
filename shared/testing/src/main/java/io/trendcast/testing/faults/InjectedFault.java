package io.trendcast.testing.faults;

/** The failure a {@link FaultPlan} injects: thrown instead of performing the chosen write. */
public final class InjectedFault extends RuntimeException {

    InjectedFault(String message) {
        super(message);
    }
}

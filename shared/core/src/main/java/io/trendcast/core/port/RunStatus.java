package io.trendcast.core.port;

/** The state of an idempotent run recorded in a {@link RunStore}. */
public enum RunStatus {
    /** Claimed by an owner whose lease has not been released; another caller may take it over once it expires. */
    IN_PROGRESS,
    /** Finished; the event it stands for must not be processed again. */
    COMPLETED,
    /** Failed in a way worth retrying; the next claim takes it over at once. */
    FAILED
}

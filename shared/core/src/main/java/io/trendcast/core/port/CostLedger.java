package io.trendcast.core.port;

import io.trendcast.core.cost.CostRecord;

import java.time.LocalDate;
import java.util.List;

/** The cost ledger: one {@link CostRecord} per function invocation, read back by day. */
public interface CostLedger {

    /**
     * Appends one invocation's record; appending the same invocation (day, start and request id) again replaces it.
     *
     * @throws StoreException when the record cannot be stored
     */
    void append(CostRecord record);

    /**
     * Every record of the UTC days {@code from} to {@code to}, both included, ordered by day and start.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     * @throws StoreException           when the ledger cannot be read
     */
    List<CostRecord> between(LocalDate from, LocalDate to);
}

package io.trendcast.aws.cost;

import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.cost.Outcome;
import io.trendcast.core.port.CostLedger;
import io.trendcast.core.port.StoreException;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures every invocation of one function and books it: one {@link CostRecord} appended to the
 * {@link CostLedger} and one Embedded Metric Format line, for failed invocations too (outcome {@code ERROR} with
 * the error). The duration is measured around the handler and billed as Lambda bills it (rounded up to the
 * millisecond); the first invocation of the container is its cold start. A handler needs one line:
 * <pre>{@code
 * return meter.measure(context.getAwsRequestId(), seller, () -> service.handle(event));
 * }</pre>
 * Booking never fails the invocation: a ledger that cannot be written is logged, and the EMF line still printed.
 */
public final class CostMeter {

    private static final Logger LOG = Logger.getLogger(CostMeter.class.getName());
    private static final int MAX_ERROR_CHARS = 1000;

    private final MeterSettings settings;
    private final UsageCounter counter;
    private final CostLedger ledger;
    private final Consumer<String> emf;
    private final Clock clock;
    private final LongSupplier nanos;
    private final AtomicBoolean cold = new AtomicBoolean(true);
    private final AtomicReference<MeteredInvocation> current = new AtomicReference<>();

    /**
     * A meter for production: EMF lines go to standard output (CloudWatch Logs in Lambda).
     *
     * @param counter the interceptor registered on the function's SDK clients
     */
    public CostMeter(MeterSettings settings, UsageCounter counter, CostLedger ledger) {
        this(settings, counter, ledger, System.out::println, Clock.systemUTC(), System::nanoTime);
    }

    /** A meter with its output, clock and timer given (tests). */
    public CostMeter(MeterSettings settings, UsageCounter counter, CostLedger ledger, Consumer<String> emf,
                     Clock clock, LongSupplier nanos) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.emf = Objects.requireNonNull(emf, "emf");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
    }

    /**
     * Runs {@code handler} as one metered invocation and books it, whether it returns or throws; what it throws
     * is rethrown unchanged.
     *
     * @param requestId Lambda's request id
     * @param seller    the seller worked for, or {@code null} for none
     */
    public <T> T measure(String requestId, String seller, Supplier<T> handler) {
        MeteredInvocation invocation = start(requestId, seller, settings.function());
        T result;
        try {
            result = handler.get();
        } catch (RuntimeException | Error e) {
            finish(invocation, Outcome.ERROR, describe(e));
            throw e;
        }
        finish(invocation, Outcome.OK, null);
        return result;
    }

    /** Starts measuring an invocation (for handlers that cannot wrap their work in {@link #measure}). */
    public MeteredInvocation start(String requestId, String seller, String operation) {
        MeteredInvocation invocation = new MeteredInvocation(requestId, nanos.getAsLong(), clock.instant(),
                cold.getAndSet(false), counter.begin(), seller, operation);
        current.set(invocation);
        return invocation;
    }

    /** Adds work to the invocation being measured; does nothing outside one. */
    public void work(long units, long seriesDays) {
        MeteredInvocation invocation = current.get();
        if (invocation != null) {
            invocation.work(units, seriesDays);
        }
    }

    /**
     * Ends {@code invocation}: prices it, appends it to the ledger and prints its EMF line.
     *
     * @param error what went wrong, for {@link Outcome#ERROR}; {@code null} otherwise
     * @return the booked record
     */
    public CostRecord finish(MeteredInvocation invocation, Outcome outcome, String error) {
        // up to the next microsecond, so that rounding up to the millisecond bills what Lambda would
        double durationMs = Math.ceil((nanos.getAsLong() - invocation.startNanos) / 1_000.0) / 1_000.0;
        counter.end(invocation.tally);
        current.compareAndSet(invocation, null);
        RequestTally tally = invocation.tally;
        CostRecord record = CostRecord.priced(settings.function(), invocation.requestId, invocation.seller(),
                invocation.startedAt, durationMs, settings.memoryMb(), settings.architecture(), invocation.coldStart,
                tally.s3Gets(), tally.s3Puts(), tally.ddbReadUnits(), tally.ddbWriteUnits(), outcome,
                truncate(error), invocation.operation(), invocation.units(), invocation.seriesDays(),
                settings.prices());
        try {
            ledger.append(record);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "the cost ledger item of " + record.requestId() + " was not written: "
                    + e.getMessage(), e);
        }
        emf.accept(EmfLine.of(record));
        return record;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS);
    }
}

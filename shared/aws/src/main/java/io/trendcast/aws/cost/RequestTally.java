package io.trendcast.aws.cost;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** The requests of one invocation so far; thread-safe, as the SDK may call from several threads. */
public final class RequestTally {

    private final AtomicLong s3Gets = new AtomicLong();
    private final AtomicLong s3Puts = new AtomicLong();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();

    void s3(S3RequestClass type) {
        switch (type) {
            case GET -> s3Gets.incrementAndGet();
            case PUT -> s3Puts.incrementAndGet();
            case FREE -> {
                // DELETE and abort requests are not billed
            }
        }
    }

    void readUnits(double units) {
        readUnits.add(units);
    }

    void writeUnits(double units) {
        writeUnits.add(units);
    }

    /** S3 requests at the GET price. */
    public long s3Gets() {
        return s3Gets.get();
    }

    /** S3 requests at the PUT price. */
    public long s3Puts() {
        return s3Puts.get();
    }

    /** DynamoDB read request units consumed. */
    public double ddbReadUnits() {
        return readUnits.sum();
    }

    /** DynamoDB write request units consumed. */
    public double ddbWriteUnits() {
        return writeUnits.sum();
    }
}

package io.trendcast.aws.cost;

import io.trendcast.core.cost.Architecture;
import io.trendcast.core.cost.CostRecord;
import io.trendcast.core.cost.Outcome;
import io.trendcast.core.cost.PriceTable;
import io.trendcast.core.port.CostLedger;
import io.trendcast.core.port.StoreException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meter's bookkeeping with a list as the ledger and a hand-driven timer. */
class CostMeterTest {

    private final List<CostRecord> booked = new ArrayList<>();
    private final List<String> emf = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private boolean ledgerDown;
    private final CostLedger ledger = new CostLedger() {
        @Override
        public void append(CostRecord record) {
            if (ledgerDown) {
                throw new StoreException("DynamoDB PutItem on table 'CostLedger' failed");
            }
            booked.add(record);
        }

        @Override
        public List<CostRecord> between(LocalDate from, LocalDate to) {
            return booked;
        }
    };
    private final CostMeter meter = new CostMeter(new MeterSettings("train", 3008, Architecture.X86_64,
            PriceTable.defaults()), new UsageCounter(), ledger, emf::add,
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC), nanos::get);

    @Test
    void durationIsBilledRoundedUpAndOnlyTheFirstInvocationIsCold() {
        assertEquals("a", meter.measure("r1", "s1", () -> {
            nanos.addAndGet(12_000_001L);   // 12.000001 ms
            meter.work(40, 16_000);
            return "a";
        }));
        meter.measure("r2", null, () -> nanos.addAndGet(3_000_000L));
        assertEquals(2, booked.size());
        CostRecord first = booked.get(0);
        assertEquals(12.001, first.durationMs(), 1e-9, "rounded up to the microsecond");
        assertEquals(13, first.billedDurationMs());
        assertTrue(first.coldStart());
        assertEquals(40, first.units());
        assertEquals(16_000, first.seriesDays());
        assertEquals("train", first.operation());
        assertEquals(3, booked.get(1).billedDurationMs());
        assertEquals(false, booked.get(1).coldStart());
        assertNull(booked.get(1).seller());
        assertEquals(0, booked.get(1).units(), "work belongs to the invocation that reported it");
        assertEquals(2, emf.size());
    }

    @Test
    void aFailingHandlerIsBookedAsAnErrorAndItsExceptionRethrown() {
        IllegalStateException boom = new IllegalStateException("shard unreadable");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> meter.measure("r3", "s1", () -> {
                    throw boom;
                }));
        assertSame(boom, thrown);
        assertEquals(Outcome.ERROR, booked.get(0).outcome());
        assertEquals("IllegalStateException: shard unreadable", booked.get(0).error());
    }

    @Test
    void aLedgerThatCannotBeWrittenNeverFailsTheInvocation() {
        ledgerDown = true;
        assertEquals("done", meter.measure("r4", "s1", () -> "done"));
        assertEquals(1, emf.size(), "the EMF line is still printed");
        assertTrue(emf.get(0).contains("\"requestId\":\"r4\""));
    }

    @Test
    void s3OperationsArePricedByTheirTier() {
        assertEquals(S3RequestClass.GET, S3RequestClass.ofOperation("GetObject"));
        assertEquals(S3RequestClass.GET, S3RequestClass.ofOperation("HeadObject"));
        assertEquals(S3RequestClass.PUT, S3RequestClass.ofOperation("PutObject"));
        assertEquals(S3RequestClass.PUT, S3RequestClass.ofOperation("ListObjectsV2"));
        assertEquals(S3RequestClass.PUT, S3RequestClass.ofOperation("CreateMultipartUpload"));
        assertEquals(S3RequestClass.PUT, S3RequestClass.ofOperation("UploadPart"));
        assertEquals(S3RequestClass.PUT, S3RequestClass.ofOperation("CompleteMultipartUpload"));
        assertEquals(S3RequestClass.PUT, S3RequestClass.ofOperation("CopyObject"));
        assertEquals(S3RequestClass.FREE, S3RequestClass.ofOperation("DeleteObjects"));
        assertEquals(S3RequestClass.FREE, S3RequestClass.ofOperation("AbortMultipartUpload"));
    }
}

package io.trendcast.core.port;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "r1-3a72a2a9876a7c987641, 1",
        "r42-x, 42",
        "r1234567890-y, 1234567890",
        "run-20241201T081530Z, 0",
        "r-abc, 0",
        "rx1-abc, 0",
        "r12, 0",
        "'', 0",
        "r12345678901234567890-overflowing, 0",
    })
    void readsTheDatasetVersionOfIngestRunIdsAndZeroOtherwise(String runId, long version) {
        assertEquals(version, RunIds.datasetVersion(runId));
    }

    @Test
    void roundTripsWhatIngestWrites() {
        assertEquals("r7-abc", RunIds.of(7, "abc"));
        assertEquals(7, RunIds.datasetVersion(RunIds.of(7, "abc")));
        assertThrows(IllegalArgumentException.class, () -> RunIds.of(0, "abc"));
    }
}

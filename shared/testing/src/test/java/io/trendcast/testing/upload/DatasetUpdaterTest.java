package io.trendcast.testing.upload;

import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.upload.CellStream;
import io.trendcast.core.upload.DatasetUpdater;
import io.trendcast.core.upload.ParsedUpload;
import io.trendcast.core.upload.SalesCell;
import io.trendcast.core.upload.UploadParser;
import io.trendcast.testing.fakes.InMemoryBlobStore;
import io.trendcast.testing.fakes.InMemoryRunStore;
import io.trendcast.testing.faults.FaultPlan;
import io.trendcast.testing.faults.FaultyRunStore;
import io.trendcast.testing.faults.InjectedFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link DatasetUpdater} on the in-memory ports: concurrent uploads of one seller lose no series and no day. */
class DatasetUpdaterTest {

    @TempDir
    Path tmp;

    private ParsedUpload upload(String item, int days) {
        StringBuilder csv = new StringBuilder("date,item,quantity\n");
        for (int d = 1; d <= days; d++) {
            csv.append(String.format("2024-01-%02d,%s,%d%n", d, item, d));
        }
        return UploadParser.builder().tempDir(tmp).build().parse(item + ".csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> text(List<SalesCell> cells) {
        return cells.stream().map(c -> c.series().encode() + " " + c.date() + "=" + c.quantity()).toList();
    }

    private static List<SalesCell> read(CellStream stream) {
        List<SalesCell> cells = new ArrayList<>();
        try (stream) {
            for (SalesCell c = stream.next(); c != null; c = stream.next()) {
                cells.add(c);
            }
        }
        return cells;
    }

    @Test
    void concurrentUploadsOfOneSellerEachGetTheirOwnVersionAndLoseNothing() throws Exception {
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        InMemoryRunStore runs = new InMemoryRunStore();
        DatasetUpdater updater = new DatasetUpdater(blobs, runs, tmp, Duration.ofMinutes(15), Duration.ofSeconds(30),
                20, Clock.systemUTC());
        int uploads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> versions = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            String item = "item-" + i;
            String owner = "request-" + i;
            versions.add(pool.submit(() -> {
                try (ParsedUpload u = upload(item, 5);
                     DatasetUpdater.Applied applied = updater.apply("s1", u, "upload-" + owner, owner)) {
                    return applied.version();
                }
            }));
        }
        TreeSet<Long> got = new TreeSet<>();
        for (Future<Long> f : versions) {
            got.add(f.get());
        }
        pool.shutdown();

        assertEquals(uploads, got.size(), "every upload published a version of its own: " + got);
        assertEquals(uploads, runs.datasetVersion("s1"));
        try (ParsedUpload probe = upload("probe", 1);
             DatasetUpdater.Applied last = updater.apply("s1", probe, "probe", "probe")) {
            List<SalesCell> cells = read(last.open());
            assertEquals(uploads + 1, cells.stream().map(SalesCell::series).distinct().count());
            assertEquals(uploads * 5 + 1, cells.size());
            assertEquals(SeriesKey.of("item-0"), cells.get(0).series());
        }
    }

    @Test
    void replayingAnUploadLeavesTheSameData() {
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        InMemoryRunStore runs = new InMemoryRunStore();
        DatasetUpdater updater = new DatasetUpdater(blobs, runs, tmp, Duration.ofMinutes(15), Duration.ofSeconds(5),
                3, Clock.systemUTC());
        List<SalesCell> first;
        List<SalesCell> again;
        try (ParsedUpload u = upload("a", 3)) {
            try (DatasetUpdater.Applied applied = updater.apply("s2", u, "upload-r1", "r1")) {
                first = read(applied.open());
            }
            try (DatasetUpdater.Applied applied = updater.apply("s2", u, "upload-r2", "r2")) {
                again = read(applied.open());
                assertEquals(2, applied.version());
            }
        }
        assertEquals(first.stream().map(c -> c.date() + "=" + c.quantity()).toList(),
                again.stream().map(c -> c.date() + "=" + c.quantity()).toList());
    }

    @Test
    void aRetriedUploadGetsBackTheVersionItMadeAndNeverMakesASecondOne() {
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        InMemoryRunStore runs = new InMemoryRunStore();
        DatasetUpdater updater = new DatasetUpdater(blobs, runs, tmp, Duration.ofMinutes(15), Duration.ofSeconds(5),
                3, Clock.systemUTC());
        try (ParsedUpload a = upload("a", 3); ParsedUpload b = upload("b", 2)) {
            List<SalesCell> first;
            try (DatasetUpdater.Applied applied = updater.apply("s3", a, "upload-a", "request-1")) {
                first = read(applied.open());
            }
            try (DatasetUpdater.Applied retried = updater.apply("s3", a, "upload-a", "request-2")) {
                assertEquals(1, retried.version());
                assertEquals(text(first), text(read(retried.open())));
                assertEquals(3, retried.summary().cells());
            }
            assertEquals(1, runs.datasetVersion("s3"));
            try (DatasetUpdater.Applied later = updater.apply("s3", b, "upload-b", "request-3")) {
                assertEquals(2, later.version());
            }
            try (DatasetUpdater.Applied late = updater.apply("s3", a, "upload-a", "request-4")) {
                assertEquals(1, late.version(), "a retry after a later upload still names its own version");
                assertEquals(text(first), text(read(late.open())));
            }
            assertEquals(2, runs.datasetVersion("s3"), "no version was made by a retry");
        }
    }

    @Test
    void aRetryAfterACrashBetweenPublishingAndTheMarkerFindsItsVersionEvenAfterALaterUpload() {
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        FaultPlan faults = new FaultPlan();
        InMemoryRunStore stored = new InMemoryRunStore();
        DatasetUpdater updater = new DatasetUpdater(blobs, new FaultyRunStore(stored, faults), tmp,
                Duration.ofMinutes(15), Duration.ofSeconds(5), 3, Clock.systemUTC());
        try (ParsedUpload a = upload("a", 3); ParsedUpload b = upload("b", 2)) {
            for (int crashAt = 4; crashAt <= 5; crashAt++) {
                String seller = "s-crash-" + crashAt;
                faults.failAt(crashAt);
                assertThrows(InjectedFault.class, () -> updater.apply(seller, a, "upload-a", "request-1"));
                faults.reset();
                assertEquals(1, stored.datasetVersion(seller), "published before the crash");
                try (DatasetUpdater.Applied later = updater.apply(seller, b, "upload-b", "request-2")) {
                    assertEquals(2, later.version());
                }
                try (DatasetUpdater.Applied retried = updater.apply(seller, a, "upload-a", "request-3")) {
                    assertEquals(1, retried.version(), "crash at write " + crashAt);
                }
                assertEquals(2, stored.datasetVersion(seller), "no third version, crash at write " + crashAt);
            }
        }
    }
}

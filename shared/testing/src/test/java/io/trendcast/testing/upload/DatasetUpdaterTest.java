package io.trendcast.testing.upload;

import io.trendcast.core.port.SeriesKey;
import io.trendcast.core.upload.CellStream;
import io.trendcast.core.upload.DatasetUpdater;
import io.trendcast.core.upload.ParsedUpload;
import io.trendcast.core.upload.SalesCell;
import io.trendcast.core.upload.UploadParser;
import io.trendcast.core.upload.UploadStamp;
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
import java.time.Instant;
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

    /** A stamp whose time is derived from the upload id, so every retry of an upload has the same one. */
    private static UploadStamp stamp(String uploadId) {
        return UploadStamp.of(uploadId, Instant.parse("2024-02-01T00:00:00Z").plusSeconds(uploadId.hashCode() & 0xffff),
                "uploads/s/" + uploadId + ".csv", null, null);
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
                     DatasetUpdater.Applied applied = updater.apply("s1", u, stamp("upload-" + owner), owner)) {
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
             DatasetUpdater.Applied last = updater.apply("s1", probe, stamp("probe"), "probe")) {
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
            try (DatasetUpdater.Applied applied = updater.apply("s2", u, stamp("upload-r1"), "r1")) {
                first = read(applied.open());
            }
            try (DatasetUpdater.Applied applied = updater.apply("s2", u, stamp("upload-r2"), "r2")) {
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
            try (DatasetUpdater.Applied applied = updater.apply("s3", a, stamp("upload-a"), "request-1")) {
                first = read(applied.open());
            }
            try (DatasetUpdater.Applied retried = updater.apply("s3", a, stamp("upload-a"), "request-2")) {
                assertEquals(1, retried.version());
                assertEquals(text(first), text(read(retried.open())));
                assertEquals(3, retried.summary().cells());
            }
            assertEquals(1, runs.datasetVersion("s3"));
            try (DatasetUpdater.Applied later = updater.apply("s3", b, stamp("upload-b"), "request-3")) {
                assertEquals(2, later.version());
            }
            try (DatasetUpdater.Applied late = updater.apply("s3", a, stamp("upload-a"), "request-4")) {
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
                assertThrows(InjectedFault.class, () -> updater.apply(seller, a, stamp("upload-a"), "request-1"));
                faults.reset();
                assertEquals(1, stored.datasetVersion(seller), "published before the crash");
                try (DatasetUpdater.Applied later = updater.apply(seller, b, stamp("upload-b"), "request-2")) {
                    assertEquals(2, later.version());
                }
                try (DatasetUpdater.Applied retried = updater.apply(seller, a, stamp("upload-a"), "request-3")) {
                    assertEquals(1, retried.version(), "crash at write " + crashAt);
                }
                assertEquals(2, stored.datasetVersion(seller), "no third version, crash at write " + crashAt);
            }
        }
    }

    private ParsedUpload overlapping(int upload) {
        StringBuilder csv = new StringBuilder("date,item,quantity\n");
        for (int d = 1 + 3 * upload; d <= 10 + 3 * upload; d++) {
            csv.append(String.format("2024-01-%02d,shared,%d%n", d, 100 * (upload + 1) + d));
        }
        csv.append(String.format("2024-01-01,own-%d,%d%n", upload, upload));
        return UploadParser.builder().tempDir(tmp).build().parse("u" + upload + ".csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyOrderOfThreeOverlappingUploadsPublishesTheSameHistoryAsTheInOrderRun() throws Exception {
        List<UploadStamp> stamps = List.of(
                UploadStamp.of("u0", Instant.parse("2024-02-01T10:00:00Z"), "uploads/s/jan.csv", null, null),
                UploadStamp.of("u1", Instant.parse("2024-02-01T10:00:01Z"), "uploads/s/feb.csv", null, null),
                UploadStamp.of("u2", Instant.parse("2024-02-01T10:00:01Z"), "uploads/s/mar.csv", null, null));
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        InMemoryRunStore runs = new InMemoryRunStore();
        DatasetUpdater updater = new DatasetUpdater(blobs, runs, tmp, Duration.ofMinutes(15), Duration.ofSeconds(5),
                3, Clock.systemUTC());
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        byte[] history = null;
        byte[] table = null;
        for (int[] order : orders) {
            String seller = "perm-" + order[0] + order[1] + order[2];
            long superseded = 0;
            for (int i : order) {
                try (ParsedUpload u = overlapping(i);
                     DatasetUpdater.Applied applied = updater.apply(seller, u, stamps.get(i), "r" + i)) {
                    superseded += applied.superseded();
                }
            }
            byte[] h = blobs.get(DatasetUpdater.historyKey(seller, 3)).readAllBytes();
            byte[] t = blobs.get(DatasetUpdater.uploadTableKey(seller, 3)).readAllBytes();
            if (history == null) {
                history = h;
                table = t;
                assertEquals(0, superseded, "in order, every upload is the latest when it is merged");
            }
            assertEquals(java.util.Arrays.toString(history), java.util.Arrays.toString(h), seller);
            assertEquals(new String(table, StandardCharsets.UTF_8), new String(t, StandardCharsets.UTF_8), seller);
        }
        List<SalesCell> cells = read(new io.trendcast.core.upload.SalesCsv.Reader(new java.util.zip.GZIPInputStream(
                new ByteArrayInputStream(history)), "v3"));
        List<String> shared = text(cells.stream().filter(c -> c.series().item().equals("shared")).toList());
        assertEquals(16, shared.size(), "days 1..16");
        assertEquals("shared 2024-01-01=101.0", shared.get(0), "only upload 0 has day 1");
        assertEquals("shared 2024-01-04=204.0", shared.get(3), "upload 1 is later than 0");
        assertEquals("shared 2024-01-10=310.0", shared.get(9), "upload 2 (same second, later key) is the latest");
        assertEquals(3, cells.stream().filter(c -> c.series().item().startsWith("own-")).count());
    }

    @Test
    void aLateUploadWhollySupersededChangesNoCellAndSaysSo() {
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        InMemoryRunStore runs = new InMemoryRunStore();
        DatasetUpdater updater = new DatasetUpdater(blobs, runs, tmp, Duration.ofMinutes(15), Duration.ofSeconds(5),
                3, Clock.systemUTC());
        UploadStamp older = UploadStamp.of("old", Instant.parse("2024-02-01T10:00:00Z"), "uploads/s/a.csv", null,
                null);
        UploadStamp newer = UploadStamp.of("new", Instant.parse("2024-02-01T11:00:00Z"), "uploads/s/b.csv", null,
                null);
        try (ParsedUpload late = upload("x", 3); ParsedUpload fresh = upload("x", 5)) {
            List<SalesCell> before;
            try (DatasetUpdater.Applied applied = updater.apply("s4", fresh, newer, "r1")) {
                before = read(applied.open());
            }
            try (DatasetUpdater.Applied applied = updater.apply("s4", late, older, "r2")) {
                assertEquals(2, applied.version(), "a version of its own, recording the upload");
                assertEquals(3, applied.superseded());
                assertEquals(text(before), text(read(applied.open())));
                assertEquals(List.of(older, newer), applied.uploads().stamps());
            }
            try (DatasetUpdater.Applied retried = updater.apply("s4", late, older, "r3")) {
                assertEquals(2, retried.version());
                assertEquals(3, retried.superseded(), "the retry reports what the first attempt did");
            }
        }
    }
}

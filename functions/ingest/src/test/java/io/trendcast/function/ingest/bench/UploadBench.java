package io.trendcast.function.ingest.bench;

import io.trendcast.core.upload.CellStream;
import io.trendcast.core.upload.ParsedUpload;
import io.trendcast.core.upload.UploadParser;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Generates a large upload and runs the parser and the aggregation over it, then reads the sorted cells back (what
 * the dataset merge consumes). Prints rows per second (wall and per CPU-second, as the machine may be shared) and
 * the peak heap, sampled every 20 ms: used (garbage included) and live after collection.
 *
 * <p>Arguments: {@code sizeMiB [series] [maxCellsInMemory]}; defaults 1024 MiB, 100,000 series, the parser's
 * default budget. Rows are {@code date,item_id,store_id,quantity,price,promo}, day by day over all series, as a
 * shop's export would be. Run with {@code -Xmx512m} (module README).
 */
public final class UploadBench {

    private UploadBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 1024) * 1024 * 1024;
        int series = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        UploadParser.Builder builder = UploadParser.builder().maxDecompressedBytes(Long.MAX_VALUE);
        if (args.length > 2) {
            builder.maxCellsInMemory(Integer.parseInt(args[2]));
        }
        Path file = Files.createTempFile("trendcast-bench-", ".csv");
        try {
            long t0 = System.nanoTime();
            long rows = generate(file, size, series);
            System.out.printf(Locale.ROOT, "generated %,d rows, %,d bytes in %.1f s (%s)%n", rows, Files.size(file),
                    seconds(t0), file);
            AtomicLong peak = new AtomicLong();
            AtomicLong live = new AtomicLong();
            Thread sampler = sampler(peak, live);
            long t1 = System.nanoTime();
            long cpu1 = cpuNanos();
            long cells = 0;
            try (InputStream in = Files.newInputStream(file);
                 ParsedUpload upload = builder.build().parse(file.toString(), in)) {
                double parse = seconds(t1);
                double cpu = (cpuNanos() - cpu1) / 1e9;
                System.out.printf(Locale.ROOT, "parsed + aggregated: %,d rows in %.1f s = %,.0f rows/s (%.1f MiB/s); "
                                + "%.1f CPU-s = %,.0f rows per CPU-s; %,d rejected, %,d series%n", upload.rowsRead(),
                        parse, upload.rowsRead() / parse, size / 1048576.0 / parse, cpu, upload.rowsRead() / cpu,
                        upload.rowsRejected(), upload.seriesCount());
                long t2 = System.nanoTime();
                try (CellStream stream = upload.cells()) {
                    while (stream.next() != null) {
                        cells++;
                    }
                }
                System.out.printf(Locale.ROOT, "sorted cells read back: %,d in %.1f s%n", cells, seconds(t2));
            }
            sampler.interrupt();
            sampler.join();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "total %.1f s; peak heap used %,d MiB, peak left after a GC %,d MiB "
                    + "(max heap %,d MiB)%n", seconds(t1), peak.get() / 1048576, live.get() / 1048576,
                    rt.maxMemory() / 1048576);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long generate(Path file, long size, int series) throws IOException {
        long rows = 0;
        long written = 0;
        LocalDate day = LocalDate.of(2023, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "date,item_id,store_id,quantity,price,promo\n";
            out.write(header);
            written += header.length();
            while (written < size) {
                String date = day.toString();
                for (int s = 0; s < series && written < size; s++) {
                    int qty = (int) ((s * 31L + rows * 7) % 23);
                    String row = date + ",SKU-" + (s / 4) + ",S" + (s % 4) + "," + qty + "," + (5 + s % 50) + ".99,"
                            + (qty % 11 == 0 ? 1 : 0) + "\n";
                    out.write(row);
                    written += row.length();
                    rows++;
                }
                day = day.plusDays(1);
            }
        }
        return rows;
    }

    /** CPU time of the whole process (all threads, GC included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Samples the heap used (garbage included) every 20 ms, and records the heap left after every collection (the
     * live set, from the GC notifications).
     */
    private static Thread sampler(AtomicLong peak, AtomicLong live) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo();
                    long after = info.getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    live.accumulateAndGet(after, Math::max);
                }
            }, null, null);
        }
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

package io.trendcast.local.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.s3.ETags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns created objects of one bucket into asynchronous function invocations, as S3 and Lambda do together: each
 * object matching a {@link Subscription} becomes an event ({@link S3EventJson}) delivered on a background thread;
 * a failed invocation is retried after each of the retry delays (Lambda: two retries, one and two minutes apart),
 * then written to the dead-letter file, one JSON line per event, as the dead-letter queue would receive it.
 */
public final class NotificationDispatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;
    private final String bucket;
    private final List<Subscription> subscriptions;
    private final Invoker invoker;
    private final List<Duration> retryDelays;
    private final Path deadLetters;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AtomicLong sequencer;

    /**
     * @param retryDelays the waits before each retry; two entries give Lambda's two retries
     * @param deadLetters the file receiving events whose retries are exhausted
     */
    public NotificationDispatcher(String region, String bucket, List<Subscription> subscriptions, Invoker invoker,
                                  List<Duration> retryDelays, Path deadLetters, Clock clock) {
        this.region = Objects.requireNonNull(region, "region");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.subscriptions = List.copyOf(subscriptions);
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.retryDelays = List.copyOf(retryDelays);
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = clock;
        this.executor = Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "s3-notifications");
            thread.setDaemon(true);
            return thread;
        });
        this.sequencer = new AtomicLong(clock.millis() * 1_000_000L);
    }

    /** Whether an object created at this key would notify anyone (saves reading its metadata otherwise). */
    public boolean wants(String container, String key) {
        return bucket.equals(container) && match(key).isPresent();
    }

    /** Reports a created object; the matching function, if any, is invoked in the background. */
    public void objectCreated(String eventName, String container, String key, long size, String etag) {
        if (!bucket.equals(container)) {
            return;
        }
        match(key).ifPresent(subscription -> {
            String event = S3EventJson.objectCreated(region, subscription.id(), eventName, clock.instant(), container,
                    key, size, ETags.unquote(etag), null, String.format("%018X", sequencer.incrementAndGet()));
            executor.execute(() -> deliver(subscription.function(), event, 0));
        });
    }

    private Optional<Subscription> match(String key) {
        return subscriptions.stream().filter(subscription -> subscription.matches(key)).findFirst();
    }

    private void deliver(String function, String event, int attempt) {
        try {
            invoker.invoke(function, event);
        } catch (RuntimeException e) {
            if (attempt < retryDelays.size() && !executor.isShutdown()) {
                executor.schedule(() -> deliver(function, event, attempt + 1),
                        retryDelays.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
            } else {
                deadLetter(function, event, e);
            }
        }
    }

    private void deadLetter(String function, String event, RuntimeException error) {
        try {
            var line = JSON.createObjectNode();
            line.put("function", function);
            line.put("error", String.valueOf(error.getMessage()));
            line.set("event", JSON.readTree(event));
            Files.createDirectories(deadLetters.toAbsolutePath().getParent());
            Files.writeString(deadLetters, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            error.addSuppressed(e);
        }
        System.err.println("trendcast: " + function + " failed " + (retryDelays.size() + 1) + " times on an S3 event; "
                + "it is in " + deadLetters + ": " + error.getMessage());
    }

    /** Stops delivering; events still waiting for a retry are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

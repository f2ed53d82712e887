package io.trendcast.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One function of the local Lambda service: its Runtime API endpoint and its child JVM. Invocations run one at a
 * time in arrival order (a fair lock is the queue). A child that exits is replaced on the next invocation, as
 * Lambda replaces a failed execution environment; a child that overruns its timeout is killed.
 */
public final class LocalFunction implements AutoCloseable {

    /** How long a fresh child may take to ask for its first event (Lambda allows 10 s; JVMs here share 2 cores). */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionSpec spec;
    private final String region;
    private final RuntimeApiServer api;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile Process child;
    private volatile boolean closed;
    private final Thread stopAtExit = new Thread(this::killChild, "lambda-stop");
    private final List<String> requestIds = new CopyOnWriteArrayList<>();

    private LocalFunction(FunctionSpec spec, String region) {
        this.spec = spec;
        this.region = region;
        this.api = new RuntimeApiServer(spec.name(), region);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Opens the function's Runtime API and starts its JVM, which initialises while the caller goes on. */
    public static LocalFunction start(FunctionSpec spec, String region) {
        LocalFunction function = new LocalFunction(spec, region);
        function.lock.lock();
        try {
            function.ensureChild();
        } finally {
            function.lock.unlock();
        }
        return function;
    }

    /** The function's name. */
    public String name() {
        return spec.name();
    }

    /**
     * Invokes the function synchronously ({@code RequestResponse}).
     *
     * @return the response payload the handler produced
     * @throws FunctionErrorException when the handler threw, timed out, or its JVM exited or failed to start, or
     *                                the function was closed
     */
    public String invoke(String event) {
        lock.lock();
        try {
            if (closed) {
                throw error("Runtime.Shutdown", "the local Lambda service stopped");
            }
            ensureChild();
            Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, spec.timeout().toMillis());
            requestIds.add(invocation.requestId());
            api.submit(invocation);
            try {
                long deadline = invocation.dispatched().get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                long left = Math.max(1, deadline - System.currentTimeMillis());
                return invocation.result().get(left, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw abandon(invocation);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof FunctionErrorException error ? error
                        : new IllegalStateException("invocation of " + spec.name() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw abandon(invocation);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The request id of every invocation dispatched so far, in order (what the cost ledger must account for). */
    public List<String> requestIds() {
        return List.copyOf(requestIds);
    }

    private void ensureChild() {
        Process current = child;
        if (current != null && current.isAlive()) {
            return;
        }
        api.resetInitError();
        Process started = ChildJvm.start(spec, api.address(), region);
        child = started;
        started.onExit().thenRun(() -> {
            if (child == started) {
                api.failAll(error("Runtime.ExitError", "the function's JVM exited with code " + started.exitValue()
                        + "; see " + spec.logFile()));
            }
        });
    }

    /** Kills the child of a timed-out invocation, as Lambda discards the environment. */
    private FunctionErrorException abandon(Invocation invocation) {
        api.forget(invocation);
        Process current = child;
        child = null;
        if (current != null) {
            stop(current);
        }
        return error("Sandbox.Timedout", "Task timed out after " + spec.timeout().toMillis() / 1000.0 + " seconds");
    }

    private FunctionErrorException error(String type, String message) {
        String payload = JSON.createObjectNode().put("errorType", type).put("errorMessage", message).toString();
        return new FunctionErrorException(spec.name(), type, message, payload);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            // A JVM writing its class-data-sharing archive at exit needs a few seconds.
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** At JVM exit without {@link #close()} (a killed test run), the child must not outlive this JVM. */
    private void killChild() {
        Process current = child;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    /** Stops the child JVM and the Runtime API; invocations still waiting fail with {@code Runtime.Shutdown}. */
    @Override
    public void close() {
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook kills the child already
        }
        Process current = child;
        child = null;
        try {
            if (current != null) {
                stop(current);
            }
        } finally {
            api.close();
        }
    }
}

package io.trendcast.local.lambda;

import java.util.concurrent.CompletableFuture;

/** One invocation travelling through the Runtime API: dispatched to the runtime, then answered. */
final class Invocation {

    private final String requestId;
    private final String payload;
    private final long timeoutMillis;
    private final CompletableFuture<Long> dispatched = new CompletableFuture<>();
    private final CompletableFuture<String> result = new CompletableFuture<>();

    Invocation(String requestId, String payload, long timeoutMillis) {
        this.requestId = requestId;
        this.payload = payload;
        this.timeoutMillis = timeoutMillis;
    }

    String requestId() {
        return requestId;
    }

    String payload() {
        return payload;
    }

    /** Marks the invocation handed to the runtime and returns its deadline (epoch milliseconds). */
    long dispatch() {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        dispatched.complete(deadline);
        return deadline;
    }

    /** Completes with the deadline once the runtime has taken the invocation. */
    CompletableFuture<Long> dispatched() {
        return dispatched;
    }

    /** Completes with the response payload, or exceptionally with a {@link FunctionErrorException}. */
    CompletableFuture<String> result() {
        return result;
    }

    void fail(FunctionErrorException error) {
        dispatched.completeExceptionally(error);
        result.completeExceptionally(error);
    }
}

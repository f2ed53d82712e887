package io.trendcast.local.s3;

/** Invokes a function by name with an event and returns its response; throws when the function fails. */
@FunctionalInterface
public interface Invoker {

    /**
     * @throws RuntimeException when the function reports an error or cannot be run
     */
    String invoke(String function, String event);
}

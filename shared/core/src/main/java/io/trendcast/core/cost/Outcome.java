package io.trendcast.core.cost;

/** How an invocation ended. */
public enum Outcome {
    /** The handler returned (for the api: a response below 500). */
    OK,
    /** The handler threw (for the api: a 5xx response); Lambda bills it all the same. */
    ERROR
}

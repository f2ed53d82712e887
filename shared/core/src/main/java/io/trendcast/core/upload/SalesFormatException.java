package io.trendcast.core.upload;

/**
 * Thrown when a history or feature shard does not follow {@link SalesCsv}'s format: a wrong header, a row with the
 * wrong number of fields or an unreadable value. Such a file was not written by Trendcast or was damaged; the
 * message names it and the line.
 */
public class SalesFormatException extends RuntimeException {

    public SalesFormatException(String message) {
        super(message);
    }

    public SalesFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

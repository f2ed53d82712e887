package io.trendcast.core.exchange;

/** A file of the exchange format cannot be read; the message names the file, line and reason. */
public class ExchangeFormatException extends RuntimeException {

    private final long line;

    public ExchangeFormatException(String source, long line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason);
        this.line = line;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}

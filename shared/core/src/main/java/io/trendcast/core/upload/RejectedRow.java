package io.trendcast.core.upload;

import java.util.Objects;

/**
 * A data row that could not be read (FORMATS.md §2 {@code rejected[]}, and one line of the quarantine file).
 *
 * @param line    the line number the row starts on, the header being line 1
 * @param column  the column at fault as named in the header, or {@code ""} when the row as a whole is at fault
 * @param value   the offending value as read
 * @param reason  why the value cannot be used, e.g. {@code not a number}
 * @param rawLine the row exactly as read (without its line ending)
 */
public record RejectedRow(long line, String column, String value, String reason, String rawLine) {

    public RejectedRow {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rawLine, "rawLine");
    }
}

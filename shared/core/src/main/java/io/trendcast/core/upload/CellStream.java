package io.trendcast.core.upload;

import java.util.List;

/**
 * Sales cells read one at a time, sorted by series ({@link SeriesOrder}) then day, at most one cell per series and
 * day. Closing releases the file or stream behind it.
 */
public interface CellStream extends AutoCloseable {

    /** The names of the covariates each cell's {@link SalesCell#covariates()} follow. */
    List<String> covariates();

    /** The next cell, or {@code null} at the end. */
    SalesCell next();

    @Override
    void close();
}

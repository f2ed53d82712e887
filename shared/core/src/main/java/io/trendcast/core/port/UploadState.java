package io.trendcast.core.port;

/** Where an upload stands, from its arrival to its forecasts (the status part of FORMATS.md §4 uploads). */
public enum UploadState {
    /** The ingest function has started on it. */
    RECEIVED,
    /** Rejected whole (FORMATS.md §1); nothing from it was applied. */
    REJECTED,
    /** Accepted, every row usable; training is next. */
    ACCEPTED,
    /** Accepted with some rows rejected; training is next. */
    PARTIAL,
    /** Training on the features it produced is under way. */
    TRAINING,
    /** Forecasts from it are being served. */
    TRAINED,
    /** Processing failed for a reason other than the file's content; see the message. */
    FAILED
}

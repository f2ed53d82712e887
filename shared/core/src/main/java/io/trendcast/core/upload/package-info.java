/**
 * Seller uploads (FORMATS.md §1) and what the ingest function derives from them, with no cloud or JSON library:
 *
 * <ul>
 *   <li>{@link io.trendcast.core.upload.UploadParser} streams an upload (plain or gzip, any of the three
 *       delimiters), rejects unreadable rows with their line, column and reason, and aggregates transaction lines
 *       to one {@link io.trendcast.core.upload.SalesCell} per series and day in bounded memory
 *       ({@link io.trendcast.core.upload.CellAggregator} spills sorted runs to disk past its budget).
 *   <li>{@link io.trendcast.core.upload.ParsedUpload} holds the outcome: counts, rejected rows, warnings and the
 *       sorted cells, re-readable as often as the dataset merge needs.
 *   <li>{@link io.trendcast.core.upload.SalesHistory} merges an upload into a seller's history: the upload's days
 *       add to the series it contains and replace the days of earlier uploads; other series are copied untouched.
 *       Each row names the upload that gave it in the history's {@link io.trendcast.core.upload.UploadTable},
 *       ordered by {@link io.trendcast.core.upload.UploadStamp}, so any order of the same uploads gives the same
 *       history.
 *   <li>{@link io.trendcast.core.upload.SalesCsv} is the one row format of histories and feature shards;
 *       {@link io.trendcast.core.upload.FeatureShard} writes and reads shards on the frequency's date grid, so the
 *       train function reads exactly what ingest wrote.
 *   <li>{@link io.trendcast.core.upload.Cadence} infers the frequency and the default horizon.
 * </ul>
 */
package io.trendcast.core.upload;

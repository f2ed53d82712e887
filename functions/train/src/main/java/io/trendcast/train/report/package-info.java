/**
 * What training adds to an upload's report folder ({@code reports/{seller}/{uploadId}/}): the anomalies of each
 * shard ({@code anomalies-part-NNNN.json}) and, once the run is complete, the PNG charts {@code top-movers.png} and
 * {@code accuracy.png} ({@link io.trendcast.train.report.ReportWriter}).
 */
package io.trendcast.train.report;

/**
 * The train function's side of the candidate exchange ({@link io.trendcast.core.candidate}): the shard's local
 * results, their storage in the bucket, and the selection that replaces a shard's served forecasts once its local
 * results and a global model's results are both there.
 */
package io.trendcast.train.candidate;

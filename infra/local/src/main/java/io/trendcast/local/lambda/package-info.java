/**
 * A local Lambda service: each function runs in its own child JVM under the AWS runtime interface client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}), talking to an in-process implementation
 * of the Lambda Runtime API on 127.0.0.1, exactly as a packaged function talks to AWS. {@link
 * io.trendcast.local.lambda.LocalFunction#invoke(String)} is the synchronous invoke; one invocation at a time per
 * function, a crashed or timed-out child is replaced on the next invocation.
 */
package io.trendcast.local.lambda;

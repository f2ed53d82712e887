/**
 * Contract tests of the core ports. Each abstract class states, as JUnit tests, what every implementation of one
 * port must do; the in-memory fakes, the AWS adapters on emulators, and the AWS adapters on LocalStack each
 * extend it with a factory method, so all of them are held to the same behaviour.
 */
package io.trendcast.testing.contract;

/**
 * Fault injection for retry tests: store wrappers that pass every call through to a real store (an emulator
 * adapter or a fake) until a {@link io.trendcast.testing.faults.FaultPlan} makes one chosen write throw
 * {@link io.trendcast.testing.faults.InjectedFault}, as a crashed or timed-out invocation would stop there.
 */
package io.trendcast.testing.faults;

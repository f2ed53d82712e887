/** Test kit: synthetic series generators and reference data shared by the test suites of every module. */
package io.trendcast.testing;

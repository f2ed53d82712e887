/** The api function. */
package io.trendcast.api;

/**
 * The api function: the forecast API of FORMATS.md §4 behind API Gateway (HTTP API), as Quarkus REST resources
 * run by the Lambda HTTP extension. It reads DynamoDB (forecasts, upload status, API keys) and, for upload
 * reports, S3; it carries no training code (its core dependency is the ports-only jar).
 */
package io.trendcast.api;

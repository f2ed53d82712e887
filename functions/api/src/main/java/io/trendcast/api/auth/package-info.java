/**
 * Who is calling and what they may read. {@link io.trendcast.api.auth.Authenticator} finds the caller from the
 * {@code Authorization: Bearer} or {@code x-api-key} header (the key's SHA-256 looked up in ApiKeys);
 * {@link io.trendcast.api.auth.SellerAccessFilter} runs it before every seller-scoped resource, checks the path's
 * ids, and lets a seller key read its own seller only (finance keys read no seller's data, only the cost reports
 * behind {@link io.trendcast.api.auth.FinanceAccessFilter}).
 */
package io.trendcast.api.auth;

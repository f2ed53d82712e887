package io.trendcast.aws.dynamodb;

import java.util.List;

/**
 * The names of the deployment's tables. {@link #withPrefix(String)} gives the standard names behind a prefix
 * (a stack name, or a test's unique prefix), e.g. {@code trendcast-prod-Forecasts}.
 *
 * @param forecasts  one item per series holding the whole horizon
 * @param runs       idempotency records, upload status and dataset versions
 * @param costLedger one item per function invocation
 * @param apiKeys    hashed API keys
 */
public record TableNames(String forecasts, String runs, String costLedger, String apiKeys) {

    public TableNames {
        for (String name : List.of(forecasts, runs, costLedger, apiKeys)) {
            if (name == null || !name.matches("[A-Za-z0-9_.-]{3,255}")) {
                throw new IllegalArgumentException("'" + name + "' is not a valid DynamoDB table name (3-255 of "
                        + "letters, digits, '_', '-', '.')");
            }
        }
    }

    /** The standard names {@code Forecasts}, {@code Runs}, {@code CostLedger}, {@code ApiKeys} behind {@code prefix}. */
    public static TableNames withPrefix(String prefix) {
        String p = prefix == null ? "" : prefix;
        return new TableNames(p + "Forecasts", p + "Runs", p + "CostLedger", p + "ApiKeys");
    }

    /** All four names. */
    public List<String> all() {
        return List.of(forecasts, runs, costLedger, apiKeys);
    }
}

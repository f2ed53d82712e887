package io.trendcast.local.cli;

import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.core.cost.CostEstimate;
import io.trendcast.core.cost.MeasuredRates;
import io.trendcast.core.cost.PriceTable;
import io.trendcast.local.stack.DataDirTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/**
 * {@code trendcast estimate --series N --history-days D --uploads-per-day U}: a month's bill for a seller of that
 * size, projected from the per-series figures the local stack's ledger measured, with its breakdown.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Project the monthly AWS bill of a seller from the costs measured by the local stack.")
final class EstimateCommand implements Callable<Integer> {

    @Option(names = "--series", required = true, description = "Series (item × store) of the seller.")
    long series;

    @Option(names = "--history-days", required = true, description = "Days of history per series.")
    long historyDays;

    @Option(names = "--uploads-per-day", defaultValue = "1", description = "Uploads a day, each retraining every "
            + "series (default: ${DEFAULT-VALUE}).")
    double uploadsPerDay;

    @Option(names = "--forecasts-per-day", defaultValue = "0", description = "Forecast requests a day "
            + "(default: ${DEFAULT-VALUE}).")
    long forecastsPerDay;

    @Option(names = "--series-per-shard", defaultValue = "200", description = "Series per feature shard, one train "
            + "invocation each: ingest's TRENDCAST_SHARD_SIZE (default: ${DEFAULT-VALUE}).")
    int seriesPerShard;

    @Option(names = "--prices", description = "Price overrides, e.g. lambda-x86-gb-second=0.0000166667 "
            + "(default: us-east-1 on-demand).")
    String prices;

    @Option(names = "--days", defaultValue = "30", description = "Ledger days to measure from, ending today "
            + "(default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--data-dir", defaultValue = ".trendcast", description = "Data directory whose ledger is "
            + "measured (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        MeasuredRates rates;
        try (DataDirTables tables = DataDirTables.open(dataDir)) {
            DynamoDbCostLedger ledger = new DynamoDbCostLedger(tables.dynamoDb(), tables.names().costLedger());
            rates = MeasuredRates.of(ledger.between(today.minusDays(Math.max(0, days - 1)), today));
        }
        CostEstimate estimate = CostEstimate.project(rates, PriceTable.parse(prices), series, seriesPerShard,
                historyDays, uploadsPerDay, forecastsPerDay);
        CostTables.estimate(estimate, rates, System.out);
        return 0;
    }
}

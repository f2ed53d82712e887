package io.trendcast.local.cli;

import io.trendcast.aws.dynamodb.DynamoDbCostLedger;
import io.trendcast.core.cost.CostCsv;
import io.trendcast.core.cost.CostReport;
import io.trendcast.core.cost.GroupBy;
import io.trendcast.local.stack.DataDirTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/**
 * {@code trendcast costs [--from D] [--to D] [--group-by function|seller|day] [--csv]}: the cost report of the
 * local stack's ledger, the same figures as {@code GET /v1/costs}, as a table (or CSV).
 */
@Command(name = "costs", mixinStandardHelpOptions = true,
        description = "Print what the functions of the local stack cost, from its cost ledger.")
final class CostsCommand implements Callable<Integer> {

    @Option(names = "--from", description = "First UTC day (default: 29 days before --to).")
    LocalDate from;

    @Option(names = "--to", description = "Last UTC day (default: today).")
    LocalDate to;

    @Option(names = "--group-by", defaultValue = "function", description = "function, seller or day "
            + "(default: ${DEFAULT-VALUE}).")
    String groupBy;

    @Option(names = "--csv", description = "Print RFC 4180 CSV instead of a table.")
    boolean csv;

    @Option(names = "--data-dir", defaultValue = ".trendcast", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        GroupBy grouping = GroupBy.parse(groupBy);
        CostReport report;
        try (DataDirTables tables = DataDirTables.open(dataDir)) {
            DynamoDbCostLedger ledger = new DynamoDbCostLedger(tables.dynamoDb(), tables.names().costLedger());
            report = CostReport.of(ledger.between(first, last), first, last, grouping);
        }
        if (csv) {
            System.out.print(CostCsv.write(report));
        } else {
            CostTables.report(report, System.out);
        }
        return 0;
    }
}

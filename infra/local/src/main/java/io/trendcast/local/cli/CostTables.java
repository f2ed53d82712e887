package io.trendcast.local.cli;

import io.trendcast.core.cost.CostCsv;
import io.trendcast.core.cost.CostEstimate;
import io.trendcast.core.cost.CostGroup;
import io.trendcast.core.cost.CostReport;
import io.trendcast.core.cost.MeasuredRates;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Plain-text tables of cost reports and estimates for the terminal, columns aligned. */
final class CostTables {

    static final String NOTE = "On-demand us-east-1 prices unless overridden; free tier not deducted. Counted: Lambda "
            + "duration and requests, S3 requests, DynamoDB request units. Not counted: data transfer, storage at "
            + "rest, CloudWatch.";

    private CostTables() {
    }

    static void report(CostReport report, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {report.groupBy().label(), "invocations", "errors", "GB-s", "S3 GET", "S3 PUT",
                "DDB RRU", "DDB WRU", "compute $", "requests $", "storage req. $", "total $"});
        for (CostGroup group : report.groups()) {
            rows.add(row(group));
        }
        rows.add(row(report.total()));
        out.println("Costs " + report.from() + " .. " + report.to() + " by " + report.groupBy().label());
        print(rows, out, report.groups().size() + 1);
        out.println("forecasts served: " + report.forecastsServed() + ", $ per forecast served: "
                + (report.usdPerForecastServed() == null ? "-" : money(report.usdPerForecastServed())));
        out.println("series trained: " + report.seriesTrained() + ", $ per series trained (ingest + train): "
                + (report.usdPerSeriesTrained() == null ? "-" : money(report.usdPerSeriesTrained())));
        out.println(NOTE);
    }

    static void estimate(CostEstimate estimate, MeasuredRates rates, PrintStream out) {
        out.println("Measured (ledger of the local stack):");
        for (MeasuredRates.Rate rate : List.of(rates.ingest(), rates.train(), rates.api())) {
            boolean api = rate.function().equals("api");
            out.println("  " + rate.function() + " (" + rate.memoryMb() + " MB " + rate.architecture().label()
                    + ", " + rate.invocations() + " invocations): " + number(rate.gbSecondsPerUnit())
                    + " GB-s per " + (api ? "forecast served" : "series-day") + "; "
                    + number(rate.s3GetsPerUnit()) + " S3 GET, " + number(rate.s3PutsPerUnit()) + " S3 PUT per "
                    + (api ? "forecast" : "shard") + "; " + number(rate.readUnitsPerUnit()) + " RRU, "
                    + number(rate.writeUnitsPerUnit()) + " WRU per " + (api ? "forecast" : "series"));
        }
        out.println("Projected month (" + CostEstimate.DAYS_PER_MONTH + " days) for " + estimate.series()
                + " series × " + estimate.historyDays() + " days (shards of " + estimate.seriesPerShard()
                + " series), " + estimate.uploadsPerDay() + " upload(s) a day, " + estimate.forecastsPerDay()
                + " forecast requests a day:");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"function", "invocations", "GB-s", "S3 requests", "DDB units", "compute $",
                "requests $", "storage req. $", "total $"});
        List<CostEstimate.Line> lines = new ArrayList<>(estimate.lines());
        lines.add(estimate.total());
        for (CostEstimate.Line line : lines) {
            rows.add(new String[] {line.function(), whole(line.invocations()), whole(line.cost().gbSeconds()),
                    whole(line.s3Requests()), whole(line.ddbUnits()), money(line.cost().computeUsd()),
                    money(line.cost().requestUsd()), money(line.cost().storageRequestUsd()),
                    money(line.cost().totalUsd())});
        }
        print(rows, out, estimate.lines().size() + 1);
        out.println("Monthly total: $" + money(estimate.total().cost().totalUsd()));
        out.println(NOTE + " Compute scales linearly with series × history days, S3 requests with shards, DynamoDB "
                + "units with series; durations as measured on this machine, not on Lambda's CPUs.");
    }

    private static String[] row(CostGroup g) {
        return new String[] {g.key(), Long.toString(g.invocations()), Long.toString(g.errors()),
                number(g.cost().gbSeconds()), Long.toString(g.s3Gets()), Long.toString(g.s3Puts()),
                number(g.ddbReadUnits()), number(g.ddbWriteUnits()), money(g.cost().computeUsd()),
                money(g.cost().requestUsd()), money(g.cost().storageRequestUsd()), money(g.cost().totalUsd())};
    }

    private static void print(List<String[]> rows, PrintStream out, int ruleBefore) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            if (r == ruleBefore) {
                StringBuilder rule = new StringBuilder();
                for (int w : widths) {
                    rule.append("-".repeat(w)).append("  ");
                }
                out.println(rule.toString().stripTrailing());
            }
            StringBuilder line = new StringBuilder();
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true)).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    /** Dollars: 2 decimals from $100 up, else 6 significant digits (per-invocation figures are tiny). */
    static String money(BigDecimal usd) {
        if (usd.abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
            return usd.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return number(usd);
    }

    /** 6 significant digits, no exponent. */
    static String number(BigDecimal value) {
        return CostCsv.plain(value.round(new MathContext(6, RoundingMode.HALF_UP)));
    }

    private static String whole(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
}

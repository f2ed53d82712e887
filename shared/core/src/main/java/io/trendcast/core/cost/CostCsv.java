package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * A {@link CostReport} as CSV that opens safely in a spreadsheet: RFC 4180 (header row, CRLF line ends, fields
 * holding a comma, a quote or a line break quoted, quotes doubled), one row per group, no total row (a
 * spreadsheet sums the columns). A text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return gets a leading apostrophe, so a spreadsheet never runs it as a formula (OWASP CSV injection).
 */
public final class CostCsv {

    /** The columns after the group key, as in the JSON report (FORMATS.md section 4). */
    public static final List<String> COLUMNS = List.of("invocations", "gbSeconds", "s3Gets", "s3Puts",
            "ddbReadUnits", "ddbWriteUnits", "computeUsd", "requestUsd", "storageRequestUsd", "totalUsd");

    private CostCsv() {
    }

    /** The report as CSV text. */
    public static String write(CostReport report) {
        StringBuilder csv = new StringBuilder();
        csv.append(report.groupBy().label());
        for (String column : COLUMNS) {
            csv.append(',').append(column);
        }
        csv.append("\r\n");
        for (CostGroup group : report.groups()) {
            csv.append(cell(group.key()));
            for (String value : List.of(Long.toString(group.invocations()), plain(group.cost().gbSeconds()),
                    Long.toString(group.s3Gets()), Long.toString(group.s3Puts()), plain(group.ddbReadUnits()),
                    plain(group.ddbWriteUnits()), plain(group.cost().computeUsd()), plain(group.cost().requestUsd()),
                    plain(group.cost().storageRequestUsd()), plain(group.cost().totalUsd()))) {
                csv.append(',').append(value);
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /** A text cell, defused and quoted as needed. */
    public static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            value = '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** A decimal without exponent or trailing zeros, e.g. {@code 0.0000002}. */
    public static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}

package io.trendcast.core.upload;

import io.trendcast.core.upload.UploadColumns.Meaning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one data row into its values, or says why it cannot be used. The first fault found rejects the row, in
 * the order: the row as a whole (encoding, field count), date, item, store, quantity, price, promo, on hand.
 * Item and store ids must be free of control characters, at most {@code maxIdLength} long and must not start
 * like a spreadsheet formula ({@code = + - @}). Extra columns never reject a row: a value that is not a number
 * marks its column as text, ignored at the end. The values of the last accepted row are read from the accessors;
 * the row reader is reused.
 */
final class RowReader {

    /**
     * First characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"): ids starting
     * with one are refused, so no id the system stores or serves can run as a formula when exported.
     */
    private static final String FORMULA_STARTS = "=+-@";

    private final UploadColumns columns;
    private final Values values;
    private final int maxIdLength;
    private final int[] extraIndex;
    private final String[] firstText;
    private final long[] firstTextLine;
    private final double[] extras;
    private final String[] names;
    private String item;
    private String store;
    private int day;
    private double quantity;
    private double price;
    private double promo;
    private double onHand;

    RowReader(UploadColumns columns, Values values, int maxIdLength) {
        this.columns = columns;
        this.values = values;
        this.maxIdLength = maxIdLength;
        this.extraIndex = columns.extras().stream().mapToInt(Integer::intValue).toArray();
        this.firstText = new String[extraIndex.length];
        this.firstTextLine = new long[extraIndex.length];
        this.extras = new double[extraIndex.length];
        this.names = new String[Meaning.values().length];
        for (Meaning m : Meaning.values()) {
            int i = columns.index(m);
            names[m.ordinal()] = i < 0 ? m.aliases.get(0) : columns.name(i);
        }
    }

    /**
     * Reads a row; returns {@code null} when it is accepted, else why it is rejected.
     *
     * @param line    the line the row starts on
     * @param endLine the line it ends on (later than {@code line} when a quoted field holds line breaks)
     */
    RejectedRow read(byte[] bytes, int length, byte delimiter, Fields fields, long line, long endLine) {
        if (!Fields.isUtf8(bytes, length)) {
            return reject(line, "", "", "not valid UTF-8 text", bytes, length);
        }
        fields.split(bytes, length, delimiter);
        if (fields.unclosedQuote()) {
            return reject(line, "", "", "a quoted field is never closed" + (endLine > line ? " (lines " + line
                    + " to " + endLine + " were read as this one row; they are all in the quarantine)" : ""),
                    bytes, length);
        }
        if (fields.count() != columns.size()) {
            return reject(line, "", "", "has " + fields.count() + " fields where the header has " + columns.size()
                    + (fields.count() > columns.size() ? " (an unquoted '" + (char) delimiter + "' in a value?)" : ""),
                    bytes, length);
        }
        String column = "";
        String value = "";
        try {
            column = name(Meaning.DATE);
            value = fields.get(columns.index(Meaning.DATE));
            day = values.day(value);
            column = name(Meaning.ITEM);
            value = fields.get(columns.index(Meaning.ITEM));
            item = id(value, "item");
            int storeColumn = columns.index(Meaning.STORE);
            store = null;
            if (storeColumn >= 0) {
                column = name(Meaning.STORE);
                value = fields.get(storeColumn);
                store = value.isBlank() ? null : id(value, "store");
            }
            column = name(Meaning.QUANTITY);
            value = fields.get(columns.index(Meaning.QUANTITY));
            quantity = Values.number(value);
            price = optional(Meaning.PRICE, fields);
            if (price < 0) {
                column = name(Meaning.PRICE);
                value = fields.get(columns.index(Meaning.PRICE));
                throw new Values.Invalid("negative price");
            }
            column = name(Meaning.PROMO);
            value = columns.index(Meaning.PROMO) < 0 ? "" : fields.get(columns.index(Meaning.PROMO));
            promo = Values.promo(value);
            onHand = optional(Meaning.ON_HAND, fields);
        } catch (Values.Invalid e) {
            return reject(line, column, value, e.getMessage(), bytes, length);
        } catch (OptionalInvalid e) {
            return reject(line, e.column, e.value, e.getMessage(), bytes, length);
        }
        readExtras(fields, line);
        return null;
    }

    private void readExtras(Fields fields, long line) {
        for (int j = 0; j < extraIndex.length; j++) {
            String raw = fields.get(extraIndex[j]);
            double v = Double.NaN;
            if (!raw.isBlank() && firstText[j] == null) {
                try {
                    v = Values.number(raw);
                } catch (Values.Invalid notNumeric) {
                    firstText[j] = raw;
                    firstTextLine[j] = line;
                }
            }
            extras[j] = v;
        }
    }

    private double optional(Meaning m, Fields fields) throws OptionalInvalid {
        int i = columns.index(m);
        if (i < 0) {
            return Double.NaN;
        }
        String raw = fields.get(i);
        try {
            return Values.optionalNumber(raw);
        } catch (Values.Invalid e) {
            throw new OptionalInvalid(columns.name(i), raw, e.getMessage());
        }
    }

    private String id(String raw, String what) throws Values.Invalid {
        int control = Fields.controlCharacter(raw);
        if (control >= 0) {
            throw new Values.Invalid(String.format("contains control character U+%04X", control));
        }
        String s = raw.trim();
        if (s.isEmpty()) {
            throw new Values.Invalid("empty " + what);
        }
        if (s.length() > maxIdLength) {
            throw new Values.Invalid(what + " id longer than " + maxIdLength + " characters");
        }
        if (FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
            throw new Values.Invalid(what + " id starts with '" + s.charAt(0) + "', which a spreadsheet runs as a "
                    + "formula; remove the leading character");
        }
        return s;
    }

    private String name(Meaning m) {
        return names[m.ordinal()];
    }

    private static RejectedRow reject(long line, String column, String value, String reason, byte[] bytes,
                                      int length) {
        return new RejectedRow(line, column, value, reason, new String(bytes, 0, length, StandardCharsets.UTF_8));
    }

    /** Names of the extra columns kept as covariates: those whose every value is a number or empty. */
    List<String> covariateNames() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < extraIndex.length; j++) {
            if (firstText[j] == null) {
                names.add(columns.name(extraIndex[j]));
            }
        }
        return names;
    }

    /** Positions, among the extra columns, of those kept as covariates. */
    int[] covariatePositions() {
        int[] keep = new int[extraIndex.length];
        int n = 0;
        for (int j = 0; j < extraIndex.length; j++) {
            if (firstText[j] == null) {
                keep[n++] = j;
            }
        }
        return Arrays.copyOf(keep, n);
    }

    /** One warning per extra column: kept as a covariate, or ignored because it holds text. */
    List<String> extraColumnWarnings() {
        List<String> warnings = new ArrayList<>();
        for (int j = 0; j < extraIndex.length; j++) {
            String name = columns.name(extraIndex[j]);
            warnings.add(firstText[j] == null ? "extra column '" + name + "' is numeric and kept as a covariate"
                    : "extra column '" + name + "' is ignored: not numeric (line " + firstTextLine[j] + ": '"
                    + firstText[j] + "')");
        }
        return warnings;
    }

    String item() {
        return item;
    }

    String store() {
        return store;
    }

    int day() {
        return day;
    }

    double quantity() {
        return quantity;
    }

    double price() {
        return price;
    }

    double promo() {
        return promo;
    }

    double onHand() {
        return onHand;
    }

    double[] extras() {
        return extras;
    }

    /** An optional numeric column's fault, carrying the column and value. */
    private static final class OptionalInvalid extends Exception {
        final String column;
        final String value;

        OptionalInvalid(String column, String value, String reason) {
            super(reason, null, false, false);
            this.column = column;
            this.value = value;
        }
    }
}

package io.trendcast.core.upload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which header column holds which meaning (FORMATS.md §1): names are compared case-insensitively after trimming,
 * and for each meaning the first alias of its list that the header holds wins. Columns that match no alias are
 * extra columns, candidate covariates; a second column for a meaning already taken is ignored with a warning.
 */
final class UploadColumns {

    /** A meaning of FORMATS.md §1 with its aliases in order of preference. */
    enum Meaning {
        DATE(true, "date", "day", "order_date", "week_start"),
        ITEM(true, "item_id", "sku", "product_id", "item"),
        QUANTITY(true, "quantity", "qty", "units", "sales"),
        STORE(false, "store_id", "store", "location"),
        PRICE(false, "price", "unit_price"),
        PROMO(false, "promo", "promotion", "on_promo"),
        ON_HAND(false, "on_hand", "stock", "inventory");

        final boolean required;
        final List<String> aliases;

        Meaning(boolean required, String... aliases) {
            this.required = required;
            this.aliases = List.of(aliases);
        }
    }

    private final List<String> names;
    private final int[] index = new int[Meaning.values().length];
    private final List<Integer> extras = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private UploadColumns(List<String> header) {
        this.names = List.copyOf(header);
        Arrays.fill(index, -1);
        List<String> normalised = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        boolean[] taken = new boolean[header.size()];
        for (Meaning m : Meaning.values()) {
            for (String alias : m.aliases) {
                int i = normalised.indexOf(alias);
                if (i >= 0 && !taken[i]) {
                    index[m.ordinal()] = i;
                    taken[i] = true;
                    break;
                }
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (taken[i]) {
                continue;
            }
            Meaning other = meaningOf(normalised.get(i));
            if (normalised.get(i).isEmpty()) {
                warnings.add("column " + (i + 1) + " has no name and is ignored");
            } else if (other != null) {
                warnings.add("column '" + header.get(i).trim() + "' is ignored: column '"
                        + header.get(index[other.ordinal()]).trim() + "' already gives the "
                        + other.name().toLowerCase(Locale.ROOT));
            } else {
                extras.add(i);
            }
        }
    }

    /**
     * Resolves a header.
     *
     * @throws UploadRejectedException when a required column is missing
     */
    static UploadColumns resolve(List<String> header) {
        UploadColumns columns = new UploadColumns(header);
        for (Meaning m : Meaning.values()) {
            if (m.required && columns.index[m.ordinal()] < 0) {
                throw new UploadRejectedException("required column '" + m.name().toLowerCase(Locale.ROOT)
                        + "' is missing (accepted names: " + String.join(", ", m.aliases) + "); the header is: "
                        + String.join(", ", header));
            }
        }
        return columns;
    }

    private static Meaning meaningOf(String normalised) {
        for (Meaning m : Meaning.values()) {
            if (m.aliases.contains(normalised)) {
                return m;
            }
        }
        return null;
    }

    /** The column holding {@code m}, or -1. */
    int index(Meaning m) {
        return index[m.ordinal()];
    }

    /** The header name of column {@code i}, trimmed. */
    String name(int i) {
        return names.get(i).trim();
    }

    /** The number of columns of the header. */
    int size() {
        return names.size();
    }

    /** The columns that match no meaning, in header order. */
    List<Integer> extras() {
        return extras;
    }

    /** Whether the dates are week starts ({@code week_start} column). */
    boolean weekly() {
        return index(Meaning.DATE) >= 0 && "week_start".equalsIgnoreCase(name(index(Meaning.DATE)));
    }

    /** Warnings about ignored header columns. */
    List<String> warnings() {
        return warnings;
    }
}

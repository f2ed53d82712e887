package io.trendcast.api.error;

/** Reads optional numeric query parameters, answering 400 with the parameter's name and range when one is bad. */
public final class Params {

    private Params() {
    }

    /** {@code value} as an integer in {@code [min, max]}, or {@code otherwise} when absent. */
    public static int integer(String name, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max + ", was '"
                + value + "'");
    }

    /** {@code value} as a number in {@code [min, max]}, or {@code otherwise} when absent. */
    public static double number(String name, String value, double otherwise, double min, double max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            double v = Double.parseDouble(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw ApiException.badRequest(name + " must be a number from " + min + " to " + max + ", was '" + value
                + "'");
    }
}

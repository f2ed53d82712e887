package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.StoreException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/** Small conversions between Java values and {@link AttributeValue}s, and typed reads with clear errors. */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue instant(Instant value) {
        return AttributeValue.fromS(value.toString());
    }

    /** Puts {@code value} under {@code name} unless it is {@code null} (DynamoDB has no use for empty attributes). */
    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw malformed(item, name, "string");
        }
        return value.s();
    }

    static String optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long longNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw malformed(item, name, "number");
        }
        return Long.parseLong(value.n());
    }

    /** The number under {@code name}, or NaN when the attribute is absent (NaN is never stored). */
    static double doubleOrNaN(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Double.NaN : Double.parseDouble(value.n());
    }

    /** Puts {@code value} under {@code name} unless it is NaN or infinite, which DynamoDB cannot store. */
    static void putIfFinite(Map<String, AttributeValue> item, String name, double value) {
        if (Double.isFinite(value)) {
            item.put(name, n(value));
        }
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        return Instant.parse(string(item, name));
    }

    private static StoreException malformed(Map<String, AttributeValue> item, String name, String type) {
        return new StoreException("stored item lacks " + type + " attribute '" + name + "' (keys present: "
                + item.keySet() + "); was it written by another version of Trendcast?");
    }
}

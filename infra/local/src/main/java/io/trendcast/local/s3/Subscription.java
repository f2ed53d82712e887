package io.trendcast.local.s3;

import java.util.Objects;

/**
 * One notification rule of the bucket, as in the SAM template: objects created under {@code prefix} whose key ends
 * with {@code suffix} (any key when the suffix is empty) invoke {@code function}.
 *
 * @param id       the rule's id, sent as {@code s3.configurationId}
 * @param prefix   the key prefix filter, e.g. {@code uploads/}
 * @param suffix   the key suffix filter, e.g. {@code .csv}, or empty for none
 * @param function the name of the function to invoke
 */
public record Subscription(String id, String prefix, String suffix, String function) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(function, "function");
    }

    /** Whether a created object with this key matches the rule. */
    public boolean matches(String key) {
        return key.startsWith(prefix) && key.endsWith(suffix);
    }
}

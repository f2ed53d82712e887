package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The dollars of one invocation (or of a sum of invocations).
 *
 * @param gbSeconds         billed memory × duration, GB (1,024 MB) × seconds
 * @param computeUsd        Lambda's duration charge
 * @param requestUsd        Lambda's per-invocation request charge
 * @param storageRequestUsd S3 request and DynamoDB request-unit charges
 * @param totalUsd          the sum of the three
 */
public record InvocationCost(BigDecimal gbSeconds, BigDecimal computeUsd, BigDecimal requestUsd,
                             BigDecimal storageRequestUsd, BigDecimal totalUsd) {

    /** Nothing. */
    public static final InvocationCost ZERO = new InvocationCost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);

    public InvocationCost {
        Objects.requireNonNull(gbSeconds, "gbSeconds");
        Objects.requireNonNull(computeUsd, "computeUsd");
        Objects.requireNonNull(requestUsd, "requestUsd");
        Objects.requireNonNull(storageRequestUsd, "storageRequestUsd");
        Objects.requireNonNull(totalUsd, "totalUsd");
    }

    /** This cost plus {@code other}, exactly. */
    public InvocationCost plus(InvocationCost other) {
        return new InvocationCost(gbSeconds.add(other.gbSeconds), computeUsd.add(other.computeUsd),
                requestUsd.add(other.requestUsd), storageRequestUsd.add(other.storageRequestUsd),
                totalUsd.add(other.totalUsd));
    }
}

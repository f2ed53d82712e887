package io.trendcast.core.cost;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Prices, and the formula that turns {@link Usage} into dollars. Prices are kept in the units AWS publishes them
 * in; the defaults are us-east-1 on-demand (FORMATS.md section 6). The free tier is not deducted: the figures are
 * what the usage costs once the free tier is used up.
 *
 * <pre>
 * gbSeconds         = memoryMb / 1024 × billedDurationMs / 1000
 * computeUsd        = gbSeconds × (x86_64 or arm64 price per GB-second)
 * requestUsd        = price per million requests / 1,000,000              (one invocation)
 * storageRequestUsd = s3Puts × PUT price / 1,000 + s3Gets × GET price / 1,000
 *                   + ddbWriteUnits × write price / 1,000,000 + ddbReadUnits × read price / 1,000,000
 * totalUsd          = computeUsd + requestUsd + storageRequestUsd
 * </pre>
 * Every step is exact decimal arithmetic (the divisors are powers of 2 and 10), so a figure recomputed from an
 * item's own usage equals the stored one exactly.
 *
 * @param lambdaX86GbSecond      Lambda x86_64 per GB-second
 * @param lambdaArm64GbSecond    Lambda arm64 per GB-second
 * @param lambdaMillionRequests  Lambda per million invocations
 * @param s3ThousandPuts         S3 Standard per 1,000 PUT, COPY, POST and LIST requests
 * @param s3ThousandGets         S3 Standard per 1,000 GET and other requests
 * @param dynamoDbMillionWrites  DynamoDB on-demand per million write request units
 * @param dynamoDbMillionReads   DynamoDB on-demand per million read request units
 */
public record PriceTable(BigDecimal lambdaX86GbSecond, BigDecimal lambdaArm64GbSecond,
                         BigDecimal lambdaMillionRequests, BigDecimal s3ThousandPuts, BigDecimal s3ThousandGets,
                         BigDecimal dynamoDbMillionWrites, BigDecimal dynamoDbMillionReads) {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MB_MS_PER_GB_SECOND = BigDecimal.valueOf(1024L * 1000L);

    public PriceTable {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        all.put("lambda-x86-gb-second", lambdaX86GbSecond);
        all.put("lambda-arm64-gb-second", lambdaArm64GbSecond);
        all.put("lambda-million-requests", lambdaMillionRequests);
        all.put("s3-thousand-puts", s3ThousandPuts);
        all.put("s3-thousand-gets", s3ThousandGets);
        all.put("dynamodb-million-writes", dynamoDbMillionWrites);
        all.put("dynamodb-million-reads", dynamoDbMillionReads);
        all.forEach((name, price) -> {
            Objects.requireNonNull(price, name);
            if (price.signum() < 0) {
                throw new IllegalArgumentException("price " + name + " cannot be negative, got " + price);
            }
        });
    }

    /** us-east-1 on-demand prices (FORMATS.md section 6). */
    public static PriceTable defaults() {
        return new PriceTable(new BigDecimal("0.0000166667"), new BigDecimal("0.0000133334"), new BigDecimal("0.20"),
                new BigDecimal("0.005"), new BigDecimal("0.0004"), new BigDecimal("0.625"), new BigDecimal("0.125"));
    }

    /**
     * The defaults with some prices replaced: {@code spec} is a comma-separated list of {@code name=dollars} with
     * the names {@code lambda-x86-gb-second}, {@code lambda-arm64-gb-second}, {@code lambda-million-requests},
     * {@code s3-thousand-puts}, {@code s3-thousand-gets}, {@code dynamodb-million-writes},
     * {@code dynamodb-million-reads}. A blank spec gives the defaults.
     *
     * @throws IllegalArgumentException for an unknown name, a malformed or negative price
     */
    public static PriceTable parse(String spec) {
        Map<String, BigDecimal> prices = defaults().asMap();
        if (spec != null && !spec.isBlank()) {
            for (String entry : spec.split(",")) {
                int eq = entry.indexOf('=');
                String name = (eq < 0 ? entry : entry.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                if (eq < 0 || !prices.containsKey(name)) {
                    throw new IllegalArgumentException("'" + entry.trim() + "' is not name=dollars with a name of "
                            + prices.keySet());
                }
                try {
                    prices.put(name, new BigDecimal(entry.substring(eq + 1).trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("price " + name + " is not a number: '"
                            + entry.substring(eq + 1).trim() + "'", e);
                }
            }
        }
        return new PriceTable(prices.get("lambda-x86-gb-second"), prices.get("lambda-arm64-gb-second"),
                prices.get("lambda-million-requests"), prices.get("s3-thousand-puts"), prices.get("s3-thousand-gets"),
                prices.get("dynamodb-million-writes"), prices.get("dynamodb-million-reads"));
    }

    /** The prices by their {@link #parse} names, in declaration order. */
    public Map<String, BigDecimal> asMap() {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        map.put("lambda-x86-gb-second", lambdaX86GbSecond);
        map.put("lambda-arm64-gb-second", lambdaArm64GbSecond);
        map.put("lambda-million-requests", lambdaMillionRequests);
        map.put("s3-thousand-puts", s3ThousandPuts);
        map.put("s3-thousand-gets", s3ThousandGets);
        map.put("dynamodb-million-writes", dynamoDbMillionWrites);
        map.put("dynamodb-million-reads", dynamoDbMillionReads);
        return map;
    }

    /** The price of one GB-second on {@code architecture}. */
    public BigDecimal perGbSecond(Architecture architecture) {
        return architecture == Architecture.ARM64 ? lambdaArm64GbSecond : lambdaX86GbSecond;
    }

    /** The dollars of {@code usage}, by the formula above. */
    public InvocationCost cost(Usage usage) {
        return cost(usage.architecture(), gbSeconds(usage.memoryMb(), usage.billedDurationMs()), BigDecimal.ONE,
                BigDecimal.valueOf(usage.s3Gets()), BigDecimal.valueOf(usage.s3Puts()),
                BigDecimal.valueOf(usage.ddbReadUnits()), BigDecimal.valueOf(usage.ddbWriteUnits()));
    }

    /**
     * The dollars of summed (or projected) usage by the same formula: {@code gbSeconds} on {@code architecture},
     * {@code invocations} requests, and the request counts and capacity units given.
     */
    public InvocationCost cost(Architecture architecture, BigDecimal gbSeconds, BigDecimal invocations,
                               BigDecimal s3Gets, BigDecimal s3Puts, BigDecimal ddbReadUnits,
                               BigDecimal ddbWriteUnits) {
        BigDecimal compute = gbSeconds.multiply(perGbSecond(architecture));
        BigDecimal request = invocations.multiply(lambdaMillionRequests).divide(MILLION);
        BigDecimal storage = s3Puts.multiply(s3ThousandPuts).divide(THOUSAND)
                .add(s3Gets.multiply(s3ThousandGets).divide(THOUSAND))
                .add(ddbWriteUnits.multiply(dynamoDbMillionWrites).divide(MILLION))
                .add(ddbReadUnits.multiply(dynamoDbMillionReads).divide(MILLION));
        return new InvocationCost(gbSeconds, compute, request, storage, compute.add(request).add(storage));
    }

    /** {@code memoryMb / 1024 × durationMs / 1000}, exactly. */
    public static BigDecimal gbSeconds(long memoryMb, long durationMs) {
        return BigDecimal.valueOf(memoryMb).multiply(BigDecimal.valueOf(durationMs)).divide(MB_MS_PER_GB_SECOND);
    }

}

package io.trendcast.aws.cost;

import io.trendcast.core.cost.Architecture;
import io.trendcast.core.cost.PriceTable;

import java.util.Objects;

/**
 * What a {@link CostMeter} needs to know about its function. Immutable and validated.
 *
 * @param function     the function's short name ({@code ingest}, {@code train}, {@code api})
 * @param memoryMb     the configured memory: Lambda's {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}
 * @param architecture the architecture the function runs on
 * @param prices       the price table
 */
public record MeterSettings(String function, int memoryMb, Architecture architecture, PriceTable prices) {

    public MeterSettings {
        if (function == null || !function.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("function must be a short lower-case name, got '" + function + "'");
        }
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("memoryMb must be 128..10240 as on Lambda, got " + memoryMb);
        }
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(prices, "prices");
    }

    /**
     * Settings from a function's configuration: {@code architecture} as configured, else the JVM's
     * ({@code os.arch}, which on Lambda is the function's); {@code prices} as {@link PriceTable#parse} reads them
     * (blank for the defaults).
     *
     * @throws IllegalArgumentException when a value is invalid, naming it
     */
    public static MeterSettings of(String function, int memoryMb, String architecture, String prices) {
        Architecture arch = Architecture.parse(architecture == null || architecture.isBlank()
                ? System.getProperty("os.arch") : architecture);
        return new MeterSettings(function, memoryMb, arch, PriceTable.parse(prices));
    }
}

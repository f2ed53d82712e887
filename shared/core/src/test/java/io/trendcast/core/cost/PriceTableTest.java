package io.trendcast.core.cost;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pricing formula against figures worked out by hand from the FORMATS.md section 6 prices. */
class PriceTableTest {

    private final PriceTable prices = PriceTable.defaults();

    @Test
    void armInvocationWithRequestsIsPricedByTheFormula() {
        // 512 MB × 100 ms = 0.05 GB-s; × 0.0000133334 = 0.00000066667
        // 2 PUT × 0.005/1000 = 0.00001; 3 GET × 0.0004/1000 = 0.0000012
        // 1.5 WRU × 0.625/1e6 = 0.0000009375; 0.5 RRU × 0.125/1e6 = 0.0000000625; request 0.20/1e6 = 0.0000002
        InvocationCost cost = prices.cost(new Usage(Architecture.ARM64, 512, 100, 3, 2, 0.5, 1.5));
        assertEquals(0, new BigDecimal("0.05").compareTo(cost.gbSeconds()));
        assertEquals(0, new BigDecimal("0.00000066667").compareTo(cost.computeUsd()));
        assertEquals(0, new BigDecimal("0.0000002").compareTo(cost.requestUsd()));
        assertEquals(0, new BigDecimal("0.0000122").compareTo(cost.storageRequestUsd()));
        assertEquals(0, new BigDecimal("0.00001306667").compareTo(cost.totalUsd()));
    }

    @Test
    void x86UsesTheX86PriceAndGigabytesOf1024Megabytes() {
        // 3008 MB × 60 s = 176.25 GB-s; × 0.0000166667 = 0.002937505875
        InvocationCost cost = prices.cost(new Usage(Architecture.X86_64, 3008, 60_000, 0, 0, 0, 0));
        assertEquals(0, new BigDecimal("176.25").compareTo(cost.gbSeconds()));
        assertEquals(0, new BigDecimal("0.002937505875").compareTo(cost.computeUsd()));
        assertEquals(0, new BigDecimal("0.002937705875").compareTo(cost.totalUsd()));
    }

    @Test
    void billedDurationIsRoundedUpToTheMillisecondAndAtLeastOne() {
        assertEquals(1, CostRecord.billedMillis(0.0));
        assertEquals(1, CostRecord.billedMillis(0.2));
        assertEquals(13, CostRecord.billedMillis(12.001));
        assertEquals(12, CostRecord.billedMillis(12.0));
    }

    @Test
    void parseReplacesNamedPricesAndKeepsTheOthers() {
        PriceTable custom = PriceTable.parse("lambda-arm64-gb-second=0.00001, s3-thousand-gets=0.001");
        assertEquals(new BigDecimal("0.00001"), custom.lambdaArm64GbSecond());
        assertEquals(new BigDecimal("0.001"), custom.s3ThousandGets());
        assertEquals(prices.lambdaX86GbSecond(), custom.lambdaX86GbSecond());
        assertEquals(prices, PriceTable.parse(" "));
        // 1 GET at 0.001 per thousand = 0.000001
        assertEquals(0, new BigDecimal("0.000001").compareTo(custom.cost(new Usage(Architecture.ARM64, 128, 1, 1, 0,
                0, 0)).storageRequestUsd()));
    }

    @Test
    void badPricesAreRejectedWithTheirName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("lambda-gb-second=1"));
        assertTrue(unknown.getMessage().contains("lambda-x86-gb-second"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("s3-thousand-puts=abc"));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("s3-thousand-puts=-1"));
        assertTrue(negative.getMessage().contains("s3-thousand-puts"), negative.getMessage());
    }

    @Test
    void usageIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Usage(Architecture.ARM64, 0, 1, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Usage(Architecture.ARM64, 128, 1, -1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Usage(Architecture.ARM64, 128, 1, 0, 0, Double.NaN, 0));
    }

    @Test
    void architecturesParseFromLambdaAndJvmNames() {
        assertEquals(Architecture.ARM64, Architecture.parse("aarch64"));
        assertEquals(Architecture.ARM64, Architecture.parse("arm64"));
        assertEquals(Architecture.X86_64, Architecture.parse("amd64"));
        assertEquals(Architecture.X86_64, Architecture.parse("X86_64"));
        assertThrows(IllegalArgumentException.class, () -> Architecture.parse("sparc"));
    }
}

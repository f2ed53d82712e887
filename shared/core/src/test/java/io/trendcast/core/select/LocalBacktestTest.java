package io.trendcast.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trendcast.core.model.FittedModel;
import io.trendcast.core.model.Forecaster;
import io.trendcast.core.model.naive.DriftForecaster;
import io.trendcast.core.model.naive.NaiveForecaster;
import io.trendcast.core.model.naive.SeasonalNaiveForecaster;
import io.trendcast.core.model.theta.ThetaForecaster;
import io.trendcast.core.series.TimeSeries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalBacktestTest {

    /** Counts fits, so a test can tell a held-out fold from a refit on the head. */
    private static final class Counting implements Forecaster {
        final Forecaster inner;
        int fits;

        Counting(Forecaster inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public FittedModel fit(TimeSeries series) {
            return fit(series, 1);
        }

        @Override
        public FittedModel fit(TimeSeries series, int horizon) {
            fits++;
            return inner.fit(series, horizon);
        }
    }

    private static AutoForecaster.Builder builder() {
        return AutoForecaster.builder()
                .methods(List.of(new NaiveForecaster(), new SeasonalNaiveForecaster(), new DriftForecaster(),
                        ThetaForecaster.defaults()))
                .combination(Combiner.MEAN, "naive", "theta").fallbackChoice("mean(naive,theta)");
    }

    private static TimeSeries series() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 0.8 * t + 10 * Math.sin(2 * Math.PI * t / 4) + ((t * 7919) % 13 - 6);
        }
        return TimeSeries.of("s", 4, y);
    }

    @Test
    void autosHeldOutFoldIsTheLocalSideAndNoRefitIsMade() {
        TimeSeries s = series();
        Counting local = new Counting(builder().heldOutFold(true).build());
        AutoModel fitted = (AutoModel) local.fit(s, 8);
        LocalBacktest lb = LocalBacktest.of(local, fitted, s, 8);
        assertArrayEquals(fitted.heldOutFold(), lb.forecast(), 0);
        assertEquals(1, local.fits, "the fold replaces the refit on the head");
        assertArrayEquals(Arrays.copyOfRange(s.values(), 52, 60), lb.actual(), 0);
        assertEquals(Arrays.stream(s.values()).map(Math::abs).average().orElseThrow(), lb.scale(), 1e-12);
    }

    @Test
    void withoutAFoldOfTheWindowsLengthTheLocalMethodIsRefittedOnTheHead() {
        TimeSeries s = series();
        Counting plain = new Counting(builder().build());
        LocalBacktest refit = LocalBacktest.of(plain, plain.fit(s, 8), s, 8);
        assertEquals(2, plain.fits);
        assertArrayEquals(plain.inner.fit(s.head(52), 8).forecast(8, 95).mean(), refit.forecast(), 1e-12);

        Counting withFold = new Counting(builder().heldOutFold(true).build());
        FittedModel fitted = withFold.fit(s, 8);
        LocalBacktest other = LocalBacktest.of(withFold, fitted, s, 6);
        assertEquals(2, withFold.fits, "a fold of 8 periods does not judge a window of 6");
        assertArrayEquals(withFold.inner.fit(s.head(54), 6).forecast(6, 95).mean(), other.forecast(), 1e-12);
        assertFalse(Arrays.equals(Arrays.copyOf(((AutoModel) fitted).heldOutFold(), 6), other.forecast()));
    }

    @Test
    void aLocalMethodThatCannotBeRefittedLeavesNoForecast() {
        TimeSeries s = series();
        Forecaster failing = new AutoForecasterTest.Failing();
        FittedModel fitted = new NaiveForecaster().fit(s, 8);
        assertNull(LocalBacktest.of(failing, fitted, s, 8).forecast());
    }
}

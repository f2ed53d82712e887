package io.trendcast.core.upload;

import io.trendcast.core.port.SeriesKey;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A feature shard, {@code features/{seller}/{runId}/part-NNNN.csv.gz}: the whole merged history of at most
 * {@code shardSize} series, on the dataset's date grid, in the {@link SalesCsv} row format (header
 * {@code series_key,item,store,date,quantity,price,promo,on_hand[,covariates…]}), gzip-compressed by the caller.
 *
 * <p>Each series has one row per period of the run's frequency ({@link DateGrid}), from the period of its first
 * sale to the dataset's last period, so every series of a run ends on the same date. A period with no data is an
 * explicit row whose numbers are all empty (missing: the train function decides whether that means zero sales).
 * Days falling into one period (daily data on a weekly grid) are combined as transaction lines are: quantities
 * summed, price weighted by absolute quantity, promo the maximum, on hand and covariates the last value.
 *
 * <p>The run manifest {@code datasets/{seller}/runs/{runId}.json} names the frequency, season and horizon.
 */
public final class FeatureShard {

    private FeatureShard() {
    }

    /** The object key of shard {@code index} (0-based) of a run. */
    public static String key(String seller, String runId, int index) {
        return String.format("features/%s/%s/part-%04d.csv.gz", seller, runId, index);
    }

    /** Writes the series of one shard on a grid ending at the dataset's last period. */
    public static final class Writer implements AutoCloseable {
        private final SalesCsv.Writer rows;
        private final DateGrid grid;
        private final long lastPeriod;
        private final int covariates;

        /** A writer to {@code out} (closed with this writer) on {@code grid} up to the period of {@code lastDay}. */
        public Writer(OutputStream out, List<String> covariateNames, DateGrid grid, long lastDay) {
            this.rows = new SalesCsv.Writer(out, covariateNames);
            this.grid = grid;
            this.lastPeriod = grid.period(lastDay);
            this.covariates = covariateNames.size();
        }

        /** Writes one series from its cells, sorted by day. */
        public void write(List<SalesCell> cells) {
            if (cells.isEmpty()) {
                return;
            }
            SeriesKey key = cells.get(0).series();
            long period = grid.period(cells.get(0).epochDay());
            int i = 0;
            for (; period <= lastPeriod; period++) {
                Period p = new Period(covariates);
                while (i < cells.size() && grid.period(cells.get(i).epochDay()) == period) {
                    p.add(cells.get(i++));
                }
                rows.write(p.cell(key, (int) grid.day(period)));
            }
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** One series of a shard, as the train function reads it. Arrays are indexed by period, oldest first. */
    public record Series(SeriesKey key, int[] epochDays, double[] quantity, double[] price, double[] promo,
                         double[] onHand, double[][] covariates) {
    }

    /** Reads a shard series by series; closing closes the stream. */
    public static final class Reader implements AutoCloseable {
        private final SalesCsv.Reader rows;
        private SalesCell pending;

        /** Opens a (decompressed) shard; {@code source} names it in error messages. */
        public Reader(InputStream in, String source) {
            this.rows = new SalesCsv.Reader(in, source);
            this.pending = rows.next();
        }

        /** The covariate names of the shard. */
        public List<String> covariates() {
            return rows.covariates();
        }

        /** The next series, or {@code null} at the end. */
        public Series next() {
            if (pending == null) {
                return null;
            }
            List<SalesCell> cells = new ArrayList<>();
            SeriesKey key = pending.series();
            while (pending != null && pending.series().equals(key)) {
                cells.add(pending);
                pending = rows.next();
            }
            int n = cells.size();
            int[] days = new int[n];
            double[] q = new double[n];
            double[] p = new double[n];
            double[] promo = new double[n];
            double[] stock = new double[n];
            double[][] cov = new double[rows.covariates().size()][n];
            for (int t = 0; t < n; t++) {
                SalesCell c = cells.get(t);
                days[t] = c.epochDay();
                q[t] = c.quantity();
                p[t] = c.price();
                promo[t] = c.promo();
                stock[t] = c.onHand();
                for (int k = 0; k < cov.length; k++) {
                    cov[k][t] = c.covariates()[k];
                }
            }
            return new Series(key, days, q, p, promo, stock, cov);
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** The cells of one period being combined. */
    private static final class Period {
        private double quantity = Double.NaN;
        private double weighted;
        private double weight;
        private double priceSum;
        private int prices;
        private double promo = Double.NaN;
        private double onHand = Double.NaN;
        private final double[] cov;

        Period(int covariates) {
            cov = new double[covariates];
            Arrays.fill(cov, Double.NaN);
        }

        void add(SalesCell c) {
            quantity = Double.isNaN(quantity) ? c.quantity() : quantity + (Double.isNaN(c.quantity()) ? 0
                    : c.quantity());
            if (!Double.isNaN(c.price())) {
                double w = Double.isNaN(c.quantity()) ? 0 : Math.abs(c.quantity());
                weighted += c.price() * w;
                weight += w;
                priceSum += c.price();
                prices++;
            }
            if (!Double.isNaN(c.promo())) {
                promo = Double.isNaN(promo) ? c.promo() : Math.max(promo, c.promo());
            }
            onHand = Double.isNaN(c.onHand()) ? onHand : c.onHand();
            double[] in = c.covariates();
            for (int k = 0; k < cov.length && k < in.length; k++) {
                cov[k] = Double.isNaN(in[k]) ? cov[k] : in[k];
            }
        }

        SalesCell cell(SeriesKey key, int day) {
            double price = weight > 0 ? weighted / weight : prices > 0 ? priceSum / prices : Double.NaN;
            return new SalesCell(key, day, quantity, price, promo, onHand, cov);
        }
    }
}

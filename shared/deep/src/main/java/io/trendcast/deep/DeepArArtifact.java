package io.trendcast.deep;

import io.trendcast.core.features.Festival;
import io.trendcast.core.features.HolidayCalendar;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.model.ModelException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a fitted DeepAR model and loads it in a later run. The file holds the provenance JSON, the configuration, the
 * fitted series ids with a hash of their values, the backtest and the network's parameters (DJL's block format).
 * Loading with the same series rebuilds the features and draws the same sample paths (same seed), so the forecasts
 * are identical; loading with other series fails.
 */
public final class DeepArArtifact {

    private static final int MAGIC = 0x54434441; // "TCDA"
    /**
     * 2: the ensemble's member count, the conformal interval table and each member's parameters; 1: a single network
     * with sample intervals, still read.
     */
    private static final int VERSION = 2;

    private DeepArArtifact() {
    }

    public static void write(DeepArModel model, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        writeBytes(d, model.provenance().toJson(model.config()).getBytes(StandardCharsets.UTF_8));
        DeepArConfig c = model.config();
        d.writeInt(c.hiddenSize());
        d.writeInt(c.layers());
        d.writeInt(c.embeddingSize());
        d.writeInt(c.contextLength());
        d.writeInt(c.maxEpochs());
        d.writeInt(c.minEpochs());
        d.writeInt(c.patience());
        d.writeInt(c.batchesPerEpoch());
        d.writeInt(c.batchSize());
        d.writeDouble(c.learningRate());
        d.writeInt(c.samplePaths());
        d.writeLong(c.seed());
        d.writeInt(c.threads());
        List<Festival> fest = c.holidays().festivals();
        d.writeInt(fest.size());
        for (Festival f : fest) {
            d.writeUTF(f.name());
        }
        d.writeBoolean(c.validate());
        d.writeInt(c.validationLength());
        d.writeInt(c.members());
        d.writeInt(model.horizon());
        List<String> ids = model.seriesIds();
        d.writeInt(ids.size());
        for (String id : ids) {
            d.writeUTF(id);
        }
        d.writeUTF(model.provenance().dataSha256());
        Map<String, double[]> bt = model.backtest();
        d.writeInt(bt.size());
        for (String id : ids) {
            double[] v = bt.get(id);
            if (v != null) {
                d.writeUTF(id);
                d.writeInt(v.length);
                for (double x : v) {
                    d.writeDouble(x);
                }
            }
        }
        double[] table = model.intervals().table();
        d.writeInt(model.intervals().points());
        d.writeInt(table.length);
        for (double v : table) {
            d.writeDouble(v);
        }
        for (byte[] member : model.parameters()) {
            writeBytes(d, member);
        }
        writeBytes(d, provenanceBytes(model));
        d.flush();
    }

    /** The artifact as bytes. */
    public static byte[] toBytes(DeepArModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Loads a model saved by {@link #write} for the same series (same ids in the same order, same values; as in the
     * fit, those of {@code batch} shorter than {@link DeepArForecaster#MIN_LENGTH} are left out).
     *
     * @throws DeepArException when the stream is not a DeepAR artifact or the inputs differ from the fitted series
     */
    public static DeepArModel read(InputStream in, List<SeriesInput> batch) throws IOException {
        List<SeriesInput> inputs = DeepArForecaster.fittable(batch);
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC) {
            throw new DeepArException("not a deepar artifact");
        }
        int version = d.readInt();
        if (version != VERSION && version != 1) {
            throw new DeepArException("deepar artifact version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        readBytes(d);
        DeepArConfig.Builder b = DeepArConfig.builder().hiddenSize(d.readInt()).layers(d.readInt())
                .embeddingSize(d.readInt()).contextLength(d.readInt()).maxEpochs(d.readInt()).minEpochs(d.readInt())
                .patience(d.readInt()).batchesPerEpoch(d.readInt()).batchSize(d.readInt())
                .learningRate(d.readDouble()).samplePaths(d.readInt()).seed(d.readLong()).threads(d.readInt());
        int nf = d.readInt();
        EnumSet<Festival> fest = EnumSet.noneOf(Festival.class);
        for (int i = 0; i < nf; i++) {
            fest.add(Festival.valueOf(d.readUTF()));
        }
        b.holidays(HolidayCalendar.of(fest)).validate(d.readBoolean()).validationLength(d.readInt());
        DeepArConfig config = b.members(version == 1 ? 1 : d.readInt()).build();
        int horizon = d.readInt();
        int n = d.readInt();
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(d.readUTF());
        }
        String sha = d.readUTF();
        Map<String, double[]> backtest = new HashMap<>();
        int nb = d.readInt();
        for (int i = 0; i < nb; i++) {
            String id = d.readUTF();
            double[] v = new double[d.readInt()];
            for (int k = 0; k < v.length; k++) {
                v[k] = d.readDouble();
            }
            backtest.put(id, v);
        }
        IntervalScale intervals = IntervalScale.none();
        if (version >= 2) {
            int points = d.readInt();
            int size = d.readInt();
            if (size < 0 || size > IntervalScale.GRID + 1) {
                throw new DeepArException("corrupt deepar artifact (interval table of " + size + ")");
            }
            double[] table = new double[size];
            for (int i = 0; i < size; i++) {
                table[i] = d.readDouble();
            }
            intervals = IntervalScale.of(table, points);
        }
        List<byte[]> params = new ArrayList<>();
        for (int k = 0; k < config.members(); k++) {
            params.add(readBytes(d));
        }
        Provenance saved = ProvenanceCodec.read(readBytes(d));
        List<String> given = inputs.stream().map(x -> x.series().id()).toList();
        if (!given.equals(ids)) {
            throw new DeepArException("the artifact was fitted on " + ids.size() + " other series (or another order) "
                    + "than the " + given.size() + " given");
        }
        Panel panel = Panel.of(inputs, config.holidays(), 0);
        if (!DeepArForecaster.sha256(panel).equals(sha)) {
            throw new DeepArException("the series' values differ from those the artifact was fitted on");
        }
        try {
            float[][][] samples = DeepArForecaster.sample(panel, config, horizon, params);
            return new DeepArModel(config, horizon, panel, params, samples, backtest, intervals, saved);
        } catch (ModelException e) {
            throw new DeepArException("cannot rebuild the model from the artifact: " + e.getMessage(), e);
        }
    }

    private static byte[] provenanceBytes(DeepArModel model) {
        return ProvenanceCodec.write(model.provenance());
    }

    private static void writeBytes(DataOutputStream d, byte[] b) throws IOException {
        d.writeInt(b.length);
        d.write(b);
    }

    private static byte[] readBytes(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > 1 << 30) {
            throw new DeepArException("corrupt deepar artifact (block of " + n + " bytes)");
        }
        return d.readNBytes(n);
    }
}

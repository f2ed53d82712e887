package io.trendcast.ml;

import io.trendcast.core.features.FeatureBuilder;
import io.trendcast.core.features.FeatureSpec;
import io.trendcast.core.features.Festival;
import io.trendcast.core.features.HolidayCalendar;
import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.model.ModelException;
import io.trendcast.core.series.Frequency;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * The stored form of a global model: a small header (format version, configuration, feature spec, per-series scales,
 * conformal table) followed by the Tribuo model as its protobuf ({@code ModelProto}, which carries the provenance:
 * trainer configuration, data source, Tribuo and Java versions). Loading it with the same series reproduces the
 * forecasts exactly.
 */
public final class GlobalArtifact {

    private static final int MAGIC = 0x54434731; // "TCG1"
    private static final int VERSION = 1;

    private GlobalArtifact() {
    }

    /** Writes {@code model} to {@code out} (not closed). */
    public static void write(TribuoGlobalModel model, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        GlobalConfig c = model.config();
        d.writeUTF(c.learner().name());
        d.writeUTF(c.strategy().name());
        d.writeInt(c.trees());
        d.writeInt(c.maxDepth());
        d.writeDouble(c.eta());
        d.writeDouble(c.subsample());
        d.writeInt(c.threads());
        d.writeLong(c.seed());
        d.writeBoolean(c.calibrate());
        Panel p = model.panel();
        d.writeInt(p.horizon);
        FeatureSpec spec = p.builder.spec();
        d.writeUTF(p.inputs.get(0).series().frequency().name());
        writeInts(d, spec.lags());
        writeInts(d, spec.windows());
        d.writeInt(spec.minLag());
        d.writeBoolean(spec.calendar());
        writeStrings(d, spec.holidays().festivals().stream().map(Enum::name).toList());
        d.writeUTF(spec.priceColumn());
        d.writeInt(spec.priceWindow());
        writeStrings(d, spec.covariates());
        writeStrings(d, spec.attributes());
        d.writeInt(p.inputs.size());
        for (int s = 0; s < p.inputs.size(); s++) {
            d.writeUTF(p.inputs.get(s).series().id());
            d.writeDouble(p.scales[s]);
        }
        double[][] table = model.intervals().sortedAbs();
        d.writeInt(table.length);
        for (double[] row : table) {
            d.writeInt(row.length);
            for (double v : row) {
                d.writeDouble(v);
            }
        }
        byte[] proto = model.tribuoModel().serialize().toByteArray();
        d.writeInt(proto.length);
        d.write(proto);
        d.flush();
    }

    /** The artifact as bytes. */
    public static byte[] toBytes(TribuoGlobalModel model) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try {
            write(model, bo);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bo.toByteArray();
    }

    /**
     * Reads an artifact and forecasts {@code inputs} with it. Every input series must have been part of the fit
     * (its scale is stored); their histories are what the forecasts start from.
     *
     * @throws ModelException when the bytes are not an artifact of this version or a series is unknown to it
     */
    public static TribuoGlobalModel read(InputStream in, List<SeriesInput> inputs) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC) {
            throw new ModelException("not a trendcast global model artifact");
        }
        int version = d.readInt();
        if (version != VERSION) {
            throw new ModelException("global model artifact version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        GlobalConfig.Learner learner = GlobalConfig.Learner.valueOf(d.readUTF());
        GlobalConfig.Strategy strategy = GlobalConfig.Strategy.valueOf(d.readUTF());
        int trees = d.readInt();
        int depth = d.readInt();
        double eta = d.readDouble();
        double subsample = d.readDouble();
        int threads = d.readInt();
        long seed = d.readLong();
        boolean calibrate = d.readBoolean();
        int horizon = d.readInt();
        Frequency freq = Frequency.valueOf(d.readUTF());
        int[] lags = readInts(d);
        int[] windows = readInts(d);
        int minLag = d.readInt();
        boolean calendar = d.readBoolean();
        EnumSet<Festival> fest = EnumSet.noneOf(Festival.class);
        for (String f : readStrings(d)) {
            fest.add(Festival.valueOf(f));
        }
        HolidayCalendar holidays = HolidayCalendar.of(fest);
        String price = d.readUTF();
        int priceWindow = d.readInt();
        FeatureSpec spec = new FeatureSpec(lags, windows, minLag, calendar, holidays, price, priceWindow,
                readStrings(d), readStrings(d));
        int n = d.readInt();
        Map<String, Double> scales = new HashMap<>();
        for (int s = 0; s < n; s++) {
            scales.put(d.readUTF(), d.readDouble());
        }
        double[][] table = new double[d.readInt()][];
        for (int k = 0; k < table.length; k++) {
            table[k] = new double[d.readInt()];
            for (int i = 0; i < table[k].length; i++) {
                table[k][i] = d.readDouble();
            }
        }
        byte[] proto = new byte[d.readInt()];
        d.readFully(proto);
        Model<Regressor> model = Model.deserialize(ModelProto.parseFrom(new ByteArrayInputStream(proto)))
                .castModel(Regressor.class);
        double[] sc = new double[inputs.size()];
        for (int s = 0; s < sc.length; s++) {
            Double v = scales.get(inputs.get(s).series().id());
            if (v == null) {
                throw new ModelException("series '" + inputs.get(s).series().id() + "' was not part of this model");
            }
            sc[s] = v;
        }
        GlobalConfig config = new GlobalConfig(learner, strategy, trees, depth, eta, subsample, threads, seed,
                holidays, calibrate);
        Panel panel = new Panel(inputs, new FeatureBuilder(spec, freq), sc, horizon);
        return new TribuoGlobalModel(config, panel, model, new ConformalTable(table), Map.of());
    }

    private static void writeInts(DataOutputStream d, int[] v) throws IOException {
        d.writeInt(v.length);
        for (int x : v) {
            d.writeInt(x);
        }
    }

    private static int[] readInts(DataInputStream d) throws IOException {
        int[] v = new int[d.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = d.readInt();
        }
        return v;
    }

    private static void writeStrings(DataOutputStream d, List<String> v) throws IOException {
        d.writeInt(v.size());
        for (String s : v) {
            d.writeUTF(s);
        }
    }

    private static List<String> readStrings(DataInputStream d) throws IOException {
        int n = d.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(d.readUTF());
        }
        return out;
    }
}

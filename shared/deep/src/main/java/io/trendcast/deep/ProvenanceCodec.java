package io.trendcast.deep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Binary form of {@link Provenance} inside an artifact (the JSON beside it is for people and tools). */
final class ProvenanceCodec {

    private ProvenanceCodec() {
    }

    static byte[] write(Provenance p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeUTF(p.djlVersion());
            d.writeUTF(p.engineVersion());
            d.writeInt(p.series());
            d.writeUTF(p.frequency());
            d.writeInt(p.horizon());
            d.writeInt(p.features());
            d.writeInt(p.lags().size());
            for (int l : p.lags()) {
                d.writeInt(l);
            }
            d.writeUTF(p.dataSha256());
            d.writeInt(p.epochs());
            d.writeInt(p.validationEpoch());
            writeDoubles(d, p.trainLoss());
            writeDoubles(d, p.validationLoss());
            d.writeDouble(p.trainingSeconds());
            d.writeDouble(p.secondsPerEpoch());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Provenance read(byte[] bytes) {
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String djl = d.readUTF();
            String engine = d.readUTF();
            int series = d.readInt();
            String freq = d.readUTF();
            int horizon = d.readInt();
            int features = d.readInt();
            int nl = d.readInt();
            List<Integer> lags = new ArrayList<>();
            for (int i = 0; i < nl; i++) {
                lags.add(d.readInt());
            }
            String sha = d.readUTF();
            int epochs = d.readInt();
            int valEpoch = d.readInt();
            List<Double> train = readDoubles(d);
            List<Double> val = readDoubles(d);
            return new Provenance(djl, engine, series, freq, horizon, features, lags, sha, epochs, valEpoch, train,
                    val, d.readDouble(), d.readDouble());
        } catch (IOException e) {
            throw new DeepArException("corrupt provenance in the deepar artifact: " + e.getMessage(), e);
        }
    }

    private static void writeDoubles(DataOutputStream d, List<Double> v) throws IOException {
        d.writeInt(v.size());
        for (double x : v) {
            d.writeDouble(x);
        }
    }

    private static List<Double> readDoubles(DataInputStream d) throws IOException {
        int n = d.readInt();
        List<Double> v = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            v.add(d.readDouble());
        }
        return v;
    }
}

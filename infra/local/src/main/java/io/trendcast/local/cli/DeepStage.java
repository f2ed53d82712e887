package io.trendcast.local.cli;

import io.trendcast.core.features.SeriesInput;
import io.trendcast.core.global.GlobalModel;
import io.trendcast.deep.DeepArArtifact;
import io.trendcast.deep.DeepArConfig;
import io.trendcast.deep.DeepArForecaster;
import io.trendcast.deep.DeepArModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * DeepAR's part of a batch: fits (or loads) one network per group of series, like the global model's stage. The
 * artifact gets its provenance JSON beside it ({@code <artifact>.json}).
 */
final class DeepStage implements GlobalStage.Fitter {

    private final DeepArConfig config;

    DeepStage(DeepArConfig config) {
        this.config = config;
    }

    @Override
    public GlobalModel fitOrLoad(List<SeriesInput> group, int horizon, Path artifact) throws IOException {
        if (artifact != null && Files.exists(artifact)) {
            try (InputStream in = Files.newInputStream(artifact)) {
                System.err.println("deepar loaded from " + artifact + " (no retraining)");
                return DeepArArtifact.read(in, group);
            }
        }
        DeepArModel model = new DeepArForecaster(config).fitModel(group, horizon);
        System.err.printf("deepar on %d series: %d epochs (early stopping chose %d of %d), %.2f s per epoch, %.1f s "
                + "for all fits and the sample paths%n", model.provenance().series(), model.provenance().epochs(),
                model.provenance().validationEpoch(), model.provenance().validationLoss().size(),
                model.provenance().secondsPerEpoch(), model.provenance().trainingSeconds());
        if (artifact != null) {
            try (OutputStream out = Files.newOutputStream(artifact)) {
                DeepArArtifact.write(model, out);
            }
            Files.writeString(artifact.resolveSibling(artifact.getFileName() + ".json"),
                    model.provenance().toJson(model.config()), StandardCharsets.UTF_8);
            System.err.println("deepar saved to " + artifact);
        }
        return model;
    }
}

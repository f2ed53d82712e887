package io.trendcast.deep;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a DeepAR model came from: library and engine versions, configuration, data (series count, frequency, a
 * SHA-256 of the training values), training (epochs, the validation epoch kept, losses, seconds).
 *
 * @param djlVersion        DJL version
 * @param engineVersion     PyTorch version
 * @param series            series fitted
 * @param frequency         their frequency
 * @param horizon           forecast horizon
 * @param features          features per period (without the embedding)
 * @param lags              lags fed to the network
 * @param dataSha256        hash of the training values (ids, positions and values in fit order)
 * @param epochs            epochs of the final fit
 * @param validationEpoch   epoch with the lowest validation loss (0 without validation)
 * @param trainLoss         final fit's loss per epoch
 * @param validationLoss    validation loss per epoch of the validation fit
 * @param trainingSeconds   seconds of all fits and the sampling
 * @param secondsPerEpoch   seconds per epoch of the final fit (training only)
 */
public record Provenance(String djlVersion, String engineVersion, int series, String frequency, int horizon,
                         int features, List<Integer> lags, String dataSha256, int epochs, int validationEpoch,
                         List<Double> trainLoss, List<Double> validationLoss, double trainingSeconds,
                         double secondsPerEpoch) {

    public Provenance {
        lags = List.copyOf(lags);
        trainLoss = List.copyOf(trainLoss);
        validationLoss = List.copyOf(validationLoss);
    }

    /** The provenance and {@code config} as one JSON object. */
    public String toJson(DeepArConfig config) {
        return "{\"method\":\"deepar\",\"library\":\"DJL " + djlVersion + "\",\"engine\":\"PyTorch " + engineVersion
                + " (cpu)\",\"likelihood\":\"student-t\",\"config\":{\"hiddenSize\":" + config.hiddenSize()
                + ",\"layers\":" + config.layers() + ",\"embeddingSize\":" + config.embeddingSize()
                + ",\"contextLength\":" + config.contextFor(horizon) + ",\"maxEpochs\":" + config.maxEpochs()
                + ",\"minEpochs\":" + config.minEpochs() + ",\"patience\":" + config.patience()
                + ",\"batchesPerEpoch\":" + config.batchesPerEpoch() + ",\"batchSize\":" + config.batchSize()
                + ",\"learningRate\":" + config.learningRate() + ",\"samplePaths\":" + config.samplePaths()
                + ",\"seed\":" + config.seed() + ",\"threads\":" + config.threads() + ",\"festivals\":"
                + config.holidays().festivals().stream().map(f -> "\"" + f.name() + "\"")
                        .collect(Collectors.joining(",", "[", "]"))
                + ",\"validate\":" + config.validate() + ",\"validationLength\":" + config.validationLength()
                + ",\"members\":" + config.members()
                + "},\"data\":{\"series\":" + series + ",\"frequency\":\""
                + frequency + "\",\"horizon\":" + horizon + ",\"features\":" + features + ",\"lags\":" + lags
                + ",\"sha256\":\"" + dataSha256 + "\"},\"training\":{\"epochs\":" + epochs
                + ",\"validationEpoch\":" + validationEpoch + ",\"trainLoss\":" + numbers(trainLoss)
                + ",\"validationLoss\":" + numbers(validationLoss) + ",\"seconds\":"
                + String.format(Locale.ROOT, "%.3f", trainingSeconds) + ",\"secondsPerEpoch\":"
                + String.format(Locale.ROOT, "%.3f", secondsPerEpoch) + "}}";
    }

    private static String numbers(List<Double> v) {
        return v.stream().map(d -> Double.isFinite(d) ? String.format(Locale.ROOT, "%.5f", d) : "null")
                .collect(Collectors.joining(",", "[", "]"));
    }
}

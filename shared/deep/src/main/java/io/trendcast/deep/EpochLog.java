package io.trendcast.deep;

import java.util.List;

/**
 * What training did: loss per epoch (mean Student-t negative log-likelihood of the scaled values), validation loss per
 * epoch (empty without validation), the epoch whose parameters were kept, and seconds spent.
 */
record EpochLog(List<Double> trainLoss, List<Double> validationLoss, int bestEpoch, double seconds) {

    EpochLog {
        trainLoss = List.copyOf(trainLoss);
        validationLoss = List.copyOf(validationLoss);
    }

    int epochs() {
        return trainLoss.size();
    }
}

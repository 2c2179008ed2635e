package io.spikelot.model.messaging;

import java.util.Map;

/**
 * How far a running job is.
 *
 * @param fraction of the whole job done, in [0, 1]
 * @param epoch the current epoch, counted from 1 (0 before the first)
 * @param totalEpochs the epochs the job will run in all
 * @param message a short human-readable line ("epoch 3/10, ratio 0.5")
 * @param metrics the latest figures (loss, accuracy, firing rates, ...), JSON values
 */
public record JobProgress(double fraction, int epoch, int totalEpochs, String message, Map<String, Object> metrics) {

    public JobProgress {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static JobProgress started(String message) {
        return new JobProgress(0.0, 0, 0, message, Map.of());
    }
}

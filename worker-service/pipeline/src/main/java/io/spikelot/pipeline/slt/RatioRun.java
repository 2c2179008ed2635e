package io.spikelot.pipeline.slt;

import io.spikelot.pipeline.artifact.TensorBytes;
import io.spikelot.pipeline.ticket.SltResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished search at one ratio.
 *
 * @param ratio p, the fraction removed
 * @param spiking whether the network was the SNN (LIF) or the ANN counterpart (ReLU)
 * @param search masks ({@code <layer>.weight → BOOL}, shape of the weight) and effective F32 weights
 * @param others the remaining trained tensors (biases, BatchNorm γ/β) and BatchNorm running statistics, F32, by
 *     catalog name, as of the last epoch
 */
record RatioRun(double ratio, boolean spiking, SltResult search, Map<String, TensorBytes> others) {

    double accuracy() {
        return search.training().test().accuracy();
    }

    /** Kept entries over all entries, per masked weight, in network order. */
    Map<String, Double> keptFractionByLayer() {
        Map<String, Double> fractions = new LinkedHashMap<>();
        search.masks().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> fractions.put(
                        e.getKey(), kept(e.getValue()) / (double) e.getValue().data().length));
        return fractions;
    }

    /** Kept entries over all entries of all masked weights. */
    double keptFraction() {
        long kept = 0;
        long total = 0;
        for (TensorBytes mask : search.masks().values()) {
            kept += kept(mask);
            total += mask.data().length;
        }
        return total == 0 ? 1.0 : kept / (double) total;
    }

    static long kept(TensorBytes mask) {
        long kept = 0;
        for (byte b : mask.data()) {
            kept += b;
        }
        return kept;
    }
}

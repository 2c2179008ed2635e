package io.spikelot.pipeline.slt;

import io.spikelot.model.spec.NeuronKind;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.ticket.Ticket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished search at one ratio.
 *
 * @param ratio p, the fraction removed
 * @param neuron the searched network's neuron: LIF (the SNN), or the ANN counterpart's ReLU or sign
 * @param search masks ({@code <layer>.weight}, shape of the weight) and effective weights
 * @param others the remaining trained tensors (biases, BatchNorm γ/β) and BatchNorm running statistics, by catalog
 *     name, as training left them
 */
record RatioRun(double ratio, NeuronKind neuron, Ticket search, Map<String, HostTensor> others) {

    boolean spiking() {
        return neuron.spiking();
    }

    double accuracy() {
        return search.training().test().accuracy();
    }

    /** Kept entries over all entries, per masked weight, in network order. */
    Map<String, Double> keptFractionByLayer() {
        Map<String, Double> fractions = new LinkedHashMap<>();
        search.masks().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> fractions.put(
                        e.getKey(),
                        e.getValue().countTrue() / (double) e.getValue().size()));
        return fractions;
    }

    /** Kept entries over all entries of all masked weights. */
    double keptFraction() {
        long kept = 0;
        long total = 0;
        for (HostTensor.Booleans mask : search.masks().values()) {
            kept += mask.countTrue();
            total += mask.size();
        }
        return total == 0 ? 1.0 : kept / (double) total;
    }
}

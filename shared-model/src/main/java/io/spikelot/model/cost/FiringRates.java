package io.spikelot.model.cost;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Firing rates of the spike trains that enter each layer: the fraction of (neuron, timestep) entries that are
 * non-zero, averaged over neurons and T (§7; D13 for multi-level spikes). Keys are {@link OperationCount} names
 * of conv, linear and attention entries other than the encoding layer, whose input is the analog frame. Given
 * rates describe binary spikes; measured inputs of other kinds are {@link LayerInput}s.
 *
 * @param defaultRate rate for layers missing from {@code perLayer}; null when every layer must be listed
 * @param perLayer measured rates by layer name, each in [0, 1]
 */
public record FiringRates(Double defaultRate, Map<String, Double> perLayer) {

    public FiringRates {
        perLayer = perLayer == null ? Map.of() : Map.copyOf(perLayer);
        if (defaultRate == null && perLayer.isEmpty()) {
            throw new IllegalArgumentException("Firing rates need a default rate or per-layer rates");
        }
        if (defaultRate != null) {
            requireRate("default", defaultRate);
        }
        perLayer.forEach(FiringRates::requireRate);
    }

    /** One rate for every layer. */
    public static FiringRates uniform(double rate) {
        return new FiringRates(rate, Map.of());
    }

    /** Rate 1 everywhere: the dense upper bound, used when no rates are known. */
    public static FiringRates dense() {
        return uniform(1.0);
    }

    /** Measured rates; layers missing from the map fall back to {@code defaultRate} (may be null). */
    public static FiringRates measured(Map<String, Double> perLayer, Double defaultRate) {
        return new FiringRates(defaultRate, perLayer);
    }

    /** The rate of the named layer's input. */
    public double rateFor(String layer) {
        Double rate = perLayer.getOrDefault(layer, defaultRate);
        if (rate == null) {
            throw new IllegalArgumentException("No firing rate for layer '" + layer + "' and no default rate");
        }
        return rate;
    }

    /**
     * The input these rates assume for {@code op}: the encoding layer reads the analog frame once (D14); every other
     * layer reads binary spikes at its rate.
     */
    public LayerInput inputOf(OperationCount op) {
        return op.encoding() ? LayerInput.analog(1.0).runOnce() : LayerInput.spikes(rateFor(op.name()));
    }

    /**
     * Rejects per-layer keys that are not among {@code layers}, listing the ones that are.
     *
     * @throws UnknownLayerException naming the unknown keys
     */
    public void requireKnown(Collection<String> layers) {
        List<String> unknown = perLayer.keySet().stream()
                .filter(k -> !layers.contains(k))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new UnknownLayerException("Firing rates", unknown, new TreeSet<>(layers));
        }
    }

    private static void requireRate(String layer, Double rate) {
        if (rate == null || !(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("Firing rate of '" + layer + "' must lie in [0, 1], got " + rate);
        }
    }
}

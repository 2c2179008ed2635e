package io.spikelot.pipeline.model;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.Layer;
import io.spikelot.model.arch.NeuronLayer;
import io.spikelot.model.arch.ResidualLayer;
import io.spikelot.model.arch.WeightLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost model wants the rate of the spikes entering each conv or linear layer; the pipeline measures rates at the
 * LIF layers' outputs. The input of a weight layer is the output of the last LIF before it (a ResNet shortcut conv
 * reads the block's input). The encoding layer and layers without a LIF before them are left out: the cost model
 * gives them rate 1.
 */
public final class InputFiringRates {

    private InputFiringRates() {}

    /**
     * @param neuronRates measured rate per LIF layer (catalog names)
     * @return rate per weight layer name, clamped to [0, 1]; layers whose neuron has no finite rate are left out
     */
    public static Map<String, Double> of(Architecture architecture, Map<String, Double> neuronRates) {
        Map<String, String> inputNeuron = new LinkedHashMap<>();
        walk(architecture.layers(), new String[1], inputNeuron);
        Map<String, Double> rates = new LinkedHashMap<>();
        inputNeuron.forEach((layer, neuron) -> {
            Double rate = neuronRates.get(neuron);
            if (rate != null && Double.isFinite(rate)) {
                rates.put(layer, Math.min(1.0, Math.max(0.0, rate)));
            }
        });
        return rates;
    }

    /** Maps each non-encoding weight layer to the LIF layer whose spikes it reads; {@code last[0]} is the latest LIF. */
    private static void walk(List<Layer> layers, String[] last, Map<String, String> inputNeuron) {
        for (Layer layer : layers) {
            if (layer instanceof NeuronLayer neuron) {
                last[0] = neuron.name();
            } else if (layer instanceof WeightLayer weight) {
                boolean encoding = weight instanceof Conv2dLayer conv && conv.encoding();
                if (!encoding && last[0] != null) {
                    inputNeuron.put(weight.name(), last[0]);
                }
            } else if (layer instanceof ResidualLayer residual) {
                String before = last[0];
                walk(residual.body(), last, inputNeuron);
                String afterBody = last[0];
                last[0] = before;
                walk(residual.shortcut(), last, inputNeuron);
                last[0] = afterBody;
                walk(residual.after(), last, inputNeuron);
            } else {
                walk(layer.children(), last, inputNeuron);
            }
        }
    }
}

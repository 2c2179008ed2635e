package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * The {@code model} object of an {@code slt} (or {@code imp}) spec.
 *
 * @param architecture catalog name ({@code convnet-s}, {@code vgg9}, {@code resnet19}, {@code spikformer-*}, ...)
 * @param neuron spiking ({@code lif}) or its ANN counterpart ({@code relu}, T = 1)
 * @param timesteps T, 1 to 64
 * @param lif the LIF settings, flat in the JSON object ({@code model.tau}, {@code model.reset}, ...)
 */
public record ModelSettings(String architecture, NeuronKind neuron, int timesteps, @JsonUnwrapped LifSettings lif) {

    public ModelSettings {
        Objects.requireNonNull(neuron, "model.neuron is required");
        Objects.requireNonNull(lif, "model's LIF settings are required");
    }

    /** The API's defaults: LIF neurons, T = 4, {@link LifSettings#defaults()}; no architecture (it is required). */
    public static ModelSettings defaults() {
        return new ModelSettings(null, NeuronKind.LIF, 4, LifSettings.defaults());
    }

    /** The {@code imp} defaults: Kim et al.'s LIF ({@link LifSettings#kim()}) at their T = 5. */
    public static ModelSettings kim() {
        return new ModelSettings(null, NeuronKind.LIF, 5, LifSettings.kim());
    }

    public ModelSettings withArchitecture(String architecture) {
        return new ModelSettings(architecture, neuron, timesteps, lif);
    }

    public ModelSettings withNeuron(NeuronKind neuron) {
        return new ModelSettings(architecture, neuron, timesteps, lif);
    }

    public ModelSettings withTimesteps(int timesteps) {
        return new ModelSettings(architecture, neuron, timesteps, lif);
    }
}

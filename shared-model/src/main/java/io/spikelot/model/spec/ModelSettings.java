package io.spikelot.model.spec;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * The {@code model} object of an {@code slt} (or {@code imp}) spec.
 *
 * @param architecture catalog name ({@code convnet-s}, {@code vgg9}, {@code resnet19}, {@code spikformer-*}, ...)
 * @param neuron spiking ({@code lif}) or an ANN counterpart ({@code relu}, or {@code sign} for binary activations; T = 1)
 * @param timesteps T, 1 to 64
 * @param lif the LIF settings, flat in the JSON object ({@code model.tau}, {@code model.reset}, ...)
 * @param affineNorm whether BatchNorm learns γ and β (biprop's "+BN" variant); {@code false} keeps the catalog's
 *     non-affine BN of ticket searches (D8), which no frozen-weight ticket can shift
 */
public record ModelSettings(
        String architecture, NeuronKind neuron, int timesteps, @JsonUnwrapped LifSettings lif, boolean affineNorm) {

    public ModelSettings {
        Objects.requireNonNull(neuron, "model.neuron is required");
        Objects.requireNonNull(lif, "model's LIF settings are required");
    }

    /**
     * The API's defaults: LIF neurons, T = 4, {@link LifSettings#defaults()}, the catalog's BatchNorm; no
     * architecture (it is required).
     */
    public static ModelSettings defaults() {
        return new ModelSettings(null, NeuronKind.LIF, 4, LifSettings.defaults(), false);
    }

    /**
     * The {@code imp} defaults: Kim et al.'s LIF ({@link LifSettings#kim()}) at their T = 5, with affine BatchNorm as
     * dense training (and their code) has it.
     */
    public static ModelSettings kim() {
        return new ModelSettings(null, NeuronKind.LIF, 5, LifSettings.kim(), true);
    }

    public ModelSettings withArchitecture(String architecture) {
        return new ModelSettings(architecture, neuron, timesteps, lif, affineNorm);
    }

    public ModelSettings withNeuron(NeuronKind neuron) {
        return new ModelSettings(architecture, neuron, timesteps, lif, affineNorm);
    }

    public ModelSettings withTimesteps(int timesteps) {
        return new ModelSettings(architecture, neuron, timesteps, lif, affineNorm);
    }

    public ModelSettings withLif(LifSettings lif) {
        return new ModelSettings(architecture, neuron, timesteps, lif, affineNorm);
    }

    public ModelSettings withAffineNorm(boolean affineNorm) {
        return new ModelSettings(architecture, neuron, timesteps, lif, affineNorm);
    }
}

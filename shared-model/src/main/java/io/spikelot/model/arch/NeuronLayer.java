package io.spikelot.model.arch;

/**
 * The activation: a multi-step LIF in an SNN (state over T, §1.1), a ReLU in an ANN. Shape-preserving, no
 * parameters. Time constant, reset and surrogate come from the job's neuron settings, not from here.
 *
 * @param threshold V_th relative to the network default of 1.0; Spikformer's attention LIF uses 0.5
 */
public record NeuronLayer(String name, double threshold, FeatureShape input, FeatureShape output) implements Layer {

    @Override
    public LayerKind kind() {
        return LayerKind.NEURON;
    }
}

package io.spikelot.pipeline.neuron;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;

/**
 * How a network's neurons are made: the kind, the LIF parameters and the number of timesteps T. An ANN
 * ({@link NeuronKind#RELU}) always runs with T = 1.
 *
 * @param kind LIF or ReLU
 * @param lif LIF parameters (ignored for ReLU)
 * @param timesteps T, ≥ 1
 */
public record NeuronSettings(NeuronKind kind, LifConfig lif, int timesteps) {

    public NeuronSettings {
        if (kind == null || lif == null) {
            throw new IllegalArgumentException("neuron kind and LIF config are required");
        }
        if (timesteps < 1) {
            throw new IllegalArgumentException("timesteps must be >= 1, was " + timesteps);
        }
        if (kind == NeuronKind.RELU) {
            timesteps = 1;
        }
    }

    /** A spiking network with Spikformer's LIF and T timesteps. */
    public static NeuronSettings spiking(int timesteps) {
        return new NeuronSettings(NeuronKind.LIF, LifConfig.spikformer(), timesteps);
    }

    /** The ANN counterpart: ReLU, T = 1. */
    public static NeuronSettings relu() {
        return new NeuronSettings(NeuronKind.RELU, LifConfig.spikformer(), 1);
    }

    public boolean spiking() {
        return kind == NeuronKind.LIF;
    }

    /** A fresh neuron block for {@code [T·B, ...]} inputs. */
    public Block newNeuron() {
        return spiking() ? new LifNeuron(lif, timesteps) : Activation.reluBlock();
    }

    /** A fresh neuron block with another threshold (for ReLU the threshold does not apply). */
    public Block newNeuron(double threshold) {
        return spiking() ? new LifNeuron(lif.withThreshold(threshold), timesteps) : Activation.reluBlock();
    }
}

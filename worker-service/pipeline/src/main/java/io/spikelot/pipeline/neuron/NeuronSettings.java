package io.spikelot.pipeline.neuron;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import io.spikelot.model.spec.NeuronKind;

/**
 * How a network's neurons are made: the kind, the LIF parameters and the number of timesteps T. An ANN
 * ({@link NeuronKind#RELU} or {@link NeuronKind#SIGN}) always runs with T = 1.
 *
 * @param kind LIF, ReLU or sign
 * @param lif LIF parameters (ignored for an ANN)
 * @param timesteps T, ≥ 1
 * @param spikeBits S, 1 to 16: LIF neurons emit levels 0 to 2^S − 1 (QSNN); 1 is the ordinary spike
 * @param bitLimitedAttention whether Spikformer attention score matrices are limited to S bits like spikes (QSNN)
 */
public record NeuronSettings(
        NeuronKind kind, LifConfig lif, int timesteps, int spikeBits, boolean bitLimitedAttention) {

    /** Binary spikes, unlimited attention scores. */
    public NeuronSettings(NeuronKind kind, LifConfig lif, int timesteps) {
        this(kind, lif, timesteps, 1, false);
    }

    public NeuronSettings {
        if (spikeBits < 1 || spikeBits > 16) {
            throw new IllegalArgumentException("spike bits must lie in [1, 16], was " + spikeBits);
        }
        if (kind == null || lif == null) {
            throw new IllegalArgumentException("neuron kind and LIF config are required");
        }
        if (timesteps < 1) {
            throw new IllegalArgumentException("timesteps must be >= 1, was " + timesteps);
        }
        if (!kind.spiking()) {
            timesteps = 1;
            spikeBits = 1;
            bitLimitedAttention = false;
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

    /** The same neurons with S-bit spikes and, when {@code limitAttention}, S-bit attention scores. */
    public NeuronSettings withSpikeBits(int bits, boolean limitAttention) {
        return new NeuronSettings(kind, lif, timesteps, bits, limitAttention);
    }

    /** The highest spike level, 2^S − 1. */
    public int maxLevel() {
        return (1 << spikeBits) - 1;
    }

    public boolean spiking() {
        return kind.spiking();
    }

    /** A fresh neuron block for {@code [T·B, ...]} inputs. */
    public Block newNeuron() {
        return newNeuron(lif.vThreshold());
    }

    /** A fresh neuron block with another threshold (for an ANN the threshold does not apply). */
    public Block newNeuron(double threshold) {
        return switch (kind) {
            case LIF -> new LifNeuron(lif.withThreshold(threshold), timesteps, spikeBits);
            case RELU -> Activation.reluBlock();
            case SIGN -> SignActivation.block();
        };
    }
}

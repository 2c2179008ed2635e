package io.spikelot.model.graph;

import io.spikelot.model.spec.LifSettings;
import io.spikelot.model.spec.NeuronKind;

/**
 * What a job chose beyond the architecture, and what the graph therefore has to state.
 *
 * @param neuron LIF, ReLU or sign
 * @param lif the LIF settings (ignored for an ANN)
 * @param timesteps T (1 for an ANN)
 * @param spikeBits S: LIF nodes emit levels 0 … 2^S − 1 (1 for binary spikes)
 * @param events whether the input is event frames rather than static images
 * @param patchPruneRatio MultiSp's q, the fraction of patch tokens removed after the patch embedding; 0 for none
 * @param weightBits QSNN's W when conv and linear weights are stored as integer codes; {@code null} for F32
 * @param attentionScoreLimit the largest attention score a quantized Spikformer keeps, 2^S − 1; {@code null} for
 *     unlimited scores
 */
public record GraphSettings(
        NeuronKind neuron,
        LifSettings lif,
        int timesteps,
        int spikeBits,
        boolean events,
        double patchPruneRatio,
        Integer weightBits,
        Integer attentionScoreLimit) {

    /** F32 weights, binary spikes, no patch pruning. */
    public static GraphSettings of(NeuronKind neuron, LifSettings lif, int timesteps, boolean events) {
        return new GraphSettings(neuron, lif, timesteps, 1, events, 0, null, null);
    }

    public GraphSettings withPatchPruneRatio(double q) {
        return new GraphSettings(neuron, lif, timesteps, spikeBits, events, q, weightBits, attentionScoreLimit);
    }

    /** QSNN: W-bit weight codes below 16 bits, S-bit spikes and, when {@code limitScores}, S-bit attention scores. */
    public GraphSettings quantized(int weightBits, int spikeBits, boolean limitScores) {
        return new GraphSettings(
                neuron,
                lif,
                timesteps,
                spikeBits,
                events,
                patchPruneRatio,
                weightBits >= 16 ? null : weightBits,
                limitScores ? (1 << spikeBits) - 1 : null);
    }
}

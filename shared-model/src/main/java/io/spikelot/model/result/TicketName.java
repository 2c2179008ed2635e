package io.spikelot.model.result;

import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.SearchMethod;

/**
 * The names the SLT paper and the multi-prize-ticket reference give the tickets a search finds, so nobody has to
 * derive them from the method and the neuron: LT (edge-popup, ReLU), SLT (edge-popup, LIF), MPLT (biprop, binary
 * activations), MPSLT (biprop, LIF). On a Spikformer the search covers the patch embedding: PEPSp-…, and with patch
 * pruning MultiSp-…. Two combinations are none of the paper's objects and are named after what they are: biprop with
 * ReLU is biprop's MPT-1/32 (binary weights, real activations), edge-popup with sign activations is LT-sign.
 */
public final class TicketName {

    private TicketName() {}

    /**
     * @param patchEmbedding whether the search covers a Spikformer's patch embedding only
     * @param patchPruning whether patches are pruned too (MultiSp)
     */
    public static String of(SearchMethod method, NeuronKind neuron, boolean patchEmbedding, boolean patchPruning) {
        String base =
                switch (method) {
                    case EDGE_POPUP ->
                        switch (neuron) {
                            case LIF -> "SLT";
                            case RELU -> "LT";
                            case SIGN -> "LT-sign";
                        };
                    case BIPROP ->
                        switch (neuron) {
                            case LIF -> "MPSLT";
                            case SIGN -> "MPLT";
                            case RELU -> "MPT-1/32";
                        };
                };
        if (!patchEmbedding) {
            return base;
        }
        return (patchPruning ? "MultiSp-" : "PEPSp-") + base;
    }
}

package io.spikelot.pipeline.nir;

import io.spikelot.model.graph.GraphNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code lif} node as NIR's LIF, whose membrane follows τ·dV/dt = (v_leak − V) + r·I and resets to v_reset when
 * it crosses v_threshold. One forward-Euler step of length dt gives V ← (1 − dt/τ)·V + (dt/τ)·r·I, the network's
 * update H = (1 − 1/τ_steps)·V + g·X (g = 1/τ_steps with decay_input, else 1) exactly when τ = τ_steps·dt and
 * r = g·τ_steps: r = 1 with decay_input, r = τ_steps without. v_leak = 0, v_threshold = the node's threshold,
 * v_reset = its vReset. The same mapping as SpikingJelly's and snnTorch's exporters, with dt =
 * {@link NirTranslation#DT_SECONDS}.
 */
final class LifMapping {

    private LifMapping() {}

    /** The NIR node, the spike bits it stands for, and what it does not express. */
    record Lif(NirNode node, int spikeBits, List<String> approximations) {}

    static Lif of(GraphNode node) {
        Map<String, Object> a = node.attributes();
        double tauSteps = ((Number) a.get("tau")).doubleValue();
        boolean decayInput = Boolean.TRUE.equals(a.get("decayInput"));
        float threshold = ((Number) a.get("threshold")).floatValue();
        float vReset = ((Number) a.get("vReset")).floatValue();
        int bits = ((Number) a.get("spikeBits")).intValue();
        List<Integer> shape = node.outputShape();
        NirNode lif = new NirNode(
                node.name(),
                "LIF",
                Map.of(
                        "tau", NirArrays.filled(shape, (float) (tauSteps * NirTranslation.DT_SECONDS)),
                        "r", NirArrays.filled(shape, (float) (decayInput ? 1 : tauSteps)),
                        "v_leak", NirArrays.filled(shape, 0f),
                        "v_threshold", NirArrays.filled(shape, threshold),
                        "v_reset", NirArrays.filled(shape, vReset)));
        List<String> approximations = new ArrayList<>();
        if ("soft".equalsIgnoreCase(String.valueOf(a.get("reset")))) {
            approximations.add(Approximations.SOFT_RESET);
        }
        if (bits > 1) {
            approximations.add(Approximations.MULTI_LEVEL_SPIKES);
        }
        return new Lif(lif, bits, approximations);
    }
}

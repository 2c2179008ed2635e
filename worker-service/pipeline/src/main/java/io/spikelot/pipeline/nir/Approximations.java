package io.spikelot.pipeline.nir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What NIR cannot express, collected per kind with the nodes it concerns, as sentences for the result. */
final class Approximations {

    static final String SOFT_RESET = "soft reset (V − threshold after a spike) written as NIR LIF's reset to v_reset";
    static final String MULTI_LEVEL_SPIKES =
            "multi-level spikes (levels 0 … 2^S − 1 times the threshold) written as" + " NIR LIF's binary spikes";
    static final String MAX_POOL_OVER_VALUES =
            "max-pool over real values (before the neuron) written as AvgPool2d: NIR has no max-pool";
    static final String MAX_POOL_OVER_LEVELS = "max-pool over multi-level spikes written as SumPool2d + Threshold"
            + " 0.5, which is the maximum only of binary spikes";

    private final Map<String, List<String>> nodesByKind = new LinkedHashMap<>();

    void add(String kind, String node) {
        nodesByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(node);
    }

    /** One sentence per kind, naming its nodes. */
    List<String> sentences() {
        return nodesByKind.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .toList();
    }
}

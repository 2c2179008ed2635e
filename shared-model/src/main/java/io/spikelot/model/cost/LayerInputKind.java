package io.spikelot.model.cost;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a conv, linear or attention matmul reads, and so how its operations are priced (ALGORITHMS §7). Decided by
 * what the input tensor holds, not by where the layer sits.
 */
public enum LayerInputKind {
    /** Real values (an image, an average-pooled map): every MAC is a multiply, at E_MAC. */
    ANALOG("analog"),
    /** Values in {0, u} (binary spikes, their max-pool): one accumulate per non-zero input, at E_AC. */
    SPIKES("spikes"),
    /**
     * Non-negative integer multiples of a unit u (S-bit spikes, a residual stream x + branch of spikes, event
     * counts, spike-count attention scores): a level-k input costs k accumulates.
     */
    MULTI_LEVEL("multi-level");

    private final String wireName;

    LayerInputKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}

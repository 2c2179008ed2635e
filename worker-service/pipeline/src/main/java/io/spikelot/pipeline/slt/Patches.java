package io.spikelot.pipeline.slt;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.Layer;
import io.spikelot.model.arch.SelfAttentionLayer;
import java.util.List;

/** Token counts of Spikformer architectures. */
final class Patches {

    private Patches() {}

    /** N, the tokens each attention layer sees; 0 when the architecture has no attention. */
    static int tokens(Architecture architecture) {
        return tokens(architecture.layers());
    }

    private static int tokens(List<Layer> layers) {
        for (Layer layer : layers) {
            if (layer instanceof SelfAttentionLayer attention) {
                return attention.tokens();
            }
            int inner = tokens(layer.children());
            if (inner > 0) {
                return inner;
            }
        }
        return 0;
    }
}

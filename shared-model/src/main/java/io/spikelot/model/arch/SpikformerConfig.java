package io.spikelot.model.arch;

/**
 * The choices that tell Spikformer variants apart.
 *
 * @param name catalog name
 * @param stem which SPS patch embedding
 * @param dim embedding size D; divisible by 8 (the SPS widths are D/8, D/4, D/2, D) and by {@code heads}
 * @param depth number of blocks
 * @param heads attention heads
 * @param mlpRatio MLP hidden size is {@code mlpRatio·D}
 * @param qkvBias whether q/k/v linears have a bias (CIFAR reference: yes; DVS reference: no)
 * @param scale attention scale (CIFAR reference 0.125, DVS reference 0.25)
 */
record SpikformerConfig(
        String name, Stem stem, int dim, int depth, int heads, int mlpRatio, boolean qkvBias, double scale) {

    /** The SPS variant: where the four max-pools go. */
    enum Stem {
        /** CIFAR SPS: three convs at full size, pool, conv, pool; patch 4 (32 px → 8×8 tokens). */
        STATIC,
        /** DVS SPS: a 3×3/2 max-pool after each of the four convs; patch 16 (128 px → 8×8 tokens). */
        EVENT
    }

    SpikformerConfig {
        if (dim % 8 != 0 || dim % heads != 0) {
            throw new IllegalArgumentException(name + ": dim " + dim + " must divide by 8 and by " + heads);
        }
    }
}

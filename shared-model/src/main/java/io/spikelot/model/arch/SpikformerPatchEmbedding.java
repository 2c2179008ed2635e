package io.spikelot.model.arch;

/**
 * Spikformer's Spiking Patch Splitting (SPS), the ConvPEP of SLT: four bias-free 3×3 convs of width D/8, D/4,
 * D/2 and D, each + affine BatchNorm + neuron, with 3×3/2 max-pools (padding 1), then the relative position
 * embedding {@code x + neuron(BN(conv3x3(x)))}, then tokens {@code [H·W, D]}. Every conv here is ConvPEP.
 */
final class SpikformerPatchEmbedding {

    private static final String PREFIX = "patch_embed.";

    private SpikformerPatchEmbedding() {}

    static void build(LayerStack stack, SpikformerConfig config) {
        int d = config.dim();
        boolean event = config.stem() == SpikformerConfig.Stem.EVENT;
        int[] widths = {d / 8, d / 4, d / 2, d};
        for (int i = 0; i < widths.length; i++) {
            String suffix = i == 0 ? "" : String.valueOf(i);
            spikingConv(stack, "proj_conv" + suffix, "proj_bn" + suffix, "proj_lif" + suffix, widths[i]);
            // the static stem keeps full resolution for its first two convs (patch 4); the event stem pools
            // after every conv (patch 16)
            if (event || i >= 2) {
                stack.maxPool(PREFIX + "maxpool" + suffix, 3, 2, 1);
            }
        }
        stack.residual(PREFIX + "rpe", rpe -> spikingConv(rpe, "rpe_conv", "rpe_bn", "rpe_lif", d), null, null);
        stack.tokens(PREFIX + "tokens");
    }

    private static void spikingConv(LayerStack stack, String conv, String bn, String lif, int width) {
        stack.conv(PREFIX + conv, width, 3, 1, 1, false, true)
                .batchNorm(PREFIX + bn, true)
                .neuron(PREFIX + lif);
    }
}

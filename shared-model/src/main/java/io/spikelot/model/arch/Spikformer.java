package io.spikelot.model.arch;

import java.util.List;

/**
 * Spikformer (Zhou et al., {@code ZK-Zhou/spikformer}; ALGORITHMS §4.3): SPS patch embedding (ConvPEP), then
 * blocks {@code x = x + SSA(x); x = x + MLP(x)}, mean over tokens, linear head. Names follow the reference
 * {@code state_dict} with 1-based blocks ({@code patch_embed.proj_conv1}, {@code block3.attn.q_linear},
 * {@code block3.mlp.fc1_linear}). The two unused LayerNorms and the DVS code's unused position embedding are
 * not built. The SPS convs, RPE included, are marked ConvPEP.
 */
final class Spikformer implements ArchitectureDefinition {

    private final SpikformerConfig config;

    Spikformer(SpikformerConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public boolean patchTokens() {
        return true;
    }

    @Override
    public String summary() {
        return "Spikformer-" + config.depth() + "-" + config.dim() + ", " + config.heads() + " heads, "
                + config.stem().name().toLowerCase(java.util.Locale.ROOT) + " SPS stem";
    }

    @Override
    public void build(LayerStack stack, int classes) {
        SpikformerPatchEmbedding.build(stack, config);
        for (int b = 1; b <= config.depth(); b++) {
            String block = "block" + b;
            stack.residual(block + ".attn_residual", s -> s.append(attention(s, block + ".attn")), null, null);
            stack.residual(block + ".mlp_residual", s -> mlp(s, block + ".mlp"), null, null);
        }
        stack.tokenMean("token_mean").linear("head", classes, true);
    }

    private SelfAttentionLayer attention(LayerStack stack, String name) {
        FeatureShape x = stack.shape();
        List<Layer> q = spikingLinear(stack.nested(), name, "q", config.qkvBias());
        List<Layer> k = spikingLinear(stack.nested(), name, "k", config.qkvBias());
        List<Layer> v = spikingLinear(stack.nested(), name, "v", config.qkvBias());
        NeuronLayer attentionNeuron = new NeuronLayer(name + ".attn_lif", 0.5, x, x);
        List<Layer> projection = spikingLinear(stack.nested(), name, "proj", true);
        return new SelfAttentionLayer(
                name, config.dim(), config.heads(), config.scale(), q, k, v, attentionNeuron, projection, x, x);
    }

    private List<Layer> spikingLinear(LayerStack stack, String name, String part, boolean bias) {
        String prefix = name + "." + part;
        return stack.linear(prefix + "_linear", config.dim(), bias)
                .batchNorm(prefix + "_bn", true)
                .neuron(prefix + "_lif")
                .layers();
    }

    private void mlp(LayerStack stack, String name) {
        stack.linear(name + ".fc1_linear", config.mlpRatio() * config.dim(), true)
                .batchNorm(name + ".fc1_bn", true)
                .neuron(name + ".fc1_lif")
                .linear(name + ".fc2_linear", config.dim(), true)
                .batchNorm(name + ".fc2_bn", true)
                .neuron(name + ".fc2_lif");
    }
}

package io.spikelot.model.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * Spikformer's spiking self-attention (SSA) on a token sequence {@code [N, D]}:
 * {@code Q = query(x), K = key(x), V = value(x)} (each linear + BatchNorm + LIF, so binary), split into
 * {@code heads} heads of {@code D/heads}; {@code A = scale·(Q·Kᵀ)·V} per head, no softmax; heads concatenated,
 * then {@code attentionNeuron} (LIF with V_th 0.5) and {@code projection} (linear + BatchNorm + LIF). The two
 * matmuls cost {@code N·N·D} MACs each and carry no parameters.
 *
 * @param scale 0.125 in the CIFAR reference, 0.25 in the DVS one; the DVS code applies it after {@code ·V},
 *     which is the same value
 */
public record SelfAttentionLayer(
        String name,
        int dim,
        int heads,
        double scale,
        List<Layer> query,
        List<Layer> key,
        List<Layer> value,
        NeuronLayer attentionNeuron,
        List<Layer> projection,
        FeatureShape input,
        FeatureShape output)
        implements Layer {

    public SelfAttentionLayer {
        query = List.copyOf(query);
        key = List.copyOf(key);
        value = List.copyOf(value);
        projection = List.copyOf(projection);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.SELF_ATTENTION;
    }

    /** Number of tokens N. */
    public int tokens() {
        return input.get(0);
    }

    @Override
    public List<Layer> children() {
        List<Layer> all = new ArrayList<>(query);
        all.addAll(key);
        all.addAll(value);
        all.add(attentionNeuron);
        all.addAll(projection);
        return List.copyOf(all);
    }
}

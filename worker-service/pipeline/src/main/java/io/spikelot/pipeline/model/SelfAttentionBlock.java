package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.spikelot.model.arch.SelfAttentionLayer;
import io.spikelot.pipeline.tensor.Scalars;

/**
 * Spikformer's spiking self-attention on tokens {@code [T·B, N, D]}: {@code scale·(Q·Kᵀ)·V} per head, no softmax,
 * then the attention neuron and the projection. Output {@code [T·B, N, D]}.
 *
 * <p>In a quantized network the score matrix {@code Q·Kᵀ} is bit-limited like the spikes (the QSNN paper's "bit
 * width restrictions on attention matrices"): rounded and clipped to [0, 2^S − 1], a saturating S-bit count of
 * coincident spikes, with a straight-through gradient inside the clip range.
 */
final class SelfAttentionBlock extends AbstractBlock {

    private final SelfAttentionLayer layer;
    private final LayerSequence query;
    private final LayerSequence key;
    private final LayerSequence value;
    private final Block attentionNeuron;
    private final LayerSequence projection;
    private final int scoreLevels;
    private final InputProbe probe;

    /**
     * @param scoreLevels the largest attention score, 2^S − 1, or 0 for unlimited scores
     * @param probe where the two matmuls report their operands during evaluation
     */
    SelfAttentionBlock(
            SelfAttentionLayer layer,
            LayerSequence query,
            LayerSequence key,
            LayerSequence value,
            Block attentionNeuron,
            LayerSequence projection,
            int scoreLevels,
            InputProbe probe) {
        this.layer = layer;
        this.probe = probe;
        this.scoreLevels = scoreLevels;
        this.query = query;
        this.key = key;
        this.value = value;
        this.attentionNeuron = attentionNeuron;
        this.projection = projection;
        children.add("q", query);
        children.add("k", key);
        children.add("v", value);
        children.add("attn", attentionNeuron);
        children.add("proj", projection);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray q = heads(query.forward(store, inputs, training, params).singletonOrThrow());
        NDArray k = heads(key.forward(store, inputs, training, params).singletonOrThrow());
        NDArray v = heads(value.forward(store, inputs, training, params).singletonOrThrow());
        NDArray scores = limitScores(q.matMul(k.transpose(0, 1, 3, 2)), scoreLevels);
        if (probe.recording(training)) {
            probe.matmul(layer.name() + ".qk", q, k);
            probe.matmul(layer.name() + ".av", scores, v);
        }
        NDArray mixed = Scalars.mul(scores.matMul(v), layer.scale());
        Shape s = inputs.singletonOrThrow().getShape();
        NDArray merged = mixed.transpose(0, 2, 1, 3).reshape(s);
        NDList attended = attentionNeuron.forward(store, new NDList(merged), training, params);
        return projection.forward(store, attended, training, params);
    }

    /**
     * {@code round(clip(scores, 0, levels))} with a straight-through gradient inside the clip range; the scores
     * themselves when {@code levels} is 0.
     */
    static NDArray limitScores(NDArray scores, int levels) {
        if (levels == 0) {
            return scores;
        }
        NDArray clipped = scores.clip(0, levels);
        return clipped.add(clipped.round().sub(clipped).stopGradient());
    }

    /** {@code [T·B, N, D] → [T·B, heads, N, D/heads]}. */
    private NDArray heads(NDArray x) {
        Shape s = x.getShape();
        int h = layer.heads();
        return x.reshape(s.get(0), s.get(1), h, s.get(2) / h).transpose(0, 2, 1, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        query.initialize(manager, dataType, inputShapes);
        key.initialize(manager, dataType, inputShapes);
        value.initialize(manager, dataType, inputShapes);
        attentionNeuron.initialize(manager, dataType, inputShapes);
        projection.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}

package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.BatchNormLayer;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.Layer;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.model.arch.NeuronLayer;
import io.spikelot.model.arch.PoolLayer;
import io.spikelot.model.arch.ResidualLayer;
import io.spikelot.model.arch.SelfAttentionLayer;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.neuron.SpikingLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a catalog layer tree into DJL blocks, indexing parameters and neurons under the catalog's names. */
public final class NetworkBuilder {

    private final NeuronSettings neurons;
    private final WeightLayerFactory weights;
    private final ParameterIndex index = new ParameterIndex();
    private final InputProbe probe = new InputProbe();
    private final Map<String, SpikingLayer> spikingLayers = new LinkedHashMap<>();

    private final double patchPruneRatio;

    private NetworkBuilder(NeuronSettings neurons, WeightLayerFactory weights, double patchPruneRatio) {
        this.neurons = neurons;
        this.weights = weights;
        this.patchPruneRatio = patchPruneRatio;
    }

    /** Builds the network for a catalog architecture; for static images or event frames. */
    public static SpikingNetwork build(
            Architecture architecture, InputKind input, NeuronSettings neurons, WeightLayerFactory weights) {
        return build(architecture.layers(), input, neurons, weights, 0);
    }

    /**
     * Builds a Spikformer with MultiSp patch pruning: after the patch embedding's tokens, a {@link PatchSelection}
     * keeps ⌈(1 − q)·N⌉ patches per sample. With {@code patchPruneRatio} 0 this is the plain build.
     */
    public static SpikingNetwork build(
            Architecture architecture,
            InputKind input,
            NeuronSettings neurons,
            WeightLayerFactory weights,
            double patchPruneRatio) {
        return build(architecture.layers(), input, neurons, weights, patchPruneRatio);
    }

    /**
     * Builds the network for {@code layers} (top level, in order; the last one outputs the class logits).
     *
     * @param layers the resolved architecture from the catalog
     * @param input static images or event frames
     * @param neurons LIF or ReLU, and T
     * @param weights how conv and linear layers are made (dense, or a ticket-search variant)
     * @param patchPruneRatio q, the fraction of patches removed after the token layer (MultiSp); 0 for none
     */
    public static SpikingNetwork build(
            List<Layer> layers,
            InputKind input,
            NeuronSettings neurons,
            WeightLayerFactory weights,
            double patchPruneRatio) {
        NetworkBuilder builder = new NetworkBuilder(neurons, weights, patchPruneRatio);
        int split = input == InputKind.STATIC ? Architecture.encoderLength(layers) : 0;
        LayerSequence encoder = builder.sequence(layers.subList(0, split), true);
        LayerSequence body = builder.sequence(layers.subList(split, layers.size()));
        return new SpikingNetwork(
                input,
                neurons.timesteps(),
                encoder,
                body,
                builder.index,
                Map.copyOf(builder.spikingLayers),
                builder.probe);
    }

    private LayerSequence sequence(List<Layer> layers) {
        return sequence(layers, false);
    }

    private LayerSequence sequence(List<Layer> layers, boolean once) {
        LayerSequence sequence = new LayerSequence(probe, once);
        for (Layer layer : layers) {
            sequence.add(layer, block(layer));
        }
        return sequence;
    }

    private Block block(Layer layer) {
        return switch (layer.kind()) {
            case CONV2D -> indexed(layer, weights.conv((Conv2dLayer) layer));
            case LINEAR -> indexed(layer, weights.linear((LinearLayer) layer));
            case BATCH_NORM -> batchNorm((BatchNormLayer) layer);
            case POOL -> ShapeBlocks.pool((PoolLayer) layer);
            case NEURON -> neuron((NeuronLayer) layer);
            case FLATTEN -> lambda(x -> x.reshape(x.getShape().get(0), -1));
            case TOKENS -> tokens();
            case TOKEN_MEAN -> lambda(x -> x.mean(new int[] {1}));
            case RESIDUAL -> residual((ResidualLayer) layer);
            case SELF_ATTENTION -> attention((SelfAttentionLayer) layer);
        };
    }

    private Block tokens() {
        Block tokens = lambda(ShapeBlocks::tokens);
        if (patchPruneRatio == 0) {
            return tokens;
        }
        return new SequentialBlock().add(tokens).add(PatchSelection.inactive(neurons.timesteps(), patchPruneRatio));
    }

    private Block indexed(Layer layer, Block block) {
        index.addWeightLayer(layer.name(), block);
        return block;
    }

    private Block batchNorm(BatchNormLayer layer) {
        BatchNorm norm = BatchNorm.builder()
                .optCenter(layer.affine())
                .optScale(layer.affine())
                .build();
        index.addBatchNorm(layer.name(), norm, layer.affine());
        return layer.input().rank() == 2 ? new TokenBatchNorm(norm) : norm;
    }

    private Block neuron(NeuronLayer layer) {
        Block block = neurons.newNeuron(neurons.lif().vThreshold() * layer.threshold());
        if (block instanceof SpikingLayer spiking) {
            spikingLayers.put(layer.name(), spiking);
        }
        return block;
    }

    private Block residual(ResidualLayer layer) {
        return new ResidualBlock(sequence(layer.body()), sequence(layer.shortcut()), sequence(layer.after()));
    }

    private Block attention(SelfAttentionLayer layer) {
        Block attentionNeuron = neuron(layer.attentionNeuron());
        return new SelfAttentionBlock(
                layer,
                sequence(layer.query()),
                sequence(layer.key()),
                sequence(layer.value()),
                attentionNeuron,
                sequence(layer.projection()),
                neurons.bitLimitedAttention() ? neurons.maxLevel() : 0,
                probe);
    }

    private static Block lambda(Function<NDArray, NDArray> op) {
        return new LambdaBlock(list -> new NDList(op.apply(list.singletonOrThrow())));
    }

    /** Pooling and reshapes that carry no parameters. */
    static final class ShapeBlocks {

        private ShapeBlocks() {}

        static Block pool(PoolLayer layer) {
            Shape kernel = new Shape(layer.kernel(), layer.kernel());
            Shape stride = new Shape(layer.stride(), layer.stride());
            Shape pad = new Shape(layer.padding(), layer.padding());
            return switch (layer.type()) {
                case MAX -> lambda(x -> Pool.maxPool2d(x, kernel, stride, pad, false));
                case AVG -> lambda(x -> Pool.avgPool2d(x, kernel, stride, pad, false, true));
                // the PyTorch engine's mean() takes one axis at a time
                case GLOBAL_AVG -> lambda(x -> x.mean(new int[] {3}).mean(new int[] {2}));
            };
        }

        /** {@code [N, D, H, W] → [N, H·W, D]}. */
        static NDArray tokens(NDArray x) {
            Shape s = x.getShape();
            return x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1);
        }
    }
}

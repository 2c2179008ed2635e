package io.spikelot.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.quant.QuantizedLayerFactory;
import io.spikelot.pipeline.quant.QuantizedLayers;
import org.junit.jupiter.api.Test;

/** S-bit attention scores of quantized Spikformers (the QSNN paper's bit-limited attention matrices). */
class BitLimitedAttentionTest {

    @Test
    void scoresAreRoundedAndClippedToTheSpikeLevelsWithAStraightThroughGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray scores = manager.create(new float[] {-2f, 0.4f, 1.6f, 2.5f, 7f});
            scores.setRequiresGradient(true);
            NDArray limited;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                limited = SelfAttentionBlock.limitScores(scores, 3);
                collector.backward(limited.sum());
            }
            assertThat(limited.toFloatArray()).containsExactly(0f, 0f, 2f, 2f, 3f);
            assertThat(scores.getGradient().toFloatArray()).containsExactly(0f, 1f, 1f, 1f, 0f);
            assertThat(SelfAttentionBlock.limitScores(scores, 0)).isSameAs(scores);
        }
    }

    @Test
    void aQuantizedSpikformerTrainsEveryQuantizedWeight() {
        var architecture = ArchitectureCatalog.resolve("spikformer-tiny", new InputShape(1, 28, 28), 10);
        NeuronSettings neurons = NeuronSettings.spiking(2).withSpikeBits(2, true);
        SpikingNetwork network =
                NetworkBuilder.build(architecture, InputKind.STATIC, neurons, new QuantizedLayerFactory(2));
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            network.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 28, 28));
            network.parameterIndex().parameters().values().forEach(p -> p.getArray()
                    .setRequiresGradient(true));
            NDArray x = manager.randomUniform(0f, 1f, new Shape(2, 1, 28, 28));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = network.forward(new ParameterStore(manager, false), new NDList(x), true)
                        .singletonOrThrow();
                assertThat(logits.getShape()).isEqualTo(new Shape(2, 10));
                collector.backward(logits.sum());
            }
            var layers = QuantizedLayers.of(network);
            assertThat(layers).isNotEmpty();
            layers.forEach((name, layer) -> assertThat(
                            layer.weight().getArray().getGradient().abs().sum().getFloat())
                    .as(name)
                    .isPositive());
        }
    }
}

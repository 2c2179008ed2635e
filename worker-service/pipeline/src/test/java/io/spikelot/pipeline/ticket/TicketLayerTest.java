package io.spikelot.pipeline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.FeatureShape;
import io.spikelot.pipeline.model.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Ticket layers: forward on the §8 vector, gradient routing to scores only (as the spike's GradCheck). */
class TicketLayerTest {

    private static final PruneRatio HALF = new PruneRatio(0.5);

    /** One output, W = [0.5, −1, 0.2, −0.1], s = [0.9, −0.1, 0.5, 0.3], x = [1, 2, 3, 4]. */
    @ParameterizedTest
    @CsvSource({"EDGE_POPUP, 1.1", "BIPROP, 1.4"})
    void linearForwardUsesTheEffectiveWeight(TicketKind kind, float expected) {
        Initializer weights = fixed(0.5f, -1f, 0.2f, -0.1f);
        Initializer scores = fixed(0.9f, -0.1f, 0.5f, 0.3f);
        TicketLinear layer = new TicketLinear(4, 1, false, kind, HALF, weights, scores);
        try (NDManager m = NDManager.newBaseManager()) {
            layer.initialize(m, DataType.FLOAT32, new Shape(1, 4));
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 4));
            NDArray y = layer.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(1, 1));
            assertThat(y.getFloat(0, 0)).isCloseTo(expected, within(1e-6f));
            assertThat(layer.mask(m).toFloatArray()).containsExactly(1, 0, 1, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(TicketKind.class)
    void onlyScoresReceiveGradients(TicketKind kind) {
        Engine.getInstance().setRandomSeed(11);
        Conv2dLayer spec = new Conv2dLayer(
                "conv", 1, 4, 3, 1, 1, false, true, false, FeatureShape.of(1, 8, 8), FeatureShape.of(4, 8, 8));
        TicketConv2d conv = new TicketConv2d(spec, kind, HALF, WeightInit.SIGNED_CONSTANT);
        TicketLinear head =
                new TicketLinear(4 * 8 * 8, 3, true, kind, HALF, WeightInit.KAIMING_NORMAL, WeightInit.scores());
        SequentialBlock net =
                new SequentialBlock().add(conv).add(Blocks.batchFlattenBlock()).add(head);
        try (NDManager m = NDManager.newBaseManager()) {
            net.initialize(m, DataType.FLOAT32, new Shape(2, 1, 8, 8));
            NDArray x = m.randomUniform(0, 1, new Shape(2, 1, 8, 8));
            try (NDManager batch = m.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = net.forward(new ParameterStore(batch, false), new NDList(x.duplicate()), true)
                        .singletonOrThrow();
                assertThat(y.getShape()).isEqualTo(new Shape(2, 3));
                collector.backward(y.square().sum());
            }
            for (TicketLayer layer : new TicketLayer[] {conv, head}) {
                NDArray grad = layer.scores().getArray().getGradient();
                assertThat(grad.abs().sum().getFloat()).isGreaterThan(0f);
                assertThat(layer.weight().requiresGradient()).isFalse();
                assertThat(layer.weight().getArray().hasGradient()).isFalse();
            }
        }
    }

    private static Initializer fixed(float... values) {
        return (manager, shape, dataType) -> manager.create(values, shape);
    }
}

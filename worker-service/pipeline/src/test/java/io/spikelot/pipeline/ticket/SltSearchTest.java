package io.spikelot.pipeline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.artifact.TensorBytes;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.data.DatasetResolver;
import io.spikelot.pipeline.data.DatasetSpec;
import io.spikelot.pipeline.data.EventFrameOptions;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.NetworkBuilder;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.train.TrainingConfig;
import io.spikelot.pipeline.train.TrainingListener;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A few steps of score training on synthetic digits-like data, convnet-s at T = 2. */
class SltSearchTest {

    private static final PruneRatio RATIO = new PruneRatio(0.4);
    private static final Dataset DATA = new DatasetResolver(Path.of("unused"))
            .resolve(new DatasetSpec("synthetic-static", 64, 16), EventFrameOptions.of(2), 7);

    @Test
    void edgePopupReturnsExactMasksOverFrozenSignedConstantWeights() {
        SltResult result = search(TicketKind.EDGE_POPUP, WeightInit.SIGNED_CONSTANT, 3);
        assertThat(result.training().steps()).isEqualTo(3);
        assertThat(result.masks().keySet()).containsExactlyInAnyOrder("conv1.weight", "conv2.weight", "head.weight");
        result.masks().forEach((name, mask) -> {
            long n = mask.data().length;
            assertThat(kept(mask)).as(name).isEqualTo(RATIO.keptCount(n));
            float sigma = (float) Math.sqrt(2.0 / (n / mask.shape()[0]));
            float[] w = floats(result.weights().get(name));
            for (int i = 0; i < w.length; i++) {
                // unchanged ±σ on kept entries shows that training left the frozen weights alone
                assertThat(Math.abs(w[i])).as(name).isCloseTo(mask.data()[i] == 1 ? sigma : 0f, within(1e-6f));
            }
        });
    }

    @Test
    void bipropWeightsAreOneMagnitudePerLayer() {
        SltResult result = search(TicketKind.BIPROP, WeightInit.KAIMING_NORMAL, 2);
        result.weights().forEach((name, weight) -> {
            float[] w = floats(weight);
            byte[] mask = result.masks().get(name).data();
            float alpha = Math.abs(w[indexOfFirstKept(mask)]);
            assertThat(alpha).as(name).isGreaterThan(0f);
            for (int i = 0; i < w.length; i++) {
                assertThat(Math.abs(w[i])).as(name).isCloseTo(mask[i] == 1 ? alpha : 0f, within(alpha * 1e-5f));
            }
        });
    }

    @Test
    void trainingMovesTheScoresAndSoTheMasks() {
        SltResult one = search(TicketKind.EDGE_POPUP, WeightInit.SIGNED_CONSTANT, 1);
        SltResult four = search(TicketKind.EDGE_POPUP, WeightInit.SIGNED_CONSTANT, 4);
        assertThat(Arrays.equals(
                        one.masks().get("head.weight").data(),
                        four.masks().get("head.weight").data()))
                .isFalse();
    }

    private static SltResult search(TicketKind kind, WeightInit init, int steps) {
        SpikingNetwork network = NetworkBuilder.build(
                ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 28, 28), 10),
                InputKind.STATIC,
                NeuronSettings.spiking(2),
                new TicketLayerFactory(kind, RATIO, init, TicketLayerFactory.allLayers()));
        TrainingConfig config = TrainingConfig.adam(1, 16, 5).withMaxSteps(steps);
        return SltSearch.search(network, DATA, config, TrainingListener.NONE, () -> {});
    }

    private static long kept(TensorBytes mask) {
        long kept = 0;
        for (byte b : mask.data()) {
            kept += b;
        }
        return kept;
    }

    private static int indexOfFirstKept(byte[] mask) {
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 1) {
                return i;
            }
        }
        throw new AssertionError("empty mask");
    }

    private static float[] floats(TensorBytes tensor) {
        float[] values = new float[tensor.data().length / 4];
        ByteBuffer.wrap(tensor.data())
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(values);
        return values;
    }
}

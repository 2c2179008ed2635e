package io.spikelot.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.arch.Layer;
import io.spikelot.model.arch.SelfAttentionLayer;
import io.spikelot.model.cost.LayerInputKind;
import io.spikelot.pipeline.neuron.NeuronSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each weight layer's input is measured where it is read (ALGORITHMS §7), not taken from the LIF before it. */
class InputProbeTest {

    @Test
    void aConvAfterLifAndMaxPoolReadsTheOrOverEachWindow() {
        // convnet-s from lif1 on: lif1 → pool1 (max 2×2) → conv2 → bn2 → lif2 → pool2 → flatten → head, on [32, 4, 4]
        List<Layer> all = ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 4, 4), 2)
                .layers();
        List<Layer> fromLif = all.subList(indexOf(all, "lif1"), all.size());
        SpikingNetwork network = NetworkBuilder.build(
                fromLif, InputKind.STATIC, NeuronSettings.spiking(2), WeightLayerFactory.dense(), 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 32, 4, 4));
            // a current of 4 fires lif1 at every step, 0 never: in every channel (0,0), (0,1), (1,0) and (2,2) fire
            float[] frame = new float[16];
            frame[0] = 4;
            frame[1] = 4;
            frame[4] = 4;
            frame[10] = 4;
            float[] input = new float[32 * 16];
            for (int c = 0; c < 32; c++) {
                System.arraycopy(frame, 0, input, c * 16, 16);
            }
            NDArray x = manager.create(input, new Shape(1, 32, 4, 4));

            Map<String, InputStatistics> inputs = evaluate(network, manager, x);

            // lif1 fires 4 of 16 entries (0.25); after the max-pool, windows 0 and 3 of 4 hold a spike: 2/4 = 0.5
            assertThat(network.lastFiringRates().get("lif1").rate()).isCloseTo(0.25, within(1e-9));
            InputStatistics conv2 = inputs.get("conv2");
            assertThat(conv2.rate()).isCloseTo(0.5, within(1e-9));
            assertThat(conv2.kind()).isEqualTo(LayerInputKind.SPIKES);
            assertThat(conv2.entries()).isEqualTo(2L * 32 * 4);
            assertThat(conv2.toLayerInput().once()).isFalse();
            assertThat(inputs).containsKey("head");
        }
    }

    @Test
    void queryKeyAndValueReadTheSameBlockInputAndTheAttentionMatmulsAreMeasured() {
        Architecture spikformer = ArchitectureCatalog.resolve("spikformer-tiny", new InputShape(3, 32, 32), 10);
        SelfAttentionLayer attention = spikformer.allLayers().stream()
                .filter(SelfAttentionLayer.class::isInstance)
                .map(SelfAttentionLayer.class::cast)
                .findFirst()
                .orElseThrow();
        // the attention block alone, fed a known binary token tensor [B, N, D]
        SpikingNetwork network = NetworkBuilder.build(
                List.of(attention), InputKind.STATIC, NeuronSettings.spiking(2), WeightLayerFactory.dense(), 0);
        int tokens = attention.tokens();
        int dim = attention.dim();
        float[] spikes = new float[tokens * dim];
        int ones = 0;
        for (int i = 0; i < spikes.length; i++) {
            if (i % 10 < 3) {
                spikes[i] = 1;
                ones++;
            }
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            network.initialize(manager, DataType.FLOAT32, new Shape(1, tokens, dim));
            NDArray x = manager.create(spikes, new Shape(1, tokens, dim));

            Map<String, InputStatistics> inputs = evaluate(network, manager, x);

            InputStatistics q = inputs.get(attention.query().get(0).name());
            InputStatistics k = inputs.get(attention.key().get(0).name());
            InputStatistics v = inputs.get(attention.value().get(0).name());
            // 3 in every 10 entries, repeated over T = 2: the rate of the block input, for all three
            assertThat(q.rate()).isCloseTo(ones / (double) spikes.length, within(1e-9));
            assertThat(q.kind()).isEqualTo(LayerInputKind.SPIKES);
            assertThat(k).isEqualTo(q);
            assertThat(v).isEqualTo(q);
            assertThat(inputs).containsKeys(attention.name() + ".qk", attention.name() + ".av");
            // Q and K are binary spikes (or silent); the scores are spike counts, never analog
            assertThat(inputs.get(attention.name() + ".qk").kind()).isEqualTo(LayerInputKind.SPIKES);
            assertThat(inputs.get(attention.name() + ".av").kind()).isNotEqualTo(LayerInputKind.ANALOG);
        }
    }

    @Test
    void theStaticImageEncoderReadsAnalogInputOnce() {
        Architecture net = ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 4, 4), 2);
        SpikingNetwork network =
                NetworkBuilder.build(net, InputKind.STATIC, NeuronSettings.spiking(2), WeightLayerFactory.dense());
        try (NDManager manager = NDManager.newBaseManager()) {
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4, 4));
            // integer pixels, yet an image: analog by declaration
            InputStatistics encoder = evaluate(network, manager, manager.ones(new Shape(1, 1, 4, 4)))
                    .get("conv1");

            assertThat(encoder.kind()).isEqualTo(LayerInputKind.ANALOG);
            assertThat(encoder.once()).isTrue();
            assertThat(encoder.entries()).isEqualTo(16);
        }
    }

    @Test
    void trainingForwardPassesAreNotRecorded() {
        Architecture net = ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 4, 4), 2);
        SpikingNetwork network =
                NetworkBuilder.build(net, InputKind.STATIC, NeuronSettings.spiking(2), WeightLayerFactory.dense());
        try (NDManager manager = NDManager.newBaseManager()) {
            network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 4, 4));
            network.inputProbe().start();
            network.forward(new ParameterStore(manager, false), new NDList(manager.ones(new Shape(1, 1, 4, 4))), true);
            assertThat(network.inputProbe().stop()).isEmpty();
        }
    }

    private static Map<String, InputStatistics> evaluate(SpikingNetwork network, NDManager manager, NDArray x) {
        network.inputProbe().start();
        network.forward(new ParameterStore(manager, false), new NDList(x), false);
        return network.inputProbe().stop();
    }

    private static int indexOf(List<Layer> layers, String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }
}

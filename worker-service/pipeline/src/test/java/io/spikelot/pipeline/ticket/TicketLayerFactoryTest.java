package io.spikelot.pipeline.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.NetworkBuilder;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.model.WeightInit;
import io.spikelot.pipeline.neuron.NeuronSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** convnet-s built for ticket search: catalog names kept, only scores train (non-affine BN has no parameters). */
class TicketLayerFactoryTest {

    @ParameterizedTest
    @EnumSource(TicketKind.class)
    void convNetSTrainsOnlyScores(TicketKind kind) {
        Engine.getInstance().setRandomSeed(21);
        PruneRatio ratio = new PruneRatio(0.4);
        SpikingNetwork network = NetworkBuilder.build(
                ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 28, 28), 10),
                InputKind.STATIC,
                NeuronSettings.spiking(2),
                new TicketLayerFactory(kind, ratio, WeightInit.SIGNED_CONSTANT, TicketLayerFactory.allLayers()));
        try (NDManager m = NDManager.newBaseManager()) {
            network.initialize(m, DataType.FLOAT32, new Shape(4, 1, 28, 28));
            Map<String, Parameter> parameters = network.parameterIndex().parameters();
            assertThat(parameters)
                    .containsOnlyKeys(
                            "conv1.weight",
                            "conv1.scores",
                            "conv2.weight",
                            "conv2.scores",
                            "head.weight",
                            "head.scores");
            assertThat(parameters.get("head.scores").getArray().getShape()).isEqualTo(new Shape(10, 3136));
            try (NDManager batch = m.newSubManager();
                    GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray x = batch.randomUniform(0, 1, new Shape(4, 1, 28, 28));
                NDArray logits = network.forward(new ParameterStore(batch, false), new NDList(x), true)
                        .singletonOrThrow();
                assertThat(logits.getShape()).isEqualTo(new Shape(4, 10));
                NDArray labels = batch.create(new float[] {0, 1, 2, 3});
                collector.backward(Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits)));
            }
            parameters.forEach((name, parameter) -> {
                boolean score = name.endsWith(".scores");
                assertThat(parameter.requiresGradient()).as(name).isEqualTo(score);
                if (score) {
                    assertThat(parameter.getArray().getGradient().abs().sum().getFloat())
                            .as(name)
                            .isGreaterThan(0f);
                } else {
                    assertThat(parameter.getArray().hasGradient()).as(name).isFalse();
                }
            });
            Map<String, TicketLayer> tickets = TicketLayers.of(network);
            assertThat(tickets).containsOnlyKeys("conv1.weight", "conv2.weight", "head.weight");
            tickets.forEach((name, ticket) -> {
                long n = parameters.get(name).getArray().size();
                assertThat(TopKMask.keptCount(ticket.mask(m))).as(name).isEqualTo(ratio.keptCount(n));
            });
        }
    }

    @Test
    void pepspSearchesOnlyTheSpikformerPatchEmbeddingConvs() {
        SpikingNetwork network = NetworkBuilder.build(
                ArchitectureCatalog.resolve("spikformer-4-384", new InputShape(3, 32, 32), 10),
                InputKind.STATIC,
                NeuronSettings.spiking(1),
                new TicketLayerFactory(
                        TicketKind.BIPROP,
                        new PruneRatio(0.4),
                        WeightInit.KAIMING_NORMAL,
                        TicketLayerFactory.convPepOnly()));
        Map<String, TicketLayer> searched = TicketLayers.of(network);
        assertThat(searched).hasSize(5);
        assertThat(searched.keySet()).allMatch(name -> name.matches("patch_embed\\.(proj|rpe)_conv\\d?\\.weight"));
        assertThat(network.parameterIndex().parameters().keySet())
                .contains("head.weight")
                .filteredOn(name -> name.endsWith(".scores"))
                .hasSize(5);
    }
}

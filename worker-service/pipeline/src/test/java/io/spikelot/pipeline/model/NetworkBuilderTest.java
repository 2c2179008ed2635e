package io.spikelot.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.arch.ParameterSpec;
import io.spikelot.pipeline.neuron.NeuronSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The DJL model and the catalog agree on every parameter name, shape and count. */
class NetworkBuilderTest {

    static Stream<Arguments> staticArchitectures() {
        List<InputShape> inputs = List.of(new InputShape(1, 28, 28), new InputShape(3, 32, 32));
        return ArchitectureCatalog.names().stream()
                .filter(name -> !name.endsWith("-dvs"))
                .flatMap(name -> inputs.stream().map(in -> Arguments.of(name, in)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("staticArchitectures")
    void parametersMatchTheCatalog(String name, InputShape input) {
        assertMatchesCatalog(ArchitectureCatalog.resolve(name, input, 10), InputKind.STATIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spikformer-dvs", "spikformer-tiny-dvs"})
    void eventArchitecturesMatchTheCatalog(String name) {
        assertMatchesCatalog(ArchitectureCatalog.resolve(name, new InputShape(2, 128, 128), 10), InputKind.EVENTS);
    }

    private static void assertMatchesCatalog(Architecture architecture, InputKind kind) {
        SpikingNetwork network =
                NetworkBuilder.build(architecture, kind, NeuronSettings.spiking(2), WeightLayerFactory.dense());
        try (NDManager manager = NDManager.newBaseManager()) {
            InputShape in = architecture.input();
            Shape shape = kind == InputKind.EVENTS
                    ? new Shape(2, 1, in.channels(), in.height(), in.width())
                    : new Shape(1, in.channels(), in.height(), in.width());
            network.initialize(manager, DataType.FLOAT32, shape);
            Map<String, List<Long>> built = new LinkedHashMap<>();
            for (Map.Entry<String, Parameter> e :
                    network.parameterIndex().parameters().entrySet()) {
                built.put(e.getKey(), toList(e.getValue().getArray().getShape()));
            }
            Map<String, List<Long>> catalog = new LinkedHashMap<>();
            for (ParameterSpec spec : architecture.parameters()) {
                catalog.put(
                        spec.name(),
                        spec.shape().stream().map(Integer::longValue).toList());
            }
            assertThat(built).containsExactlyEntriesOf(catalog);
            long catalogCount = architecture.parameters().stream()
                    .mapToLong(ParameterSpec::count)
                    .sum();
            assertThat(network.parameterIndex().parameterCount()).isEqualTo(catalogCount);
        }
    }

    private static List<Long> toList(Shape shape) {
        return java.util.Arrays.stream(shape.getShape()).boxed().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"convnet-s", "vgg9", "resnet19", "spikformer-4-384"})
    void forwardGivesLogitsPerSampleForSnnAndAnn(String name) {
        Architecture architecture = ArchitectureCatalog.resolve(name, new InputShape(3, 32, 32), 10);
        for (NeuronSettings neurons : List.of(NeuronSettings.spiking(2), NeuronSettings.relu())) {
            SpikingNetwork network =
                    NetworkBuilder.build(architecture, InputKind.STATIC, neurons, WeightLayerFactory.dense());
            try (NDManager manager = NDManager.newBaseManager()) {
                network.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
                NDArray x = manager.randomUniform(0, 1, new Shape(2, 3, 32, 32));
                NDArray logits = network.forward(new ParameterStore(manager, false), new NDList(x), false)
                        .singletonOrThrow();
                assertThat(logits.getShape()).isEqualTo(new Shape(2, 10));
                assertThat(network.lastFiringRates().isEmpty()).isEqualTo(!neurons.spiking());
            }
        }
    }
}

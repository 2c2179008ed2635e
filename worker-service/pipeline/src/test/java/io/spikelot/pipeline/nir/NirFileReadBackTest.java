package io.spikelot.pipeline.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.graph.GraphNode;
import io.spikelot.model.graph.GraphParameter;
import io.spikelot.model.graph.GraphSettings;
import io.spikelot.model.graph.ModelGraph;
import io.spikelot.model.graph.ModelGraphs;
import io.spikelot.model.spec.LifSettings;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.ResetMode;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.testing.Hdf5Files;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code model.nir} of catalog networks, read back with h5py: the layout {@code nir.read} expects (version,
 * {@code node/type}, {@code node/nodes/<name>/type} and parameters, {@code node/edges}), the node types and
 * parameters, BatchNorm folded into the conv before it, and the edges in order. The tensors are made up; the
 * graphs are the catalog's.
 */
class NirFileReadBackTest {

    private static final String N = "node/nodes/";

    @TempDir
    Path scratch;

    @Test
    void convnetSIsConvLifAndMaxPoolAsSumPoolAndThresholdWithBatchNormFolded() throws Exception {
        ModelGraph graph = graph("convnet-s", new InputShape(1, 28, 28), LifSettings.defaults());
        Map<String, HostTensor> tensors = tensors(graph);
        NirGraph nir = NirTranslation.of(graph, tensors);
        JsonNode file = readBack(nir);

        assertThat(file.get("version").get("text").asString()).isEqualTo(NirFile.NIR_VERSION);
        assertThat(file.get("node/type").get("text").asString()).isEqualTo("NIRGraph");
        List<String> order = List.of(
                "input",
                "conv1",
                "lif1",
                "pool1",
                "pool1_max",
                "conv2",
                "lif2",
                "pool2",
                "pool2_max",
                "flatten",
                "head",
                "output");
        List<String> types = List.of(
                "Input",
                "Conv2d",
                "LIF",
                "SumPool2d",
                "Threshold",
                "Conv2d",
                "LIF",
                "SumPool2d",
                "Threshold",
                "Flatten",
                "Linear",
                "Output");
        for (int i = 0; i < order.size(); i++) {
            assertThat(file.get(N + order.get(i) + "/type").get("text").asString())
                    .as(order.get(i))
                    .isEqualTo(types.get(i));
        }
        assertThat(file.has(N + "bn1/type")).as("BatchNorm folded away").isFalse();
        assertThat(edges(file)).isEqualTo(chain(order));

        assertThat(shape(file, "conv1/weight")).containsExactly(32, 1, 3, 3);
        assertThat(shape(file, "conv1/input_shape")).containsExactly(2);
        assertThat(file.get(N + "conv1/input_shape").get("first").toString()).isEqualTo("[28.0,28.0]");
        assertThat(file.get(N + "conv1/padding").get("first").toString()).isEqualTo("[1.0,1.0]");
        // BN folded: w' = w / √(var + ε), b' = −mean / √(var + ε) for channel 0
        double s0 = 1 / Math.sqrt(variance(0) + ModelGraphs.BATCH_NORM_EPS);
        float w0 = ((HostTensor.Floats) tensors.get("conv1.weight")).values()[0];
        assertThat(first(file, "conv1/weight")).isCloseTo(w0 * s0, within(1e-6));
        assertThat(first(file, "conv1/bias")).isCloseTo(-mean(0) * s0, within(1e-6));

        assertThat(shape(file, "lif1/tau")).containsExactly(32, 28, 28);
        assertThat(first(file, "lif1/tau")).isCloseTo(2.0 * NirTranslation.DT_SECONDS, within(1e-9));
        assertThat(first(file, "lif1/r"))
                .as("the whole input charged: r = τ_steps")
                .isEqualTo(2.0);
        assertThat(first(file, "lif1/v_threshold")).isEqualTo(1.0);
        assertThat(file.get(N + "lif1/v_reset").get("sum").asDouble()).isZero();
        assertThat(first(file, "pool1_max/threshold")).isEqualTo(0.5);
        assertThat(shape(file, "pool1_max/threshold")).containsExactly(32, 14, 14);
        assertThat(shape(file, "head/weight")).containsExactly(10, 3136);
        assertThat(file.get(N + "flatten/input_type").get("first").toString()).isEqualTo("[64.0,7.0,7.0]");
        assertThat(file.get("node/metadata/approximations").get("text").asString())
                .isEqualTo("none");
        assertThat(nir.approximations()).isEmpty();
    }

    @Test
    void vgg9PoolsBeforeItsNeuronsAndSoftResetIsStatedAsApproximated() throws Exception {
        ModelGraph graph =
                graph("vgg9", new InputShape(3, 32, 32), LifSettings.defaults().withReset(ResetMode.SOFT));
        NirGraph nir = NirTranslation.of(graph, tensors(graph));
        JsonNode file = readBack(nir);

        List<String> order = new ArrayList<>(List.of("input"));
        for (int i = 1; i <= 6; i++) {
            order.add("conv" + i);
            if (i % 2 == 0) {
                order.add("pool" + i / 2);
            }
            order.add("lif" + i);
        }
        order.addAll(List.of("flatten", "fc1", "fc1_lif", "fc2", "fc2_lif", "head", "output"));
        assertThat(edges(file)).isEqualTo(chain(order));
        assertThat(file.get(N + "pool1/type").get("text").asString()).isEqualTo("AvgPool2d");
        assertThat(file.get(N + "conv2/type").get("text").asString()).isEqualTo("Conv2d");
        assertThat(file.get(N + "fc1/type").get("text").asString())
                .as("BN folded gives a bias")
                .isEqualTo("Affine");
        assertThat(file.get(N + "head/type").get("text").asString()).isEqualTo("Linear");
        assertThat(shape(file, "conv6/weight")).containsExactly(256, 256, 3, 3);
        assertThat(shape(file, "fc1/weight")).containsExactly(256, 4096);
        assertThat(shape(file, "fc1/bias")).containsExactly(256);
        assertThat(shape(file, "lif6/tau")).containsExactly(256, 4, 4);
        assertThat(nir.approximations())
                .anySatisfy(
                        a -> assertThat(a).startsWith(Approximations.SOFT_RESET).contains("lif1", "fc2_lif"))
                .anySatisfy(a -> assertThat(a)
                        .startsWith(Approximations.MAX_POOL_OVER_VALUES)
                        .contains("pool3"));
        assertThat(file.get("node/metadata/approximations").get("text").asString())
                .contains("soft reset");
        assertThat(file.get("node/metadata/dt").get("first").get(0).asDouble()).isEqualTo(NirTranslation.DT_SECONDS);
    }

    @Test
    void resNetBranchesMeetAtTheNeuronAfterTheirSum() {
        ModelGraph graph = graph("resnet19", new InputShape(3, 32, 32), LifSettings.defaults());
        NirGraph nir = NirTranslation.of(graph, tensors(graph));

        // block 1 projects its shortcut (1×1 conv, BN folded); block 2 adds its input as it is
        assertThat(nir.edges())
                .contains(
                        List.of("lif_input", "block1_conv1"),
                        List.of("lif_input", "block1_shortcut_conv"),
                        List.of("block1_conv2", "block1_lif2"),
                        List.of("block1_shortcut_conv", "block1_lif2"),
                        List.of("block1_lif2", "block2_conv1"),
                        List.of("block2_conv2", "block2_lif2"),
                        List.of("block1_lif2", "block2_lif2"));
        assertThat(nir.nodes())
                .filteredOn(n -> n.name().equals("avgpool_flatten") || n.name().equals("fc1"))
                .extracting(NirNode::type)
                .containsExactly("Flatten", "Affine");
        assertThat(nir.nodes())
                .noneMatch(n -> n.name().contains(".") || n.name().contains("bn"));
    }

    @Test
    void aSpikformerIsNotWrittenAndTheNoteSaysWhy() {
        ModelGraph graph = graph("spikformer-tiny", new InputShape(1, 28, 28), LifSettings.defaults());
        NirExport export = NirExport.of(graph, tensors(graph));
        assertThat(export.graph()).isEmpty();
        assertThat(export.notes()).singleElement().asString().startsWith("model.nir not written: NIR cannot express");
    }

    @Test
    void aReluNetworkHasNoNirFileAndNeedsNoNote() {
        ModelGraph graph = ModelGraphs.of(
                ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 28, 28), 10),
                GraphSettings.of(NeuronKind.RELU, LifSettings.defaults(), 1, false));
        NirExport export = NirExport.of(graph, tensors(graph));
        assertThat(export.graph()).isEmpty();
        assertThat(export.notes()).isEmpty();
        assertThatThrownBy(() -> NirTranslation.of(graph, tensors(graph)))
                .isInstanceOf(NirUnsupportedException.class)
                .hasMessageContaining("no spiking neurons");
    }

    private JsonNode readBack(NirGraph nir) throws Exception {
        Path file = Files.write(scratch.resolve("model.nir"), NirFile.bytes(nir));
        return Hdf5Files.datasets(file);
    }

    private static ModelGraph graph(String name, InputShape input, LifSettings lif) {
        return ModelGraphs.of(
                ArchitectureCatalog.resolve(name, input, 10), GraphSettings.of(NeuronKind.LIF, lif, 4, false));
    }

    /** Every parameter of the graph, made up: weights a ramp, running means and variances per channel. */
    private static Map<String, HostTensor> tensors(ModelGraph graph) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        graph.layers().forEach(node -> addTensors(node, tensors));
        return tensors;
    }

    private static void addTensors(GraphNode node, Map<String, HostTensor> tensors) {
        if (node.parameters() != null) {
            for (GraphParameter p : node.parameters()) {
                long[] shape = p.shape().stream().mapToLong(Integer::longValue).toArray();
                float[] values =
                        new float[p.shape().stream().mapToInt(Integer::intValue).reduce(1, (a, b) -> a * b)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = switch (p.role()) {
                        case "running-mean" -> mean(i);
                        case "running-var" -> variance(i);
                        default -> ((i * 37) % 11 - 5) * 0.01f;
                    };
                }
                tensors.put(p.name(), new HostTensor.Floats(shape, values));
            }
        }
        if (node.branches() != null) {
            node.branches().values().forEach(branch -> branch.forEach(n -> addTensors(n, tensors)));
        }
    }

    private static float mean(int channel) {
        return 0.1f * (channel % 5) - 0.2f;
    }

    private static float variance(int channel) {
        return 0.5f + 0.25f * (channel % 3);
    }

    private static List<List<String>> edges(JsonNode file) {
        List<List<String>> edges = new ArrayList<>();
        file.get("node/edges")
                .get("text")
                .forEach(e -> edges.add(List.of(e.get(0).asString(), e.get(1).asString())));
        return edges;
    }

    private static List<List<String>> chain(List<String> order) {
        List<List<String>> edges = new ArrayList<>();
        for (int i = 1; i < order.size(); i++) {
            edges.add(List.of(order.get(i - 1), order.get(i)));
        }
        return edges;
    }

    private static List<Integer> shape(JsonNode file, String dataset) {
        List<Integer> shape = new ArrayList<>();
        file.get(N + dataset).get("shape").forEach(d -> shape.add(d.asInt()));
        return shape;
    }

    private static double first(JsonNode file, String dataset) {
        return file.get(N + dataset).get("first").get(0).asDouble();
    }
}

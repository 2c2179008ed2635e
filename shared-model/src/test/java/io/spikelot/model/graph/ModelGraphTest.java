package io.spikelot.model.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.BatchNormLayer;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.arch.ParameterSpec;
import io.spikelot.model.spec.LifSettings;
import io.spikelot.model.spec.NeuronKind;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The graph of every catalog architecture is generated from the catalog: it names every learned tensor and running
 * statistic of the architecture exactly once with its shape, its node shapes chain from the input to the logits,
 * and a document carrying it validates against the published schema, which refuses a node that lacks its
 * hyper-parameters.
 */
class ModelGraphTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = schema();

    static Stream<String> architectures() {
        return ArchitectureCatalog.names().stream();
    }

    private static Architecture resolve(String name) {
        InputShape input = name.endsWith("-dvs") ? new InputShape(2, 128, 128) : new InputShape(3, 32, 32);
        return ArchitectureCatalog.resolve(name, input, 10);
    }

    private static ModelGraph graph(String name, GraphSettings settings) {
        return ModelGraphs.of(resolve(name), settings);
    }

    private static GraphSettings lif(String name) {
        return GraphSettings.of(NeuronKind.LIF, LifSettings.defaults(), 4, name.endsWith("-dvs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void everyTensorOfTheArchitectureIsNamedOnceWithItsShape(String name) {
        Architecture architecture = resolve(name);
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        for (ParameterSpec p : architecture.parameters()) {
            expected.put(p.name(), p.shape());
        }
        architecture.allLayers().stream()
                .filter(BatchNormLayer.class::isInstance)
                .map(BatchNormLayer.class::cast)
                .forEach(b -> {
                    expected.put(b.name() + ".running_mean", List.of(b.channels()));
                    expected.put(b.name() + ".running_var", List.of(b.channels()));
                });
        List<GraphParameter> named = new ArrayList<>();
        collect(graph(name, lif(name)).layers(), named);
        Map<String, List<Integer>> found = new LinkedHashMap<>();
        named.forEach(p -> found.put(p.name(), p.shape()));
        assertThat(named).hasSameSizeAs(found.keySet());
        assertThat(found).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void nodeShapesChainFromTheInputToTheLogits(String name) {
        ModelGraph graph = graph(name, lif(name).withPatchPruneRatio(name.startsWith("spikformer") ? 0.3 : 0));
        List<Integer> at = graph.inputShape();
        for (GraphNode node : graph.layers()) {
            assertThat(node.inputShape()).as(node.name()).isEqualTo(at);
            at = node.outputShape();
        }
        assertThat(at).isEqualTo(List.of(10));
        assertThat(graph.layers().get(graph.layers().size() - 1).op()).isEqualTo("mean-over-time");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void aDocumentWithTheGraphValidatesAgainstTheSchema(String name) {
        for (GraphSettings settings : List.of(
                lif(name),
                lif(name).quantized(4, 2, true),
                GraphSettings.of(NeuronKind.RELU, LifSettings.defaults(), 1, false))) {
            JsonNode document = document(name, settings);
            assertThat(SCHEMA.validate(document)).as(name).isEmpty();
        }
    }

    @Test
    void theDirectEncodingRepeatsAfterTheEncodingConvAndItsNorm() {
        List<String> ops = graph("convnet-s", lif("convnet-s")).layers().stream()
                .map(GraphNode::op)
                .limit(4)
                .toList();
        assertThat(ops).containsExactly("conv2d", "batch-norm", "repeat-over-time", "lif");
        assertThat(graph("spikformer-dvs", lif("spikformer-dvs")).layers())
                .extracting(GraphNode::op)
                .doesNotContain("repeat-over-time");
    }

    @Test
    void theSchemaRefusesAConvWithoutItsKernel() {
        ObjectNode document = document("convnet-s", lif("convnet-s"));
        ObjectNode conv = (ObjectNode) document.at("/graph/layers/0/attributes");
        assertThat(SCHEMA.validate(document)).isEmpty();
        conv.remove("kernel");
        assertThat(SCHEMA.validate(document)).isNotEmpty();
    }

    /** A minimal model.json around the graph: the required headline fields, preprocessing and the graph. */
    private static ObjectNode document(String name, GraphSettings settings) {
        Architecture architecture = resolve(name);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("format", "spikelot-slt-model/1");
        doc.put("architecture", name);
        doc.put("classes", 10);
        doc.put("timesteps", settings.timesteps());
        doc.putObject("neuron").put("kind", settings.neuron().wireName());
        doc.put("formatVersion", ModelGraphs.FORMAT_VERSION);
        doc.put("schema", ModelGraphs.SCHEMA_PATH);
        InputShape in = architecture.input();
        Preprocessing preprocessing = new Preprocessing(
                "static",
                List.of(in.channels(), in.height(), in.width()),
                1.0 / 255,
                List.of(0.5, 0.5, 0.5).subList(0, in.channels()),
                List.of(0.25, 0.25, 0.25).subList(0, in.channels()),
                "x = (p * scale - mean) / std",
                null);
        doc.set("preprocessing", JSON.valueToTree(preprocessing));
        doc.set("graph", JSON.valueToTree(ModelGraphs.of(architecture, settings)));
        return doc;
    }

    private static void collect(List<GraphNode> nodes, List<GraphParameter> into) {
        for (GraphNode node : nodes) {
            if (node.parameters() != null) {
                into.addAll(node.parameters());
            }
            if (node.branches() != null) {
                node.branches().values().forEach(branch -> collect(branch, into));
            }
        }
    }

    private static Schema schema() {
        try (InputStream in = ModelGraphTest.class.getResourceAsStream("/io/spikelot/model/graph/model.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in, InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

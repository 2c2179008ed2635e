package io.spikelot.pipeline.nir;

import io.spikelot.model.graph.GraphNode;
import io.spikelot.model.graph.GraphParameter;
import io.spikelot.model.graph.ModelGraph;
import io.spikelot.pipeline.tensor.HostTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates the graph of {@code model.json} with the tensors of {@code model.safetensors} into NIR. Conv and
 * linear layers carry the effective weights (masked, binarised, or codes × scale), with a following BatchNorm
 * folded in ({@link BatchNorms}); LIF layers become NIR {@code LIF} nodes in NIR's continuous time with
 * {@link #DT_SECONDS} per step ({@link LifMapping}); pools, flatten and residual sums become NIR pools, flatten and
 * fan-in edges. The direct encoding (the frame shown at every step) and the readout (logits averaged over T) are
 * not nodes in NIR: the graph's metadata states them. Attention, token and patch-selection layers and non-spiking
 * neurons have no NIR form: {@link NirUnsupportedException}.
 */
public final class NirTranslation {

    /** The time step: one of the network's steps is this many seconds of NIR's continuous time. */
    public static final double DT_SECONDS = 1e-4;

    private final Map<String, ? extends HostTensor> tensors;
    private final List<Object> nodes = new ArrayList<>();
    private final List<List<String>> edges = new ArrayList<>();
    private final Approximations approximations = new Approximations();
    private List<String> frontier = List.of("input");
    /** The conv or linear node a BatchNorm may still fold into; null once anything but a pool follows it. */
    private WeightedNode foldTarget;
    /** Whether only max-pools (true) or no pools (false) came between {@link #foldTarget} and now. */
    private boolean maxPoolSinceTarget;
    /** Whether the value flowing now is the spikes of a LIF node, and of how many bits. */
    private int spikeBits;

    private NirTranslation(Map<String, ? extends HostTensor> tensors) {
        this.tensors = tensors;
    }

    /**
     * The NIR graph of {@code graph}.
     *
     * @param tensors every tensor of {@code model.safetensors} by name
     * @throws NirUnsupportedException when a node has no NIR form
     */
    public static NirGraph of(ModelGraph graph, Map<String, ? extends HostTensor> tensors) {
        if (graph.neuronModel() == null) {
            throw new NirUnsupportedException("network", "it has no spiking neurons; NIR describes spiking networks");
        }
        NirTranslation translation = new NirTranslation(tensors);
        translation.nodes.add(new NirNode("input", "Input", Map.of("shape", NirArrays.longs(graph.inputShape()))));
        translation.sequence(graph.layers());
        translation.connect(new NirNode("output", "Output", Map.of("shape", new long[] {graph.classes()})));
        return new NirGraph(
                translation.nodes.stream()
                        .map(n -> n instanceof WeightedNode w ? w.toNode() : (NirNode) n)
                        .map(n -> new NirNode(nodeName(n.name()), n.type(), n.parameters()))
                        .toList(),
                translation.edges.stream()
                        .map(e -> List.of(nodeName(e.get(0)), nodeName(e.get(1))))
                        .toList(),
                metadata(graph, translation.approximations.sentences()),
                translation.approximations.sentences());
    }

    /**
     * The NIR name of a graph node: its catalog name with {@code .} as {@code _} ({@code block1.conv1} →
     * {@code block1_conv1}), since the tools that turn NIR into PyTorch modules name them after the nodes.
     */
    public static String nodeName(String graphName) {
        return graphName.replace('.', '_');
    }

    private void sequence(List<GraphNode> layers) {
        for (GraphNode node : layers) {
            layer(node);
        }
    }

    private void layer(GraphNode node) {
        switch (node.op()) {
            case "repeat-over-time", "mean-over-time" -> {
                // the encoding and the readout are stated in the metadata: NIR runs per step
            }
            case "conv2d" -> weighted(node, true);
            case "linear" -> weighted(node, false);
            case "batch-norm" -> batchNorm(node);
            case "lif" -> lif(node);
            case "max-pool2d" -> maxPool(node);
            case "avg-pool2d" -> avgPool(node, intAttribute(node, "kernel"), intAttribute(node, "stride"));
            case "global-avg-pool2d" -> globalAvgPool(node);
            case "flatten" -> flatten(node.name(), node.inputShape());
            case "residual" -> residual(node);
            default -> throw new NirUnsupportedException(node.name(), "NIR has no " + node.op() + " operation");
        }
    }

    private void weighted(GraphNode node, boolean conv) {
        if (!conv && node.inputShape().size() != 1) {
            throw new NirUnsupportedException(node.name(), "a linear map over tokens has no NIR form");
        }
        GraphParameter weightParameter = parameter(node, "weight")
                .orElseThrow(() -> new IllegalArgumentException("No weight for " + node.name()));
        Optional<GraphParameter> biasParameter = parameter(node, "bias");
        Map<String, Object> hyper = new LinkedHashMap<>();
        if (conv) {
            long stride = intAttribute(node, "stride");
            long padding = intAttribute(node, "padding");
            hyper.put("input_shape", NirArrays.longs(node.inputShape().subList(1, 3)));
            hyper.put("stride", new long[] {stride, stride});
            hyper.put("padding", new long[] {padding, padding});
            hyper.put("dilation", new long[] {1, 1});
            hyper.put("groups", 1L);
        }
        WeightedNode weighted = new WeightedNode(
                node.name(),
                conv,
                dense(weightParameter),
                weightParameter.shape(),
                biasParameter.map(this::dense).orElse(null),
                hyper);
        connect(weighted);
        foldTarget = weighted;
        maxPoolSinceTarget = false;
        spikeBits = 0;
    }

    private void batchNorm(GraphNode node) {
        BatchNorms.Affine affine = BatchNorms.affine(node, this::dense);
        if (foldTarget != null
                && foldTarget.outputs() == affine.scale().length
                && (!maxPoolSinceTarget || affine.allScalesPositive())) {
            // a positive per-channel scale commutes with a max-pool, a shift with any pool without padding
            foldTarget.fold(affine.scale(), affine.shift());
        } else {
            connect(BatchNorms.standalone(node, affine));
            foldTarget = null;
        }
        spikeBits = 0;
    }

    private void lif(GraphNode node) {
        LifMapping.Lif lif = LifMapping.of(node);
        connect(lif.node());
        lif.approximations().forEach(kind -> approximations.add(kind, node.name()));
        foldTarget = null;
        spikeBits = lif.spikeBits();
    }

    private void maxPool(GraphNode node) {
        long kernel = intAttribute(node, "kernel");
        long stride = intAttribute(node, "stride");
        long padding = intAttribute(node, "padding");
        if (spikeBits == 0) {
            approximations.add(Approximations.MAX_POOL_OVER_VALUES, node.name());
            avgPool(node, kernel, stride);
            maxPoolSinceTarget = true;
            return;
        }
        if (spikeBits > 1) {
            approximations.add(Approximations.MAX_POOL_OVER_LEVELS, node.name());
        }
        // over 0/1 spikes the maximum of a window is 1 exactly when its sum exceeds 0.5
        connect(new NirNode(node.name(), "SumPool2d", pool(kernel, stride, padding)));
        connect(new NirNode(
                node.name() + "_max", "Threshold", Map.of("threshold", NirArrays.filled(node.outputShape(), 0.5f))));
        foldTarget = null;
        spikeBits = 1;
    }

    private void avgPool(GraphNode node, long kernel, long stride) {
        long padding = node.attributes().containsKey("padding") ? intAttribute(node, "padding") : 0;
        connect(new NirNode(node.name(), "AvgPool2d", pool(kernel, stride, padding)));
        if (padding > 0) {
            foldTarget = null;
        }
        spikeBits = 0;
    }

    private void globalAvgPool(GraphNode node) {
        List<Integer> in = node.inputShape();
        connect(new NirNode(
                node.name(),
                "AvgPool2d",
                Map.of(
                        "kernel_size", NirArrays.longs(in.subList(1, 3)),
                        "stride", NirArrays.longs(in.subList(1, 3)),
                        "padding", new long[] {0, 0})));
        if (node.outputShape().size() == 1) {
            flatten(node.name() + "_flatten", List.of(in.get(0), 1, 1));
        }
        spikeBits = 0;
    }

    private void flatten(String name, List<Integer> inputShape) {
        connect(new NirNode(
                name, "Flatten", Map.of("start_dim", 0L, "end_dim", -1L, "input_type", NirArrays.longs(inputShape))));
        foldTarget = null;
    }

    /** after(body(x) + shortcut(x)): both branches start from the same nodes and meet at the next one. */
    private void residual(GraphNode node) {
        List<String> start = frontier;
        foldTarget = null;
        sequence(node.branches().getOrDefault("body", List.of()));
        List<String> body = frontier;
        frontier = start;
        foldTarget = null;
        sequence(node.branches().getOrDefault("shortcut", List.of()));
        LinkedHashSet<String> merged = new LinkedHashSet<>(body);
        merged.addAll(frontier);
        frontier = List.copyOf(merged);
        foldTarget = null;
        spikeBits = 0;
        sequence(node.branches().getOrDefault("after", List.of()));
    }

    private void connect(Object node) {
        String name = node instanceof WeightedNode w ? w.name() : ((NirNode) node).name();
        frontier.forEach(source -> edges.add(List.of(source, name)));
        nodes.add(node);
        frontier = List.of(name);
    }

    private static Map<String, Object> pool(long kernel, long stride, long padding) {
        return Map.of(
                "kernel_size", new long[] {kernel, kernel},
                "stride", new long[] {stride, stride},
                "padding", new long[] {padding, padding});
    }

    private float[] dense(GraphParameter parameter) {
        HostTensor tensor = tensors.get(parameter.name());
        if (tensor == null) {
            throw new IllegalArgumentException("No tensor " + parameter.name() + " for the graph");
        }
        float[] values = NirArrays.floats(tensor);
        if (parameter.quantization() != null) {
            HostTensor scale = tensors.get(parameter.quantization().scale());
            if (!(scale instanceof HostTensor.Floats s)) {
                throw new IllegalArgumentException(
                        "No scale " + parameter.quantization().scale());
            }
            for (int i = 0; i < values.length; i++) {
                values[i] *= s.scalar();
            }
        }
        return values;
    }

    static Optional<GraphParameter> parameter(GraphNode node, String role) {
        return node.parameters() == null
                ? Optional.empty()
                : node.parameters().stream().filter(p -> p.role().equals(role)).findFirst();
    }

    static long intAttribute(GraphNode node, String name) {
        return ((Number) node.attributes().get(name)).longValue();
    }

    private static Map<String, Object> metadata(ModelGraph graph, List<String> approximations) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", "Spikelot model.json graph");
        metadata.put("dt", DT_SECONDS);
        metadata.put("timesteps", (long) graph.timesteps());
        metadata.put(
                "encoding",
                "static".equals(graph.inputKind())
                        ? "direct: the normalised frame (model.json preprocessing) is the input current at every one"
                                + " of the T steps"
                        : "events: frame t of the T event frames is the input at step t");
        metadata.put("readout", "the output node's values are the logits of one step; " + graph.prediction());
        metadata.put("approximations", approximations.isEmpty() ? "none" : String.join("\n", approximations));
        return metadata;
    }
}

package io.spikelot.model.graph;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.BatchNormLayer;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.FeatureShape;
import io.spikelot.model.arch.Layer;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.model.arch.NeuronLayer;
import io.spikelot.model.arch.ParameterSpec;
import io.spikelot.model.arch.PoolLayer;
import io.spikelot.model.arch.ResidualLayer;
import io.spikelot.model.arch.SelfAttentionLayer;
import io.spikelot.model.spec.LifSettings;
import io.spikelot.model.spec.NeuronKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates the {@link ModelGraph} of a resolved catalog architecture. The operations ({@code op}) are
 * {@code conv2d}, {@code linear}, {@code batch-norm}, {@code max-pool2d}, {@code avg-pool2d},
 * {@code global-avg-pool2d}, {@code lif}, {@code relu}, {@code sign}, {@code flatten}, {@code tokens},
 * {@code patch-selection}, {@code token-mean}, {@code residual}, {@code spiking-self-attention},
 * {@code repeat-over-time} and {@code mean-over-time}; the README documents each one's attributes.
 */
public final class ModelGraphs {

    /** The version of the self-describing fields of {@code model.json} ({@code formatVersion}). */
    public static final int FORMAT_VERSION = 2;

    /** Where the API serves the JSON Schema of {@code model.json}, relative to the service's base URL. */
    public static final String SCHEMA_PATH = "/schemas/model.schema.json";

    /** BatchNorm's ε, as the pipeline's engine applies it. */
    public static final double BATCH_NORM_EPS = 1e-5;

    /** BatchNorm's running-statistics momentum in PyTorch's convention ({@code new = (1 − m)·old + m·batch}). */
    public static final double BATCH_NORM_MOMENTUM = 0.1;

    static final String NEURON_MODEL = "per step t = 1..T, per element: H[t] = (1 - 1/tau)*V[t-1] + g*X[t] with"
            + " g = 1/tau if decayInput else 1 (hard reset: + vReset/tau), V[0] = vReset (hard) or 0 (soft);"
            + " spikeBits 1: S[t] = (H[t] >= threshold), hard reset V[t] = H[t]*(1 - S[t]) + vReset*S[t], soft"
            + " reset V[t] = H[t] - threshold*S[t]; spikeBits > 1: level = clip(floor(H[t]/threshold), 0,"
            + " maxLevel), S[t] = level*threshold, hard reset V[t] = vReset where level > 0 else H[t], soft reset"
            + " V[t] = H[t] - S[t]; the membrane starts fresh for every input";

    static final String PREDICTION = "argmax over classes of the logits averaged over the T steps";

    private ModelGraphs() {}

    /** The graph of {@code architecture} as a job with {@code settings} built and trained it. */
    public static ModelGraph of(Architecture architecture, GraphSettings settings) {
        Generator generator = new Generator(settings);
        List<Layer> layers = architecture.layers();
        List<GraphNode> nodes = new ArrayList<>();
        int encoder = settings.events() ? 0 : Architecture.encoderLength(layers);
        for (int i = 0; i < layers.size(); i++) {
            if (i == encoder && !settings.events()) {
                nodes.add(repeat(layers.get(i).input(), settings.timesteps()));
            }
            nodes.addAll(generator.nodes(layers.get(i)));
        }
        FeatureShape logits = architecture.output();
        nodes.add(new GraphNode(
                "readout",
                "mean-over-time",
                logits.dims(),
                logits.dims(),
                attributes("timesteps", settings.timesteps()),
                null,
                null));
        FeatureShape input = architecture.input().asFeatureShape();
        return new ModelGraph(
                settings.timesteps(),
                settings.events() ? "events" : "static",
                input.dims(),
                architecture.classes(),
                nodes,
                settings.neuron() == NeuronKind.LIF ? NEURON_MODEL : null,
                PREDICTION);
    }

    private static GraphNode repeat(FeatureShape shape, int timesteps) {
        return new GraphNode(
                "direct_encoding",
                "repeat-over-time",
                shape.dims(),
                shape.dims(),
                attributes("timesteps", timesteps, "layout", "time-major: [B, ...] -> [T*B, ...], copy t at rows t*B"),
                null,
                null);
    }

    private static Map<String, Object> attributes(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    /**
     * Turns one catalog layer into its node(s); carries the job's settings and, after a patch selection, the token
     * count N it reduced to K (the catalog states N; every later token shape is K).
     */
    private static final class Generator {

        private final GraphSettings settings;
        private int allTokens;
        private int keptTokens;

        Generator(GraphSettings settings) {
            this.settings = settings;
        }

        private List<Integer> dims(FeatureShape shape) {
            if (keptTokens > 0 && shape.rank() == 2 && shape.get(0) == allTokens) {
                return List.of(keptTokens, shape.get(1));
            }
            return shape.dims();
        }

        List<GraphNode> nodes(Layer layer) {
            return switch (layer.kind()) {
                case CONV2D -> List.of(conv((Conv2dLayer) layer));
                case LINEAR -> List.of(linear((LinearLayer) layer));
                case BATCH_NORM -> List.of(batchNorm((BatchNormLayer) layer));
                case POOL -> List.of(pool((PoolLayer) layer));
                case NEURON -> List.of(neuron((NeuronLayer) layer));
                case FLATTEN -> List.of(plain(layer, "flatten", attributes("startAxis", 1, "order", "row-major")));
                case TOKENS -> tokens(layer);
                case TOKEN_MEAN -> List.of(plain(layer, "token-mean", attributes("axis", "tokens")));
                case RESIDUAL -> List.of(residual((ResidualLayer) layer));
                case SELF_ATTENTION -> List.of(attention((SelfAttentionLayer) layer));
            };
        }

        private List<GraphNode> sequence(List<Layer> layers) {
            List<GraphNode> nodes = new ArrayList<>();
            layers.forEach(layer -> nodes.addAll(nodes(layer)));
            return nodes;
        }

        private GraphNode conv(Conv2dLayer c) {
            return node(
                    c,
                    "conv2d",
                    attributes(
                            "inChannels", c.inChannels(),
                            "outChannels", c.outChannels(),
                            "kernel", c.kernel(),
                            "stride", c.stride(),
                            "padding", c.padding(),
                            "dilation", 1,
                            "groups", 1,
                            "bias", c.bias(),
                            "encoding", c.encoding(),
                            "patchEmbedding", c.convPep() ? true : null));
        }

        private GraphNode linear(LinearLayer l) {
            return node(
                    l,
                    "linear",
                    attributes(
                            "inFeatures", l.inFeatures(),
                            "outFeatures", l.outFeatures(),
                            "bias", l.bias(),
                            "encoding", l.encoding(),
                            "appliesTo", "last axis"));
        }

        private GraphNode batchNorm(BatchNormLayer b) {
            List<GraphParameter> parameters = new ArrayList<>(parameters(b));
            parameters.add(new GraphParameter(b.name() + ".running_mean", List.of(b.channels()), "running-mean", null));
            parameters.add(new GraphParameter(b.name() + ".running_var", List.of(b.channels()), "running-var", null));
            // the normalised axis of the batched tensor [N, ...]: channels of a map, features of a vector, the
            // embedding of a token sequence
            int axis = b.input().rank() == 2 ? 2 : 1;
            return new GraphNode(
                    b.name(),
                    "batch-norm",
                    dims(b.input()),
                    dims(b.output()),
                    attributes(
                            "features",
                            b.channels(),
                            "axis",
                            axis,
                            "affine",
                            b.affine(),
                            "eps",
                            BATCH_NORM_EPS,
                            "momentum",
                            BATCH_NORM_MOMENTUM,
                            "inference",
                            "(x - running_mean) / sqrt(running_var + eps) [* weight + bias]"),
                    parameters,
                    null);
        }

        private GraphNode pool(PoolLayer p) {
            return switch (p.type()) {
                case GLOBAL_AVG -> plain(p, "global-avg-pool2d", attributes("axes", List.of(2, 3)));
                case MAX, AVG ->
                    plain(
                            p,
                            p.type().name().toLowerCase(Locale.ROOT) + "-pool2d",
                            attributes(
                                    "kernel",
                                    p.kernel(),
                                    "stride",
                                    p.stride(),
                                    "padding",
                                    p.padding(),
                                    "ceilMode",
                                    false,
                                    "countIncludePad",
                                    p.type() == io.spikelot.model.arch.PoolType.AVG ? true : null));
            };
        }

        private GraphNode neuron(NeuronLayer n) {
            return switch (settings.neuron()) {
                case RELU -> plain(n, "relu", null);
                case SIGN -> plain(n, "sign", attributes("zero", 0, "values", List.of(-1, 0, 1)));
                case LIF -> {
                    LifSettings lif = settings.lif();
                    int bits = settings.spikeBits();
                    yield plain(
                            n,
                            "lif",
                            attributes(
                                    "tau", lif.tau(),
                                    "threshold", lif.threshold() * n.threshold(),
                                    "reset", lif.reset().wireName(),
                                    "vReset", 0.0,
                                    "decayInput", lif.decayInput(),
                                    "detachReset", lif.detachReset(),
                                    "surrogate", lif.surrogate().wireName(),
                                    "surrogateAlpha", lif.surrogateAlpha(),
                                    "spikeBits", bits,
                                    "maxLevel", (1 << bits) - 1));
                }
            };
        }

        private List<GraphNode> tokens(Layer layer) {
            GraphNode tokens =
                    plain(layer, "tokens", attributes("order", "[D, H, W] -> [H*W, D], token i = (i / W, i % W)"));
            if (settings.patchPruneRatio() <= 0) {
                return List.of(tokens);
            }
            int n = layer.output().get(0);
            int kept = keptPatches(n, settings.patchPruneRatio());
            FeatureShape out = FeatureShape.of(kept, layer.output().get(1));
            allTokens = n;
            keptTokens = kept;
            GraphNode selection = new GraphNode(
                    layer.name().replace("tokens", "patch_selection"),
                    "patch-selection",
                    layer.output().dims(),
                    out.dims(),
                    attributes(
                            "tokens",
                            n,
                            "keep",
                            kept,
                            "pruneRatio",
                            settings.patchPruneRatio(),
                            "score",
                            "sum over t and d of |x[t, i, d]|, per sample",
                            "ties",
                            "lower token index first",
                            "order",
                            "kept tokens stay in their original order, the same ones at every step"),
                    null,
                    null);
            return List.of(tokens, selection);
        }

        private GraphNode residual(ResidualLayer r) {
            Map<String, List<GraphNode>> branches = new LinkedHashMap<>();
            branches.put("body", sequence(r.body()));
            branches.put("shortcut", sequence(r.shortcut()));
            branches.put("after", sequence(r.after()));
            return new GraphNode(
                    r.name(),
                    "residual",
                    dims(r.input()),
                    dims(r.output()),
                    attributes("formula", "after(body(x) + shortcut(x)); an empty branch is the identity"),
                    null,
                    branches);
        }

        private GraphNode attention(SelfAttentionLayer a) {
            Map<String, List<GraphNode>> branches = new LinkedHashMap<>();
            branches.put("query", sequence(a.query()));
            branches.put("key", sequence(a.key()));
            branches.put("value", sequence(a.value()));
            branches.put("attentionNeuron", List.of(neuron(a.attentionNeuron())));
            branches.put("projection", sequence(a.projection()));
            Integer limit = settings.attentionScoreLimit();
            return new GraphNode(
                    a.name(),
                    "spiking-self-attention",
                    dims(a.input()),
                    dims(a.output()),
                    attributes(
                            "dim",
                            a.dim(),
                            "heads",
                            a.heads(),
                            "headDim",
                            a.dim() / a.heads(),
                            "scale",
                            a.scale(),
                            "scoreLimit",
                            limit,
                            "formula",
                            "Q, K, V = query(x), key(x), value(x) split into heads [N, D] -> [heads, N, D/heads];"
                                    + " A = (Q K^T"
                                    + (limit == null ? "" : " rounded and clipped to [0, scoreLimit]")
                                    + ") V * scale, no softmax; heads concatenated back to [N, D];"
                                    + " projection(attentionNeuron(A))"),
                    null,
                    branches);
        }

        private GraphNode node(Layer layer, String op, Map<String, Object> attributes) {
            return new GraphNode(
                    layer.name(), op, dims(layer.input()), dims(layer.output()), attributes, parameters(layer), null);
        }

        private GraphNode plain(Layer layer, String op, Map<String, Object> attributes) {
            return new GraphNode(layer.name(), op, dims(layer.input()), dims(layer.output()), attributes, null, null);
        }

        private List<GraphParameter> parameters(Layer layer) {
            List<GraphParameter> list = new ArrayList<>();
            for (ParameterSpec p : layer.parameters()) {
                GraphParameter.Quantization quantization = null;
                boolean weight = p.role() == io.spikelot.model.arch.ParameterRole.WEIGHT;
                if (weight && settings.weightBits() != null) {
                    int bits = settings.weightBits();
                    quantization = new GraphParameter.Quantization(
                            bits, p.name() + "_scale", bits == 1 ? 1 : (1 << (bits - 1)) - 1);
                }
                list.add(new GraphParameter(
                        p.name(),
                        p.shape(),
                        p.role().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        quantization));
            }
            return list;
        }
    }

    /** K = ⌈(1 − q)·N⌉, at least 1, as MultiSp selects. */
    public static int keptPatches(int patches, double pruneRatio) {
        return Math.max(1, (int) Math.ceil((1.0 - pruneRatio) * patches - 1e-9));
    }
}

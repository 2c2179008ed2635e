package io.spikelot.api.spec;

import static io.spikelot.api.spec.Rules.bool;
import static io.spikelot.api.spec.Rules.integer;
import static io.spikelot.api.spec.Rules.list;
import static io.spikelot.api.spec.Rules.number;
import static io.spikelot.api.spec.Rules.oneOf;
import static io.spikelot.api.spec.Rules.text;

import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.job.JobType;
import io.spikelot.model.spec.QuantizationSettings;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;

/**
 * The shape of every job spec, field by field, with the defaults the README documents. Semantic checks across
 * fields live in {@link JobSpecValidator}.
 */
final class JobSpecRules {

    static final Set<String> ARCHITECTURES = Set.copyOf(ArchitectureCatalog.names());
    static final Set<String> DATASETS = Set.of(
            "mnist",
            "fashion-mnist",
            "cifar10",
            "cifar100",
            "dvs128-gesture",
            "cifar10-dvs",
            "events-npz",
            "synthetic-static",
            "synthetic-events");
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/+-]{0,199}");
    /** Relative, and no {@code ..} segment: a dataset path can never leave the datasets root. */
    private static final Pattern PATH = Pattern.compile("(?!/)(?!(?:.*/)?\\.\\.(?:/|$))[A-Za-z0-9._/-]{1,255}");

    private JobSpecRules() {}

    /** The rule for the whole body of a job of {@code type}. */
    static ObjectRule forType(JobType type) {
        return switch (type) {
            case SLT ->
                common(model(true, "hard"), training(0.01))
                        .field("search", search())
                        .required();
            case QSNN ->
                common(model(false, "soft"), training(0.001))
                        .field("quantization", quantization())
                        .required();
            case IMP ->
                common(model(true, "hard"), training(0.1))
                        .field("pruning", pruning())
                        .required();
        };
    }

    private static ObjectRule.Builder common(ObjectRule model, ObjectRule training) {
        return ObjectRule.builder()
                .field("type", oneOf(Set.of("slt", "imp", "qsnn"), null))
                .field("name", text(NAME, "a name of 1 to 200 letters, digits, spaces or ._:/+-", null))
                .field("model", model)
                .field("dataset", dataset())
                .field("training", training)
                .field(
                        "resources",
                        ObjectRule.builder()
                                .field("device", oneOf(Set.of("auto", "cpu", "gpu"), "auto"))
                                .optional());
    }

    private static ObjectRule model(boolean withTimesteps, String defaultReset) {
        ObjectRule.Builder model = ObjectRule.builder()
                .field("architecture", oneOf(ARCHITECTURES, null))
                .field("tau", number(1.0, 1000.0, false, 2.0))
                .field("threshold", number(1e-6, 1000.0, false, 1.0))
                .field("reset", oneOf(Set.of("hard", "soft"), defaultReset))
                .field("decayInput", bool(true))
                .field("detachReset", bool(false))
                .field("surrogate", oneOf(Set.of("sigmoid", "atan"), "sigmoid"))
                .field("surrogateAlpha", number(1e-3, 100.0, false, 4.0));
        if (withTimesteps) {
            model.field("neuron", oneOf(Set.of("lif", "relu"), "lif")).field("timesteps", integer(1, 64, 4L, false));
        }
        return model.required();
    }

    private static ObjectRule dataset() {
        return ObjectRule.builder()
                .field("name", oneOf(DATASETS, null))
                .field("trainLimit", integer(1, 10_000_000, null, true))
                .field("testLimit", integer(1, 10_000_000, null, true))
                .field("path", text(PATH, "a relative path under the datasets root, without '..' segments", "."))
                .field("frameSplit", oneOf(Set.of("number", "time"), "number"))
                .field("resize", integer(8, 512, null, true))
                .field("seed", integer(0, Integer.MAX_VALUE, 7L, false))
                .required();
    }

    private static ObjectRule training(double defaultLearningRate) {
        return ObjectRule.builder()
                .field("epochs", integer(1, 10_000, 10L, false))
                .field("batchSize", integer(1, 4096, 64L, false))
                .field("optimizer", oneOf(Set.of("adam", "sgd"), "adam"))
                .field("learningRate", number(1e-9, 10.0, false, defaultLearningRate))
                .field("momentum", number(0.0, 1.0, true, 0.9))
                .field("weightDecay", number(0.0, 1.0, true, 0.0))
                .field("schedule", oneOf(Set.of("cosine", "constant"), "cosine"))
                .field("seed", integer(0, Integer.MAX_VALUE, 42L, false))
                .optional();
    }

    private static ObjectRule search() {
        return ObjectRule.builder()
                .field("method", oneOf(Set.of("edge-popup", "biprop"), "biprop"))
                .field("pruneRatio", number(0.0, 1.0, true, 0.5))
                .field("scope", oneOf(Set.of("layer", "global"), "layer"))
                .field(
                        "weightInit",
                        oneOf(Set.of("signed-constant", "kaiming-normal", "kaiming-uniform"), "signed-constant"))
                .field("patchPruneRatio", number(0.0, 1.0, true, 0.0))
                .field("sweep", list(number(0.0, 1.0, true, null), 1, 20, FieldRule.NODES.nullNode(), true))
                .field("compareAnn", bool(false))
                .field("fineTuneEpochs", integer(0, 10_000, 0L, false))
                .optional();
    }

    private static ObjectRule quantization() {
        ObjectRule allocation = ObjectRule.builder()
                .field("weightBits", integer(1, 16, null, false))
                .field("spikeBits", integer(1, 8, null, false))
                .field("timesteps", integer(1, 64, null, false))
                .required();
        return ObjectRule.builder()
                .field("allocations", list(allocation, 1, 64, FieldRule.NODES.nullNode(), true))
                .field("bitBudget", integer(1, 8192, null, true))
                .field(
                        "weightBitsOptions",
                        list(integer(1, 16, null, false), 1, 16, ints(QuantizationSettings.DEFAULT_WEIGHT_BITS), false))
                .field(
                        "spikeBitsOptions",
                        list(integer(1, 8, null, false), 1, 8, ints(QuantizationSettings.DEFAULT_SPIKE_BITS), false))
                .required();
    }

    private static ObjectRule pruning() {
        return ObjectRule.builder()
                .field("method", oneOf(Set.of("imp", "early-bird"), "imp"))
                .field("rounds", integer(1, 30, 5L, false))
                .field("ratePerRound", number(0.01, 0.99, false, 0.25))
                .field("scope", oneOf(Set.of("global", "layer"), "global"))
                .field("rewindEpoch", integer(0, 10_000, 1L, false))
                .field("earlyTime", bool(false))
                .field("earlyTimeThreshold", number(0.0, 1.0, false, 0.6))
                .field("earlyBirdDistance", number(0.0, 1.0, false, 0.02))
                .field("targetSparsityRound", integer(1, 14, 4L, false))
                .optional();
    }

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode array = FieldRule.NODES.arrayNode();
        for (int v : values) {
            array.add(v);
        }
        return array;
    }
}

package io.spikelot.api.spec;

import static io.spikelot.api.spec.Rules.bool;
import static io.spikelot.api.spec.Rules.integer;
import static io.spikelot.api.spec.Rules.list;
import static io.spikelot.api.spec.Rules.nullableNumber;
import static io.spikelot.api.spec.Rules.number;
import static io.spikelot.api.spec.Rules.oneOf;
import static io.spikelot.api.spec.Rules.text;

import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.job.JobType;
import io.spikelot.model.spec.DatasetSettings;
import io.spikelot.model.spec.Device;
import io.spikelot.model.spec.FrameSplit;
import io.spikelot.model.spec.ImpMethod;
import io.spikelot.model.spec.LifSettings;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.OptimizerKind;
import io.spikelot.model.spec.PruneScope;
import io.spikelot.model.spec.PruningSettings;
import io.spikelot.model.spec.QsnnModelSettings;
import io.spikelot.model.spec.QuantizationSettings;
import io.spikelot.model.spec.ResetMode;
import io.spikelot.model.spec.ResourceSettings;
import io.spikelot.model.spec.Schedule;
import io.spikelot.model.spec.SearchMethod;
import io.spikelot.model.spec.SearchSettings;
import io.spikelot.model.spec.SurrogateKind;
import io.spikelot.model.spec.TrainingSettings;
import io.spikelot.model.spec.WeightInitKind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;

/**
 * The shape of every job spec, field by field, with the defaults the README documents. Accepted options and
 * defaults come from the spec enums and the settings records' {@code defaults()} in {@code io.spikelot.model.spec};
 * only ranges and free-form fields are spelled here. Semantic checks across fields live in {@link JobSpecValidator}.
 */
final class JobSpecRules {

    static final Set<String> JOB_TYPES =
            Arrays.stream(JobType.values()).map(JobType::wireName).collect(Collectors.toUnmodifiableSet());
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
                common(type, sltModel(ModelSettings.defaults()))
                        .field("search", search())
                        .required();
            case QSNN ->
                common(type, qsnnModel()).field("quantization", quantization()).required();
            case IMP ->
                common(type, sltModel(ModelSettings.kim()))
                        .field("pruning", pruning())
                        .required();
        };
    }

    private static ObjectRule.Builder common(JobType type, ObjectRule model) {
        return ObjectRule.builder()
                .field("type", oneOf(JOB_TYPES, null))
                .field("name", text(NAME, "a name of 1 to 200 letters, digits, spaces or ._:/+-", null))
                .field("model", model)
                .field("dataset", dataset())
                .field("training", training(TrainingSettings.defaults(type)))
                .field(
                        "resources",
                        ObjectRule.builder()
                                .field(
                                        "device",
                                        oneOf(
                                                Device.class,
                                                ResourceSettings.defaults().device()))
                                .optional());
    }

    /** The model of {@code slt} and {@code imp} specs: the LIF settings, then neuron and T. */
    private static ObjectRule sltModel(ModelSettings defaults) {
        return lifModel(defaults.lif())
                .field("neuron", oneOf(NeuronKind.class, defaults.neuron()))
                .field("timesteps", integer(1, 64, (long) defaults.timesteps(), false))
                .field("affineNorm", bool(defaults.affineNorm()))
                .required();
    }

    /** The model of {@code qsnn} specs: no neuron or T, and its own default reset. */
    private static ObjectRule qsnnModel() {
        return lifModel(QsnnModelSettings.defaults().lif()).required();
    }

    private static ObjectRule.Builder lifModel(LifSettings defaults) {
        return ObjectRule.builder()
                .field("architecture", oneOf(ARCHITECTURES, null))
                .field("tau", number(1.0, 1000.0, false, defaults.tau()))
                .field("threshold", number(1e-6, 1000.0, false, defaults.threshold()))
                .field("reset", oneOf(ResetMode.class, defaults.reset()))
                .field("decayInput", bool(defaults.decayInput()))
                .field("detachReset", bool(defaults.detachReset()))
                .field("surrogate", oneOf(SurrogateKind.class, defaults.surrogate()))
                .field("surrogateAlpha", number(1e-3, 100.0, false, defaults.surrogateAlpha()));
    }

    private static ObjectRule dataset() {
        DatasetSettings defaults = DatasetSettings.defaults();
        return ObjectRule.builder()
                .field("name", oneOf(DATASETS, null))
                .field("trainLimit", integer(1, 10_000_000, null, true))
                .field("testLimit", integer(1, 10_000_000, null, true))
                .field(
                        "path",
                        text(PATH, "a relative path under the datasets root, without '..' segments", defaults.path()))
                .field("frameSplit", oneOf(FrameSplit.class, defaults.frameSplit()))
                .field("resize", integer(8, 512, null, true))
                .field("seed", integer(0, Integer.MAX_VALUE, defaults.seed(), false))
                .required();
    }

    private static ObjectRule training(TrainingSettings defaults) {
        return ObjectRule.builder()
                .field("epochs", integer(1, 10_000, (long) defaults.epochs(), false))
                .field("batchSize", integer(1, 4096, (long) defaults.batchSize(), false))
                .field("optimizer", oneOf(OptimizerKind.class, defaults.optimizer()))
                .field("learningRate", number(1e-9, 10.0, false, defaults.learningRate()))
                .field("momentum", number(0.0, 1.0, true, defaults.momentum()))
                .field("weightDecay", number(0.0, 1.0, true, defaults.weightDecay()))
                .field("schedule", oneOf(Schedule.class, defaults.schedule()))
                .field("seed", integer(0, Integer.MAX_VALUE, defaults.seed(), false))
                .field("repeats", integer(1, TrainingSettings.MAX_REPEATS, (long) defaults.repeats(), false))
                .optional();
    }

    private static ObjectRule search() {
        SearchSettings defaults = SearchSettings.defaults();
        return ObjectRule.builder()
                .field("method", oneOf(SearchMethod.class, defaults.method()))
                .field("pruneRatio", number(0.0, 1.0, true, defaults.pruneRatio()))
                .field("scope", oneOf(PruneScope.class, defaults.scope()))
                .field("weightInit", oneOf(WeightInitKind.class, defaults.weightInit()))
                .field("patchPruneRatio", number(0.0, 1.0, true, defaults.patchPruneRatio()))
                .field("sweep", list(number(0.0, 1.0, true, null), 1, 20, FieldRule.NODES.nullNode(), true))
                .field("compareAnn", bool(defaults.compareAnn()))
                .field("fineTuneEpochs", integer(0, 10_000, (long) defaults.fineTuneEpochs(), false))
                .optional();
    }

    private static ObjectRule quantization() {
        ObjectRule allocation = ObjectRule.builder()
                .field("weightBits", integer(1, 16, null, false))
                .field("spikeBits", integer(1, QuantizationSettings.MAX_SPIKE_BITS, null, false))
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
                        list(
                                integer(1, QuantizationSettings.MAX_SPIKE_BITS, null, false),
                                1,
                                QuantizationSettings.MAX_SPIKE_BITS,
                                ints(QuantizationSettings.DEFAULT_SPIKE_BITS),
                                false))
                .required();
    }

    /** Early-Bird's fields are null unless given; {@link JobSpecValidator} fills them for Early-Bird jobs. */
    private static ObjectRule pruning() {
        PruningSettings defaults = PruningSettings.defaults();
        return ObjectRule.builder()
                .field("method", oneOf(ImpMethod.class, defaults.method()))
                .field("rounds", integer(1, 30, (long) defaults.rounds(), false))
                .field("ratePerRound", number(0.01, 0.99, false, defaults.ratePerRound()))
                .field("scope", oneOf(PruneScope.class, defaults.scope()))
                .field("rewindEpoch", integer(0, 10_000, (long) defaults.rewindEpoch(), false))
                .field("earlyTime", bool(defaults.earlyTime()))
                .field("earlyTimeThreshold", number(0.0, 1.0, false, defaults.earlyTimeThreshold()))
                .field(
                        "earlyTimeCandidates",
                        list(integer(1, 63, null, false), 1, 63, FieldRule.NODES.nullNode(), true))
                .field("earlyBirdDistance", nullableNumber(0.0, 1.0))
                .field("earlyBirdQueue", integer(2, 50, null, true))
                .field("targetSparsityRound", integer(1, 30, null, true))
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

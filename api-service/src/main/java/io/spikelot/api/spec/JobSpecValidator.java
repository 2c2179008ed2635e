package io.spikelot.api.spec;

import io.spikelot.api.ApiProperties;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.FieldError;
import io.spikelot.api.problem.ProblemType;
import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.ArchitectureMismatchException;
import io.spikelot.model.cost.BitBudget;
import io.spikelot.model.dataset.DatasetShapes;
import io.spikelot.model.job.JobType;
import io.spikelot.model.job.ResourceClass;
import io.spikelot.model.spec.Device;
import io.spikelot.model.spec.ImpMethod;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.PruningSettings;
import io.spikelot.model.spec.QuantizationSettings;
import io.spikelot.model.spec.SearchMethod;
import io.spikelot.model.spec.SearchSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a submitted job spec, syntax and semantics, before anything is stored or queued: every problem is reported
 * at once, each naming its field.
 */
@Component
public class JobSpecValidator {

    private static final Set<String> EVENT_DATASETS =
            Set.of("dvs128-gesture", "cifar10-dvs", "events-npz", "synthetic-events");
    private static final List<String> EARLY_BIRD_FIELDS =
            List.of("earlyBirdDistance", "earlyBirdQueue", "targetSparsityRound");
    private static final int MAX_TIMESTEPS = QuantizationSettings.MAX_TIMESTEPS;
    /** {@code "slt", "imp", "qsnn"}. */
    private static final String TYPE_NAMES =
            Arrays.stream(JobType.values()).map(t -> "\"" + t.wireName() + "\"").collect(Collectors.joining(", "));

    private final Map<JobType, ObjectRule> rules = new EnumMap<>(JobType.class);
    private final ResourceClass autoResourceClass;

    JobSpecValidator(ApiProperties properties) {
        for (JobType type : JobType.values()) {
            rules.put(type, JobSpecRules.forType(type));
        }
        this.autoResourceClass =
                ResourceClass.valueOf(properties.jobs().autoDevice().toUpperCase(java.util.Locale.ROOT));
    }

    /** The validated spec, or an {@link ApiProblem} listing every offending field. */
    public ValidatedSpec validate(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_JSON, "The request body holds no JSON value; send a JSON job spec");
        }
        if (!body.isObject()) {
            throw ApiProblem.invalidField("body", "must be a JSON object with at least \"type\" and \"name\"");
        }
        JsonNode typeNode = body.get("type");
        JobType type = typeNode != null && typeNode.isString()
                ? JobType.fromWireName(typeNode.asString()).orElse(null)
                : null;
        if (type == null) {
            throw ApiProblem.invalidField("type", "is required: one of " + TYPE_NAMES);
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode normalized = rules.get(type).check("", withDependentDefaults(type, body), errors);
        if (errors.isEmpty()) {
            checkSemantics(type, (ObjectNode) normalized, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        ObjectNode spec = (ObjectNode) normalized;
        return new ValidatedSpec(type, spec.get("name").asString(), spec, resourceClass(spec));
    }

    /**
     * Fills the defaults that depend on another field before the field rules fill the fixed ones: an slt search
     * without {@code weightInit} gets its method's ({@link SearchSettings#defaultWeightInit}), so edge-popup keeps
     * signed constants and biprop gets Kaiming-normal with fan scaling.
     */
    private static JsonNode withDependentDefaults(JobType type, JsonNode body) {
        JsonNode search = body.get("search");
        if (type != JobType.SLT || search == null || !search.isObject() || search.has("weightInit")) {
            return body;
        }
        JsonNode method = search.get("method");
        SearchMethod chosen = SearchSettings.defaults().method();
        if (method != null && method.isString()) {
            try {
                chosen = SearchMethod.fromWireName(method.asString());
            } catch (IllegalArgumentException e) {
                return body; // the field rules report the unknown method
            }
        }
        ObjectNode copy = (ObjectNode) body.deepCopy();
        ((ObjectNode) copy.get("search"))
                .put("weightInit", SearchSettings.defaultWeightInit(chosen).wireName());
        return copy;
    }

    private void checkSemantics(JobType type, ObjectNode spec, List<FieldError> errors) {
        if (type != JobType.SLT && spec.at("/training/repeats").asInt() > 1) {
            errors.add(
                    new FieldError("training.repeats", "repeated runs are supported by slt jobs only; leave it at 1"));
        }
        if (type == JobType.IMP
                && NeuronKind.SIGN.wireName().equals(spec.at("/model/neuron").asString())) {
            errors.add(new FieldError(
                    "model.neuron",
                    "\"sign\" (binary activations) is for multi-prize tickets of slt jobs; imp trains \"lif\" or"
                            + " \"relu\" networks"));
        }
        String architecture = spec.at("/model/architecture").asString();
        boolean events = EVENT_DATASETS.contains(spec.at("/dataset/name").asString());
        if (architecture.endsWith("-dvs") && !events) {
            errors.add(new FieldError(
                    "model.architecture",
                    "\"" + architecture + "\" takes event data; dataset \""
                            + spec.at("/dataset/name").asString() + "\" is static"));
        } else {
            checkFits(architecture, spec.get("dataset"), errors);
        }
        switch (type) {
            case SLT -> checkSlt(spec, architecture, errors);
            case QSNN -> checkQsnn(spec, errors);
            case IMP -> checkImp(spec, events, errors);
        }
    }

    /** The architecture must accept the dataset's frames: resolving it against their shape says why not. */
    private static void checkFits(String architecture, JsonNode dataset, List<FieldError> errors) {
        DatasetShapes.of(dataset.get("name").asString())
                .map(shape -> dataset.get("resize").isNull()
                        ? shape
                        : shape.resized(dataset.get("resize").asInt()))
                .ifPresent(shape -> {
                    try {
                        ArchitectureCatalog.resolve(architecture, shape.input(), shape.classes());
                    } catch (ArchitectureMismatchException e) {
                        errors.add(new FieldError("model.architecture", e.getMessage()));
                    }
                });
    }

    private static void checkSlt(ObjectNode spec, String architecture, List<FieldError> errors) {
        if (spec.at("/search/patchPruneRatio").asDouble() > 0 && !ArchitectureCatalog.hasPatchTokens(architecture)) {
            errors.add(new FieldError(
                    "search.patchPruneRatio",
                    "patch pruning (MultiSp) needs a spikformer architecture; \"" + architecture
                            + "\" has no patches, so leave it at 0"));
        }
    }

    /**
     * Early-Bird fields only with Early-Bird (filled with their defaults there), a rewind point inside round 0, a
     * target round on the ladder, and Early-Time only where there are timesteps to cut: spiking neurons, static
     * images (event frames are cut to T when loaded), candidates below T.
     */
    private static void checkImp(ObjectNode spec, boolean events, List<FieldError> errors) {
        ObjectNode pruning = (ObjectNode) spec.get("pruning");
        int epochs = spec.at("/training/epochs").asInt();
        int timesteps = spec.at("/model/timesteps").asInt();
        if (ImpMethod.fromWireName(pruning.get("method").asString()) == ImpMethod.IMP) {
            for (String field : EARLY_BIRD_FIELDS) {
                if (!pruning.get(field).isNull()) {
                    errors.add(new FieldError(
                            "pruning." + field, "applies to method \"early-bird\" only; leave it out with \"imp\""));
                }
            }
            if (pruning.get("rewindEpoch").asInt() >= epochs) {
                errors.add(new FieldError(
                        "pruning.rewindEpoch",
                        "must be below training.epochs (" + epochs + "): later rounds train the epochs after it"));
            }
        } else {
            fillEarlyBirdDefaults(pruning);
            int rounds = pruning.get("rounds").asInt();
            if (pruning.get("targetSparsityRound").asInt() > rounds) {
                errors.add(new FieldError(
                        "pruning.targetSparsityRound", "must be at most pruning.rounds (" + rounds + ")"));
            }
        }
        JsonNode candidates = pruning.get("earlyTimeCandidates");
        if (!pruning.get("earlyTime").asBoolean()) {
            if (!candidates.isNull()) {
                errors.add(new FieldError("pruning.earlyTimeCandidates", "applies with pruning.earlyTime: true only"));
            }
            return;
        }
        if (NeuronKind.fromWireName(spec.at("/model/neuron").asString()) != NeuronKind.LIF) {
            errors.add(new FieldError(
                    "pruning.earlyTime", "needs spiking neurons: a relu network has no timesteps to cut"));
        }
        if (events) {
            errors.add(new FieldError(
                    "pruning.earlyTime",
                    "needs a static dataset: event frames are cut to model.timesteps when loaded"));
        }
        if (candidates.isNull() && timesteps < 3) {
            errors.add(new FieldError(
                    "pruning.earlyTime",
                    "needs model.timesteps of at least 3 for the default candidates 2 … T − 1, or"
                            + " pruning.earlyTimeCandidates"));
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).asInt() >= timesteps) {
                errors.add(new FieldError(
                        "pruning.earlyTimeCandidates[" + i + "]",
                        "must be below model.timesteps (" + timesteps + "), got "
                                + candidates.get(i).asInt()));
            }
        }
    }

    private static void fillEarlyBirdDefaults(ObjectNode pruning) {
        if (pruning.get("earlyBirdDistance").isNull()) {
            pruning.put("earlyBirdDistance", PruningSettings.EARLY_BIRD_DISTANCE);
        }
        if (pruning.get("earlyBirdQueue").isNull()) {
            pruning.put("earlyBirdQueue", PruningSettings.EARLY_BIRD_QUEUE);
        }
        if (pruning.get("targetSparsityRound").isNull()) {
            pruning.put("targetSparsityRound", PruningSettings.TARGET_SPARSITY_ROUND);
        }
    }

    private static void checkQsnn(ObjectNode spec, List<FieldError> errors) {
        JsonNode allocations = spec.at("/quantization/allocations");
        JsonNode budget = spec.at("/quantization/bitBudget");
        if (allocations.isNull() == budget.isNull()) {
            String message = "give either quantization.allocations or quantization.bitBudget, not "
                    + (allocations.isNull() ? "neither" : "both");
            errors.add(new FieldError("quantization.allocations", message));
            errors.add(new FieldError("quantization.bitBudget", message));
            return;
        }
        if (!budget.isNull()
                && BitBudget.allocations(
                                budget.asInt(),
                                ints(spec.at("/quantization/weightBitsOptions")),
                                ints(spec.at("/quantization/spikeBitsOptions")),
                                MAX_TIMESTEPS)
                        .isEmpty()) {
            errors.add(new FieldError(
                    "quantization.bitBudget",
                    "no allocation W·S·T = " + budget.asInt()
                            + " exists with the given weightBitsOptions and spikeBitsOptions and 1 ≤ T ≤ "
                            + MAX_TIMESTEPS));
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }

    private ResourceClass resourceClass(ObjectNode spec) {
        return switch (Device.fromWireName(spec.at("/resources/device").asString())) {
            case GPU -> ResourceClass.GPU;
            case CPU -> ResourceClass.CPU;
            case AUTO -> autoResourceClass;
        };
    }
}

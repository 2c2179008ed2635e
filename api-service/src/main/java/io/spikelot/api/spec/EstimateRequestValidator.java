package io.spikelot.api.spec;

import static io.spikelot.api.spec.Rules.integer;
import static io.spikelot.api.spec.Rules.oneOf;

import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.FieldError;
import io.spikelot.model.arch.InputShape;
import io.spikelot.model.cost.FiringRates;
import io.spikelot.model.dataset.DatasetShapes;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.QuantizationSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks {@code POST /api/v1/estimates} bodies: a model, a dataset (by name, or by explicit shape), and an optional
 * firing rate (one number, or one per layer) and W/S allocation.
 */
@Component
public class EstimateRequestValidator {

    private static final ObjectRule RULE = ObjectRule.builder()
            .field(
                    "model",
                    ObjectRule.builder()
                            .field("architecture", oneOf(JobSpecRules.ARCHITECTURES, null))
                            .field(
                                    "timesteps",
                                    integer(
                                            1,
                                            64,
                                            (long) ModelSettings.defaults().timesteps(),
                                            false))
                            .required())
            .field(
                    "dataset",
                    ObjectRule.builder()
                            .field("name", oneOf(JobSpecRules.DATASETS, null))
                            .field("resize", integer(8, 512, null, true))
                            .field("channels", integer(1, 16, null, true))
                            .field("height", integer(1, 4096, null, true))
                            .field("width", integer(1, 4096, null, true))
                            .field("classes", integer(1, 100_000, null, true))
                            .required())
            .field("weightBits", integer(1, 16, 16L, false))
            .field("spikeBits", integer(1, QuantizationSettings.MAX_SPIKE_BITS, 1L, false))
            .required();

    public EstimateRequest validate(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode firingRate = body != null && body.isObject() ? body.get("firingRate") : null;
        JsonNode withoutRate = body != null && body.isObject()
                ? ((tools.jackson.databind.node.ObjectNode) body).deepCopy().without("firingRate")
                : body;
        if (withoutRate == null) {
            throw ApiProblem.invalidField("body", "must be a JSON object with \"model\" and \"dataset\"");
        }
        JsonNode spec = RULE.check("", withoutRate, errors);
        FiringRates rates = firingRates(firingRate, errors);
        DatasetShapes.Shape shape = errors.isEmpty() ? shape(spec.get("dataset"), errors) : null;
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new EstimateRequest(
                spec.at("/model/architecture").asString(),
                shape.input(),
                shape.classes(),
                spec.at("/model/timesteps").asInt(),
                rates,
                spec.get("weightBits").asInt(),
                spec.get("spikeBits").asInt());
    }

    private static FiringRates firingRates(JsonNode rate, List<FieldError> errors) {
        if (rate == null || rate.isNull()) {
            return null;
        }
        if (rate.isNumber() && rate.asDouble() >= 0 && rate.asDouble() <= 1) {
            return FiringRates.uniform(rate.asDouble());
        }
        if (rate.isObject() && !rate.isEmpty()) {
            Map<String, Double> perLayer = new LinkedHashMap<>();
            for (String layer : rate.propertyNames()) {
                JsonNode value = rate.get(layer);
                if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
                    errors.add(new FieldError("firingRate." + layer, "must be a number in [0, 1]"));
                }
                perLayer.put(layer, value.asDouble());
            }
            return FiringRates.measured(perLayer, null);
        }
        errors.add(new FieldError("firingRate", "must be a number in [0, 1] or an object of layer name to rate"));
        return null;
    }

    private static DatasetShapes.Shape shape(JsonNode dataset, List<FieldError> errors) {
        var known = DatasetShapes.of(dataset.get("name").asString());
        if (known.isPresent()) {
            JsonNode resize = dataset.get("resize");
            return resize.isNull() ? known.get() : known.get().resized(resize.asInt());
        }
        for (String field : List.of("channels", "height", "width", "classes")) {
            if (dataset.get(field).isNull()) {
                errors.add(new FieldError(
                        "dataset." + field,
                        "is required for dataset \"" + dataset.get("name").asString()
                                + "\", whose shape its files do not fix"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new DatasetShapes.Shape(
                new InputShape(
                        dataset.get("channels").asInt(),
                        dataset.get("height").asInt(),
                        dataset.get("width").asInt()),
                dataset.get("classes").asInt());
    }
}

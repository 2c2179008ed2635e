package io.spikelot.api.estimate;

import io.spikelot.api.auth.Caller;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.FieldError;
import io.spikelot.api.spec.EstimateRequest;
import io.spikelot.api.spec.EstimateRequestValidator;
import io.spikelot.model.arch.ArchitectureMismatchException;
import io.spikelot.model.cost.CostEstimator;
import io.spikelot.model.cost.CostReport;
import io.spikelot.model.cost.UnknownLayerException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Parameters, MACs per layer, ANN and SNN energy, bit budget and S-ACE of a model on a dataset, before spending
 * any GPU time. Synchronous and validated like a job spec. The {@code layers} table prices each conv, linear and
 * attention matmul (input kind, rate, mean level, energy, S-ACE, NS-ACE) and sums to the totals; per-layer rates
 * are keyed by the same names a job's result uses.
 */
@Tag(name = "estimates", description = "Cost estimates without a job")
@RestController
@RequestMapping(path = "/api/v1/estimates", produces = MediaType.APPLICATION_JSON_VALUE)
class EstimateController {

    private final EstimateRequestValidator validator;

    EstimateController(EstimateRequestValidator validator) {
        this.validator = validator;
    }

    @Operation(
            operationId = "estimateCost",
            summary = "Estimate cost",
            description = "Params, MACs, energy (with its basis), bit budget, S-ACE, NS-ACE and the per-layer table;"
                    + " firingRate is one number or an object of layer name to rate")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    CostReport estimate(Caller.Tenant tenant, @RequestBody JsonNode body) {
        EstimateRequest request = validator.validate(body);
        try {
            return CostEstimator.estimate(
                    request.architecture(),
                    request.input(),
                    request.classes(),
                    request.timesteps(),
                    request.firingRates(),
                    request.weightBits(),
                    request.spikeBits());
        } catch (UnknownLayerException e) {
            throw ApiProblem.validation(e.unknown().stream()
                    .map(layer -> new FieldError(
                            "firingRate." + layer,
                            "is not a layer that reads spikes in " + request.architecture() + "; rates apply to "
                                    + e.known()))
                    .toList());
        } catch (ArchitectureMismatchException e) {
            throw ApiProblem.invalidField("model.architecture", e.getMessage());
        } catch (IllegalArgumentException e) {
            // a per-layer object that leaves a layer out
            throw ApiProblem.invalidField("firingRate", e.getMessage());
        }
    }
}

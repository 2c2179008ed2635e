package io.spikelot.api.estimate;

import io.spikelot.api.auth.Caller;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.spec.EstimateRequest;
import io.spikelot.api.spec.EstimateRequestValidator;
import io.spikelot.model.arch.ArchitectureMismatchException;
import io.spikelot.model.cost.CostEstimator;
import io.spikelot.model.cost.CostReport;
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
 * any GPU time. Synchronous and validated like a job spec.
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
            description = "Params, MACs, energy (with its basis), bit budget, S-ACE")
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
        } catch (ArchitectureMismatchException e) {
            throw ApiProblem.invalidField("model.architecture", e.getMessage());
        } catch (IllegalArgumentException e) {
            // rates naming layers the architecture does not have
            throw ApiProblem.invalidField("firingRate", e.getMessage());
        }
    }
}

package io.spikelot.pipeline.qsnn;

import io.spikelot.model.cost.CostReport;
import io.spikelot.model.spec.QuantizationSettings.Allocation;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.Evaluation;
import io.spikelot.pipeline.train.TrainingResult;
import java.util.Map;

/**
 * One trained allocation.
 *
 * @param allocation W, S and T
 * @param training history, final loss and the last epoch's test evaluation
 * @param weights per quantized layer ({@code conv1.weight}): integer codes (8-bit, or 16-bit above 8 bits) or, at
 *     W = 16, the float weight
 * @param scales per quantized layer ({@code conv1.weight_scale}): the scalar that turns codes into weights; empty
 *     at W = 16
 * @param others biases, BatchNorm parameters and running statistics, by catalog name
 * @param cost the architecture's cost at this allocation with the measured test-set firing rates
 * @param wallSeconds training and evaluation time of this allocation
 */
record AllocationRun(
        Allocation allocation,
        TrainingResult training,
        Map<String, HostTensor> weights,
        Map<String, HostTensor.Floats> scales,
        Map<String, HostTensor> others,
        CostReport cost,
        double wallSeconds) {

    Evaluation test() {
        return training.test();
    }

    double accuracy() {
        return test().accuracy();
    }

    long sAce() {
        return cost.effort().sAce();
    }

    double nsAce() {
        return cost.effort().nsAce();
    }

    String label() {
        return allocation.label();
    }
}

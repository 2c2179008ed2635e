package io.spikelot.pipeline.train;

import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.tensor.HostTensor;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Copies the trained network's tensors to the heap when training ends: every learned tensor that {@code skip}
 * rejects not, then every BatchNorm running statistic, as floats by catalog name.
 */
public final class ParameterCopy implements TrainingListener {

    private final Predicate<String> skip;
    private Map<String, HostTensor> tensors = Map.of();

    /** @param skip names copied elsewhere (masked or quantized weights, scores) */
    public ParameterCopy(Predicate<String> skip) {
        this.skip = skip;
    }

    @Override
    public void onTrained(SpikingNetwork network) {
        tensors = network.parameterIndex().copy(skip);
    }

    /** The copied tensors; empty until training has ended. */
    public Map<String, HostTensor> tensors() {
        return tensors;
    }
}

package io.spikelot.pipeline.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.spikelot.pipeline.tensor.HostTensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The network's learned tensors under stable dotted names (PyTorch {@code state_dict} style, as the catalog names
 * them), and its BatchNorm running statistics as buffers. Masks and artifacts are keyed by these names.
 */
public final class ParameterIndex {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Parameter> buffers = new LinkedHashMap<>();

    /** Indexes the direct parameters of a conv or linear block created for layer {@code layerName}. */
    void addWeightLayer(String layerName, Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            put(parameters, layerName + "." + p.getKey().replace('_', '.'), p.getValue());
        }
    }

    /** Indexes a DJL BatchNorm: γ/β as {@code weight}/{@code bias} when affine, running statistics as buffers. */
    void addBatchNorm(String layerName, Block block, boolean affine) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            switch (p.getKey()) {
                case "gamma" -> putIf(affine, layerName + ".weight", p.getValue());
                case "beta" -> putIf(affine, layerName + ".bias", p.getValue());
                case "runningMean" -> put(buffers, layerName + ".running_mean", p.getValue());
                case "runningVar" -> put(buffers, layerName + ".running_var", p.getValue());
                default ->
                    throw new IllegalStateException(
                            "Unexpected BatchNorm parameter '" + p.getKey() + "' in layer " + layerName);
            }
        }
    }

    private void putIf(boolean condition, String name, Parameter parameter) {
        if (condition) {
            put(parameters, name, parameter);
        }
    }

    private static void put(Map<String, Parameter> target, String name, Parameter parameter) {
        if (target.putIfAbsent(name, parameter) != null) {
            throw new IllegalStateException("Duplicate parameter name " + name);
        }
    }

    /** Learned tensors by name, in network order. */
    public Map<String, Parameter> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** Running statistics by name. */
    public Map<String, Parameter> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /**
     * The learned tensors whose names {@code skip} rejects not, then every running statistic, copied to the heap as
     * floats by name; the network must be initialized.
     */
    public Map<String, HostTensor> copy(Predicate<String> skip) {
        Map<String, HostTensor> copy = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> {
            if (!skip.test(name)) {
                copy.put(name, HostTensor.floats(parameter.getArray()));
            }
        });
        buffers.forEach((name, buffer) -> copy.put(name, HostTensor.floats(buffer.getArray())));
        return copy;
    }

    /** Total scalars in the learned tensors; the network must be initialized. */
    public long parameterCount() {
        return parameters.values().stream().mapToLong(p -> p.getArray().size()).sum();
    }
}

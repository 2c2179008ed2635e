package io.spikelot.pipeline.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.tensor.HostTensor;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network's whole state (learned tensors and BatchNorm running statistics, by catalog name) as host floats, and
 * back: what rewinding restores, what a checkpoint holds, and how one state moves between networks built at
 * different T (the parameters do not depend on T).
 */
public final class NetworkState {

    private NetworkState() {}

    /** Every learned tensor and running statistic, copied to the heap; the network must be initialized. */
    public static Map<String, HostTensor.Floats> copy(SpikingNetwork network) {
        Map<String, HostTensor.Floats> state = new LinkedHashMap<>();
        network.parameterIndex()
                .copy(name -> false)
                .forEach((name, tensor) -> state.put(name, (HostTensor.Floats) tensor));
        return state;
    }

    /**
     * Overwrites the network's tensors with {@code state}, in place.
     *
     * @throws IllegalArgumentException when a tensor of the network is missing from {@code state} or has another
     *     size
     */
    public static void load(SpikingNetwork network, Map<String, HostTensor.Floats> state) {
        Map<String, Parameter> all =
                new LinkedHashMap<>(network.parameterIndex().parameters());
        all.putAll(network.parameterIndex().buffers());
        all.forEach((name, parameter) -> {
            HostTensor.Floats values = state.get(name);
            NDArray array = parameter.getArray();
            if (values == null || values.values().length != array.size()) {
                throw new IllegalArgumentException("The saved state has no tensor of " + array.size() + " values for "
                        + name + " (" + array.getShape() + ")");
            }
            array.set(FloatBuffer.wrap(values.values()));
        });
    }

    /** {@code weights ⊙ masks} for the masked names, every other tensor as it is. */
    public static Map<String, HostTensor.Floats> masked(
            Map<String, HostTensor.Floats> state, Map<String, HostTensor.Booleans> masks) {
        Map<String, HostTensor.Floats> out = new LinkedHashMap<>(state);
        masks.forEach((name, mask) -> {
            float[] w = state.get(name).values().clone();
            boolean[] keep = mask.values();
            for (int i = 0; i < w.length; i++) {
                if (!keep[i]) {
                    w[i] = 0f;
                }
            }
            out.put(name, new HostTensor.Floats(mask.shape(), w));
        });
        return out;
    }

    /** The masked weights of {@code state}, by name, in the order of {@code masks}. */
    public static Map<String, HostTensor.Floats> weights(Map<String, HostTensor.Floats> state, Iterable<String> names) {
        Map<String, HostTensor.Floats> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, state.get(name));
        }
        return out;
    }

    /** The first weight entry that a mask prunes but is not exactly 0, as {@code name[index] = value}, or null. */
    public static String firstNonZeroPruned(
            Map<String, HostTensor.Floats> state, Map<String, HostTensor.Booleans> masks) {
        for (Map.Entry<String, HostTensor.Booleans> e : masks.entrySet()) {
            float[] w = state.get(e.getKey()).values();
            boolean[] keep = e.getValue().values();
            for (int i = 0; i < w.length; i++) {
                if (!keep[i] && w[i] != 0f) {
                    return e.getKey() + "[" + i + "] = " + w[i];
                }
            }
        }
        return null;
    }
}

package io.spikelot.pipeline.nir;

import io.spikelot.pipeline.tensor.HostTensor;
import java.lang.reflect.Array;
import java.util.List;

/** Flat row-major values to the nested Java arrays jHDF writes as multi-dimensional datasets, and back to floats. */
final class NirArrays {

    private NirArrays() {}

    /** {@code values} as {@code float[d0][d1]…} of {@code shape}; a flat {@code float[]} for rank 1. */
    static Object nest(float[] values, List<Integer> shape) {
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        if (dims.length == 1) {
            return values.clone();
        }
        Object nested = Array.newInstance(float.class, dims);
        fill(nested, values, 0, dims, 0);
        return nested;
    }

    /** A {@code shape} array of one value: a neuron parameter repeated per neuron. */
    static Object filled(List<Integer> shape, float value) {
        float[] values = new float[shape.stream().mapToInt(Integer::intValue).reduce(1, Math::multiplyExact)];
        java.util.Arrays.fill(values, value);
        return nest(values, shape);
    }

    static long[] longs(List<Integer> values) {
        return values.stream().mapToLong(Integer::longValue).toArray();
    }

    /** A tensor's values as floats: F32 as they are, integer codes converted. */
    static float[] floats(HostTensor tensor) {
        if (tensor instanceof HostTensor.Floats f) {
            return f.values().clone();
        }
        float[] values = new float[tensor.size()];
        if (tensor instanceof HostTensor.Bytes b) {
            for (int i = 0; i < values.length; i++) {
                values[i] = b.values()[i];
            }
        } else if (tensor instanceof HostTensor.Shorts s) {
            for (int i = 0; i < values.length; i++) {
                values[i] = s.values()[i];
            }
        } else {
            throw new IllegalArgumentException(
                    "Not a weight tensor: " + tensor.getClass().getSimpleName());
        }
        return values;
    }

    private static int fill(Object array, float[] values, int offset, int[] dims, int axis) {
        if (axis == dims.length - 1) {
            System.arraycopy(values, offset, array, 0, dims[axis]);
            return offset + dims[axis];
        }
        for (int i = 0; i < dims[axis]; i++) {
            offset = fill(Array.get(array, i), values, offset, dims, axis + 1);
        }
        return offset;
    }
}

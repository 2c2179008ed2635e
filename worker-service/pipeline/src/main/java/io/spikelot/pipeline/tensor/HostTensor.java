package io.spikelot.pipeline.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * A tensor copied off the engine into the Java heap: a shape and a row-major primitive array. Pipelines hand these
 * around once training has ended (masks, effective weights, quantization codes, BatchNorm statistics); only the
 * artifact writers turn them into bytes.
 *
 * <p>Arrays are shared, not copied, on the way in and out: treat a tensor as immutable once made.
 */
public sealed interface HostTensor {

    /** Dimensions; {@code []} for a scalar. */
    long[] shape();

    /** Number of elements, the product of {@link #shape()}. */
    default int size() {
        return Math.toIntExact(Arrays.stream(shape()).reduce(1L, Math::multiplyExact));
    }

    /** 32-bit floats: weights, scales, running statistics. */
    record Floats(long[] shape, float[] values) implements HostTensor {
        public Floats {
            requireSize(shape, values.length);
        }

        /** The single value of a scalar (or one-element) tensor. */
        public float scalar() {
            if (values.length != 1) {
                throw new IllegalStateException("Not a scalar: shape " + Arrays.toString(shape));
            }
            return values[0];
        }

        /** Whether every value is finite (no NaN, no ±∞). */
        public boolean allFinite() {
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A 0/1 mask. */
    record Booleans(long[] shape, boolean[] values) implements HostTensor {
        public Booleans {
            requireSize(shape, values.length);
        }

        /** How many entries are true. */
        public long countTrue() {
            long count = 0;
            for (boolean v : values) {
                count += v ? 1 : 0;
            }
            return count;
        }
    }

    /** Integer codes in [−127, 127]. */
    record Bytes(long[] shape, byte[] values) implements HostTensor {
        public Bytes {
            requireSize(shape, values.length);
        }
    }

    /** Integer codes in [−32767, 32767]. */
    record Shorts(long[] shape, short[] values) implements HostTensor {
        public Shorts {
            requireSize(shape, values.length);
        }
    }

    /** Unsigned bytes 0 … 255, held in Java's signed {@code byte}: bit-packed masks and signs. */
    record UnsignedBytes(long[] shape, byte[] values) implements HostTensor {
        public UnsignedBytes {
            requireSize(shape, values.length);
        }
    }

    /** 64-bit integers: shapes stored as tensors. */
    record Longs(long[] shape, long[] values) implements HostTensor {
        public Longs {
            requireSize(shape, values.length);
        }
    }

    /** The array's values as floats, whatever its engine type. */
    static Floats floats(NDArray array) {
        return new Floats(
                array.getShape().getShape(),
                array.toType(DataType.FLOAT32, false).toFloatArray());
    }

    /** A 0/1 mask of any numeric or boolean type: non-zero is true. */
    static Booleans mask(NDArray array) {
        float[] values = array.toType(DataType.FLOAT32, false).toFloatArray();
        boolean[] kept = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            kept[i] = values[i] != 0;
        }
        return new Booleans(array.getShape().getShape(), kept);
    }

    /**
     * Integral values (quantization codes) in the narrowest of {@link Bytes} and {@link Shorts} that holds
     * {@code [−maxAbs, maxAbs]}.
     *
     * @throws IllegalArgumentException when a value is not an integer in that range, or maxAbs exceeds 32767
     */
    static HostTensor codes(NDArray array, int maxAbs) {
        if (maxAbs > Short.MAX_VALUE) {
            throw new IllegalArgumentException("Codes up to " + maxAbs + " do not fit in 16 bits");
        }
        float[] values = array.toType(DataType.FLOAT32, false).toFloatArray();
        long[] shape = array.getShape().getShape();
        for (float v : values) {
            if (v != Math.rint(v) || Math.abs(v) > maxAbs) {
                throw new IllegalArgumentException(
                        "Code " + v + " is not an integer in [-" + maxAbs + ", " + maxAbs + "]");
            }
        }
        if (maxAbs <= Byte.MAX_VALUE) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) values[i];
            }
            return new Bytes(shape, bytes);
        }
        short[] shorts = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            shorts[i] = (short) values[i];
        }
        return new Shorts(shape, shorts);
    }

    private static void requireSize(long[] shape, int length) {
        long elements = Arrays.stream(shape).reduce(1L, Math::multiplyExact);
        if (elements != length) {
            throw new IllegalArgumentException(
                    "Shape " + Arrays.toString(shape) + " has " + elements + " elements, got " + length + " values");
        }
    }
}

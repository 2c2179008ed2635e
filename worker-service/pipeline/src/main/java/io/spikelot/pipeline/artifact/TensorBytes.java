package io.spikelot.pipeline.artifact;

import ai.djl.ndarray.NDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tensor ready for a file: its safetensors dtype, shape and little-endian bytes (row-major).
 *
 * @param dtype {@code BOOL} (one byte, 0 or 1), {@code I8}, {@code I16} or {@code F32}
 * @param shape dimensions; {@code []} for a scalar
 * @param data the raw bytes, {@code elements · bytesPerElement} long
 */
public record TensorBytes(String dtype, long[] shape, byte[] data) {

    public TensorBytes {
        shape = shape.clone();
        long elements = Arrays.stream(shape).reduce(1L, (a, b) -> a * b);
        long expected = elements * ("F32".equals(dtype) ? 4 : "I16".equals(dtype) ? 2 : 1);
        if (!("F32".equals(dtype) || "I16".equals(dtype) || "I8".equals(dtype) || "BOOL".equals(dtype))
                || data.length != expected) {
            throw new IllegalArgumentException("Tensor of dtype " + dtype + " and shape " + Arrays.toString(shape)
                    + " needs " + expected + " bytes, got " + data.length);
        }
    }

    public static TensorBytes ofFloats(float[] values, long... shape) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new TensorBytes("F32", shape, buffer.array());
    }

    public static TensorBytes ofBooleans(boolean[] values, long... shape) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        return new TensorBytes("BOOL", shape, bytes);
    }

    public static TensorBytes ofInt8(byte[] values, long... shape) {
        return new TensorBytes("I8", shape, values.clone());
    }

    /**
     * Integral float values (quantization codes) as the narrowest of {@code I8} and {@code I16} that holds
     * {@code [−maxAbs, maxAbs]}.
     *
     * @throws IllegalArgumentException when a value is not an integer in that range
     */
    public static TensorBytes integers(float[] values, int maxAbs, long... shape) {
        boolean narrow = maxAbs <= Byte.MAX_VALUE;
        if (maxAbs > Short.MAX_VALUE) {
            throw new IllegalArgumentException("Codes up to " + maxAbs + " do not fit in I16");
        }
        ByteBuffer buffer =
                ByteBuffer.allocate(values.length * (narrow ? 1 : 2)).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            if (v != Math.rint(v) || Math.abs(v) > maxAbs) {
                throw new IllegalArgumentException(
                        "Code " + v + " is not an integer in [-" + maxAbs + ", " + maxAbs + "]");
            }
            if (narrow) {
                buffer.put((byte) v);
            } else {
                buffer.putShort((short) v);
            }
        }
        return new TensorBytes(narrow ? "I8" : "I16", shape, buffer.array());
    }

    /** A float weight as F32. */
    public static TensorBytes floats(NDArray array) {
        return ofFloats(
                array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray(), shapeOf(array));
    }

    /** A 0/1 mask (any numeric or boolean type) as BOOL: non-zero is true. */
    public static TensorBytes mask(NDArray array) {
        float[] values =
                array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        boolean[] kept = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            kept[i] = values[i] != 0;
        }
        return ofBooleans(kept, shapeOf(array));
    }

    private static long[] shapeOf(NDArray array) {
        return array.getShape().getShape();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorBytes t
                && dtype.equals(t.dtype)
                && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}

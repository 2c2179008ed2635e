package io.spikelot.pipeline.artifact;

import io.spikelot.pipeline.tensor.HostTensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors of {@code ticket-packed.safetensors}: a ticket with one mask bit per weight instead of an F32. For each
 * masked weight {@code <w>} ({@code conv1.weight}) of {@code n} entries:
 *
 * <ul>
 *   <li>{@code <w>.mask}: U8 {@code [⌈n/8⌉]}, the mask's bits, {@link #BIT_ORDER};
 *   <li>{@code <w>.shape}: I64 {@code [rank]}, the weight's shape;
 *   <li>when every kept entry is ±α for one α > 0 (a multi-prize ticket, α·sign(W) ⊙ M): {@code <w>.sign}, U8
 *       {@code [⌈n/8⌉]}, bit set where the kept weight is +α (clear where pruned), and {@code <w>.alpha}, F32
 *       {@code []};
 *   <li>otherwise (edge-popup, W ⊙ M, or a fine-tuned ticket): {@code <w>.values}, F32 {@code [kept]}, the kept
 *       entries in row-major order.
 * </ul>
 *
 * Pruned entries unpack to +0.0. Every other tensor (biases, BatchNorm, dense layers) is stored as it is. So a
 * biprop weight costs two bits instead of 32, an edge-popup weight one bit plus 32 per kept entry.
 */
public final class PackedTicket {

    /** How bits sit in a byte, as {@code __metadata__} states it. */
    public static final String BIT_ORDER = "little: entry i of the row-major flattened weight is bit (i % 8), value"
            + " 1 << (i % 8), of byte i // 8; numpy.unpackbits(bytes, bitorder='little')[:n]";

    /** How to rebuild the dense weights, as {@code __metadata__} states it. */
    public static final String UNPACK = "for each <w>.mask: n = prod(<w>.shape), mask = bits(<w>.mask)[:n]; with"
            + " <w>.alpha: w = where(mask, where(bits(<w>.sign)[:n], alpha, -alpha), +0.0); with <w>.values: w = +0.0"
            + " everywhere, w[mask] = values (kept entries in row-major order); reshape w to <w>.shape; every other"
            + " tensor is as in model.safetensors";

    private PackedTicket() {}

    /**
     * The packed file's tensors.
     *
     * @param masks masks by weight name
     * @param weights every tensor of {@code model.safetensors}: the masked weights (effective, +0.0 where pruned)
     *     and the rest
     * @throws IllegalArgumentException when a masked weight is missing, has another shape, or is non-zero where
     *     its mask prunes it
     */
    public static Map<String, HostTensor> tensors(
            Map<String, HostTensor.Booleans> masks, Map<String, ? extends HostTensor> weights) {
        Map<String, HostTensor> packed = new LinkedHashMap<>();
        weights.forEach((name, tensor) -> {
            if (!masks.containsKey(name)) {
                packed.put(name, tensor);
            }
        });
        masks.forEach((name, mask) -> {
            if (!(weights.get(name) instanceof HostTensor.Floats weight)) {
                throw new IllegalArgumentException("No F32 weight " + name + " for its mask");
            }
            pack(name, mask, weight, packed);
        });
        return packed;
    }

    /** The metadata entries that say how to unpack, to add to the job's own. */
    public static Map<String, String> metadata() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("packing", "spikelot-bits-1");
        meta.put("bitOrder", BIT_ORDER);
        meta.put("unpack", UNPACK);
        return meta;
    }

    private static void pack(
            String name, HostTensor.Booleans mask, HostTensor.Floats weight, Map<String, HostTensor> packed) {
        if (!java.util.Arrays.equals(mask.shape(), weight.shape())) {
            throw new IllegalArgumentException("Mask and weight of " + name + " differ in shape");
        }
        boolean[] kept = mask.values();
        float[] w = weight.values();
        int count = Math.toIntExact(mask.countTrue());
        float[] values = new float[count];
        boolean[] positive = new boolean[w.length];
        int next = 0;
        for (int i = 0; i < w.length; i++) {
            if (kept[i]) {
                values[next++] = w[i];
                positive[i] = w[i] > 0;
            } else if (Float.floatToRawIntBits(w[i]) != 0) {
                throw new IllegalArgumentException(name + "[" + i + "] is pruned but holds " + w[i]);
            }
        }
        packed.put(name + ".mask", bits(kept));
        packed.put(name + ".shape", new HostTensor.Longs(new long[] {weight.shape().length}, weight.shape()));
        float alpha = commonMagnitude(values);
        if (alpha > 0) {
            packed.put(name + ".sign", bits(positive));
            packed.put(name + ".alpha", new HostTensor.Floats(new long[0], new float[] {alpha}));
        } else {
            packed.put(name + ".values", new HostTensor.Floats(new long[] {count}, values));
        }
    }

    /** The one |v| every value has, bit for bit, or 0 when they differ, are zero or there are none. */
    private static float commonMagnitude(float[] values) {
        if (values.length == 0) {
            return 0;
        }
        int bits = Float.floatToRawIntBits(Math.abs(values[0]));
        for (float v : values) {
            if (Float.floatToRawIntBits(Math.abs(v)) != bits) {
                return 0;
            }
        }
        float alpha = Float.intBitsToFloat(bits);
        return Float.isFinite(alpha) ? alpha : 0;
    }

    /** Bits LSB first: entry i is bit i % 8 of byte i / 8. */
    static HostTensor.UnsignedBytes bits(boolean[] entries) {
        byte[] bytes = new byte[(entries.length + 7) / 8];
        for (int i = 0; i < entries.length; i++) {
            if (entries[i]) {
                bytes[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        return new HostTensor.UnsignedBytes(new long[] {bytes.length}, bytes);
    }
}

package io.spikelot.pipeline.quant;

import ai.djl.ndarray.NDArray;
import io.spikelot.pipeline.tensor.Scalars;

/**
 * The W-bit symmetric weight quantizer of decision D11, per layer:
 *
 * <ul>
 *   <li>W = 1: {@code w_q = sign(w)·mean|w|}, sign(0) := +1; two values.
 *   <li>2 ≤ W ≤ 15: {@code n = 2^(W−1) − 1} levels each side, step {@code Δ = min(max|w|/n, 2·mean|w|/√n)},
 *       {@code w_q = clip(round(w/Δ), −n, n)·Δ}; at most 2n + 1 ≤ 2^W values. The max-abs step keeps every weight
 *       inside the range where it is the finer one (W ≥ 4 for Gaussian-like weights); at 2 and 3 bits it would round
 *       most weights to zero (about 95% of a Gaussian layer at W = 2), so the step falls back to LSQ's initial step
 *       {@code 2·mean|w|/√n}, which clips the tails instead.
 *   <li>W = 16: full precision, the weight itself (the paper counts FP32 as BF16).
 * </ul>
 *
 * <p>Backward: the straight-through estimator, identity for weights inside the clip range {@code [−nΔ, nΔ]} and zero
 * outside; Δ and mean|w| are statistics of the current weight without gradient. Everything is computed with tensors
 * in the weight's manager, so no host sync happens in a training step.
 */
public final class WeightQuantizer {

    /** W at and above which weights stay in full precision. */
    public static final int FULL_PRECISION_BITS = 16;

    private WeightQuantizer() {}

    /**
     * The integer codes of a weight and their per-layer scale, {@code codes·scale} being the quantized weight.
     *
     * @param codes ±1 for W = 1, in [−n, n] for 2 ≤ W ≤ 15; float32, no gradient
     * @param scale a 0-d tensor: mean|w| for W = 1, Δ for 2 ≤ W ≤ 15; no gradient
     */
    public record Encoding(NDArray codes, NDArray scale) {}

    /** The quantized weight with its straight-through gradient; the latent weight itself when W = 16. */
    public static NDArray quantize(NDArray w, int bits) {
        requireBits(bits);
        if (bits >= FULL_PRECISION_BITS) {
            return w;
        }
        Encoding encoding = encode(w, bits);
        NDArray values = encoding.codes().mul(encoding.scale());
        if (bits == 1) {
            return w.add(values.sub(w).stopGradient());
        }
        NDArray limit = Scalars.mul(encoding.scale(), levelsPerSide(bits));
        NDArray clipped = w.minimum(limit).maximum(limit.neg());
        return clipped.add(values.sub(clipped).stopGradient());
    }

    /** The codes and scale of {@code w} (no gradient), in {@code w}'s manager; W from 1 to 15. */
    public static Encoding encode(NDArray w, int bits) {
        if (bits < 1 || bits >= FULL_PRECISION_BITS) {
            throw new IllegalArgumentException("Integer codes exist for 1 to 15 weight bits, got " + bits);
        }
        NDArray latent = w.stopGradient();
        if (bits == 1) {
            NDArray sign = latent.gte(0f).toType(latent.getDataType(), false);
            return new Encoding(sign.add(sign).sub(1f), latent.abs().mean());
        }
        NDArray step = step(latent, bits);
        NDArray limit = Scalars.mul(step, levelsPerSide(bits));
        NDArray codes = latent.minimum(limit).maximum(limit.neg()).div(step).round();
        return new Encoding(codes, step);
    }

    /** n = 2^(W−1) − 1. */
    public static int levelsPerSide(int bits) {
        return (1 << (bits - 1)) - 1;
    }

    private static NDArray step(NDArray latent, int bits) {
        int n = levelsPerSide(bits);
        NDArray magnitudes = latent.abs();
        NDArray maxAbs = Scalars.div(magnitudes.max(), n);
        NDArray lsq = Scalars.mul(magnitudes.mean(), 2.0 / Math.sqrt(n));
        // an all-zero layer would divide by zero: its codes are 0 with any positive step
        return Scalars.maximum(maxAbs.minimum(lsq), 1e-12);
    }

    private static void requireBits(int bits) {
        if (bits < 1 || bits > FULL_PRECISION_BITS) {
            throw new IllegalArgumentException("Weight bits must lie in [1, 16], got " + bits);
        }
    }
}

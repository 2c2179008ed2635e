package io.spikelot.pipeline.neuron;

import ai.djl.ndarray.NDArray;
import io.spikelot.pipeline.tensor.Scalars;

/**
 * The S-bit spike of QSNN (ALGORITHMS.md §6, Eq. 6–7, decision D12): level {@code n = clip(⌊H/V_th⌋, 0, 2^S − 1)},
 * output {@code n·V_th}. With V_th = 1 the spikes are unsigned S-bit integers.
 *
 * <p>Backward: the output is a staircase of 2^S − 1 steps at H = k·V_th, so its surrogate derivative is the sum of
 * the shifted single-spike surrogates, {@code V_th·Σ_k g'(H − k·V_th)}. Only the two steps nearest to H enter the
 * sum (k = c and c + 1 with {@code c = clip(⌊H/V_th⌋, 1, 2^S − 2)}; the single step when S = 1): every step left out
 * lies at least one threshold away, and together they add at most about 7% of the peak derivative for Sigmoid(4)
 * (10% for ATan(2)), while the full sum would cost 2^S − 1 surrogate evaluations per element and step (255 at
 * S = 8). Written with the stopGradient trick of §10, so the forward value is exact.
 */
public final class MultiLevelSpike {

    private MultiLevelSpike() {}

    /**
     * Returns {@code level·V_th} in the forward pass, with the windowed sum of shifted surrogates in the backward
     * pass. Same shape and manager as {@code h}.
     *
     * @param h membrane charge before the spike
     * @param maxLevel 2^S − 1, at least 1
     */
    public static NDArray fire(NDArray h, double vThreshold, int maxLevel, Surrogate surrogate) {
        if (maxLevel < 1) {
            throw new IllegalArgumentException("A spike needs at least one level, got " + maxLevel);
        }
        NDArray raw = Scalars.div(h.stopGradient(), vThreshold).floor();
        NDArray level = raw.clip(0, maxLevel);
        NDArray smooth;
        if (maxLevel == 1) {
            smooth = surrogate.primitive(h.sub((float) vThreshold));
        } else {
            NDArray lower = Scalars.mul(raw.clip(1, maxLevel - 1), vThreshold);
            NDArray upper = lower.add((float) vThreshold);
            smooth = surrogate.primitive(h.sub(lower)).add(surrogate.primitive(h.sub(upper)));
        }
        NDArray exact = smooth.add(level.sub(smooth).stopGradient());
        return Scalars.mul(exact, vThreshold);
    }
}

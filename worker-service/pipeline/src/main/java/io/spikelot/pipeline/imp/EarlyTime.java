package io.spikelot.pipeline.imp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Early-Time selection (Kim et al.'s {@code find_ET_ticket}): for each candidate T′,
 * KL(softmax(z_T) ‖ softmax(z_T′)) of the time-mean logits z, averaged over every element as PyTorch's
 * {@code KLDivLoss} does by default; each KL is divided by the largest, and the smallest T′ whose normalised KL is
 * below the threshold wins, else the full T.
 */
final class EarlyTime {

    private EarlyTime() {}

    /**
     * @param candidates the T′ tried, ascending
     * @param kl KL per candidate
     * @param normalized {@code kl} over its maximum
     * @param chosen the chosen T′, or the full T
     */
    record Choice(List<Integer> candidates, List<Double> kl, List<Double> normalized, int chosen) {}

    /**
     * @param full time-mean logits at the full T, {@code [B][K]}
     * @param byCandidate time-mean logits at each T′ on the same samples, ascending T′
     */
    static Choice select(float[][] full, Map<Integer, float[][]> byCandidate, double threshold, int fullTimesteps) {
        List<Integer> candidates = List.copyOf(byCandidate.keySet());
        List<Double> kl = new ArrayList<>();
        for (int t : candidates) {
            kl.add(divergence(full, byCandidate.get(t)));
        }
        double max = kl.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Double> normalized = new ArrayList<>();
        int chosen = fullTimesteps;
        for (int i = 0; i < kl.size(); i++) {
            double n = max > 0 ? kl.get(i) / max : 0;
            normalized.add(n);
            if (chosen == fullTimesteps && n < threshold) {
                chosen = candidates.get(i);
            }
        }
        return new Choice(candidates, kl, normalized, chosen);
    }

    /** mean over all B·K elements of p·(log p − log q), p = softmax(target), q = softmax(approximation). */
    static double divergence(float[][] target, float[][] approximation) {
        double sum = 0;
        long elements = 0;
        for (int b = 0; b < target.length; b++) {
            double[] logP = logSoftmax(target[b]);
            double[] logQ = logSoftmax(approximation[b]);
            for (int k = 0; k < logP.length; k++) {
                sum += Math.exp(logP[k]) * (logP[k] - logQ[k]);
            }
            elements += logP.length;
        }
        return elements == 0 ? 0 : sum / elements;
    }

    private static double[] logSoftmax(float[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : z) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] - log;
        }
        return out;
    }
}

package io.spikelot.pipeline.imp;

import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finished round: its mask, the state it ended with and the segments it trained (one, or two where Early-Time
 * switched T inside it, then the evaluation of the end state at the full T, which the round reports).
 *
 * @param round from 0
 * @param phase {@code dense}, {@code prune}, {@code early-bird-search} or {@code retrain}
 * @param search whether the round is part of the search (its cost is search cost)
 * @param masks by weight name, {@code true} = kept; all kept for a dense round
 * @param segments in order
 */
record RoundRun(
        int round, String phase, boolean search, Map<String, HostTensor.Booleans> masks, List<Segment> segments) {

    static final String DENSE = "dense";
    static final String PRUNE = "prune";
    static final String EARLY_BIRD_SEARCH = "early-bird-search";
    static final String RETRAIN = "retrain";

    RoundRun {
        masks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(masks));
        segments = List.copyOf(segments);
    }

    Segment last() {
        return segments.get(segments.size() - 1);
    }

    /** The state the round ended with (pruned weights exactly 0). */
    Map<String, HostTensor.Floats> state() {
        return last().end();
    }

    Evaluation test() {
        return last().training().test();
    }

    double accuracy() {
        return test().accuracy();
    }

    double loss() {
        return last().training().finalLoss();
    }

    int epochs() {
        return segments.stream().mapToInt(Segment::epochs).sum();
    }

    long epochTimesteps() {
        return segments.stream().mapToLong(Segment::epochTimesteps).sum();
    }

    /** The T of every trained segment, in order (an evaluation at the full T trains nothing). */
    List<Integer> timesteps() {
        return segments.stream()
                .filter(s -> s.epochs() > 0)
                .map(Segment::timesteps)
                .toList();
    }

    double seconds() {
        return segments.stream().mapToDouble(Segment::seconds).sum();
    }

    /** Removed entries over all prunable entries. */
    double sparsity() {
        long removed = 0;
        long total = 0;
        for (HostTensor.Booleans mask : masks.values()) {
            removed += mask.size() - mask.countTrue();
            total += mask.size();
        }
        return total == 0 ? 0 : removed / (double) total;
    }

    /** Removed fraction per prunable weight, in network order. */
    Map<String, Double> sparsityByLayer() {
        Map<String, Double> out = new LinkedHashMap<>();
        masks.forEach((name, mask) -> out.put(name, 1 - mask.countTrue() / (double) mask.size()));
        return out;
    }

    /** Kept fraction per prunable weight, for the density-scaled energy. */
    Map<String, Double> keptByLayer() {
        Map<String, Double> out = new LinkedHashMap<>();
        sparsityByLayer().forEach((name, removed) -> out.put(name, 1 - removed));
        return out;
    }

    /** All-kept masks of the prunable weights of {@code state}: the dense round's. */
    static Map<String, HostTensor.Booleans> dense(Map<String, HostTensor.Floats> state, List<String> weights) {
        Map<String, HostTensor.Booleans> masks = new LinkedHashMap<>();
        for (String name : weights) {
            HostTensor.Floats w = state.get(name);
            boolean[] all = new boolean[w.values().length];
            java.util.Arrays.fill(all, true);
            masks.put(name, new HostTensor.Booleans(w.shape(), all));
        }
        return masks;
    }
}

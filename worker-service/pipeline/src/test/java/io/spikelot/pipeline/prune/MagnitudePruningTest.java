package io.spikelot.pipeline.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.spec.PruneScope;
import io.spikelot.pipeline.tensor.HostTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Magnitude pruning on hand-built weights: exact counts, ties at the cut, alive weights only. */
class MagnitudePruningTest {

    @Test
    void globalPruningRemovesTheSmallestQuarterOverAllLayers() {
        Map<String, HostTensor.Floats> weights = new LinkedHashMap<>();
        weights.put("conv1.weight", floats(0.9f, -0.1f, 0.5f, 0.05f));
        weights.put("head.weight", floats(-0.3f, 0.2f, 0.8f, -0.6f));

        Map<String, HostTensor.Booleans> masks = MagnitudePruning.prune(weights, null, 0.25, PruneScope.GLOBAL);

        // 8 alive, trunc(8 · 0.25) = 2 removed: |0.05| and |-0.1|, both in conv1
        assertThat(masks.get("conv1.weight").values()).containsExactly(true, false, true, false);
        assertThat(masks.get("head.weight").values()).containsExactly(true, true, true, true);
    }

    @Test
    void tiesAtTheCutKeepTheLowerIndexAndTheEarlierLayer() {
        Map<String, HostTensor.Floats> weights = new LinkedHashMap<>();
        weights.put("conv1.weight", floats(0.5f, 0.5f, 0.5f, 0.5f));
        weights.put("head.weight", floats(0.5f, 0.5f, 0.5f, 0.5f));

        Map<String, HostTensor.Booleans> masks = MagnitudePruning.prune(weights, null, 0.25, PruneScope.GLOBAL);

        assertThat(masks.get("conv1.weight").values()).containsExactly(true, true, true, true);
        assertThat(masks.get("head.weight").values()).containsExactly(true, true, false, false);
    }

    @Test
    void laterRoundsRankOnlyTheSurvivorsSoSparsityFollowsTheLadder() {
        Map<String, HostTensor.Floats> weights = new LinkedHashMap<>();
        float[] values = new float[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i + 1) * (i % 2 == 0 ? 1f : -1f);
        }
        weights.put("fc.weight", new HostTensor.Floats(new long[] {10, 10}, values));

        Map<String, HostTensor.Booleans> first = MagnitudePruning.prune(weights, null, 0.25, PruneScope.GLOBAL);
        Map<String, HostTensor.Booleans> second = MagnitudePruning.prune(weights, first, 0.25, PruneScope.GLOBAL);

        assertThat(first.get("fc.weight").countTrue()).isEqualTo(75);
        // trunc(75 · 0.25) = 18 more: 57 kept, sparsity 43%, the ladder's 43.75% up to truncation
        assertThat(second.get("fc.weight").countTrue()).isEqualTo(57);
        // the smallest magnitudes went first: 1 … 43 removed, 44 … 100 kept
        assertThat(second.get("fc.weight").values()[42]).isFalse();
        assertThat(second.get("fc.weight").values()[43]).isTrue();
    }

    @Test
    void layerScopeRemovesTheShareWithinEachLayer() {
        Map<String, HostTensor.Floats> weights = new LinkedHashMap<>();
        weights.put("conv1.weight", floats(0.9f, 0.8f, 0.7f, 0.6f));
        weights.put("head.weight", floats(0.01f, 0.02f, 0.03f, 0.04f));

        Map<String, HostTensor.Booleans> masks = MagnitudePruning.prune(weights, null, 0.5, PruneScope.LAYER);

        assertThat(masks.get("conv1.weight").values()).containsExactly(true, true, false, false);
        assertThat(masks.get("head.weight").values()).containsExactly(false, false, true, true);
    }

    private static HostTensor.Floats floats(float... values) {
        return new HostTensor.Floats(new long[] {2, 2}, values);
    }
}

package io.spikelot.pipeline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact top-k masks: counts, the §8 vectors, and deterministic ties. */
class TopKMaskTest {

    @Test
    void prunedCountMatchesTheReferencesFloat64Truncation() {
        assertThat(PruneRatio.ofKept(0.8).keptCount(100)).isEqualTo(81);
        assertThat(PruneRatio.ofKept(0.9).prunedCount(10)).isZero();
        assertThat(new PruneRatio(0.2).keptCount(100)).isEqualTo(81);
        assertThat(new PruneRatio(0.5).keptCount(4)).isEqualTo(2);
        assertThat(new PruneRatio(0.4).keptCount(5)).isEqualTo(3);
        assertThat(new PruneRatio(0).keptCount(7)).isEqualTo(7);
        assertThat(new PruneRatio(0.4).kept()).isEqualTo(0.6);
    }

    @Test
    void ratioOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new PruneRatio(1.0)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new PruneRatio(-0.1)).hasMessageContaining("-0.1");
    }

    @Test
    void layerMaskKeepsTheLargestMagnitudes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.create(new float[] {0.9f, -0.1f, 0.5f, 0.3f});
            assertThat(TopKMask.layer(scores.abs(), new PruneRatio(0.5)).toFloatArray())
                    .containsExactly(1, 0, 1, 0);
        }
    }

    @Test
    void tiesAtTheThresholdGoToTheLowerIndex() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray allEqual = m.create(new float[] {1, 1, 1, 1, 1, 1});
            assertThat(TopKMask.layer(allEqual, new PruneRatio(0.5)).toFloatArray())
                    .containsExactly(1, 1, 1, 0, 0, 0);
            NDArray someEqual = m.create(new float[] {3, 1, 2, 2, 2, 0}, new Shape(2, 3));
            NDArray mask = TopKMask.layer(someEqual, new PruneRatio(0.5));
            assertThat(mask.getShape()).isEqualTo(new Shape(2, 3));
            assertThat(mask.toFloatArray()).containsExactly(1, 0, 1, 1, 0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.3, 0.4, 0.5, 0.7, 0.99})
    void layerMaskKeepsExactlyTheImpliedCount(double pruned) {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray magnitudes = m.randomUniform(-1, 1, new Shape(64, 32, 3, 3)).abs();
            PruneRatio ratio = new PruneRatio(pruned);
            NDArray mask = TopKMask.layer(magnitudes, ratio);
            assertThat(TopKMask.keptCount(mask)).isEqualTo(ratio.keptCount(magnitudes.size()));
            assertKeptAreLargest(magnitudes, mask);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 0.5, 0.51, 0.9})
    void selectionMatchesASortedReferenceWithManyTies(double pruned) {
        // values on a coarse grid, so the threshold almost always falls inside a run of ties
        Random random = new Random(11);
        float[] values = new float[5001];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(40) / 8f;
        }
        PruneRatio ratio = new PruneRatio(pruned);
        long kept = ratio.keptCount(values.length);
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // descending by value, ties to the lower index: the mask's contract
        Arrays.sort(order, (x, y) -> values[x] != values[y] ? Float.compare(values[y], values[x]) : x - y);
        float[] expected = new float[values.length];
        for (int i = 0; i < kept; i++) {
            expected[order[i]] = 1;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(TopKMask.layer(m.create(values), ratio).toFloatArray()).containsExactly(expected);
        }
    }

    @Test
    void globalMaskRanksAcrossLayers() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0.1f, 0.9f});
            NDArray b = m.create(new float[] {0.5f, 0.2f, 0.8f, 0.3f}, new Shape(2, 2));
            List<NDArray> masks = TopKMask.global(List.of(a, b), new PruneRatio(0.5));
            assertThat(masks.get(0).toFloatArray()).containsExactly(0, 1);
            assertThat(masks.get(1).getShape()).isEqualTo(new Shape(2, 2));
            assertThat(masks.get(1).toFloatArray()).containsExactly(1, 0, 1, 0);
        }
    }

    @Test
    void globalTiesGoToTheEarlierLayerThenLowerIndex() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 1});
            NDArray b = m.create(new float[] {1, 1});
            List<NDArray> masks = TopKMask.global(List.of(a, b), new PruneRatio(0.25));
            assertThat(masks.get(0).toFloatArray()).containsExactly(1, 1);
            assertThat(masks.get(1).toFloatArray()).containsExactly(1, 0);
        }
    }

    @Test
    void globalMaskKeepsTheImpliedTotalAndTheLargest() {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomUniform(0, 1, new Shape(32, 1, 3, 3));
            NDArray b = m.randomUniform(0, 2, new Shape(10, 300));
            PruneRatio ratio = new PruneRatio(0.4);
            List<NDArray> masks = TopKMask.global(List.of(a, b), ratio);
            long kept = TopKMask.keptCount(masks.get(0)) + TopKMask.keptCount(masks.get(1));
            assertThat(kept).isEqualTo(ratio.keptCount(a.size() + b.size()));
            // layers with larger magnitudes keep more under a global ranking
            assertThat(TopKMask.keptCount(masks.get(1)) / (double) b.size())
                    .isGreaterThan(TopKMask.keptCount(masks.get(0)) / (double) a.size());
            NDArray all = a.flatten().concat(b.flatten());
            assertKeptAreLargest(all, masks.get(0).flatten().concat(masks.get(1).flatten()));
        }
    }

    private static void assertKeptAreLargest(NDArray magnitudes, NDArray mask) {
        float[] values = magnitudes.flatten().toFloatArray();
        float[] keep = mask.flatten().toFloatArray();
        float minKept = Float.POSITIVE_INFINITY;
        float maxDropped = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (keep[i] == 1) {
                minKept = Math.min(minKept, values[i]);
            } else {
                assertThat(keep[i]).isZero();
                maxDropped = Math.max(maxDropped, values[i]);
            }
        }
        assertThat(minKept).isGreaterThanOrEqualTo(maxDropped);
    }
}

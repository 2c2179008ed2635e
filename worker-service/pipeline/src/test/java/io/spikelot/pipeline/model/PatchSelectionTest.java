package io.spikelot.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** MultiSp patch selection (§4.2 steps 5–6, D7). */
class PatchSelectionTest {

    @Test
    void keptCountIsTheCeilingOfTheKeptFraction() {
        assertThat(PatchSelection.keptCount(64, 0.3)).isEqualTo(45);
        assertThat(PatchSelection.keptCount(64, 0.5)).isEqualTo(32);
        assertThat(PatchSelection.keptCount(49, 0.3)).isEqualTo(35);
        assertThat(PatchSelection.keptCount(4, 0.99)).isEqualTo(1);
    }

    @Test
    void tiesGoToTheLowerIndexAndTheOrderIsKept() {
        float[] scores = {1f, 3f, 3f, 0f, 3f};
        assertThat(PatchSelection.top(scores, 0, 5, 2)).containsExactly(1, 2);
        assertThat(PatchSelection.top(scores, 0, 5, 4)).containsExactly(0, 1, 2, 4);
    }

    @Test
    void eachSampleKeepsItsOwnStrongestPatchesAtEveryTimestepAndOnlyThoseGetGradients() {
        // T = 2, B = 2, N = 3, D = 1; sample 0's patch scores over both steps: 2, 0, 1; sample 1's: 0, 2, 2
        float[] values = {
            1, 0, 1, // t0 b0
            0, 1, 1, // t0 b1
            1, 0, 0, // t1 b0
            0, 1, 1 // t1 b1
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(values, new Shape(4, 3, 1));
            x.setRequiresGradient(true);
            PatchSelection selection = new PatchSelection(2, 0.5);
            NDArray out;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                out = selection
                        .forward(new ParameterStore(manager, false), new NDList(x), true)
                        .singletonOrThrow();
                collector.backward(out.sum());
            }
            assertThat(out.getShape()).isEqualTo(new Shape(4, 2, 1));
            // sample 0 keeps patches 0 and 2, sample 1 keeps 1 and 2
            assertThat(out.toFloatArray()).containsExactly(1, 1, 1, 1, 1, 0, 1, 1);
            assertThat(x.getGradient().toFloatArray()).containsExactly(1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1);
        }
    }
}

package io.spikelot.pipeline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The §8 vector: W = [0.5, −1, 0.2, −0.1], s = [0.9, −0.1, 0.5, 0.3], k = 0.5. */
class TicketKindTest {

    private static final float[] W = {0.5f, -1f, 0.2f, -0.1f};
    private static final float[] S = {0.9f, -0.1f, 0.5f, 0.3f};
    private static final PruneRatio HALF = new PruneRatio(0.5);

    @Test
    void edgePopupKeepsTheMaskedWeights() {
        assertThat(forward(TicketKind.EDGE_POPUP)).containsExactly(new float[] {0.5f, 0, 0.2f, 0}, within(1e-6f));
    }

    @Test
    void bipropUsesPlusMinusAlphaOnKeptEntries() {
        assertThat(forward(TicketKind.BIPROP)).containsExactly(new float[] {0.35f, 0, 0.35f, 0}, within(1e-6f));
    }

    @Test
    void bipropGainIsTheMeanKeptMagnitude() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mask = m.create(new float[] {1, 0, 1, 0});
            assertThat(TicketKind.gain(m.create(W).abs(), mask).getFloat()).isCloseTo(0.35f, within(1e-6f));
            assertThat(TicketKind.gain(m.create(W).abs(), mask.zerosLike()).getFloat())
                    .isZero();
        }
    }

    /** ∂L/∂s = g ⊙ W ⊙ sign(s) for L = Σ c ⊙ W_eff, c = [1, 2, 3, 4], pruned entries included (§2, §3). */
    @ParameterizedTest
    @EnumSource(TicketKind.class)
    void scoreGradientIsStraightThrough(TicketKind kind) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(W);
            NDArray s = m.create(S);
            s.setRequiresGradient(true);
            NDArray c = m.create(new float[] {1, 2, 3, 4});
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray abs = s.abs();
                NDArray effective = kind.effectiveWeight(w, abs, TopKMask.layer(abs, HALF));
                collector.backward(effective.mul(c).sum());
            }
            assertThat(s.getGradient().toFloatArray())
                    .containsExactly(new float[] {0.5f, 2f, 0.6f, -0.4f}, within(1e-6f));
            assertThat(w.hasGradient()).isFalse();
        }
    }

    private static float[] forward(TicketKind kind) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray abs = m.create(S).abs();
            return kind.effectiveWeight(m.create(W), abs, TopKMask.layer(abs, HALF))
                    .toFloatArray();
        }
    }
}

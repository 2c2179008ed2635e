package io.spikelot.pipeline.imp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Early-Time selection on fixed logits, against values worked out by hand. */
class EarlyTimeTest {

    @Test
    void klOfIdenticalLogitsIsZeroAndOfAShiftedPairMatchesTheHandValue() {
        float[][] full = {{0f, 0f}};

        assertThat(EarlyTime.divergence(full, full)).isZero();
        // p = (1/2, 1/2), q = softmax(0, ln 3) = (1/4, 3/4):
        // ½·ln(½ / ¼) + ½·ln(½ / ¾) = ½·ln 2 + ½·ln(2/3) = 0.1438410362; mean over K = 2 elements → 0.0719205181
        float[][] shifted = {{0f, (float) Math.log(3)}};
        assertThat(EarlyTime.divergence(full, shifted)).isCloseTo(0.0719205181, within(1e-7));
    }

    @Test
    void picksTheSmallestCandidateWhoseNormalisedKlIsUnderTheThreshold() {
        float[][] full = {{2f, 0f, 0f}, {0f, 2f, 0f}};
        Map<Integer, float[][]> byCandidate = new LinkedHashMap<>();
        byCandidate.put(2, new float[][] {{0f, 0f, 0f}, {0f, 0f, 0f}}); // far: uniform
        byCandidate.put(3, new float[][] {{1.5f, 0f, 0f}, {0f, 1.5f, 0f}}); // near
        byCandidate.put(4, new float[][] {{1.9f, 0f, 0f}, {0f, 1.9f, 0f}}); // nearest

        EarlyTime.Choice choice = EarlyTime.select(full, byCandidate, 0.6, 5);

        assertThat(choice.candidates()).containsExactly(2, 3, 4);
        assertThat(choice.normalized().get(0)).isEqualTo(1.0);
        assertThat(choice.normalized().get(1)).isLessThan(0.6);
        assertThat(choice.kl().get(2)).isLessThan(choice.kl().get(1));
        assertThat(choice.chosen()).isEqualTo(3);
    }

    @Test
    void keepsTheFullTWhenNoCandidateQualifies() {
        float[][] full = {{2f, 0f}};
        Map<Integer, float[][]> byCandidate = new LinkedHashMap<>();
        byCandidate.put(2, new float[][] {{0f, 0f}});

        EarlyTime.Choice choice = EarlyTime.select(full, byCandidate, 0.6, 5);

        // a single candidate normalises to 1, never below the threshold
        assertThat(choice.normalized()).containsExactly(1.0);
        assertThat(choice.chosen()).isEqualTo(5);
    }
}

package io.spikelot.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PruningSettingsTest {

    @Test
    void sparsityFollowsTheSurvivorsLadderOfAlgorithmsSection8() {
        PruningSettings pruning = PruningSettings.defaults();

        assertThat(pruning.sparsityAfter(0)).isZero();
        assertThat(pruning.sparsityAfter(1)).isCloseTo(0.25, within(1e-12));
        assertThat(pruning.sparsityAfter(2)).isCloseTo(0.4375, within(1e-12));
        assertThat(pruning.sparsityAfter(4)).isCloseTo(0.68359375, within(1e-12));
    }

    @Test
    void earlyTimeCandidatesDefaultToTwoUpToOneBelowT() {
        PruningSettings pruning = PruningSettings.defaults();

        assertThat(pruning.candidates(5)).containsExactly(2, 3, 4);
        assertThat(pruning.withEarlyTime(true, List.of(3)).candidates(5)).containsExactly(3);
    }

    @Test
    void earlyBirdSettingsAreAbsentForImpAndDefaultedForEarlyBird() {
        assertThat(PruningSettings.defaults().earlyBirdDistance()).isNull();
        PruningSettings earlyBird = PruningSettings.earlyBirdDefaults();

        assertThat(earlyBird.method()).isEqualTo(ImpMethod.EARLY_BIRD);
        assertThat(earlyBird.earlyBirdDistance()).isEqualTo(0.02);
        assertThat(earlyBird.earlyBirdQueue()).isEqualTo(5);
        assertThat(earlyBird.targetSparsityRound()).isEqualTo(4);
        assertThat(ImpMethod.EARLY_BIRD.wireName()).isEqualTo("early-bird");
    }
}

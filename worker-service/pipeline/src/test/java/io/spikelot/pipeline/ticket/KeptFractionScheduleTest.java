package io.spikelot.pipeline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** biprop's cubic annealing of the kept fraction (ALGORITHMS.md §3), worked by hand. */
class KeptFractionScheduleTest {

    @Test
    void startsAtHalfAndReachesTheTargetAfterTenEpochs() {
        KeptFractionSchedule schedule = KeptFractionSchedule.biprop(new PruneRatio(0.7), 100);
        assertThat(schedule.annealEpochs()).isEqualTo(10);
        // k = 0.3: 1 − [0.7 + (0.5 − 0.7)·(1 − e/10)³]
        assertThat(schedule.at(0).kept()).isCloseTo(0.5, within(1e-12));
        assertThat(schedule.at(5).kept()).isCloseTo(1 - (0.7 - 0.2 * 0.125), within(1e-12)); // 0.325
        assertThat(schedule.at(9).kept()).isCloseTo(1 - (0.7 - 0.2 * 0.001), within(1e-12)); // 0.3002
        assertThat(schedule.at(10).kept()).isCloseTo(0.3, within(1e-12));
        assertThat(schedule.at(40).kept()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void aShortSearchKeepsTheTargetInItsLastEpoch() {
        KeptFractionSchedule schedule = KeptFractionSchedule.biprop(new PruneRatio(0.7), 3);
        // E = min(10, 3 − 1) = 2: 0.5, then 1 − [0.7 − 0.2·(1/2)³] = 0.325, then 0.3
        assertThat(schedule.keptFractions(3))
                .satisfiesExactly(
                        k -> assertThat(k).isCloseTo(0.5, within(1e-12)),
                        k -> assertThat(k).isCloseTo(0.325, within(1e-12)),
                        k -> assertThat(k).isCloseTo(0.3, within(1e-12)));
    }

    @Test
    void keptFractionsAboveHalfAndSingleEpochsAreNotAnnealed() {
        assertThat(KeptFractionSchedule.biprop(new PruneRatio(0.3), 20).keptFractions(2))
                .containsExactly(0.7, 0.7);
        assertThat(KeptFractionSchedule.biprop(new PruneRatio(0.5), 1).annealEpochs())
                .isZero();
        // exactly half kept is annealed, trivially: it starts where it ends
        assertThat(KeptFractionSchedule.biprop(new PruneRatio(0.5), 5).at(1).kept())
                .isCloseTo(0.5, within(1e-12));
    }
}

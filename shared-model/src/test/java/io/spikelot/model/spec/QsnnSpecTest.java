package io.spikelot.model.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.model.spec.QuantizationSettings.Allocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class QsnnSpecTest {

    @Test
    void aBudgetOfEightExpandsToEveryAllocationOfTheDefaultOptions() {
        List<String> labels = new QuantizationSettings(null, 8, null, null)
                .resolved().stream().map(Allocation::label).toList();

        assertThat(labels)
                .containsExactly(
                        "W1-S1-T8",
                        "W1-S2-T4",
                        "W1-S4-T2",
                        "W1-S8-T1",
                        "W2-S1-T4",
                        "W2-S2-T2",
                        "W2-S4-T1",
                        "W4-S1-T2",
                        "W4-S2-T1",
                        "W8-S1-T1");
    }

    @Test
    void explicitAllocationsAreKeptInOrder() {
        List<Allocation> given = List.of(new Allocation(4, 2, 1), new Allocation(1, 1, 4));

        assertThat(new QuantizationSettings(given, null, null, null).resolved()).isEqualTo(given);
        assertThat(given.get(0).budget().bitsPerSynapse()).isEqualTo(8);
    }

    @Test
    void bothOrNeitherOrAnEmptyExpansionIsRefused() {
        assertThatThrownBy(() -> new QuantizationSettings(null, null, null, null).resolved())
                .hasMessageContaining("neither");
        assertThatThrownBy(() -> new QuantizationSettings(List.of(new Allocation(1, 1, 1)), 1, null, null).resolved())
                .hasMessageContaining("both");
        assertThatThrownBy(() -> new QuantizationSettings(null, 3, List.of(2), List.of(2)).resolved())
                .hasMessageContaining("No allocation W·S·T = 3");
    }
}

package io.spikelot.model.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {

    @Test
    void ratiosAreTheSweepOrTheSingleRatio() {
        SearchSettings search = SearchSettings.defaults();

        assertThat(search.ratios()).containsExactly(0.5);
        assertThat(search.withSweep(List.of(0.2, 0.8)).ratios()).containsExactly(0.2, 0.8);
    }
}

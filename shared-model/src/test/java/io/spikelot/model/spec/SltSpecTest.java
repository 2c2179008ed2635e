package io.spikelot.model.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records mirror the normalized JSON's field names, which Jackson binds by constructor parameter name. */
class SltSpecTest {

    @Test
    void componentNamesMatchTheNormalizedJson() {
        assertThat(names(SltSpec.class))
                .containsExactly("type", "name", "model", "dataset", "training", "resources", "search");
        assertThat(names(ModelSettings.class))
                .containsExactly(
                        "architecture",
                        "neuron",
                        "timesteps",
                        "tau",
                        "threshold",
                        "reset",
                        "decayInput",
                        "detachReset",
                        "surrogate",
                        "surrogateAlpha");
        assertThat(names(DatasetSettings.class))
                .containsExactly("name", "trainLimit", "testLimit", "path", "frameSplit", "resize", "seed");
        assertThat(names(TrainingSettings.class))
                .containsExactly(
                        "epochs",
                        "batchSize",
                        "optimizer",
                        "learningRate",
                        "momentum",
                        "weightDecay",
                        "schedule",
                        "seed");
        assertThat(names(ResourceSettings.class)).containsExactly("device");
        assertThat(names(SearchSettings.class))
                .containsExactly(
                        "method",
                        "pruneRatio",
                        "scope",
                        "weightInit",
                        "patchPruneRatio",
                        "sweep",
                        "compareAnn",
                        "fineTuneEpochs");
    }

    @Test
    void ratiosAreTheSweepOrTheSingleRatio() {
        assertThat(search(null).ratios()).containsExactly(0.5);
        assertThat(search(List.of(0.2, 0.8)).ratios()).containsExactly(0.2, 0.8);
    }

    private static SearchSettings search(List<Double> sweep) {
        return new SearchSettings("biprop", 0.5, "layer", "signed-constant", 0, sweep, false, 0);
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }
}

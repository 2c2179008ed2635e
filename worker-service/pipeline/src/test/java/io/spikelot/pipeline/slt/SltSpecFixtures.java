package io.spikelot.pipeline.slt;

import io.spikelot.model.spec.DatasetSettings;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.ResourceSettings;
import io.spikelot.model.spec.SearchSettings;
import io.spikelot.model.spec.SltSpec;
import io.spikelot.model.spec.TrainingSettings;
import java.util.List;

/** Normalized slt specs as the API would dispatch them, small enough for unit tests. */
final class SltSpecFixtures {

    private SltSpecFixtures() {}

    static SltSpec spec(String architecture, String dataset, Integer train, Integer test, SearchSettings search) {
        return new SltSpec(
                "slt",
                "test",
                new ModelSettings(architecture, "lif", 2, 2.0, 1.0, "hard", true, false, "sigmoid", 4.0),
                new DatasetSettings(dataset, train, test, ".", "number", null, 7),
                new TrainingSettings(1, 8, "adam", 0.01, 0.9, 0.0, "cosine", 42),
                new ResourceSettings("auto"),
                search);
    }

    static SltSpec convnet(SearchSettings search) {
        return spec("convnet-s", "synthetic-static", 32, 16, search);
    }

    static SearchSettings search(String method, double ratio, List<Double> sweep, boolean compareAnn) {
        return new SearchSettings(method, ratio, "layer", "signed-constant", 0.0, sweep, compareAnn, 0);
    }
}

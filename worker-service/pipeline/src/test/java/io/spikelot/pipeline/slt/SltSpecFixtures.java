package io.spikelot.pipeline.slt;

import io.spikelot.model.job.JobType;
import io.spikelot.model.spec.DatasetSettings;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.ResourceSettings;
import io.spikelot.model.spec.SearchMethod;
import io.spikelot.model.spec.SearchSettings;
import io.spikelot.model.spec.SltSpec;
import io.spikelot.model.spec.TrainingSettings;

/**
 * Normalized slt specs as the API would dispatch them, built from the records' defaults:
 * {@code aSltSpec().withSearch(edgePopup(0.5)).build()}. Unless told otherwise, convnet-s with T = 2 on 32 training
 * and 16 test samples of synthetic-static, one epoch of batches of 8.
 */
final class SltSpecFixtures {

    private SltSpecFixtures() {}

    static SltSpecBuilder aSltSpec() {
        return new SltSpecBuilder();
    }

    /** Edge-popup (LT / SLT) at prune ratio {@code ratio}, every other search setting at its default. */
    static SearchSettings edgePopup(double ratio) {
        return SearchSettings.defaults()
                .withMethod(SearchMethod.EDGE_POPUP, ratio)
                .withWeightInit(SearchSettings.defaultWeightInit(SearchMethod.EDGE_POPUP));
    }

    /** Biprop (MPLT / MPSLT) at prune ratio {@code ratio}, every other search setting at its default. */
    static SearchSettings biprop(double ratio) {
        return SearchSettings.defaults().withMethod(SearchMethod.BIPROP, ratio);
    }

    static final class SltSpecBuilder {
        private String name = "test";
        private ModelSettings model =
                ModelSettings.defaults().withArchitecture("convnet-s").withTimesteps(2);
        private DatasetSettings dataset =
                DatasetSettings.defaults().withName("synthetic-static").withLimits(32, 16);
        private TrainingSettings training =
                TrainingSettings.defaults(JobType.SLT).withEpochs(1).withBatchSize(8);
        private SearchSettings search = SearchSettings.defaults();

        private SltSpecBuilder() {}

        SltSpecBuilder named(String name) {
            this.name = name;
            return this;
        }

        SltSpecBuilder withArchitecture(String architecture) {
            model = model.withArchitecture(architecture);
            return this;
        }

        SltSpecBuilder withNeuron(NeuronKind neuron) {
            model = model.withNeuron(neuron);
            return this;
        }

        SltSpecBuilder withModel(ModelSettings model) {
            this.model = model;
            return this;
        }

        SltSpecBuilder withDataset(String name, Integer trainLimit, Integer testLimit) {
            dataset = dataset.withName(name).withLimits(trainLimit, testLimit);
            return this;
        }

        SltSpecBuilder withTraining(TrainingSettings training) {
            this.training = training;
            return this;
        }

        SltSpecBuilder withSearch(SearchSettings search) {
            this.search = search;
            return this;
        }

        SltSpec build() {
            return new SltSpec(
                    JobType.SLT.wireName(), name, model, dataset, training, ResourceSettings.defaults(), search);
        }
    }
}

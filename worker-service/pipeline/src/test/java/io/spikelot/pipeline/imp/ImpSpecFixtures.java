package io.spikelot.pipeline.imp;

import io.spikelot.model.job.JobType;
import io.spikelot.model.spec.DatasetSettings;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.PruningSettings;
import io.spikelot.model.spec.ResourceSettings;
import io.spikelot.model.spec.TrainingSettings;

/**
 * Normalized imp specs as the API would dispatch them, built from the records' defaults:
 * {@code anImpSpec().withPruning(PruningSettings.defaults().withRounds(2)).build()}. Unless told otherwise,
 * convnet-s with Kim et al.'s neuron at T = 3 on 32 training and 16 test samples of synthetic-static, two epochs of
 * batches of 8 per round.
 */
final class ImpSpecFixtures {

    private ImpSpecFixtures() {}

    static ImpSpecBuilder anImpSpec() {
        return new ImpSpecBuilder();
    }

    static final class ImpSpecBuilder {
        private ModelSettings model =
                ModelSettings.kim().withArchitecture("convnet-s").withTimesteps(3);
        private DatasetSettings dataset =
                DatasetSettings.defaults().withName("synthetic-static").withLimits(32, 16);
        private TrainingSettings training =
                TrainingSettings.defaults(JobType.IMP).withEpochs(2).withBatchSize(8);
        private PruningSettings pruning = PruningSettings.defaults().withRounds(2);

        private ImpSpecBuilder() {}

        ImpSpecBuilder withModel(ModelSettings model) {
            this.model = model;
            return this;
        }

        ImpSpecBuilder withDataset(String name, Integer trainLimit, Integer testLimit) {
            dataset = dataset.withName(name).withLimits(trainLimit, testLimit);
            return this;
        }

        ImpSpecBuilder withTraining(TrainingSettings training) {
            this.training = training;
            return this;
        }

        ImpSpecBuilder withPruning(PruningSettings pruning) {
            this.pruning = pruning;
            return this;
        }

        ImpSpec build() {
            return new ImpSpec(
                    JobType.IMP.wireName(), "test", model, dataset, training, ResourceSettings.defaults(), pruning);
        }
    }
}

package io.spikelot.pipeline.qsnn;

import io.spikelot.model.job.JobType;
import io.spikelot.model.spec.DatasetSettings;
import io.spikelot.model.spec.QsnnModelSettings;
import io.spikelot.model.spec.QsnnSpec;
import io.spikelot.model.spec.QuantizationSettings;
import io.spikelot.model.spec.QuantizationSettings.Allocation;
import io.spikelot.model.spec.ResetMode;
import io.spikelot.model.spec.ResourceSettings;
import io.spikelot.model.spec.TrainingSettings;
import java.util.List;

/**
 * Normalized qsnn specs as the API would dispatch them, built from the records' defaults:
 * {@code aQsnnSpec().withAllocations(new Allocation(4, 2, 1)).build()}. Unless told otherwise, convnet-s on 32
 * training and 16 test samples of synthetic-static, one epoch of batches of 8, the single allocation W4-S2-T1.
 */
public final class QsnnSpecFixtures {

    private QsnnSpecFixtures() {}

    public static QsnnSpecBuilder aQsnnSpec() {
        return new QsnnSpecBuilder();
    }

    public static final class QsnnSpecBuilder {
        private String name = "test";
        private QsnnModelSettings model = QsnnModelSettings.defaults().withArchitecture("convnet-s");
        private DatasetSettings dataset =
                DatasetSettings.defaults().withName("synthetic-static").withLimits(32, 16);
        private TrainingSettings training =
                TrainingSettings.defaults(JobType.QSNN).withEpochs(1).withBatchSize(8);
        private QuantizationSettings quantization =
                new QuantizationSettings(List.of(new Allocation(4, 2, 1)), null, null, null);

        private QsnnSpecBuilder() {}

        QsnnSpecBuilder named(String name) {
            this.name = name;
            return this;
        }

        QsnnSpecBuilder withArchitecture(String architecture) {
            model = model.withArchitecture(architecture);
            return this;
        }

        QsnnSpecBuilder withReset(ResetMode reset) {
            model = new QsnnModelSettings(model.architecture(), model.lif().withReset(reset));
            return this;
        }

        public QsnnSpecBuilder withDataset(String name, Integer trainLimit, Integer testLimit) {
            dataset = dataset.withName(name).withLimits(trainLimit, testLimit);
            return this;
        }

        QsnnSpecBuilder withTraining(TrainingSettings training) {
            this.training = training;
            return this;
        }

        public QsnnSpecBuilder withAllocations(Allocation... allocations) {
            return withQuantization(new QuantizationSettings(List.of(allocations), null, null, null));
        }

        QsnnSpecBuilder withQuantization(QuantizationSettings quantization) {
            this.quantization = quantization;
            return this;
        }

        public QsnnSpec build() {
            return new QsnnSpec(
                    JobType.QSNN.wireName(), name, model, dataset, training, ResourceSettings.defaults(), quantization);
        }
    }
}

package io.spikelot.pipeline.train;

import static io.spikelot.pipeline.train.TrainingFixtures.aConvNetS;
import static io.spikelot.pipeline.train.TrainingFixtures.aQuickConfig;
import static io.spikelot.pipeline.train.TrainingFixtures.aSpikingConvNetS;
import static io.spikelot.pipeline.train.TrainingFixtures.aSyntheticEventSet;
import static io.spikelot.pipeline.train.TrainingFixtures.aSyntheticStaticSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.model.arch.InputShape;
import io.spikelot.model.messaging.JobError;
import io.spikelot.pipeline.JobCancelledException;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.neuron.NeuronSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {

    @Test
    void reportsEveryStepWithFiringRatesAndEvaluatesTheTestSplit() {
        Dataset data = aSyntheticStaticSet(32, 20);
        List<StepReport> steps = new ArrayList<>();
        List<EpochReport> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(StepReport report) {
                steps.add(report);
            }

            @Override
            public void onEpoch(EpochReport report) {
                epochs.add(report);
            }
        };
        TrainingResult result = TrainingLoop.train(aSpikingConvNetS(2), data, aQuickConfig(8), listener, () -> {});

        assertThat(result.steps()).isEqualTo(4);
        assertThat(steps).extracting(StepReport::step).containsExactly(1, 2, 3, 4);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.loss()).isFinite().isPositive();
            assertThat(s.firingRates()).containsOnlyKeys("lif1", "lif2");
            assertThat(s.firingRates().values()).allSatisfy(r -> assertThat(r).isBetween(0.0, 1.0));
        });
        assertThat(epochs).hasSize(1);
        assertThat(result.test().samples()).isEqualTo(20);
        assertThat(result.test().firingRates()).containsOnlyKeys("lif1", "lif2");
        assertThat(result.stepMillis()).hasSize(4);
    }

    @Test
    void sameSeedGivesTheSameRun() {
        Dataset data = aSyntheticStaticSet(24, 8);
        double first = TrainingLoop.train(aSpikingConvNetS(2), data, aQuickConfig(8), TrainingListener.NONE, () -> {})
                .finalLoss();
        double second = TrainingLoop.train(aSpikingConvNetS(2), data, aQuickConfig(8), TrainingListener.NONE, () -> {})
                .finalLoss();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void annCounterpartTrainsWithoutFiringRates() {
        Dataset data = aSyntheticStaticSet(16, 8);
        TrainingResult result = TrainingLoop.train(
                aConvNetS(new InputShape(1, 28, 28), InputKind.STATIC, NeuronSettings.relu()),
                data,
                aQuickConfig(8),
                TrainingListener.NONE,
                () -> {});
        assertThat(result.finalLoss()).isFinite();
        assertThat(result.test().firingRates()).isEmpty();
    }

    @Test
    void trainsOnEventFrames() {
        Dataset data = aSyntheticEventSet(3, 16, 8);
        TrainingResult result = TrainingLoop.train(
                aConvNetS(new InputShape(2, 32, 32), InputKind.EVENTS, NeuronSettings.spiking(3)),
                data,
                aQuickConfig(4),
                TrainingListener.NONE,
                () -> {});
        assertThat(result.steps()).isEqualTo(4);
        assertThat(result.finalLoss()).isFinite();
    }

    @Test
    void cancellationStopsAtTheNextBatch() {
        Dataset data = aSyntheticStaticSet(64, 8);
        UUID job = UUID.randomUUID();
        List<StepReport> steps = new ArrayList<>();
        int[] checks = {0};
        Runnable cancelAfterTwo = () -> {
            if (++checks[0] > 2) {
                throw new JobCancelledException(job);
            }
        };
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(StepReport report) {
                steps.add(report);
            }
        };
        assertThatThrownBy(
                        () -> TrainingLoop.train(aSpikingConvNetS(2), data, aQuickConfig(8), listener, cancelAfterTwo))
                .isInstanceOf(JobCancelledException.class);
        assertThat(steps).hasSize(2);
    }

    @Test
    void nanLossFailsAsDivergedNamingTheStepAndWhatWasNotFinite() {
        Dataset poisoned = new Dataset("nan", new NaNSamples(16), new NaNSamples(4));
        assertThatThrownBy(() -> TrainingLoop.train(
                        aSpikingConvNetS(2), poisoned, aQuickConfig(8), TrainingListener.NONE, () -> {}))
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.code()).isEqualTo(JobError.DIVERGED);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("at step 1")
                // one batch of 8 all-NaN 28×28 images; the forward pass already moved BN's running statistics
                .hasMessageContaining("6272 non-finite input values, 80 non-finite logits")
                .hasMessageContaining("parameters with non-finite values: encoder_bn1_runningMean,");
    }
}

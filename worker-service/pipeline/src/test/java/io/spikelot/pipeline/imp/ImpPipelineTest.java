package io.spikelot.pipeline.imp;

import static io.spikelot.pipeline.imp.ImpSpecFixtures.anImpSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import io.spikelot.model.job.JobType;
import io.spikelot.model.result.ImpResult;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.PruningSettings;
import io.spikelot.model.spec.TrainingSettings;
import io.spikelot.pipeline.testing.RecordingContext;
import io.spikelot.pipeline.testing.SafetensorsFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** convnet-s on 32 synthetic samples, batches of 8, T = 3: two IMP rounds, and an Early-Bird search with Early-Time. */
class ImpPipelineTest {

    @TempDir
    Path scratch;

    private final ImpPipeline pipeline = new ImpPipeline(Path.of("unused"));

    @Test
    void twoImpRoundsPruneAQuarterRewindAndWriteEveryArtifact() throws Exception {
        RecordingContext context = new RecordingContext(scratch);

        ImpResult result = pipeline.run(anImpSpec().build(), context);

        assertThat(result.rounds()).hasSize(2);
        ImpResult.Round dense = result.rounds().get(0);
        ImpResult.Round pruned = result.rounds().get(1);
        assertThat(dense.sparsity()).isZero();
        assertThat(dense.epochs()).isEqualTo(2);
        // trunc(n · 0.25) of all conv and linear weights, the head included
        assertThat(pruned.sparsity()).isCloseTo(0.25, within(1e-4));
        assertThat(pruned.sparsityByLayer()).containsOnlyKeys("conv1.weight", "conv2.weight", "head.weight");
        // later rounds train the epochs after the rewind point (epoch 1 of 2)
        assertThat(pruned.epochs()).isEqualTo(1);
        assertThat(pruned.search()).isFalse();
        assertThat(result.searchCost().searchEpochTimesteps()).isEqualTo(2 * 3);
        assertThat(result.searchCost().finalEpochTimesteps()).isEqualTo(3);
        assertThat(result.searchCost().earlyTimeSaving()).isZero();
        assertThat(result.earlyBird()).isNull();
        assertThat(result.winningRound()).isBetween(0, 1);
        assertThat(context.artifacts)
                .containsKeys(
                        "mask-r0.safetensors",
                        "mask-r1.safetensors",
                        "mask.safetensors",
                        "model.safetensors",
                        "model.json",
                        "result.json",
                        "history.csv",
                        "accuracy-vs-sparsity.svg");
        JsonObject mask = SafetensorsFiles.header(context.artifacts.get("mask-r1.safetensors"));
        assertThat(mask.getAsJsonObject("conv2.weight").get("dtype").getAsString())
                .isEqualTo("BOOL");
        assertThat(new String(context.artifacts.get("history.csv"), StandardCharsets.UTF_8).lines())
                .hasSize(1 + 2 + 1);
        assertThat(context.progress).anySatisfy(p -> assertThat(p.message()).contains("round 1/1 prune"));
    }

    @Test
    void affineNormFalseKeepsTheCatalogsNonAffineBatchNorm() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        ImpSpecFixtures.ImpSpecBuilder spec = anImpSpec()
                .withModel(ModelSettings.kim()
                        .withArchitecture("convnet-s")
                        .withTimesteps(3)
                        .withAffineNorm(false));

        pipeline.run(spec.build(), context);

        JsonObject tensors = SafetensorsFiles.header(context.artifacts.get("model.safetensors"));
        assertThat(tensors.keySet()).contains("bn1.running_mean", "bn1.running_var");
        assertThat(tensors.keySet()).doesNotContain("bn1.weight", "bn1.bias", "bn2.weight", "bn2.bias");
    }

    @Test
    void anEarlyBirdSearchAtTheEarlyTimeRetrainsItsTicketAtTheFullT() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        // a distance no mask change gets under: the search runs all its epochs, past the probe
        PruningSettings earlyBird =
                PruningSettings.earlyBirdDefaults().withEarlyBird(0.0, 2, 1).withEarlyTime(true, null);

        ImpResult result = pipeline.run(
                anImpSpec()
                        .withPruning(earlyBird)
                        .withTraining(TrainingSettings.defaults(JobType.IMP)
                                .withEpochs(3)
                                .withBatchSize(8))
                        .build(),
                context);

        assertThat(result.earlyTime().candidates()).containsExactly(2);
        assertThat(result.earlyTime().chosenTimesteps()).isIn(2, 3);
        assertThat(result.earlyTime().kl()).hasSize(1);
        ImpResult.Round search = result.rounds().get(0);
        ImpResult.Round retrain = result.rounds().get(1);
        assertThat(search.phase()).isEqualTo("early-bird-search");
        assertThat(search.timesteps().get(0)).isEqualTo(3);
        assertThat(retrain.timesteps()).containsExactly(3);
        assertThat(retrain.epochs()).isEqualTo(3);
        assertThat(retrain.sparsity()).isCloseTo(0.25, within(1e-4));
        assertThat(result.earlyBird().stopEpoch()).isNull();
        // a full queue at the start of epochs 2, 3 and after the last
        assertThat(result.earlyBird().distances()).hasSize(3);
        assertThat(search.epochs()).isEqualTo(3);
        assertThat(search.timesteps()).containsExactly(3, result.earlyTime().chosenTimesteps());
        assertThat(result.searchCost().searchEpochTimesteps()).isEqualTo(search.epochTimesteps());
        assertThat(result.searchCost().searchEpochTimestepsAtFullT()).isEqualTo(3L * search.epochs());
    }

    @Test
    void earlyTimeMovesTheRestOfTheDenseRoundToTPrimeAndReportsItAtTheFullT() throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        PruningSettings defaults = PruningSettings.defaults();
        // one candidate normalises to 1, under a threshold above 1: T′ = 2 whatever the logits
        PruningSettings earlyTime = new PruningSettings(
                defaults.method(),
                2,
                defaults.ratePerRound(),
                defaults.scope(),
                1,
                true,
                1.01,
                java.util.List.of(2),
                null,
                null,
                null);

        ImpResult result = pipeline.run(
                anImpSpec()
                        .withPruning(earlyTime)
                        .withTraining(TrainingSettings.defaults(JobType.IMP)
                                .withEpochs(3)
                                .withBatchSize(8))
                        .build(),
                context);

        assertThat(result.earlyTime().chosenTimesteps()).isEqualTo(2);
        ImpResult.Round dense = result.rounds().get(0);
        // epochs 1 and 2 at T = 3, the probe, epoch 3 at T′ = 2 in the same run
        assertThat(dense.timesteps()).containsExactly(3, 2);
        assertThat(dense.epochs()).isEqualTo(3);
        assertThat(dense.epochTimesteps()).isEqualTo(2 * 3 + 2);
        assertThat(result.denseAccuracy()).isEqualTo(dense.accuracy());
        ImpResult.Round last = result.rounds().get(1);
        assertThat(last.timesteps()).containsExactly(3);
        assertThat(result.searchCost().searchEpochTimesteps()).isEqualTo(8);
        assertThat(result.searchCost().searchEpochTimestepsAtFullT()).isEqualTo(9);
        assertThat(result.searchCost().earlyTimeSaving()).isCloseTo(1 / 9.0, within(1e-9));
        assertThat(context.progress)
                .anySatisfy(p -> assertThat(p.message()).contains("round 0/1 dense, T′ = 2, epoch 3/3"));
        assertThat(new String(context.artifacts.get("history.csv"), StandardCharsets.UTF_8).lines())
                .hasSize(1 + 3 + 2);
    }
}

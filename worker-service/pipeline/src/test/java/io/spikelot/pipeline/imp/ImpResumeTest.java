package io.spikelot.pipeline.imp;

import static io.spikelot.pipeline.imp.ImpSpecFixtures.anImpSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.job.JobType;
import io.spikelot.model.result.ImpResult;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.model.spec.PruningSettings;
import io.spikelot.model.spec.TrainingSettings;
import io.spikelot.pipeline.artifact.SafetensorsReader;
import io.spikelot.pipeline.prune.NetworkState;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three IMP rounds of convnet-s at T = 2 on 256 / 128 Fashion-MNIST images in batches of 32, run once without a
 * break, then again as attempt 2 from the checkpoint the first run saved after round 1: the second starts at round 2
 * with the saved mask and snapshot, and reports what the first did.
 */
class ImpResumeTest {

    private static final Path DATASETS = Path.of("/usr/share/datasets");

    @TempDir
    Path scratch;

    private final ImpPipeline pipeline = new ImpPipeline(DATASETS);
    private final ImpSpec spec = anImpSpec()
            .withDataset("fashion-mnist", 256, 128)
            .withModel(anImpSpec().build().model().withTimesteps(2))
            .withPruning(PruningSettings.defaults().withRounds(3))
            .withTraining(TrainingSettings.defaults(JobType.IMP).withEpochs(2).withBatchSize(32))
            .build();

    @Test
    void attemptTwoResumesAtRoundTwoWithTheSavedMaskAndSnapshot() throws Exception {
        RecordingContext first = new RecordingContext(scratch.resolve("1"));
        ImpResult uninterrupted = pipeline.run(spec, first);
        // after rounds 0 and 1; none after the last round, whose artifacts follow at once
        List<byte[]> checkpoints = first.versions(ImpCheckpoints.ARTIFACT);
        assertThat(checkpoints).hasSize(2);
        byte[] afterRoundOne = checkpoints.get(1);
        ImpCheckpoint saved = ImpCheckpoints.parse(spec, afterRoundOne).orElseThrow();
        assertThat(saved.nextRound()).isEqualTo(2);
        assertThat(saved.roundSeeds())
                .containsExactly(spec.training().seed(), spec.training().seed());
        // lossless: the mask, the snapshot, the kept states and the round records encode to the same bytes again
        assertThat(ImpCheckpoints.bytes(spec, saved)).isEqualTo(afterRoundOne);
        assertSameTensors(saved.rounds().get(1).masks(), first.artifacts.get("mask-r1.safetensors"));
        assertThat(saved.rounds().get(1).state()).isNotNull();
        assertThat(firstNonZeroPruned(saved)).isNull();

        RecordingContext second =
                new RecordingContext(scratch.resolve("2"), 2, Map.of(ImpCheckpoints.ARTIFACT, afterRoundOne));
        ImpResult resumed = pipeline.run(spec, second);

        assertThat(uninterrupted.resumedFromRound()).isNull();
        assertThat(resumed.resumedFromRound()).isEqualTo(2);
        assertThat(second.progress).isNotEmpty().allSatisfy(p -> assertThat(p.message())
                .doesNotContain("round 0/", "round 1/"));
        assertThat(resumed.rounds()).hasSize(3);
        assertThat(resumed.rounds().subList(0, 2))
                .isEqualTo(uninterrupted.rounds().subList(0, 2));
        // round 2 prunes the restored round-1 state: the same mask, bit for bit
        for (String mask : new String[] {"mask-r0.safetensors", "mask-r1.safetensors", "mask-r2.safetensors"}) {
            assertThat(second.artifacts.get(mask)).as(mask).isEqualTo(first.artifacts.get(mask));
        }
        assertThat(resumed.rounds().get(2).sparsity())
                .isEqualTo(uninterrupted.rounds().get(2).sparsity());
        SafetensorsReader model = SafetensorsReader.read(second.artifacts.get("model.safetensors"));
        SafetensorsReader mask = SafetensorsReader.read(second.artifacts.get("mask.safetensors"));
        long pruned = 0;
        for (Map.Entry<String, HostTensor> e : mask.tensors().entrySet()) {
            boolean[] keep = ((HostTensor.Booleans) e.getValue()).values();
            float[] w = model.floats(e.getKey()).values();
            for (int i = 0; i < keep.length; i++) {
                if (!keep[i]) {
                    assertThat(w[i]).as(e.getKey() + "[" + i + "]").isZero();
                    pruned++;
                }
            }
        }
        assertThat(pruned).isEqualTo(Math.round(resumed.sparsity() * totalEntries(mask)));
    }

    @Test
    void aCheckpointOfAnotherSpecIsNotResumed() throws Exception {
        RecordingContext first = new RecordingContext(scratch);
        ImpSpec twoRounds = anImpSpec().build();
        pipeline.run(twoRounds, first);
        byte[] checkpoint = first.versions(ImpCheckpoints.ARTIFACT).get(0);

        assertThat(ImpCheckpoints.parse(twoRounds, checkpoint)).isPresent();
        assertThat(ImpCheckpoints.parse(
                        anImpSpec()
                                .withPruning(PruningSettings.defaults().withRounds(3))
                                .build(),
                        checkpoint))
                .isEmpty();
    }

    private static void assertSameTensors(Map<String, HostTensor.Booleans> masks, byte[] file) throws Exception {
        SafetensorsReader artifact = SafetensorsReader.read(file);
        assertThat(masks.keySet())
                .containsExactlyInAnyOrderElementsOf(artifact.tensors().keySet());
        masks.forEach((name, m) -> {
            try {
                assertThat(artifact.booleans(name).values()).as(name).isEqualTo(m.values());
                assertThat(artifact.booleans(name).shape()).as(name).isEqualTo(m.shape());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static long totalEntries(SafetensorsReader mask) {
        return mask.tensors().values().stream().mapToLong(HostTensor::size).sum();
    }

    /** The first entry that a kept state holds off zero under its round's mask, or null. */
    private static String firstNonZeroPruned(ImpCheckpoint checkpoint) {
        for (RoundRun round : checkpoint.rounds()) {
            if (round.state() != null) {
                String moved = NetworkState.firstNonZeroPruned(round.state(), round.masks());
                if (moved != null) {
                    return moved;
                }
            }
        }
        return null;
    }
}

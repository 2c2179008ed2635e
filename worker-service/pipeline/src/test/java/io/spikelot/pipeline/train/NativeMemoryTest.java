package io.spikelot.pipeline.train;

import static io.spikelot.pipeline.train.TrainingFixtures.aSpikingConvNetS;
import static io.spikelot.pipeline.train.TrainingFixtures.aSyntheticStaticSet;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.spikelot.pipeline.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A long run keeps its live NDArray count flat: every per-batch array is released with its batch scope. */
class NativeMemoryTest {

    @Test
    void liveArrayCountIsFlatOverAThousandSteps() {
        Dataset data = aSyntheticStaticSet(64, 4);
        long[] liveAt = new long[2];
        TrainingListener probe = new TrainingListener() {
            @Override
            public void onStep(StepReport report) {
                if (report.step() == 100 || report.step() == 1000) {
                    liveAt[report.step() == 100 ? 0 : 1] = liveArrays();
                    System.out.printf("step %d: live NDArrays %d, %s%n", report.step(), liveArrays(), rss());
                }
            }
        };
        TrainingConfig config = new TrainingConfig(1000, 4, OptimizerKind.ADAM, 1e-3, 0, 0, true, 3, 64, 1000);
        TrainingResult result = TrainingLoop.train(aSpikingConvNetS(2), data, config, probe, () -> {});

        assertThat(result.steps()).isEqualTo(1000);
        assertThat(liveAt[0]).isPositive();
        assertThat(liveAt[1]).isEqualTo(liveAt[0]);
    }

    /** Arrays held by every manager under the engine's root, recursively. */
    private static long liveArrays() {
        try (NDManager probe = Engine.getInstance().newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                            .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                            .map(l -> l.replaceAll("\\s+", " "))
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("RSS unavailable")
                    + String.format(
                            ", JVM heap committed %d MiB", Runtime.getRuntime().totalMemory() >> 20);
        } catch (IOException e) {
            return "RSS unavailable (" + e.getMessage() + ")";
        }
    }
}

package io.spikelot.pipeline.train;

import static io.spikelot.pipeline.train.TrainingFixtures.aSpikingConvNetS;
import static io.spikelot.pipeline.train.TrainingFixtures.aSyntheticStaticSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.spikelot.model.spec.OptimizerKind;
import io.spikelot.pipeline.data.Dataset;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 1,000-step run keeps its memory flat.
 *
 * <p>Every per-batch array is released with its batch scope, so the live NDArray count is the same at step 100 and
 * step 1000; this catches a leak of any tensor DJL tracks, however small. Native memory stops growing once libtorch
 * and the allocator have warmed up (~30-60 MB over the first ~250 steps): resident memory outside the Java heap grows
 * by less than {@link #NATIVE_GROWTH_BOUND} from step 250 to step 1000 (measured: -62 to +11 MiB). This catches
 * untracked native leaks: one detached tensor the size of conv2's weight gradient (72 KB) per step adds ~53 MB and
 * fails it.
 *
 * <p>RSS also counts Java heap pages on their first touch, which with a lazily touched heap keeps RSS growing for
 * thousands of steps (measured: +150 MB from step 100 to step 2000, all heap). The module's surefire fork therefore
 * runs with {@code -XX:+AlwaysPreTouch}: the committed heap is resident from the start, and RSS minus the committed
 * heap is native memory. In a JVM without that flag the RSS check is skipped.
 */
class NativeMemoryTest {

    private static final int STEPS = 1000;
    private static final Set<Integer> PROBES = Set.of(100, 250, 500, 750, STEPS);
    private static final long NATIVE_GROWTH_BOUND = 32L << 20;
    private static final Map<Integer, Snapshot> SNAPSHOTS = new TreeMap<>();
    private static TrainingResult result;

    @BeforeAll
    static void trainAThousandSteps() {
        Dataset data = aSyntheticStaticSet(64, 4);
        TrainingListener probe = new TrainingListener() {
            @Override
            public void onStep(StepReport report) {
                if (PROBES.contains(report.step())) {
                    Snapshot snapshot = Snapshot.take();
                    SNAPSHOTS.put(report.step(), snapshot);
                    System.out.printf("step %d: %s%n", report.step(), snapshot);
                }
            }
        };
        // 16 steps per epoch: the test split is evaluated every 16 steps too
        TrainingConfig config = new TrainingConfig(STEPS, 4, OptimizerKind.ADAM, 1e-3, 0, 0, true, 3, 64, STEPS);
        result = TrainingLoop.train(aSpikingConvNetS(2), data, config, probe, () -> {});
    }

    @Test
    void liveArrayCountIsFlatOverAThousandSteps() {
        assertThat(result.steps()).isEqualTo(STEPS);
        assertThat(SNAPSHOTS.get(100).liveArrays()).isPositive();
        assertThat(SNAPSHOTS.get(STEPS).liveArrays())
                .isEqualTo(SNAPSHOTS.get(100).liveArrays());
    }

    @Test
    void nativeResidentMemoryIsFlatFromStep250ToStep1000() {
        assumeTrue(
                ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch"),
                "RSS outside the heap is only measurable with -XX:+AlwaysPreTouch");
        assumeTrue(SNAPSHOTS.get(250).rssBytes() > 0, "no /proc/self/status to read RSS from");
        long growth = SNAPSHOTS.get(STEPS).nativeBytes() - SNAPSHOTS.get(250).nativeBytes();
        System.out.printf("native RSS growth from step 250 to step %d: %+.1f MiB%n", STEPS, growth / 1048576.0);
        assertThat(growth).isLessThan(NATIVE_GROWTH_BOUND);
    }

    /** Live arrays, resident memory and committed Java heap at one step. */
    private record Snapshot(long liveArrays, long rssBytes, long heapBytes) {

        static Snapshot take() {
            long rss = rssKiB();
            return new Snapshot(
                    countLiveArrays(),
                    rss < 0 ? -1 : rss << 10,
                    Runtime.getRuntime().totalMemory());
        }

        long nativeBytes() {
            return rssBytes - heapBytes;
        }

        @Override
        public String toString() {
            return String.format(
                    "live NDArrays %d, RSS %d MiB, committed heap %d MiB, RSS outside the heap %d MiB",
                    liveArrays, rssBytes >> 20, heapBytes >> 20, nativeBytes() >> 20);
        }

        /** Arrays held by every manager under the engine's root, recursively. */
        private static long countLiveArrays() {
            try (NDManager probe = Engine.getInstance().newBaseManager()) {
                return probe.getParentManager().getManagedArrays().size();
            }
        }

        /** VmRSS from /proc/self/status (Linux); -1 where there is none. */
        private static long rssKiB() {
            try {
                return Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("VmRSS:"))
                        .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                        .findFirst()
                        .orElse(-1L);
            } catch (IOException e) {
                return -1;
            }
        }
    }
}

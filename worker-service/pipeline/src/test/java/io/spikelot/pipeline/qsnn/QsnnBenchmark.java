package io.spikelot.pipeline.qsnn;

import io.spikelot.model.cost.LayerCost;
import io.spikelot.model.job.JobType;
import io.spikelot.model.result.QsnnResult;
import io.spikelot.model.spec.QsnnSpec;
import io.spikelot.model.spec.QuantizationSettings;
import io.spikelot.model.spec.ResetMode;
import io.spikelot.model.spec.TrainingSettings;
import io.spikelot.pipeline.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code qsnn} job on Fashion-MNIST with a whole bit budget (every W·S·T = budget of the default options),
 * printing accuracy, S-ACE, NS-ACE, firing rate, mean level and wall time per allocation, and the frontier. Run on
 * request (see the README); not a test.
 *
 * <p>Knobs: {@code -Dbench.arch=convnet-s -Dbench.budget=8 -Dbench.train=20000 -Dbench.test=10000 -Dbench.epochs=3
 * -Dbench.batch=64 -Dbench.reset=hard -Dbench.seed=42}, or {@code -Dbench.allocations=4/2/1,1/1/8} (W/S/T) instead of
 * the budget. Besides the table it prints each allocation's per-layer input kinds, rates and mean levels.
 */
@Tag("benchmark")
class QsnnBenchmark {

    @TempDir
    Path scratch;

    @Test
    void bitBudgetOnFashionMnist() throws Exception {
        String arch = System.getProperty("bench.arch", "convnet-s");
        int budget = Integer.getInteger("bench.budget", 8);
        int train = Integer.getInteger("bench.train", 20_000);
        int test = Integer.getInteger("bench.test", 10_000);
        int epochs = Integer.getInteger("bench.epochs", 3);
        int batch = Integer.getInteger("bench.batch", 64);
        ResetMode reset =
                ResetMode.valueOf(System.getProperty("bench.reset", "hard").toUpperCase(java.util.Locale.ROOT));
        long seed = Long.getLong("bench.seed", 42L);
        System.out.printf(
                "BENCH-QSNN %s fashion-mnist budget=%d train=%d test=%d epochs=%d batch=%d adam lr=0.001 cosine"
                        + " seed=%d %s reset%n",
                arch, budget, train, test, epochs, batch, seed, reset.wireName());
        QsnnSpec spec = QsnnSpecFixtures.aQsnnSpec()
                .named("bench")
                .withArchitecture(arch)
                .withDataset("fashion-mnist", train, test)
                .withTraining(TrainingSettings.defaults(JobType.QSNN)
                        .withEpochs(epochs)
                        .withBatchSize(batch)
                        .withSeed(seed))
                .withReset(reset)
                .withQuantization(quantization(System.getProperty("bench.allocations"), budget))
                .build();
        QsnnResult result = new QsnnPipeline(Path.of("/usr/share/datasets")).run(spec, new RecordingContext(scratch));
        System.out.println("BENCH-QSNN | W/S/T | test accuracy | S-ACE (M) | NS-ACE (M) | firing rate | mean level"
                + " | wall s | zero-gradient steps | frontier |");
        for (QsnnResult.AllocationResult row : result.allocations()) {
            System.out.printf(
                    "BENCH-QSNN | %d/%d/%d | %.4f | %.1f | %.1f | %.3f | %.3f | %.0f | %d | %s |%n",
                    row.weightBits(),
                    row.spikeBits(),
                    row.timesteps(),
                    row.accuracy(),
                    row.sAce() / 1e6,
                    row.nsAce() / 1e6,
                    row.meanFiringRate(),
                    row.meanLevel(),
                    row.wallSeconds(),
                    row.zeroGradientSteps(),
                    row.onFrontier() ? "yes" : "");
        }
        System.out.println("BENCH-QSNN frontier " + result.frontier() + " best " + result.best());
        for (QsnnResult.AllocationResult row : result.allocations()) {
            if (row.energy() == null) {
                continue;
            }
            StringBuilder layers = new StringBuilder();
            for (LayerCost layer : row.energy().layers()) {
                layers.append(String.format(
                        java.util.Locale.ROOT,
                        " %s:%s:%s:%s",
                        layer.name(),
                        layer.inputKind() == null ? "-" : layer.inputKind().wireName(),
                        layer.inputFiringRate() == null
                                ? "-"
                                : String.format(java.util.Locale.ROOT, "%.3f", layer.inputFiringRate()),
                        layer.inputMeanLevel() == null
                                ? "-"
                                : String.format(java.util.Locale.ROOT, "%.3f", layer.inputMeanLevel())));
            }
            System.out.printf(
                    "BENCH-QSNN-LAYERS %d/%d/%d%s%n", row.weightBits(), row.spikeBits(), row.timesteps(), layers);
        }
    }

    private static QuantizationSettings quantization(String allocations, int budget) {
        if (allocations == null || allocations.isBlank()) {
            return new QuantizationSettings(null, budget, null, null);
        }
        List<QuantizationSettings.Allocation> list = java.util.Arrays.stream(allocations.split(","))
                .map(a -> a.trim().split("/"))
                .map(w -> new QuantizationSettings.Allocation(
                        Integer.parseInt(w[0]), Integer.parseInt(w[1]), Integer.parseInt(w[2])))
                .toList();
        return new QuantizationSettings(list, null, null, null);
    }
}

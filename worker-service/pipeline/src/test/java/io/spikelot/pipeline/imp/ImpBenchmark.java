package io.spikelot.pipeline.imp;

import io.spikelot.model.job.JobType;
import io.spikelot.model.result.ImpResult;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.PruningSettings;
import io.spikelot.model.spec.TrainingSettings;
import io.spikelot.pipeline.testing.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMP, IMP+ET, EB and EB+ET on Fashion-MNIST (the benchmark), printing accuracy and sparsity per round, the
 * winning round, the search cost in epoch·T units and wall time. Run on request (see the README); not a test.
 *
 * <p>Knobs: {@code -Dbench.arch=convnet-s -Dbench.train=20000 -Dbench.test=10000 -Dbench.timesteps=5
 * -Dbench.epochs=4 -Dbench.rounds=5 -Dbench.batch=64 -Dbench.lr=0.1 -Dbench.seeds=42
 * -Dbench.configs=IMP,IMP+ET,EB,EB+ET -Dbench.ebQueue=3} (Early-Bird's FIFO length; default 5).
 */
@Tag("benchmark")
class ImpBenchmark {

    @TempDir
    Path scratch;

    @Test
    void ticketsOnFashionMnist() throws Exception {
        String arch = System.getProperty("bench.arch", "convnet-s");
        int train = Integer.getInteger("bench.train", 20_000);
        int test = Integer.getInteger("bench.test", 10_000);
        int timesteps = Integer.getInteger("bench.timesteps", 5);
        int epochs = Integer.getInteger("bench.epochs", 4);
        int rounds = Integer.getInteger("bench.rounds", 5);
        int batch = Integer.getInteger("bench.batch", 64);
        double lr = Double.parseDouble(System.getProperty("bench.lr", "0.1"));
        String[] seeds = System.getProperty("bench.seeds", "42").split(",");
        String[] configs =
                System.getProperty("bench.configs", "IMP,IMP+ET,EB,EB+ET").split(",");
        System.out.printf(
                "BENCH-IMP %s fashion-mnist train=%d test=%d T=%d epochs=%d rounds=%d batch=%d sgd lr=%s%n",
                arch, train, test, timesteps, epochs, rounds, batch, lr);
        System.out.println("BENCH-IMP | config | seed | round | phase | sparsity | accuracy | epochs·T | T | wall s |");
        ImpPipeline pipeline = new ImpPipeline(Path.of("/usr/share/datasets"));
        for (String config : configs) {
            for (String seed : seeds) {
                TrainingSettings training = TrainingSettings.defaults(JobType.IMP)
                        .withEpochs(epochs)
                        .withBatchSize(batch)
                        .withOptimizer(TrainingSettings.defaults(JobType.IMP).optimizer(), lr)
                        .withSeed(Long.parseLong(seed));
                ImpSpec spec = ImpSpecFixtures.anImpSpec()
                        .withModel(ModelSettings.kim().withArchitecture(arch).withTimesteps(timesteps))
                        .withDataset("fashion-mnist", train, test)
                        .withTraining(training)
                        .withPruning(pruning(config, rounds))
                        .build();
                ImpResult result = pipeline.run(spec, new RecordingContext(scratch));
                for (ImpResult.Round round : result.rounds()) {
                    System.out.printf(
                            "BENCH-IMP | %s | %s | %d | %s | %.4f | %.4f | %d | %s | %.0f |%n",
                            config,
                            seed,
                            round.round(),
                            round.phase(),
                            round.sparsity(),
                            round.accuracy(),
                            round.epochTimesteps(),
                            round.timesteps(),
                            round.wallSeconds());
                }
                ImpResult.SearchCost cost = result.searchCost();
                System.out.printf(
                        "BENCH-IMP-SUMMARY | %s | %s | dense %.4f | winning round %d at sparsity %.4f, accuracy %.4f"
                                + " | search %d epoch·T in %.0f s (%.0f%% saved against full T) | final %d epoch·T"
                                + " in %.0f s | T′ %s | EB stop %s |%n",
                        config,
                        seed,
                        result.denseAccuracy(),
                        result.winningRound(),
                        result.sparsity(),
                        result.accuracy(),
                        cost.searchEpochTimesteps(),
                        cost.searchSeconds(),
                        100 * cost.earlyTimeSaving(),
                        cost.finalEpochTimesteps(),
                        cost.finalSeconds(),
                        result.earlyTime() == null ? "-" : result.earlyTime().chosenTimesteps(),
                        result.earlyBird() == null ? "-" : result.earlyBird().stopEpoch());
            }
        }
    }

    private static PruningSettings pruning(String config, int rounds) {
        PruningSettings base =
                config.startsWith("EB") ? PruningSettings.earlyBirdDefaults() : PruningSettings.defaults();
        PruningSettings settings = base.withRounds(rounds).withEarlyTime(config.endsWith("+ET"), null);
        Integer queue = Integer.getInteger("bench.ebQueue");
        if (queue == null || !config.startsWith("EB")) {
            return settings;
        }
        // the FIFO must fill before the search can stop: with the default 5 masks, a search of fewer than 5 epochs
        // never stops early
        return settings.withEarlyBird(settings.earlyBirdDistance(), queue, settings.targetSparsityRound());
    }
}

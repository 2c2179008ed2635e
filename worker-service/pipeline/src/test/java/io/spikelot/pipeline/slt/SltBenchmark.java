package io.spikelot.pipeline.slt;

import io.spikelot.model.job.JobType;
import io.spikelot.model.result.EnergySummary;
import io.spikelot.model.result.SltResult;
import io.spikelot.model.spec.ModelSettings;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.OptimizerKind;
import io.spikelot.model.spec.PruneScope;
import io.spikelot.model.spec.SearchMethod;
import io.spikelot.model.spec.SearchSettings;
import io.spikelot.model.spec.SltSpec;
import io.spikelot.model.spec.TrainingSettings;
import io.spikelot.pipeline.testing.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LT, SLT, MPLT and MPSLT on Fashion-MNIST at several prune ratios, same seed and budget, printing accuracy, kept
 * fraction, SNN energy per image and wall time. Run on request (see the README); not a test.
 *
 * <p>Knobs: {@code -Dbench.archs=convnet-s,vgg9 -Dbench.ratios=0.3,0.5,0.7 -Dbench.train=60000 -Dbench.test=10000
 * -Dbench.epochs=3 -Dbench.batch=64 -Dbench.timesteps=4 -Dbench.tickets=LT,SLT,MPLT,MPSLT -Dbench.optimizer=adam
 * -Dbench.lr=0.01 -Dbench.scope=layer}.
 */
@Tag("benchmark")
class SltBenchmark {

    @TempDir
    Path scratch;

    @Test
    void ticketsOnFashionMnist() throws Exception {
        String[] archs = System.getProperty("bench.archs", "convnet-s").split(",");
        String[] ratios = System.getProperty("bench.ratios", "0.3,0.5,0.7").split(",");
        int train = Integer.getInteger("bench.train", 60_000);
        int test = Integer.getInteger("bench.test", 10_000);
        int epochs = Integer.getInteger("bench.epochs", 3);
        int batch = Integer.getInteger("bench.batch", 64);
        int timesteps = Integer.getInteger("bench.timesteps", 4);
        String[] tickets =
                System.getProperty("bench.tickets", "LT,SLT,MPLT,MPSLT").split(",");
        OptimizerKind optimizer = OptimizerKind.fromWireName(System.getProperty("bench.optimizer", "adam"));
        double learningRate = Double.parseDouble(System.getProperty("bench.lr", "0.01"));
        PruneScope scope = PruneScope.fromWireName(System.getProperty("bench.scope", "layer"));
        TrainingSettings training = TrainingSettings.defaults(JobType.SLT)
                .withEpochs(epochs)
                .withBatchSize(batch)
                .withOptimizer(optimizer, learningRate);
        System.out.printf(
                "BENCH-SLT fashion-mnist train=%d test=%d epochs=%d batch=%d T=%d %s lr=%s cosine seed=42 scope=%s%n",
                train, test, epochs, batch, timesteps, optimizer.wireName(), learningRate, scope.wireName());
        System.out.println("BENCH-SLT | arch | ticket | p | kept | test accuracy | SNN energy mJ/image | wall s |");
        SltPipeline pipeline = new SltPipeline(Path.of("/usr/share/datasets"));
        for (String arch : archs) {
            for (String ratio : ratios) {
                for (String ticket : tickets) {
                    SltSpec spec =
                            spec(arch, ticket, Double.parseDouble(ratio), scope, train, test, training, timesteps);
                    SltResult result = pipeline.run(spec, new RecordingContext(scratch));
                    EnergySummary energy = result.energy();
                    System.out.printf(
                            "BENCH-SLT | %s | %s | %s | %.3f | %.4f | %s | %.0f |%n",
                            arch,
                            ticket,
                            ratio,
                            result.keptFraction(),
                            result.accuracy(),
                            ticket.endsWith("SLT")
                                    ? String.format("%.5f", energy.snnMj())
                                    : "ANN " + String.format("%.5f", energy.annMj()),
                            result.wallSeconds());
                }
            }
        }
    }

    private static SltSpec spec(
            String arch,
            String ticket,
            double ratio,
            PruneScope scope,
            int train,
            int test,
            TrainingSettings training,
            int timesteps) {
        boolean spiking = ticket.endsWith("SLT");
        SearchMethod method = ticket.startsWith("MP") ? SearchMethod.BIPROP : SearchMethod.EDGE_POPUP;
        return SltSpecFixtures.aSltSpec()
                .named("bench " + ticket)
                .withModel(ModelSettings.defaults()
                        .withArchitecture(arch)
                        .withNeuron(spiking ? NeuronKind.LIF : NeuronKind.RELU)
                        .withTimesteps(spiking ? timesteps : 1))
                .withDataset("fashion-mnist", train, test)
                .withTraining(training)
                .withSearch(SearchSettings.defaults().withMethod(method, ratio).withScope(scope))
                .build();
    }
}

package io.spikelot.pipeline.slt;

import io.spikelot.model.job.JobType;
import io.spikelot.model.result.EnergySummary;
import io.spikelot.model.result.SltResult;
import io.spikelot.model.spec.LifSettings;
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
 * LT, SLT, MPLT (binary activations) and MPSLT on Fashion-MNIST at several prune ratios, each over several seeds,
 * printing mean ± sample standard deviation of accuracy, kept fraction, firing rates, SNN energy per image and wall
 * time. Run on request (see the README); not a test.
 *
 * <p>Knobs: {@code -Dbench.archs=convnet-s,vgg9 -Dbench.ratios=0.3,0.5,0.7 -Dbench.train=60000 -Dbench.test=10000
 * -Dbench.epochs=3 -Dbench.batch=64 -Dbench.timesteps=4 -Dbench.tickets=LT,SLT,MPLT,MPSLT -Dbench.optimizer=adam
 * -Dbench.lr=0.01 -Dbench.scope=layer -Dbench.repeats=3 -Dbench.patchRatios=0}; patch ratios q > 0 make a Spikformer's
 * tickets MultiSp (Reward 2: {@code -Dbench.archs=spikformer-tiny -Dbench.tickets=LT,SLT -Dbench.patchRatios=0,0.25,0.5}); the spiking neuron's {@code -Dbench.decayInput=true
 * -Dbench.threshold=1.0 -Dbench.detachReset=true} and {@code -Dbench.affineNorm=false}, all at the API's defaults
 * unless given.
 */
@Tag("benchmark")
class SltBenchmark {

    @TempDir
    Path scratch;

    @Test
    void ticketsOnFashionMnist() throws Exception {
        String[] archs = System.getProperty("bench.archs", "convnet-s").split(",");
        String[] ratios = System.getProperty("bench.ratios", "0.3,0.5,0.7").split(",");
        String[] patchRatios = System.getProperty("bench.patchRatios", "0").split(",");
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
        LifSettings defaults = LifSettings.defaults();
        LifSettings lif = defaults.withDecayInput(
                        Boolean.parseBoolean(System.getProperty("bench.decayInput", "" + defaults.decayInput())))
                .withThreshold(Double.parseDouble(System.getProperty("bench.threshold", "" + defaults.threshold())))
                .withDetachReset(
                        Boolean.parseBoolean(System.getProperty("bench.detachReset", "" + defaults.detachReset())));
        boolean affineNorm = Boolean.getBoolean("bench.affineNorm");
        TrainingSettings training = TrainingSettings.defaults(JobType.SLT)
                .withEpochs(epochs)
                .withBatchSize(batch)
                .withOptimizer(optimizer, learningRate)
                .withRepeats(Integer.getInteger("bench.repeats", 3));
        System.out.printf(
                "BENCH-SLT fashion-mnist train=%d test=%d epochs=%d batch=%d T=%d %s lr=%s cosine seeds=42..%d"
                        + " scope=%s decayInput=%s threshold=%s detachReset=%s affineNorm=%s%n",
                train,
                test,
                epochs,
                batch,
                timesteps,
                optimizer.wireName(),
                learningRate,
                41 + training.repeats(),
                scope.wireName(),
                lif.decayInput(),
                lif.threshold(),
                lif.detachReset(),
                affineNorm);
        System.out.println("BENCH-SLT | arch | ticket | p | q | kept | accuracy mean ± std (n) | firing rate mean"
                + " | SNN energy mJ/image | wall s |");
        SltPipeline pipeline = new SltPipeline(Path.of("/usr/share/datasets"));
        for (String arch : archs) {
            for (String ratio : ratios) {
                for (String patchRatio : patchRatios) {
                    for (String ticket : tickets) {
                        ModelSettings model =
                                model(arch, ticket, timesteps).withLif(lif).withAffineNorm(affineNorm);
                        SltSpec spec = SltSpecFixtures.aSltSpec()
                                .named("bench " + ticket)
                                .withModel(model)
                                .withDataset("fashion-mnist", train, test)
                                .withTraining(training)
                                .withSearch(search(ticket, Double.parseDouble(ratio), scope)
                                        .withPatchPruneRatio(Double.parseDouble(patchRatio)))
                                .build();
                        SltResult result = pipeline.run(spec, new RecordingContext(scratch));
                        print(arch, ticket, ratio, patchRatio, result);
                    }
                }
            }
        }
    }

    private static void print(String arch, String ticket, String ratio, String patchRatio, SltResult result) {
        SltResult.Spread spread = result.spread() == null
                ? new SltResult.Spread(result.pruneRatio(), 1, result.accuracy(), 0, null, null)
                : result.spread().get(0);
        double rate = result.repeats() == null
                ? result.firingRateByLayer().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0)
                : result.repeats().stream()
                        .mapToDouble(SltResult.RepeatRow::meanFiringRate)
                        .average()
                        .orElse(0);
        EnergySummary energy = result.energy();
        System.out.printf(
                "BENCH-SLT | %s | %s (%s) | %s | %s | %.3f | %.2f ± %.2f %% (%d) | %.3f %s | %s | %.0f |%n",
                arch,
                ticket,
                result.ticket(),
                ratio,
                patchRatio,
                result.keptFraction(),
                100 * spread.accuracyMean(),
                100 * spread.accuracyStd(),
                spread.runs(),
                rate,
                result.firingRateByLayer(),
                result.neuron().spiking()
                        ? String.format("%.5f", energy.snnMj())
                        : "ANN " + String.format("%.5f", energy.annMj()),
                result.wallSeconds());
    }

    private static ModelSettings model(String arch, String ticket, int timesteps) {
        NeuronKind neuron =
                switch (ticket) {
                    case "SLT", "MPSLT" -> NeuronKind.LIF;
                    case "LT" -> NeuronKind.RELU;
                    case "MPLT" -> NeuronKind.SIGN;
                    default -> throw new IllegalArgumentException("Unknown ticket " + ticket);
                };
        return ModelSettings.defaults()
                .withArchitecture(arch)
                .withNeuron(neuron)
                .withTimesteps(neuron.spiking() ? timesteps : 1);
    }

    private static SearchSettings search(String ticket, double ratio, PruneScope scope) {
        SearchMethod method = ticket.startsWith("MP") ? SearchMethod.BIPROP : SearchMethod.EDGE_POPUP;
        return SearchSettings.defaults()
                .withMethod(method, ratio)
                .withWeightInit(SearchSettings.defaultWeightInit(method))
                .withScope(scope);
    }
}

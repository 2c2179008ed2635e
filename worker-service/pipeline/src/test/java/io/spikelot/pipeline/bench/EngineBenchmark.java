package io.spikelot.pipeline.bench;

import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.data.DatasetResolver;
import io.spikelot.pipeline.data.DatasetSpec;
import io.spikelot.pipeline.data.EventFrameOptions;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.model.NetworkBuilder;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.model.WeightLayerFactory;
import io.spikelot.pipeline.neuron.NeuronSettings;
import io.spikelot.pipeline.train.TrainingConfig;
import io.spikelot.pipeline.train.TrainingListener;
import io.spikelot.pipeline.train.TrainingLoop;
import io.spikelot.pipeline.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training speed on Fashion-MNIST, SNN (T = 4) against ANN, batch 64; not a unit test (excluded by default).
 * System properties: {@code bench.steps} (50), {@code bench.archs} (convnet-s,vgg9), {@code bench.accuracyEpochs}
 * (0 = skip the convnet-s SNN accuracy run: full train split, Adam 1e-3 with a cosine over all epochs, batch 64,
 * seed 1, test accuracy after every epoch), {@code bench.root} (/usr/share/datasets). For example:
 *
 * <pre>
 * LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 \
 * MALLOC_CONF=oversize_threshold:0,dirty_decay_ms:10000,muzzy_decay_ms:10000 \
 * ./mvnw -o -q -pl worker-service/pipeline test -Dgroups=benchmark -Dbenchmark.excludedGroups=none \
 *   -Dtest=EngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dbench.archs=convnet-s -Dbench.steps=20 -Dbench.accuracyEpochs=3
 * </pre>
 */
@Tag("benchmark")
class EngineBenchmark {

    private static final int BATCH = 64;
    private static final int WARMUP = 5;

    @Test
    void trainingSpeed() {
        int steps = Integer.getInteger("bench.steps", 50);
        DatasetResolver resolver =
                new DatasetResolver(Path.of(System.getProperty("bench.root", "/usr/share/datasets")));
        Dataset data = resolver.resolve(
                new DatasetSpec("fashion-mnist", (steps + WARMUP) * BATCH, 500), EventFrameOptions.of(1), 1);
        for (String arch : System.getProperty("bench.archs", "convnet-s,vgg9").split(",")) {
            double snn = measure(arch, NeuronSettings.spiking(4), data, steps);
            double ann = measure(arch, NeuronSettings.relu(), data, steps);
            System.out.printf("BENCH %s spiking overhead (SNN/ANN ms per step) = %.2f%n", arch, snn / ann);
        }
        int epochs = Integer.getInteger("bench.accuracyEpochs", 0);
        if (epochs > 0) {
            accuracyRun(resolver, epochs);
        }
    }

    private static double measure(String arch, NeuronSettings neurons, Dataset data, int steps) {
        TrainingConfig config = TrainingConfig.adam(1, BATCH, 1).withMaxSteps(steps + WARMUP);
        TrainingResult result =
                TrainingLoop.train(network(arch, neurons, data), data, config, TrainingListener.NONE, () -> {});
        double[] timed = Arrays.copyOfRange(result.stepMillis(), WARMUP, result.stepMillis().length);
        Arrays.sort(timed);
        double median = timed[timed.length / 2];
        System.out.printf(
                "BENCH %s %s T=%d batch=%d steps=%d median=%.1f ms/step images/s=%.0f peakRSS=%s finalLoss=%.3f%n",
                arch,
                neurons.kind(),
                neurons.timesteps(),
                BATCH,
                timed.length,
                median,
                BATCH * 1000 / median,
                peakRss(),
                result.finalLoss());
        return median;
    }

    private static void accuracyRun(DatasetResolver resolver, int epochs) {
        Dataset full = resolver.resolve(new DatasetSpec("fashion-mnist", null, null), EventFrameOptions.of(1), 1);
        long start = System.nanoTime();
        TrainingListener log = new TrainingListener() {
            @Override
            public void onEpoch(io.spikelot.pipeline.train.EpochReport report) {
                System.out.printf(
                        "ACCURACY convnet-s SNN T=4 epoch %d: train loss %.4f, test accuracy %.4f (%.0f s)%n",
                        report.epoch(), report.trainLoss(), report.test().accuracy(), report.seconds());
            }
        };
        TrainingConfig config = TrainingConfig.adam(epochs, BATCH, 1);
        System.out.printf(
                "ACCURACY settings: %s, %d train / %d test samples%n",
                config, full.train().size(), full.test().size());
        TrainingResult result =
                TrainingLoop.train(network("convnet-s", NeuronSettings.spiking(4), full), full, config, log, () -> {});
        System.out.printf(
                "ACCURACY convnet-s SNN T=4 %d epochs: test accuracy %.4f in %.0f s, firing rates %s%n",
                epochs,
                result.test().accuracy(),
                (System.nanoTime() - start) / 1e9,
                result.test().firingRates());
    }

    private static SpikingNetwork network(String arch, NeuronSettings neurons, Dataset data) {
        return NetworkBuilder.build(
                ArchitectureCatalog.resolve(
                        arch, data.train().frameShape(), data.train().classes()),
                InputKind.STATIC,
                neurons,
                WeightLayerFactory.dense());
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("VmHWM:\\s+", ""))
                    .findFirst()
                    .orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }
}

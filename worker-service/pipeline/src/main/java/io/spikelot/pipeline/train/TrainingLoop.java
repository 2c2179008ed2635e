package io.spikelot.pipeline.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.data.Dataset;
import io.spikelot.pipeline.model.SpikingNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Trains a {@link SpikingNetwork} on a {@link Dataset} and evaluates it on the test split after every epoch.
 *
 * <p>Every batch runs in its own {@code NDManager} scope, closed when the step ends, so native memory stays flat.
 * The loss is the cross-entropy of the time-averaged logits. Seeding is JVM-wide in DJL
 * ({@code Engine.setRandomSeed}), and libtorch allows one open {@code GradientCollector} per JVM: steps of
 * concurrent runs are serialised by a JVM-wide lock, and concurrent runs are not reproducible.
 */
public final class TrainingLoop {

    private static final ReentrantLock GRADIENT_LOCK = new ReentrantLock();

    private TrainingLoop() {}

    /**
     * Runs the training.
     *
     * @param cancellation called before every batch; throws (e.g. {@code JobCancelledException}) to stop
     * @throws PipelineException with code DIVERGED when the loss becomes NaN or infinite
     */
    public static TrainingResult train(
            SpikingNetwork network,
            Dataset data,
            TrainingConfig config,
            TrainingListener listener,
            Runnable cancellation) {
        Engine.getInstance().setRandomSeed((int) config.seed());
        try (Model model = Model.newInstance("spikelot-" + data.name())) {
            model.setBlock(network);
            DefaultTrainingConfig setup = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizers.create(config, totalSteps(data, config)));
            try (Trainer trainer = model.newTrainer(setup)) {
                trainer.initialize(BatchAssembler.batchShape(data.train(), config.batchSize()));
                return new Run(trainer, network, data, config, listener, cancellation).execute();
            }
        }
    }

    static int totalSteps(Dataset data, TrainingConfig config) {
        int perEpoch = Math.max(1, data.train().size() / config.batchSize());
        long all = (long) perEpoch * config.epochs();
        return (int) (config.maxSteps() > 0 ? Math.min(all, config.maxSteps()) : all);
    }

    /** The state of one training run. */
    private static final class Run {
        private final Trainer trainer;
        private final SpikingNetwork network;
        private final Dataset data;
        private final TrainingConfig config;
        private final TrainingListener listener;
        private final Runnable cancellation;
        private final BatchAssembler assembler;
        private final int totalSteps;
        private final double[] stepMillis;
        private int step;
        private double lastLoss = Double.NaN;

        Run(
                Trainer trainer,
                SpikingNetwork network,
                Dataset data,
                TrainingConfig config,
                TrainingListener listener,
                Runnable cancellation) {
            this.trainer = trainer;
            this.network = network;
            this.data = data;
            this.config = config;
            this.listener = listener;
            this.cancellation = cancellation;
            this.assembler = new BatchAssembler(data.train());
            this.totalSteps = totalSteps(data, config);
            this.stepMillis = new double[totalSteps];
        }

        TrainingResult execute() {
            List<EpochReport> history = new ArrayList<>();
            ShuffledOrder order = new ShuffledOrder(data.train().size(), config.seed());
            for (int epoch = 1; epoch <= config.epochs() && step < totalSteps; epoch++) {
                history.add(epoch(epoch, order.next()));
            }
            Evaluation test = history.isEmpty()
                    ? Evaluator.evaluate(trainer, network, data.test(), config.evalChunk())
                    : history.get(history.size() - 1).test();
            return new TrainingResult(
                    step, lastLoss, test, List.copyOf(history), java.util.Arrays.copyOf(stepMillis, step));
        }

        private EpochReport epoch(int epoch, int[] order) {
            long start = System.nanoTime();
            double lossSum = 0;
            double accuracySum = 0;
            int batches = 0;
            for (int from = 0;
                    from + config.batchSize() <= order.length && step < totalSteps;
                    from += config.batchSize()) {
                cancellation.run();
                StepReport report = step(epoch, order, from);
                lossSum += report.loss();
                accuracySum += report.accuracy();
                batches++;
                listener.onStep(report);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Evaluation test = Evaluator.evaluate(trainer, network, data.test(), config.evalChunk());
            EpochReport report = new EpochReport(
                    epoch, lossSum / Math.max(1, batches), accuracySum / Math.max(1, batches), test, seconds);
            listener.onEpoch(report);
            return report;
        }

        private StepReport step(int epoch, int[] order, int from) {
            long t0 = System.nanoTime();
            int batch = config.batchSize();
            double loss;
            long correct;
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDList samples = assembler.assemble(scope, order, from, batch);
                GRADIENT_LOCK.lock();
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(samples.get(0))).singletonOrThrow();
                    NDArray lossArray = trainer.getLoss().evaluate(new NDList(samples.get(1)), new NDList(logits));
                    loss = lossArray.getFloat();
                    checkFinite(loss, epoch);
                    collector.backward(lossArray);
                    correct = Evaluator.countCorrect(logits, samples.get(1));
                } finally {
                    GRADIENT_LOCK.unlock();
                }
                trainer.step();
            }
            stepMillis[step] = (System.nanoTime() - t0) / 1e6;
            step++;
            lastLoss = loss;
            return new StepReport(
                    epoch,
                    step,
                    totalSteps,
                    loss,
                    correct / (double) batch,
                    Evaluator.toRates(network.lastFiringRates()));
        }

        private void checkFinite(double loss, int epoch) {
            if (!Double.isFinite(loss)) {
                throw PipelineException.diverged("Training diverged: loss became " + loss + " at step " + (step + 1)
                        + " (epoch " + epoch + ", learning rate " + config.learningRate() + ")");
            }
        }
    }
}

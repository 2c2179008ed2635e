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
 *
 * <p>The model, and with it every parameter, is closed when training returns; a listener copies what it needs in
 * {@link TrainingListener#onTrained}.
 */
public final class TrainingLoop {

    private static final ReentrantLock GRADIENT_LOCK = new ReentrantLock();

    private TrainingLoop() {}

    /**
     * One stretch of training with its own optimizer and schedule. {@code before} runs first, on the network as the
     * previous phase left it (e.g. to freeze some parameters and unfreeze others); the first phase's is not run.
     */
    public record Phase(TrainingConfig config, Runnable before) {

        public static Phase of(TrainingConfig config) {
            return new Phase(config, () -> {});
        }
    }

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
        return train(network, data, List.of(Phase.of(config)), listener, cancellation);
    }

    /**
     * Runs several phases on one network, one after the other, each with a fresh optimizer and schedule. Epochs and
     * steps are numbered across phases, and the result covers them all; the seed of the first phase seeds the run.
     */
    public static TrainingResult train(
            SpikingNetwork network,
            Dataset data,
            List<Phase> phases,
            TrainingListener listener,
            Runnable cancellation) {
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("A training run needs at least one phase");
        }
        TrainingConfig first = phases.get(0).config();
        Engine.getInstance().setRandomSeed((int) first.seed());
        State state = new State(
                phases.stream().mapToInt(p -> totalSteps(data, p.config())).sum(),
                new ShuffledOrder(data.train().size(), first.seed(), first.fromEpoch()));
        try (Model model = Model.newInstance("spikelot-" + data.name())) {
            model.setBlock(network);
            for (int i = 0; i < phases.size() && !state.stopped; i++) {
                Phase phase = phases.get(i);
                if (i > 0) {
                    phase.before().run();
                }
                TrainingConfig config = phase.config();
                DefaultTrainingConfig setup = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(Optimizers.create(
                                config, scheduleSteps(data, config), stepsPerEpoch(data, config) * config.fromEpoch()));
                try (Trainer trainer = model.newTrainer(setup)) {
                    // parameters initialized by an earlier phase keep their values
                    trainer.initialize(BatchAssembler.batchShape(data.train(), config.batchSize()));
                    if (i == 0) {
                        listener.onStart(network);
                    }
                    new Run(trainer, network, data, config, listener, cancellation, state).execute();
                }
            }
            TrainingResult result = state.result();
            listener.onTrained(network);
            return result;
        }
    }

    /** The steps this stretch of the run trains. */
    static int totalSteps(Dataset data, TrainingConfig config) {
        return capped(config, (long) stepsPerEpoch(data, config) * config.stretchEpochs());
    }

    /** The steps of the whole run, over which its schedule runs. */
    static int scheduleSteps(Dataset data, TrainingConfig config) {
        return capped(config, (long) stepsPerEpoch(data, config) * config.epochs());
    }

    private static int stepsPerEpoch(Dataset data, TrainingConfig config) {
        return Math.max(1, data.train().size() / config.batchSize());
    }

    private static int capped(TrainingConfig config, long steps) {
        return (int) (config.maxSteps() > 0 ? Math.min(steps, config.maxSteps()) : steps);
    }

    /** What carries over from one phase to the next. */
    private static final class State {
        private final int totalSteps;
        private final ShuffledOrder order;
        private final List<EpochReport> history = new ArrayList<>();
        private final double[] stepMillis;
        private int step;
        private int zeroGradientSteps;
        private double lastLoss = Double.NaN;
        private Evaluation unTrainedTest;
        /** A listener ended the run early; later phases are skipped. */
        private boolean stopped;

        State(int totalSteps, ShuffledOrder order) {
            this.totalSteps = totalSteps;
            this.order = order;
            this.stepMillis = new double[totalSteps];
        }

        TrainingResult result() {
            if (zeroGradientSteps == step && step > 0) {
                throw PipelineException.diverged("Every one of the " + step + " training steps had all-zero gradients:"
                        + " the network never fired and its surrogate gradients vanished; try a lower threshold,"
                        + " more timesteps or another learning rate");
            }
            Evaluation test = history.isEmpty()
                    ? unTrainedTest
                    : history.get(history.size() - 1).test();
            return new TrainingResult(
                    step,
                    lastLoss,
                    test,
                    List.copyOf(history),
                    java.util.Arrays.copyOf(stepMillis, step),
                    zeroGradientSteps);
        }
    }

    /** One phase of a training run. */
    private static final class Run {
        private final Trainer trainer;
        private final SpikingNetwork network;
        private final Dataset data;
        private final TrainingConfig config;
        private final TrainingListener listener;
        private final Runnable cancellation;
        private final BatchAssembler assembler;
        private final State state;
        private final int lastStep;

        Run(
                Trainer trainer,
                SpikingNetwork network,
                Dataset data,
                TrainingConfig config,
                TrainingListener listener,
                Runnable cancellation,
                State state) {
            this.trainer = trainer;
            this.network = network;
            this.data = data;
            this.config = config;
            this.listener = listener;
            this.cancellation = cancellation;
            this.assembler = new BatchAssembler(data.train());
            this.state = state;
            this.lastStep = state.step + totalSteps(data, config);
        }

        void execute() {
            int epochs = state.history.size() + config.fromEpoch();
            for (int epoch = 1; epoch <= config.stretchEpochs() && state.step < lastStep && !state.stopped; epoch++) {
                state.history.add(epoch(epochs + epoch, state.order.next()));
                state.stopped = listener.done();
            }
            if (state.history.isEmpty()) {
                state.unTrainedTest = Evaluator.evaluate(trainer, network, data.test(), config.evalChunk());
            }
        }

        private EpochReport epoch(int epoch, int[] order) {
            long start = System.nanoTime();
            double lossSum = 0;
            double accuracySum = 0;
            int batches = 0;
            for (int from = 0;
                    from + config.batchSize() <= order.length && state.step < lastStep;
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
                    checkFinite(loss, epoch, samples.get(0), logits);
                    collector.backward(lossArray);
                    correct = Evaluator.countCorrect(logits, samples.get(1));
                } finally {
                    GRADIENT_LOCK.unlock();
                }
                listener.afterBackward(network);
                update();
            }
            state.stepMillis[state.step] = (System.nanoTime() - t0) / 1e6;
            state.step++;
            state.lastLoss = loss;
            return new StepReport(
                    epoch,
                    state.step,
                    state.totalSteps,
                    loss,
                    correct / (double) batch,
                    Evaluator.toRates(network.lastFiringRates()));
        }

        /**
         * The optimizer step. DJL refuses a step whose gradients are all exactly zero, taking it for a forgotten
         * backward pass; here backward always ran, so such a step means a silent network, and it is skipped.
         */
        private void update() {
            try {
                trainer.step();
            } catch (IllegalStateException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("Gradient values are all zeros")) {
                    throw e;
                }
                state.zeroGradientSteps++;
            }
        }

        private void checkFinite(double loss, int epoch, NDArray input, NDArray logits) {
            if (!Double.isFinite(loss)) {
                throw PipelineException.diverged("Training diverged: loss became " + loss + " at step "
                        + (state.step + 1) + " (epoch " + epoch + ", learning rate " + config.learningRate() + "); "
                        + nonFinite(input) + " non-finite input values, " + nonFinite(logits)
                        + " non-finite logits, parameters with non-finite values: " + nonFiniteParameters());
            }
        }

        private static long nonFinite(NDArray array) {
            // a failure path: the few intermediates go with the array's manager
            return array.isInfinite().logicalOr(array.isNaN()).countNonzero().getLong();
        }

        /** The names of up to five parameters holding a NaN or ±∞, or "none". */
        private String nonFiniteParameters() {
            List<String> names = new ArrayList<>();
            for (var entry : network.getParameters()) {
                if (entry.getValue().isInitialized()
                        && nonFinite(entry.getValue().getArray()) > 0) {
                    names.add(entry.getKey());
                }
            }
            return names.isEmpty()
                    ? "none"
                    : String.join(", ", names.subList(0, Math.min(5, names.size())))
                            + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
        }
    }
}

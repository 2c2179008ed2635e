package io.spikelot.pipeline.slt;

import io.spikelot.model.messaging.JobProgress;
import io.spikelot.pipeline.PipelineContext;
import io.spikelot.pipeline.artifact.TensorBytes;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.StepReport;
import io.spikelot.pipeline.train.TrainingListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Forwards one search's steps and epochs to the job's progress, as a fraction of all searches of the job
 * ({@code runs} = ratios × (1 + compareAnn)), and copies the network's non-ticket tensors to the heap after each
 * epoch, while the model is still open.
 */
final class ProgressRelay implements TrainingListener {

    private final PipelineContext context;
    private final SpikingNetwork network;
    private final Set<String> ticketWeights;
    private final int run;
    private final int runs;
    private final int epochs;
    private final String label;
    private Map<String, TensorBytes> others = Map.of();

    /**
     * @param run index of this search among all of the job's searches, from 0
     * @param ticketWeights the names of the masked weights, which {@code SltSearch} snapshots itself
     * @param label {@code "p=0.50 snn"}, for the progress message
     */
    ProgressRelay(
            PipelineContext context,
            SpikingNetwork network,
            Set<String> ticketWeights,
            int run,
            int runs,
            int epochs,
            String label) {
        this.context = context;
        this.network = network;
        this.ticketWeights = ticketWeights;
        this.run = run;
        this.runs = runs;
        this.epochs = epochs;
        this.label = label;
    }

    @Override
    public void onStep(StepReport report) {
        double fraction = (run + report.step() / (double) report.totalSteps()) / runs;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loss", report.loss());
        metrics.put("accuracy", report.accuracy());
        metrics.put("firingRates", report.firingRates());
        context.progress(new JobProgress(
                Math.min(1.0, fraction),
                run * epochs + report.epoch(),
                runs * epochs,
                label + ", epoch " + report.epoch() + "/" + epochs + ", step " + report.step() + "/"
                        + report.totalSteps(),
                metrics));
    }

    @Override
    public void onEpoch(EpochReport report) {
        Map<String, TensorBytes> copy = new LinkedHashMap<>();
        network.parameterIndex().parameters().forEach((name, parameter) -> {
            if (!ticketWeights.contains(name) && !name.endsWith(".scores")) {
                copy.put(name, TensorBytes.floats(parameter.getArray()));
            }
        });
        network.parameterIndex().buffers().forEach((name, p) -> copy.put(name, TensorBytes.floats(p.getArray())));
        others = copy;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loss", report.trainLoss());
        metrics.put("accuracy", report.trainAccuracy());
        metrics.put("testAccuracy", report.test().accuracy());
        metrics.put("firingRates", report.testFiringRates());
        context.progress(new JobProgress(
                Math.min(1.0, (run + report.epoch() / (double) epochs) / runs),
                run * epochs + report.epoch(),
                runs * epochs,
                label + ", epoch " + report.epoch() + "/" + epochs + " done, test accuracy "
                        + String.format(
                                java.util.Locale.ROOT, "%.4f", report.test().accuracy()),
                metrics));
    }

    /** The non-ticket tensors as of the last finished epoch. */
    Map<String, TensorBytes> others() {
        return others;
    }
}

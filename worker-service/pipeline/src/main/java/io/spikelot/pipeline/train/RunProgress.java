package io.spikelot.pipeline.train;

import io.spikelot.model.messaging.JobProgress;
import io.spikelot.pipeline.PipelineContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reports the steps and epochs of one training run of a job that trains several (ratios, allocations) as the job's
 * progress: the fraction counts finished runs plus the part of this one, the epoch counts over all runs.
 *
 * @param context the job's context
 * @param run index of this run among the job's, from 0
 * @param runs how many runs the job trains
 * @param epochs epochs per run
 * @param label what this run is, for the message ({@code "p=0.50 snn"}, {@code "W4-S2-T1"})
 * @param extra metrics added to every epoch's report, from that epoch's report
 */
public record RunProgress(
        PipelineContext context,
        int run,
        int runs,
        int epochs,
        String label,
        Function<EpochReport, Map<String, Object>> extra)
        implements TrainingListener {

    /** Progress without extra epoch metrics. */
    public RunProgress(PipelineContext context, int run, int runs, int epochs, String label) {
        this(context, run, runs, epochs, label, report -> Map.of());
    }

    @Override
    public void onStep(StepReport report) {
        step(report);
    }

    @Override
    public void onEpoch(EpochReport report) {
        epoch(report, extra.apply(report));
    }

    /** After every training step: loss, accuracy and firing rates of the batch. */
    public void step(StepReport report) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loss", report.loss());
        metrics.put("accuracy", report.accuracy());
        metrics.put("firingRates", report.firingRates());
        report(
                report.step() / (double) report.totalSteps(),
                report.epoch(),
                label + ", epoch " + report.epoch() + "/" + epochs + ", step " + report.step() + "/"
                        + report.totalSteps(),
                metrics);
    }

    /** After every epoch: train loss and accuracy, test accuracy and rates, plus {@code extra} metrics. */
    public void epoch(EpochReport report, Map<String, Object> extra) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("loss", report.trainLoss());
        metrics.put("accuracy", report.trainAccuracy());
        metrics.put("testAccuracy", report.test().accuracy());
        metrics.put("firingRates", report.testFiringRates());
        metrics.putAll(extra);
        report(
                report.epoch() / (double) epochs,
                report.epoch(),
                label + ", epoch " + report.epoch() + "/" + epochs + " done, test accuracy "
                        + String.format(Locale.ROOT, "%.4f", report.test().accuracy()),
                metrics);
    }

    private void report(double partOfRun, int epoch, String message, Map<String, Object> metrics) {
        context.progress(new JobProgress(
                Math.min(1.0, (run + partOfRun) / runs), run * epochs + epoch, runs * epochs, message, metrics));
    }
}

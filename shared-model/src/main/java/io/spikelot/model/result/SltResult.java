package io.spikelot.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.SearchMethod;
import java.util.List;
import java.util.Map;

/**
 * The result of an {@code slt} job: the headline (first) ratio's ticket, its cost, and for sweeps one row per ratio.
 * Fields marked optional are left out of the JSON when absent.
 *
 * @param type always {@code slt}
 * @param method the search method
 * @param ticket what the headline ticket is, in the papers' words ({@link TicketName}: LT, SLT, MPLT, MPSLT, PEPSp-…,
 *     MultiSp-…)
 * @param architecture catalog name
 * @param dataset dataset name
 * @param neuron the searched network's neuron kind
 * @param timesteps T (1 for relu)
 * @param accuracy top-1 test accuracy of the headline ticket, in [0, 1]
 * @param loss the last training step's loss
 * @param pruneRatio p, the fraction removed
 * @param keptFraction kept entries over all masked entries
 * @param keptFractionByLayer kept fraction per masked weight ({@code conv1.weight})
 * @param keptFractionByEpoch optional, {@code scope: global}: the annealed kept fraction of each search epoch
 * @param firingRateByLayer test-set firing rate per LIF layer; empty for relu
 * @param energy energy per image
 * @param patchPruneRatio optional, Spikformers: q of MultiSp
 * @param patches optional, Spikformers: N, tokens per sample
 * @param patchesKept optional, Spikformers: K = ⌈(1 − q)·N⌉
 * @param searchedLayers optional, Spikformers: which layers carry tickets (D6)
 * @param accuracyBeforePatchPruning optional, MultiSp: test accuracy at the end of stage 1 of Algorithm 1 (the
 *     patch embedding's ticket searched on every patch), before stage 2 froze it and selected patches
 * @param fineTuneEpochs optional: epochs of training the kept weights after the search
 * @param accuracyBeforeFineTune optional: test accuracy at the end of the search, before fine-tuning
 * @param wallSeconds the job's wall time
 * @param device the engine device ({@code cpu()}, {@code gpu(0)})
 * @param engine engine name and version
 * @param seed the training seed
 * @param annAccuracy optional, {@code compareAnn}: the ReLU ticket's accuracy at the same ratio
 * @param snnMinusAnn optional, {@code compareAnn}: accuracy − annAccuracy
 * @param annTicket optional, {@code compareAnn}: what the ANN counterpart is (LT for SLT, MPLT for MPSLT)
 * @param sweep optional, sweeps: one row per ratio in the spec's order
 * @param repeats optional, {@code training.repeats} > 1: one row per seed and ratio; the headline fields above are
 *     the first seed's
 * @param spread optional, {@code training.repeats} > 1: mean and sample standard deviation over the seeds, per ratio
 * @param notes optional: what a reader should know about this result (e.g. a setting that makes two methods
 *     equivalent); absent when there is nothing to say
 * @param ticketPackedBytes the size of {@code ticket-packed.safetensors}: masks and signs one bit per weight, α
 *     per layer or the kept F32 values, the other tensors as they are
 * @param ticketDenseBytes the size of {@code model.safetensors}, the same ticket with dense F32 weights
 */
public record SltResult(
        String type,
        SearchMethod method,
        String ticket,
        String architecture,
        String dataset,
        NeuronKind neuron,
        int timesteps,
        double accuracy,
        double loss,
        double pruneRatio,
        double keptFraction,
        Map<String, Double> keptFractionByLayer,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> keptFractionByEpoch,
        Map<String, Double> firingRateByLayer,
        EnergySummary energy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double patchPruneRatio,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer patches,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer patchesKept,
        @JsonInclude(JsonInclude.Include.NON_NULL) String searchedLayers,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double accuracyBeforePatchPruning,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer fineTuneEpochs,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double accuracyBeforeFineTune,
        double wallSeconds,
        String device,
        String engine,
        long seed,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double annAccuracy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double snnMinusAnn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String annTicket,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<SweepRow> sweep,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RepeatRow> repeats,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Spread> spread,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes,
        long ticketPackedBytes,
        long ticketDenseBytes) {

    /**
     * One search of a repeated job.
     *
     * @param seed the training seed of this run
     * @param pruneRatio p
     * @param keptFraction kept entries over all masked entries
     * @param accuracy top-1 test accuracy
     * @param loss the last training step's loss
     * @param meanFiringRate mean test-set firing rate over the LIF layers; 0 for an ANN
     * @param annAccuracy optional, {@code compareAnn}: the ANN counterpart's accuracy with the same seed
     */
    public record RepeatRow(
            long seed,
            double pruneRatio,
            double keptFraction,
            double accuracy,
            double loss,
            double meanFiringRate,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double annAccuracy) {}

    /**
     * The spread of one ratio's accuracy over the seeds: a difference between two settings is real only when it
     * exceeds this.
     *
     * @param pruneRatio p
     * @param runs seeds run
     * @param accuracyMean mean test accuracy
     * @param accuracyStd sample standard deviation (n − 1) of the test accuracy
     * @param annAccuracyMean optional, {@code compareAnn}: the ANN counterparts' mean
     * @param annAccuracyStd optional, {@code compareAnn}: their sample standard deviation
     */
    public record Spread(
            double pruneRatio,
            int runs,
            double accuracyMean,
            double accuracyStd,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double annAccuracyMean,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double annAccuracyStd) {

        /** The spread of {@code rows} at {@code pruneRatio}. */
        public static Spread of(double pruneRatio, List<RepeatRow> rows) {
            List<RepeatRow> at =
                    rows.stream().filter(r -> r.pruneRatio() == pruneRatio).toList();
            double[] snn = at.stream().mapToDouble(RepeatRow::accuracy).toArray();
            double[] ann = at.stream()
                    .filter(r -> r.annAccuracy() != null)
                    .mapToDouble(RepeatRow::annAccuracy)
                    .toArray();
            return new Spread(
                    pruneRatio,
                    at.size(),
                    mean(snn),
                    std(snn),
                    ann.length == 0 ? null : mean(ann),
                    ann.length == 0 ? null : std(ann));
        }

        static double mean(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return values.length == 0 ? Double.NaN : sum / values.length;
        }

        /** Sample standard deviation; 0 for a single value. */
        static double std(double[] values) {
            if (values.length < 2) {
                return 0;
            }
            double mean = mean(values);
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            return Math.sqrt(squares / (values.length - 1));
        }
    }

    /**
     * One ratio of a sweep.
     *
     * @param pruneRatio p
     * @param keptFraction kept entries over all masked entries
     * @param accuracy top-1 test accuracy
     * @param loss the last training step's loss
     * @param annAccuracy optional, {@code compareAnn}: the ReLU ticket's accuracy at this ratio
     * @param snnMinusAnn optional, {@code compareAnn}: accuracy − annAccuracy
     */
    public record SweepRow(
            double pruneRatio,
            double keptFraction,
            double accuracy,
            double loss,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double annAccuracy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double snnMinusAnn) {}
}

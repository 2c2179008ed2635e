package io.spikelot.pipeline.slt;

import io.spikelot.model.result.SltResult;
import io.spikelot.pipeline.ArtifactSink;
import io.spikelot.pipeline.artifact.JsonDocuments;
import io.spikelot.pipeline.artifact.PackedTicket;
import io.spikelot.pipeline.artifact.SafetensorsWriter;
import io.spikelot.pipeline.nir.NirExport;
import io.spikelot.pipeline.nir.NirFile;
import io.spikelot.pipeline.nir.NirGraph;
import io.spikelot.pipeline.report.SvgPlot;
import io.spikelot.pipeline.tensor.HostTensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a finished job's files. The headline (first) ratio gets {@code mask.safetensors},
 * {@code model.safetensors}, the same ticket bit-packed as {@code ticket-packed.safetensors} ({@link PackedTicket})
 * {@code model.json} and, for a spiking network NIR can express, {@code model.nir} ({@link NirExport}); a sweep also gets {@code mask-p<ratio>.safetensors} for
 * every ratio ({@code mask-p0.50.safetensors}), so the first ratio's mask exists under both names. Then
 * {@code result.json}, {@code history.csv}, {@code accuracy.svg} and, for sweeps and repeated jobs,
 * {@code accuracy-vs-ratio.svg}. With {@code training.repeats} > 1 the files are the first seed's; the other seeds
 * appear in the result and as lines of the plot.
 */
final class SltArtifacts {

    private static final String SAFETENSORS = "application/octet-stream";
    private static final String SVG = "image/svg+xml";
    private static final String JSON = "application/json";
    private static final String NIR = "application/x-hdf5";

    private SltArtifacts() {}

    static void write(SltJob job, SltResult result, ArtifactSink sink) throws IOException {
        RatioRun primary = job.primary();
        sink.put("mask.safetensors", SAFETENSORS, masks(job, primary));
        if (job.sweep()) {
            for (RatioRun run : job.runs()) {
                sink.put("mask-p" + SltSpecs.ratioLabel(run.ratio()) + ".safetensors", SAFETENSORS, masks(job, run));
            }
        }
        Map<String, HostTensor> weights = weights(primary);
        sink.put("model.safetensors", SAFETENSORS, SafetensorsWriter.bytes(weights, metadata(job, primary)));
        sink.put(
                "ticket-packed.safetensors",
                SAFETENSORS,
                SafetensorsWriter.bytes(packed(primary), packedMetadata(job)));
        sink.put("model.json", JSON, JsonDocuments.bytes(ModelDescription.of(job, primary, weights)));
        Optional<NirGraph> nir = nir(job).graph();
        if (nir.isPresent()) {
            sink.put("model.nir", NIR, NirFile.bytes(nir.get()));
        }
        sink.put("result.json", JSON, JsonDocuments.bytes(result));
        sink.put("history.csv", "text/csv", History.csv(job));
        sink.put("accuracy.svg", SVG, accuracyPerEpoch(job));
        if (job.sweep() || !job.repeats().isEmpty()) {
            sink.put("accuracy-vs-ratio.svg", SVG, accuracyVsRatio(job, result));
        }
    }

    /** Effective masked weights under {@code <layer>.weight}, then every other trained tensor and buffer. */
    static Map<String, HostTensor> weights(RatioRun run) {
        Map<String, HostTensor> all = new LinkedHashMap<>(run.others());
        all.putAll(run.search().weights());
        return all;
    }

    /** The headline ticket in NIR, or why it has none; its notes go into the result. */
    static NirExport nir(SltJob job) {
        return NirExport.of(ModelDescription.graph(job, job.primary()), weights(job.primary()));
    }

    /** The size of the headline ticket's {@code ticket-packed.safetensors}, in bytes. */
    static long packedTicketSize(SltJob job) {
        return SafetensorsWriter.size(packed(job.primary()), packedMetadata(job));
    }

    /** The size of the headline ticket's {@code model.safetensors}, in bytes. */
    static long denseTicketSize(SltJob job) {
        return SafetensorsWriter.size(weights(job.primary()), metadata(job, job.primary()));
    }

    private static Map<String, HostTensor> packed(RatioRun run) {
        return PackedTicket.tensors(run.search().masks(), weights(run));
    }

    private static Map<String, String> packedMetadata(SltJob job) {
        Map<String, String> meta = metadata(job, job.primary());
        meta.putAll(PackedTicket.metadata());
        return meta;
    }

    private static byte[] masks(SltJob job, RatioRun run) throws IOException {
        return SafetensorsWriter.bytes(run.search().masks(), metadata(job, run));
    }

    private static Map<String, String> metadata(SltJob job, RatioRun run) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "spikelot-slt");
        meta.put("method", job.method().wireName());
        meta.put("pruneRatio", Double.toString(run.ratio()));
        meta.put("keptFraction", Double.toString(run.keptFraction()));
        meta.put("seed", Long.toString(job.seed()));
        meta.put("architecture", job.architecture().name());
        meta.put("timesteps", Integer.toString(job.neurons().timesteps()));
        meta.put("neuron", run.neuron().wireName());
        meta.put("weightInit", job.spec().search().weightInit().wireName());
        return meta;
    }

    private static byte[] accuracyPerEpoch(SltJob job) {
        List<SvgPlot.Series> series = new ArrayList<>();
        addEpochSeries(series, job.runs(), job.sweep() ? "" : "test accuracy");
        addEpochSeries(series, job.annRuns(), "ANN");
        return SvgPlot.lines("Test accuracy per epoch", "epoch", "top-1 test accuracy", 0, 1, series);
    }

    private static void addEpochSeries(List<SvgPlot.Series> series, List<RatioRun> runs, String suffix) {
        for (RatioRun run : runs) {
            var history = run.search().training().history();
            double[] x = new double[history.size()];
            double[] y = new double[history.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = history.get(i).epoch();
                y[i] = history.get(i).test().accuracy();
            }
            String name = runs.size() > 1 || suffix.isEmpty() || "ANN".equals(suffix)
                    ? "p=" + SltSpecs.ratioLabel(run.ratio()) + ("ANN".equals(suffix) ? " ANN" : "")
                    : suffix;
            series.add(new SvgPlot.Series(name, x, y));
        }
    }

    /** One line per network; with repeats, one per seed and the means, so the spread shows. */
    private static byte[] accuracyVsRatio(SltJob job, SltResult result) {
        List<SvgPlot.Series> series = new ArrayList<>();
        String snn = job.neurons().spiking() ? "SNN" : "ANN";
        if (job.repeats().isEmpty()) {
            series.add(ratioSeries(job.runs(), snn));
            if (!job.annRuns().isEmpty()) {
                series.add(ratioSeries(job.annRuns(), "ANN"));
            }
        } else {
            job.repeats().stream()
                    .map(SltResult.RepeatRow::seed)
                    .distinct()
                    .forEach(seed -> series.add(seedSeries(job.repeats(), seed, snn + " seed " + seed)));
            List<SltResult.Spread> spread = result.spread().stream()
                    .sorted(Comparator.comparingDouble(SltResult.Spread::pruneRatio))
                    .toList();
            double[] x =
                    spread.stream().mapToDouble(SltResult.Spread::pruneRatio).toArray();
            series.add(new SvgPlot.Series(
                    snn + " mean",
                    x,
                    spread.stream().mapToDouble(SltResult.Spread::accuracyMean).toArray()));
            if (!job.annRuns().isEmpty()) {
                series.add(new SvgPlot.Series(
                        "ANN mean",
                        x,
                        spread.stream()
                                .mapToDouble(SltResult.Spread::annAccuracyMean)
                                .toArray()));
            }
        }
        return SvgPlot.lines("Accuracy vs pruning ratio", "pruning ratio p", "top-1 test accuracy", 0, 1, series);
    }

    private static SvgPlot.Series seedSeries(List<SltResult.RepeatRow> rows, long seed, String name) {
        List<SltResult.RepeatRow> sorted = rows.stream()
                .filter(r -> r.seed() == seed)
                .sorted(Comparator.comparingDouble(SltResult.RepeatRow::pruneRatio))
                .toList();
        return new SvgPlot.Series(
                name,
                sorted.stream().mapToDouble(SltResult.RepeatRow::pruneRatio).toArray(),
                sorted.stream().mapToDouble(SltResult.RepeatRow::accuracy).toArray());
    }

    private static SvgPlot.Series ratioSeries(List<RatioRun> runs, String name) {
        List<RatioRun> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(RatioRun::ratio))
                .toList();
        double[] x = sorted.stream().mapToDouble(RatioRun::ratio).toArray();
        double[] y = sorted.stream().mapToDouble(RatioRun::accuracy).toArray();
        return new SvgPlot.Series(name, x, y);
    }
}

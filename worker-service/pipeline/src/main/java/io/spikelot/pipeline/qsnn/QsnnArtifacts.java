package io.spikelot.pipeline.qsnn;

import io.spikelot.model.cost.EffortReport;
import io.spikelot.model.graph.GraphSettings;
import io.spikelot.model.graph.ModelGraph;
import io.spikelot.model.graph.ModelGraphs;
import io.spikelot.model.result.NeuronDescription;
import io.spikelot.model.result.QsnnModelDescription;
import io.spikelot.model.result.QsnnResult;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.pipeline.ArtifactSink;
import io.spikelot.pipeline.artifact.JsonDocuments;
import io.spikelot.pipeline.artifact.SafetensorsWriter;
import io.spikelot.pipeline.nir.NirExport;
import io.spikelot.pipeline.nir.NirFile;
import io.spikelot.pipeline.nir.NirGraph;
import io.spikelot.pipeline.report.CsvTable;
import io.spikelot.pipeline.report.SvgPlot;
import io.spikelot.pipeline.spec.JobSettings;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.EpochReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a finished job's files: {@code model.safetensors} and {@code model.json} for the best allocation (and
 * {@code model-W4-S2-T1.safetensors} for every allocation when there are several), {@code model.nir} of the best
 * allocation when NIR can express it ({@link NirExport}), {@code result.json},
 * {@code history.csv}, {@code accuracy-vs-sace.svg} and {@code table.md}.
 *
 * <p>In a model file each quantized layer's weight is stored as integer codes under {@code <layer>.weight}
 * ({@code I8} up to 8 bits, {@code I16} up to 15) with its F32 scalar scale under {@code <layer>.weight_scale}:
 * {@code weight = codes · scale}. At W = 16 the weight is stored as F32 and has no scale. Biases, BatchNorm
 * parameters and running statistics follow as F32.
 */
final class QsnnArtifacts {

    private static final String SAFETENSORS = "application/octet-stream";

    private QsnnArtifacts() {}

    static void write(QsnnJob job, QsnnResult result, ArtifactSink sink) throws IOException {
        AllocationRun best = job.best();
        boolean several = job.runs().size() > 1;
        for (AllocationRun run : job.runs()) {
            byte[] model = model(job, run);
            if (run == best) {
                sink.put("model.safetensors", SAFETENSORS, model);
            }
            if (several) {
                sink.put("model-" + run.label() + ".safetensors", SAFETENSORS, model);
            }
        }
        sink.put("model.json", "application/json", JsonDocuments.bytes(description(job, best)));
        Optional<NirGraph> nir = nir(job).graph();
        if (nir.isPresent()) {
            sink.put("model.nir", "application/x-hdf5", NirFile.bytes(nir.get()));
        }
        sink.put("result.json", "application/json", JsonDocuments.bytes(result));
        sink.put("history.csv", "text/csv", history(job));
        sink.put("accuracy-vs-sace.svg", "image/svg+xml", plot(job));
        sink.put("table.md", "text/markdown", table(job));
    }

    /** The best allocation in NIR (weights dequantized), or why it has none; its notes go into the result. */
    static NirExport nir(QsnnJob job) {
        return NirExport.of(graph(job, job.best()), tensors(job.best()));
    }

    /** Codes, scales and the other tensors of one allocation. */
    static Map<String, HostTensor> tensors(AllocationRun run) {
        Map<String, HostTensor> all = new LinkedHashMap<>(run.others());
        all.putAll(run.weights());
        all.putAll(run.scales());
        return all;
    }

    private static byte[] model(QsnnJob job, AllocationRun run) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "spikelot-qsnn");
        meta.put("architecture", job.architecture().name());
        meta.put("weightBits", Integer.toString(run.allocation().weightBits()));
        meta.put("spikeBits", Integer.toString(run.allocation().spikeBits()));
        meta.put("timesteps", Integer.toString(run.allocation().timesteps()));
        meta.put("accuracy", Double.toString(run.accuracy()));
        meta.put("seed", Long.toString(job.spec().training().seed()));
        meta.put("dequantize", "weight = codes * weight_scale; W = 16 weights are stored as F32 without a scale");
        return SafetensorsWriter.bytes(tensors(run), meta);
    }

    private static QsnnModelDescription description(QsnnJob job, AllocationRun run) {
        List<QsnnModelDescription.QuantizedWeight> layers = new ArrayList<>();
        run.weights().forEach((name, weight) -> {
            HostTensor.Floats scale = run.scales().get(name + "_scale");
            layers.add(new QsnnModelDescription.QuantizedWeight(
                    name,
                    SafetensorsWriter.dtype(weight),
                    weight.shape(),
                    scale == null ? null : (double) scale.scalar(),
                    distinct(weight)));
        });
        return new QsnnModelDescription(
                QsnnModelDescription.FORMAT,
                job.architecture().name(),
                job.architecture().input().toString(),
                job.architecture().classes(),
                run.label(),
                run.allocation().weightBits(),
                run.allocation().spikeBits(),
                run.allocation().timesteps(),
                run.accuracy(),
                NeuronDescription.lif(job.spec().model().lif())
                        .withSpikeBits(run.allocation().spikeBits()),
                layers,
                QsnnModelDescription.WEIGHT_QUANTIZER,
                QsnnModelDescription.TENSORS,
                ModelGraphs.FORMAT_VERSION,
                JobSettings.preprocessing(
                        job.spec().dataset(),
                        job.architecture().input(),
                        run.allocation().timesteps()),
                graph(job, run),
                ModelGraphs.SCHEMA_PATH);
    }

    /** The network of one allocation: W-bit weight codes, S-bit spikes, T steps, as the pipeline trained it. */
    static ModelGraph graph(QsnnJob job, AllocationRun run) {
        int spikeBits = run.allocation().spikeBits();
        GraphSettings settings = GraphSettings.of(
                        NeuronKind.LIF,
                        job.spec().model().lif(),
                        run.allocation().timesteps(),
                        job.events())
                // the pipeline limits attention scores to S bits only with multi-level spikes (QsnnPipeline)
                .quantized(run.allocation().weightBits(), spikeBits, spikeBits > 1);
        return ModelGraphs.of(job.architecture(), settings);
    }

    /** How many distinct values a weight tensor holds (codes or floats). */
    static int distinct(HostTensor weight) {
        Set<Float> values = new HashSet<>();
        if (weight instanceof HostTensor.Bytes codes) {
            for (byte code : codes.values()) {
                values.add((float) code);
            }
        } else if (weight instanceof HostTensor.Shorts codes) {
            for (short code : codes.values()) {
                values.add((float) code);
            }
        } else if (weight instanceof HostTensor.Floats floats) {
            for (float value : floats.values()) {
                values.add(value);
            }
        }
        return values.size();
    }

    private static byte[] history(QsnnJob job) {
        Set<String> layers = new LinkedHashSet<>();
        job.runs().forEach(run -> run.training()
                .history()
                .forEach(e -> layers.addAll(e.testFiringRates().keySet())));
        List<String> header = new ArrayList<>(List.of(
                "allocation",
                "weightBits",
                "spikeBits",
                "timesteps",
                "epoch",
                "loss",
                "trainAccuracy",
                "testAccuracy",
                "meanFiringRate",
                "meanLevel",
                "seconds"));
        layers.forEach(layer -> header.add("firingRate." + layer));
        CsvTable table = new CsvTable(header);
        for (AllocationRun run : job.runs()) {
            for (EpochReport epoch : run.training().history()) {
                List<Object> row = new ArrayList<>();
                row.add(run.label());
                row.add(run.allocation().weightBits());
                row.add(run.allocation().spikeBits());
                row.add(run.allocation().timesteps());
                row.add(epoch.epoch());
                row.add(epoch.trainLoss());
                row.add(epoch.trainAccuracy());
                row.add(epoch.test().accuracy());
                row.add(QsnnResults.mean(epoch.testFiringRates()));
                row.add(QsnnResults.mean(epoch.test().meanLevels()));
                row.add(epoch.seconds());
                layers.forEach(layer -> row.add(epoch.testFiringRates().get(layer)));
                table.add(row);
            }
        }
        return table.bytes();
    }

    private static byte[] plot(QsnnJob job) {
        List<SvgPlot.Point> points =
                job.runs().stream().map(QsnnArtifacts::point).toList();
        List<SvgPlot.Point> frontier =
                job.frontier().stream().map(QsnnArtifacts::point).toList();
        return SvgPlot.scatterLogX(
                "Accuracy vs S-ACE (" + job.architecture().name() + ")",
                "S-ACE per sample (bit-operations, log scale)",
                "top-1 test accuracy",
                0,
                1,
                points,
                frontier);
    }

    private static SvgPlot.Point point(AllocationRun run) {
        return new SvgPlot.Point(run.label(), run.sAce(), run.accuracy());
    }

    /** The paper's Table 2 layout, one row per allocation, in Markdown. */
    static byte[] table(QsnnJob job) {
        Set<String> frontier = new LinkedHashSet<>();
        job.frontier().forEach(run -> frontier.add(run.label()));
        StringBuilder md = new StringBuilder();
        md.append("| Model | W/S/T | Bit budget | Params (M, 16-bit eq.) | S-ACE (G) | NS-ACE (G) | SOPs (G)"
                + " | Mean firing rate | Acc (%) | Frontier |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (AllocationRun run : job.runs()) {
            EffortReport effort = run.cost().effort();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d/%d/%d | %d | %.4f | %.4f | %.4f | %.4f | %.3f | %.2f | %s |%n",
                    job.architecture().name(),
                    run.allocation().weightBits(),
                    run.allocation().spikeBits(),
                    run.allocation().timesteps(),
                    effort.bitBudget().bitsPerSynapse(),
                    effort.parameters16BitEquivalentMillions(),
                    effort.sAce() / 1e9,
                    effort.nsAce() / 1e9,
                    effort.denseSops() / 1e9,
                    QsnnResults.mean(run.test().firingRates()),
                    100 * run.accuracy(),
                    frontier.contains(run.label()) ? "yes" : ""));
        }
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }
}

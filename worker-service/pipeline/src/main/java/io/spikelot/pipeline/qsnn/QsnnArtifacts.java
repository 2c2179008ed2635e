package io.spikelot.pipeline.qsnn;

import io.spikelot.pipeline.ArtifactSink;
import io.spikelot.pipeline.artifact.SafetensorsWriter;
import io.spikelot.pipeline.artifact.TensorBytes;
import io.spikelot.pipeline.report.CsvTable;
import io.spikelot.pipeline.report.Json;
import io.spikelot.pipeline.report.SvgPlot;
import io.spikelot.pipeline.spec.JobSettings;
import io.spikelot.pipeline.train.EpochReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a finished job's files: {@code model.safetensors} and {@code model.json} for the best allocation (and
 * {@code model-W4-S2-T1.safetensors} for every allocation when there are several), {@code result.json},
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

    static void write(QsnnJob job, Map<String, Object> result, ArtifactSink sink) throws IOException {
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
        sink.put("model.json", "application/json", Json.bytes(description(job, best)));
        sink.put("result.json", "application/json", Json.bytes(result));
        sink.put("history.csv", "text/csv", history(job));
        sink.put("accuracy-vs-sace.svg", "image/svg+xml", plot(job));
        sink.put("table.md", "text/markdown", table(job));
    }

    /** Codes, scales and the other tensors of one allocation. */
    static Map<String, TensorBytes> tensors(AllocationRun run) {
        Map<String, TensorBytes> all = new LinkedHashMap<>(run.others());
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SafetensorsWriter.write(out, tensors(run), meta);
        return out.toByteArray();
    }

    private static Map<String, Object> description(QsnnJob job, AllocationRun run) {
        Map<String, Object> neuron = JobSettings.describeLif(
                job.spec().model().withTimesteps(run.allocation().timesteps()));
        neuron.put("spikeBits", run.allocation().spikeBits());
        neuron.put("spikeLevels", "level = clip(floor(H / threshold), 0, 2^S - 1); output = level * threshold");
        List<Map<String, Object>> layers = new ArrayList<>();
        run.weights().forEach((name, weight) -> {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("name", name);
            layer.put("dtype", weight.dtype());
            layer.put("shape", weight.shape());
            TensorBytes scale = run.scales().get(name + "_scale");
            layer.put("scale", scale == null ? null : floatOf(scale));
            layer.put("distinctValues", distinct(weight));
            layers.add(layer);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "spikelot-qsnn");
        out.put("architecture", job.architecture().name());
        out.put("input", job.architecture().input().toString());
        out.put("classes", job.architecture().classes());
        out.put("allocation", run.label());
        out.put("weightBits", run.allocation().weightBits());
        out.put("spikeBits", run.allocation().spikeBits());
        out.put("timesteps", run.allocation().timesteps());
        out.put("accuracy", run.accuracy());
        out.put("neuron", neuron);
        out.put("quantizedWeights", layers);
        out.put(
                "weightQuantizer",
                "W=1: sign(w)*mean|w| (codes ±1, scale mean|w|); 2<=W<=15: n=2^(W-1)-1,"
                        + " scale=min(max|w|/n, 2*mean|w|/sqrt(n)), codes=clip(round(w/scale),-n,n); W=16: F32");
        out.put("tensors", "weight = codes * weight_scale; biases, BatchNorm and running statistics are F32");
        return out;
    }

    private static double floatOf(TensorBytes scalar) {
        return java.nio.ByteBuffer.wrap(scalar.data())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getFloat();
    }

    /** How many distinct values a weight tensor holds (codes or floats). */
    static int distinct(TensorBytes weight) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(weight.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Set<Float> values = new java.util.HashSet<>();
        while (buffer.hasRemaining()) {
            values.add(
                    switch (weight.dtype()) {
                        case "I8" -> (float) buffer.get();
                        case "I16" -> (float) buffer.getShort();
                        default -> buffer.getFloat();
                    });
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
            var effort = run.cost().effort();
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

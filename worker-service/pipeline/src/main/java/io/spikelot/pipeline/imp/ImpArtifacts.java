package io.spikelot.pipeline.imp;

import io.spikelot.model.arch.InputShape;
import io.spikelot.model.graph.GraphSettings;
import io.spikelot.model.graph.ModelGraph;
import io.spikelot.model.graph.ModelGraphs;
import io.spikelot.model.result.ImpModelDescription;
import io.spikelot.model.result.ImpResult;
import io.spikelot.model.result.NeuronDescription;
import io.spikelot.model.result.SltModelDescription;
import io.spikelot.model.spec.NeuronKind;
import io.spikelot.pipeline.ArtifactSink;
import io.spikelot.pipeline.artifact.JsonDocuments;
import io.spikelot.pipeline.artifact.SafetensorsWriter;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.nir.NirExport;
import io.spikelot.pipeline.nir.NirFile;
import io.spikelot.pipeline.nir.NirGraph;
import io.spikelot.pipeline.report.CsvTable;
import io.spikelot.pipeline.report.SvgPlot;
import io.spikelot.pipeline.spec.JobSettings;
import io.spikelot.pipeline.train.EpochReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a finished job's files: {@code mask-r<n>.safetensors} for every round (BOOL, {@code true} = kept, named as
 * the weights, as in {@code slt}), {@code mask.safetensors}, {@code model.safetensors}, {@code model.json} (with the
 * layer graph and preprocessing of {@code slt} and {@code qsnn}) and, for a spiking network, {@code model.nir} of
 * the winning round, {@code result.json}, {@code history.csv} (one row per round and epoch) and
 * {@code accuracy-vs-sparsity.svg} (test accuracy per round against sparsity, with the dense accuracy as a line).
 */
final class ImpArtifacts {

    private static final String SAFETENSORS = "application/octet-stream";

    private ImpArtifacts() {}

    static void write(ImpJob job, ImpResult result, ArtifactSink sink) throws IOException {
        for (RoundRun round : job.rounds()) {
            sink.put("mask-r" + round.round() + ".safetensors", SAFETENSORS, masks(job, round));
        }
        RoundRun winner = job.winner();
        sink.put("mask.safetensors", SAFETENSORS, masks(job, winner));
        sink.put("model.safetensors", SAFETENSORS, SafetensorsWriter.bytes(winner.state(), metadata(job, winner)));
        sink.put("model.json", "application/json", JsonDocuments.bytes(description(job, winner)));
        Optional<NirGraph> nir = nir(job).graph();
        if (nir.isPresent()) {
            sink.put("model.nir", "application/x-hdf5", NirFile.bytes(nir.get()));
        }
        sink.put("result.json", "application/json", JsonDocuments.bytes(result));
        sink.put("history.csv", "text/csv", history(job));
        sink.put("accuracy-vs-sparsity.svg", "image/svg+xml", plot(job));
    }

    private static byte[] masks(ImpJob job, RoundRun round) throws IOException {
        return SafetensorsWriter.bytes(round.masks(), metadata(job, round));
    }

    private static Map<String, String> metadata(ImpJob job, RoundRun round) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "spikelot-imp");
        meta.put("method", job.spec().pruning().method().wireName());
        meta.put("round", Integer.toString(round.round()));
        meta.put("sparsity", Double.toString(round.sparsity()));
        meta.put("keptFraction", Double.toString(1 - round.sparsity()));
        meta.put("seed", Long.toString(job.spec().training().seed()));
        meta.put("architecture", job.architecture().name());
        meta.put("timesteps", Integer.toString(job.timesteps()));
        meta.put("neuron", job.spec().model().neuron().wireName());
        return meta;
    }

    private static ImpModelDescription description(ImpJob job, RoundRun round) {
        InputShape input = job.architecture().input();
        boolean spiking = job.spec().model().neuron() == NeuronKind.LIF;
        List<SltModelDescription.Tensor> tensors = round.state().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new SltModelDescription.Tensor(
                        e.getKey(),
                        SafetensorsWriter.dtype(e.getValue()),
                        e.getValue().shape(),
                        SltModelDescription.Tensor.roleOf(
                                e.getKey(), round.masks().containsKey(e.getKey()))))
                .toList();
        return new ImpModelDescription(
                ImpModelDescription.FORMAT,
                job.architecture().name(),
                List.of(input.channels(), input.height(), input.width()),
                job.input().name().toLowerCase(Locale.ROOT),
                job.architecture().classes(),
                spiking ? NeuronDescription.lif(job.spec().model().lif()) : NeuronDescription.of(NeuronKind.RELU),
                job.timesteps(),
                job.spec().pruning().method(),
                round.round(),
                round.sparsity(),
                job.spec().training().seed(),
                job.spec().dataset().name(),
                tensors,
                ModelGraphs.FORMAT_VERSION,
                JobSettings.preprocessing(job.spec().dataset(), input, job.timesteps()),
                graph(job),
                ModelGraphs.SCHEMA_PATH);
    }

    /** The network as the job built and trained it, generated from the catalog as for slt and qsnn. */
    static ModelGraph graph(ImpJob job) {
        NeuronKind neuron = job.spec().model().neuron();
        return ModelGraphs.of(
                job.architecture(),
                GraphSettings.of(
                        neuron,
                        job.spec().model().lif(),
                        neuron == NeuronKind.LIF ? job.timesteps() : 1,
                        job.input() == InputKind.EVENTS));
    }

    /**
     * The winning round's network in NIR, or why a spiking one has none. NIR's approximations are stated in the
     * file's metadata ({@code node/metadata/approximations}).
     */
    static NirExport nir(ImpJob job) {
        return NirExport.of(graph(job), job.winner().state());
    }

    private static byte[] history(ImpJob job) {
        CsvTable table = new CsvTable(List.of(
                "round",
                "phase",
                "sparsity",
                "epoch",
                "timesteps",
                "loss",
                "trainAccuracy",
                "testAccuracy",
                "seconds"));
        for (RoundRun round : job.rounds()) {
            int epoch = 0;
            for (Segment segment : round.segments()) {
                for (EpochReport e : segment.training().history()) {
                    table.add(List.of(
                            round.round(),
                            round.phase(),
                            round.sparsity(),
                            ++epoch,
                            segment.timesteps(),
                            e.trainLoss(),
                            e.trainAccuracy(),
                            e.test().accuracy(),
                            e.seconds()));
                }
            }
        }
        return table.bytes();
    }

    private static byte[] plot(ImpJob job) {
        List<RoundRun> rounds = job.rounds();
        double[] x = rounds.stream().mapToDouble(RoundRun::sparsity).toArray();
        double[] y = rounds.stream().mapToDouble(RoundRun::accuracy).toArray();
        double xMax = Math.max(1e-9, java.util.Arrays.stream(x).max().orElse(0));
        double dense = job.dense().accuracy();
        List<SvgPlot.Series> series = new ArrayList<>();
        series.add(new SvgPlot.Series("rounds", x, y));
        series.add(new SvgPlot.Series(
                String.format(Locale.ROOT, "dense %.4f", dense), new double[] {0, xMax}, new double[] {dense, dense}));
        return SvgPlot.lines(
                "Accuracy vs sparsity", "sparsity (removed fraction)", "top-1 test accuracy", 0, 1, series);
    }
}

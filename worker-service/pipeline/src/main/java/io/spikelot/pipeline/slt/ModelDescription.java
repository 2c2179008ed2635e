package io.spikelot.pipeline.slt;

import io.spikelot.model.arch.InputShape;
import io.spikelot.model.graph.GraphSettings;
import io.spikelot.model.graph.ModelGraph;
import io.spikelot.model.graph.ModelGraphs;
import io.spikelot.model.result.NeuronDescription;
import io.spikelot.model.result.SltModelDescription;
import io.spikelot.pipeline.artifact.SafetensorsWriter;
import io.spikelot.pipeline.model.InputKind;
import io.spikelot.pipeline.spec.JobSettings;
import io.spikelot.pipeline.tensor.HostTensor;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code model.json}: what is needed to rebuild the network for {@code model.safetensors} (the catalog
 * architecture, input {@code [C, H, W]}, classes, neurons and T) plus the search that produced it and the
 * tensor list. Masked weights are already effective (W ⊙ M or α·sign(W) ⊙ M), so a dense network of the same
 * architecture with these tensors reproduces the ticket; the masks are in {@code mask.safetensors}.
 */
final class ModelDescription {

    private ModelDescription() {}

    static SltModelDescription of(SltJob job, RatioRun run, Map<String, HostTensor> weights) {
        InputShape input = job.architecture().input();
        return new SltModelDescription(
                SltModelDescription.FORMAT,
                job.architecture().name(),
                List.of(input.channels(), input.height(), input.width()),
                job.input().name().toLowerCase(Locale.ROOT),
                job.architecture().classes(),
                run.spiking() ? NeuronDescription.lif(job.spec().model().lif()) : NeuronDescription.of(run.neuron()),
                job.neurons().timesteps(),
                job.method(),
                job.spec().search().weightInit(),
                run.ratio(),
                run.keptFraction(),
                job.seed(),
                job.spec().dataset().name(),
                parameters(run, weights),
                ModelGraphs.FORMAT_VERSION,
                JobSettings.preprocessing(
                        job.spec().dataset(), input, job.neurons().timesteps()),
                graph(job, run),
                ModelGraphs.SCHEMA_PATH);
    }

    /** The network of {@code run} as the search built it: its neuron, T, and MultiSp's patch selection. */
    static ModelGraph graph(SltJob job, RatioRun run) {
        GraphSettings settings = GraphSettings.of(
                        run.neuron(),
                        job.spec().model().lif(),
                        run.spiking() ? job.neurons().timesteps() : 1,
                        job.input() == InputKind.EVENTS)
                .withPatchPruneRatio(job.spec().search().patchPruneRatio());
        return ModelGraphs.of(job.architecture(), settings);
    }

    private static List<SltModelDescription.Tensor> parameters(RatioRun run, Map<String, HostTensor> weights) {
        return weights.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new SltModelDescription.Tensor(
                        e.getKey(),
                        SafetensorsWriter.dtype(e.getValue()),
                        e.getValue().shape(),
                        SltModelDescription.Tensor.roleOf(
                                e.getKey(), run.search().masks().containsKey(e.getKey()))))
                .toList();
    }
}

package io.spikelot.model.result;

import io.spikelot.model.graph.ModelGraph;
import io.spikelot.model.graph.ModelGraphs;
import io.spikelot.model.graph.Preprocessing;
import io.spikelot.model.spec.ImpMethod;
import java.util.List;

/**
 * {@code model.json} of an {@code imp} job: what is needed to rebuild the network for {@code model.safetensors}
 * (the catalog architecture, input {@code [C, H, W]}, classes, neurons and T), the round that produced the winning
 * ticket, and the tensor list. Pruned weights are stored as exact zeros; the masks are in {@code mask.safetensors}.
 *
 * @param format {@code spikelot-imp-model/1}
 * @param architecture catalog name
 * @param inputShape {@code [C, H, W]}
 * @param inputKind {@code static} or {@code events}
 * @param classes output classes
 * @param neuron the neuron of every spiking layer
 * @param timesteps T
 * @param method IMP or Early-Bird
 * @param round the winning round
 * @param sparsity removed prunable weights over all prunable weights
 * @param seed the training seed
 * @param dataset dataset name
 * @param parameters every tensor of {@code model.safetensors}, by name (role {@code masked-weight},
 *     {@code parameter} or {@code buffer})
 * @param formatVersion the version of the self-describing fields below ({@link ModelGraphs#FORMAT_VERSION})
 * @param preprocessing how a dataset sample becomes the network's input
 * @param graph the whole computation, layer by layer, generated from the catalog, as for {@code slt} and
 *     {@code qsnn}
 * @param schema where the JSON Schema of this document is served
 */
public record ImpModelDescription(
        String format,
        String architecture,
        List<Integer> inputShape,
        String inputKind,
        int classes,
        NeuronDescription neuron,
        int timesteps,
        ImpMethod method,
        int round,
        double sparsity,
        long seed,
        String dataset,
        List<SltModelDescription.Tensor> parameters,
        int formatVersion,
        Preprocessing preprocessing,
        ModelGraph graph,
        String schema) {

    public static final String FORMAT = "spikelot-imp-model/1";
}

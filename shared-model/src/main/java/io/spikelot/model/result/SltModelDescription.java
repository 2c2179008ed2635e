package io.spikelot.model.result;

import io.spikelot.model.graph.ModelGraph;
import io.spikelot.model.graph.ModelGraphs;
import io.spikelot.model.graph.Preprocessing;
import io.spikelot.model.spec.SearchMethod;
import io.spikelot.model.spec.WeightInitKind;
import java.util.List;

/**
 * {@code model.json} of an {@code slt} job: what is needed to rebuild the network for {@code model.safetensors}
 * (the catalog architecture, input {@code [C, H, W]}, classes, neurons and T), the search that produced it, and
 * the tensor list. Masked weights are already effective (W ⊙ M or α·sign(W) ⊙ M).
 *
 * @param format {@code spikelot-slt-model/1}
 * @param architecture catalog name
 * @param inputShape {@code [C, H, W]}
 * @param inputKind {@code static} or {@code events}
 * @param classes output classes
 * @param neuron the neuron of every spiking layer
 * @param timesteps T
 * @param method the search method
 * @param weightInit the frozen weights' init
 * @param pruneRatio p, the fraction removed
 * @param keptFraction kept entries over all masked entries
 * @param seed the training seed
 * @param dataset dataset name
 * @param parameters every tensor of {@code model.safetensors}, by name
 * @param formatVersion the version of the self-describing fields below ({@link ModelGraphs#FORMAT_VERSION})
 * @param preprocessing how a dataset sample becomes the network's input
 * @param graph the whole computation, layer by layer, generated from the catalog
 * @param schema where the JSON Schema of this document is served
 */
public record SltModelDescription(
        String format,
        String architecture,
        List<Integer> inputShape,
        String inputKind,
        int classes,
        NeuronDescription neuron,
        int timesteps,
        SearchMethod method,
        WeightInitKind weightInit,
        double pruneRatio,
        double keptFraction,
        long seed,
        String dataset,
        List<Tensor> parameters,
        int formatVersion,
        Preprocessing preprocessing,
        ModelGraph graph,
        String schema) {

    public static final String FORMAT = "spikelot-slt-model/1";

    /**
     * One tensor of the model file.
     *
     * @param name catalog name ({@code conv1.weight})
     * @param dtype safetensors dtype
     * @param shape dimensions
     * @param role {@code masked-weight}, {@code parameter} or {@code buffer} (BatchNorm running statistics)
     */
    public record Tensor(String name, String dtype, long[] shape, String role) {

        /** The role of tensor {@code name}: masked weights, BatchNorm running statistics, or trained parameters. */
        public static String roleOf(String name, boolean masked) {
            if (masked) {
                return "masked-weight";
            }
            return name.endsWith(".running_mean") || name.endsWith(".running_var") ? "buffer" : "parameter";
        }
    }
}

package io.spikelot.model.result;

import io.spikelot.model.graph.ModelGraph;
import io.spikelot.model.graph.ModelGraphs;
import io.spikelot.model.graph.Preprocessing;
import java.util.List;

/**
 * {@code model.json} of a {@code qsnn} job, for the best allocation's {@code model.safetensors}: the architecture,
 * the allocation, the neuron with its spike bits, and every quantized weight with its scale.
 *
 * @param format {@code spikelot-qsnn}
 * @param architecture catalog name
 * @param input {@code C×H×W}
 * @param classes output classes
 * @param allocation {@code W4-S2-T1}
 * @param weightBits W
 * @param spikeBits S
 * @param timesteps T
 * @param accuracy top-1 test accuracy
 * @param neuron the LIF neuron with its spike bits
 * @param quantizedWeights one entry per quantized conv or linear weight
 * @param weightQuantizer how codes and scales were computed
 * @param tensors how to turn the file's tensors into weights
 * @param formatVersion the version of the self-describing fields below ({@link ModelGraphs#FORMAT_VERSION})
 * @param preprocessing how a dataset sample becomes the network's input
 * @param graph the whole computation, layer by layer, generated from the catalog
 * @param schema where the JSON Schema of this document is served
 */
public record QsnnModelDescription(
        String format,
        String architecture,
        String input,
        int classes,
        String allocation,
        int weightBits,
        int spikeBits,
        int timesteps,
        double accuracy,
        NeuronDescription neuron,
        List<QuantizedWeight> quantizedWeights,
        String weightQuantizer,
        String tensors,
        int formatVersion,
        Preprocessing preprocessing,
        ModelGraph graph,
        String schema) {

    public static final String FORMAT = "spikelot-qsnn";

    public static final String WEIGHT_QUANTIZER = "W=1: sign(w)*mean|w| (codes ±1, scale mean|w|); 2<=W<=15:"
            + " n=2^(W-1)-1, scale=min(max|w|/n, 2*mean|w|/sqrt(n)), codes=clip(round(w/scale),-n,n); W=16: F32";

    public static final String TENSORS =
            "weight = codes * weight_scale; biases, BatchNorm and running statistics are F32";

    /**
     * One quantized weight.
     *
     * @param name catalog name ({@code conv1.weight})
     * @param dtype {@code I8}, {@code I16}, or {@code F32} at W = 16
     * @param shape dimensions
     * @param scale the F32 scale ({@code weight = codes · scale}); {@code null} at W = 16
     * @param distinctValues how many distinct codes (or floats) the tensor holds
     */
    public record QuantizedWeight(String name, String dtype, long[] shape, Double scale, int distinctValues) {}
}

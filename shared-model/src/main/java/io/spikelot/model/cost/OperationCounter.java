package io.spikelot.model.cost;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.BatchNormLayer;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.Layer;
import io.spikelot.model.arch.LinearLayer;
import io.spikelot.model.arch.ParameterSpec;
import io.spikelot.model.arch.SelfAttentionLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts parameters and MACs layer by layer. Conventions, chosen to reproduce the published counts (SLT VGG-9
 * 2.26M, ResNet-19 12.63M, Spikformer 9.32M; ALGORITHMS §4.3):
 *
 * <ul>
 *   <li>Parameters are learned tensors only: conv and linear weights, their biases where the architecture has
 *       them, and γ/β of affine BatchNorm. Running statistics are buffers and never count; non-affine BatchNorm
 *       has no parameters.
 *   <li>A conv costs {@code C_out·H_out·W_out·C_in·k²} MACs, a linear {@code positions·in·out}. Bias additions,
 *       BatchNorm (folded at inference), pooling, residual additions and neurons cost no MACs.
 *   <li>Each spiking self-attention matmul costs {@code N·N·D} MACs (heads split D, not the total).
 * </ul>
 */
public final class OperationCounter {

    private OperationCounter() {}

    /** One entry per conv, linear, affine BatchNorm and attention matmul, in execution order. */
    public static List<OperationCount> count(Architecture architecture) {
        List<OperationCount> counts = new ArrayList<>();
        for (Layer layer : architecture.allLayers()) {
            if (layer instanceof Conv2dLayer conv) {
                long macs = conv.output().elements() * conv.inChannels() * conv.kernel() * conv.kernel();
                counts.add(weighted(conv, OperationKind.CONV, conv.encoding(), macs));
            } else if (layer instanceof LinearLayer linear) {
                long macs = linear.positions() * linear.inFeatures() * linear.outFeatures();
                counts.add(weighted(linear, OperationKind.LINEAR, linear.encoding(), macs));
            } else if (layer instanceof BatchNormLayer norm && norm.affine()) {
                counts.add(weighted(norm, OperationKind.NORM, false, 0));
            } else if (layer instanceof SelfAttentionLayer attention) {
                long macs = (long) attention.tokens() * attention.tokens() * attention.dim();
                counts.add(new OperationCount(attention.name() + ".qk", OperationKind.ATTENTION, false, 0, macs));
                counts.add(new OperationCount(attention.name() + ".av", OperationKind.ATTENTION, false, 0, macs));
            }
        }
        return List.copyOf(counts);
    }

    /** Total learned scalars of the architecture. */
    public static long parameters(Architecture architecture) {
        return architecture.parameters().stream()
                .mapToLong(ParameterSpec::count)
                .sum();
    }

    private static OperationCount weighted(Layer layer, OperationKind kind, boolean encoding, long macs) {
        long parameters =
                layer.parameters().stream().mapToLong(ParameterSpec::count).sum();
        return new OperationCount(layer.name(), kind, encoding, parameters, macs);
    }
}

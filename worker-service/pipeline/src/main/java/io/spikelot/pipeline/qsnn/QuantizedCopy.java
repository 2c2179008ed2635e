package io.spikelot.pipeline.qsnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.spikelot.pipeline.model.SpikingNetwork;
import io.spikelot.pipeline.quant.QuantizedLayer;
import io.spikelot.pipeline.quant.QuantizedLayers;
import io.spikelot.pipeline.quant.WeightQuantizer;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.tensor.Scopes;
import io.spikelot.pipeline.train.TrainingListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies the quantized weights of a trained network to the heap when training ends: integer codes and their scale
 * per quantized layer, or the float weight at W = 16.
 */
final class QuantizedCopy implements TrainingListener {

    private final Map<String, QuantizedLayer> layers;
    private final Map<String, HostTensor> weights = new LinkedHashMap<>();
    private final Map<String, HostTensor.Floats> scales = new LinkedHashMap<>();

    QuantizedCopy(SpikingNetwork network) {
        this.layers = QuantizedLayers.of(network);
    }

    /** Whether {@code name} is a quantized weight, copied here rather than with the other tensors. */
    boolean covers(String name) {
        return layers.containsKey(name);
    }

    @Override
    public void onTrained(SpikingNetwork network) {
        layers.forEach((name, layer) -> {
            NDArray latent = layer.weight().getArray();
            try (NDManager scope = latent.getManager().newSubManager()) {
                NDArray local = Scopes.local(scope, latent);
                int bits = layer.weightBits();
                if (bits >= WeightQuantizer.FULL_PRECISION_BITS) {
                    weights.put(name, HostTensor.floats(local));
                } else {
                    WeightQuantizer.Encoding encoding = WeightQuantizer.encode(local, bits);
                    weights.put(
                            name, HostTensor.codes(encoding.codes(), Math.max(1, WeightQuantizer.levelsPerSide(bits))));
                    scales.put(name + "_scale", HostTensor.floats(encoding.scale()));
                }
            }
        });
    }

    /** Codes ({@link HostTensor.Bytes} up to 8 bits, {@link HostTensor.Shorts} up to 15) or W = 16 floats. */
    Map<String, HostTensor> weights() {
        return weights;
    }

    /** The scalar scale of each coded weight, under {@code <layer>.weight_scale}. */
    Map<String, HostTensor.Floats> scales() {
        return scales;
    }
}

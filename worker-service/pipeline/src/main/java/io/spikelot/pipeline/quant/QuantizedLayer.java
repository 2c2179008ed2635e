package io.spikelot.pipeline.quant;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/**
 * A conv or linear layer whose forward pass uses the W-bit quantized copy of a trainable full-precision latent
 * weight ({@link WeightQuantizer}). Direct parameters: {@code weight} (the latent weight) and, when the catalog layer
 * has one, {@code bias} (kept in full precision, as BatchNorm is). The model's {@code ParameterIndex} lists them as
 * {@code <layer>.weight} and {@code <layer>.bias}.
 */
public abstract class QuantizedLayer extends AbstractBlock {

    private final int weightBits;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param weightShape {@code [out, in, k, k]} or {@code [out, in]}
     * @param weightBits W, 1 to 16 (16 = full precision)
     */
    protected QuantizedLayer(int weightBits, Shape weightShape, boolean hasBias, Initializer weightInit) {
        if (weightBits < 1 || weightBits > WeightQuantizer.FULL_PRECISION_BITS) {
            throw new IllegalArgumentException("Weight bits must lie in [1, 16], got " + weightBits);
        }
        this.weightBits = weightBits;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(weightShape)
                .optInitializer(weightInit)
                .build());
        this.bias = hasBias
                ? addParameter(Parameter.builder()
                        .setName("bias")
                        .setType(Parameter.Type.BIAS)
                        .optShape(new Shape(weightShape.get(0)))
                        .build())
                : null;
    }

    public int weightBits() {
        return weightBits;
    }

    public Parameter weight() {
        return weight;
    }

    /**
     * The quantized weight of one forward pass, with the straight-through path to the latent weight. Every
     * intermediate lives in {@code scope} (the batch's manager): an op on the parameter itself would land in the
     * model's manager and stay there until the model closes.
     */
    protected NDArray quantizedWeight(ParameterStore store, NDManager scope, Device device, boolean training) {
        NDArray latent = store.getValue(weight, device, training);
        NDArray local = scope.zeros(new Shape(), latent.getDataType(), device).add(latent);
        return WeightQuantizer.quantize(local, weightBits);
    }

    /** The bias for this forward pass, or null. */
    protected NDArray bias(ParameterStore store, Device device, boolean training) {
        return bias == null ? null : store.getValue(bias, device, training);
    }
}

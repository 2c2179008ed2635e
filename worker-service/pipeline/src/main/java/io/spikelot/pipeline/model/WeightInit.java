package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import io.spikelot.pipeline.tensor.Scalars;

/**
 * The frozen random weights of a ticket search (§2, {@code utils/builder.py}), with fan = fan_in and the ReLU gain
 * √2, so σ = √(2 / fan_in). fan_in is the product of all but the first axis of {@code [out, in, k, k]} or
 * {@code [out, in]}. biprop's {@code scale_fan} is {@link #scaledFan}.
 */
public enum WeightInit implements Initializer {
    /** ±σ with random signs, p = ½ each ("SC", the best in edge-popup). */
    SIGNED_CONSTANT {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            NDArray positive = manager.randomUniform(0f, 1f, shape, dataType).lt(0.5f);
            NDArray unitSigns = Scalars.mul(positive.toType(dataType, false), 2).sub(1f);
            return Scalars.mul(unitSigns, std(shape));
        }
    },
    /** N(0, σ²) ("KN"). */
    KAIMING_NORMAL {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            return manager.randomNormal(0f, (float) std(shape), shape, dataType);
        }
    },
    /** U(−√3·σ, +√3·σ), the uniform distribution with the same variance. */
    KAIMING_UNIFORM {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            float bound = (float) (Math.sqrt(3) * std(shape));
            return manager.randomUniform(-bound, bound, shape, dataType);
        }
    };

    /**
     * This distribution with biprop's {@code scale_fan}: fan multiplied by (1 − prune_rate), where prune_rate is the
     * kept fraction k, so σ grows by 1/√(1 − k) = 1/√p for pruning ratio p (ALGORITHMS.md §2 notes that the reference
     * reads its own ratio backwards here; this reproduces what its configs run). Behind a BatchNorm the scale cancels;
     * it shows only in layers without one, such as the classifier.
     *
     * @param pruned p, in (0, 1)
     */
    public Initializer scaledFan(double pruned) {
        if (!(pruned > 0 && pruned < 1)) {
            throw new IllegalArgumentException("scale_fan needs a pruning ratio in (0, 1), got " + pruned);
        }
        WeightInit base = this;
        double factor = 1.0 / Math.sqrt(pruned);
        return (manager, shape, dataType) -> {
            NDArray plain = base.initialize(manager, shape, dataType);
            NDArray scaled = Scalars.mul(plain, factor);
            plain.close();
            return scaled;
        };
    }

    /** σ = √(2 / fan_in), the Kaiming standard deviation for a weight of this shape. */
    public static double std(Shape weightShape) {
        return Math.sqrt(2.0 / fanIn(weightShape));
    }

    static long fanIn(Shape weightShape) {
        return weightShape.size() / weightShape.get(0);
    }

    /** Score init {@code kaiming_uniform(a=√5)}: U(−1/√fan_in, +1/√fan_in), the same for edge-popup and biprop. */
    public static Initializer scores() {
        return (manager, shape, dataType) -> {
            float bound = (float) (1.0 / Math.sqrt(fanIn(shape)));
            return manager.randomUniform(-bound, bound, shape, dataType);
        };
    }
}

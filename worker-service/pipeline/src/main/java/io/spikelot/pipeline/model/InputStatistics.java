package io.spikelot.pipeline.model;

import ai.djl.ndarray.NDArray;
import io.spikelot.model.cost.LayerInput;
import io.spikelot.model.cost.LayerInputKind;

/**
 * What one weight layer (or one operand of an attention matmul) read during evaluation, pooled over batches.
 *
 * <p>The kind is decided by the values, with the spike value 1 as the unit: a tensor of non-negative integers is
 * spikes ({0, 1}: binary spikes, their max-pool) or multi-level (S-bit spikes with V_th = 1, a residual sum of spike
 * tensors, event counts, spike-count attention scores); anything else (a normalised image, an average-pooled map,
 * ReLU activations) is analog. The static-image encoder is analog by declaration ({@code declaredAnalog}): an 8-bit
 * image is a real-valued frame, not a spike code, though its pixels are integers. A multi-level spike whose unit is
 * not 1 (a layer threshold other than 1) reads as analog.
 *
 * @param entries input entries seen, over neurons, timesteps and samples
 * @param nonZero the entries that were not zero
 * @param levelSum the sum of the entries' levels (0 for analog input)
 * @param kind the broadest kind seen (analog over multi-level over spikes); a silent batch is spikes
 * @param once whether the layer runs once per sample (the static-image encoder)
 */
public record InputStatistics(long entries, long nonZero, double levelSum, LayerInputKind kind, boolean once) {

    /** Measures one batch's input {@code x} (any shape); one host sync per reduction, no autograd. */
    static InputStatistics of(NDArray x, boolean once, boolean declaredAnalog) {
        long entries = x.size();
        long nonZero = x.countNonzero().getLong();
        if (declaredAnalog) {
            return new InputStatistics(entries, nonZero, 0, LayerInputKind.ANALOG, once);
        }
        if (nonZero == 0) {
            return new InputStatistics(entries, 0, 0, LayerInputKind.SPIKES, once);
        }
        boolean integral = !x.lt(0f).logicalOr(x.neq(x.round())).any().getBoolean();
        if (!integral) {
            return new InputStatistics(entries, nonZero, 0, LayerInputKind.ANALOG, once);
        }
        LayerInputKind kind = x.max().getFloat() > 1f ? LayerInputKind.MULTI_LEVEL : LayerInputKind.SPIKES;
        return new InputStatistics(entries, nonZero, x.sum().getFloat(), kind, once);
    }

    /** Pools two batches' statistics. */
    public InputStatistics plus(InputStatistics other) {
        LayerInputKind broadest = breadth(kind) >= breadth(other.kind) ? kind : other.kind;
        return new InputStatistics(
                entries + other.entries, nonZero + other.nonZero, levelSum + other.levelSum, broadest, once);
    }

    private static int breadth(LayerInputKind kind) {
        return switch (kind) {
            case SPIKES -> 0;
            case MULTI_LEVEL -> 1;
            case ANALOG -> 2;
        };
    }

    /** The non-zero fraction. */
    public double rate() {
        return entries == 0 ? 0 : nonZero / (double) entries;
    }

    /** The mean level per entry; the rate for binary spikes. */
    public double meanLevel() {
        return entries == 0 ? 0 : levelSum / entries;
    }

    /** The cost model's view: kind, rate, mean level and whether the layer runs once. */
    public LayerInput toLayerInput() {
        LayerInput input =
                switch (kind) {
                    case ANALOG -> LayerInput.analog(rate());
                    case SPIKES -> LayerInput.spikes(rate());
                    case MULTI_LEVEL -> LayerInput.multiLevel(rate(), meanLevel());
                };
        return once ? input.runOnce() : input;
    }

    /**
     * The operand an event-driven matmul {@code A·B} is driven by: each non-zero entry of a spike operand adds one
     * row or column of the other, so the cost is the sparser spike operand's accumulates per MAC. Analog only when
     * both operands are.
     */
    static InputStatistics drivingOperand(InputStatistics a, InputStatistics b) {
        if (a.kind == LayerInputKind.ANALOG) {
            return b;
        }
        if (b.kind == LayerInputKind.ANALOG) {
            return a;
        }
        return b.meanLevel() < a.meanLevel() ? b : a;
    }
}

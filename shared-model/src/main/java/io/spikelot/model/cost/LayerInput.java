package io.spikelot.model.cost;

/**
 * The input of one conv, linear or attention matmul, as the cost model prices it.
 *
 * @param kind analog, spikes or multi-level
 * @param rate the non-zero fraction of the input entries over neurons and timesteps, in [0, 1] (D13)
 * @param meanLevel the mean level per entry in units of the spike value ({@code rate} for binary spikes, up to
 *     2^S − 1 for S-bit spikes); null for analog input
 * @param once whether the layer runs once per sample rather than once per timestep: the static-image encoder,
 *     whose output is repeated T times (D14). A conv on event frames runs T times.
 */
public record LayerInput(LayerInputKind kind, double rate, Double meanLevel, boolean once) {

    public LayerInput {
        if (kind == null) {
            throw new IllegalArgumentException("Layer input kind is required");
        }
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("Input rate must lie in [0, 1], got " + rate);
        }
        if (kind == LayerInputKind.ANALOG) {
            meanLevel = null;
        } else if (meanLevel == null || !(meanLevel >= 0.0) || Double.isInfinite(meanLevel)) {
            throw new IllegalArgumentException("Spike input needs a finite mean level >= 0, got " + meanLevel);
        }
    }

    /** Real-valued input of a layer that runs every timestep. */
    public static LayerInput analog(double rate) {
        return new LayerInput(LayerInputKind.ANALOG, rate, null, false);
    }

    /** Binary spikes at {@code rate}. */
    public static LayerInput spikes(double rate) {
        return new LayerInput(LayerInputKind.SPIKES, rate, rate, false);
    }

    /** Multi-level spikes: non-zero fraction {@code rate}, mean level {@code meanLevel} per entry. */
    public static LayerInput multiLevel(double rate, double meanLevel) {
        return new LayerInput(LayerInputKind.MULTI_LEVEL, rate, meanLevel, false);
    }

    /** The same input, for a layer that runs once per sample. */
    public LayerInput runOnce() {
        return new LayerInput(kind, rate, meanLevel, true);
    }

    /**
     * Accumulates per MAC and timestep for spike input: the rate for binary spikes, the mean level for multi-level
     * ones (a level-k spike is k accumulates of the weight). Analog input does MACs, not accumulates: 0.
     */
    public double accumulatesPerMac() {
        return kind == LayerInputKind.ANALOG ? 0.0 : meanLevel;
    }

    /** The rate NS-ACE weights MACs by (D13: the non-zero fraction); analog input is dense, 1. */
    public double nsAceRate() {
        return kind == LayerInputKind.ANALOG ? 1.0 : rate;
    }
}
